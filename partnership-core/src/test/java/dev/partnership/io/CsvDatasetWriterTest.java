package dev.partnership.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.partnership.Evaluation;
import dev.partnership.Evaluator;
import dev.partnership.Instrument;
import dev.partnership.Measurement;
import dev.partnership.MeasurementGroup;
import dev.partnership.Partnership;
import dev.partnership.SamplePartnerships;
import dev.partnership.SurveyResponse;
import dev.partnership.TestStrategies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetWriterTest {

    private static Partnership roundTrip(Partnership p) {
        Map<String, String> files = CsvDatasetWriter.toFiles(p);
        return CsvDatasetReader.defaults().read(files.get(CsvDatasetReader.SKELETON_FILE),
                new CsvDatasetReader.CsvTexts(files.get(CsvDatasetReader.SIGNALS_FILE),
                        files.get(CsvDatasetReader.RATINGS_FILE), files.get(CsvDatasetReader.SURVEYS_FILE),
                        files.get(CsvDatasetReader.MEASUREMENTS_FILE))).partnership();
    }

    /** The sample with surveys of a declared and a built-in instrument and measurements using every optional field. */
    private static Partnership full() {
        Partnership s = SamplePartnerships.small();
        Instrument pulse = new Instrument("pulse", "Pulse", new Instrument.Scale(1, 4, 9),
                List.of(new Instrument.Item("p1", "f", false), new Instrument.Item("p2", "f", true)),
                List.of(new Instrument.Factor("f", "F", "c")), List.of(new Instrument.Category("c", "C")), List.of());
        Instant june = Instant.parse("2025-06-30T12:30:00.25Z");
        return new Partnership(s.id(), s.name(), s.start(), s.partners(), s.goals(), s.priorities(), s.signals(),
                s.ratings(),
                List.of(new SurveyResponse("pulse", "2025-spring", "r1", "rusd", Map.of("p1", 1, "p2", 9)),
                        new SurveyResponse("collaboration-factors", "2025-spring", "r1", null, Map.of("cf01", 5)),
                        new SurveyResponse("pulse", "2025-fall", "r,2", "ngo", Map.of())),
                List.of(new Measurement("dual", june, MeasurementGroup.PARTNERSHIP, 0.1 + 0.2, 1e-300, 7, 0.5, List.of()),
                        new Measurement("dual", june, MeasurementGroup.COMPARISON, -0.0, null, null, null, List.of()),
                        new Measurement("absence", june, MeasurementGroup.PARTNERSHIP, 1.7976931348623157e308, 4.9e-324,
                                null, 3.0, List.of())),
                List.of(pulse));
    }

    @Test
    void exportThenImportGivesAnEqualPartnership() {
        Partnership p = full();
        assertEquals(p, roundTrip(p));
        assertEquals(SamplePartnerships.small(), roundTrip(SamplePartnerships.small()));
    }

    @Test
    void layoutIsSpelledOut() {
        Map<String, String> files = CsvDatasetWriter.toFiles(full());
        assertEquals(List.of("skeleton.json", "signals.csv", "ratings.csv", "surveys.csv", "measurements.csv"),
                List.copyOf(files.keySet()));
        assertTrue(files.get("signals.csv").startsWith("at,source,target,goal,kind,value\n"
                + "2025-01-02T00:00:00Z,rcc,rusd,dual,COMMITMENT_KEPT,1.0\n"), files.get("signals.csv"));
        String[] surveys = files.get("surveys.csv").split("\n");
        // Wide: the declared instrument's items first (first used), then every item of the built-in one.
        assertTrue(surveys[0].startsWith("instrument,wave,respondent,partner,p1,p2,cf01,cf02,"), surveys[0]);
        int items = surveys[0].split(",").length - 4;
        assertEquals(2 + Instrument.builtIn("collaboration-factors").orElseThrow().items().size(), items);
        assertEquals("pulse,2025-spring,r1,rusd,1,9" + ",".repeat(items - 2), surveys[1]);
        assertEquals("collaboration-factors,2025-spring,r1,,,,5" + ",".repeat(items - 3), surveys[2]);
        assertEquals("pulse,2025-fall,\"r,2\",ngo" + ",".repeat(items), surveys[3]);
        assertEquals("goal,at,group,mean,sd,n,se\n"
                + "dual,2025-06-30T12:30:00.250Z,PARTNERSHIP,0.30000000000000004,1.0E-300,7,0.5\n"
                + "dual,2025-06-30T12:30:00.250Z,COMPARISON,-0.0,,,\n"
                + "absence,2025-06-30T12:30:00.250Z,PARTNERSHIP,1.7976931348623157E308,4.9E-324,,3.0\n",
                files.get("measurements.csv"));
        assertFalse(files.get("skeleton.json").contains("\"signals\""));
        assertTrue(files.get("skeleton.json").contains("\"instruments\""));
        assertEquals(files, CsvDatasetWriter.toFiles(full()), "deterministic");
    }

    @Test
    void measurementsWithUnitValuesStayInTheSkeleton() {
        Partnership s = SamplePartnerships.small();
        Partnership p = new Partnership(s.id(), s.name(), s.start(), s.partners(), s.goals(), s.priorities(),
                List.of(), s.ratings(), List.of(), List.of(
                        new Measurement("dual", SamplePartnerships.day(3), MeasurementGroup.PARTNERSHIP, 2, null,
                                null, null, List.of(1.0, 3.0)),
                        Measurement.ofSummary("dual", SamplePartnerships.day(4), MeasurementGroup.COMPARISON, 1, 1, 3)),
                List.of());
        Map<String, String> files = CsvDatasetWriter.toFiles(p);
        assertFalse(files.containsKey("measurements.csv"));
        assertFalse(files.containsKey("signals.csv"), "no rows, no file");
        assertTrue(files.get("skeleton.json").contains("\"values\""));
        assertEquals(p, roundTrip(p));
    }

    @Test
    void exportThenImportGivesAnEqualPartnershipForGeneratedPartnerships() {
        qt().withFixedSeed(20240901L).withExamples(300).forAll(RandomPartnerships.partnerships())
                .checkAssert(p -> assertEquals(p, roundTrip(p)));
    }

    @Test
    void evaluationOfTheReimportedPartnershipIsEqual() {
        Evaluator evaluator = Evaluator.builder().discover(false)
                .register(new TestStrategies.SignalCountProvider())
                .register(new TestStrategies.PairTrustProvider())
                .register(new TestStrategies.ThinProvider())
                .build();
        Partnership p = full();
        Instant asOf = SamplePartnerships.day(30);
        Evaluation original = evaluator.evaluate(p, asOf);
        assertFalse(original.scores().isEmpty());
        assertEquals(original, evaluator.evaluate(roundTrip(p), asOf));
    }

    @Test
    void writeCreatesTheDirectoryAndReadReadsItBack(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("export");
        List<Path> written = CsvDatasetWriter.write(full(), out);
        assertEquals(5, written.size());
        assertEquals(CsvDatasetWriter.toFiles(full()).get("ratings.csv"), Files.readString(out.resolve("ratings.csv")));
        CsvDatasetReader.Result r = CsvDatasetReader.defaults().read(out.resolve("skeleton.json"),
                CsvDatasetReader.CsvFiles.in(out));
        assertEquals(full(), r.partnership());
        assertEquals(Map.of("signals.csv", 6, "ratings.csv", full().ratings().size(), "surveys.csv", 3,
                "measurements.csv", 3), r.rows());
    }
}
