package dev.partnership.metrics.alignment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Kendall's coefficient of concordance W of m raters ranking n objects, with the correction for ties, and its
 * χ² test (Kendall, M. G. and Babington Smith, B. (1939), "The Problem of m Rankings", <i>Annals of
 * Mathematical Statistics</i> 10(3), 275–287; Siegel, S. and Castellan, N. J. (1988), <i>Nonparametric Statistics
 * for the Behavioral Sciences</i>, 2nd ed., section 9.4).
 *
 * <p>With {@code R_j} the sum of object j's ranks over raters, {@code S = Σ_j (R_j − m(n + 1)/2)²} and, for each
 * rater, {@code T = Σ (t³ − t)} over its groups of t tied ranks,
 * {@code W = 12 S / (m²(n³ − n) − m ΣT)}; {@code χ² = m (n − 1) W} on {@code n − 1} degrees of freedom (the form of
 * R's {@code irr::kendall} with {@code correct = TRUE}). Example (Siegel &amp; Castellan, 8 objects, 3 raters):
 * W = 0.6560846561, χ²(7) = 13.77778, p = 0.05527793.
 *
 * <p><b>Agreement on one object.</b> {@link #rankSd} is the sample standard deviation (denominator m − 1) of one
 * object's ranks across raters, {@link #maxRankSd} its largest possible value and {@link #rankAgreement} the
 * agreement {@code 1 − sd / sdMax} on [0, 1] (derivation at {@link #maxRankSd}).
 *
 * <p>Immutable and thread-safe. {@link #ofRanks(double[][])} costs O(m n log n).
 *
 * @param w                Kendall's W in [0, 1]
 * @param chiSquared       the χ² statistic {@code m (n − 1) W}
 * @param degreesOfFreedom {@code n − 1}
 * @param pValue           upper-tail probability of {@code chiSquared} under χ²(n − 1)
 * @param raters           m, at least 2
 * @param objects          n, at least 2
 * @param tieCorrection    ΣT over raters, {@code >= 0}
 */
public record Concordance(double w, double chiSquared, int degreesOfFreedom, double pValue, int raters, int objects,
                          double tieCorrection) {

    /** Validates the components. */
    public Concordance {
        if (!(w >= 0 && w <= 1)) {
            throw new IllegalArgumentException("W must lie in [0, 1], was " + w);
        }
        if (raters < 2 || objects < 2 || degreesOfFreedom != objects - 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "need at least 2 raters and 2 objects with df = n - 1, had m = %d, n = %d, df = %d",
                    raters, objects, degreesOfFreedom));
        }
        if (!(chiSquared >= 0) || !(pValue >= 0 && pValue <= 1) || !(tieCorrection >= 0)) {
            throw new IllegalArgumentException("chi-squared, p value and tie correction must be valid numbers");
        }
    }

    /**
     * Computes W from a rank matrix. Each row must be a ranking of the n objects with midranks for ties, as
     * {@link #midranks(double[])} gives: ranks 1..n, tied objects sharing the mean of their positions.
     *
     * @param ranks {@code ranks[rater][object]}, at least 2 rows of the same length, at least 2 columns
     * @return the concordance, or empty when W is undefined because every rater tied every object
     * @throws IllegalArgumentException when there are fewer than 2 raters or objects, rows differ in length, or
     *                                  a row is not a midrank ranking
     */
    public static Optional<Concordance> ofRanks(double[][] ranks) {
        int m = ranks.length;
        if (m < 2) {
            throw new IllegalArgumentException("concordance needs at least 2 raters, had " + m);
        }
        int n = ranks[0].length;
        if (n < 2) {
            throw new IllegalArgumentException("concordance needs at least 2 objects, had " + n);
        }
        double[] ties = new double[m];
        for (int i = 0; i < m; i++) {
            if (ranks[i].length != n) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "rater %d ranked %d objects, rater 0 ranked %d", i, ranks[i].length, n));
            }
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(ranks[i][j])) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "rank of object %d by rater %d is not finite: %s", j, i, ranks[i][j]));
                }
            }
            // A midrank ranking is its own midrank ranking; anything else would let W leave [0, 1].
            if (!Arrays.equals(ranks[i], midranks(ranks[i]))) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "rater %d's ranks %s are not a ranking 1..%d with midranks for ties", i,
                        Arrays.toString(ranks[i]), n));
            }
            ties[i] = tieTerm(ranks[i]);
        }
        int[] all = new int[m];
        Arrays.setAll(all, i -> i);
        double w = w(ranks, ties, all);
        if (Double.isNaN(w)) {
            return Optional.empty();
        }
        double tieSum = 0;
        for (double t : ties) {
            tieSum += t;
        }
        int df = n - 1;
        double chi = (double) m * df * w;
        // A null random generator: only the distribution function is needed.
        double p = 1 - new ChiSquaredDistribution(null, df).cumulativeProbability(chi);
        return Optional.of(new Concordance(w, chi, df, Math.max(0, Math.min(1, p)), m, n, tieSum));
    }

    /**
     * Ranks scores ascending with midranks for ties (Commons Math {@link NaturalRanking}, ties averaged): the
     * smallest score gets rank 1; two scores tied for ranks 2 and 3 both get 2.5.
     *
     * @param scores finite scores
     * @return their ranks, in the same order
     * @throws IllegalArgumentException when a score is NaN
     */
    public static double[] midranks(double[] scores) {
        for (double s : scores) {
            if (Double.isNaN(s)) {
                throw new IllegalArgumentException("cannot rank NaN");
            }
        }
        // One ranking object per call: NaturalRanking holds a lazily created random generator.
        return new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(scores);
    }

    /**
     * Returns one rater's tie term {@code T = Σ (t³ − t)} over its groups of t equal ranks. Cost O(n log n).
     *
     * @param row one rater's ranks
     * @return T, 0 when there are no ties
     */
    static double tieTerm(double[] row) {
        double[] sorted = row.clone();
        Arrays.sort(sorted);
        double t = 0;
        int run = 1;
        for (int j = 1; j <= sorted.length; j++) {
            if (j < sorted.length && sorted[j] == sorted[j - 1]) {
                run++;
            } else {
                t += (double) run * run * run - run;
                run = 1;
            }
        }
        return t;
    }

    /**
     * Returns the largest possible sample standard deviation (denominator m − 1) of m ranks on 1..n.
     *
     * <p>Derivation: the sum of squared deviations {@code Σ(x_i − x̄)²} is convex in each {@code x_i}, so over the
     * box {@code [1, n]^m} it is largest at a corner, with k ranks at 1 and m − k at n, where it equals
     * {@code k (m − k) (n − 1)² / m}. That is largest for {@code k = ⌊m/2⌋}, where {@code k (m − k) = ⌊m²/4⌋}:
     * the raters split as evenly as they can between first and last place. Hence
     * {@code sdMax = (n − 1) √(⌊m²/4⌋ / (m (m − 1)))}, which is {@code (n − 1) √(m / (4 (m − 1)))} for even m and
     * {@code (n − 1) √((m + 1) / (4 m))} for odd m; for example {@code (n − 1)/√2} for m = 2 and
     * {@code (n − 1)/√3} for m = 3. Midranks lie in [1, n], so no ranking with ties exceeds it. Cost O(1).
     *
     * @param raters  m, at least 2
     * @param objects n, at least 2
     * @return sdMax, {@code > 0}
     * @throws IllegalArgumentException when m or n is below 2
     */
    public static double maxRankSd(int raters, int objects) {
        checkShape(raters, objects);
        return (objects - 1) * Math.sqrt(evenSplitProduct(raters) / ((double) raters * (raters - 1)));
    }

    /**
     * Returns the sample standard deviation (denominator m − 1) of one object's ranks from their sum and sum of
     * squares over m raters: {@code √((m Σr² − (Σr)²) / (m (m − 1)))}. With midranks (multiples of 1/2) both sums and
     * the numerator are exact, so the result does not depend on the order of the raters. Cost O(1).
     *
     * @param sum        Σr over the raters
     * @param sumSquares Σr² over the raters
     * @param raters     m, at least 2
     * @return the standard deviation, {@code >= 0}
     */
    public static double rankSd(double sum, double sumSquares, int raters) {
        if (raters < 2) {
            throw new IllegalArgumentException("a rank standard deviation needs at least 2 raters, had " + raters);
        }
        return Math.sqrt(Math.max(0, raters * sumSquares - sum * sum) / ((double) raters * (raters - 1)));
    }

    /**
     * Returns the agreement of m raters on one of n objects, {@code 1 − sd / sdMax} on [0, 1] with sd the
     * {@linkplain #rankSd sample standard deviation} of its ranks and sdMax from {@link #maxRankSd}: 1 when every
     * rater gives it the same rank, 0 when they split as evenly as they can between ranks 1 and n. Computed as
     * {@code 1 − √((m Σr² − (Σr)²) / (⌊m²/4⌋ (n − 1)²))}, whose ratio is exact for midranks, so a maximal split gives
     * exactly 0. Cost O(1).
     *
     * @param sum        Σr over the raters
     * @param sumSquares Σr² over the raters
     * @param raters     m, at least 2
     * @param objects    n, at least 2
     * @return the agreement in [0, 1]
     * @throws IllegalArgumentException when m or n is below 2
     */
    public static double rankAgreement(double sum, double sumSquares, int raters, int objects) {
        checkShape(raters, objects);
        double spread = Math.max(0, raters * sumSquares - sum * sum);
        double range = objects - 1.0;
        double ratio = spread / (evenSplitProduct(raters) * range * range);
        return Math.max(0, Math.min(1, 1 - Math.sqrt(ratio)));
    }

    /** Returns {@code ⌊m²/4⌋ = ⌊m/2⌋ ⌈m/2⌉}. */
    private static double evenSplitProduct(int m) {
        return (double) (m / 2) * (m - m / 2);
    }

    private static void checkShape(int raters, int objects) {
        if (raters < 2 || objects < 2) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "need at least 2 raters and 2 objects, had m = %d, n = %d", raters, objects));
        }
    }

    /**
     * Computes W over a selection of raters (with repeats, for the bootstrap). Cost O(k n) for k selected raters.
     *
     * <p>With midrank rows, S and the denominator are exact in double arithmetic (multiples of 1/4 far below
     * 2^53), so W = 1 comes out exactly when the selected raters agree and never exceeds 1.
     *
     * @param ranks  {@code ranks[rater][object]}, midrank rows
     * @param ties   each rater's tie term
     * @param sample indices of the selected raters
     * @return W, or NaN when its denominator is zero (every selected rater tied every object)
     */
    static double w(double[][] ranks, double[] ties, int[] sample) {
        int m = sample.length;
        int n = ranks[sample[0]].length;
        double mean = m * (n + 1) / 2.0;
        double s = 0;
        for (int j = 0; j < n; j++) {
            double sum = 0;
            for (int i : sample) {
                sum += ranks[i][j];
            }
            double d = sum - mean;
            s += d * d;
        }
        double tieSum = 0;
        for (int i : sample) {
            tieSum += ties[i];
        }
        double denominator = (double) m * m * ((double) n * n * n - n) - m * tieSum;
        if (!(denominator > 0)) {
            return Double.NaN;
        }
        return 12 * s / denominator;
    }
}
