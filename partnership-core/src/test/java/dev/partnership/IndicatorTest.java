package dev.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IndicatorTest {

    @Test
    void optionalPartsMayBeAbsent() {
        Indicator i = new Indicator("rate", null, Direction.LOWER_IS_BETTER, null, null);
        assertNull(i.unit());
        assertNull(i.baseline());
        assertEquals(-1, i.direction().sign());
        assertEquals(1, Direction.HIGHER_IS_BETTER.sign());
    }

    @Test
    void numbersMustBeFiniteAndNameAndDirectionPresent() {
        assertThrows(IllegalArgumentException.class, () -> new Indicator("rate", "%", Direction.HIGHER_IS_BETTER, Double.NaN, 1.0));
        assertThrows(IllegalArgumentException.class,
                () -> new Indicator("rate", "%", Direction.HIGHER_IS_BETTER, 1.0, Double.NEGATIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new Indicator(" ", "%", Direction.HIGHER_IS_BETTER, 1.0, 2.0));
        assertThrows(NullPointerException.class, () -> new Indicator("rate", "%", null, 1.0, 2.0));
    }
}
