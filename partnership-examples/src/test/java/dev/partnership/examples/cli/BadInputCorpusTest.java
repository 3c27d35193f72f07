package dev.partnership.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole bad-input corpus of partnership-core's test jar through the command line: JSON datasets
 * ({@code bad-datasets/}, with {@code validate} and {@code evaluate}), CSV files ({@code dev/partnership/io/csv/},
 * with {@code import csv}), xAPI statements ({@code dev/partnership/io/xapi/}, with {@code import xapi}) and
 * configurations ({@code bad-configs/}, with {@code evaluate --config}). Each file holds one kind of problem and is
 * listed in its directory's index with the location the problem must be reported at. Every one must give exit
 * status 2, that location on standard error, nothing on standard output and no stack trace; the typed exceptions
 * behind them are checked by the readers' own tests, and any other exception would surface here as exit 1.
 */
class BadInputCorpusTest {
    @TempDir
    Path dir;

    private record Case(String kind, String file, String location, String fragment) {
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = BadInputCorpusTest.class.getResourceAsStream(path)) {
            assertNotNull(in, path + " from partnership-core's test jar is not on the test class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Rows of a tab-separated index after its header: file, location and, when present, a message fragment. */
    private static List<Case> tsv(String kind, String index) throws IOException {
        List<Case> cases = new ArrayList<>();
        List<String> lines = resource(index).lines().toList();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                String[] f = line.split("\t", -1);
                cases.add(new Case(kind, f[0], f[1], f.length > 2 ? f[2] : ""));
            }
        }
        return cases;
    }

    private static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        cases.addAll(tsv("dataset", "/bad-datasets/index.tsv"));
        cases.addAll(tsv("xapi", "/dev/partnership/io/xapi/index.tsv"));
        cases.addAll(tsv("config", "/bad-configs/index.tsv"));
        for (String line : resource("/dev/partnership/io/csv/expected.txt").lines().toList()) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] f = line.split("\\|", -1);
                cases.add(new Case("csv", f[0], f[1], ""));
            }
        }
        return cases;
    }

    @Test
    void theCorpusHasAtLeastSixtyFilesOfEveryKind() throws IOException {
        List<Case> all = cases();
        assertTrue(all.size() >= 60, "corpus size " + all.size());
        for (String kind : List.of("dataset", "csv", "xapi", "config")) {
            assertTrue(all.stream().filter(c -> c.kind().equals(kind)).count() >= 10, kind);
        }
    }

    private Path copy(String resource, String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = BadInputCorpusTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, "missing corpus file " + resource);
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private List<String[]> commands(Case c) throws IOException {
        switch (c.kind()) {
            case "dataset": {
                Path f = copy("/bad-datasets/" + c.file(), c.file());
                return List.of(new String[] {"validate", f.toString()}, new String[] {"evaluate", f.toString()});
            }
            case "config": {
                Path f = copy("/bad-configs/" + c.file(), c.file());
                return List.<String[]>of(new String[] {"evaluate", "--sample", "--config", f.toString()});
            }
            case "xapi": {
                Path skeleton = copy("/dev/partnership/io/csv/skeleton.json", "skeleton.json");
                Path mapping = copy("/dev/partnership/io/xapi/mapping.json", "mapping.json");
                Path f = copy("/dev/partnership/io/xapi/" + c.file(), c.file());
                return List.<String[]>of(new String[] {"import", "xapi", "--skeleton", skeleton.toString(),
                        "--statements", f.toString(), "--mapping", mapping.toString()});
            }
            default: {
                Path skeleton = copy("/dev/partnership/io/csv/skeleton.json", "skeleton.json");
                Path f = copy("/dev/partnership/io/csv/" + c.file(), c.file());
                String option = "--" + c.file().substring(0, c.file().indexOf('-'));
                return List.<String[]>of(new String[] {"import", "csv", "--skeleton", skeleton.toString(), option,
                        f.toString()});
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputIsRejectedWithItsLocation() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.kind() + " " + c.file(), () -> {
            for (String[] args : commands(c)) {
                CapturedRun run = CapturedRun.of(args);
                String what = String.join(" ", args[0], c.file());
                assertEquals(PartnershipCommand.EXIT_BAD_INPUT, run.status(), () -> what + ": " + run);
                assertEquals("", run.out(), () -> what + ": " + run);
                String location = c.location().isEmpty() ? "(document)" : c.location();
                assertTrue(run.err().contains(location), () -> what + " should name " + location + ": " + run);
                assertTrue(run.err().contains(c.fragment()), () -> what + " should say " + c.fragment() + ": " + run);
                assertFalse(run.errHasStackTrace(), () -> what + ": " + run);
            }
        }));
    }
}
