package dev.partnership.metrics.stats;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Inequality and concentration indices of non-negative amounts (participation counts, money, hours): the Gini
 * coefficient in its population and small-sample forms, Theil's T index and the Herfindahl–Hirschman index.
 *
 * <p><b>Formulas</b> for values x₁ … xₙ with mean μ and total S = nμ:
 * <ul>
 *   <li>Gini (population form; Gini, C. (1912), <i>Variabilità e mutabilità</i>): G = Σᵢ Σⱼ |xᵢ − xⱼ| / (2n²μ),
 *       computed in O(n log n) from the sorted values x₍₁₎ ≤ … ≤ x₍ₙ₎ as G = Σᵢ (2i − n − 1) x₍ᵢ₎ / (n S). It lies
 *       in [0, 1 − 1/n]: 0 when all are equal, 1 − 1/n when one holds everything.</li>
 *   <li>Gini, small-sample form: G · n / (n − 1), on [0, 1] (defined for n ≥ 2).</li>
 *   <li>Theil T (Theil, H. (1967), <i>Economics and Information Theory</i>): T = (1/n) Σᵢ (xᵢ/μ) ln(xᵢ/μ), with
 *       0 · ln 0 = 0; on [0, ln n].</li>
 *   <li>HHI (Herfindahl 1950; Hirschman 1945): H = Σᵢ sᵢ² with shares sᵢ = xᵢ / S; on [1/n, 1].</li>
 * </ul>
 * Worked examples: (1, 2, 3, 4, 5) gives G = 0.2666666667 (small-sample 0.3333333333), T = 0.1196875936,
 * H = 0.2444444444; (0, 0, 0, 10) gives G = 0.75 (1.0), T = 1.3862943611 = ln 4, H = 1.
 *
 * <p><b>Undefined cases.</b> An empty array or values that sum to zero (all zero) have no mean to compare with: every
 * index returns {@code NaN}. The small-sample Gini of one value is {@code NaN} (n − 1 = 0). Negative or non-finite
 * values are a programming error: {@link IllegalArgumentException} naming the position. A {@code null} array throws
 * {@link NullPointerException}.
 *
 * <p><b>Determinism.</b> Every index sorts a copy of the values and sums in that order, so the result is the same
 * bit for bit whatever the order of the input. Cost: O(n log n) time, O(n) memory. Stateless and thread-safe.
 */
public final class Inequality {
    private Inequality() {
    }

    /**
     * Returns the population Gini coefficient Σ|xᵢ − xⱼ| / (2n²μ), in [0, 1 − 1/n]. O(n log n).
     *
     * @param values non-negative finite amounts
     * @return the coefficient, or {@code NaN} when empty or all zero
     * @throws IllegalArgumentException when a value is negative or not finite
     */
    public static double gini(double[] values) {
        double[] x = sortedChecked(values);
        int n = x.length;
        double total = sum(x);
        if (n == 0 || total == 0) {
            return Double.NaN;
        }
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            weighted += (2.0 * (i + 1) - n - 1) * x[i];
        }
        // Clamp: rounding may push a perfectly even sample a hair below zero.
        return Math.max(0, weighted / ((double) n * total));
    }

    /**
     * Returns the small-sample Gini coefficient G · n / (n − 1), in [0, 1]. O(n log n).
     *
     * @param values non-negative finite amounts
     * @return the coefficient, or {@code NaN} when fewer than two values or all zero
     * @throws IllegalArgumentException when a value is negative or not finite
     */
    public static double giniSmallSample(double[] values) {
        double g = gini(values);
        int n = values.length;
        if (n < 2 || Double.isNaN(g)) {
            return Double.NaN;
        }
        return Math.min(1, g * n / (n - 1));
    }

    /**
     * Returns Theil's T index (1/n) Σ (xᵢ/μ) ln(xᵢ/μ) with 0 · ln 0 = 0, in [0, ln n]. O(n log n).
     *
     * @param values non-negative finite amounts
     * @return the index, or {@code NaN} when empty or all zero
     * @throws IllegalArgumentException when a value is negative or not finite
     */
    public static double theil(double[] values) {
        double[] x = sortedChecked(values);
        int n = x.length;
        double total = sum(x);
        if (n == 0 || total == 0) {
            return Double.NaN;
        }
        double mean = total / n;
        double t = 0;
        for (double v : x) {
            if (v > 0) {
                // A subnormal total divided by n can underflow to a mean of 0; the share times n is then exact.
                double r = mean >= Double.MIN_NORMAL ? v / mean : (v / total) * n;
                t += r * Math.log(r);
            }
        }
        return Math.max(0, t / n);
    }

    /**
     * Returns the Herfindahl–Hirschman index Σ sᵢ² of the shares sᵢ = xᵢ / Σx, in [1/n, 1]. O(n log n).
     *
     * @param values non-negative finite amounts
     * @return the index, or {@code NaN} when empty or all zero
     * @throws IllegalArgumentException when a value is negative or not finite
     */
    public static double herfindahlHirschman(double[] values) {
        double[] x = sortedChecked(values);
        double total = sum(x);
        if (x.length == 0 || total == 0) {
            return Double.NaN;
        }
        double h = 0;
        for (double v : x) {
            double s = v / total;
            h += s * s;
        }
        return Math.min(1, h);
    }

    private static double[] sortedChecked(double[] values) {
        Objects.requireNonNull(values, "values");
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0) || !Double.isFinite(values[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "inequality indices need finite non-negative values; values[%d] = %s", i, values[i]));
            }
        }
        double[] x = values.clone();
        Arrays.sort(x);
        return x;
    }

    private static double sum(double[] sorted) {
        double s = 0;
        for (double v : sorted) {
            s += v;
        }
        return s;
    }
}
