package dev.partnership.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.partnership.EngagementSignal;
import dev.partnership.Goal;
import dev.partnership.InvalidDatasetException;
import dev.partnership.Partner;
import dev.partnership.PartnerType;
import dev.partnership.Partnership;
import dev.partnership.Problem;
import dev.partnership.SignalKind;
import dev.partnership.io.XapiReader.Reason;
import dev.partnership.io.XapiReader.Result;
import dev.partnership.io.XapiReader.Unmapped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class XapiReaderTest {
    private static final String A = "http://adlnet.gov/expapi/verbs/";
    private static final Instant T0 = Instant.parse("2024-10-01T15:00:00Z");

    /** Partners rusd, rcc and mercy; goals dual and fafsa; one signal of its own. */
    static Partnership skeleton() {
        return Partnership.builder("p", "P", Instant.parse("2024-01-01T00:00:00Z"))
                .partner(new Partner("rusd", "Riverbend USD", PartnerType.SCHOOL_DISTRICT))
                .partner(new Partner("rcc", "Riverbend CC", PartnerType.COMMUNITY_COLLEGE))
                .partner(new Partner("mercy", "Mercy Foundation", PartnerType.SCHOOL))
                .goal(new Goal("dual", "Dual enrollment", null, List.of("rusd"), null))
                .goal(new Goal("fafsa", "FAFSA completion", null, List.of("rcc"), null))
                .signal(new EngagementSignal(T0.minusSeconds(86_400), "rcc", null, null, SignalKind.CONFLICT))
                .build();
    }

    static String resource(String name) throws IOException {
        try (InputStream in = XapiReaderTest.class.getResourceAsStream("xapi/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource xapi/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static XapiMapping testMapping() throws IOException {
        return XapiMapping.read(resource("mapping.json"), "mapping.json");
    }

    private static Result readFixture() throws IOException {
        return new XapiReader(testMapping()).read(skeleton(), resource("statements.json"), "statements.json");
    }

    private static String statement(String actorMbox, String verb, String object, String timestamp, String extra) {
        return "{\"actor\": {\"mbox\": \"mailto:" + actorMbox + "\"}, \"verb\": {\"id\": \"" + verb + "\"}, "
                + "\"object\": " + object + (timestamp == null ? "" : ", \"timestamp\": \"" + timestamp + "\"")
                + (extra == null ? "" : ", " + extra) + "}";
    }

    private static final String MEETING = "{\"id\": \"https://lms.example/m/1\"}";

    @Test
    void fixtureMapsEachRule() throws IOException {
        Result r = readFixture();
        assertEquals(6, r.mapped());
        List<EngagementSignal> all = r.partnership().signals();
        assertEquals(7, all.size(), "the skeleton's own signal is kept and the mapped ones appended");
        assertEquals(SignalKind.CONFLICT, all.get(0).kind());
        List<EngagementSignal> got = all.subList(1, 7);
        List<EngagementSignal> expected = List.of(
                // 0: explicit mbox, ADL attended, Activity object: no target, no goal, value 1
                new EngagementSignal(T0, "rusd", null, null, SignalKind.MEETING_ATTENDED, 1.0),
                // 1: mbox matched ignoring case, Agent object is the target, offset timestamp converted to UTC
                new EngagementSignal(Instant.parse("2024-10-02T07:30:00Z"), "rcc", "rusd", null,
                        SignalKind.INFORMATION_SHARED, 1.0),
                // 2: account-name convention, activity listed for a partner is the target, explicit goal mapping
                new EngagementSignal(T0, "mercy", "rusd", "dual", SignalKind.COMMITMENT_KEPT, 1.0),
                // 3: explicit account, partnership verb, score.raw for RESOURCE_SHARED, /goals/ convention in parent
                new EngagementSignal(T0, "rusd", null, "fafsa", SignalKind.RESOURCE_SHARED, 12.5),
                // 4: verb overridden by the mapping file, score.raw for FEEDBACK
                new EngagementSignal(T0, "mercy", "rcc", null, SignalKind.FEEDBACK, -0.5),
                // 5: score.raw ignored for REQUEST_ANSWERED, plain-date timestamp
                new EngagementSignal(Instant.parse("2024-10-03T00:00:00Z"), "rcc", null, null,
                        SignalKind.REQUEST_ANSWERED, 1.0));
        assertEquals(expected, got);
    }

    @Test
    void fixtureReportsEveryUnmappedStatementWithItsReason() throws IOException {
        Result r = readFixture();
        Map<Integer, Reason> byIndex = new TreeMap<>();
        for (Unmapped u : r.unmapped()) {
            byIndex.put(u.index(), u.reason());
            assertFalse(u.detail().isBlank());
        }
        Map<Integer, Reason> expected = new TreeMap<>();
        expected.put(6, Reason.UNKNOWN_VERB);
        expected.put(7, Reason.UNKNOWN_ACTOR);
        expected.put(8, Reason.UNKNOWN_ACTOR);
        expected.put(9, Reason.MISSING_TIMESTAMP);
        expected.put(10, Reason.UNKNOWN_TARGET);
        expected.put(11, Reason.UNSUPPORTED_OBJECT);
        expected.put(12, Reason.UNKNOWN_GOAL);
        expected.put(13, Reason.AMBIGUOUS_GOAL);
        expected.put(14, Reason.INVALID_SIGNAL);
        expected.put(15, Reason.INVALID_SIGNAL);
        expected.put(16, Reason.VOIDED);
        expected.put(17, Reason.VOIDING);
        expected.put(18, Reason.DUPLICATE_ID);
        assertEquals(expected, byIndex);
        assertEquals(19, r.mapped() + r.unmapped().size(), "no statement is silently dropped");
        assertEquals("00000000-0000-4000-8000-000000000006", r.unmapped().get(0).statementId());
        assertTrue(r.unmapped().get(1).detail().contains("not in the mapping"));
        assertTrue(r.unmapped().get(2).detail().contains("'ghost', which is not a partner"));

        Map<Reason, Integer> counts = new EnumMap<>(Reason.class);
        expected.values().forEach(reason -> counts.merge(reason, 1, Integer::sum));
        assertEquals(counts, r.counts());
        assertEquals(List.copyOf(counts.keySet()), List.copyOf(r.counts().keySet()), "counts follow Reason order");
        assertTrue(r.summary().startsWith("6 mapped, 13 unmapped (VOIDING 1, VOIDED 1, DUPLICATE_ID 1,"),
                r.summary());
        assertTrue(r.summary().contains("UNKNOWN_ACTOR 2"), r.summary());
    }

    @Test
    void plainArrayAndResponseObjectGiveTheSameResult() throws IOException {
        String body = "[" + statement("office@rusd.example", A + "attended", MEETING, "2024-10-01T15:00:00Z", null)
                + "]";
        XapiReader reader = new XapiReader(testMapping());
        Result fromArray = reader.read(skeleton(), body, null);
        Result fromResponse = reader.read(skeleton(), "{\"statements\": " + body + ", \"more\": \"/x?p=2\"}", null);
        assertEquals(1, fromArray.mapped());
        assertEquals(fromArray.partnership(), fromResponse.partnership());
        assertEquals(0, reader.read(skeleton(), "[]", null).mapped());
        assertEquals(skeleton(), reader.read(skeleton(), "{\"statements\": []}", null).partnership());
    }

    @Test
    void defaultMappingNeedsPartnersBeforeAnyActorMaps() {
        String body = "[" + statement("office@rusd.example", A + "attended", MEETING, "2024-10-01T15:00:00Z", null)
                + "]";
        Result r = new XapiReader(XapiMapping.defaults()).read(skeleton(), body, null);
        assertEquals(0, r.mapped());
        assertEquals(Reason.UNKNOWN_ACTOR, r.unmapped().get(0).reason());
        assertNull(r.unmapped().get(0).statementId());
        Result mapped = new XapiReader(XapiMapping.defaults().withPartnerMbox("rusd", "mailto:office@rusd.example"))
                .read(skeleton(), body, null);
        assertEquals(SignalKind.MEETING_ATTENDED, mapped.partnership().signals().get(1).kind());
    }

    @Test
    void everyKindRoundTripsThroughItsPartnershipVerb() throws IOException {
        XapiReader reader = new XapiReader(testMapping());
        for (SignalKind kind : SignalKind.values()) {
            String body = "[" + statement("office@rusd.example", XapiMapping.verbIri(kind),
                    "{\"objectType\": \"Agent\", \"mbox\": \"mailto:dean@rcc.example\"}", "2024-10-01T15:00:00Z",
                    "\"result\": {\"score\": {\"raw\": 0.25}}") + "]";
            Result r = reader.read(skeleton(), body, null);
            double value = kind == SignalKind.FEEDBACK || kind == SignalKind.RESOURCE_SHARED ? 0.25 : 1.0;
            assertEquals(new EngagementSignal(T0, "rusd", "rcc", null, kind, value), r.partnership().signals().get(1),
                    kind.name());
        }
    }

    @Test
    void feedbackScoresInsideTheRangeMapAndOthersAreInvalid() {
        XapiReader reader = new XapiReader(XapiMapping.defaults().withPartnerMbox("rusd", "mailto:a@rusd.example"));
        qt().forAll(doubles().between(-3.0, 3.0)).checkAssert(raw -> {
            String body = "[" + statement("a@rusd.example", XapiMapping.verbIri(SignalKind.FEEDBACK), MEETING,
                    "2024-10-01T15:00:00Z", String.format(Locale.ROOT, "\"result\": {\"score\": {\"raw\": %s}}",
                            Double.toString(raw))) + "]";
            Result r = reader.read(skeleton(), body, null);
            if (raw >= -1.0 && raw <= 1.0) {
                assertEquals(raw, r.partnership().signals().get(1).value());
            } else {
                assertEquals(Reason.INVALID_SIGNAL, r.unmapped().get(0).reason());
            }
            assertEquals(1, r.mapped() + r.unmapped().size());
        });
    }

    @Test
    void mappedPlusUnmappedIsAlwaysTheStatementCount() {
        XapiReader reader = new XapiReader(XapiMapping.defaults().withPartnerMbox("rusd", "mailto:a@rusd.example"));
        String[] verbs = {A + "attended", A + "launched", XapiMapping.verbIri(SignalKind.CONFLICT)};
        String[] actors = {"a@rusd.example", "b@nowhere.example"};
        qt().forAll(integers().between(0, 30)).checkAssert(n -> {
            List<String> statements = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                statements.add(statement(actors[i % 2], verbs[i % 3], MEETING,
                        i % 5 == 4 ? null : "2024-10-01T15:00:00Z", null));
            }
            Result r = reader.read(skeleton(), "[" + String.join(",", statements) + "]", null);
            assertEquals(n, r.mapped() + r.unmapped().size());
            assertEquals(1 + r.mapped(), r.partnership().signals().size());
            assertEquals(r.unmapped().size(), r.counts().values().stream().mapToInt(Integer::intValue).sum());
        });
    }

    @Test
    void groupActorsMapByTheirIdentifierAndAnonymousGroupsAreUnknown() {
        XapiReader reader = new XapiReader(XapiMapping.defaults().withPartnerMbox("rusd", "mailto:a@rusd.example"));
        String identified = "{\"actor\": {\"objectType\": \"Group\", \"mbox\": \"mailto:a@rusd.example\", "
                + "\"member\": []}, \"verb\": {\"id\": \"" + A + "attended\"}, \"object\": " + MEETING
                + ", \"timestamp\": \"2024-10-01T15:00:00Z\"}";
        String anonymous = "{\"actor\": {\"objectType\": \"Group\", \"member\": [{\"mbox\": \"mailto:a@rusd.example\"}]},"
                + " \"verb\": {\"id\": \"" + A + "attended\"}, \"object\": " + MEETING
                + ", \"timestamp\": \"2024-10-01T15:00:00Z\"}";
        Result r = reader.read(skeleton(), "[" + identified + "," + anonymous + "]", null);
        assertEquals(1, r.mapped());
        assertEquals(Reason.UNKNOWN_ACTOR, r.unmapped().get(0).reason());
        assertEquals(1, r.unmapped().get(0).index());
    }

    @Test
    void goalConventionCanBeTurnedOff() throws IOException {
        String body = "[" + statement("office@rusd.example", A + "attended", MEETING, "2024-10-01T15:00:00Z",
                "\"context\": {\"contextActivities\": {\"grouping\": [{\"id\": \"https://x.example/goals/fafsa\"}]}}")
                + "]";
        assertEquals("fafsa", new XapiReader(testMapping()).read(skeleton(), body, null)
                .partnership().signals().get(1).goal());
        assertNull(new XapiReader(testMapping().withGoalPathConvention(false)).read(skeleton(), body, null)
                .partnership().signals().get(1).goal());
    }

    @Test
    void readsFromFilesAndStreams() throws IOException, URISyntaxException {
        Path file = Path.of(XapiReaderTest.class.getResource("xapi/statements.json").toURI());
        Result fromFile = new XapiReader(testMapping()).read(skeleton(), file);
        try (InputStream in = Files.newInputStream(file)) {
            assertEquals(fromFile, new XapiReader(testMapping()).read(skeleton(), in, "s"));
        }
        assertEquals(readFixture(), fromFile);
    }

    @Test
    void limitsApply() {
        String body = "[" + statement("office@rusd.example", A + "attended", MEETING, "2024-10-01T15:00:00Z", null)
                + "]";
        XapiReader tiny = new XapiReader(XapiMapping.defaults()).withLimits(new ReadLimits(20, 100, 10, 10));
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> tiny.read(skeleton(), body, "x"));
        assertTrue(e.problems().get(0).message().contains("larger than the limit"), e.getMessage());
    }

    @Test
    void recordLimitStopsTheStatementArray() {
        String one = statement("office@rusd.example", A + "attended", MEETING, "2024-10-01T15:00:00Z", null);
        String three = "[" + one + ", " + one + ", " + one + "]";
        XapiReader atThree = new XapiReader(XapiMapping.defaults()).withLimits(ReadLimits.DEFAULTS.withMaxRecords(3));
        Result read = atThree.read(skeleton(), three, "x");
        assertEquals(3, read.mapped() + read.unmapped().size(), "exactly at the bound is fine");
        XapiReader atTwo = atThree.withLimits(ReadLimits.DEFAULTS.withMaxRecords(2));
        InvalidDatasetException bare = assertThrows(InvalidDatasetException.class,
                () -> atTwo.read(skeleton(), three, "x"));
        assertEquals("", bare.problems().get(0).location());
        assertTrue(bare.problems().get(0).message().contains("more than 2 elements"), bare.getMessage());
        InvalidDatasetException wrapped = assertThrows(InvalidDatasetException.class,
                () -> atTwo.read(skeleton(), "{\"statements\": " + three + "}", "x"));
        assertEquals("/statements", wrapped.problems().get(0).location());
        assertTrue(wrapped.problems().get(0).message().contains("ReadLimits.maxRecords"), wrapped.getMessage());
    }

    /**
     * The expected first problem location of each bad file in {@code xapi/}; every {@code bad-*.json} there must be
     * listed, so that a new bad file cannot be added without saying where it is wrong.
     */
    private static final Map<String, String> BAD = new TreeMap<>(Map.ofEntries(
            Map.entry("bad-account-missing-name.json", "/0/actor/account"),
            Map.entry("bad-duplicate-key.json", "/0/id"),
            Map.entry("bad-grouping-not-activities.json", "/0/context/contextActivities/grouping"),
            Map.entry("bad-id-not-uuid.json", "/0/id"),
            Map.entry("bad-mbox-not-mailto.json", "/0/actor/mbox"),
            Map.entry("bad-missing-actor.json", "/0"),
            Map.entry("bad-object-type-unknown.json", "/0/object/objectType"),
            Map.entry("bad-root-number.json", ""),
            Map.entry("bad-score-raw-string.json", "/0/result/score/raw"),
            Map.entry("bad-several-problems.json", "/0/timestamp"),
            Map.entry("bad-statement-not-object.json", "/0"),
            Map.entry("bad-statements-not-array.json", "/statements"),
            Map.entry("bad-timestamp-no-zone.json", "/0/timestamp"),
            Map.entry("bad-timestamp-number.json", "/0/timestamp"),
            Map.entry("bad-timestamp-syntax.json", "/statements/1/timestamp"),
            Map.entry("bad-truncated.json", "/0/verb"),
            Map.entry("bad-unknown-response-key.json", "/next"),
            Map.entry("bad-verb-id-not-iri.json", "/0/verb/id")));

    @Test
    void everyBadFileIsRejectedWithItsLocation() throws IOException, URISyntaxException {
        Path dir = Path.of(XapiReaderTest.class.getResource("xapi").toURI());
        TreeSet<String> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("bad-"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(BAD.keySet(), files);
        assertTrue(files.size() >= 8);
        XapiReader reader = new XapiReader(testMapping());
        for (String name : files) {
            InvalidDatasetException e = assertThrows(InvalidDatasetException.class,
                    () -> reader.read(skeleton(), resource(name), name), name);
            assertEquals(name, e.source());
            Problem first = e.problems().get(0);
            assertEquals(BAD.get(name), first.location(), name + ": " + e.problems());
            assertFalse(first.message().isBlank());
        }
    }

    @Test
    void allMalformedStatementsAreReportedTogether() throws IOException {
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> new XapiReader(testMapping())
                .read(skeleton(), resource("bad-several-problems.json"), "s"));
        List<String> at = e.problems().stream().map(Problem::location).collect(Collectors.toList());
        assertEquals(List.of("/0/timestamp", "/2/verb"), at);
        assertTrue(e.problems().get(0).message().contains("unparseable timestamp 'yesterday'"));
        assertTrue(e.problems().get(1).message().contains("missing required property 'id'"));
    }

    @Test
    void badTimestampMessagesSayWhatIsExpected() throws IOException {
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> new XapiReader(testMapping())
                .read(skeleton(), resource("bad-timestamp-no-zone.json"), "s"));
        assertTrue(e.problems().get(0).message().contains("with Z or an offset"), e.getMessage());
    }
}
