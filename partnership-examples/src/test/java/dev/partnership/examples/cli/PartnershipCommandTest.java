package dev.partnership.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnership.Evaluation;
import dev.partnership.Evaluator;
import dev.partnership.Partnership;
import dev.partnership.Score;
import dev.partnership.examples.sample.SampleGenerator;
import dev.partnership.io.DatasetReader;
import dev.partnership.io.DatasetWriter;
import dev.partnership.io.EvaluationJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartnershipCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    private static Path sampleFile;

    @TempDir
    Path dir;

    @BeforeAll
    static void copySample() throws IOException {
        sampleFile = shared.resolve("riverbend.json");
        try (InputStream in = SampleGenerator.openBundledSample()) {
            Files.copy(in, sampleFile);
        }
    }

    private static void assertUsageError(CapturedRun run, String... named) {
        assertEquals(PartnershipCommand.EXIT_BAD_INPUT, run.status(), run::toString);
        assertEquals("", run.out(), "nothing on standard output after a usage error");
        for (String n : named) {
            assertTrue(run.err().contains(n), () -> "stderr should name " + n + ": " + run);
        }
        assertFalse(run.err().contains("\tat "), run::toString);
    }

    /** Writes a partnership-config/1 file with the given members after {@code format}. */
    private Path config(String members) throws IOException {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{ \"format\": \"partnership-config/1\", " + members + " }", StandardCharsets.UTF_8);
        return config;
    }

    // ------------------------------------------------------------------------------------------------ help

    @Test
    void helpAndVersion() {
        for (String h : new String[] {"--help", "help", "-h"}) {
            CapturedRun run = CapturedRun.of(h);
            assertEquals(0, run.status(), run::toString);
            assertTrue(run.out().contains("partnership evaluate"), run::toString);
            assertEquals("", run.err());
        }
        CapturedRun verbHelp = CapturedRun.of("help", "sample");
        assertEquals(0, verbHelp.status());
        assertTrue(verbHelp.out().contains("--seed N"), verbHelp::toString);
        CapturedRun optionHelp = CapturedRun.of("evaluate", "--help");
        assertEquals(0, optionHelp.status());
        assertTrue(optionHelp.out().contains("--as-of DATE"), optionHelp::toString);

        CapturedRun version = CapturedRun.of("--version");
        assertEquals(0, version.status());
        assertEquals("partnership " + Evaluator.VERSION, version.out().strip());
    }

    @Test
    void usageErrorsNameTheProblem() {
        assertUsageError(CapturedRun.of(), "Usage");
        assertUsageError(CapturedRun.of("frobnicate"), "'frobnicate'");
        assertUsageError(CapturedRun.of("--frobnicate"), "--frobnicate");
        assertUsageError(CapturedRun.of("evaluate", "--sample", "--frobnicate"), "--frobnicate", "evaluate --help");
        assertUsageError(CapturedRun.of("evaluate", "--sample", "--format"), "--format");
        assertUsageError(CapturedRun.of("evaluate", "--sample", "--format", "xml"), "--format", "xml");
        assertUsageError(CapturedRun.of("evaluate", "--sample", "--as-of", "yesterday"), "--as-of", "yesterday");
        assertUsageError(CapturedRun.of("evaluate", "--sample", "--output"), "--output");
        assertUsageError(CapturedRun.of("evaluate", "--sample", "--format", "json", "--format", "json"), "--format");
        assertUsageError(CapturedRun.of("evaluate"), "DATASET", "--sample");
        assertUsageError(CapturedRun.of("evaluate", sampleFile.toString(), "--sample"), "--sample");
        assertUsageError(CapturedRun.of("validate"), "DATASET");
        assertUsageError(CapturedRun.of("validate", "a.json", "b.json"), "b.json");
        assertUsageError(CapturedRun.of("strategies", "extra"), "extra");
        assertUsageError(CapturedRun.of("sample", "--size", "medium"), "--size", "medium");
        assertUsageError(CapturedRun.of("sample", "--seed", "x"), "--seed", "x");
        assertUsageError(CapturedRun.of("help", "frobnicate"), "frobnicate");
    }

    @Test
    void asOfAcceptsDatesAndInstants() throws UsageException {
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), PartnershipCommand.parseInstant("2025-01-01"));
        assertEquals(Instant.parse("2025-01-01T12:30:00Z"), PartnershipCommand.parseInstant("2025-01-01T12:30:00Z"));
        assertEquals(Instant.parse("2025-01-01T10:30:00Z"),
                PartnershipCommand.parseInstant("2025-01-01T12:30:00+02:00"));
        assertThrows(UsageException.class, () -> PartnershipCommand.parseInstant("2025-13-01"));
    }

    // ------------------------------------------------------------------------------------------------ files

    @Test
    void missingAndUnreadableFilesAreBadInputNamingThePath() {
        Path missing = dir.resolve("no-such.json");
        for (String verb : new String[] {"validate", "evaluate"}) {
            CapturedRun run = CapturedRun.of(verb, missing.toString());
            assertEquals(2, run.status(), run::toString);
            assertTrue(run.err().contains(missing.toString()), run::toString);
            assertTrue(run.err().contains("no such file"), run::toString);
            assertEquals("", run.out());
            assertFalse(run.errHasStackTrace(), run::toString);
        }
        CapturedRun directory = CapturedRun.of("validate", dir.toString());
        assertEquals(2, directory.status(), directory::toString);
        assertTrue(directory.err().contains(dir.toString()), directory::toString);

        CapturedRun missingConfig = CapturedRun.of("evaluate", "--sample", "--config", missing.toString());
        assertEquals(2, missingConfig.status(), missingConfig::toString);
        assertTrue(missingConfig.err().contains(missing.toString()), missingConfig::toString);
    }

    @Test
    void malformedJsonIsBadInput() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ \"format\": ", StandardCharsets.UTF_8);
        CapturedRun run = CapturedRun.of("validate", bad.toString());
        assertEquals(2, run.status(), run::toString);
        assertTrue(run.err().contains(bad.toString()), run::toString);
        assertFalse(run.errHasStackTrace(), run::toString);
    }

    // ------------------------------------------------------------------------------------------------ validate

    @Test
    void validatePrintsOneLineOfCounts() throws IOException {
        Partnership p = DatasetReader.defaults().read(sampleFile);
        CapturedRun run = CapturedRun.of("validate", sampleFile.toString());
        assertEquals(0, run.status(), run::toString);
        assertEquals(1, run.out().lines().count(), run::toString);
        String line = run.out();
        assertTrue(line.contains(p.partners().size() + " partners"), line);
        assertTrue(line.contains(p.goals().size() + " goals"), line);
        assertTrue(line.contains(p.signals().size() + " signals"), line);
        assertTrue(line.contains(p.ratings().size() + " ratings"), line);
        assertTrue(line.contains(p.surveys().size() + " surveys"), line);
        assertTrue(line.contains(p.measurements().size() + " measurements"), line);
        assertEquals("", run.err());
    }

    // ------------------------------------------------------------------------------------------------ evaluate

    @Test
    void evaluateJsonIsAValidEvaluationWithTheThreeStrategies() throws IOException {
        CapturedRun run = CapturedRun.of("evaluate", sampleFile.toString(), "--format", "json");
        assertEquals(0, run.status(), run::toString);
        JsonNode root = JSON.readTree(run.out());
        assertEquals(EvaluationJson.FORMAT, root.get("format").asText());
        assertEquals(SampleGenerator.PARTNERSHIP_ID, root.get("partnership").asText());
        assertEquals("2026-06-30T00:00:00Z", root.get("asOf").asText());
        Evaluation evaluation = EvaluationJson.read(run.out());
        Set<String> strategies = new TreeSet<>();
        for (Score s : evaluation.scores()) {
            strategies.add(s.strategy());
        }
        assertTrue(strategies.containsAll(Set.of("beta-reputation", "kendall-w", "target-attainment")),
                strategies::toString);
    }

    @Test
    void evaluateSampleEqualsEvaluatingTheFile() {
        CapturedRun fromFile = CapturedRun.of("evaluate", sampleFile.toString(), "--format", "json");
        CapturedRun bundled = CapturedRun.of("evaluate", "--sample", "--format", "json");
        assertEquals(0, bundled.status(), bundled::toString);
        assertEquals(fromFile.out(), bundled.out());
    }

    @Test
    void asOfChangesTheEvaluationTime() throws IOException {
        CapturedRun early = CapturedRun.of("evaluate", "--sample", "--format", "json", "--as-of", "2025-01-01");
        assertEquals(0, early.status(), early::toString);
        Evaluation e = EvaluationJson.read(early.out());
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), e.asOf());
        CapturedRun latest = CapturedRun.of("evaluate", "--sample", "--format", "json");
        assertNotEquals(e, EvaluationJson.read(latest.out()));

        CapturedRun instant = CapturedRun.of("evaluate", "--sample", "--format=json", "--as-of=2025-03-01T12:00:00Z");
        assertEquals(Instant.parse("2025-03-01T12:00:00Z"), EvaluationJson.read(instant.out()).asOf());
    }

    @Test
    void markdownIsTheDefaultFormat() {
        CapturedRun run = CapturedRun.of("evaluate", "--sample");
        assertEquals(0, run.status(), run::toString);
        assertTrue(run.out().startsWith("# " + SampleGenerator.PARTNERSHIP_NAME), run::toString);
        assertTrue(run.out().contains("Keystone Fabrication"), run::toString);
    }

    @Test
    void outputWritesTheFileAndNothingToStandardOutput() throws IOException {
        Path report = dir.resolve("report.json");
        CapturedRun run = CapturedRun.of("evaluate", "--sample", "--format", "json", "--output", report.toString());
        assertEquals(0, run.status(), run::toString);
        assertEquals("", run.out());
        String written = Files.readString(report, StandardCharsets.UTF_8);
        assertEquals(CapturedRun.of("evaluate", "--sample", "--format", "json").out(), written);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void failedRunLeavesTheOutputFileAlone() throws IOException {
        Path report = dir.resolve("report.md");
        Files.writeString(report, "previous", StandardCharsets.UTF_8);
        CapturedRun run = CapturedRun.of("evaluate", dir.resolve("missing.json").toString(), "--output",
                report.toString());
        assertEquals(2, run.status(), run::toString);
        assertEquals("previous", Files.readString(report, StandardCharsets.UTF_8));

        CapturedRun noDir = CapturedRun.of("evaluate", "--sample", "--output",
                dir.resolve("no-such-dir").resolve("r.md").toString());
        assertEquals(2, noDir.status(), noDir::toString);
        assertTrue(noDir.err().contains("no-such-dir"), noDir::toString);
        assertEquals("", noDir.out());
    }

    @Test
    void configFileEnablingOneStrategy() throws IOException {
        Path config = config("\"enabled\": [\"kendall-w\"]");
        CapturedRun run = CapturedRun.of("evaluate", "--sample", "--format", "json", "--config", config.toString());
        assertEquals(0, run.status(), run::toString);
        Evaluation e = EvaluationJson.read(run.out());
        assertFalse(e.scores().isEmpty());
        for (Score s : e.scores()) {
            assertEquals("kendall-w", s.strategy());
        }
    }

    @Test
    void configNamingAnUnknownStrategyIsBadInputWithItsPointer() throws IOException {
        Path config = config("\"enabled\": [\"no-such-strategy\"]");
        CapturedRun run = CapturedRun.of("evaluate", "--sample", "--config", config.toString());
        assertEquals(2, run.status(), run::toString);
        assertTrue(run.err().contains("/enabled/0"), run::toString);
        assertTrue(run.err().contains("no-such-strategy"), run::toString);
        assertTrue(run.err().contains(config.toString()), run::toString);
        assertEquals("", run.out());
        assertFalse(run.errHasStackTrace(), run::toString);
    }

    @Test
    void internalErrorIsOneLineAndTheTraceComesOnlyWithDebug() throws IOException {
        Path config = config("\"strategies\": { \"" + FailingStrategyProvider.ID + "\": { \"fail\": true } }");
        CapturedRun run = CapturedRun.of("evaluate", "--sample", "--config", config.toString());
        assertEquals(PartnershipCommand.EXIT_INTERNAL_ERROR, run.status(), run::toString);
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run::toString);
        assertTrue(run.err().startsWith("internal error: "), run::toString);
        assertTrue(run.err().contains("deliberate failure over two lines"), run::toString);

        CapturedRun debug = CapturedRun.of("--debug", "evaluate", "--sample", "--config", config.toString());
        assertEquals(PartnershipCommand.EXIT_INTERNAL_ERROR, debug.status(), debug::toString);
        assertTrue(debug.err().startsWith("internal error: "), debug::toString);
        assertTrue(debug.err().contains("\tat "), debug::toString);
    }

    // ------------------------------------------------------------------------------------------------ strategies

    @Test
    void strategiesListsIdsDimensionsDescriptionsAndParameters() {
        CapturedRun run = CapturedRun.of("strategies");
        assertEquals(0, run.status(), run::toString);
        assertTrue(run.out().contains("beta-reputation (TRUST)"), run::toString);
        assertTrue(run.out().contains("kendall-w (ALIGNMENT)"), run::toString);
        assertTrue(run.out().contains("target-attainment (IMPACT)"), run::toString);
        assertTrue(run.out().contains("halfLifeDays = 365"), run::toString);
        assertTrue(run.out().contains("fail = false (true or false): whether to throw"), run::toString);
    }

    // ------------------------------------------------------------------------------------------------ sample

    @Test
    void sampleWritesTheBundledDatasetToStandardOutput() throws IOException {
        CapturedRun run = CapturedRun.of("sample");
        assertEquals(0, run.status(), run::toString);
        assertEquals(Files.readString(sampleFile, StandardCharsets.UTF_8), run.out());
    }

    @Test
    void sampleWithSeedAndOutput() throws IOException {
        Path out = dir.resolve("s.json");
        CapturedRun run = CapturedRun.of("sample", "--seed", "7", "--size", "small", "--output", out.toString());
        assertEquals(0, run.status(), run::toString);
        assertEquals("", run.out());
        String written = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(DatasetWriter.toJson(SampleGenerator.defaults().withSeed(7).generate()), written);
        assertNotEquals(Files.readString(sampleFile, StandardCharsets.UTF_8), written);
        assertEquals(SampleGenerator.PARTNERSHIP_ID, DatasetReader.defaults().read(out).id());
    }
}
