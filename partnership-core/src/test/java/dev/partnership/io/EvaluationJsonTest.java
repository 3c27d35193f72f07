package dev.partnership.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnership.Dimension;
import dev.partnership.DimensionSummary;
import dev.partnership.Evaluation;
import dev.partnership.Evaluator;
import dev.partnership.Interval;
import dev.partnership.Problem;
import dev.partnership.SamplePartnerships;
import dev.partnership.Score;
import dev.partnership.ScoreStatus;
import dev.partnership.Subject;
import dev.partnership.TestStrategies;
import dev.partnership.Warning;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluationJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Evaluation everything() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", 1);
        nested.put("a", List.of(1.5, "x", false));
        List<Score> scores = List.of(
                Score.builder("beta-reputation", Dimension.TRUST, Subject.pair("rusd", "rcc"))
                        .value(0.83).normalized(0.83).interval(new Interval(0.71, 0.92, 0.95))
                        .normalizedInterval(new Interval(0.71, 0.92, 0.95)).n(42.0).explanation("rusd trusts rcc")
                        .detail("r", 33.1).detail("s", 6.2).detail("whole", 2.0).detail("count", 7L)
                        .detail("label", "beta").detail("flag", true).detail("list", List.of(1, 2.5, "three"))
                        .detail("map", nested).build(),
                Score.builder("rated-trust", Dimension.TRUST, Subject.partner("rcc")).value(3.25).band("HIGH").build(),
                Score.builder("kendall-w", Dimension.ALIGNMENT, Subject.partnership()).value(0.656).n(3).build(),
                Score.builder("target-attainment", Dimension.IMPACT, Subject.goal("dual")).insufficient("no baseline").build(),
                Score.builder("collaboration-factors", Dimension.INSTRUMENT, Subject.factor("collaboration-factors", "climate", null))
                        .status(ScoreStatus.SUPPRESSED).n(2).build(),
                Score.builder("collaboration-factors", Dimension.INSTRUMENT, Subject.factor("collaboration-factors", "history", "environment"))
                        .value(4.0).normalized(0.75).band("STRENGTH").build(),
                Score.builder("collaboration-factors", Dimension.INSTRUMENT, Subject.factor("collaboration-factors", null, "purpose"))
                        .value(-0.0).build());
        Map<Dimension, DimensionSummary> summary = new LinkedHashMap<>();
        summary.put(Dimension.INSTRUMENT, new DimensionSummary(0.75, null, List.of("collaboration-factors")));
        summary.put(Dimension.TRUST, new DimensionSummary(0.8, new Interval(0.7, 0.88, 0.95), List.of("beta-reputation")));
        List<Warning> warnings = List.of(new Warning(Warning.INSUFFICIENT_EVIDENCE, "target-attainment", "no baseline"),
                new Warning(Warning.NO_INTERVAL, null, "INSTRUMENT summary has no interval"));
        return new Evaluation("riverbend", Instant.parse("2026-06-30T00:00:00Z"), new Evaluation.Generator("partnership", "0.1.0"),
                scores, summary, warnings);
    }

    @Test
    void roundTripsToAnEqualEvaluation() {
        Evaluation e = everything();
        String json = EvaluationJson.toJson(e);
        Evaluation back = EvaluationJson.read(json);
        assertEquals(e, back);
        assertEquals(json, EvaluationJson.toJson(back));
    }

    @Test
    void sameEvaluationGivesByteIdenticalOutputOnStreamsAndStrings() throws IOException {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        EvaluationJson.write(everything(), a);
        EvaluationJson.write(everything(), b);
        assertArrayEquals(a.toByteArray(), b.toByteArray());
        assertArrayEquals(EvaluationJson.toJson(everything()).getBytes(StandardCharsets.UTF_8), a.toByteArray());
    }

    @Test
    void detailTypesSurviveTheRoundTrip() {
        Map<String, Object> d = EvaluationJson.read(EvaluationJson.toJson(everything())).scores().get(0).details();
        assertInstanceOf(Double.class, d.get("whole"));
        assertEquals(2.0, d.get("whole"));
        assertInstanceOf(Long.class, d.get("count"));
        assertEquals(List.of(1L, 2.5, "three"), d.get("list"));
        assertEquals(List.of("z", "a"), new ArrayList<>(((Map<?, ?>) d.get("map")).keySet()), "detail order kept");
        assertEquals(true, d.get("flag"));
    }

    @Test
    void keysAreInTheDocumentedOrderAndAlwaysPresent() throws IOException {
        JsonNode root = MAPPER.readTree(EvaluationJson.toJson(everything()));
        assertEquals(List.of("format", "partnership", "asOf", "generator", "scores", "summary", "warnings"), names(root));
        assertEquals("partnership-evaluation/1", root.get("format").asText());
        assertEquals("2026-06-30T00:00:00Z", root.get("asOf").asText());
        for (JsonNode score : root.get("scores")) {
            assertEquals(List.of("strategy", "dimension", "subject", "status", "value", "normalized", "interval",
                    "normalizedInterval", "n", "band", "explanation", "details"), names(score));
        }
        JsonNode thin = root.get("scores").get(3);
        assertEquals("INSUFFICIENT_EVIDENCE", thin.get("status").asText());
        assertTrue(thin.get("value").isNull(), "NaN is written as null");
        assertTrue(thin.get("normalized").isNull());
        assertTrue(thin.get("n").isNull());
        assertEquals("no baseline", thin.get("details").get("reason").asText());
        assertEquals(List.of("kind", "from", "to"), names(root.get("scores").get(0).get("subject")));
        assertEquals(List.of("kind", "instrument", "factor", "category"), names(root.get("scores").get(4).get("subject")));
        assertTrue(root.get("scores").get(4).get("subject").get("category").isNull());
        assertEquals(List.of("kind"), names(root.get("scores").get(2).get("subject")));
        assertEquals(List.of("TRUST", "INSTRUMENT"), names(root.get("summary")), "summary in Dimension order");
        assertEquals(List.of("value", "interval", "strategies"), names(root.get("summary").get("TRUST")));
        assertTrue(root.get("warnings").get(1).get("strategy").isNull());
        assertTrue(root.get("scores").get(0).get("details").get("whole").isDouble());
        assertTrue(root.get("scores").get(0).get("details").get("count").isIntegralNumber());
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void writesTheDocumentedLayout() {
        Evaluation e = new Evaluation("p", Instant.parse("2026-01-01T00:00:00Z"), new Evaluation.Generator("partnership", "1"),
                List.of(Score.builder("x", Dimension.HEALTH, Subject.partnership()).value(0.5).detail("k", 1L).build()),
                Map.of(), List.of());
        assertEquals(String.join("\n",
                "{",
                "  \"format\": \"partnership-evaluation/1\",",
                "  \"partnership\": \"p\",",
                "  \"asOf\": \"2026-01-01T00:00:00Z\",",
                "  \"generator\": {",
                "    \"name\": \"partnership\",",
                "    \"version\": \"1\"",
                "  },",
                "  \"scores\": [",
                "    {",
                "      \"strategy\": \"x\",",
                "      \"dimension\": \"HEALTH\",",
                "      \"subject\": {",
                "        \"kind\": \"PARTNERSHIP\"",
                "      },",
                "      \"status\": \"OK\",",
                "      \"value\": 0.5,",
                "      \"normalized\": null,",
                "      \"interval\": null,",
                "      \"normalizedInterval\": null,",
                "      \"n\": null,",
                "      \"band\": null,",
                "      \"explanation\": null,",
                "      \"details\": {",
                "        \"k\": 1",
                "      }",
                "    }",
                "  ],",
                "  \"summary\": {},",
                "  \"warnings\": []",
                "}",
                ""), EvaluationJson.toJson(e));
    }

    @Test
    void outputValidatesAgainstTheEvaluationSchema() {
        assertEquals(Set.of(), JsonSchemas.validate(JsonSchemas.EVALUATION, EvaluationJson.toJson(everything())));
        Evaluation real = Evaluator.builder().discover(false)
                .register(new TestStrategies.SignalCountProvider())
                .register(new TestStrategies.PairTrustProvider())
                .register(new TestStrategies.ThinProvider())
                .build().evaluate(SamplePartnerships.small(), SamplePartnerships.day(5));
        String json = EvaluationJson.toJson(real);
        assertEquals(Set.of(), JsonSchemas.validate(JsonSchemas.EVALUATION, json));
        assertEquals(real, EvaluationJson.read(json));
    }

    @Test
    void schemaRejectsAValueOnAScoreThatIsNotOk() throws IOException {
        String json = EvaluationJson.toJson(everything()).replace("\"status\": \"INSUFFICIENT_EVIDENCE\",\n      \"value\": null",
                "\"status\": \"INSUFFICIENT_EVIDENCE\",\n      \"value\": 1.0");
        assertFalse(JsonSchemas.validate(JsonSchemas.EVALUATION, json).isEmpty());
    }

    @Test
    void readIsStrictAndReportsEveryProblem() {
        String json = EvaluationJson.toJson(everything())
                .replace("\"partnership\": \"riverbend\",", "\"partnership\": \"riverbend\", \"extra\": 1,")
                .replace("\"kind\": \"PAIR\"", "\"kind\": \"COUPLE\"")
                .replace("\"level\": 0.95", "\"level\": 1.5")
                .replace("\"band\": \"HIGH\",", "");
        InvalidEvaluationException e = assertThrows(InvalidEvaluationException.class, () -> EvaluationJson.read(json));
        List<String> at = e.problems().stream().map(Problem::location).toList();
        assertTrue(at.contains("/extra"), at::toString);
        assertTrue(at.contains("/scores/0/subject/kind"), at::toString);
        assertTrue(at.contains("/scores/1"), at::toString);
        assertTrue(e.problems().stream().anyMatch(p -> p.message().contains("interval level must lie in (0, 1)")),
                e.problems()::toString);
        assertTrue(e.problems().stream().anyMatch(p -> p.message().equals("missing required property 'band'")));
    }

    @Test
    void readRejectsAnotherFormatAndMalformedJson() {
        InvalidEvaluationException wrong = assertThrows(InvalidEvaluationException.class,
                () -> EvaluationJson.read("{\"format\": \"partnership-dataset/1\"}"));
        assertEquals("/format", wrong.problems().get(0).location());
        InvalidEvaluationException malformed = assertThrows(InvalidEvaluationException.class,
                () -> EvaluationJson.read("{\"format\": "));
        assertTrue(malformed.problems().get(0).message().startsWith("malformed JSON at line 1"));
        assertEquals("partnership-evaluation/1", EvaluationJson.FORMAT);
    }

    @Test
    void detailNullIsRejectedOnRead() {
        String json = EvaluationJson.toJson(everything()).replace("\"label\": \"beta\"", "\"label\": null");
        InvalidEvaluationException e = assertThrows(InvalidEvaluationException.class, () -> EvaluationJson.read(json));
        assertEquals("/scores/0/details/label", e.problems().get(0).location());
    }
}
