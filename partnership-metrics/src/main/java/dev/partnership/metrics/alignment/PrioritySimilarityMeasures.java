package dev.partnership.metrics.alignment;

import java.util.Locale;

/**
 * Similarity of two priority vectors (weights over the same goals, in the same order): cosine similarity and the
 * weighted Jaccard index, raw and on vectors normalised to sum 1. These are the pure functions behind
 * {@link PrioritySimilarity}, usable without the scoring SPI.
 *
 * <p><b>Cosine</b> (Salton, G. and McGill, M. J. (1983), <i>Introduction to Modern Information Retrieval</i>,
 * McGraw-Hill): {@code cos(a, b) = Σ aᵢbᵢ / √(Σ aᵢ² · Σ bᵢ²)}, in [−1, 1] and in [0, 1] for non-negative vectors.
 * It is scale invariant ({@code cos(a, k·b) = cos(a, b)} for k &gt; 0), so normalising the vectors first would not
 * change it. Each vector is divided by its largest absolute weight before summing, so that very large or very small
 * weights neither overflow nor underflow.
 *
 * <p><b>Weighted Jaccard</b> (Ioffe, S. (2010), "Improved consistent sampling, weighted minhash and L1
 * sketching", <i>ICDM</i>; the Ruzicka similarity): {@code J(a, b) = Σ min(aᵢ, bᵢ) / Σ max(aᵢ, bᵢ)} for non-negative
 * weights, in [0, 1]. It is not scale invariant: one partner giving every goal twice the weight of another lowers
 * it. {@link #normalizedWeightedJaccard} removes that by dividing each vector by its sum first, comparing the
 * shares of attention the partners give each goal.
 *
 * <p>Reference vectors (the project's VECTORS.md, "Cosine and weighted Jaccard"): a = (5, 3, 0, 1, 4),
 * b = (4, 0, 0, 2, 5) give cosine 0.8767140075, weighted Jaccard 0.6, normalised weighted Jaccard 0.5977653631;
 * {@code cos(a, 2a) = 1}.
 *
 * <p>Each function costs O(n) time and O(1) memory. Stateless and thread-safe.
 */
public final class PrioritySimilarityMeasures {

    private PrioritySimilarityMeasures() {
    }

    /**
     * Returns the cosine similarity {@code Σ aᵢbᵢ / √(Σ aᵢ² · Σ bᵢ²)}, clamped to [−1, 1] against rounding.
     *
     * @param a weights, finite
     * @param b weights over the same goals, finite, same length as {@code a}
     * @return the cosine, or {@code NaN} when either vector is all zeros (the angle is undefined)
     * @throws IllegalArgumentException when the lengths differ, a vector is empty or a weight is not finite
     */
    public static double cosine(double[] a, double[] b) {
        check(a, b, false);
        double scaleA = largestAbsolute(a);
        double scaleB = largestAbsolute(b);
        if (scaleA == 0 || scaleB == 0) {
            return Double.NaN;
        }
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            double x = a[i] / scaleA;
            double y = b[i] / scaleB;
            dot += x * y;
            aa += x * x;
            bb += y * y;
        }
        // One square root of the product: exact for cos(a, 2a), where aa * bb is a perfect square.
        double c = dot / Math.sqrt(aa * bb);
        return Math.max(-1.0, Math.min(1.0, c));
    }

    /**
     * Returns the weighted Jaccard index {@code Σ min(aᵢ, bᵢ) / Σ max(aᵢ, bᵢ)}.
     *
     * @param a non-negative finite weights
     * @param b non-negative finite weights over the same goals, same length as {@code a}
     * @return the index in [0, 1], or {@code NaN} when both vectors are all zeros
     * @throws IllegalArgumentException when the lengths differ, a vector is empty, or a weight is negative or not
     *                                  finite
     */
    public static double weightedJaccard(double[] a, double[] b) {
        check(a, b, true);
        double largest = Math.max(largestAbsolute(a), largestAbsolute(b));
        // The index is scale-invariant: weights near Double.MAX_VALUE are divided by a power of two (exact, so the
        // index is unchanged) so that their sums cannot overflow.
        double divide = largest > LARGE_WEIGHT ? Math.scalb(1.0, Math.getExponent(largest)) : 1;
        return jaccard(a, divide, b, divide);
    }

    /** Above this magnitude weights are scaled down before they are summed. */
    private static final double LARGE_WEIGHT = 1e150;

    /** Returns the vector divided by a power of two near its largest magnitude when that exceeds LARGE_WEIGHT. */
    private static double[] scaledDown(double[] v) {
        double largest = largestAbsolute(v);
        if (!(largest > LARGE_WEIGHT)) {
            return v;
        }
        double factor = Math.scalb(1.0, -Math.getExponent(largest));
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * factor;
        }
        return out;
    }

    /**
     * Returns the weighted Jaccard index of the two vectors each divided by its sum:
     * {@code Σ min(aᵢ/Σa, bᵢ/Σb) / Σ max(aᵢ/Σa, bᵢ/Σb)}.
     *
     * @param a non-negative finite weights
     * @param b non-negative finite weights over the same goals, same length as {@code a}
     * @return the index in [0, 1], or {@code NaN} when either vector is all zeros (it has no shares)
     * @throws IllegalArgumentException when the lengths differ, a vector is empty, or a weight is negative or not
     *                                  finite
     */
    public static double normalizedWeightedJaccard(double[] a, double[] b) {
        check(a, b, true);
        // Shares are scale-invariant; scaling each vector by a power of two keeps its sum finite.
        a = scaledDown(a);
        b = scaledDown(b);
        double sumA = 0;
        double sumB = 0;
        for (int i = 0; i < a.length; i++) {
            sumA += a[i];
            sumB += b[i];
        }
        if (sumA == 0 || sumB == 0) {
            return Double.NaN;
        }
        return jaccard(a, sumA, b, sumB);
    }

    private static double jaccard(double[] a, double divideA, double[] b, double divideB) {
        double min = 0;
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            double x = a[i] / divideA;
            double y = b[i] / divideB;
            min += Math.min(x, y);
            max += Math.max(x, y);
        }
        if (max == 0) {
            return Double.NaN;
        }
        return Math.min(1.0, min / max);
    }

    private static double largestAbsolute(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private static void check(double[] a, double[] b, boolean nonNegative) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "priority vectors must have the same length, had %d and %d", a.length, b.length));
        }
        if (a.length == 0) {
            throw new IllegalArgumentException("priority vectors must not be empty");
        }
        for (int i = 0; i < a.length; i++) {
            checkWeight(a[i], "a", i, nonNegative);
            checkWeight(b[i], "b", i, nonNegative);
        }
    }

    private static void checkWeight(double w, String vector, int i, boolean nonNegative) {
        if (!Double.isFinite(w)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s[%d] is not finite: %s", vector, i, w));
        }
        if (nonNegative && w < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "weighted Jaccard needs non-negative weights, but %s[%d] is %s", vector, i, w));
        }
    }
}
