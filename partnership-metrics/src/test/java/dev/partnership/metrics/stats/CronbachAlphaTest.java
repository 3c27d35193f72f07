package dev.partnership.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tests of {@link CronbachAlpha}. */
class CronbachAlphaTest {
    /**
     * pingouin's {@code cronbach_alpha.csv} (15 respondents × 10 items Q1…Q10), converted from long format; source
     * and expected values in /work/shared/reference/VECTORS.md, "Cronbach's α": α = 0.5917188486, 95% CI
     * (0.195, 0.840), standardised α = 0.6343498015.
     */
    static final double[][] PINGOUIN = {
            {3, 2, 4, 1, 4, 5, 1, 4, 3, 2},
            {5, 4, 6, 3, 5, 1, 2, 5, 5, 5},
            {7, 3, 5, 5, 6, 4, 3, 3, 6, 5},
            {2, 4, 3, 3, 2, 2, 2, 6, 6, 3},
            {6, 5, 6, 5, 4, 4, 4, 6, 7, 5},
            {1, 2, 3, 4, 2, 5, 2, 3, 5, 2},
            {4, 3, 5, 3, 5, 2, 1, 2, 4, 3},
            {2, 4, 4, 3, 7, 2, 2, 4, 6, 5},
            {6, 5, 5, 5, 1, 6, 5, 2, 3, 2},
            {5, 4, 6, 4, 3, 5, 3, 1, 7, 2},
            {4, 3, 5, 2, 5, 3, 2, 3, 4, 1},
            {4, 2, 3, 2, 5, 3, 4, 2, 3, 4},
            {5, 5, 6, 2, 3, 3, 2, 4, 4, 5},
            {6, 5, 5, 4, 2, 2, 1, 4, 6, 5},
            {4, 3, 5, 5, 3, 1, 3, 2, 3, 4},
    };

    @Test
    void pingouinVector() {
        CronbachAlpha a = CronbachAlpha.of(PINGOUIN, 0.95).orElseThrow();
        assertEquals(0.5917188486, a.alpha(), 1e-9);
        assertEquals(0.6343498015, a.standardized(), 1e-9);
        assertEquals(0.195, a.interval().low(), 5e-4);
        assertEquals(0.840, a.interval().high(), 5e-4);
        assertEquals(15, a.respondents());
        assertEquals(10, a.items());
    }

    @Test
    void shroutFleissJudgesAsItemsEqualIccThreeK() {
        // VECTORS.md: alpha of the Shrout & Fleiss (1979) judges taken as items equals ICC(3,k) = 0.9093155424.
        assertEquals(0.9093155424, CronbachAlpha.of(IntraclassCorrelationTest.SHROUT_FLEISS, 0.95).orElseThrow().alpha(),
                1e-9);
    }

    @Test
    void incompleteRowsAreLeftOut() {
        double[][] withGaps = new double[PINGOUIN.length + 2][];
        System.arraycopy(PINGOUIN, 0, withGaps, 0, PINGOUIN.length);
        withGaps[PINGOUIN.length] = new double[] {1, 7, 1, 7, 1, 7, 1, 7, 1, Double.NaN};
        withGaps[PINGOUIN.length + 1] = new double[] {Double.NaN, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        assertEquals(CronbachAlpha.of(PINGOUIN, 0.95), CronbachAlpha.of(withGaps, 0.95));
    }

    @Test
    void thinOrConstantDataGiveNoAlpha() {
        assertEquals(Optional.empty(), CronbachAlpha.of(new double[0][], 0.95));
        assertEquals(Optional.empty(), CronbachAlpha.of(new double[][] {{1, 2}}, 0.95));
        assertEquals(Optional.empty(), CronbachAlpha.of(new double[][] {{3, 3}, {3, 3}, {3, 3}}, 0.95));
        assertEquals(Optional.empty(), CronbachAlpha.of(new double[][] {{1, 2}, {Double.NaN, 2}}, 0.95));
    }

    @Test
    void constantItemLeavesStandardisedAlphaUndefined() {
        CronbachAlpha a = CronbachAlpha.of(new double[][] {{1, 3}, {2, 3}, {4, 3}}, 0.95).orElseThrow();
        assertTrue(Double.isNaN(a.standardized()));
        assertEquals(0.0, a.alpha(), 1e-12); // 2 · (1 − σ₁²/σ₁²)
    }

    @Test
    void identicalItemsGiveAlphaOne() {
        CronbachAlpha a = CronbachAlpha.of(new double[][] {{1, 1, 1}, {2, 2, 2}, {5, 5, 5}}, 0.9).orElseThrow();
        assertEquals(1.0, a.alpha(), 1e-12);
        assertEquals(1.0, a.standardized(), 1e-12);
        assertEquals(1.0, a.interval().low(), 1e-12);
        assertEquals(1.0, a.interval().high(), 1e-12);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> CronbachAlpha.of(new double[][] {{1}, {2}}, 0.95));
        assertThrows(IllegalArgumentException.class, () -> CronbachAlpha.of(new double[][] {{1, 2}, {2}}, 0.95));
        assertThrows(IllegalArgumentException.class, () -> CronbachAlpha.of(PINGOUIN, 1.0));
        assertThrows(IllegalArgumentException.class,
                () -> CronbachAlpha.of(new double[][] {{1, 2}, {2, Double.POSITIVE_INFINITY}}, 0.95));
    }

    @Test
    void intervalContainsAlphaAndWidensWithLevel() {
        qt().forAll(integers().between(0, 10_000)).checkAssert(seed -> {
            java.util.Random random = new java.util.Random(seed);
            double[][] data = new double[8][4];
            for (double[] row : data) {
                double person = random.nextInt(3);
                for (int i = 0; i < row.length; i++) {
                    row[i] = person + random.nextInt(3);
                }
            }
            CronbachAlpha.of(data, 0.95).ifPresent(wide -> {
                CronbachAlpha narrow = CronbachAlpha.of(data, 0.80).orElseThrow();
                assertTrue(wide.interval().contains(wide.alpha()));
                assertTrue(wide.interval().low() <= narrow.interval().low() + 1e-12);
                assertTrue(wide.interval().high() >= narrow.interval().high() - 1e-12);
                assertTrue(wide.alpha() <= 1 + 1e-12);
            });
        });
    }
}
