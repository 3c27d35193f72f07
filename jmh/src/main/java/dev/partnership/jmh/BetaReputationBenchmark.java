package dev.partnership.jmh;

import dev.partnership.Partnership;
import dev.partnership.metrics.trust.BetaReputationProvider;
import dev.partnership.spi.EvidenceIndex;
import dev.partnership.spi.ScoringContext;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.StrategyParameters;
import java.time.Instant;
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
 * {@code beta-reputation} with half-life decay (365 days) over a seeded workload of 1,000,000 signals among 50
 * partners, against {@link NaiveBetaReputation} in the same run.
 *
 * <p>{@code implementation}: {@code columnar} scores a prebuilt {@link EvidenceIndex} (the index is built once per
 * evaluation and shared by every strategy); {@code columnar-with-index} also builds the index from the
 * partnership each time; {@code naive} is the baseline over signal objects; {@code memory-bound} is the practical
 * limit of the machine: one plain loop that only reads the columns the strategy reads ({@code at}, source, target,
 * kind and value of every signal, through the same {@link EvidenceIndex} accessors) and sums them, with no decay, no
 * scatter into pairs and no scores. The ratio {@code memory-bound / columnar} of their times is the share of that
 * limit the strategy reaches.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class BetaReputationBenchmark {
    /** Which implementation to measure. */
    @Param({"columnar", "columnar-with-index", "naive", "memory-bound"})
    public String implementation;

    /** Number of signals. */
    @Param({"1000000"})
    public int signals;

    /** Number of partners. */
    @Param({"50"})
    public int partners;

    private static final long SEED = 42L;
    private static final double LEVEL = 0.95;

    private Partnership partnership;
    private Instant asOf;
    private ScoringStrategy strategy;
    private ScoringContext context;
    private double halfLifeDays;

    /** Builds the workload, the index and the strategy outside the measurement. */
    @Setup(Level.Trial)
    public void setUp() {
        partnership = SignalWorkload.partnership(partners, signals, SEED);
        asOf = SignalWorkload.END;
        BetaReputationProvider provider = new BetaReputationProvider();
        StrategyParameters parameters = StrategyParameters.defaults(provider.id(), provider.parameters());
        halfLifeDays = parameters.number("halfLifeDays");
        strategy = provider.create(parameters);
        context = context(EvidenceIndex.of(partnership, asOf));
    }

    private ScoringContext context(EvidenceIndex index) {
        return new ScoringContext(partnership, index, asOf, LEVEL, SEED, 3);
    }

    /**
     * Scores once with the selected implementation.
     *
     * @return the result, consumed by JMH
     */
    @Benchmark
    public Object score() {
        switch (implementation) {
            case "columnar":
                return strategy.score(context);
            case "columnar-with-index":
                return strategy.score(context(EvidenceIndex.of(partnership, asOf)));
            case "naive":
                return NaiveBetaReputation.score(partnership.signals(), asOf, halfLifeDays, LEVEL);
            case "memory-bound":
                return readColumns(context.evidence());
            default:
                throw new IllegalArgumentException("unknown implementation " + implementation);
        }
    }

    /**
     * Reads every signal's time, source, target, kind and value from the index and sums each column, so that the JIT
     * must load them all; the reference for how fast one pass over the columns can be.
     *
     * @param index the prebuilt index
     * @return the five sums
     */
    private static long[] readColumns(EvidenceIndex index) {
        int n = index.signalCount();
        long at = 0;
        long source = 0;
        long target = 0;
        long kind = 0;
        double value = 0;
        for (int i = 0; i < n; i++) {
            at += index.signalAt(i);
            source += index.signalSource(i);
            target += index.signalTarget(i);
            kind += index.signalKindOrdinal(i);
            value += index.signalValue(i);
        }
        return new long[] {at, source, target, kind, Double.doubleToRawLongBits(value)};
    }
}
