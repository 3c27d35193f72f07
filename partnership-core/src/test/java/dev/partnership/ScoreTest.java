package dev.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreTest {
    private static Score.Builder builder() {
        return Score.builder("s", Dimension.TRUST, Subject.partnership());
    }

    @Test
    void statusFollowsTheValueUnlessSet() {
        assertEquals(ScoreStatus.OK, builder().value(0.5).build().status());
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, builder().build().status());
        Score thin = builder().value(0.5).normalized(0.5).band("X").interval(new Interval(0, 1, 0.9))
                .insufficient("too few").build();
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, thin.status());
        assertTrue(Double.isNaN(thin.value()), "a score that is not OK carries no value");
        assertTrue(Double.isNaN(thin.normalized()));
        assertNull(thin.interval());
        assertNull(thin.band());
        assertEquals("too few", thin.details().get("reason"));
        assertEquals(ScoreStatus.SUPPRESSED, builder().status(ScoreStatus.SUPPRESSED).n(2).build().status());
        assertTrue(Double.isNaN(builder().status(ScoreStatus.SUPPRESSED).n(2).build().n()),
                "the size of a suppressed cell is withheld");
        assertEquals(2.0, builder().insufficient("few").n(2).build().n(), "n is kept for insufficient evidence");
    }

    @Test
    void okNeedsAFiniteValueAndNormalizedStaysInTheUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> builder().status(ScoreStatus.OK).build());
        assertThrows(IllegalArgumentException.class, () -> builder().value(Double.POSITIVE_INFINITY).build());
        assertThrows(IllegalArgumentException.class, () -> builder().value(1).normalized(1.01).build());
        assertThrows(IllegalArgumentException.class, () -> builder().value(1).normalized(-0.01).build());
        assertThrows(IllegalArgumentException.class,
                () -> builder().value(1).normalizedInterval(new Interval(-0.1, 0.5, 0.95)).build());
        assertThrows(IllegalArgumentException.class, () -> builder().value(1).n(-1).build());
        assertThrows(IllegalArgumentException.class, () -> builder().value(1).n(Double.POSITIVE_INFINITY).build());
        assertEquals(1.0, builder().value(-5).normalized(1).build().normalized());
    }

    @Test
    void detailsAreCopiedWithCanonicalNumberTypes() {
        Map<String, Object> nested = new HashMap<>();
        nested.put("k", 3);
        List<Object> list = new ArrayList<>(List.of(1, 2.5f, "x"));
        Score s = builder().value(1).detail("int", 7).detail("short", (short) 2).detail("float", 0.5f)
                .detail("list", list).detail("map", nested).detail("bool", true).build();
        list.add("later");
        assertInstanceOf(Long.class, s.details().get("int"));
        assertInstanceOf(Long.class, s.details().get("short"));
        assertInstanceOf(Double.class, s.details().get("float"));
        assertEquals(List.of(1L, 2.5, "x"), s.details().get("list"));
        assertEquals(Map.of("k", 3L), s.details().get("map"));
        assertEquals(List.of("int", "short", "float", "list", "map", "bool"), new ArrayList<>(s.details().keySet()),
                "insertion order kept");
        assertEquals(7.0, s.detail("int"));
        assertTrue(Double.isNaN(s.detail("bool")));
        assertTrue(Double.isNaN(s.detail("absent")));
        assertThrows(UnsupportedOperationException.class, () -> s.details().put("x", 1));
    }

    @Test
    void unsupportedDetailsAreRejectedWithTheirPath() {
        assertEquals("details.x must be finite, was NaN", assertThrows(IllegalArgumentException.class,
                () -> builder().value(1).detail("x", Double.NaN).build()).getMessage());
        assertEquals("details.l[1] has unsupported type null", assertThrows(IllegalArgumentException.class,
                () -> builder().value(1).detail("l", Arrays.asList(1, null)).build()).getMessage());
        Map<String, Object> deep = new LinkedHashMap<>();
        deep.put("when", java.time.Instant.EPOCH);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> builder().value(1).detail("m", deep).build())
                .getMessage().startsWith("details.m.when has unsupported type java.time.Instant"));
    }
}
