package dev.partnership;

import java.util.Locale;

/**
 * A two-sided interval estimate (a confidence or credible interval) at a stated level.
 *
 * <p>Immutable and thread-safe.
 *
 * @param low   lower bound, finite
 * @param high  upper bound, finite and {@code >= low}
 * @param level coverage, strictly between 0 and 1 (for example 0.95)
 */
public record Interval(double low, double high, double level) {

    /** Validates the components; see the record description for the rules. */
    public Interval {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "interval bounds must be finite: [%s, %s]", low, high));
        }
        if (low > high) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "interval low %s exceeds high %s", low, high));
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("interval level must lie in (0, 1), was " + level);
        }
    }

    /**
     * Returns whether {@code x} lies in the interval, bounds included.
     *
     * @param x a value
     * @return {@code true} when {@code low <= x <= high}
     */
    public boolean contains(double x) {
        return x >= low && x <= high;
    }

    /**
     * Returns the interval's width.
     *
     * @return {@code high − low}
     */
    public double width() {
        return high - low;
    }
}
