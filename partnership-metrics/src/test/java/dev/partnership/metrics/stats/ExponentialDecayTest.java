package dev.partnership.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;

class ExponentialDecayTest {
    private static final double MILLIS_PER_DAY = 86_400_000.0;

    private static double rateForHalfLifeDays(double days) {
        return Math.log(2) / (days * MILLIS_PER_DAY);
    }

    @Test
    void halvesAtTheHalfLife() {
        ExponentialDecay decay = ExponentialDecay.ofRate(rateForHalfLifeDays(365));
        long year = 365L * 86_400_000L;
        assertEquals(0.5, decay.factor(year), 1e-15);
        assertEquals(0.25, decay.factor(2 * year), 1e-15);
        assertEquals(1.0, decay.factor(0));
        // rate = ln 2 / h is itself rounded: over 100 half-lives that rounding alone moves the factor by ~7e-15.
        assertEquals(Math.pow(2, -100), decay.factor(100 * year), 2e-14 * Math.pow(2, -100));
    }

    @Test
    void matchesStrictMathWithinRounding() {
        qt().forAll(doubles().between(0.01, 36_500), longs().between(0, 200L * 365 * 86_400_000L))
                .checkAssert((days, age) -> {
                    double rate = rateForHalfLifeDays(days);
                    ExponentialDecay decay = ExponentialDecay.ofRate(rate);
                    double exact = StrictMath.exp(-rate * (double) age);
                    double got = decay.factor(age);
                    // A few ulps, plus what the rounding of the argument rate · age alone does to exp.
                    double tolerance = exact * (4e-16 + 2 * Math.ulp(rate * (double) age)) + Double.MIN_NORMAL;
                    assertEquals(exact, got, tolerance,
                            "half-life " + days + " days, age " + age + " ms");
                    // The split is exact: the coarse part and the remainder add up to the age.
                    long coarse = decay.coarsePart(age);
                    assertTrue(coarse <= age && age - coarse < (1L << decay.coarseShift()));
                    assertEquals(decay.coarse(coarse) * decay.fine(age), got);
                });
    }

    @Test
    void coarseStepKeepsThePolynomialArgumentSmall() {
        for (double days : new double[] {1e-6, 0.5, 1, 30, 365, 36_500}) {
            double rate = rateForHalfLifeDays(days);
            int k = ExponentialDecay.ofRate(rate).coarseShift();
            // k is the largest with rate · 2^k <= 1/64, or 0 when one unit already exceeds it.
            assertTrue(k == 0 || rate * Math.pow(2, k) <= 1.0 / 64, "k = " + k + " for " + days);
            assertTrue(rate * Math.pow(2, k + 1) > 1.0 / 64, "k = " + k + " for " + days);
        }
    }

    @Test
    void zeroRateMeansNoDecay() {
        ExponentialDecay none = ExponentialDecay.ofRate(0);
        assertEquals(1.0, none.factor(Long.MAX_VALUE / 2));
        assertEquals(1.0, none.fine(123_456_789L));
        assertEquals(0.0, none.rate());
    }

    @Test
    void rejectsBadRates() {
        assertThrows(IllegalArgumentException.class, () -> ExponentialDecay.ofRate(-1e-9));
        assertThrows(IllegalArgumentException.class, () -> ExponentialDecay.ofRate(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> ExponentialDecay.ofRate(Double.POSITIVE_INFINITY));
    }
}
