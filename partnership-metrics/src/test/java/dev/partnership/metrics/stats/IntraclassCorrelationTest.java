package dev.partnership.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.partnership.Interval;
import dev.partnership.metrics.stats.IntraclassCorrelation.Estimate;
import dev.partnership.metrics.stats.IntraclassCorrelation.Form;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Tests {@link IntraclassCorrelation}. */
class IntraclassCorrelationTest {
    /**
     * Shrout, P. E. and Fleiss, J. L. (1979), "Intraclass correlations: uses in assessing rater reliability",
     * Psychological Bulletin 86(2), 420–428, Table 2: 6 targets (rows) × 4 judges (columns). Values below from the
     * project's reference vectors (VECTORS.md, "ICC"): the intervals as published to two decimals, the forms and
     * mean squares computed from the published data.
     */
    static final double[][] SHROUT_FLEISS = {
            {9, 2, 5, 8},
            {6, 1, 3, 2},
            {8, 4, 6, 8},
            {7, 1, 2, 6},
            {10, 5, 6, 9},
            {6, 2, 4, 7},
    };

    /** Expected value and 95% interval of each form, in {@link Form} order. */
    private static final double[][] EXPECTED = {
            {0.1657417684, -0.13, 0.72},
            {0.2897637795, 0.02, 0.76},
            {0.7148407148, 0.34, 0.95},
            {0.4427971337, -0.88, 0.91},
            {0.6200505476, 0.07, 0.93},
            {0.9093155424, 0.68, 0.99},
    };

    /** Cronbach's α of the judges taken as items: k/(k − 1) · (1 − Σ var(judge) / var(target total)). */
    static double cronbachAlpha(double[][] ratings) {
        int n = ratings.length;
        int k = ratings[0].length;
        double itemVariances = 0;
        for (int j = 0; j < k; j++) {
            double[] column = new double[n];
            for (int i = 0; i < n; i++) {
                column[i] = ratings[i][j];
            }
            itemVariances += variance(column);
        }
        double[] totals = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                totals[i] += ratings[i][j];
            }
        }
        return k / (k - 1.0) * (1 - itemVariances / variance(totals));
    }

    private static double variance(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return ss / (x.length - 1);
    }

    private static long hundredths(double x) {
        return Math.round(x * 100);
    }

    @Test
    void shroutFleissTableTwo() {
        IntraclassCorrelation icc = IntraclassCorrelation.of(SHROUT_FLEISS);
        assertEquals(6, icc.targets());
        assertEquals(4, icc.judges());
        assertEquals(0.95, icc.level(), 0);
        assertEquals(11.2416667, icc.msr(), 1e-7);
        assertEquals(32.4861111, icc.msc(), 1e-7);
        assertEquals(1.0194444, icc.mse(), 1e-7);
        assertEquals(6.2638889, icc.msw(), 1e-7);
        Form[] forms = Form.values();
        for (int f = 0; f < forms.length; f++) {
            Estimate e = icc.estimate(forms[f]);
            assertEquals(forms[f], e.form());
            assertEquals(EXPECTED[f][0], e.value(), 1e-9, forms[f].label());
            assertNotNull(e.interval(), forms[f].label());
            assertEquals(hundredths(EXPECTED[f][1]), hundredths(e.interval().low()), forms[f].label() + " low");
            assertEquals(hundredths(EXPECTED[f][2]), hundredths(e.interval().high()), forms[f].label() + " high");
            assertEquals(0.95, e.interval().level(), 0);
            assertTrue(e.interval().contains(e.value()), forms[f].label());
        }
    }

    @Test
    void intervalsFromPublishedMeanSquaresMatchThoseFromTheData() {
        IntraclassCorrelation fromData = IntraclassCorrelation.of(SHROUT_FLEISS, 0.9);
        IntraclassCorrelation fromTable = IntraclassCorrelation.fromMeanSquares(6, 4, fromData.msr(), fromData.msc(),
                fromData.mse(), fromData.msw(), 0.9);
        assertEquals(fromData, fromTable);
    }

    @Test
    void aLowerLevelGivesNarrowerIntervals() {
        IntraclassCorrelation wide = IntraclassCorrelation.of(SHROUT_FLEISS, 0.95);
        IntraclassCorrelation narrow = IntraclassCorrelation.of(SHROUT_FLEISS, 0.80);
        for (Form f : Form.values()) {
            Interval w = wide.estimate(f).interval();
            Interval n = narrow.estimate(f).interval();
            assertEquals(wide.estimate(f).value(), narrow.estimate(f).value(), 0);
            assertTrue(n.low() > w.low() && n.high() < w.high(), f.label());
        }
    }

    @Test
    void icc3kEqualsCronbachsAlphaOfTheJudges() {
        // VECTORS.md: Cronbach's alpha of the Shrout & Fleiss judges taken as items equals ICC(3,k) = 0.9093155424.
        assertEquals(0.9093155424, cronbachAlpha(SHROUT_FLEISS), 1e-9);
        assertEquals(cronbachAlpha(SHROUT_FLEISS), IntraclassCorrelation.of(SHROUT_FLEISS)
                .estimate(Form.ICC_3_K).value(), 1e-12);
    }

    @Test
    void constantRatingsLeaveEveryFormUndefined() {
        double[][] constant = {{0.1, 0.1, 0.1}, {0.1, 0.1, 0.1}, {0.1, 0.1, 0.1}};
        IntraclassCorrelation icc = IntraclassCorrelation.of(constant);
        assertEquals(0, icc.msr(), 0);
        assertEquals(0, icc.msc(), 0);
        assertEquals(0, icc.mse(), 0);
        assertEquals(0, icc.msw(), 0);
        for (Estimate e : icc.estimates()) {
            assertFalse(e.isDefined(), e.form().label());
            assertTrue(Double.isNaN(e.value()));
            assertNull(e.interval());
        }
    }

    @Test
    void targetsThatDoNotDifferLeaveTheAverageFormsUndefined() {
        // Every target's mean is 2, the judges disagree: MSR = 0.
        double[][] ratings = {{1, 3}, {3, 1}, {2, 2}};
        IntraclassCorrelation icc = IntraclassCorrelation.of(ratings);
        assertEquals(0, icc.msr(), 0);
        assertFalse(icc.estimate(Form.ICC_1_K).isDefined());
        assertFalse(icc.estimate(Form.ICC_3_K).isDefined());
        // ICC(1,1) = (0 − MSW) / ((k − 1) MSW) = −1/(k − 1), its lowest possible value.
        assertEquals(-1.0, icc.estimate(Form.ICC_1_1).value(), 1e-15);
    }

    @Test
    void twoByTwoWithoutTargetOrJudgeEffectsLeavesIcc21Undefined() {
        // n = k = 2 and MSR = MSC = 0: the ICC(2,1) denominator MSR + (k − 1)MSE + k(MSC − MSE)/n is 0.
        IntraclassCorrelation icc = IntraclassCorrelation.of(new double[][] {{1, 2}, {2, 1}});
        assertTrue(icc.mse() > 0);
        assertFalse(icc.estimate(Form.ICC_2_1).isDefined());
    }

    @Test
    void judgesWhoDifferOnlyByAnOffsetAreFullyConsistent() {
        // Judge 2 rates every target exactly 2 higher: MSE = 0, consistency 1, absolute agreement below 1.
        double[][] ratings = {{1, 3}, {2, 4}, {4, 6}, {5, 7}};
        IntraclassCorrelation icc = IntraclassCorrelation.of(ratings);
        assertEquals(0, icc.mse(), 0);
        for (Form f : List.of(Form.ICC_3_1, Form.ICC_3_K)) {
            assertEquals(1.0, icc.estimate(f).value(), 0);
            assertEquals(new Interval(1, 1, 0.95), icc.estimate(f).interval());
        }
        Estimate absolute = icc.estimate(Form.ICC_2_1);
        assertTrue(absolute.value() < 1 && absolute.value() > 0, "ICC(2,1) = " + absolute.value());
        assertNotNull(absolute.interval());
        assertTrue(absolute.interval().contains(absolute.value()));
    }

    @Test
    void identicalJudgesAgreePerfectlyInEveryForm() {
        double[][] ratings = {{1, 1, 1}, {4, 4, 4}, {2, 2, 2}, {5, 5, 5}};
        IntraclassCorrelation icc = IntraclassCorrelation.of(ratings);
        for (Estimate e : icc.estimates()) {
            assertEquals(1.0, e.value(), 0, e.form().label());
            assertEquals(new Interval(1, 1, 0.95), e.interval(), e.form().label());
        }
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> IntraclassCorrelation.of(new double[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> IntraclassCorrelation.of(new double[][] {{1}, {2}}));
        assertThrows(IllegalArgumentException.class, () -> IntraclassCorrelation.of(new double[0][]));
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> IntraclassCorrelation.of(new double[][] {{1, 2}, {1, 2, 3}}));
        assertTrue(ragged.getMessage().contains("target 1"), ragged.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> IntraclassCorrelation.of(new double[][] {{1, 2}, {Double.NaN, 3}}));
        assertTrue(missing.getMessage().contains("target 1 by judge 0"), missing.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> IntraclassCorrelation.of(new double[][] {{1, 2}, {Double.POSITIVE_INFINITY, 3}}));
        assertThrows(IllegalArgumentException.class, () -> IntraclassCorrelation.of(SHROUT_FLEISS, 1.0));
        assertThrows(IllegalArgumentException.class, () -> IntraclassCorrelation.of(SHROUT_FLEISS, 0.0));
        assertThrows(IllegalArgumentException.class,
                () -> IntraclassCorrelation.fromMeanSquares(6, 4, -1, 1, 1, 1, 0.95));
        assertThrows(IllegalArgumentException.class,
                () -> IntraclassCorrelation.fromMeanSquares(1, 4, 1, 1, 1, 1, 0.95));
    }

    @Test
    void formLabelsRoundTrip() {
        assertEquals(List.of("ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1,k)", "ICC(2,k)", "ICC(3,k)"), Form.labels());
        for (Form f : Form.values()) {
            assertEquals(f, Form.ofLabel(f.label()));
        }
        assertEquals(2, Form.ICC_2_K.model());
        assertTrue(Form.ICC_2_K.average());
        assertFalse(Form.ICC_3_1.average());
        assertThrows(IllegalArgumentException.class, () -> Form.ofLabel("ICC(4,1)"));
    }

    /** A random targets × judges matrix of small integers, so that ties and offsets occur. */
    static double[][] randomMatrix(long seed, int n, int k) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][k];
        for (int i = 0; i < n; i++) {
            double targetLevel = random.nextInt(6);
            for (int j = 0; j < k; j++) {
                x[i][j] = targetLevel + random.nextInt(4);
            }
        }
        return x;
    }

    /** Permutes rows and columns with a seeded shuffle. */
    static double[][] permuted(double[][] x, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] rows = shuffledIndices(x.length, random);
        int[] columns = shuffledIndices(x[0].length, random);
        double[][] out = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                out[i][j] = x[rows[i]][columns[j]];
            }
        }
        return out;
    }

    private static int[] shuffledIndices(int size, SplittableRandom random) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    @Test
    void formsDoNotDependOnTheOrderOfTargetsOrJudges() {
        qt().withFixedSeed(71).withExamples(200)
                .forAll(longs().all(), integers().between(2, 9), integers().between(2, 7))
                .checkAssert((seed, n, k) -> {
                    double[][] x = randomMatrix(seed, n, k);
                    IntraclassCorrelation a = IntraclassCorrelation.of(x);
                    IntraclassCorrelation b = IntraclassCorrelation.of(permuted(x, seed + 1));
                    for (Form f : Form.values()) {
                        Estimate ea = a.estimate(f);
                        Estimate eb = b.estimate(f);
                        assertEquals(ea.isDefined(), eb.isDefined(), f.label());
                        if (ea.isDefined()) {
                            assertEquals(ea.value(), eb.value(), 1e-9, f.label());
                        }
                        assertEquals(ea.interval() == null, eb.interval() == null, f.label());
                        if (ea.interval() != null) {
                            assertEquals(ea.interval().low(), eb.interval().low(), 1e-8, f.label());
                            assertEquals(ea.interval().high(), eb.interval().high(), 1e-8, f.label());
                        }
                    }
                });
    }

    @Test
    void icc3kEqualsCronbachsAlphaOnRandomMatrices() {
        qt().withFixedSeed(73).withExamples(200)
                .forAll(longs().all(), integers().between(2, 9), integers().between(2, 7))
                .checkAssert((seed, n, k) -> {
                    double[][] x = randomMatrix(seed, n, k);
                    Estimate e = IntraclassCorrelation.of(x).estimate(Form.ICC_3_K);
                    double alpha = cronbachAlpha(x);
                    // Both are undefined exactly when the target totals do not vary.
                    assertEquals(Double.isFinite(alpha), e.isDefined());
                    if (e.isDefined()) {
                        assertEquals(alpha, e.value(), 1e-9);
                    }
                });
    }

    @Test
    void oneWayAndMixedIntervalsContainTheirEstimate() {
        qt().withFixedSeed(79).withExamples(200)
                .forAll(longs().all(), integers().between(2, 9), integers().between(2, 7))
                .checkAssert((seed, n, k) -> {
                    IntraclassCorrelation icc = IntraclassCorrelation.of(randomMatrix(seed, n, k), 0.9);
                    for (Estimate e : icc.estimates()) {
                        assertTrue(!e.isDefined() || e.value() <= 1, e.form().label());
                        if (e.form().model() != 2 && e.interval() != null) {
                            // Tolerance: the value and the bounds are the same ratio computed two ways.
                            assertTrue(e.interval().low() - 1e-12 <= e.value()
                                    && e.value() <= e.interval().high() + 1e-12, e.form().label() + " " + e);
                        }
                    }
                });
    }
}
