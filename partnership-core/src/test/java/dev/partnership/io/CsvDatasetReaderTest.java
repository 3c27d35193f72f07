package dev.partnership.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.EngagementSignal;
import dev.partnership.InvalidDatasetException;
import dev.partnership.Measurement;
import dev.partnership.MeasurementGroup;
import dev.partnership.Partnership;
import dev.partnership.Problem;
import dev.partnership.Rating;
import dev.partnership.RatingDimension;
import dev.partnership.SignalKind;
import dev.partnership.SurveyResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetReaderTest {

    private static final String SKELETON = resource("skeleton.json");

    private static String resource(String name) {
        try (InputStream in = CsvDatasetReaderTest.class.getResourceAsStream("csv/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Path resourceDir() {
        try {
            return Path.of(CsvDatasetReaderTest.class.getResource("csv/skeleton.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private static CsvDatasetReader.CsvTexts signals(String csv) {
        return new CsvDatasetReader.CsvTexts(csv, null, null, null);
    }

    private static List<String> locations(InvalidDatasetException e) {
        return e.problems().stream().map(Problem::location).collect(Collectors.toList());
    }

    private static InvalidDatasetException fails(CsvDatasetReader.CsvTexts texts) {
        return assertThrows(InvalidDatasetException.class, () -> CsvDatasetReader.defaults().read(SKELETON, texts));
    }

    @Test
    void readsEveryFileAndAppendsRowsInFileOrder() {
        CsvDatasetReader.Result r = CsvDatasetReader.defaults().read(SKELETON, new CsvDatasetReader.CsvTexts(
                "at,source,target,goal,kind,value\n2025-02-01,a,b,g,MEETING_ATTENDED,\n"
                        + "2025-02-02T10:00:00+02:00,b,,,FEEDBACK,-0.5\n",
                "at,rater,ratee,dimension,value\n2025-03-01,a,b,OPENNESS,3\n",
                "instrument,wave,respondent,partner,p1,p2\npulse,w1,r1,a,1,\npulse,w1,r2,,4,3\n",
                "goal,at,group,mean,sd,n,se\ng,2025-06-30,PARTNERSHIP,81.5,2.0,40,\ng,2025-06-30,COMPARISON,80,,,0.4\n"));
        Partnership p = r.partnership();
        assertEquals(List.of(
                new EngagementSignal(Instant.parse("2025-02-01T00:00:00Z"), "a", "b", "g", SignalKind.MEETING_ATTENDED),
                new EngagementSignal(Instant.parse("2025-02-02T08:00:00Z"), "b", null, null, SignalKind.FEEDBACK, -0.5)),
                p.signals());
        assertEquals(List.of(new Rating(Instant.parse("2025-03-01T00:00:00Z"), "a", "b", RatingDimension.OPENNESS, 3)),
                p.ratings());
        assertEquals(List.of(new SurveyResponse("pulse", "w1", "r1", "a", Map.of("p1", 1)),
                new SurveyResponse("pulse", "w1", "r2", null, Map.of("p1", 4, "p2", 3))), p.surveys());
        Instant june = Instant.parse("2025-06-30T00:00:00Z");
        assertEquals(List.of(new Measurement("g", june, MeasurementGroup.PARTNERSHIP, 81.5, 2.0, 40, null, List.of()),
                new Measurement("g", june, MeasurementGroup.COMPARISON, 80, null, null, 0.4, List.of())),
                p.measurements());
        assertEquals(Map.of("signals.csv", 2, "ratings.csv", 1, "surveys.csv", 2, "measurements.csv", 2), r.rows());
        assertEquals(List.of("signals.csv", "ratings.csv", "surveys.csv", "measurements.csv"),
                new ArrayList<>(r.rows().keySet()));
        assertTrue(r.skipped().isEmpty());
    }

    @Test
    void optionalColumnsMayBeLeftOutOfTheHeader() {
        Partnership p = CsvDatasetReader.defaults().read(SKELETON, new CsvDatasetReader.CsvTexts(
                "kind,source,at\nCONFLICT,a,2025-02-01\n", null, "respondent,wave,instrument\nr1,w1,pulse\n",
                "mean,group,at,goal\n1.5,PARTNERSHIP,2025-02-01,g\n")).partnership();
        assertEquals(List.of(new EngagementSignal(Instant.parse("2025-02-01T00:00:00Z"), "a", null, null,
                SignalKind.CONFLICT)), p.signals());
        assertEquals(List.of(new SurveyResponse("pulse", "w1", "r1", null, Map.of())), p.surveys());
        assertEquals(1.5, p.measurements().get(0).mean());
    }

    @Test
    void bomCrlfQuotedCommasAndBlankLinesAreHandled() {
        Partnership p = CsvDatasetReader.defaults().read(SKELETON.replace("\"Alpha\"", "\"Alpha\"")
                        .replace("{\"id\": \"b\", \"name\": \"Beta\"", "{\"id\": \"b,2\", \"name\": \"Beta\""),
                signals("\uFEFFat,source,target,goal,kind,value\r\n\r\n2025-02-01,a,\"b,2\",,MEETING_ATTENDED,\r\n"
                        + "2025-02-02,\"b,2\",a,,RESOURCE_SHARED,\"1.5\"\r\n")).partnership();
        assertEquals(2, p.signals().size());
        assertEquals("b,2", p.signals().get(0).target());
        assertEquals(1.5, p.signals().get(1).value());
    }

    @Test
    void headerOnlyGivesNoRowsAndEmptyFileIsAnError() {
        CsvDatasetReader.Result r = CsvDatasetReader.defaults().read(SKELETON,
                signals("at,source,target,goal,kind,value\n"));
        assertTrue(r.partnership().signals().isEmpty());
        assertEquals(Map.of("signals.csv", 0), r.rows());
        assertEquals(List.of("signals.csv:1"), locations(fails(signals(""))));
        assertEquals(List.of("signals.csv:1"), locations(fails(signals("\uFEFF"))));
    }

    @Test
    void everyBadRowIsReportedAtItsLineAndColumnTogether() {
        InvalidDatasetException e = fails(new CsvDatasetReader.CsvTexts(
                "at,source,target,goal,kind,value\n"
                        + "yesterday,a,,,MEETING_ATTENDED,\n"      // 2 bad date
                        + "2025-02-01,a,,,WAVED,\n"                // 3 unknown kind
                        + "2025-02-01,a,,,FEEDBACK,2\n"            // 4 value off scale
                        + "2025-02-01,,,,CONFLICT,\n"              // 5 missing required cell
                        + "2025-02-01,zed,,,CONFLICT,\n"           // 6 unknown partner
                        + "2025-02-01,a,,,CONFLICT,1,9\n"          // 7 extra cell
                        + "2025-02-01,a\n"                         // 8 too few cells
                        + "2025-02-01,a,,,RESOURCE_SHARED,lots\n", // 9 non-numeric
                null,
                "instrument,wave,respondent,partner,p1\npulse,w,r,a,1\npulse,w,r,b,2\n", // duplicate respondent
                null));
        assertEquals(List.of("signals.csv:2:at", "signals.csv:3:kind", "signals.csv:4:value", "signals.csv:5:source",
                "signals.csv:6:source", "signals.csv:7:7", "signals.csv:8:target", "signals.csv:9:value",
                "surveys.csv:3:respondent"), locations(e));
        assertEquals("skeleton.json", e.source());
        assertTrue(e.problems().get(4).message().contains("unknown partner 'zed'"), e.problems().get(4).message());
    }

    @Test
    void headerProblemsAreAtLineOneAndSkipTheFilesRows() {
        InvalidDatasetException e = fails(signals("at,source,kind,kind,colour\n2025-02-01,a,nonsense,x,y\n"));
        assertEquals(List.of("signals.csv:1:kind", "signals.csv:1:colour"), locations(e));
    }

    @Test
    void surveyColumnsOfAnotherInstrumentMustBeEmpty() {
        InvalidDatasetException e = fails(new CsvDatasetReader.CsvTexts(null, null,
                "instrument,wave,respondent,partner,p1,cf01\npulse,w,r1,,1,\npulse,w,r2,,1,4\n", null));
        assertEquals(List.of("surveys.csv:3:cf01"), locations(e));
        assertTrue(e.problems().get(0).message().contains("has no item 'cf01'"));
    }

    @Test
    void skipBadRowsImportsTheGoodRowsAndListsTheOthers() {
        CsvDatasetReader.Result r = CsvDatasetReader.defaults().withSkipBadRows(true).read(SKELETON,
                new CsvDatasetReader.CsvTexts("at,source,target,goal,kind,value\n"
                        + "2025-02-01,a,,,CONFLICT,\n"
                        + "2025-02-01,zed,,,CONFLICT,\n"
                        + "2025-02-31,a,,,CONFLICT,\n"
                        + "2025-02-02,b,a,g,COMMITMENT_KEPT,\n", null,
                        "instrument,wave,respondent,partner,p1\npulse,w,r,a,1\npulse,w,r,b,2\n", null));
        assertEquals(2, r.partnership().signals().size());
        assertEquals("b", r.partnership().signals().get(1).source());
        assertEquals(1, r.partnership().surveys().size());
        assertEquals(List.of("signals.csv:3:source", "signals.csv:4:at", "surveys.csv:3:respondent"),
                r.skipped().stream().map(Problem::location).collect(Collectors.toList()));
        assertEquals(Map.of("signals.csv", 2, "surveys.csv", 1), r.rows());
    }

    @Test
    void skipBadRowsStillFailsOnFileProblems() {
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> CsvDatasetReader.defaults()
                .withSkipBadRows(true).read(SKELETON, signals("at,source\n2025-02-01,a\n")));
        assertEquals(List.of("signals.csv:1:kind"), locations(e));
    }

    @Test
    void skeletonAndCsvProblemsAreReportedTogether() {
        InvalidDatasetException e = fails(new CsvDatasetReader.CsvTexts("at,source,kind\nnever,a,CONFLICT\n", null,
                null, null));
        assertEquals(1, e.problems().size());
        InvalidDatasetException both = assertThrows(InvalidDatasetException.class, () -> CsvDatasetReader.defaults()
                .read(SKELETON.replace("\"SCHOOL\"", "\"CASTLE\""), signals("at,source,kind\nnever,a,CONFLICT\n")));
        assertEquals(List.of("skeleton.json#/partners/0/type", "signals.csv:2:at"), locations(both));
    }

    @Test
    void sizeAndCellLimitsAreRespected() {
        String csv = "at,source,kind\n2025-02-01,a,CONFLICT\n";
        InvalidDatasetException big = assertThrows(InvalidDatasetException.class, () -> CsvDatasetReader.defaults()
                .withLimits(ReadLimits.DEFAULTS.withMaxDocumentBytes(SKELETON.length())).read(SKELETON,
                        signals(csv + csv.repeat(SKELETON.length() / csv.length()))));
        assertEquals(List.of("signals.csv:1"), locations(big));
        InvalidDatasetException cell = assertThrows(InvalidDatasetException.class, () -> CsvDatasetReader.defaults()
                .withLimits(ReadLimits.DEFAULTS.withMaxStringLength(21)).read(SKELETON,
                        signals("at,source,kind\n2025-02-01T00:00:00.000Z,a,CONFLICT\n")));
        assertEquals(List.of("signals.csv:2:at"), locations(cell));
    }

    @Test
    void rowLimitStopsAFileAtTheFirstRowOverIt() {
        String csv = "at,source,kind\n" + "2025-02-01,a,CONFLICT\n".repeat(4);
        CsvDatasetReader four = CsvDatasetReader.defaults().withLimits(ReadLimits.DEFAULTS.withMaxRecords(4));
        assertEquals(Map.of("signals.csv", 4), four.read(SKELETON, signals(csv)).rows(), "exactly at the bound is fine");
        CsvDatasetReader three = CsvDatasetReader.defaults().withLimits(ReadLimits.DEFAULTS.withMaxRecords(3));
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> three.read(SKELETON,
                signals(csv)));
        assertEquals(List.of("signals.csv:5"), locations(e));
        String message = e.problems().get(0).message();
        assertTrue(message.contains("more than 3 data rows") && message.contains("ReadLimits.maxRecords"), message);
        // A whole-file problem: skipping bad rows does not turn it into a partial import.
        assertThrows(InvalidDatasetException.class, () -> three.withSkipBadRows(true).read(SKELETON, signals(csv)));
    }

    @Test
    void rowLimitAppliesToFilesReadByPath(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("skeleton.json"), SKELETON);
        Files.writeString(dir.resolve("signals.csv"), "at,source,kind\n" + "2025-02-01,a,CONFLICT\n".repeat(3));
        CsvDatasetReader two = CsvDatasetReader.defaults().withLimits(ReadLimits.DEFAULTS.withMaxRecords(2));
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> two.read(
                dir.resolve("skeleton.json"), CsvDatasetReader.CsvFiles.in(dir)));
        assertEquals(List.of("signals.csv:4"), locations(e));
    }

    @Test
    void filesAreReadByPathAndLocatedByFileName(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("skeleton.json"), SKELETON);
        Files.write(dir.resolve("signals.csv"), "at,source,kind\n2025-02-01,a,CONFLICT\n".getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("ratings.csv"), new byte[] {'a', 't', '\n', (byte) 0xC3, '\n'});
        CsvDatasetReader.CsvFiles files = CsvDatasetReader.CsvFiles.in(dir);
        assertNull(files.surveys());
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class,
                () -> CsvDatasetReader.defaults().read(dir.resolve("skeleton.json"), files));
        assertEquals(List.of("ratings.csv:2"), locations(e));
        Files.delete(dir.resolve("ratings.csv"));
        CsvDatasetReader.Result r = CsvDatasetReader.defaults().read(dir.resolve("skeleton.json"),
                CsvDatasetReader.CsvFiles.in(dir));
        assertEquals(Map.of("signals.csv", 1), r.rows());
    }

    /** Each file in the resource directory has exactly one problem, at the location listed in expected.txt. */
    @Test
    void everyBadResourceFileFailsAtItsListedLocation() throws IOException {
        Path dir = resourceDir();
        int checked = 0;
        for (String line : Files.readAllLines(dir.resolve("expected.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\|");
            Path csv = dir.resolve(parts[0]);
            CsvDatasetReader.CsvFiles files = parts[0].startsWith("signals")
                    ? new CsvDatasetReader.CsvFiles(csv, null, null, null)
                    : parts[0].startsWith("ratings") ? new CsvDatasetReader.CsvFiles(null, csv, null, null)
                    : parts[0].startsWith("surveys") ? new CsvDatasetReader.CsvFiles(null, null, csv, null)
                    : new CsvDatasetReader.CsvFiles(null, null, null, csv);
            InvalidDatasetException e = assertThrows(InvalidDatasetException.class,
                    () -> CsvDatasetReader.defaults().read(dir.resolve("skeleton.json"), files), parts[0]);
            assertEquals(List.of(parts[1]), locations(e), parts[0] + ": " + e.problems());
            String[] fileLine = parts[1].split(":");
            assertTrue(e.problems().get(0).location().startsWith(fileLine[0] + ":" + fileLine[1]));
            checked++;
        }
        assertTrue(checked >= 12, "at least 12 bad files, found " + checked);
    }
}
