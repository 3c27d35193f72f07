package dev.partnership.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnership.Direction;
import dev.partnership.EngagementSignal;
import dev.partnership.Goal;
import dev.partnership.Instrument;
import dev.partnership.InvalidDatasetException;
import dev.partnership.Measurement;
import dev.partnership.MeasurementGroup;
import dev.partnership.PartnerType;
import dev.partnership.Partnership;
import dev.partnership.Problem;
import dev.partnership.RatingDimension;
import dev.partnership.SignalKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DatasetReaderTest {
    private static final String HEADER = "\"format\": \"partnership-dataset/1\", "
            + "\"partnership\": {\"id\": \"p\", \"name\": \"P\", \"start\": \"2024-09-01\"}";

    static Path resource(String name) {
        try {
            return Path.of(DatasetReaderTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Partnership riverbend() throws IOException {
        return DatasetReader.defaults().read(resource("datasets/riverbend.json"));
    }

    private static InvalidDatasetException rejected(String json) {
        return assertThrows(InvalidDatasetException.class, () -> DatasetReader.defaults().read(json, "test.json"));
    }

    private static void assertProblem(InvalidDatasetException e, String pointer, String fragment) {
        assertTrue(e.problems().stream().anyMatch(p -> p.location().equals(pointer) && p.message().contains(fragment)),
                () -> "expected a problem at '" + pointer + "' containing '" + fragment + "' but got " + e.problems());
    }

    // ---- the valid fixture ----

    @Test
    void readsTheRealisticFixtureWithEverySection() throws IOException {
        Partnership p = riverbend();
        assertEquals("riverbend", p.id());
        assertEquals(Instant.parse("2024-09-01T00:00:00Z"), p.start());
        assertEquals(4, p.partners().size());
        assertEquals(PartnerType.SCHOOL_DISTRICT, p.partners().get(0).type());
        assertEquals(Map.of("region", "north", "students", "14200"), p.partners().get(0).attributes());
        assertEquals(Map.of(), p.partners().get(3).attributes());
        assertEquals(3, p.goals().size());
        Goal dual = p.goals().get(0);
        assertEquals(2.0, dual.weight());
        assertEquals(List.of(8.0, 12.0, 18.0, 25.0, 30.0), dual.attainmentLevels());
        assertEquals(Instant.parse("2027-06-30T00:00:00Z"), dual.deadline());
        assertEquals(Direction.LOWER_IS_BETTER, p.goals().get(1).indicator().direction());
        assertNull(p.goals().get(2).indicator());
        assertEquals(1.0, p.goals().get(2).weight(), "weight defaults to 1");
        assertEquals(9, p.priorities().size());
        assertEquals(9, p.signals().size());
        EngagementSignal meeting = p.signals().get(1);
        assertEquals(Instant.parse("2025-09-10T23:30:00Z"), meeting.at(), "offsets are converted to UTC");
        assertNull(meeting.target());
        assertEquals(1.0, meeting.value(), "value defaults to 1");
        assertEquals(-0.5, p.signals().get(6).value());
        assertEquals(SignalKind.FEEDBACK, p.signals().get(6).kind());
        assertEquals(1.0, p.signals().get(8).value(), "null means absent, so the default");
        assertEquals(8, p.ratings().size());
        assertEquals(2.5, p.ratings().get(2).value());
        assertEquals(RatingDimension.COLLABORATION_LEVEL, p.ratings().get(7).dimension());
        assertEquals(5, p.surveys().size());
        assertNull(p.surveys().get(2).partner());
        assertEquals(9, p.surveys().get(3).answers().get("fp2"), "the dontKnow code is kept");
        assertEquals(5, p.measurements().size());
        Measurement m = p.measurements().get(4);
        assertEquals(MeasurementGroup.PARTNERSHIP, m.group());
        assertEquals(List.of(18.0, 21.5, 19.5, 22.0), m.values());
        assertEquals(0.11, p.measurements().get(1).se());
        assertNull(p.measurements().get(1).n());
        assertEquals(1, p.instruments().size());
        Instrument pulse = p.instruments().get(0);
        assertEquals(Integer.valueOf(9), pulse.scale().dontKnow());
        assertTrue(pulse.items().get(2).reverse());
        assertFalse(pulse.items().get(0).reverse());
        assertEquals("DEVELOPING", pulse.band(2.0).orElseThrow());
        assertNull(pulse.bands().get(2).min());
    }

    @Test
    void validFixturesPassTheSchemaToo() throws IOException {
        for (String name : List.of("datasets/riverbend.json", "datasets/minimal.json")) {
            String json = Files.readString(resource(name));
            assertEquals(Set.of(), JsonSchemas.validate(JsonSchemas.DATASET, json), name);
            DatasetReader.defaults().read(json, name);
        }
    }

    @Test
    void minimalDocumentHasEmptySections() throws IOException {
        Partnership p = DatasetReader.defaults().read(resource("datasets/minimal.json"));
        assertEquals(List.of(), p.partners());
        assertEquals(List.of(), p.signals());
        assertEquals(List.of(), p.instruments());
    }

    @Test
    void streamIsReadButNotClosed() throws IOException {
        boolean[] closed = {false};
        byte[] bytes = Files.readAllBytes(resource("datasets/riverbend.json"));
        InputStream in = new ByteArrayInputStream(bytes) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        assertEquals("riverbend", DatasetReader.defaults().read(in, "riverbend.json").id());
        assertFalse(closed[0]);
    }

    @Test
    void missingFileIsAnIoExceptionNotAProblem() {
        assertThrows(NoSuchFileException.class, () -> DatasetReader.defaults().read(Path.of("no-such-file.json")));
    }

    @Test
    void readerIsImmutable() {
        DatasetReader defaults = DatasetReader.defaults();
        ReadLimits small = ReadLimits.DEFAULTS.withMaxNestingDepth(8);
        DatasetReader other = defaults.withLimits(small);
        assertNotSame(defaults, other);
        assertSame(ReadLimits.DEFAULTS, defaults.limits());
        assertEquals(small, other.limits());
        assertEquals("partnership-dataset/1", DatasetReader.FORMAT);
    }

    // ---- the bad-dataset corpus ----

    static Stream<BadDatasets.Entry> corpus() {
        return BadDatasets.entries().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyBadDatasetIsRejectedWithItsPointerAndMessage(BadDatasets.Entry entry) {
        Path file = BadDatasets.path(entry);
        InvalidDatasetException e;
        try {
            DatasetReader.defaults().read(file);
            fail(entry.file() + " was accepted");
            return;
        } catch (InvalidDatasetException expected) {
            e = expected;
        } catch (Throwable other) {
            throw new AssertionError(entry.file() + " threw " + other + " instead of InvalidDatasetException", other);
        }
        assertEquals(file.toString(), e.source());
        assertProblem(e, entry.pointer(), entry.fragment());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        // The same bytes from a stream (as other modules read the corpus from core's test-jar) give the same problems.
        InvalidDatasetException fromStream = assertThrows(InvalidDatasetException.class, () -> DatasetReader.defaults()
                .read(new ByteArrayInputStream(BadDatasets.bytes(entry)), entry.file()));
        assertEquals(e.problems(), fromStream.problems());
    }

    @Test
    void corpusIsCompleteAndLargeEnough() throws IOException {
        List<BadDatasets.Entry> entries = BadDatasets.entries();
        assertTrue(entries.size() >= 22, "at least 22 bad datasets");
        Set<String> listed = entries.stream().map(BadDatasets.Entry::file).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(entries.size(), listed.size(), "each file once");
        Path dir = BadDatasets.path(entries.get(0)).getParent();
        try (Stream<Path> files = Files.list(dir)) {
            Set<String> present = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(present, listed, "every corpus file is in index.tsv and vice versa");
        }
        for (String name : listed) {
            assertTrue(name.matches("[0-9]{2}-[a-z0-9-]+\\.json"), name);
        }
    }

    /** Corpus files that are not JSON at all, so no schema can judge them. */
    private static final Set<String> NOT_JSON = Set.of("01-malformed-json.json", "02-trailing-tokens.json",
            "04-empty-file.json", "48-invalid-utf8.json");

    /**
     * Corpus files whose problem the schema cannot state (references, uniqueness, cross-field rules, limits, the
     * exact value of a non-finite number, duplicate keys that a lenient parser merges); the schema description
     * lists these rules.
     */
    private static final Set<String> BEYOND_SCHEMA = Set.of("03-duplicate-key.json", "12-unknown-partner-reference.json",
            "13-unknown-goal-reference.json", "14-duplicate-partner-id.json", "15-duplicate-goal-id.json",
            "16-non-finite-number.json", "23-survey-answer-off-scale.json", "24-unknown-instrument.json",
            "25-self-rating.json", "30-unknown-survey-item.json", "31-self-signal.json",
            "32-attainment-levels-not-monotone.json", "33-instrument-unknown-category.json",
            "34-built-in-instrument-id.json", "37-n-differs-from-values.json",
            "39-number-too-long.json", "40-dont-know-inside-scale.json", "42-duplicate-survey-response.json",
            "43-unknown-owner.json", "44-duplicate-priority.json");

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void schemaRejectsExactlyWhatItCanExpress(BadDatasets.Entry entry) throws IOException {
        if (NOT_JSON.contains(entry.file())) {
            return;
        }
        String json = Files.readString(BadDatasets.path(entry));
        boolean schemaRejects = !JsonSchemas.validate(JsonSchemas.DATASET, json).isEmpty();
        assertEquals(!BEYOND_SCHEMA.contains(entry.file()), schemaRejects, entry.file());
    }

    // ---- every problem at once ----

    @Test
    void documentWithSeveralProblemsReportsAllOfThem() {
        String json = "{" + HEADER + ", \"colour\": \"blue\","
                + "\"partners\": [{\"id\": \"a\", \"name\": \"A\", \"type\": \"SCHOOL\"},"
                + "               {\"id\": \"b\", \"name\": \"B\", \"type\": \"BUSINESS\"}],"
                + "\"goals\": [{\"id\": \"g\", \"title\": \"G\"}],"
                + "\"priorities\": [{\"partner\": \"zed\", \"goal\": \"g\", \"weight\": 1}],"
                + "\"signals\": [{\"at\": \"soon\", \"source\": \"a\", \"kind\": \"WAVED\"},"
                + "              {\"at\": \"2025-01-01\", \"source\": \"a\", \"kind\": \"FEEDBACK\", \"value\": 2}],"
                + "\"ratings\": [{\"at\": \"2025-01-01\", \"rater\": \"a\", \"ratee\": \"b\", \"dimension\": \"POWER\", \"value\": 0},"
                + "              {\"at\": \"2025-01-01\", \"rater\": \"a\", \"ratee\": \"b\", \"dimension\": \"POWER\", \"value\": 2, \"x\": 1}],"
                + "\"measurements\": [{\"goal\": \"nope\", \"at\": \"2025-01-01\", \"group\": \"PARTNERSHIP\", \"mean\": 1}]}";
        InvalidDatasetException e = rejected(json);
        assertProblem(e, "/colour", "unknown property 'colour'");
        assertProblem(e, "/signals/0/at", "unparseable timestamp 'soon'");
        assertProblem(e, "/signals/0/kind", "unknown signal kind 'WAVED'");
        assertProblem(e, "/signals/1/value", "must be a number in [-1, 1]");
        assertProblem(e, "/ratings/0/value", "must be on its scale 1-4");
        assertProblem(e, "/ratings/1/x", "unknown property 'x'");
        // Cross-references are still checked while partners and goals bound, in sections that fully bound.
        assertProblem(e, "/priorities/0/partner", "unknown partner 'zed'");
        assertProblem(e, "/measurements/0/goal", "unknown goal 'nope'");
        assertEquals(8, e.problems().size(), () -> e.problems().toString());
        assertEquals("test.json", e.source());
    }

    @Test
    void referencesAreNotCheckedAgainstPartnersThatFailedToBind() {
        String json = "{" + HEADER + ","
                + "\"partners\": [{\"id\": \"a\", \"name\": \"A\", \"type\": \"SCHOOL\"},"
                + "               {\"id\": \"b\", \"name\": \"B\", \"type\": \"SHOP\"}],"
                + "\"priorities\": [{\"partner\": \"b\", \"goal\": \"g\", \"weight\": 1}]}";
        InvalidDatasetException e = rejected(json);
        assertEquals(List.of(new Problem("/partners/1/type", e.problems().get(0).message())), e.problems());
    }

    @Test
    void headerRuleAndCrossReferencesAreReportedTogether() {
        String json = "{\"format\": \"partnership-dataset/1\", "
                + "\"partnership\": {\"id\": \" \", \"name\": \"P\", \"start\": \"2024-09-01\"},"
                + "\"priorities\": [{\"partner\": \"a\", \"goal\": \"g\", \"weight\": 1}]}";
        InvalidDatasetException e = rejected(json);
        assertProblem(e, "/partnership", "partnership id must not be blank");
        assertProblem(e, "/priorities/0/partner", "unknown partner 'a'");
        assertProblem(e, "/priorities/0/goal", "unknown goal 'g'");
    }

    @Test
    void missingPartnershipAndFormatAreBothReported() {
        InvalidDatasetException e = rejected("{\"partners\": []}");
        assertProblem(e, "", "missing required property 'format'");
        assertProblem(e, "", "missing required property 'partnership'");
    }

    @Test
    void anotherFormatStopsReadingAtOnce() {
        InvalidDatasetException e = rejected("{\"format\": \"partnership-evaluation/1\", \"asOf\": 3}");
        assertEquals(List.of(new Problem("/asOf", "unknown property 'asOf'; allowed: format, partnership, partners, goals, "
                + "priorities, signals, ratings, surveys, measurements, instruments"),
                new Problem("/format", "unsupported format 'partnership-evaluation/1'; expected 'partnership-dataset/1'")),
                e.problems());
    }

    // ---- values ----

    @Test
    void integralDoublesAreWholeNumbersButFractionsAreNot() {
        Partnership p = DatasetReader.defaults().read("{" + HEADER + ", \"surveys\": [{\"instrument\": "
                + "\"collaboration-factors\", \"wave\": \"w\", \"respondent\": \"r\", \"answers\": {\"cf01\": 3.0, \"cf02\": 4e0}}]}", null);
        assertEquals(Map.of("cf01", 3, "cf02", 4), p.surveys().get(0).answers());
    }

    @Test
    void optionalValuesMayBeNull() {
        Partnership p = DatasetReader.defaults().read("{" + HEADER + ", \"partners\": null, \"goals\": [{\"id\": \"g\", "
                + "\"title\": \"G\", \"indicator\": null, \"owners\": null, \"deadline\": null, \"weight\": null, "
                + "\"attainmentLevels\": null}]}", null);
        Goal g = p.goals().get(0);
        assertEquals(new Goal("g", "G", null, List.of(), null), g);
    }

    @Test
    void timestampsAcceptDatesZuluAndOffsets() {
        String json = "{" + HEADER + ", \"partners\": [{\"id\": \"a\", \"name\": \"A\", \"type\": \"SCHOOL\"}],"
                + "\"signals\": ["
                + "{\"at\": \"2025-03-01\", \"source\": \"a\", \"kind\": \"JOINT_ACTIVITY\"},"
                + "{\"at\": \"2025-03-01T10:15:30Z\", \"source\": \"a\", \"kind\": \"JOINT_ACTIVITY\"},"
                + "{\"at\": \"2025-03-01T10:15:30.123456789+02:00\", \"source\": \"a\", \"kind\": \"JOINT_ACTIVITY\"},"
                + "{\"at\": \"2025-03-01T10:15-05:30\", \"source\": \"a\", \"kind\": \"JOINT_ACTIVITY\"}]}";
        List<Instant> at = DatasetReader.defaults().read(json, null).signals().stream().map(EngagementSignal::at).toList();
        assertEquals(List.of(Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-03-01T10:15:30Z"),
                Instant.parse("2025-03-01T08:15:30.123456789Z"), Instant.parse("2025-03-01T15:45:00Z")), at);
    }

    @Test
    void impossibleCalendarDatesAreRejected() {
        InvalidDatasetException e = rejected("{\"format\": \"partnership-dataset/1\", "
                + "\"partnership\": {\"id\": \"p\", \"name\": \"P\", \"start\": \"2025-02-29\"}}");
        assertProblem(e, "/partnership/start", "unparseable timestamp '2025-02-29'");
    }

    @Test
    void pointersEscapeSlashAndTilde() {
        InvalidDatasetException e = rejected("{" + HEADER + ", \"surveys\": [{\"instrument\": \"collaboration-factors\", "
                + "\"wave\": \"w\", \"respondent\": \"r\", \"answers\": {\"a/b~c\": \"x\"}}]}");
        assertProblem(e, "/surveys/0/answers/a~1b~0c", "expected a whole number, found a string");
    }

    // ---- malformed input and limits ----

    @Test
    void malformedJsonIsLocatedByPointerLineAndColumn() {
        InvalidDatasetException e = rejected("{" + HEADER + ",\n \"partners\": [\n {\"id\": \"a\",, \"name\": \"A\"}]}");
        assertEquals(1, e.problems().size());
        Problem p = e.problems().get(0);
        assertEquals("/partners/0/id", p.location());
        assertTrue(p.message().startsWith("malformed JSON at line 3, column 13: "), p.message());
    }

    @Test
    void emptyAndBlankDocumentsAreProblems() {
        assertProblem(rejected(""), "", "the document is empty");
        assertProblem(rejected(" \n\t "), "", "the document is empty");
        assertProblem(assertThrows(InvalidDatasetException.class,
                () -> DatasetReader.defaults().read(new ByteArrayInputStream(new byte[0]), "empty")), "", "the document is empty");
    }

    @Test
    void nonObjectDocumentsAreProblems() {
        assertProblem(rejected("42"), "", "expected an object, found a number (42)");
        assertProblem(rejected("null"), "", "expected an object, found null");
    }

    @Test
    void nonStandardJsonIsRejected() {
        assertProblem(rejected("{" + HEADER + ", \"goals\": [{\"id\": \"g\", \"title\": \"G\", \"weight\": NaN}]}"),
                "/goals/0/weight", "malformed JSON");
        assertProblem(rejected("{" + HEADER + " /* comment */}"), "/partnership", "malformed JSON");
        assertProblem(rejected("{'format': 'partnership-dataset/1'}"), "", "malformed JSON");
    }

    @Test
    void longStringsBreachTheLimitAsAProblem() {
        DatasetReader reader = DatasetReader.defaults().withLimits(ReadLimits.DEFAULTS.withMaxStringLength(30));
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> reader.read(
                "{" + HEADER + ", \"partners\": [{\"id\": \"a\", \"name\": \"" + "n".repeat(50) + "\"}]}", null));
        assertProblem(e, "/partners/0/name", "exceeds a read limit");
        InvalidDatasetException names = assertThrows(InvalidDatasetException.class, () -> reader.read(
                "{\"" + "k".repeat(50) + "\": 1}", null));
        assertProblem(names, "", "exceeds a read limit");
    }

    @Test
    void deepNestingBreachesTheLimitAsAProblem() {
        DatasetReader reader = DatasetReader.defaults().withLimits(ReadLimits.DEFAULTS.withMaxNestingDepth(4));
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> reader.read(
                "{\"a\": [[[[1]]]]}", null));
        assertProblem(e, "/a/0/0/0", "nesting depth (5) exceeds the maximum allowed (4)");
        assertProblem(e, "/a/0/0/0", "raise ReadLimits.maxNestingDepth to accept it");
        // The default depth also stops a pathological document long before the stack would.
        String deep = "[".repeat(100_000);
        assertProblem(rejected(deep), "/0".repeat(64), "nesting depth (65) exceeds");
    }

    @Test
    void longNumbersBreachTheLimitAsAProblem() {
        DatasetReader reader = DatasetReader.defaults().withLimits(ReadLimits.DEFAULTS.withMaxNumberLength(10));
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> reader.read(
                "{\"n\": 123456789012345}", null));
        assertProblem(e, "/n", "Number value length (15) exceeds the maximum allowed (10)");
        assertProblem(e, "/n", "raise ReadLimits.maxNumberLength to accept it");
    }

    @Test
    void recordBoundStopsAnArrayAtItsPointer() throws IOException {
        String signal = "{\"at\": \"2025-02-01\", \"source\": \"a\", \"kind\": \"MEETING_ATTENDED\"}";
        String partners = "\"partners\": [{\"id\": \"a\", \"name\": \"A\", \"type\": \"SCHOOL\"}]";
        String three = "{" + HEADER + ", " + partners + ", \"signals\": [" + signal + ", " + signal + ", " + signal
                + "]}";
        DatasetReader atThree = DatasetReader.defaults().withLimits(ReadLimits.DEFAULTS.withMaxRecords(3));
        assertEquals(3, atThree.read(three, null).signals().size(), "exactly at the bound is fine");
        DatasetReader atTwo = DatasetReader.defaults().withLimits(ReadLimits.DEFAULTS.withMaxRecords(2));
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> atTwo.read(three, "t.json"));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertProblem(e, "/signals", "more than 2 elements, the limit on records per array");
        assertProblem(e, "/signals", "raise ReadLimits.maxRecords");
        InvalidDatasetException fromStream = assertThrows(InvalidDatasetException.class, () -> atTwo.read(
                new ByteArrayInputStream(three.getBytes(StandardCharsets.UTF_8)), "t.json"));
        assertEquals(e.problems(), fromStream.problems());
        // Every array counts, wherever it is nested, and a bare root array is located at "".
        InvalidDatasetException nested = assertThrows(InvalidDatasetException.class, () -> atTwo.read(
                "{" + HEADER + ", \"goals\": [{\"id\": \"g\", \"title\": \"G\", \"owners\": [\"a\", \"b\", \"c\"]}]}",
                null));
        assertProblem(nested, "/goals/0/owners", "more than 2 elements");
        assertProblem(assertThrows(InvalidDatasetException.class, () -> atTwo.read("[[1], {}, 3]", null)), "",
                "more than 2 elements");
    }

    @Test
    void documentSizeIsCountedOnStreamsAndStrings() throws IOException {
        String json = Files.readString(resource("datasets/riverbend.json"));
        DatasetReader reader = DatasetReader.defaults().withLimits(ReadLimits.DEFAULTS.withMaxDocumentBytes(1000));
        InvalidDatasetException fromString = assertThrows(InvalidDatasetException.class, () -> reader.read(json, "r"));
        assertProblem(fromString, "", "larger than the limit of 1000 bytes");
        assertProblem(fromString, "", "raise ReadLimits.maxDocumentBytes to accept it");
        InvalidDatasetException fromStream = assertThrows(InvalidDatasetException.class, () -> reader.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "r"));
        assertTrue(fromStream.problems().get(0).message().contains("larger than the limit of 1000 bytes"),
                fromStream.problems().toString());
        // Exactly at the limit is fine.
        byte[] exact = Files.readAllBytes(resource("datasets/minimal.json"));
        DatasetReader tight = DatasetReader.defaults().withLimits(ReadLimits.DEFAULTS.withMaxDocumentBytes(exact.length));
        assertEquals("minimal", tight.read(new ByteArrayInputStream(exact), "m").id());
    }

    @Test
    void endlessStreamStopsAtTheLimitInsteadOfExhaustingMemory() {
        InputStream endless = new InputStream() {
            private long n;

            @Override
            public int read() {
                return n++ == 0 ? '[' : ' ';
            }
        };
        DatasetReader reader = DatasetReader.defaults().withLimits(ReadLimits.DEFAULTS.withMaxDocumentBytes(1 << 20));
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> reader.read(endless, "endless"));
        assertTrue(e.problems().get(0).message().contains("larger than the limit of 1048576 bytes"), e.problems().toString());
    }

    @Test
    void fixtureIsAlsoReadableWithAPlainMapperSoItIsPlainJson() throws IOException {
        // Guards the fixture itself: no comments or other extensions slipped in.
        new ObjectMapper().readTree(Files.readString(resource("datasets/riverbend.json")));
    }
}
