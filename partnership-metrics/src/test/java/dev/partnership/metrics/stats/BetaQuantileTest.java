package dev.partnership.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.special.Beta;
import org.junit.jupiter.api.Test;

class BetaQuantileTest {
    private static final double[] SHAPES = {1, 1.5, 2, 3.7, 10, 41, 100, 367.25, 1000, 12_345.6, 100_000, 1e6};
    private static final double[] PROBABILITIES = {0.005, 0.025, 0.5, 0.975, 0.995};

    /** Commons Math's generic Brent search, run to a tighter accuracy than BetaEvidence used, as the reference. */
    private static double reference(double a, double b, double p) {
        return new BetaDistribution(null, a, b, 1e-16).inverseCumulativeProbability(p);
    }

    @Test
    void agreesWithCommonsMathOnAGridOfShapesAndProbabilities() {
        for (double a : SHAPES) {
            for (double b : SHAPES) {
                BetaQuantile q = BetaQuantile.of(a, b);
                for (double p : PROBABILITIES) {
                    double x = q.quantile(p);
                    double expected = reference(a, b, p);
                    // 1e-12 relative, plus the few 1e-15 of absolute error of the Brent search near 1.
                    assertEquals(expected, x, 1e-12 * x + 1e-14,
                            "Beta(" + a + ", " + b + ") quantile " + p);
                    // And the point really has that probability (condition-scaled by the density).
                    double back = Beta.regularizedBeta(x, a, b);
                    assertEquals(p, back, 1e-11 * Math.max(Math.min(p, 1 - p), 1e-3) + 1e-9 * (a + b) / 1e6,
                            "I_x at the Beta(" + a + ", " + b + ") quantile " + p);
                }
            }
        }
    }

    @Test
    void smallShapesBelowOne() {
        double[] shapes = {0.1, 0.5, 0.9};
        for (double a : shapes) {
            for (double b : new double[] {0.1, 0.5, 0.9, 2, 50}) {
                BetaQuantile q = BetaQuantile.of(a, b);
                // Lower tail only: above ½ the quantile is 1 − (a lower quantile of Beta(b, a)), which a double
                // near 1 cannot hold to more than about 1e-16 absolute; the mirror property covers that side.
                for (double p : new double[] {0.005, 0.025, 0.3, 0.5}) {
                    double x = q.quantile(p);
                    assertEquals(p, Beta.regularizedBeta(x, a, b), 1e-12 * p,
                            "I_x at the Beta(" + a + ", " + b + ") quantile " + p);
                }
            }
        }
    }

    @Test
    void closedFormsForUniformAndPowerLaws() {
        // Beta(1, 1) is uniform; Beta(a, 1) has CDF x^a; Beta(1, b) has CDF 1 − (1 − x)^b.
        assertEquals(0.025, BetaQuantile.of(1, 1).quantile(0.025), 1e-15);
        assertEquals(Math.pow(0.975, 1 / 3.0), BetaQuantile.of(3, 1).quantile(0.975), 1e-14);
        assertEquals(1 - Math.pow(1 - 0.005, 1 / 7.0), BetaQuantile.of(1, 7).quantile(0.005), 1e-15);
        // Symmetric shapes have the median ½.
        assertEquals(0.5, BetaQuantile.of(250, 250).quantile(0.5), 1e-14);
    }

    @Test
    void mirrorProperty() {
        qt().forAll(doubles().between(1, 5000), doubles().between(1, 5000), doubles().between(0.001, 0.999))
                .checkAssert((a, b, p) -> {
                    double x = BetaQuantile.of(a, b).quantile(p);
                    double y = BetaQuantile.of(b, a).quantile(1 - p);
                    assertEquals(1, x + y, 1e-12);
                    assertTrue(x > 0 && x < 1);
                });
    }

    @Test
    void boundsAndBadInput() {
        BetaQuantile q = BetaQuantile.of(2, 3);
        assertEquals(0, q.quantile(0));
        assertEquals(1, q.quantile(1));
        assertEquals(0, q.cumulative(0));
        assertEquals(1, q.cumulative(1));
        assertEquals(Beta.regularizedBeta(0.3, 2, 3), q.cumulative(0.3), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> q.quantile(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> q.quantile(1.5));
        assertThrows(IllegalArgumentException.class, () -> q.cumulative(-0.1));
        assertThrows(IllegalArgumentException.class, () -> q.equalTailed(1));
        assertThrows(IllegalArgumentException.class, () -> BetaQuantile.of(0, 1));
        assertThrows(IllegalArgumentException.class, () -> BetaQuantile.of(1, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> BetaQuantile.of(Double.NaN, 1));
    }
}
