package dev.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    @Test
    void lookupsAndDimensionOrder() {
        Score a = Score.builder("a", Dimension.TRUST, Subject.partner("x")).value(1).build();
        Score b = Score.builder("a", Dimension.TRUST, Subject.partner("y")).value(2).build();
        Score c = Score.builder("c", Dimension.IMPACT, Subject.goal("g")).value(3).build();
        Map<Dimension, DimensionSummary> summary = new LinkedHashMap<>();
        summary.put(Dimension.HEALTH, new DimensionSummary(0.5, null, List.of("h")));
        summary.put(Dimension.TRUST, new DimensionSummary(0.5, null, List.of("a")));
        List<Score> scores = new ArrayList<>(List.of(a, b, c));
        Evaluation e = new Evaluation("p", Instant.EPOCH, new Evaluation.Generator("n", "v"), scores, summary, List.of());
        scores.clear();
        assertEquals(List.of(a, b), e.scores("a"));
        assertEquals(Optional.of(b), e.score("a", Subject.partner("y")));
        assertEquals(Optional.empty(), e.score("c", Subject.partner("y")));
        assertEquals(List.of(Dimension.TRUST, Dimension.HEALTH), new ArrayList<>(e.summary().keySet()));
        assertEquals(3, e.scores().size(), "copied");
        assertThrows(NullPointerException.class, () -> new Evaluation.Generator(null, "v"));
        assertThrows(NullPointerException.class,
                () -> new Evaluation("p", null, new Evaluation.Generator("n", "v"), List.of(), Map.of(), List.of()));
    }
}
