package dev.partnership.metrics.stats;

/**
 * Sample quantiles by linear interpolation between order statistics: Hyndman &amp; Fan (1996) type 7, the default
 * of R's {@code quantile()} and of NumPy. For sorted values {@code x[0] <= … <= x[N−1]} and a probability p,
 * {@code h = (N − 1) p}, and the quantile is {@code x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋])}. Example: for the
 * 999 values 0.01, 0.02, …, 9.99 the 0.025 and 0.975 quantiles are 0.2595 and 9.7405 (Commons Math's
 * {@code Percentile}, which uses another rule by default, gives 0.25 and 9.75).
 *
 * <p>Hyndman, R. J. and Fan, Y. (1996), "Sample Quantiles in Statistical Packages", <i>The American
 * Statistician</i> 50(4), 361–365. Stateless and thread-safe; O(1) per call, no allocation.
 */
public final class Quantile {
    private Quantile() {
    }

    /**
     * Returns the type 7 quantile of all values of a sorted array.
     *
     * @param sorted values in ascending order, all finite, at least one
     * @param p      probability in [0, 1]
     * @return the quantile
     * @throws IllegalArgumentException when the array is empty or p is outside [0, 1]
     */
    public static double type7(double[] sorted, double p) {
        return type7(sorted, sorted.length, p);
    }

    /**
     * Returns the type 7 quantile of the first {@code length} values of a sorted array (the rest is ignored, so
     * that a partly filled buffer can be used without copying).
     *
     * @param sorted values whose first {@code length} are in ascending order and finite
     * @param length how many values count, in [1, sorted.length]
     * @param p      probability in [0, 1]
     * @return the quantile
     * @throws IllegalArgumentException when {@code length} is out of range or p is outside [0, 1]
     */
    public static double type7(double[] sorted, int length, double p) {
        if (length < 1 || length > sorted.length) {
            throw new IllegalArgumentException("length must lie in [1, " + sorted.length + "], was " + length);
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must lie in [0, 1], was " + p);
        }
        double h = (length - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= length - 1) {
            return sorted[length - 1];
        }
        double frac = h - lo;
        return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
    }
}
