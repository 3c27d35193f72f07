package dev.partnership.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Reference values are R's {@code qnorm}, which implements the same algorithm (Wichura 1988, AS 241), printed
 * with {@code sprintf("%.17g", ...)}; agreement is checked to 1e-15 relative (AS 241 is accurate to about 1e-16,
 * and {@code twoSided} first forms {@code 0.5 + level / 2}, which rounds).
 */
class NormalQuantileTest {

    private static void close(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * 1e-15);
    }

    @Test
    void publishedQuantiles() {
        close(1.959963984540054, NormalQuantile.twoSided(0.95));
        close(1.959963984540054, NormalQuantile.inverse(0.975));
        close(-1.959963984540054, NormalQuantile.inverse(0.025));
        close(1.6448536269514722, NormalQuantile.twoSided(0.90));
        close(2.5758293035489004, NormalQuantile.twoSided(0.99));
        close(-6.3613409024040557, NormalQuantile.inverse(1e-10));
        close(3.0902323061678132, NormalQuantile.inverse(0.999));
        assertEquals(0.0, NormalQuantile.inverse(0.5));
    }

    @Test
    void symmetricAndMonotoneAcrossTheThreeRegions() {
        double previous = Double.NEGATIVE_INFINITY;
        for (double p : new double[] {1e-5, 0.01, 0.07, 0.075, 0.2, 0.5, 0.8, 0.925, 0.93, 0.99, 1 - 1e-5}) {
            double x = NormalQuantile.inverse(p);
            assertEquals(x, -NormalQuantile.inverse(1 - p), 1e-9 * Math.max(1, Math.abs(x)), "p = " + p);
            assertEquals(true, x > previous, "increasing at p = " + p);
            previous = x;
        }
        // The far tail (r > 5 in AS 241) stays finite and ordered.
        double t300 = NormalQuantile.inverse(1e-300);
        double t20 = NormalQuantile.inverse(1e-20);
        assertEquals(true, Double.isFinite(t300) && t300 < t20 && t20 < NormalQuantile.inverse(1e-10));
        assertEquals(-37.047096, t300, 1e-5);
    }

    @Test
    void argumentsOutsideTheOpenUnitIntervalAreRejected() {
        for (double p : new double[] {0, 1, -0.1, 1.1, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> NormalQuantile.inverse(p), "p = " + p);
            assertThrows(IllegalArgumentException.class, () -> NormalQuantile.twoSided(p), "level = " + p);
        }
    }
}
