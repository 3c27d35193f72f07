package dev.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoalTest {
    private static final Indicator UP = new Indicator("rate", "%", Direction.HIGHER_IS_BETTER, 10.0, 20.0);
    private static final Indicator DOWN = new Indicator("rate", "%", Direction.LOWER_IS_BETTER, 20.0, 10.0);

    @Test
    void shortConstructorHasWeightOneAndNoLevels() {
        Goal g = new Goal("g", "G", null, List.of(), null);
        assertEquals(1.0, g.weight());
        assertEquals(List.of(), g.attainmentLevels());
    }

    @Test
    void weightMustBePositiveAndFinite() {
        for (double w : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> new Goal("g", "G", null, List.of(), null, w, List.of()),
                    "weight " + w);
        }
        assertEquals(0.001, new Goal("g", "G", null, List.of(), null, 0.001, List.of()).weight());
    }

    @Test
    void ownersAreCopied() {
        List<String> owners = new ArrayList<>(List.of("a"));
        Goal g = new Goal("g", "G", null, owners, null);
        owners.add("b");
        assertEquals(List.of("a"), g.owners());
    }

    @Test
    void attainmentLevelsRules() {
        assertNull(Goal.attainmentLevelsProblem(List.of(), null));
        assertNull(Goal.attainmentLevelsProblem(List.of(1.0, 2.0, 3.0, 4.0, 5.0), UP));
        assertNull(Goal.attainmentLevelsProblem(List.of(5.0, 4.0, 3.0, 2.0, 1.0), DOWN));
        assertEquals("attainmentLevels must hold exactly 5 values (levels -2..+2), has 4",
                Goal.attainmentLevelsProblem(List.of(1.0, 2.0, 3.0, 4.0), UP));
        assertEquals("attainmentLevels need an indicator to say which way is better",
                Goal.attainmentLevelsProblem(List.of(1.0, 2.0, 3.0, 4.0, 5.0), null));
        assertTrue(Goal.attainmentLevelsProblem(List.of(1.0, 2.0, 2.0, 4.0, 5.0), UP).contains("strictly increasing"),
                "ties are not strictly monotone");
        assertTrue(Goal.attainmentLevelsProblem(List.of(1.0, 2.0, 3.0, 4.0, 5.0), DOWN).contains("strictly decreasing"));
        assertTrue(Goal.attainmentLevelsProblem(List.of(1.0, 2.0, Double.NaN, 4.0, 5.0), UP).contains("level 0 is NaN"));
        assertTrue(Goal.attainmentLevelsProblem(Arrays.asList(1.0, null, 3.0, 4.0, 5.0), UP).contains("level -1 is null"));
        assertThrows(IllegalArgumentException.class,
                () -> new Goal("g", "G", UP, List.of(), null, 1, List.of(5.0, 4.0, 3.0, 2.0, 1.0)));
    }

    @Test
    void attributesAreSortedImmutableAndNameTheCategory() {
        Goal g = new Goal("g", "Goal", null, List.of(), null, 1.0, List.of(),
                Map.of("z", "last", Goal.CATEGORY, "college access"));
        assertEquals(List.of("category", "z"), new ArrayList<>(g.attributes().keySet()));
        assertEquals("college access", g.category());
        assertThrows(UnsupportedOperationException.class, () -> g.attributes().put("x", "y"));
        assertNull(new Goal("h", "Other", null, List.of(), null).category());
        assertThrows(NullPointerException.class,
                () -> new Goal("g", "Goal", null, List.of(), null, 1.0, List.of(), null));
    }
}
