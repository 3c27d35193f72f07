package dev.partnership.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Tests {@link OrdinaryLeastSquares}. */
class OrdinaryLeastSquaresTest {
    /**
     * NIST StRD "Norris" linear regression data set, rows {y, x}
     * (https://www.itl.nist.gov/div898/strd/lls/data/LINKS/DATA/Norris.dat; the same 36 pairs are embedded in
     * Apache Commons Math 3's SimpleRegressionTest).
     */
    private static final double[][] NORRIS = {
        {0.1, 0.2}, {338.8, 337.4}, {118.1, 118.2}, {888.0, 884.6}, {9.2, 10.1}, {228.1, 226.5}, {668.5, 666.3},
        {998.5, 996.3}, {449.1, 448.6}, {778.9, 777.0}, {559.2, 558.2}, {0.3, 0.4}, {0.1, 0.6}, {778.1, 775.5},
        {668.8, 666.9}, {339.3, 338.0}, {448.9, 447.5}, {10.8, 11.6}, {557.7, 556.0}, {228.3, 228.1},
        {998.0, 995.8}, {888.8, 887.6}, {119.6, 120.2}, {0.3, 0.3}, {0.6, 0.3}, {557.6, 556.8}, {339.3, 339.1},
        {888.0, 887.2}, {998.5, 999.0}, {778.9, 779.0}, {10.2, 11.1}, {117.6, 118.3}, {228.9, 229.2},
        {668.4, 669.1}, {449.2, 448.9}, {0.2, 0.5}
    };

    private static void assertSignificant(double certified, double actual, String what) {
        assertEquals(certified, actual, Math.abs(certified) * 1e-10, what);
    }

    /** NIST certified values for Norris, to at least 10 significant digits. */
    @Test
    void norrisCertifiedValues() {
        assertEquals(36, NORRIS.length);
        double[] y = new double[NORRIS.length];
        double[] x = new double[NORRIS.length];
        for (int i = 0; i < NORRIS.length; i++) {
            y[i] = NORRIS[i][0];
            x[i] = NORRIS[i][1];
        }
        OrdinaryLeastSquares fit = OrdinaryLeastSquares.simple(y, x);
        assertSignificant(-0.262323073774029, fit.coefficients()[0], "intercept");
        assertSignificant(1.00211681802045, fit.coefficients()[1], "slope");
        assertSignificant(0.232818234301152, fit.standardErrors()[0], "intercept SE");
        assertSignificant(4.29796848199937e-4, fit.standardErrors()[1], "slope SE");
        assertSignificant(0.999993745883712, fit.rSquared(), "R squared");
        assertEquals(34, fit.degreesOfFreedom());
    }

    @Test
    void durbinWatsonOfKnownResiduals() {
        // y = x exactly except alternating ±1 around it: residuals alternate, DW near 4.
        double[] x = {0, 1, 2, 3, 4, 5, 6, 7};
        double[] y = {1, 0, 3, 2, 5, 4, 7, 6};
        OrdinaryLeastSquares fit = OrdinaryLeastSquares.simple(y, x);
        double[] e = fit.residuals();
        double num = 0;
        double den = e[0] * e[0];
        for (int i = 1; i < e.length; i++) {
            num += (e[i] - e[i - 1]) * (e[i] - e[i - 1]);
            den += e[i] * e[i];
        }
        assertEquals(num / den, fit.durbinWatson(), 1e-12);
        assertTrue(fit.durbinWatson() > 3);
        // A perfect fit has no residual variance: DW undefined.
        assertTrue(Double.isNaN(OrdinaryLeastSquares.simple(new double[] {1, 3, 5}, new double[] {0, 1, 2})
                .durbinWatson()));
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> OrdinaryLeastSquares.simple(new double[] {1, 2}, new double[] {0, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> OrdinaryLeastSquares.simple(new double[] {1, 2, 3}, new double[] {0, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> OrdinaryLeastSquares.simple(new double[] {1, Double.NaN, 3}, new double[] {0, 1, 2}));
        // A constant regressor is collinear with the intercept.
        assertThrows(IllegalArgumentException.class,
                () -> OrdinaryLeastSquares.simple(new double[] {1, 2, 3, 4}, new double[] {5, 5, 5, 5}));
    }
}
