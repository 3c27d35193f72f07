package dev.partnership.metrics.stats;

import dev.partnership.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.distribution.FDistribution;

/**
 * The six intraclass correlations of Shrout &amp; Fleiss, with their F-based confidence intervals, from a complete
 * targets × judges matrix (Shrout, P. E. and Fleiss, J. L. (1979), "Intraclass correlations: uses in assessing
 * rater reliability", <i>Psychological Bulletin</i> 86(2), 420–428; McGraw, K. O. and Wong, S. P. (1996), "Forming
 * inferences about some intraclass correlation coefficients", <i>Psychological Methods</i> 1(1), 30–46, Tables 4
 * and 7 for the intervals).
 *
 * <p><b>Mean squares.</b> With n targets (rows), k judges (columns), x̄ᵢ. the mean of target i, x̄.ⱼ the mean of
 * judge j and x̄ the grand mean: {@code MSR = k Σᵢ (x̄ᵢ. − x̄)² / (n − 1)} (between targets),
 * {@code MSC = n Σⱼ (x̄.ⱼ − x̄)² / (k − 1)} (between judges),
 * {@code MSE = Σᵢⱼ (xᵢⱼ − x̄ᵢ. − x̄.ⱼ + x̄)² / ((n − 1)(k − 1))} (residual) and
 * {@code MSW = Σᵢⱼ (xᵢⱼ − x̄ᵢ.)² / (n (k − 1))} (within targets).
 *
 * <p><b>Forms</b> ({@link Form}):
 * <ul>
 *   <li>ICC(1,1) = (MSR − MSW) / (MSR + (k − 1) MSW) — one-way random: each target has its own judges;</li>
 *   <li>ICC(2,1) = (MSR − MSE) / (MSR + (k − 1) MSE + k (MSC − MSE) / n) — two-way random, absolute agreement:
 *       judges are a sample of possible judges and their level differences count as disagreement;</li>
 *   <li>ICC(3,1) = (MSR − MSE) / (MSR + (k − 1) MSE) — two-way mixed, consistency: these judges only, level
 *       differences ignored;</li>
 *   <li>ICC(1,k) = (MSR − MSW) / MSR, ICC(2,k) = (MSR − MSE) / (MSR + (MSC − MSE) / n),
 *       ICC(3,k) = (MSR − MSE) / MSR — the same three for the mean of the k judges (ICC(3,k) equals Cronbach's α
 *       of the judges taken as items).</li>
 * </ul>
 *
 * <p><b>Intervals</b> at level L, with {@code F_q(a, b)} the {@code q = (1 + L)/2} quantile of the F distribution
 * (Commons Math {@link FDistribution}). ICC(1,·): {@code F₀ = MSR/MSW} on (n − 1, n(k − 1)) degrees of freedom;
 * ICC(3,·): {@code F₀ = MSR/MSE} on (n − 1, (n − 1)(k − 1)); {@code F_L = F₀ / F_q(df₁, df₂)},
 * {@code F_U = F₀ · F_q(df₂, df₁)}; single-judge bounds {@code (F − 1)/(F + k − 1)}, average bounds
 * {@code 1 − 1/F}, for F = F_L and F_U. ICC(2,·) uses Satterthwaite-type degrees of freedom: with ρ = ICC(2,1),
 * {@code a = kρ / (n(1 − ρ))}, {@code b = 1 + kρ(n − 1) / (n(1 − ρ))},
 * {@code v = (a MSC + b MSE)² / ((a MSC)²/(k − 1) + (b MSE)²/((n − 1)(k − 1)))}, {@code F* = F_q(n − 1, v)},
 * {@code F** = F_q(v, n − 1)}; ICC(2,1) bounds
 * {@code n(MSR − F* MSE) / (F*(k MSC + (kn − k − n) MSE) + n MSR)} and
 * {@code n(F** MSR − MSE) / (k MSC + (kn − k − n) MSE + n F** MSR)}; ICC(2,k) bounds
 * {@code n(MSR − F* MSE) / (F*(MSC − MSE) + n MSR)} and {@code n(F** MSR − MSE) / (MSC − MSE + n F** MSR)} (the
 * Spearman–Brown step-up of the ICC(2,1) bounds). Example (Shrout &amp; Fleiss 1979, Table 2, 6 targets × 4 judges):
 * ICC(2,1) = 0.2897637795, 95% interval (0.02, 0.76).
 *
 * <p><b>Undefined values.</b> A form whose denominator is not positive is undefined: its {@link Estimate#value()}
 * is {@code NaN} and its interval {@code null}. This happens when nothing varies (every value equal: all mean
 * squares 0, every form undefined), and for the average forms when the targets do not differ (MSR = 0, or for
 * ICC(2,k) MSR ≤ (MSE − MSC)/n). When the F ratio is infinite (MSW = 0 or MSE = 0 with MSR &gt; 0: the judges agree
 * perfectly in that model's sense) the form is 1 and its interval is the limit [1, 1]. An interval whose
 * Satterthwaite degrees of freedom or bounds are not finite and positive where required is {@code null} while the
 * value is kept. Values are shifted by the first cell before summing, so a constant matrix gives mean squares of
 * exactly 0.
 *
 * <p><b>Cost.</b> O(n k) time and O(n + k) extra memory, plus at most six F quantiles.
 *
 * <p>Immutable and thread-safe.
 *
 * @param targets   n, the number of targets (rows), at least 2
 * @param judges    k, the number of judges (columns), at least 2
 * @param msr       the between-targets mean square MSR, finite and {@code >= 0}
 * @param msc       the between-judges mean square MSC, finite and {@code >= 0}
 * @param mse       the residual mean square MSE, finite and {@code >= 0}
 * @param msw       the within-targets mean square MSW, finite and {@code >= 0}
 * @param level     the level of every interval, in (0, 1)
 * @param estimates the six forms in {@link Form} order
 */
public record IntraclassCorrelation(int targets, int judges, double msr, double msc, double mse, double msw,
                                    double level, List<Estimate> estimates) {

    /** Default interval level. */
    public static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;

    /** Accuracy of the F quantiles; far below the two decimals intervals are read to. */
    private static final double QUANTILE_ACCURACY = 1e-12;

    /** Validates the components and copies the estimates. */
    public IntraclassCorrelation {
        if (targets < 2 || judges < 2) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "an intraclass correlation needs at least 2 targets and 2 judges, had %d and %d",
                    targets, judges));
        }
        for (double ms : new double[] {msr, msc, mse, msw}) {
            if (!(ms >= 0) || !Double.isFinite(ms)) {
                throw new IllegalArgumentException("mean squares must be finite and >= 0, was " + ms);
            }
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must lie in (0, 1), was " + level);
        }
        estimates = List.copyOf(estimates);
        Form[] forms = Form.values();
        if (estimates.size() != forms.length) {
            throw new IllegalArgumentException("need one estimate per form, had " + estimates.size());
        }
        for (int i = 0; i < forms.length; i++) {
            if (estimates.get(i).form() != forms[i]) {
                throw new IllegalArgumentException("estimate " + i + " is for " + estimates.get(i).form()
                        + ", expected " + forms[i]);
            }
        }
    }

    /**
     * The six forms of Shrout &amp; Fleiss (1979): model (1 one-way random, 2 two-way random, 3 two-way mixed) and
     * unit (a single judge, or the mean of k judges).
     */
    public enum Form {
        /** One-way random, single judge. */
        ICC_1_1("ICC(1,1)", 1, false),
        /** Two-way random, absolute agreement, single judge. */
        ICC_2_1("ICC(2,1)", 2, false),
        /** Two-way mixed, consistency, single judge. */
        ICC_3_1("ICC(3,1)", 3, false),
        /** One-way random, mean of k judges. */
        ICC_1_K("ICC(1,k)", 1, true),
        /** Two-way random, absolute agreement, mean of k judges. */
        ICC_2_K("ICC(2,k)", 2, true),
        /** Two-way mixed, consistency, mean of k judges. */
        ICC_3_K("ICC(3,k)", 3, true);

        private final String label;
        private final int model;
        private final boolean average;

        Form(String label, int model, boolean average) {
            this.label = label;
            this.model = model;
            this.average = average;
        }

        /**
         * Returns the label in Shrout &amp; Fleiss notation, for example {@code ICC(2,1)} or {@code ICC(3,k)}.
         *
         * @return the label
         */
        public String label() {
            return label;
        }

        /**
         * Returns the model: 1 one-way random, 2 two-way random (absolute agreement), 3 two-way mixed
         * (consistency).
         *
         * @return 1, 2 or 3
         */
        public int model() {
            return model;
        }

        /**
         * Returns whether the form is about the mean of the k judges rather than a single judge.
         *
         * @return {@code true} for the {@code (·,k)} forms
         */
        public boolean average() {
            return average;
        }

        /**
         * Returns the form with a label.
         *
         * @param label a label such as {@code ICC(2,1)}
         * @return the form
         * @throws IllegalArgumentException when no form has that label
         */
        public static Form ofLabel(String label) {
            for (Form f : values()) {
                if (f.label.equals(label)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("no intraclass correlation form is labelled '" + label + "'");
        }

        /**
         * Returns the labels of all forms, in declaration order.
         *
         * @return the labels
         */
        public static List<String> labels() {
            List<String> out = new ArrayList<>();
            for (Form f : values()) {
                out.add(f.label);
            }
            return List.copyOf(out);
        }
    }

    /**
     * One form's value and interval. Immutable and thread-safe.
     *
     * @param form     the form
     * @param value    the intraclass correlation, at most 1, or {@code NaN} when undefined
     * @param interval its F-based interval, or {@code null} when the value or the interval is undefined
     */
    public record Estimate(Form form, double value, Interval interval) {

        /** Validates the components. */
        public Estimate {
            Objects.requireNonNull(form, "form");
            if (Double.isNaN(value)) {
                interval = null;
            } else if (!Double.isFinite(value) || value > 1) {
                throw new IllegalArgumentException(form.label() + " must be finite and at most 1, was " + value);
            }
        }

        /**
         * Returns whether the form is defined on the data.
         *
         * @return {@code true} when the value is not {@code NaN}
         */
        public boolean isDefined() {
            return !Double.isNaN(value);
        }
    }

    /**
     * Returns one form's estimate.
     *
     * @param form the form
     * @return its estimate
     */
    public Estimate estimate(Form form) {
        return estimates.get(form.ordinal());
    }

    /**
     * Computes the six forms with {@value #DEFAULT_CONFIDENCE_LEVEL} intervals.
     *
     * @param ratings {@code ratings[target][judge]}, complete
     * @return the intraclass correlations
     * @throws IllegalArgumentException as {@link #of(double[][], double)}
     */
    public static IntraclassCorrelation of(double[][] ratings) {
        return of(ratings, DEFAULT_CONFIDENCE_LEVEL);
    }

    /**
     * Computes the mean squares and the six forms with their intervals, as in the class documentation.
     *
     * @param ratings {@code ratings[target][judge]}: at least 2 rows (targets) of the same length, at least 2
     *                columns (judges), every cell finite (the design must be complete)
     * @param level   interval level in (0, 1)
     * @return the intraclass correlations
     * @throws IllegalArgumentException when there are fewer than 2 targets or judges, rows differ in length, a
     *                                  cell is not finite, or the level is outside (0, 1)
     */
    public static IntraclassCorrelation of(double[][] ratings, double level) {
        Objects.requireNonNull(ratings, "ratings");
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must lie in (0, 1), was " + level);
        }
        int n = ratings.length;
        if (n < 2) {
            throw new IllegalArgumentException("an intraclass correlation needs at least 2 targets, had " + n);
        }
        Objects.requireNonNull(ratings[0], "ratings[0]");
        int k = ratings[0].length;
        if (k < 2) {
            throw new IllegalArgumentException("an intraclass correlation needs at least 2 judges, had " + k);
        }
        for (int i = 0; i < n; i++) {
            if (ratings[i] == null) {
                throw new IllegalArgumentException("ratings[" + i + "] is null");
            }
            if (ratings[i].length != k) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "target %d has %d ratings, target 0 has %d; the design must be complete", i,
                        ratings[i].length, k));
            }
            for (int j = 0; j < k; j++) {
                if (!Double.isFinite(ratings[i][j])) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "rating of target %d by judge %d is not finite: %s", i, j, ratings[i][j]));
                }
            }
        }

        // Shift by the first cell (the ICC is shift-invariant): a constant matrix then sums to exactly 0.
        double shift = ratings[0][0];
        double[] rowMeans = new double[n];
        double[] columnSums = new double[k];
        double total = 0;
        for (int i = 0; i < n; i++) {
            double rowSum = 0;
            for (int j = 0; j < k; j++) {
                double x = ratings[i][j] - shift;
                rowSum += x;
                columnSums[j] += x;
            }
            rowMeans[i] = rowSum / k;
            total += rowSum;
        }
        double grandMean = total / ((double) n * k);
        double[] columnMeans = new double[k];
        for (int j = 0; j < k; j++) {
            columnMeans[j] = columnSums[j] / n;
        }
        double ssRows = 0;
        for (double m : rowMeans) {
            ssRows += (m - grandMean) * (m - grandMean);
        }
        ssRows *= k;
        double ssColumns = 0;
        for (double m : columnMeans) {
            ssColumns += (m - grandMean) * (m - grandMean);
        }
        ssColumns *= n;
        // Residual and within sums directly, not by subtraction, so that they are never negative.
        double ssError = 0;
        double ssWithin = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double x = ratings[i][j] - shift;
                double e = x - rowMeans[i] - columnMeans[j] + grandMean;
                double w = x - rowMeans[i];
                ssError += e * e;
                ssWithin += w * w;
            }
        }
        double msr = ssRows / (n - 1);
        double msc = ssColumns / (k - 1);
        double mse = ssError / ((double) (n - 1) * (k - 1));
        double msw = ssWithin / ((double) n * (k - 1));
        return fromMeanSquares(n, k, msr, msc, mse, msw, level);
    }

    /**
     * Computes the six forms and their intervals from mean squares already known (for example from a published
     * ANOVA table).
     *
     * @param n     targets, at least 2
     * @param k     judges, at least 2
     * @param msr   between-targets mean square
     * @param msc   between-judges mean square
     * @param mse   residual mean square
     * @param msw   within-targets mean square
     * @param level interval level in (0, 1)
     * @return the intraclass correlations
     * @throws IllegalArgumentException when a count is below 2, a mean square is negative or not finite, or the
     *                                  level is outside (0, 1)
     */
    public static IntraclassCorrelation fromMeanSquares(int n, int k, double msr, double msc, double mse, double msw,
                                                        double level) {
        if (n < 2 || k < 2) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "an intraclass correlation needs at least 2 targets and 2 judges, had %d and %d", n, k));
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must lie in (0, 1), was " + level);
        }
        double q = (1 + level) / 2;
        List<Estimate> out = new ArrayList<>(6);

        // Model 1: one-way, F0 = MSR/MSW on (n − 1, n(k − 1)).
        double df1 = n - 1;
        double dfWithin = (double) n * (k - 1);
        double icc11 = ratio(msr - msw, msr + (k - 1) * msw);
        double icc1k = ratio(msr - msw, msr);
        double[] f1 = fBounds(msr, msw, df1, dfWithin, q);

        // Model 3: two-way mixed, F0 = MSR/MSE on (n − 1, (n − 1)(k − 1)).
        double dfError = (double) (n - 1) * (k - 1);
        double icc31 = ratio(msr - mse, msr + (k - 1) * mse);
        double icc3k = ratio(msr - mse, msr);
        double[] f3 = fBounds(msr, mse, df1, dfError, q);

        // Model 2: two-way random, absolute agreement.
        double icc21 = ratio(msr - mse, msr + (k - 1) * mse + k * (msc - mse) / n);
        double icc2k = ratio(msr - mse, msr + (msc - mse) / n);

        out.add(new Estimate(Form.ICC_1_1, icc11, singleInterval(icc11, f1, k, level)));
        out.add(new Estimate(Form.ICC_2_1, icc21, model2Interval(icc21, false, n, k, msr, msc, mse, q, level)));
        out.add(new Estimate(Form.ICC_3_1, icc31, singleInterval(icc31, f3, k, level)));
        out.add(new Estimate(Form.ICC_1_K, icc1k, averageInterval(icc1k, f1, level)));
        // The Satterthwaite df of ICC(2,k) is the one of ICC(2,1) (McGraw & Wong 1996, Table 7).
        out.add(new Estimate(Form.ICC_2_K, icc2k, model2Interval(icc21, true, n, k, msr, msc, mse, q, level)));
        out.add(new Estimate(Form.ICC_3_K, icc3k, averageInterval(icc3k, f3, level)));
        return new IntraclassCorrelation(n, k, msr, msc, mse, msw, level, out);
    }

    /** Returns {@code numerator / denominator}, or NaN when the denominator is not positive. */
    private static double ratio(double numerator, double denominator) {
        if (!(denominator > 0)) {
            return Double.NaN;
        }
        double r = numerator / denominator;
        // Rounding can push a ratio that is 1 in exact arithmetic a hair above it; a subnormal denominator can
        // overflow the ratio, which is then as undefined as with a zero one.
        return Double.isFinite(r) ? Math.min(1.0, r) : Double.NaN;
    }

    /**
     * Returns {@code {F_L, F_U}} for {@code F0 = ms / error}: {@code F0 / F_q(df1, df2)} and
     * {@code F0 · F_q(df2, df1)}; both +∞ when the error is 0 and {@code ms > 0}; null when F0 is undefined.
     */
    private static double[] fBounds(double ms, double error, double df1, double df2, double q) {
        if (error == 0) {
            return ms > 0 ? new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY} : null;
        }
        double f0 = ms / error;
        return new double[] {f0 / fQuantile(q, df1, df2), f0 * fQuantile(q, df2, df1)};
    }

    private static double fQuantile(double q, double numeratorDf, double denominatorDf) {
        // A null random generator: only the quantile function is needed.
        return new FDistribution(null, numeratorDf, denominatorDf, QUANTILE_ACCURACY).inverseCumulativeProbability(q);
    }

    /** The single-judge bounds {@code (F − 1)/(F + k − 1)}; an infinite F gives 1. */
    private static Interval singleInterval(double value, double[] f, int k, double level) {
        if (Double.isNaN(value) || f == null) {
            return null;
        }
        return interval(single(f[0], k), single(f[1], k), level);
    }

    private static double single(double f, int k) {
        return Double.isInfinite(f) ? 1.0 : (f - 1) / (f + k - 1);
    }

    /** The average-of-judges bounds {@code 1 − 1/F}; an infinite F gives 1. */
    private static Interval averageInterval(double value, double[] f, double level) {
        if (Double.isNaN(value) || f == null) {
            return null;
        }
        return interval(1 - 1 / f[0], 1 - 1 / f[1], level);
    }

    /** McGraw &amp; Wong (1996) Table 7, case 2A, with Satterthwaite-type degrees of freedom from ρ = ICC(2,1). */
    private static Interval model2Interval(double rho, boolean average, int n, int k, double msr, double msc,
                                           double mse, double q, double level) {
        if (Double.isNaN(rho)) {
            return null;
        }
        if (rho >= 1.0) {
            // Perfect absolute agreement (MSE = MSC = 0): the F ratio is infinite and both bounds tend to 1.
            return new Interval(1.0, 1.0, level);
        }
        double a = k * rho / (n * (1 - rho));
        double b = 1 + k * rho * (n - 1) / (n * (1 - rho));
        double am = a * msc;
        double bm = b * mse;
        double v = (am + bm) * (am + bm) / (am * am / (k - 1) + bm * bm / ((double) (n - 1) * (k - 1)));
        if (!(v > 0) || !Double.isFinite(v)) {
            return null;
        }
        double fStar = fQuantile(q, n - 1, v);
        double fStarStar = fQuantile(q, v, n - 1);
        // c is the judges-and-error term of the denominators: k MSC + (kn − k − n) MSE for one judge,
        // MSC − MSE for the mean of k judges.
        double c = average ? msc - mse : k * msc + ((double) k * n - k - n) * mse;
        double lowDenominator = fStar * c + n * msr;
        double highDenominator = c + n * fStarStar * msr;
        if (!(lowDenominator > 0) || !(highDenominator > 0)) {
            return null;
        }
        return interval(n * (msr - fStar * mse) / lowDenominator, n * (fStarStar * msr - mse) / highDenominator,
                level);
    }

    /** An interval from bounds, or null when they are not finite or out of order; the high bound is at most 1. */
    private static Interval interval(double low, double high, double level) {
        double hi = Math.min(1.0, high);
        double lo = Math.min(1.0, low);
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo > hi) {
            return null;
        }
        return new Interval(lo, hi, level);
    }
}
