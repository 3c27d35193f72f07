package dev.partnership.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Tests {@link StudentTInterval}. */
class StudentTIntervalTest {

    @Test
    void matchesAReferenceInterval() {
        // SciPy: stats.t.interval(0.95, 4, loc=3, scale=sem([1, 2, 3, 4, 5])) = (1.0367568385, 4.9632431615).
        StudentTInterval t = StudentTInterval.of(new double[] {1, 2, 3, 4, 5}, 5, 0.95);
        assertEquals(3, t.mean(), 0);
        assertEquals(Math.sqrt(2.5), t.standardDeviation(), 1e-15);
        assertEquals(5, t.count());
        assertEquals(2.7764451051977987, t.quantile(), 1e-9);
        assertEquals(1.0367568385224428, t.interval().low(), 1e-9);
        assertEquals(4.963243161477557, t.interval().high(), 1e-9);
        assertEquals(0.95, t.interval().level(), 0);
    }

    @Test
    void zeroVarianceGivesAPointInterval() {
        StudentTInterval t = StudentTInterval.of(new double[] {0.4, 0.4, 0.4, 99}, 3, 0.9);
        assertEquals(0.4, t.interval().low(), 1e-15);
        assertEquals(0.4, t.interval().high(), 1e-15);
        assertEquals(0, t.standardDeviation(), 0);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> StudentTInterval.of(new double[] {1}, 1, 0.95));
        assertThrows(IllegalArgumentException.class, () -> StudentTInterval.of(new double[] {1, 2}, 3, 0.95));
        assertThrows(IllegalArgumentException.class, () -> StudentTInterval.of(new double[] {1, Double.NaN}, 2, 0.95));
        assertThrows(IllegalArgumentException.class, () -> StudentTInterval.of(new double[] {1, 2}, 2, 0));
    }
}
