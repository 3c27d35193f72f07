package dev.partnership.metrics.stats;

import dev.partnership.Interval;
import java.util.Locale;
import org.apache.commons.math3.special.Gamma;

/**
 * Standardized mean differences between two independent groups (a treated group 1 and a comparison group 2):
 * Cohen's d, Hedges' g and Glass's Δ with their large-sample variances and normal intervals.
 *
 * <p>Formulas (Hedges, L. V. and Olkin, I. (1985), <i>Statistical Methods for Meta-Analysis</i>, Academic Press,
 * ch. 5; Borenstein, M., Hedges, L. V., Higgins, J. P. T. and Rothstein, H. R. (2009), <i>Introduction to
 * Meta-Analysis</i>, Wiley, ch. 4), with {@code df = n₁ + n₂ − 2}:
 * <ul>
 *   <li>pooled SD {@code s_p = sqrt(((n₁−1)s₁² + (n₂−1)s₂²) / df)};</li>
 *   <li>Cohen's {@code d = (m₁ − m₂) / s_p}, variance {@code V_d = (n₁+n₂)/(n₁n₂) + d²/(2(n₁+n₂))};</li>
 *   <li>Hedges' {@code g = J·d} with the exact small-sample correction
 *       {@code J = Γ(df/2) / (√(df/2) · Γ((df−1)/2))} ({@link #exactJ(int)}, computed in log space) or its
 *       approximation {@code 1 − 3/(4df − 1)} ({@link #approximateJ(int)}); variance {@code V_g = J²·V_d};</li>
 *   <li>Glass's {@code Δ = (m₁ − m₂) / s₂} (the comparison group's SD), variance
 *       {@code V_Δ = (n₁+n₂)/(n₁n₂) + Δ²/(2(n₂−1))};</li>
 *   <li>normal interval {@code estimate ± z·sqrt(V)} with z the two-sided normal quantile of the level.</li>
 * </ul>
 * Every method costs O(1). Stateless and thread-safe.
 */
public final class EffectSizes {

    private EffectSizes() {
    }

    /**
     * All the effect sizes of one two-group comparison, computed by {@link #compare}.
     *
     * @param pooledSd      pooled standard deviation s_p, {@code > 0}
     * @param d             Cohen's d
     * @param varianceD     V_d
     * @param exactJ        the exact correction J
     * @param approximateJ  the approximate correction 1 − 3/(4df − 1)
     * @param g             Hedges' g with the exact J
     * @param gApproximate  Hedges' g with the approximate J
     * @param varianceG     V_g = J²·V_d with the exact J
     * @param glassDelta    Glass's Δ, or {@code NaN} when the comparison SD is 0
     * @param varianceGlass V_Δ, or {@code NaN} when Δ is undefined
     * @param n1            size of group 1
     * @param n2            size of group 2
     */
    public record Estimate(double pooledSd, double d, double varianceD, double exactJ, double approximateJ,
                           double g, double gApproximate, double varianceG, double glassDelta, double varianceGlass,
                           int n1, int n2) {
        /** Validates the sizes and the pooled SD. */
        public Estimate {
            if (n1 < 2 || n2 < 2) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "each group needs at least 2 units, was n1 = %d, n2 = %d", n1, n2));
            }
            if (!(pooledSd > 0 && Double.isFinite(pooledSd))) {
                throw new IllegalArgumentException("pooledSd must be finite and > 0, was " + pooledSd);
            }
        }

        /**
         * Returns the standard error of Hedges' g, {@code sqrt(V_g)}.
         *
         * @return the standard error
         */
        public double standardErrorG() {
            return Math.sqrt(varianceG);
        }

        /**
         * Returns the standard error of Cohen's d, {@code sqrt(V_d)}.
         *
         * @return the standard error
         */
        public double standardErrorD() {
            return Math.sqrt(varianceD);
        }

        /**
         * Returns the standard error of Glass's Δ, {@code sqrt(V_Δ)}, or {@code NaN} when Δ is undefined.
         *
         * @return the standard error
         */
        public double standardErrorGlass() {
            return Math.sqrt(varianceGlass);
        }
    }

    /**
     * Computes every effect size of group 1 against group 2 from summary statistics.
     *
     * @param mean1 mean of group 1 (finite)
     * @param sd1   standard deviation of group 1 ({@code >= 0})
     * @param n1    size of group 1 ({@code >= 2})
     * @param mean2 mean of group 2 (finite)
     * @param sd2   standard deviation of group 2 ({@code >= 0})
     * @param n2    size of group 2 ({@code >= 2})
     * @return the estimate
     * @throws IllegalArgumentException when a size is below 2, a mean is not finite, an SD is negative or not
     *                                  finite, or the pooled SD is 0 (d undefined)
     */
    public static Estimate compare(double mean1, double sd1, int n1, double mean2, double sd2, int n2) {
        if (!Double.isFinite(mean1) || !Double.isFinite(mean2)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "means must be finite, were %s and %s", mean1, mean2));
        }
        double sp = pooledSd(sd1, n1, sd2, n2);
        if (!(sp > 0)) {
            throw new IllegalArgumentException("the pooled SD is 0, so the standardized difference is undefined");
        }
        // Saturated for two counts near Integer.MAX_VALUE: J then differs from 1 by under 4e-10 either way.
        int df = (int) Math.min(Integer.MAX_VALUE, (long) n1 + n2 - 2);
        double d = (mean1 - mean2) / sp;
        double vd = varianceD(d, n1, n2);
        double jExact = exactJ(df);
        double jApprox = approximateJ(df);
        double delta = sd2 > 0 ? (mean1 - mean2) / sd2 : Double.NaN;
        double vDelta = sd2 > 0 ? varianceGlass(delta, n1, n2) : Double.NaN;
        return new Estimate(sp, d, vd, jExact, jApprox, jExact * d, jApprox * d, jExact * jExact * vd, delta,
                vDelta, n1, n2);
    }

    /**
     * Returns the pooled standard deviation {@code sqrt(((n₁−1)s₁² + (n₂−1)s₂²)/(n₁+n₂−2))}.
     *
     * @param sd1 SD of group 1, finite and {@code >= 0}
     * @param n1  size of group 1, {@code >= 2}
     * @param sd2 SD of group 2, finite and {@code >= 0}
     * @param n2  size of group 2, {@code >= 2}
     * @return the pooled SD
     * @throws IllegalArgumentException on a size below 2 or a negative or non-finite SD
     */
    public static double pooledSd(double sd1, int n1, double sd2, int n2) {
        checkSizes(n1, n2);
        if (!(sd1 >= 0 && Double.isFinite(sd1)) || !(sd2 >= 0 && Double.isFinite(sd2))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "standard deviations must be finite and >= 0, were %s and %s", sd1, sd2));
        }
        // Sizes summed in double, since two counts near Integer.MAX_VALUE overflow an int.
        double df = (double) n1 + n2 - 2;
        double direct = Math.sqrt(((n1 - 1) * sd1 * sd1 + (n2 - 1) * sd2 * sd2) / df);
        double scale = Math.max(sd1, sd2);
        if (scale == 0 || (Double.isFinite(direct) && direct > 0)) {
            return direct;
        }
        // Squares of SDs near 1e300 overflowed (or near 1e-300 vanished): scale by the larger SD.
        double r1 = sd1 / scale;
        double r2 = sd2 / scale;
        return scale * Math.sqrt(((n1 - 1.0) * r1 * r1 + (n2 - 1.0) * r2 * r2) / df);
    }

    /**
     * Returns the exact small-sample correction {@code J(df) = Γ(df/2) / (√(df/2) Γ((df−1)/2))} (Hedges 1981),
     * evaluated as {@code exp(lnΓ(df/2) − ½ ln(df/2) − lnΓ((df−1)/2))} so that large df do not overflow.
     *
     * @param df degrees of freedom, {@code >= 2}
     * @return J in (0, 1)
     * @throws IllegalArgumentException when {@code df < 2}
     */
    public static double exactJ(int df) {
        checkDf(df);
        double half = df / 2.0;
        return Math.exp(Gamma.logGamma(half) - 0.5 * Math.log(half) - Gamma.logGamma((df - 1) / 2.0));
    }

    /**
     * Returns the approximate correction {@code 1 − 3/(4df − 1)} (Hedges 1981); it differs from the exact J by
     * about {@code 0.033/df²} (3·10⁻⁴ at df = 10).
     *
     * @param df degrees of freedom, {@code >= 2}
     * @return the approximate J
     * @throws IllegalArgumentException when {@code df < 2}
     */
    public static double approximateJ(int df) {
        checkDf(df);
        return 1 - 3.0 / (4.0 * df - 1);
    }

    /**
     * Returns the variance of Cohen's d, {@code (n₁+n₂)/(n₁n₂) + d²/(2(n₁+n₂))}.
     *
     * @param d  Cohen's d
     * @param n1 size of group 1, {@code >= 2}
     * @param n2 size of group 2, {@code >= 2}
     * @return V_d
     */
    public static double varianceD(double d, int n1, int n2) {
        checkSizes(n1, n2);
        double sum = (double) n1 + n2;
        return sum / ((double) n1 * n2) + d * d / (2.0 * sum);
    }

    /**
     * Returns the variance of Glass's Δ, {@code (n₁+n₂)/(n₁n₂) + Δ²/(2(n₂−1))}.
     *
     * @param delta Glass's Δ
     * @param n1    size of group 1, {@code >= 2}
     * @param n2    size of the comparison group, {@code >= 2}
     * @return V_Δ
     */
    public static double varianceGlass(double delta, int n1, int n2) {
        checkSizes(n1, n2);
        return ((double) n1 + n2) / ((double) n1 * n2) + delta * delta / (2.0 * (n2 - 1.0));
    }

    /**
     * Returns the normal interval {@code estimate ± z·sqrt(variance)}.
     *
     * @param estimate the estimate
     * @param variance its variance, finite and {@code >= 0}
     * @param z        the two-sided normal quantile of the level, {@code > 0}
     * @param level    the level in (0, 1) recorded on the interval
     * @return the interval
     */
    public static Interval normalInterval(double estimate, double variance, double z, double level) {
        if (!(variance >= 0 && Double.isFinite(variance))) {
            throw new IllegalArgumentException("variance must be finite and >= 0, was " + variance);
        }
        double half = z * Math.sqrt(variance);
        return new Interval(estimate - half, estimate + half, level);
    }

    /**
     * Returns the BCa bootstrap interval of Hedges' g (exact J) of group 1 against group 2 from unit-level values,
     * resampling units independently within each group ({@link Bootstrap#stratifiedBca} with strata
     * {@code {n₁, n₂}}, so every resample keeps both sizes; the jackknife leaves out one unit of either group).
     *
     * <p>On each sample, in one pass over shifted values {@code y = x − K_k} ({@code K_k} the full-sample mean of
     * the unit's group, so that the sums stay small and cancellation harmless: the shifted-data algorithm of Chan,
     * Golub &amp; LeVeque 1983, "Algorithms for computing the sample variance", <i>The American Statistician</i>
     * 37:242–247): {@code S_k = Σy}, {@code Q_k = Σy²}, {@code m_k = K_k + S_k/c_k},
     * {@code SS = (Q₁ − S₁²/c₁) + (Q₂ − S₂²/c₂)}, {@code s_p = sqrt(SS/(c₁ + c₂ − 2))},
     * {@code g = J(c₁ + c₂ − 2) · sign · (m₁ − m₂)/s_p}. A sample with fewer than 2 units in a group or no spread
     * gives NaN (dropped). The sample lists group 1's units first (the {@link Bootstrap#stratifiedBca} contract),
     * so the two groups are summed side by side in one loop: four independent sums instead of one long chain of
     * dependent additions, and no allocation. The result agrees with the two-pass formula to rounding (about
     * 10⁻¹⁵ relative), not bit for bit.
     *
     * <p>Cost O(B·(n₁ + n₂) + B log B + (n₁ + n₂)²) with B resamples (the jackknife is quadratic); memory
     * O(B + n₁ + n₂). The same arguments give the same result bit for bit, on any
     * {@link Bootstrap#withParallelism(int) parallelism} of the block scheme; the statistic is a pure function and
     * thread-safe. The arrays are read, never kept or changed.
     *
     * @param values1   unit values of group 1 (the partnership group), at least 2, finite
     * @param values2   unit values of group 2 (the comparison group), at least 2, finite
     * @param sign      +1, or −1 to flip the direction (a lower-is-better indicator)
     * @param bootstrap the bootstrap (resamples and parallelism)
     * @param level     interval level in (0, 1)
     * @param seed      seed of the random stream
     * @return the bootstrap result of g (no interval when g is undefined on the full sample)
     * @throws IllegalArgumentException when a group has fewer than 2 values or a value is not finite, the sign is
     *                                  not ±1 or the level is outside (0, 1)
     */
    public static Bootstrap.Result bootstrapHedgesG(double[] values1, double[] values2, int sign,
                                                    Bootstrap bootstrap, double level, long seed) {
        int n1 = values1.length;
        int n2 = values2.length;
        checkSizes(n1, n2);
        if (sign != 1 && sign != -1) {
            throw new IllegalArgumentException("sign must be +1 or -1, was " + sign);
        }
        double k1 = finiteMean(values1, "values1");
        double k2 = finiteMean(values2, "values2");
        double[] y1 = new double[n1];
        double[] y2 = new double[n2];
        for (int i = 0; i < n1; i++) {
            y1[i] = values1[i] - k1;
        }
        for (int i = 0; i < n2; i++) {
            y2[i] = values2[i] - k2;
        }
        double shift = k1 - k2;
        double jFull = exactJ(n1 + n2 - 2);
        // The jackknife drops one unit; its J is computed once here rather than per leave-one-out sample.
        double jLeaveOne = n1 + n2 - 3 >= 2 ? exactJ(n1 + n2 - 3) : Double.NaN;
        Bootstrap.Statistics hedgesG = (sample, out) -> {
            int length = sample.length;
            // c1: the number of group-1 units, which come first (indices below n1).
            int lo = 0;
            int hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sample[mid] < n1) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            int c1 = lo;
            int c2 = length - c1;
            if (c1 < 2 || c2 < 2) {
                out[0] = Double.NaN;
                return;
            }
            double s1 = 0;
            double q1 = 0;
            double s2 = 0;
            double q2 = 0;
            int both = Math.min(c1, c2);
            for (int i = 0; i < both; i++) {
                double a = y1[sample[i]];
                double b = y2[sample[c1 + i] - n1];
                s1 += a;
                q1 += a * a;
                s2 += b;
                q2 += b * b;
            }
            for (int i = both; i < c1; i++) {
                double a = y1[sample[i]];
                s1 += a;
                q1 += a * a;
            }
            for (int i = c1 + both; i < length; i++) {
                double b = y2[sample[i] - n1];
                s2 += b;
                q2 += b * b;
            }
            double ss = (q1 - s1 * s1 / c1) + (q2 - s2 * s2 / c2);
            double sp = Math.sqrt(ss / (length - 2));
            double j = length == n1 + n2 ? jFull : length == n1 + n2 - 1 ? jLeaveOne : exactJ(length - 2);
            double difference = shift + (s1 / c1 - s2 / c2);
            out[0] = sp > 0 ? j * sign * difference / sp : Double.NaN;
        };
        return bootstrap.stratifiedBca(new int[] {n1, n2}, 1, hedgesG, level, seed).get(0);
    }

    private static double finiteMean(double[] values, String name) {
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s[%d] must be finite, was %s",
                        name, i, values[i]));
            }
            sum += values[i];
        }
        return sum / values.length;
    }

    /**
     * Returns Cohen's (1988) verbal label of a standardized difference by its absolute value: below 0.2
     * "negligible", below 0.5 "small", below 0.8 "moderate", else "large".
     *
     * @param effect the standardized difference
     * @return the label
     */
    public static String cohenLabel(double effect) {
        double a = Math.abs(effect);
        if (a < 0.2) {
            return "negligible";
        }
        if (a < 0.5) {
            return "small";
        }
        if (a < 0.8) {
            return "moderate";
        }
        return "large";
    }

    private static void checkSizes(int n1, int n2) {
        if (n1 < 2 || n2 < 2) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "each group needs at least 2 units, was n1 = %d, n2 = %d", n1, n2));
        }
    }

    private static void checkDf(int df) {
        if (df < 2) {
            throw new IllegalArgumentException("df must be >= 2, was " + df);
        }
    }
}
