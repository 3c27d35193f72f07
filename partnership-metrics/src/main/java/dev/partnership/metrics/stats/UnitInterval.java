package dev.partnership.metrics.stats;

import dev.partnership.Interval;

/**
 * Clipping of values and intervals to [0, 1], where normalized scores live. Stateless and thread-safe; O(1).
 */
public final class UnitInterval {
    private UnitInterval() {
    }

    /**
     * Clamps a value to [0, 1].
     *
     * @param x a value, not NaN
     * @return {@code min(1, max(0, x))}
     */
    public static double clamp(double x) {
        return Math.min(1.0, Math.max(0.0, x));
    }

    /**
     * Clips an interval to [0, 1], keeping its level.
     *
     * @param interval an interval
     * @return the interval with both bounds clamped to [0, 1]
     */
    public static Interval clip(Interval interval) {
        return new Interval(clamp(interval.low()), clamp(interval.high()), interval.level());
    }
}
