package dev.partnership.metrics.stats;

import dev.partnership.Interval;
import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Wilson score interval for a binomial proportion, without continuity correction (Wilson, E. B. (1927),
 * "Probable inference, the law of succession, and statistical inference", <i>JASA</i> 22:209–212; method 3 of
 * Newcombe, R. G. (1998), "Two-sided confidence intervals for the single proportion: comparison of seven methods",
 * <i>Statistics in Medicine</i> 17:857–872).
 *
 * <p>For x successes in n trials and {@code z = Φ⁻¹((1 + L)/2)}:
 * {@code (x + z²/2 ± z √(x(n − x)/n + z²/4)) / (n + z²)}. Unlike the Wald interval it stays inside [0, 1] and does
 * not collapse to a point at x = 0 or x = n; the bound on the side of an extreme count is exactly 0 or 1. At 95%,
 * 81/263 gives (0.2553, 0.3662) and 0/20 gives (0, 0.1611) (Newcombe 1998, Table I).
 *
 * <p>Immutable and thread-safe. {@link #of(long, long, double)} costs O(1) plus one normal quantile.
 *
 * @param successes x, in [0, trials]
 * @param trials    n, at least 1
 * @param z         the normal quantile {@code Φ⁻¹((1 + L)/2)}, finite and {@code > 0}
 * @param interval  the interval, within [0, 1]
 */
public record WilsonInterval(long successes, long trials, double z, Interval interval) {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    /** Validates the components. */
    public WilsonInterval {
        checkCounts(successes, trials);
        if (!(z > 0) || !Double.isFinite(z)) {
            throw new IllegalArgumentException("z must be finite and > 0, was " + z);
        }
        if (interval == null || interval.low() < 0 || interval.high() > 1) {
            throw new IllegalArgumentException("interval must lie within [0, 1], was " + interval);
        }
    }

    /**
     * Computes the Wilson score interval of x successes in n trials.
     *
     * @param successes x, in [0, trials]
     * @param trials    n, at least 1
     * @param level     interval level in (0, 1), for example 0.95
     * @return the interval with its inputs and z
     * @throws IllegalArgumentException when {@code trials < 1}, {@code successes} lies outside [0, trials] or the
     *                                  level is outside (0, 1)
     */
    public static WilsonInterval of(long successes, long trials, double level) {
        checkCounts(successes, trials);
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "level must lie in (0, 1), was %s", level));
        }
        double z = STANDARD_NORMAL.inverseCumulativeProbability((1 + level) / 2);
        double n = trials;
        double x = successes;
        double z2 = z * z;
        double denominator = n + z2;
        double center = (x + z2 / 2) / denominator;
        double half = z * Math.sqrt(x * (n - x) / n + z2 / 4) / denominator;
        // At an extreme count the near bound is 0 or 1 in exact arithmetic; say so rather than leave rounding dust.
        double low = successes == 0 ? 0 : UnitInterval.clamp(center - half);
        double high = successes == trials ? 1 : UnitInterval.clamp(center + half);
        return new WilsonInterval(successes, trials, z, new Interval(low, Math.max(low, high), level));
    }

    /**
     * Returns the observed proportion.
     *
     * @return {@code successes / trials}
     */
    public double proportion() {
        return (double) successes / trials;
    }

    private static void checkCounts(long successes, long trials) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be >= 1, was " + trials);
        }
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "successes must lie in [0, %d], was %d", trials, successes));
        }
    }
}
