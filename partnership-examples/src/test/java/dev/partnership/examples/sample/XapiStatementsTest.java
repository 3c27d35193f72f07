package dev.partnership.examples.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnership.EngagementSignal;
import dev.partnership.Evaluation;
import dev.partnership.Evaluator;
import dev.partnership.Goal;
import dev.partnership.Partner;
import dev.partnership.PartnerType;
import dev.partnership.Partnership;
import dev.partnership.Score;
import dev.partnership.SignalKind;
import dev.partnership.io.DatasetReader;
import dev.partnership.io.XapiMapping;
import dev.partnership.io.XapiReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class XapiStatementsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Partnership bundled() throws IOException {
        try (InputStream in = SampleGenerator.openBundledSample()) {
            return DatasetReader.defaults().read(in, SampleGenerator.BUNDLED_SAMPLE_RESOURCE);
        }
    }

    private static Partnership withoutSignals(Partnership p) {
        return new Partnership(p.id(), p.name(), p.start(), p.partners(), p.goals(), p.priorities(), List.of(),
                p.ratings(), p.surveys(), p.measurements(), p.instruments());
    }

    /** Counts signals by their text, which names every component; equal counts mean equal multisets. */
    private static Map<String, Integer> multiset(List<EngagementSignal> signals) {
        Map<String, Integer> counts = new TreeMap<>();
        signals.forEach(s -> counts.merge(s.toString(), 1, Integer::sum));
        return counts;
    }

    private static XapiReader.Result roundTrip(Partnership p) {
        String statements = XapiStatements.toJson(p);
        XapiMapping mapping = XapiMapping.read(XapiStatements.mapping(p).toJson(), "mapping");
        return new XapiReader(mapping).read(withoutSignals(p), statements, "statements");
    }

    @Test
    void bundledSampleRoundTripsThroughXapiWithEqualScores() throws IOException {
        Partnership original = bundled();
        XapiReader.Result r = roundTrip(original);
        assertEquals(List.of(), r.unmapped());
        assertEquals(original.signals().size(), r.mapped());
        Partnership imported = r.partnership();
        assertEquals(multiset(original.signals()), multiset(imported.signals()));
        assertEquals(original.signals(), imported.signals(), "statement order is signal order");
        assertEquals(original, imported);

        Evaluator evaluator = Evaluator.builder().build();
        Evaluation before = evaluator.evaluate(original);
        Evaluation after = evaluator.evaluate(imported);
        assertEquals(before.scores().size(), after.scores().size());
        assertTrue(before.scores().size() > 0);
        for (int i = 0; i < before.scores().size(); i++) {
            Score a = before.scores().get(i);
            Score b = after.scores().get(i);
            assertEquals(a.strategy(), b.strategy());
            assertEquals(a.subject(), b.subject());
            assertEquals(a.value(), b.value(), 1e-12, a.strategy() + " " + a.subject());
        }
        assertEquals(before.scores(), after.scores(), "exact equality is expected: the inputs are equal");
    }

    @Test
    void statementsAreStableWellFormedAndUniquelyIdentified() throws IOException {
        Partnership p = bundled();
        String json = XapiStatements.toJson(p);
        assertEquals(json, XapiStatements.toJson(p));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XapiStatements.write(p, out);
        assertEquals(json, out.toString(StandardCharsets.UTF_8));
        JsonNode array = JSON.readTree(json);
        assertEquals(p.signals().size(), array.size());
        TreeSet<String> ids = new TreeSet<>();
        array.forEach(s -> ids.add(s.get("id").asText()));
        assertEquals(p.signals().size(), ids.size());
        JsonNode first = array.get(0);
        EngagementSignal s0 = p.signals().get(0);
        assertEquals("mailto:" + s0.source() + "@partners.example", first.at("/actor/mbox").asText());
        assertEquals(XapiMapping.verbIri(s0.kind()), first.at("/verb/id").asText());
        assertEquals(s0.at().toString(), first.at("/timestamp").asText());
        assertEquals(s0.value(), first.at("/result/score/raw").asDouble());
    }

    @Test
    void oddPartnerIdsUseAccountsAndRepeatedSignalsKeepDistinctIds() {
        Instant t = Instant.parse("2024-05-01T10:00:00Z");
        Partnership p = Partnership.builder("demo/1", "Demo", Instant.parse("2024-01-01T00:00:00Z"))
                .partner(new Partner("North Side", "North Side Clinic", PartnerType.SCHOOL))
                .partner(new Partner("Acme", "Acme", PartnerType.SCHOOL))
                .partner(new Partner("acme", "acme", PartnerType.SCHOOL))
                .goal(new Goal("goal a/b", "G", null, List.of("acme"), null))
                .signal(new EngagementSignal(t, "North Side", "acme", "goal a/b", SignalKind.FEEDBACK, -0.25))
                .signal(new EngagementSignal(t, "North Side", "acme", "goal a/b", SignalKind.FEEDBACK, -0.25))
                .signal(new EngagementSignal(t, "Acme", null, null, SignalKind.RESOURCE_SHARED, 7.5))
                .signal(new EngagementSignal(t, "acme", "Acme", null, SignalKind.CONFLICT))
                .build();
        XapiReader.Result r = roundTrip(p);
        assertEquals(List.of(), r.unmapped());
        assertEquals(p.signals(), r.partnership().signals());
        String json = XapiStatements.toJson(p);
        assertTrue(json.contains("\"homePage\" : \"" + XapiStatements.ACCOUNT_HOME_PAGE + "\""), json);
        assertTrue(json.contains("mailto:acme@partners.example"), json);
        List<String> ids = new ArrayList<>();
        try {
            JSON.readTree(json).forEach(s -> ids.add(s.get("id").asText()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(4, new TreeSet<>(ids).size(), "the two equal signals get different statement ids");
        assertEquals(XapiStatements.statementId(p, p.signals().get(0), 0), ids.get(0));
        assertEquals(XapiStatements.statementId(p, p.signals().get(1), 1), ids.get(1));
    }

    @Test
    void emptyPartnershipGivesAnEmptyArray() throws IOException {
        Partnership p = withoutSignals(bundled());
        assertEquals(0, JSON.readTree(XapiStatements.toJson(p)).size());
        assertEquals(0, roundTrip(p).mapped());
    }
}
