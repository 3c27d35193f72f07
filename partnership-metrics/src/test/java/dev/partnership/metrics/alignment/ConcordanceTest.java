package dev.partnership.metrics.alignment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Tests {@link Concordance}: Kendall's W with the tie correction. */
class ConcordanceTest {

    /**
     * Siegel, S. and Castellan, N. J. (1988), <i>Nonparametric Statistics for the Behavioral Sciences</i>, the
     * example reproduced in R DescTools {@code KendallW.Rd}: 8 objects (rows) ranked by 3 raters (columns), no ties.
     * W = 0.6560846561, χ²(7) = 13.77778, p = 0.05527793 (project reference vectors, VECTORS.md).
     */
    static final double[][] SIEGEL_CASTELLAN = {
            {5, 1, 4}, {6, 7, 5}, {7, 6, 1}, {1, 2, 3}, {2, 3, 2}, {4, 5, 7}, {3, 4, 6}, {8, 8, 8}};

    static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    @Test
    void siegelCastellanExample() {
        Concordance c = Concordance.ofRanks(transpose(SIEGEL_CASTELLAN)).orElseThrow();
        assertEquals(0.6560846561, c.w(), 1e-10);
        assertEquals(13.77778, c.chiSquared(), 1e-5);
        assertEquals(7, c.degreesOfFreedom());
        assertEquals(0.05527793, c.pValue(), 1e-8);
        assertEquals(3, c.raters());
        assertEquals(8, c.objects());
        assertEquals(0, c.tieCorrection(), 0);
    }

    @Test
    void tieCorrectionMatchesAHandComputation() {
        // Three raters, four objects. Rater A: (1.5, 1.5, 3, 4), T = 2³ − 2 = 6; B: (1, 2, 3, 4), T = 0;
        // C: (2, 2, 2, 4), T = 3³ − 3 = 24. Rank sums 4.5, 5.5, 8, 12 around their mean 7.5: S = 33.5.
        // W = 12 · 33.5 / (3² · (4³ − 4) − 3 · 30) = 402 / 450; χ² = 3 · 3 · W = 8.04 on 3 df, whose upper tail
        // is 2(1 − Φ(√8.04)) + √(2 · 8.04 / π) e^(−4.02) = 0.0451922194.
        double[][] ranks = {{1.5, 1.5, 3, 4}, {1, 2, 3, 4}, {2, 2, 2, 4}};
        Concordance c = Concordance.ofRanks(ranks).orElseThrow();
        assertEquals(30, c.tieCorrection(), 0);
        assertEquals(402.0 / 450.0, c.w(), 1e-15);
        assertEquals(8.04, c.chiSquared(), 1e-12);
        assertEquals(0.0451922194, c.pValue(), 1e-10);
    }

    @Test
    void tieTermCountsEachGroupOfEqualRanks() {
        assertEquals(0, Concordance.tieTerm(new double[] {1, 2, 3}), 0);
        assertEquals(6 + 6, Concordance.tieTerm(new double[] {1.5, 1.5, 3.5, 3.5}), 0);
        assertEquals(60, Concordance.tieTerm(new double[] {2.5, 2.5, 2.5, 2.5}), 0);
    }

    @Test
    void midranksAverageTiedPositions() {
        assertArrayEquals(new double[] {2.5, 1, 2.5, 4}, Concordance.midranks(new double[] {3, 1, 3, 7}), 0);
        assertThrows(IllegalArgumentException.class, () -> Concordance.midranks(new double[] {1, Double.NaN}));
    }

    @Test
    void everyRaterTyingEverythingLeavesWUndefined() {
        assertEquals(Optional.empty(), Concordance.ofRanks(new double[][] {{1.5, 1.5}, {1.5, 1.5}}));
    }

    @Test
    void badShapesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Concordance.ofRanks(new double[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> Concordance.ofRanks(new double[][] {{1}, {1}}));
        assertThrows(IllegalArgumentException.class, () -> Concordance.ofRanks(new double[][] {{1, 2}, {1, 2, 3}}));
        assertThrows(IllegalArgumentException.class,
                () -> Concordance.ofRanks(new double[][] {{1, Double.NaN}, {1, 2}}));
        // Not midranks: a tie must share 1.5, and ranks run from 1.
        assertThrows(IllegalArgumentException.class, () -> Concordance.ofRanks(new double[][] {{1, 1}, {1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> Concordance.ofRanks(new double[][] {{0, 1}, {1, 2}}));
    }

    /** Random scores with many ties (values 0..4), ranked per rater. */
    private static double[][] randomRanks(long seed, int m, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] ranks = new double[m][];
        for (int i = 0; i < m; i++) {
            double[] scores = new double[n];
            for (int j = 0; j < n; j++) {
                scores[j] = random.nextInt(5);
            }
            ranks[i] = Concordance.midranks(scores);
        }
        return ranks;
    }

    @Test
    void wStaysInTheUnitIntervalForRandomRankings() {
        qt().withFixedSeed(31).withExamples(300)
                .forAll(longs().all(), integers().between(2, 12), integers().between(2, 12))
                .checkAssert((seed, m, n) -> Concordance.ofRanks(randomRanks(seed, m, n)).ifPresent(c -> {
                    assertTrue(c.w() >= 0 && c.w() <= 1, "W = " + c.w());
                    assertTrue(c.pValue() >= 0 && c.pValue() <= 1, "p = " + c.pValue());
                }));
    }

    @Test
    void wIsOneWhenAllRatersAgree() {
        qt().withFixedSeed(37).withExamples(300)
                .forAll(longs().all(), integers().between(2, 12), integers().between(2, 12))
                .checkAssert((seed, m, n) -> {
                    double[] row = randomRanks(seed, 1, n)[0];
                    double[][] ranks = new double[m][];
                    for (int i = 0; i < m; i++) {
                        ranks[i] = row.clone();
                    }
                    // Undefined only when the shared ranking ties every object.
                    Optional<Concordance> c = Concordance.ofRanks(ranks);
                    assertEquals(Concordance.tieTerm(row) == (double) n * n * n - n, c.isEmpty());
                    c.ifPresent(x -> assertEquals(1.0, x.w(), 1e-12));
                });
    }

    @Test
    void wDoesNotDependOnTheOrderOfRatersOrObjects() {
        qt().withFixedSeed(41).withExamples(200)
                .forAll(longs().all(), integers().between(2, 8), integers().between(2, 8))
                .checkAssert((seed, m, n) -> {
                    double[][] ranks = randomRanks(seed, m, n);
                    double[][] reversed = new double[m][n];
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            reversed[m - 1 - i][n - 1 - j] = ranks[i][j];
                        }
                    }
                    Optional<Concordance> a = Concordance.ofRanks(ranks);
                    Optional<Concordance> b = Concordance.ofRanks(reversed);
                    assertEquals(a.isPresent(), b.isPresent());
                    a.ifPresent(x -> assertEquals(x.w(), b.orElseThrow().w(), 1e-12));
                });
    }

    @Test
    void maxRankSdIsTheLargestSdOfAnyRanksOnOneToN() {
        // Brute force over every assignment of m ranks from {1, 1.5, …, n} (midranks included).
        for (int m = 2; m <= 5; m++) {
            for (int n = 2; n <= 5; n++) {
                int steps = 2 * n - 1;
                int total = (int) Math.pow(steps, m);
                double largest = 0;
                double[] x = new double[m];
                for (int code = 0; code < total; code++) {
                    double sum = 0;
                    double squares = 0;
                    for (int i = 0, c = code; i < m; i++, c /= steps) {
                        x[i] = 1 + (c % steps) / 2.0;
                        sum += x[i];
                        squares += x[i] * x[i];
                    }
                    double mean = sum / m;
                    double ss = 0;
                    for (double v : x) {
                        ss += (v - mean) * (v - mean);
                    }
                    largest = Math.max(largest, Math.sqrt(ss / (m - 1)));
                    double agreement = Concordance.rankAgreement(sum, squares, m, n);
                    assertTrue(agreement >= 0 && agreement <= 1, "agreement " + agreement);
                }
                assertEquals(largest, Concordance.maxRankSd(m, n), 1e-12, "m = " + m + ", n = " + n);
                // The closed forms for even and odd m.
                double closed = m % 2 == 0 ? (n - 1) * Math.sqrt(m / (4.0 * (m - 1)))
                        : (n - 1) * Math.sqrt((m + 1) / (4.0 * m));
                assertEquals(closed, Concordance.maxRankSd(m, n), 1e-12);
            }
        }
        assertEquals(1 / Math.sqrt(2), Concordance.maxRankSd(2, 2), 1e-15);
        assertEquals(5 * Math.sqrt(2.0 / 7), Concordance.maxRankSd(8, 6), 1e-15);
    }

    @Test
    void rankAgreementIsExactlyZeroForTheMostDividedRanksAndOneForIdenticalRanks() {
        // m = 8, n = 6: four raters rank the goal 1st, four 6th (the sample's planted contested goal).
        assertEquals(0.0, Concordance.rankAgreement(4 * 1 + 4 * 6, 4 * 1 + 4 * 36, 8, 6), 0);
        // Odd m = 3: ranks 1, 1, 5 split as evenly as three raters can.
        assertEquals(0.0, Concordance.rankAgreement(7, 27, 3, 5), 0);
        assertEquals(1.0, Concordance.rankAgreement(3 * 2.5, 3 * 6.25, 3, 4), 0);
        // Ranks 7, 6, 1 of 8: SD √(31/3) against sdMax 7/√3, agreement 1 − √31/7.
        assertEquals(1 - Math.sqrt(31) / 7, Concordance.rankAgreement(14, 86, 3, 8), 1e-15);
        assertEquals(Math.sqrt(31.0 / 3), Concordance.rankSd(14, 86, 3), 1e-15);
        assertEquals(0.0, Concordance.rankSd(4, 8, 2), 0);
        assertThrows(IllegalArgumentException.class, () -> Concordance.rankSd(1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Concordance.maxRankSd(1, 3));
        assertThrows(IllegalArgumentException.class, () -> Concordance.maxRankSd(3, 1));
        assertThrows(IllegalArgumentException.class, () -> Concordance.rankAgreement(1, 1, 2, 1));
    }
}
