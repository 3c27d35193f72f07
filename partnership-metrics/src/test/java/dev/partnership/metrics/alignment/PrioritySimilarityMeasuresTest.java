package dev.partnership.metrics.alignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Tests {@link PrioritySimilarityMeasures}. */
class PrioritySimilarityMeasuresTest {
    // The project's reference VECTORS.md, "Cosine and weighted Jaccard" (computed values).
    private static final double[] A = {5, 3, 0, 1, 4};
    private static final double[] B = {4, 0, 0, 2, 5};

    @Test
    void referenceVectors() {
        assertEquals(0.8767140075, PrioritySimilarityMeasures.cosine(A, B), 1e-10);
        assertEquals(0.6, PrioritySimilarityMeasures.weightedJaccard(A, B), 1e-15);
        assertEquals(0.5977653631, PrioritySimilarityMeasures.normalizedWeightedJaccard(A, B), 1e-10);
        double[] twiceA = {10, 6, 0, 2, 8};
        assertEquals(1.0, PrioritySimilarityMeasures.cosine(A, twiceA), 0);
    }

    @Test
    void handComputedCases() {
        // Weighted Jaccard of the reference vectors by hand: mins 4+0+0+1+4 = 9, maxes 5+3+0+2+5 = 15, 9/15.
        assertEquals(9.0 / 15, PrioritySimilarityMeasures.weightedJaccard(A, B), 0);
        // Orthogonal non-negative vectors share no goal:
        assertEquals(0.0, PrioritySimilarityMeasures.cosine(new double[] {1, 0}, new double[] {0, 3}), 0);
        assertEquals(0.0, PrioritySimilarityMeasures.weightedJaccard(new double[] {1, 0}, new double[] {0, 3}), 0);
        // Opposite vectors: cosine -1 (negative weights are allowed by cosine).
        assertEquals(-1.0, PrioritySimilarityMeasures.cosine(new double[] {1, -2}, new double[] {-1, 2}), 0);
        // (1,2) vs (2,1): 4 / 5.
        assertEquals(0.8, PrioritySimilarityMeasures.cosine(new double[] {1, 2}, new double[] {2, 1}), 1e-15);
        // Normalised Jaccard ignores scale, raw Jaccard does not: (1,1) vs (2,2) gives 2/4 raw, 1 normalised.
        assertEquals(0.5, PrioritySimilarityMeasures.weightedJaccard(new double[] {1, 1}, new double[] {2, 2}), 0);
        assertEquals(1.0,
                PrioritySimilarityMeasures.normalizedWeightedJaccard(new double[] {1, 1}, new double[] {2, 2}), 0);
    }

    @Test
    void zeroVectorsAreUndefinedWhereTheFormulaIs() {
        double[] zero = {0, 0, 0};
        double[] some = {1, 2, 3};
        assertTrue(Double.isNaN(PrioritySimilarityMeasures.cosine(zero, some)));
        assertTrue(Double.isNaN(PrioritySimilarityMeasures.cosine(some, zero)));
        assertTrue(Double.isNaN(PrioritySimilarityMeasures.weightedJaccard(zero, zero)));
        assertEquals(0.0, PrioritySimilarityMeasures.weightedJaccard(zero, some), 0);
        assertTrue(Double.isNaN(PrioritySimilarityMeasures.normalizedWeightedJaccard(zero, some)));
    }

    @Test
    void extremeMagnitudesNeitherOverflowNorUnderflow() {
        double[] huge = {1e300, 2e300};
        double[] tiny = {1e-300, 2e-300};
        assertEquals(1.0, PrioritySimilarityMeasures.cosine(huge, tiny), 1e-15);
        assertEquals(0.8, PrioritySimilarityMeasures.cosine(new double[] {1e-310, 2e-310},
                new double[] {2e300, 1e300}), 1e-6);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> PrioritySimilarityMeasures.cosine(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> PrioritySimilarityMeasures.cosine(new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class,
                () -> PrioritySimilarityMeasures.cosine(new double[] {1, Double.NaN}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> PrioritySimilarityMeasures.weightedJaccard(new double[] {1, 2},
                        new double[] {1, Double.POSITIVE_INFINITY}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PrioritySimilarityMeasures.weightedJaccard(new double[] {1, -2}, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("a[1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> PrioritySimilarityMeasures.normalizedWeightedJaccard(new double[] {1, 2}, new double[] {-1, 2}));
    }

    /** A vector of n non-negative weights, some zero, on a 0-10 scale with halves. */
    private static double[] weights(SplittableRandom random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(21) / 2.0;
        }
        return v;
    }

    @Test
    void similarityIsSymmetric() {
        qt().withFixedSeed(211).withExamples(400)
                .forAll(longs().all(), integers().between(1, 15))
                .checkAssert((seed, n) -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    double[] a = weights(r, n);
                    double[] b = weights(r, n);
                    assertEquals(PrioritySimilarityMeasures.cosine(a, b), PrioritySimilarityMeasures.cosine(b, a), 0);
                    assertEquals(PrioritySimilarityMeasures.weightedJaccard(a, b),
                            PrioritySimilarityMeasures.weightedJaccard(b, a), 0);
                    assertEquals(PrioritySimilarityMeasures.normalizedWeightedJaccard(a, b),
                            PrioritySimilarityMeasures.normalizedWeightedJaccard(b, a), 0);
                });
    }

    @Test
    void similarityOfNonNegativeVectorsLiesInTheUnitInterval() {
        qt().withFixedSeed(223).withExamples(400)
                .forAll(longs().all(), integers().between(1, 15))
                .checkAssert((seed, n) -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    double[] a = weights(r, n);
                    double[] b = weights(r, n);
                    for (double s : new double[] {PrioritySimilarityMeasures.cosine(a, b),
                            PrioritySimilarityMeasures.weightedJaccard(a, b),
                            PrioritySimilarityMeasures.normalizedWeightedJaccard(a, b)}) {
                        assertTrue(Double.isNaN(s) || (s >= 0 && s <= 1), "similarity " + s);
                    }
                });
    }

    @Test
    void cosineAndNormalizedJaccardAreScaleInvariant() {
        qt().withFixedSeed(227).withExamples(400)
                .forAll(longs().all(), integers().between(1, 15), integers().between(-30, 30))
                .checkAssert((seed, n, exponent) -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    double[] a = weights(r, n);
                    double[] b = weights(r, n);
                    double k = Math.pow(1.7, exponent);
                    double[] scaled = new double[n];
                    for (int i = 0; i < n; i++) {
                        scaled[i] = k * a[i];
                    }
                    double c = PrioritySimilarityMeasures.cosine(a, b);
                    double cs = PrioritySimilarityMeasures.cosine(scaled, b);
                    assertEquals(Double.isNaN(c), Double.isNaN(cs));
                    if (!Double.isNaN(c)) {
                        assertEquals(c, cs, 1e-12);
                        assertEquals(PrioritySimilarityMeasures.normalizedWeightedJaccard(a, b),
                                PrioritySimilarityMeasures.normalizedWeightedJaccard(scaled, b), 1e-12);
                    }
                });
    }

    @Test
    void aVectorIsFullySimilarToItself() {
        qt().withFixedSeed(229).withExamples(400)
                .forAll(longs().all(), integers().between(1, 15))
                .checkAssert((seed, n) -> {
                    double[] a = weights(new SplittableRandom(seed), n);
                    double sum = 0;
                    for (double x : a) {
                        sum += x;
                    }
                    if (sum == 0) {
                        assertTrue(Double.isNaN(PrioritySimilarityMeasures.weightedJaccard(a, a.clone())));
                    } else {
                        assertEquals(1.0, PrioritySimilarityMeasures.weightedJaccard(a, a.clone()), 0);
                        assertEquals(1.0, PrioritySimilarityMeasures.normalizedWeightedJaccard(a, a.clone()), 0);
                        assertEquals(1.0, PrioritySimilarityMeasures.cosine(a, a.clone()), 1e-15);
                    }
                });
    }
}
