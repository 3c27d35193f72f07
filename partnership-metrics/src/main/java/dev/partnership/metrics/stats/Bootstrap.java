package dev.partnership.metrics.stats;

import dev.partnership.Interval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The seeded nonparametric bootstrap over exchangeable units, with percentile and BCa intervals.
 *
 * <p><b>Resampling.</b> {@code resamples} times, draw {@code units} indices with replacement from a
 * {@link SplittableRandom} seeded with the caller's seed ({@code nextInt(units)} per draw) and compute the
 * statistic on them. Replicates that are not finite (a statistic undefined on that resample) are dropped and
 * counted in {@link Result#validReplicates()}. Quantile rule: type 7 of Hyndman &amp; Fan (1996), linear
 * interpolation between order statistics ({@link Quantile#type7}).
 *
 * <p><b>Percentile interval</b> (Efron &amp; Tibshirani 1993, ch. 13): the replicates' quantiles at
 * {@code (1 ∓ L)/2}.
 *
 * <p><b>BCa interval</b> (Efron 1987, "Better bootstrap confidence intervals", <i>JASA</i> 82:171–185): the
 * replicates' quantiles at {@code α₁,₂ = Φ(z₀ + (z₀ + z)/(1 − a(z₀ + z)))} with {@code z = Φ⁻¹((1 ∓ L)/2)}. The bias
 * correction {@code z₀ = Φ⁻¹(p)} where {@code p} is the share of replicates below the full-sample estimate (ties
 * count half), kept within {@code [1/(2B), 1 − 1/(2B)]} so that it stays finite. The acceleration is the jackknife
 * estimate {@code a = Σ(θ̄ − θ₍ᵢ₎)³ / (6 (Σ(θ̄ − θ₍ᵢ₎)²)^{3/2})} over the leave-one-unit-out estimates (0 when they
 * do not vary or any is undefined). BCa corrects a bootstrap distribution that is shifted or skewed relative to
 * the estimate, for example when resampling raters with repeats inflates their agreement.
 *
 * <p>Cost O(B·(u + c) + B log B + u·c) for B resamples of u units and a statistic costing c; memory O(B + u). The
 * same seed gives the same interval bit for bit. Immutable and thread-safe; {@link #withResamples(int)} returns a
 * copy.
 *
 * <p>Efron, B. and Tibshirani, R. J. (1993), <i>An Introduction to the Bootstrap</i>, Chapman &amp; Hall.
 */
public final class Bootstrap {
    /** Default number of resamples. */
    public static final int DEFAULT_RESAMPLES = 1000;

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private final int resamples;

    /**
     * Creates a bootstrap with a number of resamples.
     *
     * @param resamples how many resamples to draw, at least 1
     * @throws IllegalArgumentException when {@code resamples < 1}
     */
    public Bootstrap(int resamples) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be >= 1, was " + resamples);
        }
        this.resamples = resamples;
    }

    /**
     * Returns the number of resamples.
     *
     * @return resamples
     */
    public int resamples() {
        return resamples;
    }

    /**
     * Returns a copy with another number of resamples.
     *
     * @param count how many resamples to draw, at least 1
     * @return the copy
     */
    public Bootstrap withResamples(int count) {
        return new Bootstrap(count);
    }

    /**
     * A statistic computed on a sample of units, given as their indices (with repeats for a resample, one unit
     * left out for the jackknife; the length varies accordingly). The array may be reused between calls: read
     * it, do not keep it.
     */
    @FunctionalInterface
    public interface Statistic {
        /**
         * Computes the statistic on a sample.
         *
         * @param sample indices in [0, units) of the units in the sample
         * @return the statistic, or a non-finite value when it is undefined on this sample
         */
        double of(int[] sample);
    }

    /**
     * The outcome of a bootstrap.
     *
     * @param interval        the interval, or {@code null} when fewer than two replicates were finite
     * @param validReplicates how many replicates were finite
     * @param resamples       how many resamples were drawn
     * @param biasCorrection  the BCa bias correction z₀, or {@code NaN} for a percentile interval
     * @param acceleration    the BCa acceleration a, or {@code NaN} for a percentile interval
     */
    public record Result(Interval interval, int validReplicates, int resamples, double biasCorrection,
                         double acceleration) {
        /** Validates the components. */
        public Result {
            if (validReplicates < 0 || validReplicates > resamples) {
                throw new IllegalArgumentException("validReplicates must lie in [0, resamples], was " + validReplicates);
            }
        }
    }

    /**
     * Returns the percentile interval of a statistic over {@code units} exchangeable units.
     *
     * @param units     number of units to resample, at least 1
     * @param statistic the statistic
     * @param level     interval level in (0, 1)
     * @param seed      seed of the random stream
     * @return the interval and how many replicates were usable
     * @throws IllegalArgumentException when {@code units < 1} or the level is outside (0, 1)
     */
    public Result percentile(int units, Statistic statistic, double level, long seed) {
        checkArguments(units, level);
        double[] replicates = new double[resamples];
        int valid = replicate(units, statistic, seed, replicates);
        if (valid < 2) {
            return new Result(null, valid, resamples, Double.NaN, Double.NaN);
        }
        Interval interval = quantiles(replicates, valid, (1 - level) / 2, (1 + level) / 2, level);
        return new Result(interval, valid, resamples, Double.NaN, Double.NaN);
    }

    /**
     * Returns the BCa interval of a statistic over {@code units} exchangeable units; the jackknife needs at least
     * two units.
     *
     * @param units     number of units to resample, at least 1
     * @param statistic the statistic
     * @param level     interval level in (0, 1)
     * @param seed      seed of the random stream
     * @return the interval with its bias correction and acceleration; no interval when the full-sample estimate is
     *         undefined or fewer than two replicates were finite
     * @throws IllegalArgumentException when {@code units < 1} or the level is outside (0, 1)
     */
    public Result bca(int units, Statistic statistic, double level, long seed) {
        return bca(units, 1, (sample, out) -> out[0] = statistic.of(sample), level, seed).get(0);
    }

    /**
     * Several statistics computed on the same sample of units, so that one resampling loop serves them all.
     * The arrays may be reused between calls: read and fill them, do not keep them.
     */
    @FunctionalInterface
    public interface Statistics {
        /**
         * Computes every statistic on a sample.
         *
         * @param sample indices in [0, units) of the units in the sample (repeats in a resample, one unit left out
         *               in the jackknife)
         * @param out    receives statistic k in {@code out[k]}; a non-finite value where one is undefined
         */
        void of(int[] sample, double[] out);
    }

    /**
     * Returns the BCa interval of each of {@code count} statistics computed on the same resamples: one resampling
     * loop and one jackknife serve them all, and each gets its own bias correction and acceleration. Statistic k's
     * result equals {@link #bca(int, Statistic, double, long)} on statistic k alone with the same seed. Cost as for
     * one statistic, with c the cost of computing all of them; memory O(count · (B + u)).
     *
     * @param units      number of units to resample, at least 1
     * @param count      number of statistics, at least 1
     * @param statistics the statistics
     * @param level      interval level in (0, 1)
     * @param seed       seed of the random stream
     * @return one result per statistic, in order
     * @throws IllegalArgumentException when {@code units < 1}, {@code count < 1} or the level is outside (0, 1)
     */
    public List<Result> bca(int units, int count, Statistics statistics, double level, long seed) {
        checkArguments(units, level);
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, was " + count);
        }
        int[] all = new int[units];
        for (int i = 0; i < units; i++) {
            all[i] = i;
        }
        double[] estimates = new double[count];
        statistics.of(all, estimates);
        double[][] replicates = new double[count][resamples];
        int[] valid = new int[count];
        SplittableRandom random = new SplittableRandom(seed);
        int[] sample = new int[units];
        double[] values = new double[count];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < units; i++) {
                sample[i] = random.nextInt(units);
            }
            statistics.of(sample, values);
            for (int k = 0; k < count; k++) {
                if (Double.isFinite(values[k])) {
                    replicates[k][valid[k]++] = values[k];
                }
            }
        }
        double[][] leaveOneOut = jackknife(units, count, statistics);
        List<Result> results = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            results.add(bcaResult(estimates[k], replicates[k], valid[k], leaveOneOut[k], level));
        }
        return List.copyOf(results);
    }

    private Result bcaResult(double estimate, double[] replicates, int valid, double[] leaveOneOut, double level) {
        if (valid < 2 || !Double.isFinite(estimate)) {
            return new Result(null, valid, resamples, Double.NaN, Double.NaN);
        }
        double below = 0;
        for (int b = 0; b < valid; b++) {
            if (replicates[b] < estimate) {
                below++;
            } else if (replicates[b] == estimate) {
                below += 0.5;
            }
        }
        double edge = 0.5 / valid;
        double z0 = STANDARD_NORMAL.inverseCumulativeProbability(Math.min(1 - edge, Math.max(edge, below / valid)));
        double a = jackknifeAcceleration(leaveOneOut);
        double[] levels = bcaLevels(z0, a, level);
        Interval interval = quantiles(replicates, valid, levels[0], levels[1], level);
        return new Result(interval, valid, resamples, z0, a);
    }

    /**
     * Returns the BCa quantile levels {@code α₁,₂ = Φ(z₀ + (z₀ + z)/(1 − a(z₀ + z)))} for
     * {@code z = Φ⁻¹((1 ∓ L)/2)}. With {@code z₀ = a = 0} they are the percentile levels. Cost O(1).
     *
     * @param z0    bias correction
     * @param a     acceleration
     * @param level interval level in (0, 1)
     * @return {@code {α₁, α₂}}
     */
    public static double[] bcaLevels(double z0, double a, double level) {
        double zLow = STANDARD_NORMAL.inverseCumulativeProbability((1 - level) / 2);
        double zHigh = -zLow;
        return new double[] {adjusted(z0, a, zLow), adjusted(z0, a, zHigh)};
    }

    private static double adjusted(double z0, double a, double z) {
        double t = z0 + z;
        double denominator = 1 - a * t;
        if (!(denominator > 0)) {
            // The transformation breaks down; fall back to the extreme of the side asked for.
            return z < 0 ? 0 : 1;
        }
        return STANDARD_NORMAL.cumulativeProbability(z0 + t / denominator);
    }

    /**
     * Returns the jackknife acceleration {@code a = Σ(θ̄ − θ₍ᵢ₎)³ / (6 (Σ(θ̄ − θ₍ᵢ₎)²)^{3/2})} of leave-one-out
     * estimates; 0 when they do not vary or any is not finite. Cost O(n).
     *
     * @param leaveOneOut the estimates θ₍ᵢ₎ with unit i left out
     * @return the acceleration
     */
    public static double jackknifeAcceleration(double[] leaveOneOut) {
        double mean = 0;
        for (double v : leaveOneOut) {
            if (!Double.isFinite(v)) {
                return 0;
            }
            mean += v;
        }
        mean /= leaveOneOut.length;
        double squares = 0;
        double cubes = 0;
        for (double v : leaveOneOut) {
            double d = mean - v;
            squares += d * d;
            cubes += d * d * d;
        }
        if (!(squares > 0)) {
            return 0;
        }
        return cubes / (6 * Math.pow(squares, 1.5));
    }

    // leaveOneOut[k][i]: statistic k with unit i left out; NaN everywhere when there is only one unit.
    private static double[][] jackknife(int units, int count, Statistics statistics) {
        double[][] out = new double[count][units];
        if (units < 2) {
            for (double[] row : out) {
                Arrays.fill(row, Double.NaN);
            }
            return out;
        }
        int[] sample = new int[units - 1];
        double[] values = new double[count];
        for (int left = 0; left < units; left++) {
            for (int i = 0, k = 0; i < units; i++) {
                if (i != left) {
                    sample[k++] = i;
                }
            }
            statistics.of(sample, values);
            for (int k = 0; k < count; k++) {
                out[k][left] = values[k];
            }
        }
        return out;
    }

    private int replicate(int units, Statistic statistic, long seed, double[] replicates) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] sample = new int[units];
        int valid = 0;
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < units; i++) {
                sample[i] = random.nextInt(units);
            }
            double v = statistic.of(sample);
            if (Double.isFinite(v)) {
                replicates[valid++] = v;
            }
        }
        return valid;
    }

    private static Interval quantiles(double[] replicates, int valid, double pLow, double pHigh, double level) {
        Arrays.sort(replicates, 0, valid);
        double low = Quantile.type7(replicates, valid, pLow);
        double high = Quantile.type7(replicates, valid, pHigh);
        return new Interval(low, Math.max(low, high), level);
    }

    private static void checkArguments(int units, double level) {
        if (units < 1) {
            throw new IllegalArgumentException("units must be >= 1, was " + units);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "level must lie in (0, 1), was %s", level));
        }
    }
}
