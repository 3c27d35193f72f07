package dev.partnership.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.Evaluation;
import dev.partnership.Evaluator;
import dev.partnership.Partnership;
import dev.partnership.Score;
import dev.partnership.io.DatasetReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import csv} and {@code import xapi} on the sample exported by {@code sample --format csv|xapi}. */
class ImportCommandTest {
    @TempDir
    static Path shared;
    private static Evaluation original;

    @TempDir
    Path dir;

    @BeforeAll
    static void evaluateTheSample() throws IOException {
        Path sample = shared.resolve("riverbend.json");
        ok("sample", "--output", sample.toString());
        original = Evaluator.builder().build().evaluate(DatasetReader.defaults().read(sample));
    }

    private static CapturedRun ok(String... args) {
        CapturedRun run = CapturedRun.of(args);
        assertEquals(PartnershipCommand.EXIT_OK, run.status(), run::toString);
        return run;
    }

    private static void assertSameScores(Path imported) throws IOException {
        Partnership p = DatasetReader.defaults().read(imported);
        Evaluation e = Evaluator.builder().build().evaluate(p);
        assertEquals(original.scores().size(), e.scores().size());
        for (int i = 0; i < e.scores().size(); i++) {
            Score a = original.scores().get(i);
            Score b = e.scores().get(i);
            assertEquals(a.subject(), b.subject());
            assertEquals(a.status(), b.status());
            if (a.isOk()) {
                assertEquals(a.value(), b.value(), 1e-12, () -> a.strategy() + " " + a.subject());
            }
        }
        assertEquals(original.summary(), e.summary());
    }

    @Test
    void csvExportImportsToTheSameScores() throws IOException {
        Path csv = dir.resolve("csv");
        ok("sample", "--format", "csv", "--output", csv.toString());
        assertTrue(Files.exists(csv.resolve("signals.csv")));
        Path imported = dir.resolve("imported.json");
        CapturedRun run = ok("import", "csv", "--skeleton", csv.resolve("skeleton.json").toString(),
                "--dir", csv.toString(), "--output", imported.toString());
        assertTrue(run.err().contains("1757 rows from signals.csv"), run::toString);
        assertSameScores(imported);
    }

    @Test
    void xapiStatementsImportToTheSameScores() throws IOException {
        Path x = dir.resolve("xapi");
        ok("sample", "--format", "xapi", "--output", x.toString());
        Path imported = dir.resolve("imported.json");
        CapturedRun run = ok("import", "xapi", "--skeleton", x.resolve("skeleton.json").toString(),
                "--statements", x.resolve("statements.json").toString(), "--mapping",
                x.resolve("mapping.json").toString(), "--output", imported.toString());
        assertTrue(run.err().contains("1757 mapped, 0 unmapped"), run::toString);
        assertSameScores(imported);
    }

    @Test
    void badCsvRowsStopTheImportUnlessSkippedAndAreNamedByLine() throws IOException {
        Path csv = dir.resolve("csv");
        ok("sample", "--format", "csv", "--output", csv.toString());
        List<String> lines = Files.readAllLines(csv.resolve("signals.csv"), StandardCharsets.UTF_8);
        String[] cells = lines.get(4).split(",", -1);
        cells[0] = "not-a-date";
        lines.set(4, String.join(",", cells));
        Files.write(csv.resolve("signals.csv"), lines, StandardCharsets.UTF_8);
        Path imported = dir.resolve("imported.json");
        String[] args = {"import", "csv", "--skeleton", csv.resolve("skeleton.json").toString(), "--dir",
                csv.toString(), "--output", imported.toString()};
        CapturedRun bad = CapturedRun.of(args);
        assertEquals(PartnershipCommand.EXIT_BAD_INPUT, bad.status(), bad::toString);
        assertTrue(bad.err().contains("signals.csv:5:at"), bad::toString);
        assertFalse(bad.errHasStackTrace(), bad::toString);
        assertFalse(Files.exists(imported), "nothing written when a row is bad");

        String[] skipping = java.util.Arrays.copyOf(args, args.length + 1);
        skipping[args.length] = "--skip-bad-rows";
        CapturedRun skipped = ok(skipping);
        assertTrue(skipped.err().contains("1756 rows from signals.csv"), skipped::toString);
        assertTrue(skipped.err().contains("signals.csv:5:at"), skipped::toString);
        assertEquals(1756, DatasetReader.defaults().read(imported).signals().size());
    }

    @Test
    void unmappedStatementsAreListedAndStrictModeRejectsThem() throws IOException {
        Path x = dir.resolve("xapi");
        ok("sample", "--format", "xapi", "--output", x.toString());
        Path statements = x.resolve("statements.json");
        String json = Files.readString(statements, StandardCharsets.UTF_8);
        String verb = "https://partnership.dev/xapi/verbs/meeting-attended";
        int at = json.indexOf(verb);
        assertTrue(at > 0, "the sample has attended meetings");
        Files.writeString(statements, json.substring(0, at) + "http://example.org/verbs/waved"
                + json.substring(at + verb.length()), StandardCharsets.UTF_8);
        String[] args = {"import", "xapi", "--skeleton", x.resolve("skeleton.json").toString(), "--statements",
                statements.toString(), "--mapping", x.resolve("mapping.json").toString()};
        CapturedRun lenient = ok(args);
        assertTrue(lenient.err().contains("1756 mapped, 1 unmapped (UNKNOWN_VERB 1)"), lenient::toString);
        assertTrue(lenient.err().contains("statement "), lenient::toString);
        String[] strictArgs = java.util.Arrays.copyOf(args, args.length + 1);
        strictArgs[args.length] = "--strict";
        CapturedRun strict = CapturedRun.of(strictArgs);
        assertEquals(PartnershipCommand.EXIT_BAD_INPUT, strict.status(), strict::toString);
        assertEquals("", strict.out());
        assertTrue(strict.err().contains("UNKNOWN_VERB"), strict::toString);
    }

    @Test
    void usageMistakesAreNamed() {
        for (String[] args : List.of(new String[] {"import"}, new String[] {"import", "ods"},
                new String[] {"import", "csv", "--dir", "."}, new String[] {"import", "xapi", "--skeleton", "x.json"},
                new String[] {"sample", "--format", "csv"}, new String[] {"sample", "--format", "yaml"})) {
            CapturedRun run = CapturedRun.of(args);
            assertEquals(PartnershipCommand.EXIT_BAD_INPUT, run.status(), run::toString);
            assertFalse(run.errHasStackTrace(), run::toString);
            assertEquals("", run.out(), run::toString);
        }
        CapturedRun help = ok("import", "--help");
        assertTrue(help.out().contains("import xapi"), help::toString);
    }
}
