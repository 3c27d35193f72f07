package dev.partnership.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.partnership.metrics.stats.KrippendorffAlpha.Coincidences;
import dev.partnership.metrics.stats.KrippendorffAlpha.Level;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Tests {@link KrippendorffAlpha}. */
class KrippendorffAlphaTest {
    private static final double M = Double.NaN;

    /**
     * Wikipedia, "Krippendorff's alpha", worked example: 3 coders × 15 units, · = missing. Nominal α = 0.691358,
     * interval α = 0.810845 (published to six decimals; the project's VECTORS.md, "Krippendorff's α"). The exact
     * values 56/81 and 643/793 were computed independently with rational arithmetic from the same coincidences.
     */
    private static final double[][] WIKIPEDIA = {
            {M, M, M, M, M, 3, 4, 1, 2, 1, 1, 3, 3, M, 3},
            {1, M, 2, 1, 3, 3, 4, 3, M, M, M, M, M, M, M},
            {M, M, 2, 1, 3, 4, 4, M, 2, 1, 1, 3, 3, M, 4},
    };

    /**
     * Krippendorff, K. (2011), "Computing Krippendorff's alpha-reliability", section C (4 observers × 12 units
     * with missing values; also the test data of the Python package {@code krippendorff}, pln-fing-udelar/
     * fast-krippendorff, tests/test_krippendorff.py). Published: nominal .743, ordinal .815, interval .849,
     * ratio .797. Exact rationals computed independently: 113/152, 108577/133160, 951/1120, 18222619/22852465.
     */
    private static final double[][] KRIPPENDORFF_2011 = {
            {1, 2, 3, 3, 2, 1, 4, 1, 2, M, M, M},
            {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, M, 3},
            {M, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, M},
            {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, M},
    };

    @Test
    void wikipediaExample() {
        KrippendorffAlpha nominal = KrippendorffAlpha.of(WIKIPEDIA, Level.NOMINAL);
        KrippendorffAlpha interval = KrippendorffAlpha.of(WIKIPEDIA, Level.INTERVAL);
        assertEquals(0.691358, nominal.alpha(), 1e-6);
        assertEquals(0.810845, interval.alpha(), 1e-6);
        assertEquals(56.0 / 81, nominal.alpha(), 1e-12);
        assertEquals(643.0 / 793, interval.alpha(), 1e-12);
        assertEquals(Level.NOMINAL, nominal.level());
        // Units 1, 2 and 14 hold fewer than 2 values: 12 pairable units with 26 values.
        assertEquals(12, nominal.pairableUnits());
        assertEquals(26, nominal.pairableValues());
        assertEquals(1 - nominal.observedDisagreement() / nominal.expectedDisagreement(), nominal.alpha(), 1e-12);
    }

    @Test
    void wikipediaCoincidenceMatrix() {
        // Hand tabulation: unit 3 (2, 2) adds 1 to o_22; unit 6 (3, 3, 4) adds 1/2 to each ordered pair, so
        // o_33 += 1, o_34 = o_43 += 1; and so on. The result, values 1..4:
        double[][] expected = {
                {6, 0, 1, 0},
                {0, 4, 0, 0},
                {1, 0, 7, 2},
                {0, 0, 2, 3},
        };
        Coincidences c = Coincidences.of(WIKIPEDIA);
        assertArrayEquals(new double[] {1, 2, 3, 4}, c.values(), 0);
        assertEquals(4, c.size());
        double[] marginals = {7, 4, 10, 5};
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(expected[i][j], c.count(i, j), 1e-12, "o_" + (i + 1) + (j + 1));
            }
            assertEquals(marginals[i], c.marginal(i), 0);
        }
        assertEquals(26, c.pairableValues());
    }

    @Test
    void krippendorff2011AllFourLevels() {
        Coincidences c = Coincidences.of(KRIPPENDORFF_2011);
        double[][] expected = {
                {0.743, 113.0 / 152},
                {0.815, 108577.0 / 133160},
                {0.849, 951.0 / 1120},
                {0.797, 18222619.0 / 22852465},
        };
        Level[] levels = Level.values();
        for (int l = 0; l < levels.length; l++) {
            double alpha = KrippendorffAlpha.of(c, levels[l]).alpha();
            assertEquals(Math.round(expected[l][0] * 1000), Math.round(alpha * 1000), levels[l].id());
            assertEquals(expected[l][1], alpha, 1e-12, levels[l].id());
            assertEquals(alpha, KrippendorffAlpha.of(KRIPPENDORFF_2011, levels[l]).alpha(), 0);
        }
    }

    @Test
    void handComputedCoincidencesSeparateTheLevels() {
        // Two coders, units (1,1), (2,3), (3,3), (1,2). Coincidences (values 1, 2, 3):
        //   o = [[2, 1, 0], [1, 0, 1], [0, 1, 2]], n_1 = 3, n_2 = 2, n_3 = 3, n = 8.
        // α = 1 − (n − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck with, by level:
        //   nominal  δ² = 1 off the diagonal: Σoδ² = 4, Σnnδ² = 2(6 + 6 + 9) = 42, α = 1 − 28/42 = 1/3;
        //   ordinal  δ²_12 = (n_1 + n_2 − (n_1 + n_2)/2)² = 6.25, δ²_23 = 6.25, δ²_13 = (8 − 3)² = 25:
        //            Σoδ² = 25, Σnnδ² = 2(37.5 + 37.5 + 225) = 600, α = 1 − 175/600 = 17/24;
        //   interval δ² = 1, 1, 4: Σoδ² = 4, Σnnδ² = 2(6 + 6 + 36) = 96, α = 1 − 28/96 = 17/24;
        //   ratio    δ² = (1/3)², (1/5)², (2/4)²: Σoδ² = 68/225, Σnnδ² = 947/150, α = 1 − 952/2841 = 1889/2841.
        double[][] data = {{1, 2, 3, 1}, {1, 3, 3, 2}};
        Coincidences c = Coincidences.of(data);
        double[][] o = {{2, 1, 0}, {1, 0, 1}, {0, 1, 2}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(o[i][j], c.count(i, j), 0);
            }
        }
        assertEquals(1.0 / 3, KrippendorffAlpha.of(c, Level.NOMINAL).alpha(), 1e-15);
        assertEquals(17.0 / 24, KrippendorffAlpha.of(c, Level.ORDINAL).alpha(), 1e-15);
        assertEquals(17.0 / 24, KrippendorffAlpha.of(c, Level.INTERVAL).alpha(), 1e-15);
        assertEquals(1889.0 / 2841, KrippendorffAlpha.of(c, Level.RATIO).alpha(), 1e-15);
        // D_o = Σoδ²/n and D_e = Σnnδ²/(n(n − 1)) for the interval level.
        KrippendorffAlpha interval = KrippendorffAlpha.of(c, Level.INTERVAL);
        assertEquals(4.0 / 8, interval.observedDisagreement(), 1e-15);
        assertEquals(96.0 / 56, interval.expectedDisagreement(), 1e-15);
    }

    @Test
    void unitsWithOneValueAreDropped() {
        double[][] withLoneValues = {
                {1, 2, 3, 1, 4, M},
                {1, 3, 3, 2, M, 5},
        };
        for (Level l : Level.values()) {
            assertEquals(KrippendorffAlpha.of(new double[][] {{1, 2, 3, 1}, {1, 3, 3, 2}}, l).alpha(),
                    KrippendorffAlpha.of(withLoneValues, l).alpha(), 0, l.id());
        }
    }

    @Test
    void undefinedWithoutPairableValuesOrVariation() {
        KrippendorffAlpha none = KrippendorffAlpha.of(new double[][] {{1, M}, {M, 2}}, Level.INTERVAL);
        assertFalse(none.isDefined());
        assertEquals(0, none.pairableUnits());
        assertTrue(Double.isNaN(none.observedDisagreement()));
        KrippendorffAlpha same = KrippendorffAlpha.of(new double[][] {{3, 3, M}, {3, 3, 3}}, Level.NOMINAL);
        assertFalse(same.isDefined());
        assertEquals(0, same.expectedDisagreement(), 0);
    }

    @Test
    void ratioNeedsNonNegativeValuesButAcceptsZero() {
        assertThrows(IllegalArgumentException.class,
                () -> KrippendorffAlpha.of(new double[][] {{-1, 2}, {1, 2}}, Level.RATIO));
        assertEquals(1.0, KrippendorffAlpha.of(new double[][] {{0, 1, 2}, {0, 1, 2}}, Level.RATIO).alpha(), 0);
        // Other levels accept negative values.
        assertEquals(1.0, KrippendorffAlpha.of(new double[][] {{-1, 2}, {-1, 2}}, Level.INTERVAL).alpha(), 0);
    }

    @Test
    void negativeZeroIsZero() {
        Coincidences c = Coincidences.of(new double[][] {{-0.0, 1}, {0.0, 1}});
        assertEquals(2, c.size());
        assertEquals(1.0, KrippendorffAlpha.of(c, Level.NOMINAL).alpha(), 0);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> KrippendorffAlpha.of(new double[][] {{1, 2}},
                Level.NOMINAL));
        assertThrows(IllegalArgumentException.class, () -> KrippendorffAlpha.of(new double[][] {{}, {}},
                Level.NOMINAL));
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> KrippendorffAlpha.of(new double[][] {{1, 2}, {1}}, Level.NOMINAL));
        assertTrue(ragged.getMessage().contains("coder 1"), ragged.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> KrippendorffAlpha.of(new double[][] {{1, 2}, {1, Double.NEGATIVE_INFINITY}}, Level.NOMINAL));
        assertThrows(IllegalArgumentException.class, () -> Level.ofId("Interval"));
        for (Level l : Level.values()) {
            assertEquals(l, Level.ofId(l.id()));
        }
    }

    /** Random coders × units data on a 1..5 scale with about a quarter missing. */
    private static double[][] randomData(long seed, int coders, int units) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[coders][units];
        for (int u = 0; u < units; u++) {
            int truth = 1 + random.nextInt(5);
            for (int c = 0; c < coders; c++) {
                x[c][u] = random.nextInt(4) == 0 ? M : Math.max(1, Math.min(5, truth + random.nextInt(3) - 1));
            }
        }
        return x;
    }

    @Test
    void alphaDoesNotDependOnTheOrderOfCodersOrUnits() {
        qt().withFixedSeed(83).withExamples(200)
                .forAll(longs().all(), integers().between(2, 6), integers().between(1, 15))
                .checkAssert((seed, coders, units) -> {
                    double[][] x = randomData(seed, coders, units);
                    double[][] y = IntraclassCorrelationTest.permuted(x, seed + 1);
                    for (Level l : Level.values()) {
                        KrippendorffAlpha a = KrippendorffAlpha.of(x, l);
                        KrippendorffAlpha b = KrippendorffAlpha.of(y, l);
                        assertEquals(a.isDefined(), b.isDefined(), l.id());
                        if (a.isDefined()) {
                            assertEquals(a.alpha(), b.alpha(), 1e-12, l.id());
                            assertTrue(a.alpha() <= 1, l.id());
                        }
                        assertEquals(a.pairableValues(), b.pairableValues());
                    }
                });
    }

    @Test
    void alphaIsOneWhenAllCodersAgree() {
        qt().withFixedSeed(89).withExamples(200)
                .forAll(longs().all(), integers().between(2, 6), integers().between(2, 15))
                .checkAssert((seed, coders, units) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    double[] shared = new double[units];
                    for (int u = 0; u < units; u++) {
                        shared[u] = random.nextInt(4);
                    }
                    double[][] x = new double[coders][];
                    for (int c = 0; c < coders; c++) {
                        x[c] = shared.clone();
                    }
                    KrippendorffAlpha a = KrippendorffAlpha.of(x, Level.NOMINAL);
                    boolean varies = false;
                    for (double v : shared) {
                        varies |= v != shared[0];
                    }
                    // Undefined only when every unit got the same value (no expected disagreement).
                    assertEquals(varies, a.isDefined());
                    if (varies) {
                        assertEquals(1.0, a.alpha(), 0);
                    }
                });
    }
}
