package dev.partnership.metrics.stats;

import dev.partnership.Interval;
import java.util.Optional;
import org.apache.commons.math3.distribution.FDistribution;

/**
 * Cronbach's α, the internal consistency of k items answered by n respondents (Cronbach 1951, "Coefficient alpha
 * and the internal structure of tests", <i>Psychometrika</i> 16(3)), with its standardised form and the Feldt
 * interval.
 *
 * <ul>
 *   <li>α = k/(k−1) · (1 − Σσᵢ²/σₜ²), with σᵢ² the sample variance of item i and σₜ² that of the respondents'
 *       item totals (denominators n − 1, which cancel).</li>
 *   <li>Standardised α = k·r̄ / (1 + (k−1)·r̄), with r̄ the mean Pearson correlation over the k(k−1)/2 item
 *       pairs; {@code NaN} when an item has zero variance (a correlation is then undefined).</li>
 *   <li>Feldt (1965, "The approximate sampling distribution of Kuder-Richardson reliability coefficient twenty",
 *       <i>Psychometrika</i> 30(3)) interval at level L: [1 − (1−α)·F_{(1+L)/2}, 1 − (1−α)·F_{(1−L)/2}] with F
 *       quantiles on (n−1, (n−1)(k−1)) degrees of freedom (Commons Math {@link FDistribution}).</li>
 * </ul>
 *
 * <p>Complete cases only: a respondent (row) with any {@code NaN} answer is left out entirely. Immutable and
 * thread-safe; {@link #of(double[][], double)} costs O(n·k²) plus two F quantiles.
 *
 * @param alpha        Cronbach's α (at most 1, may be negative)
 * @param standardized standardised α, or {@code NaN} when an item has zero variance
 * @param respondents  complete cases used, n ≥ 2
 * @param items        items, k ≥ 2
 * @param interval     the Feldt interval for α
 */
public record CronbachAlpha(double alpha, double standardized, int respondents, int items, Interval interval) {
    /** Accuracy of the F quantiles. */
    private static final double QUANTILE_ACCURACY = 1e-12;

    /** Validates the components. */
    public CronbachAlpha {
        if (respondents < 2 || items < 2) {
            throw new IllegalArgumentException("alpha needs at least 2 respondents and 2 items, had " + respondents
                    + " and " + items);
        }
        if (!Double.isFinite(alpha) || alpha > 1 + 1e-12) {
            throw new IllegalArgumentException("alpha must be finite and at most 1, was " + alpha);
        }
        if (interval == null) {
            throw new IllegalArgumentException("interval must not be null");
        }
    }

    /**
     * Computes α, standardised α and the Feldt interval from a respondents × items table, complete cases only.
     *
     * @param answers one row per respondent, one column per item; {@code NaN} marks a missing answer
     * @param level   interval level in (0, 1)
     * @return the coefficients, or empty when fewer than 2 complete cases remain or the totals have zero variance
     * @throws IllegalArgumentException when rows differ in length, there are fewer than 2 items, a value is
     *                                  infinite, or the level is outside (0, 1)
     */
    public static Optional<CronbachAlpha> of(double[][] answers, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must lie in (0, 1), was " + level);
        }
        int k = answers.length == 0 ? 0 : answers[0].length;
        if (answers.length > 0 && k < 2) {
            throw new IllegalArgumentException("alpha needs at least 2 items, had " + k);
        }
        double[][] complete = new double[answers.length][];
        int n = 0;
        for (int r = 0; r < answers.length; r++) {
            if (answers[r].length != k) {
                throw new IllegalArgumentException("row " + r + " has " + answers[r].length + " items, expected " + k);
            }
            boolean ok = true;
            for (int i = 0; i < k; i++) {
                if (Double.isInfinite(answers[r][i])) {
                    throw new IllegalArgumentException("answers[" + r + "][" + i + "] is infinite");
                }
                ok &= !Double.isNaN(answers[r][i]);
            }
            if (ok) {
                complete[n++] = answers[r];
            }
        }
        if (n < 2) {
            return Optional.empty();
        }
        double[] mean = new double[k];
        double[] totals = new double[n];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < k; i++) {
                mean[i] += complete[r][i];
                totals[r] += complete[r][i];
            }
        }
        for (int i = 0; i < k; i++) {
            mean[i] /= n;
        }
        // Covariance matrix about the item means; the item and total variances are sums of its entries.
        double[][] cov = new double[k][k];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < k; i++) {
                double di = complete[r][i] - mean[i];
                for (int j = i; j < k; j++) {
                    cov[i][j] += di * (complete[r][j] - mean[j]);
                }
            }
        }
        double itemVar = 0;
        double totalVar = 0;
        for (int i = 0; i < k; i++) {
            itemVar += cov[i][i];
            totalVar += cov[i][i];
            for (int j = i + 1; j < k; j++) {
                totalVar += 2 * cov[i][j];
            }
        }
        if (!(totalVar > 0)) {
            return Optional.empty();
        }
        double alpha = k / (k - 1.0) * (1 - itemVar / totalVar);
        double standardized = Double.NaN;
        boolean allVary = true;
        for (int i = 0; i < k; i++) {
            allVary &= cov[i][i] > 0;
        }
        if (allVary) {
            double sumR = 0;
            for (int i = 0; i < k; i++) {
                for (int j = i + 1; j < k; j++) {
                    sumR += cov[i][j] / Math.sqrt(cov[i][i] * cov[j][j]);
                }
            }
            double rBar = sumR / (k * (k - 1) / 2.0);
            standardized = k * rBar / (1 + (k - 1) * rBar);
        }
        // A null random generator: only the quantile function is needed.
        FDistribution f = new FDistribution(null, n - 1, (n - 1.0) * (k - 1), QUANTILE_ACCURACY);
        double low = 1 - (1 - alpha) * f.inverseCumulativeProbability((1 + level) / 2);
        double high = 1 - (1 - alpha) * f.inverseCumulativeProbability((1 - level) / 2);
        return Optional.of(new CronbachAlpha(Math.min(alpha, 1), standardized, n, k,
                new Interval(Math.min(low, high), Math.max(low, high), level)));
    }
}
