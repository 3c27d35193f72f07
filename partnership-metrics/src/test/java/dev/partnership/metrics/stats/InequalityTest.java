package dev.partnership.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Tests {@link Inequality}. Reference vectors from /work/shared/reference/VECTORS.md, "Inequality" (computed
 * independently from the definitions): (1,2,3,4,5) → Gini 0.2666666667 (n/(n−1) form 0.3333333333), Theil
 * 0.1196875936, HHI 0.2444444444; (0,0,0,10) → Gini 0.75 (1.0), Theil 1.3862943611, HHI 1.0; (3,3,3,3) → 0, 0, 0.25.
 */
class InequalityTest {
    private static final double EPS = 1e-10;

    @Test
    void oneToFive() {
        double[] x = {1, 2, 3, 4, 5};
        assertEquals(0.2666666667, Inequality.gini(x), EPS);
        assertEquals(0.3333333333, Inequality.giniSmallSample(x), EPS);
        assertEquals(0.1196875936, Inequality.theil(x), EPS);
        assertEquals(0.2444444444, Inequality.herfindahlHirschman(x), EPS);
    }

    @Test
    void oneHoldsEverything() {
        double[] x = {0, 0, 0, 10};
        assertEquals(0.75, Inequality.gini(x), EPS);
        assertEquals(1.0, Inequality.giniSmallSample(x), EPS);
        assertEquals(1.3862943611, Inequality.theil(x), EPS);
        assertEquals(1.0, Inequality.herfindahlHirschman(x), EPS);
    }

    @Test
    void equalValues() {
        double[] x = {3, 3, 3, 3};
        assertEquals(0, Inequality.gini(x), 0);
        assertEquals(0, Inequality.giniSmallSample(x), 0);
        assertEquals(0, Inequality.theil(x), 0);
        assertEquals(0.25, Inequality.herfindahlHirschman(x), EPS);
    }

    @Test
    void giniMatchesThePairwiseDefinition() {
        double[] x = {7, 0, 2.5, 2.5, 11, 1};
        double pairs = 0;
        double total = 0;
        for (double a : x) {
            total += a;
            for (double b : x) {
                pairs += Math.abs(a - b);
            }
        }
        double mean = total / x.length;
        assertEquals(pairs / (2.0 * x.length * x.length * mean), Inequality.gini(x), 1e-12);
    }

    @Test
    void undefinedCasesAreNaN() {
        double[] zeros = {0, 0, 0};
        assertTrue(Double.isNaN(Inequality.gini(zeros)));
        assertTrue(Double.isNaN(Inequality.giniSmallSample(zeros)));
        assertTrue(Double.isNaN(Inequality.theil(zeros)));
        assertTrue(Double.isNaN(Inequality.herfindahlHirschman(zeros)));
        assertTrue(Double.isNaN(Inequality.gini(new double[0])));
        assertTrue(Double.isNaN(Inequality.herfindahlHirschman(new double[0])));
        assertTrue(Double.isNaN(Inequality.giniSmallSample(new double[] {4})));
    }

    @Test
    void oneValue() {
        double[] x = {4};
        assertEquals(0, Inequality.gini(x), 0);
        assertEquals(0, Inequality.theil(x), 0);
        assertEquals(1, Inequality.herfindahlHirschman(x), 0);
    }

    @Test
    void badValuesAreRejectedWithTheirPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Inequality.gini(new double[] {1, -2}));
        assertTrue(e.getMessage().contains("values[1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Inequality.theil(new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class,
                () -> Inequality.herfindahlHirschman(new double[] {Double.POSITIVE_INFINITY}));
        assertThrows(NullPointerException.class, () -> Inequality.gini(null));
    }

    @Test
    void indicesStayWithinTheirBounds() {
        qt().withFixedSeed(601).withExamples(400)
                .forAll(longs().all(), integers().between(1, 30))
                .checkAssert((seed, n) -> {
                    double[] x = amounts(new SplittableRandom(seed), n);
                    double g = Inequality.gini(x);
                    double h = Inequality.herfindahlHirschman(x);
                    double t = Inequality.theil(x);
                    assertTrue(g >= 0 && g <= 1 - 1.0 / n + 1e-12, "gini " + g);
                    assertTrue(h >= 1.0 / n - 1e-12 && h <= 1, "hhi " + h);
                    assertTrue(t >= 0 && t <= Math.log(n) + 1e-12, "theil " + t);
                    if (n >= 2) {
                        double gs = Inequality.giniSmallSample(x);
                        assertTrue(gs >= 0 && gs <= 1, "small-sample gini " + gs);
                    }
                });
    }

    @Test
    void indicesIgnoreOrderAndScale() {
        qt().withFixedSeed(607).withExamples(400)
                .forAll(longs().all(), integers().between(1, 30), integers().between(-20, 20))
                .checkAssert((seed, n, exponent) -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    double[] x = amounts(r, n);
                    double[] shuffled = x.clone();
                    for (int i = shuffled.length - 1; i > 0; i--) {
                        int j = r.nextInt(i + 1);
                        double tmp = shuffled[i];
                        shuffled[i] = shuffled[j];
                        shuffled[j] = tmp;
                    }
                    // Order: bit for bit, since every index sorts first.
                    assertEquals(Inequality.gini(x), Inequality.gini(shuffled), 0);
                    assertEquals(Inequality.theil(x), Inequality.theil(shuffled), 0);
                    assertEquals(Inequality.herfindahlHirschman(x), Inequality.herfindahlHirschman(shuffled), 0);
                    double c = Math.pow(1.9, exponent);
                    double[] scaled = x.clone();
                    for (int i = 0; i < scaled.length; i++) {
                        scaled[i] *= c;
                    }
                    assertEquals(Inequality.gini(x), Inequality.gini(scaled), 1e-12);
                    assertEquals(Inequality.theil(x), Inequality.theil(scaled), 1e-12);
                    assertEquals(Inequality.herfindahlHirschman(x), Inequality.herfindahlHirschman(scaled), 1e-12);
                });
    }

    /** Random non-negative amounts with at least one positive value, some zeros and ties. */
    private static double[] amounts(SplittableRandom r, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            x[i] = u < 0.2 ? 0 : u < 0.4 ? 3 : r.nextDouble() * 100;
        }
        x[r.nextInt(n)] += 1;
        return x;
    }
}
