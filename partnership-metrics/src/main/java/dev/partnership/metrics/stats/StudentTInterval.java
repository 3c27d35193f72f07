package dev.partnership.metrics.stats;

import dev.partnership.Interval;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The Student t confidence interval for a mean: {@code mean ± t_{k−1, (1+L)/2} · sd / √k} with the sample
 * standard deviation {@code sd} (denominator {@code k − 1}) of k ≥ 2 values (Student 1908). When the values are
 * themselves estimates about different subjects (for example the trust of each pair in a network), the interval
 * describes how the mean would vary over subjects drawn like these: the spread across subjects, not the
 * uncertainty of each one.
 *
 * <p>Immutable and thread-safe. {@link #of(double[], int, double)} costs O(k) plus one t quantile.
 *
 * @param mean              the mean of the values
 * @param standardDeviation the sample standard deviation, {@code >= 0}
 * @param count             how many values, {@code >= 2}
 * @param quantile          the t quantile {@code t_{k−1, (1+L)/2}}
 * @param interval          the interval {@code mean ± quantile · sd / √k}
 */
public record StudentTInterval(double mean, double standardDeviation, int count, double quantile, Interval interval) {

    /** Validates the components. */
    public StudentTInterval {
        if (count < 2) {
            throw new IllegalArgumentException("a t interval needs at least 2 values, had " + count);
        }
        if (!Double.isFinite(mean) || !(standardDeviation >= 0) || !Double.isFinite(standardDeviation)) {
            throw new IllegalArgumentException("mean and standard deviation must be finite, were " + mean + " and "
                    + standardDeviation);
        }
        if (interval == null) {
            throw new IllegalArgumentException("interval must not be null");
        }
    }

    /**
     * Computes the interval for the mean of the first {@code count} values.
     *
     * @param values values, the first {@code count} of them finite
     * @param count  how many values count, at least 2
     * @param level  interval level in (0, 1)
     * @return the mean, its spread and its interval
     * @throws IllegalArgumentException when {@code count < 2}, a value is not finite or the level is outside (0, 1)
     */
    public static StudentTInterval of(double[] values, int count, double level) {
        if (count < 2 || count > values.length) {
            throw new IllegalArgumentException("count must lie in [2, " + values.length + "], was " + count);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must lie in (0, 1), was " + level);
        }
        // Sums are taken about the first value (a shifted-data algorithm): equal values give an SD of exactly 0.
        double shift = values[0];
        double sum = 0;
        for (int i = 0; i < count; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("values[" + i + "] is not finite: " + values[i]);
            }
            sum += values[i] - shift;
        }
        double shiftedMean = sum / count;
        double mean = shift + shiftedMean;
        double ss = 0;
        for (int i = 0; i < count; i++) {
            double d = values[i] - shift - shiftedMean;
            ss += d * d;
        }
        double sd = Math.sqrt(ss / (count - 1));
        // A null random generator: only the quantile function is needed, and the default one costs a seeding.
        double t = new TDistribution(null, count - 1).inverseCumulativeProbability((1 + level) / 2);
        double half = t * sd / Math.sqrt(count);
        return new StudentTInterval(mean, sd, count, t, new Interval(mean - half, mean + half, level));
    }
}
