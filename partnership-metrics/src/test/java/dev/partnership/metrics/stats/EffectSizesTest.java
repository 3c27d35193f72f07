package dev.partnership.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.partnership.Interval;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Tests {@link EffectSizes}. */
class EffectSizesTest {
    /** Two-sided normal quantile at 95%. */
    private static final double Z = 1.959963984540054;

    /**
     * Reference vector "Effect sizes" of /work/shared/reference/VECTORS.md (Hedges &amp; Olkin 1985; values [C]):
     * means 12 vs 10, SDs 3.0 vs 2.5, n 8 vs 10.
     */
    @Test
    void matchesTheReferenceVector() {
        EffectSizes.Estimate e = EffectSizes.compare(12, 3.0, 8, 10, 2.5, 10);
        assertEquals(2.7300412085, e.pooledSd(), 1e-10);
        assertEquals(0.7325896744, e.d(), 1e-10);
        assertEquals(0.9523809524, e.approximateJ(), 1e-10);
        assertEquals(0.6977044518, e.gApproximate(), 1e-10);
        assertEquals(0.9522538348, e.exactJ(), 1e-10);
        assertEquals(0.6976113268, e.g(), 1e-10);
        // The vector's SE_g = 0.4664800305 uses the approximate J: sqrt(J_approx² V_d).
        assertEquals(0.4664800305, e.approximateJ() * e.standardErrorD(), 1e-10);
        // With the exact J (what Estimate reports): sqrt(J_exact² V_d), derived from the same vector.
        assertEquals(0.9522538348 * Math.sqrt(18.0 / 80 + 0.7325896744 * 0.7325896744 / 36), e.standardErrorG(),
                1e-9);
        // Glass: Δ = 2 / 2.5 = 0.8; V_Δ = 18/80 + 0.64/18.
        assertEquals(0.8, e.glassDelta(), 1e-15);
        assertEquals(18.0 / 80 + 0.64 / 18, e.varianceGlass(), 1e-15);
        assertEquals(8, e.n1());
        assertEquals(10, e.n2());
    }

    @Test
    void normalIntervalIsEstimatePlusMinusZStandardErrors() {
        Interval i = EffectSizes.normalInterval(0.5, 0.04, Z, 0.95);
        assertEquals(0.5 - Z * 0.2, i.low(), 1e-15);
        assertEquals(0.5 + Z * 0.2, i.high(), 1e-15);
        assertEquals(0.95, i.level(), 0);
        assertEquals(0.5, EffectSizes.normalInterval(0.5, 0, Z, 0.95).low(), 0);
    }

    @Test
    void exactJApproachesOneAndStaysNearTheApproximation() {
        // Closed forms: J(2) = Γ(1)/(1·Γ(1/2)) = 1/√π; J(3) = Γ(3/2)/(√(3/2)·Γ(1)) = (√π/2)/√1.5.
        assertEquals(1 / Math.sqrt(Math.PI), EffectSizes.exactJ(2), 1e-14);
        assertEquals(Math.sqrt(Math.PI) / 2 / Math.sqrt(1.5), EffectSizes.exactJ(3), 1e-14);
        // Log space keeps large df finite (Γ(df/2) alone would overflow at df = 400).
        assertEquals(1 - 3.0 / (4 * 100_000 - 1), EffectSizes.exactJ(100_000), 1e-10);
        qt().forAll(integers().between(10, 5000)).checkAssert(df -> {
            double exact = EffectSizes.exactJ(df);
            assertTrue(exact > 0 && exact < 1 && exact > EffectSizes.exactJ(df - 1));
            // The approximation's error falls like 1/df² (about 0.033/df², computed).
            assertEquals(EffectSizes.approximateJ(df), exact, 0.04 / ((double) df * df));
        });
    }

    @Test
    void swappingGroupsFlipsTheSignButNotTheVariance() {
        qt().forAll(doubles().between(-50, 50), doubles().between(0.1, 20), integers().between(2, 200),
                integers().between(2, 200)).checkAssert((diff, sd, n1, n2) -> {
                    EffectSizes.Estimate a = EffectSizes.compare(diff, sd, n1, 0, sd * 1.5, n2);
                    EffectSizes.Estimate b = EffectSizes.compare(0, sd * 1.5, n2, diff, sd, n1);
                    assertEquals(a.g(), -b.g(), 1e-12);
                    assertEquals(a.varianceG(), b.varianceG(), 1e-12);
                    assertEquals(a.pooledSd(), b.pooledSd(), 1e-12);
                });
    }

    @Test
    void effectSizesDoNotDependOnTheUnitOrOrigin() {
        qt().forAll(doubles().between(-100, 100), doubles().between(0.01, 1000), integers().between(2, 100),
                integers().between(2, 100)).checkAssert((shift, scale, n1, n2) -> {
                    EffectSizes.Estimate a = EffectSizes.compare(12, 3.0, n1, 10, 2.5, n2);
                    EffectSizes.Estimate b = EffectSizes.compare(12 * scale + shift, 3.0 * scale, n1,
                            10 * scale + shift, 2.5 * scale, n2);
                    assertEquals(a.g(), b.g(), 1e-9);
                    assertEquals(a.glassDelta(), b.glassDelta(), 1e-9);
                    assertEquals(a.varianceG(), b.varianceG(), 1e-9);
                });
    }

    @Test
    void equalSdsMakeGlassEqualCohen() {
        EffectSizes.Estimate e = EffectSizes.compare(5, 2, 12, 4, 2, 12);
        assertEquals(e.d(), e.glassDelta(), 1e-15);
        assertEquals(0.5, e.d(), 1e-15);
    }

    @Test
    void cohenLabelsFollowTheConventionalCutOffs() {
        assertEquals("negligible", EffectSizes.cohenLabel(0.19));
        assertEquals("small", EffectSizes.cohenLabel(-0.2));
        assertEquals("moderate", EffectSizes.cohenLabel(0.65));
        assertEquals("large", EffectSizes.cohenLabel(0.8));
    }

    @Test
    void zeroComparisonSdLeavesGlassUndefinedButNotD() {
        EffectSizes.Estimate e = EffectSizes.compare(5, 2, 10, 4, 0, 10);
        assertTrue(Double.isNaN(e.glassDelta()) && Double.isNaN(e.standardErrorGlass()));
        assertTrue(Double.isFinite(e.g()));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> EffectSizes.compare(1, 0, 5, 1, 0, 5));
        assertThrows(IllegalArgumentException.class, () -> EffectSizes.compare(1, 1, 1, 1, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> EffectSizes.compare(1, -1, 5, 1, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> EffectSizes.compare(Double.NaN, 1, 5, 1, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> EffectSizes.compare(1, Double.NaN, 5, 1, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> EffectSizes.exactJ(1));
        assertThrows(IllegalArgumentException.class, () -> EffectSizes.approximateJ(0));
        assertThrows(IllegalArgumentException.class, () -> EffectSizes.normalInterval(0, Double.NaN, Z, 0.95));
    }

    /**
     * Coverage: with no true effect (both groups from the same normal, n = 30 each), the 95% normal interval of g
     * covers 0 in 93–97% of 2,000 seeded simulations.
     */
    @Test
    void normalIntervalOfGCoversZeroAtAboutTheNominalRate() {
        SplittableRandom random = new SplittableRandom(20_260_501L);
        int n = 30;
        int simulations = 2000;
        int covered = 0;
        for (int s = 0; s < simulations; s++) {
            double[] a = sample(random, n);
            double[] b = sample(random, n);
            EffectSizes.Estimate e = EffectSizes.compare(mean(a), sd(a), n, mean(b), sd(b), n);
            if (EffectSizes.normalInterval(e.g(), e.varianceG(), Z, 0.95).contains(0)) {
                covered++;
            }
        }
        double rate = covered / (double) simulations;
        assertTrue(rate >= 0.93 && rate <= 0.97, "coverage " + rate);
    }

    private static double[] sample(SplittableRandom random, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i += 2) {
            // Box–Muller: two standard normals from two uniforms.
            double u = 1 - random.nextDouble();
            double v = random.nextDouble();
            double r = Math.sqrt(-2 * Math.log(u));
            x[i] = 50 + 10 * r * Math.cos(2 * Math.PI * v);
            if (i + 1 < n) {
                x[i + 1] = 50 + 10 * r * Math.sin(2 * Math.PI * v);
            }
        }
        return x;
    }

    private static double mean(double[] x) {
        double m = 0;
        for (double v : x) {
            m += v;
        }
        return m / x.length;
    }

    private static double sd(double[] x) {
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (x.length - 1));
    }
}
