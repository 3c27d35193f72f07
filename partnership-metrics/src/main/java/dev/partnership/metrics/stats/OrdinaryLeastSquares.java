package dev.partnership.metrics.stats;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * The ordinary least-squares fit of {@code y = β0 + β1 x1 + … + βk xk + ε} with an intercept, by Commons Math's
 * {@link OLSMultipleLinearRegression} (Householder QR decomposition of the design matrix).
 *
 * <p>{@code coefficients[0]} is the intercept β0; {@code standardErrors} are the usual
 * {@code sqrt(σ̂² · diag((XᵀX)⁻¹))} with {@code σ̂² = Σ e² / (n − p)}, p = k + 1 parameters;
 * {@code residuals} are {@code y − ŷ} in the order of the observations; {@code rSquared} is
 * {@code 1 − SSE / SST} (centred). Accuracy: the NIST StRD Norris data is reproduced to at least 10 significant
 * digits (see the test). Cost O(n p²). Immutable and thread-safe (arrays are copied in and out).
 *
 * @param coefficients   β0 … βk
 * @param standardErrors standard errors of β0 … βk
 * @param residuals      residuals in observation order
 * @param rSquared       coefficient of determination ({@code NaN} when y is constant)
 * @param degreesOfFreedom residual degrees of freedom {@code n − p}
 * @param scale          the largest {@code |y|}, the yardstick for telling rounding noise from residuals
 */
public record OrdinaryLeastSquares(double[] coefficients, double[] standardErrors, double[] residuals,
                                   double rSquared, int degreesOfFreedom, double scale) {

    /** Root-mean-square residuals at or below this fraction of {@code scale} count as a perfect fit. */
    public static final double PERFECT_FIT_TOLERANCE = 1e-12;

    /** Validates and copies the components. */
    public OrdinaryLeastSquares {
        coefficients = Objects.requireNonNull(coefficients, "coefficients").clone();
        standardErrors = Objects.requireNonNull(standardErrors, "standardErrors").clone();
        residuals = Objects.requireNonNull(residuals, "residuals").clone();
        if (coefficients.length != standardErrors.length) {
            throw new IllegalArgumentException("one standard error per coefficient is needed");
        }
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("degreesOfFreedom must be >= 1, was " + degreesOfFreedom);
        }
        if (!(scale >= 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be a finite number >= 0, was " + scale);
        }
    }

    /**
     * Fits y on the columns of x with an intercept.
     *
     * @param y observations, finite, length n
     * @param x regressors, {@code x[i]} the k values of observation i (without the intercept column)
     * @return the fit
     * @throws IllegalArgumentException when the sizes disagree, n ≤ k + 1, a value is not finite, or the design
     *                                  matrix is singular (for example a constant regressor)
     */
    public static OrdinaryLeastSquares fit(double[] y, double[][] x) {
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(x, "x");
        if (y.length != x.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "y has %d observations but x has %d", y.length, x.length));
        }
        int k = x.length == 0 ? 0 : x[0].length;
        if (y.length <= k + 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%d parameters need more than %d observations, have %d", k + 1, k + 1, y.length));
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("y[" + i + "] must be finite, was " + y[i]);
            }
            if (x[i].length != k) {
                throw new IllegalArgumentException("x[" + i + "] must have " + k + " values");
            }
            for (int j = 0; j < k; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new IllegalArgumentException("x[" + i + "][" + j + "] must be finite, was " + x[i][j]);
                }
            }
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        double[][] copy = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            copy[i] = x[i].clone();
        }
        try {
            ols.newSampleData(y.clone(), copy);
            double[] beta = ols.estimateRegressionParameters();
            double[] se = ols.estimateRegressionParametersStandardErrors();
            double[] residuals = ols.estimateResiduals();
            double r2 = ols.calculateRSquared();
            double scale = 0;
            for (double v : y) {
                scale = Math.max(scale, Math.abs(v));
            }
            return new OrdinaryLeastSquares(beta, se, residuals, r2, y.length - (k + 1), scale);
        } catch (MathIllegalArgumentException e) {
            // Commons Math signals a rank-deficient design (SingularMatrixException) and too little data this way.
            throw new IllegalArgumentException("the design matrix is singular: " + e.getMessage(), e);
        }
    }

    /**
     * Fits the simple regression {@code y = β0 + β1 x} (the one-regressor special case of {@link #fit}).
     *
     * @param y observations
     * @param x the regressor
     * @return the fit
     * @throws IllegalArgumentException as for {@link #fit(double[], double[][])}
     */
    public static OrdinaryLeastSquares simple(double[] y, double[] x) {
        Objects.requireNonNull(x, "x");
        double[][] design = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            design[i] = new double[] {x[i]};
        }
        return fit(y, design);
    }

    /**
     * Returns the Durbin–Watson statistic of the residuals in observation order:
     * {@code DW = Σ_{i≥2} (e_i − e_{i−1})² / Σ e_i²} (Durbin &amp; Watson 1950). Near 2 means no first-order
     * autocorrelation; towards 0 positive, towards 4 negative autocorrelation. O(n).
     *
     * @return DW, or {@code NaN} for a perfect fit: when the root-mean-square residual is at most
     *         {@link #PERFECT_FIT_TOLERANCE} times {@code scale} (what is left is rounding noise, whose ratio means
     *         nothing)
     */
    public double durbinWatson() {
        double num = 0;
        double den = 0;
        for (int i = 0; i < residuals.length; i++) {
            den += residuals[i] * residuals[i];
            if (i > 0) {
                double d = residuals[i] - residuals[i - 1];
                num += d * d;
            }
        }
        double rms = residuals.length == 0 ? 0 : Math.sqrt(den / residuals.length);
        return rms <= PERFECT_FIT_TOLERANCE * scale || den == 0 ? Double.NaN : num / den;
    }

    /**
     * Returns a copy of the coefficients.
     *
     * @return β0 … βk
     */
    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /**
     * Returns a copy of the standard errors.
     *
     * @return standard errors of β0 … βk
     */
    @Override
    public double[] standardErrors() {
        return standardErrors.clone();
    }

    /**
     * Returns a copy of the residuals.
     *
     * @return residuals in observation order
     */
    @Override
    public double[] residuals() {
        return residuals.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrdinaryLeastSquares f && Arrays.equals(coefficients, f.coefficients)
                && Arrays.equals(standardErrors, f.standardErrors) && Arrays.equals(residuals, f.residuals)
                && Double.compare(rSquared, f.rSquared) == 0 && degreesOfFreedom == f.degreesOfFreedom
                && Double.compare(scale, f.scale) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(coefficients) + Arrays.hashCode(residuals);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "OrdinaryLeastSquares[coefficients=%s, standardErrors=%s, rSquared=%s, df=%d]",
                Arrays.toString(coefficients), Arrays.toString(standardErrors), rSquared, degreesOfFreedom);
    }
}
