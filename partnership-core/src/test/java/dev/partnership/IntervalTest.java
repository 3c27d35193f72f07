package dev.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IntervalTest {

    @Test
    void containsIsInclusiveAndWidthIsHighMinusLow() {
        Interval i = new Interval(0.25, 0.75, 0.95);
        assertTrue(i.contains(0.25));
        assertTrue(i.contains(0.75));
        assertFalse(i.contains(0.7500001));
        assertFalse(i.contains(Double.NaN));
        assertEquals(0.5, i.width());
        assertEquals(0.0, new Interval(1, 1, 0.5).width(), "degenerate intervals are allowed");
    }

    @Test
    void boundsAndLevelAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new Interval(2, 1, 0.95));
        assertThrows(IllegalArgumentException.class, () -> new Interval(Double.NaN, 1, 0.95));
        assertThrows(IllegalArgumentException.class, () -> new Interval(0, Double.POSITIVE_INFINITY, 0.95));
        assertThrows(IllegalArgumentException.class, () -> new Interval(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Interval(0, 1, 0));
    }
}
