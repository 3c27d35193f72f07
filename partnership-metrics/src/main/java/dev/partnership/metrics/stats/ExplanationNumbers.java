package dev.partnership.metrics.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Writes numbers for the one-sentence explanations of scores, the same way in every strategy and independent of
 * the default locale. Stateless and thread-safe; O(1).
 */
public final class ExplanationNumbers {
    private static final MathContext FOUR_DIGITS = new MathContext(4, RoundingMode.HALF_EVEN);

    private ExplanationNumbers() {
    }

    /**
     * Writes an interval level exactly as it was given, with up to four decimals: 0.95 as {@code 95%}, 0.975 as
     * {@code 97.5%}.
     *
     * @param level a level in (0, 1)
     * @return the percentage text
     */
    public static String level(double level) {
        // Through the decimal string, so that 0.95 prints as 95 and not 94.999…
        BigDecimal percent = new BigDecimal(Double.toString(level)).movePointRight(2)
                .setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return percent.toPlainString() + "%";
    }

    /**
     * Writes a fraction as a whole percentage, rounded half up: 0.4615 as {@code 46%}, 1.2 as {@code 120%}.
     *
     * @param fraction a finite fraction
     * @return the percentage text
     */
    public static String percent(double fraction) {
        return Math.round(fraction * 100) + "%";
    }

    /**
     * Writes a number with exactly two decimals, rounded half up: 0.834 as {@code 0.83}, 0.5 as {@code 0.50}. A
     * cheap replacement for {@code String.format("%.2f")}, which costs microseconds per call, for strategies that
     * explain thousands of scores.
     *
     * @param value a finite value
     * @return the text
     */
    public static String twoDecimals(double value) {
        long hundredths = Math.round(value * 100);
        String sign = hundredths < 0 ? "-" : "";
        long abs = Math.abs(hundredths);
        long fraction = abs % 100;
        return sign + (abs / 100) + (fraction < 10 ? ".0" : ".") + fraction;
    }

    /**
     * Writes a value of an indicator with four significant digits and no trailing zeros: 12.0 as {@code 12},
     * 0.123456 as {@code 0.1235}, 1234567 as {@code 1235000}.
     *
     * @param value a finite value
     * @return the text
     */
    public static String plain(double value) {
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value).round(FOUR_DIGITS).stripTrailingZeros().toPlainString();
    }
}
