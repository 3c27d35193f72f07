package dev.partnership.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.partnership.Interval;
import org.junit.jupiter.api.Test;

/** Tests {@link UnitInterval}. */
class UnitIntervalTest {

    @Test
    void clampsValuesAndIntervals() {
        assertEquals(0, UnitInterval.clamp(-0.2), 0);
        assertEquals(1, UnitInterval.clamp(1.7), 0);
        assertEquals(0.3, UnitInterval.clamp(0.3), 0);
        assertEquals(new Interval(0, 0.4, 0.9), UnitInterval.clip(new Interval(-1, 0.4, 0.9)));
        assertEquals(new Interval(1, 1, 0.95), UnitInterval.clip(new Interval(1.2, 3, 0.95)));
    }
}
