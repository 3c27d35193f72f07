package dev.partnership.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Tests {@link Quantile}: Hyndman &amp; Fan (1996) type 7. */
class QuantileTest {

    @Test
    void matchesTheType7ValuesInTheReferenceVectors() {
        // VECTORS.md (bootstrap section): for the 999 values 0.01 … 9.99, type 7 gives (0.2595, 9.7405), as R's
        // quantile() and NumPy's default do; Commons Math's Percentile default would give (0.25, 9.75).
        double[] v = new double[999];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i + 1) / 100.0;
        }
        assertEquals(0.2595, Quantile.type7(v, 0.025), 1e-12);
        assertEquals(9.7405, Quantile.type7(v, 0.975), 1e-12);
    }

    @Test
    void interpolatesLinearlyBetweenOrderStatistics() {
        double[] v = {1, 2, 4, 8};
        assertEquals(1, Quantile.type7(v, 0), 0);
        assertEquals(8, Quantile.type7(v, 1), 0);
        assertEquals(3, Quantile.type7(v, 0.5), 0);
        // h = 3 · 0.9 = 2.7: 4 + 0.7 · (8 − 4).
        assertEquals(6.8, Quantile.type7(v, 0.9), 1e-12);
        assertEquals(7, Quantile.type7(new double[] {7}, 0.3), 0);
    }

    @Test
    void usesOnlyTheGivenPrefix() {
        double[] buffer = {1, 3, 99, -5};
        assertEquals(2, Quantile.type7(buffer, 2, 0.5), 0);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> Quantile.type7(new double[0], 0.5));
        assertThrows(IllegalArgumentException.class, () -> Quantile.type7(new double[] {1}, 1.5));
        assertThrows(IllegalArgumentException.class, () -> Quantile.type7(new double[] {1}, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Quantile.type7(new double[] {1, 2}, 3, 0.5));
    }
}
