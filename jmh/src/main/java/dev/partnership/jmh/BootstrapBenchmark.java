package dev.partnership.jmh;

import dev.partnership.metrics.stats.Bootstrap;
import dev.partnership.metrics.stats.EffectSizes;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The BCa bootstrap of Hedges' g that {@code effect-size} runs on unit-level values
 * ({@link EffectSizes#bootstrapHedgesG}, which calls {@link Bootstrap#stratifiedBca} with the two groups as strata):
 * 10,000 resamples of two seeded groups of 1,000 values, 95% BCa, against {@link NaiveBootstrap} in the same run.
 *
 * <p>{@code implementation}: {@code ours-1-thread} is the block scheme ({@link Bootstrap#withParallelism(int)
 * withParallelism(1)}) on the calling thread; {@code ours-2-threads} the same scheme on 2 threads, which gives
 * the same interval bit for bit ({@code NaiveBootstrapTest} checks it); {@code naive} the straightforward baseline
 * (boxed lists, a new Commons Math {@code DescriptiveStatistics} per resample and group), which draws the same
 * random stream as the library's sequential scheme.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class BootstrapBenchmark {
    /** Which implementation to measure. */
    @Param({"ours-1-thread", "ours-2-threads", "naive"})
    public String implementation;

    /** Values per group. */
    @Param({"1000"})
    public int units;

    /** Number of bootstrap resamples. */
    @Param({"10000"})
    public int resamples;

    /** Seed of the workload and of the bootstrap. */
    static final long SEED = 42L;
    /** Interval level. */
    static final double LEVEL = 0.95;

    private double[] group1;
    private double[] group2;
    private List<Double> boxed1;
    private List<Double> boxed2;
    private Bootstrap oneThread;
    private Bootstrap twoThreads;

    /** Draws the two groups and configures the bootstraps outside the measurement. */
    @Setup(Level.Trial)
    public void setUp() {
        group1 = group(units, 0.3, SEED);
        group2 = group(units, 0.0, SEED + 1);
        boxed1 = boxed(group1);
        boxed2 = boxed(group2);
        oneThread = new Bootstrap(resamples).withParallelism(1);
        twoThreads = new Bootstrap(resamples).withParallelism(2);
    }

    /**
     * Runs one bootstrap with the selected implementation.
     *
     * @return the result, consumed by JMH
     */
    @Benchmark
    public Object bootstrap() {
        switch (implementation) {
            case "ours-1-thread":
                return EffectSizes.bootstrapHedgesG(group1, group2, 1, oneThread, LEVEL, SEED);
            case "ours-2-threads":
                return EffectSizes.bootstrapHedgesG(group1, group2, 1, twoThreads, LEVEL, SEED);
            case "naive":
                return NaiveBootstrap.bcaHedgesG(boxed1, boxed2, resamples, LEVEL, SEED);
            default:
                throw new IllegalArgumentException("unknown implementation " + implementation);
        }
    }

    /**
     * Returns {@code size} seeded normal values with mean {@code mean} and SD 1 ({@link Random#nextGaussian()}).
     *
     * @param size number of values
     * @param mean their mean
     * @param seed the seed
     * @return the values
     */
    static double[] group(int size, double mean, long seed) {
        Random random = new Random(seed);
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = mean + random.nextGaussian();
        }
        return values;
    }

    /**
     * Returns the values as a boxed list, as the baseline takes them.
     *
     * @param values the values
     * @return a new list
     */
    static List<Double> boxed(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
    }
}
