package dev.partnership.metrics.stats;

import dev.partnership.Interval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
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
 * <p><b>Strata.</b> {@link #stratifiedBca} resamples independent groups (for example the two arms of a
 * comparison): the units are numbered stratum after stratum, and each resample draws {@code sᵢ} units with
 * replacement from stratum i alone ({@code offsetᵢ + nextInt(sᵢ)}, strata in order), so every resample keeps the
 * group sizes. One stratum is exactly the unstratified bootstrap. The jackknife for the acceleration leaves out one
 * unit of any stratum at a time (Efron &amp; Tibshirani 1993, §14.3 treat the two-sample case the same way).
 *
 * <p><b>Streams and threads.</b> By default ({@link #parallelism()} 0, {@link #SEQUENTIAL}) every resample draws
 * from one stream {@code new SplittableRandom(seed)} in resample order, as described above. With
 * {@link #withParallelism(int) withParallelism(t)}, t ≥ 1, the B resamples are cut into fixed blocks of
 * {@value #BLOCK_RESAMPLES} (the last may be shorter); block k draws from the k-th stream split off
 * {@code new SplittableRandom(seed)} ({@code split()} called once per block, in block order, before any thread
 * starts), and writes its replicates into their fixed slots, which are then read in resample order. The result
 * therefore depends on the seed only, never on t or on scheduling: the same interval bit for bit with 1, 2 or 4
 * threads. It differs from the sequential scheme's (other streams), which stays the default so that existing
 * numbers do not change. With t ≥ 2 the statistic is called from several threads at once and must be safe for
 * that (a pure function of its sample; each thread has its own sample and output arrays). The jackknife runs on the
 * same threads in blocks of {@value #BLOCK_RESAMPLES} units; each leave-one-out value depends on its unit alone, so
 * that too is independent of t. Index draws give exactly {@code nextInt(sᵢ)} but compute its remainder by a
 * multiplication (Lemire, Kaser &amp; Kurz 2019) rather than a division, with the stream's SplitMix state held in a
 * local variable once a check at class initialisation has shown that this replays the JDK's draws exactly (else
 * the draws go through the {@code SplittableRandom}); draws dominate a resample's cost.
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
 * same seed gives the same interval bit for bit. Immutable and thread-safe; {@link #withResamples(int)} and
 * {@link #withParallelism(int)} return copies.
 *
 * <p>Efron, B. and Tibshirani, R. J. (1993), <i>An Introduction to the Bootstrap</i>, Chapman &amp; Hall.
 */
public final class Bootstrap {
    /** Default number of resamples. */
    public static final int DEFAULT_RESAMPLES = 1000;

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    /** The default parallelism: one stream drawn in resample order on the calling thread. */
    public static final int SEQUENTIAL = 0;

    /** Resamples per block in the block scheme used with {@link #withParallelism(int)}. */
    public static final int BLOCK_RESAMPLES = 64;

    private final int resamples;
    private final int parallelism;

    /**
     * Creates a sequential bootstrap with a number of resamples.
     *
     * @param resamples how many resamples to draw, at least 1
     * @throws IllegalArgumentException when {@code resamples < 1}
     */
    public Bootstrap(int resamples) {
        this(resamples, SEQUENTIAL);
    }

    private Bootstrap(int resamples, int parallelism) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be >= 1, was " + resamples);
        }
        if (parallelism < 0) {
            throw new IllegalArgumentException("parallelism must be >= 0, was " + parallelism);
        }
        this.resamples = resamples;
        this.parallelism = parallelism;
    }

    /**
     * Returns the number of threads of the block scheme, or {@link #SEQUENTIAL} (0) for the single-stream scheme.
     *
     * @return the parallelism
     */
    public int parallelism() {
        return parallelism;
    }

    /**
     * Returns a copy that draws the resamples in fixed blocks with one split stream per block (see the class
     * description) on {@code threads} threads of a {@link ForkJoinPool} created for each call; 1 runs the blocks
     * on the calling thread. The result is the same bit for bit for every {@code threads >= 1};
     * {@link #SEQUENTIAL} (0) restores the single-stream scheme. With {@code threads >= 2} the statistics are
     * called concurrently and must be thread-safe. The first failure of a statistic, in block order, is rethrown.
     *
     * @param threads number of threads, {@code >= 0}
     * @return the copy
     * @throws IllegalArgumentException when {@code threads < 0}
     */
    public Bootstrap withParallelism(int threads) {
        return new Bootstrap(resamples, threads);
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
        return new Bootstrap(count, parallelism);
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
        double[][] all = new double[1][];
        int[] counts = new int[1];
        draw(new int[] {units}, 1, (sample, out) -> out[0] = statistic.of(sample), seed, all, counts);
        double[] replicates = all[0];
        int valid = counts[0];
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
        // Checked here first so that the message speaks of units, not of a stratum.
        checkArguments(units, level);
        return stratifiedBca(new int[] {units}, count, statistics, level, seed);
    }

    /**
     * Returns the BCa interval of each of {@code count} statistics over independent strata (see the class
     * description): resample i draws {@code strata[j]} units with replacement within stratum j, whose units are
     * numbered {@code offset_j … offset_j + strata[j] − 1} with {@code offset_j = strata[0] + … + strata[j−1]}.
     * The jackknife leaves out one unit at a time over all strata. With one stratum the result equals
     * {@link #bca(int, int, Statistics, double, long)}. Cost O(B·(u + c) + B log B + u·c) for u units in all.
     *
     * @param strata     the size of each stratum, each at least 1
     * @param count      number of statistics, at least 1
     * @param statistics the statistics; sample indices tell the stratum (an index below {@code strata[0]} is in
     *                   stratum 0, and so on), and a sample lists stratum 0's units first
     * @param level      interval level in (0, 1)
     * @param seed       seed of the random stream
     * @return one result per statistic, in order
     * @throws IllegalArgumentException when there is no stratum, a stratum is empty, {@code count < 1} or the
     *                                  level is outside (0, 1)
     */
    public List<Result> stratifiedBca(int[] strata, int count, Statistics statistics, double level, long seed) {
        if (strata.length == 0) {
            throw new IllegalArgumentException("at least one stratum is needed");
        }
        long total = 0;
        for (int j = 0; j < strata.length; j++) {
            if (strata[j] < 1) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "stratum %d must have at least 1 unit, had %d", j, strata[j]));
            }
            total += strata[j];
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many units: " + total);
        }
        int units = (int) total;
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
        double[][] replicates = new double[count][];
        int[] valid = new int[count];
        draw(strata.clone(), count, statistics, seed, replicates, valid);
        double[][] leaveOneOut = jackknife(units, count, statistics);
        List<Result> results = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            results.add(bcaResult(estimates[k], replicates[k], valid[k], leaveOneOut[k], level));
        }
        return List.copyOf(results);
    }

    /**
     * Draws the B resamples of the given strata and computes the statistics on each; replicates[k] receives
     * statistic k's finite values in resample order (compacted) and valid[k] their number.
     */
    private void draw(int[] strata, int count, Statistics statistics, long seed, double[][] replicates,
                      int[] valid) {
        int sum = 0;
        for (int size : strata) {
            sum += size;
        }
        int units = sum;
        // raw[k][b]: statistic k on resample b, NaN included, in its fixed slot.
        double[][] raw = new double[count][resamples];
        if (parallelism == SEQUENTIAL) {
            drawBlock(strata, units, count, statistics, new SplittableRandom(seed), 0, resamples, raw);
        } else {
            int blocks = (resamples + BLOCK_RESAMPLES - 1) / BLOCK_RESAMPLES;
            SplittableRandom root = new SplittableRandom(seed);
            // Every stream is split off in block order before any block runs, so streams do not depend on threads.
            SplittableRandom[] streams = new SplittableRandom[blocks];
            for (int k = 0; k < blocks; k++) {
                streams[k] = root.split();
            }
            runBlocks(blocks, k -> drawBlock(strata, units, count, statistics, streams[k], k * BLOCK_RESAMPLES,
                    Math.min(resamples, (k + 1) * BLOCK_RESAMPLES), raw));
        }
        for (int k = 0; k < count; k++) {
            double[] out = new double[resamples];
            int n = 0;
            for (double v : raw[k]) {
                if (Double.isFinite(v)) {
                    out[n++] = v;
                }
            }
            replicates[k] = out;
            valid[k] = n;
        }
    }

    /** One block's work: resamples [from, to) drawn from its own stream. */
    @FunctionalInterface
    private interface BlockTask {
        void run(int block);
    }

    private void runBlocks(int blocks, BlockTask task) {
        int threads = Math.min(parallelism, blocks);
        if (threads <= 1) {
            for (int k = 0; k < blocks; k++) {
                task.run(k);
            }
            return;
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        // failures[k]: what block k threw; the lowest block's failure is rethrown as it is, whatever the schedule.
        Throwable[] failures = new Throwable[blocks];
        try {
            List<Callable<Void>> calls = new ArrayList<>(blocks);
            for (int k = 0; k < blocks; k++) {
                int block = k;
                calls.add(() -> {
                    try {
                        task.run(block);
                    } catch (RuntimeException | Error e) {
                        failures[block] = e;
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(calls)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while bootstrapping", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("bootstrap block failed", e.getCause());
        } finally {
            pool.shutdown();
        }
        for (Throwable failure : failures) {
            if (failure instanceof RuntimeException re) {
                throw re;
            }
            if (failure instanceof Error err) {
                throw err;
            }
        }
    }

    private static void drawBlock(int[] strata, int units, int count, Statistics statistics, SplittableRandom random,
                                  int from, int to, double[][] raw) {
        int[] sample = new int[units];
        double[] values = new double[count];
        long[] reciprocals = new long[strata.length];
        for (int j = 0; j < strata.length; j++) {
            reciprocals[j] = reciprocal(strata[j]);
        }
        boolean replay = REPLAYS_STREAM;
        long gamma = 0;
        long state = 0;
        if (replay) {
            // The stream's next two states, recovered from two outputs; the draws below replay it from the first.
            long first = unmix64(random.nextLong());
            gamma = unmix64(random.nextLong()) - first;
            state = first - gamma;
        }
        for (int b = from; b < to; b++) {
            for (int j = 0, offset = 0, i = 0; j < strata.length; offset += strata[j], j++) {
                int size = strata[j];
                long reciprocal = reciprocals[j];
                if (!replay) {
                    for (int r = 0; r < size; r++) {
                        sample[i++] = offset + nextIndex(random, size, reciprocal);
                    }
                } else if (reciprocal == 0) {
                    int mask = size - 1;
                    for (int r = 0; r < size; r++) {
                        state += gamma;
                        sample[i++] = offset + (mix32(state) & mask);
                    }
                } else {
                    // nextIndex with the stream's state in a local: the same draws without a memory round trip.
                    int m = size - 1;
                    for (int r = 0; r < size; r++) {
                        state += gamma;
                        int u = mix32(state) >>> 1;
                        int rem = remainder(u, size, reciprocal);
                        if (u + m - rem < 0) {
                            // Rare (probability below size/2³¹): the rejection loop, kept out of the hot loop.
                            state = accepted(state, gamma, size, reciprocal);
                            rem = remainder(mix32(state) >>> 1, size, reciprocal);
                        }
                        sample[i++] = offset + rem;
                    }
                }
            }
            statistics.of(sample, values);
            for (int k = 0; k < count; k++) {
                raw[k][b] = values[k];
            }
        }
    }

    /*
     * Replaying a SplittableRandom in local variables. Its outputs are nextLong() = mix64(state += gamma) and
     * nextInt() = mix32(state += gamma), SplitMix (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number
     * generators", OOPSLA); mix64 is a bijection, so two nextLong() outputs give two successive states and their
     * difference gamma, from which every later nextInt() follows. The check at class initialisation compares the
     * replay with the JDK's own draws (raw and bounded, on a fresh and on a split stream); on a JDK where they differ
     * the draws go through the SplittableRandom object instead, so the results never depend on this shortcut.
     */
    private static final long MIX64_M1 = 0xbf58476d1ce4e5b9L;
    private static final long MIX64_M2 = 0x94d049bb133111ebL;
    private static final long MIX64_M1_INVERSE = inverse(MIX64_M1);
    private static final long MIX64_M2_INVERSE = inverse(MIX64_M2);
    private static final boolean REPLAYS_STREAM = replayMatchesJdk();

    /** Draws on from a rejected state until a candidate is accepted; returns that state. */
    private static long accepted(long state, long gamma, int bound, long reciprocal) {
        int m = bound - 1;
        long next = state;
        int u;
        do {
            next += gamma;
            u = mix32(next) >>> 1;
        } while (u + m - remainder(u, bound, reciprocal) < 0);
        return next;
    }

    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }

    /** The inverse of mix64(z) = h(h(h(z, 30)·M1, 27)·M2, 31) with h(z, k) = z ^ (z >>> k). */
    private static long unmix64(long z) {
        z = unxorShift(z, 31) * MIX64_M2_INVERSE;
        z = unxorShift(z, 27) * MIX64_M1_INVERSE;
        return unxorShift(z, 30);
    }

    private static long unxorShift(long x, int shift) {
        long y = x;
        // Each round fixes another `shift` high bits.
        for (int fixed = shift; fixed < Long.SIZE; fixed += shift) {
            y = x ^ (y >>> shift);
        }
        return y;
    }

    /** The inverse of an odd number modulo 2⁶⁴ by Newton's iteration (each round doubles the correct bits). */
    private static long inverse(long odd) {
        long x = odd;
        for (int i = 0; i < 5; i++) {
            x *= 2 - odd * x;
        }
        return x;
    }

    private static boolean replayMatchesJdk() {
        for (long seed : new long[] {0L, 1L, -7L, 0x5DEECE66DL}) {
            if (!replays(new SplittableRandom(seed), new SplittableRandom(seed))
                    || !replays(new SplittableRandom(seed).split(), new SplittableRandom(seed).split())) {
                return false;
            }
            SplittableRandom replayed = new SplittableRandom(seed);
            SplittableRandom jdk = new SplittableRandom(seed);
            for (int bound : new int[] {3, 1000, 1024, 1 << 30, (1 << 30) + 1, Integer.MAX_VALUE}) {
                if (nextIndex(replayed, bound, reciprocal(bound)) != jdk.nextInt(bound)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean replays(SplittableRandom replayed, SplittableRandom jdk) {
        long first = unmix64(replayed.nextLong());
        long gamma = unmix64(replayed.nextLong()) - first;
        long state = first - gamma;
        for (int i = 0; i < 64; i++) {
            state += gamma;
            if (mix32(state) != jdk.nextInt()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns {@code ⌈2⁶⁴/d⌉} as an unsigned 64-bit value (Lemire, Kaser &amp; Kurz 2019, "Faster remainder by direct
     * computation", <i>Software: Practice and Experience</i> 49:953–970), or 0 for a power of two, which needs no
     * remainder.
     */
    private static long reciprocal(int bound) {
        return (bound & (bound - 1)) == 0 ? 0 : Long.divideUnsigned(-1L, bound) + 1;
    }

    /**
     * Returns exactly {@code random.nextInt(bound)}, drawing the same values from the stream: the JDK's bounded draw
     * (a power of two masks one {@code nextInt()}; otherwise {@code u = nextInt() >>> 1}, rejected while
     * {@code u + bound − 1 − u % bound} overflows), with the remainder computed as
     * {@code ((c·u mod 2⁶⁴)·bound) >> 64} from the precomputed {@code c = }{@link #reciprocal} instead of a division,
     * which is exact for 31-bit u and bound (Lemire et al. 2019) and several times cheaper. Draws dominate a
     * resample's cost.
     */
    private static int nextIndex(SplittableRandom random, int bound, long reciprocal) {
        int m = bound - 1;
        int r = random.nextInt();
        if (reciprocal == 0) {
            return r & m;
        }
        for (int u = r >>> 1; u + m - (r = remainder(u, bound, reciprocal)) < 0; u = random.nextInt() >>> 1) {
            // Rejected: an over-represented candidate; draw again as the JDK does.
        }
        return r;
    }

    private static int remainder(int u, int bound, long reciprocal) {
        long low = reciprocal * u;
        // Unsigned high half of the 128-bit product low · bound (bound > 0).
        return (int) (Math.multiplyHigh(low, bound) + ((low >> 63) & bound));
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

    /**
     * leaveOneOut[k][i]: statistic k with unit i left out; NaN everywhere when there is only one unit. With the
     * block scheme on several threads the units are cut into blocks of {@value #BLOCK_RESAMPLES} computed in
     * parallel; each value depends on its unit alone, so the result is the same on any number of threads.
     */
    private double[][] jackknife(int units, int count, Statistics statistics) {
        double[][] out = new double[count][units];
        if (units < 2) {
            for (double[] row : out) {
                Arrays.fill(row, Double.NaN);
            }
            return out;
        }
        if (parallelism == SEQUENTIAL) {
            leaveOut(units, count, statistics, 0, units, out);
        } else {
            int blocks = (units + BLOCK_RESAMPLES - 1) / BLOCK_RESAMPLES;
            runBlocks(blocks, k -> leaveOut(units, count, statistics, k * BLOCK_RESAMPLES,
                    Math.min(units, (k + 1) * BLOCK_RESAMPLES), out));
        }
        return out;
    }

    /** The leave-one-out statistics of units [from, to); each call has its own sample and output arrays. */
    private static void leaveOut(int units, int count, Statistics statistics, int from, int to, double[][] out) {
        int[] sample = new int[units - 1];
        // Units below the one left out keep their slots, those above move down one: start from "leave out from".
        for (int i = 0; i < from; i++) {
            sample[i] = i;
        }
        for (int i = from + 1; i < units; i++) {
            sample[i - 1] = i;
        }
        double[] values = new double[count];
        for (int left = from; left < to; left++) {
            if (left > from) {
                // Moving from leaving out left − 1 to leaving out left: unit left − 1 returns to slot left − 1.
                sample[left - 1] = left - 1;
            }
            statistics.of(sample, values);
            for (int k = 0; k < count; k++) {
                out[k][left] = values[k];
            }
        }
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
