package dev.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationConfigTest {

    @Test
    void defaultsAreDocumented() {
        EvaluationConfig d = EvaluationConfig.defaults();
        assertNull(d.enabled());
        assertEquals(Map.of(), d.strategies());
        assertEquals(Map.of(), d.weights());
        assertEquals(0.95, d.confidenceLevel());
        assertEquals(20240901L, d.seed());
        assertEquals(3, d.minCellSize());
    }

    @Test
    void withersReturnModifiedCopies() {
        EvaluationConfig d = EvaluationConfig.defaults();
        EvaluationConfig c = d.withEnabled(List.of("b", "a")).withParameters("a", Map.of("x", 1L)).withConfidenceLevel(0.9)
                .withSeed(7).withMinCellSize(5).withWeights(Map.of(Dimension.TRUST, 2.0));
        assertEquals(List.of("b", "a"), new ArrayList<>(c.enabled()), "enabled ids keep the order given");
        assertEquals(Map.of("a", Map.of("x", 1L)), c.strategies());
        assertEquals(0.9, c.confidenceLevel());
        assertEquals(7, c.seed());
        assertEquals(5, c.minCellSize());
        assertEquals(Map.of(Dimension.TRUST, 2.0), c.weights());
        assertEquals(EvaluationConfig.defaults(), d, "the original is unchanged");
    }

    @Test
    void componentsAreCopiedAndChecked() {
        Map<String, Object> params = new HashMap<>(Map.of("x", 1L));
        EvaluationConfig c = EvaluationConfig.defaults().withParameters("s", params);
        params.put("y", 2L);
        assertEquals(Map.of("x", 1L), c.strategies().get("s"));
        assertThrows(IllegalArgumentException.class, () -> EvaluationConfig.defaults().withConfidenceLevel(1));
        assertThrows(IllegalArgumentException.class, () -> EvaluationConfig.defaults().withMinCellSize(0));
        assertThrows(IllegalArgumentException.class,
                () -> EvaluationConfig.defaults().withWeights(Map.of(Dimension.IMPACT, -1.0)));
        assertThrows(IllegalArgumentException.class,
                () -> EvaluationConfig.defaults().withWeights(Map.of(Dimension.IMPACT, Double.NaN)));
    }

    @Test
    void compositeWeightsDefaultToOneAndMustLeaveSomethingToWeigh() {
        EvaluationConfig c = EvaluationConfig.defaults().withWeights(Map.of(Dimension.TRUST, 2.0, Dimension.IMPACT, 0.0));
        assertEquals(2.0, c.weight(Dimension.TRUST));
        assertEquals(0.0, c.weight(Dimension.IMPACT));
        assertEquals(EvaluationConfig.DEFAULT_WEIGHT, c.weight(Dimension.ALIGNMENT));
        assertEquals(0.0, c.weight(Dimension.HEALTH), "the composite never weighs itself");
        IllegalArgumentException health = assertThrows(IllegalArgumentException.class,
                () -> EvaluationConfig.defaults().withWeights(Map.of(Dimension.HEALTH, 1.0)));
        assertTrue(health.getMessage().contains("HEALTH cannot be weighted"), health.getMessage());
        Map<Dimension, Double> zeros = new java.util.EnumMap<>(Dimension.class);
        for (Dimension d : EvaluationConfig.COMPOSITE_COMPONENTS) {
            zeros.put(d, 0.0);
        }
        assertThrows(IllegalArgumentException.class, () -> EvaluationConfig.defaults().withWeights(zeros));
        zeros.put(Dimension.ENGAGEMENT, 0.5);
        assertEquals(0.5, EvaluationConfig.defaults().withWeights(zeros).weight(Dimension.ENGAGEMENT));
    }
}
