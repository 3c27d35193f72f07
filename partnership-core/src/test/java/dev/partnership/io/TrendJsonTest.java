package dev.partnership.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnership.Evaluator;
import dev.partnership.SamplePartnerships;
import dev.partnership.TestStrategies;
import dev.partnership.Trend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrendJsonTest {

    private static Trend trend() {
        return Evaluator.builder().discover(false)
                .register(new TestStrategies.SignalCountProvider())
                .register(new TestStrategies.PairTrustProvider())
                .register(new TestStrategies.ThinProvider())
                .build().evaluateTrend(SamplePartnerships.small(),
                        List.of(SamplePartnerships.day(3), SamplePartnerships.day(5), SamplePartnerships.day(10)));
    }

    @Test
    void documentHoldsEveryEvaluationAndEveryChange() throws IOException {
        Trend t = trend();
        String json = TrendJson.toJson(t);
        JsonNode root = new ObjectMapper().readTree(json);
        assertEquals(TrendJson.FORMAT, root.get("format").asText());
        assertEquals("riverbend", root.get("partnership").asText());
        assertEquals(3, root.get("asOf").size());
        assertEquals("2025-01-04T00:00:00Z", root.get("asOf").get(0).asText());
        for (int i = 0; i < 3; i++) {
            // each evaluation is written exactly as EvaluationJson writes it on its own
            assertEquals(new ObjectMapper().readTree(EvaluationJson.toJson(t.evaluations().get(i))),
                    root.get("evaluations").get(i));
        }
        assertEquals(t.changes().size(), root.get("changes").size());
        assertFalse(t.changes().isEmpty());
        JsonNode first = root.get("changes").get(0);
        Trend.Change c = t.changes().get(0);
        assertEquals(c.strategy(), first.get("strategy").asText());
        assertEquals(c.difference(), first.get("change").asDouble());
        assertTrue(root.get("changes").findValuesAsText("dimension").contains("ENGAGEMENT"));
    }

    @Test
    void outputValidatesAgainstTheTrendSchemaAndIsStable() throws IOException {
        String json = TrendJson.toJson(trend());
        assertEquals(Set.of(), JsonSchemas.validate(JsonSchemas.TREND, json));
        assertEquals(json, TrendJson.toJson(trend()), "byte-identical on a second run");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TrendJson.write(trend(), out);
        assertEquals(json, out.toString(StandardCharsets.UTF_8));
        String broken = json.replace("\"change\": ", "\"delta\": ");
        assertFalse(JsonSchemas.validate(JsonSchemas.TREND, broken).isEmpty(), "the schema is strict");
    }
}
