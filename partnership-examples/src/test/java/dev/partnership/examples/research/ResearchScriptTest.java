package dev.partnership.examples.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.Partnership;
import dev.partnership.Trend;
import dev.partnership.examples.sample.SampleGenerator;
import dev.partnership.io.CsvDatasetWriter;
import dev.partnership.io.DatasetReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResearchScriptTest {
    @TempDir
    Path dir;

    @Test
    void importsEvaluatesAtThreeDatesAndWritesCsvJsonAndHtmlReproducibly() throws IOException {
        Partnership sample;
        try (InputStream in = SampleGenerator.openBundledSample()) {
            sample = DatasetReader.defaults().read(in, "sample");
        }
        Path in = dir.resolve("export");
        CsvDatasetWriter.write(sample, Files.createDirectories(in));
        List<Instant> dates = List.of(Instant.parse("2024-06-30T00:00:00Z"), Instant.parse("2025-06-30T00:00:00Z"),
                Instant.parse("2026-06-30T00:00:00Z"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Trend trend = ResearchScript.run(in, dir.resolve("out1"), dates,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        ResearchScript.run(in, dir.resolve("out2"), dates, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        assertEquals(3, trend.evaluations().size());
        for (String file : List.of("scores.csv", "trend.json", "report.html")) {
            String a = Files.readString(dir.resolve("out1").resolve(file), StandardCharsets.UTF_8);
            assertEquals(a, Files.readString(dir.resolve("out2").resolve(file), StandardCharsets.UTF_8), file);
        }
        String csv = Files.readString(dir.resolve("out1/scores.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.contains(",2024-06-30T00:00:00Z,") && csv.contains(",2026-06-30T00:00:00Z,"));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("signals.csv=1757"), log::toString);
    }
}
