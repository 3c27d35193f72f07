package dev.partnership.jmh;

import dev.partnership.SignalKind;
import dev.partnership.metrics.trust.IncrementalBetaReputation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of feeding one engagement signal to {@link IncrementalBetaReputation#add(long, int, int, SignalKind, double)},
 * the per-event path of an LMS plugin, with the default half-life of {@code beta-reputation} (365 days), for 50
 * and 5,000 partners. Target:
 * at most 50 ns and no allocation per signal.
 *
 * <p>Workload ({@link Ring}): {@value #RING_SIZE} signals generated once from a fixed seed into primitive arrays and
 * replayed in a ring, so the measurement reads arrays and does nothing else. Each partner deals with
 * {@value Ring#NEIGHBOURS} others (a sparse network, as partnerships are), one signal in five is toward the whole
 * partnership, kinds are uniform over {@link SignalKind}, values 1 except {@code RESOURCE_SHARED} (1 to 1,000) and
 * {@code FEEDBACK} (uniform in [−1, 1]). Times advance 0 to 2 minutes per signal, one in twenty arrives up to a week
 * late (out of order), and each pass of the ring is shifted later by the ring's span so time keeps moving forward
 * (rebases happen as in a long-running process). The accumulator is fed the whole ring once in setup so its pair
 * table has reached its final size. {@code halfLifeDays} is a parameter so that {@code -p halfLifeDays=0} (decay off)
 * shows what the one {@link Math#exp} per signal costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class IncrementalUpdateBenchmark {
    /** Signals in the pre-generated ring. */
    public static final int RING_SIZE = 1 << 20;
    /** Signals added per benchmark invocation (JMH divides the time by it). */
    public static final int BATCH = 1024;

    private static final long SEED = 42L;
    private static final SignalKind[] KINDS = SignalKind.values();

    /** Number of partners. */
    @Param({"50", "5000"})
    public int partners;

    /** Half-life in days; 0 turns decay off and shows what {@link Math#exp} costs. */
    @Param({"365"})
    public double halfLifeDays;

    private Ring ring;
    private IncrementalBetaReputation accumulator;
    private int cursor;
    private long offset;

    /** Generates the ring and warms the accumulator's table, outside the measurement. */
    @Setup(Level.Trial)
    public void setUp() {
        ring = Ring.generate(partners, RING_SIZE, SEED);
        List<String> ids = new ArrayList<>(partners);
        for (int p = 0; p < partners; p++) {
            ids.add("p" + p);
        }
        accumulator = new IncrementalBetaReputation(ids, halfLifeDays);
        cursor = 0;
        offset = 0;
        addBatches(RING_SIZE / BATCH);
    }

    /** Adds the next {@value #BATCH} signals of the ring. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void add() {
        long[] times = ring.times;
        int[] sources = ring.sources;
        int[] targets = ring.targets;
        byte[] kinds = ring.kinds;
        double[] values = ring.values;
        IncrementalBetaReputation acc = accumulator;
        int i = cursor;
        for (int k = 0; k < BATCH; k++) {
            acc.add(times[i] + offset, sources[i], targets[i], KINDS[kinds[i]], values[i]);
            if (++i == times.length) {
                i = 0;
                offset += ring.span;
            }
        }
        cursor = i;
    }

    /** Runs {@link #add()} the given number of times; for setup and tests. */
    void addBatches(int batches) {
        for (int b = 0; b < batches; b++) {
            add();
        }
    }

    /** Returns the accumulator; for tests. */
    IncrementalBetaReputation accumulator() {
        return accumulator;
    }

    /**
     * The seeded signals in primitive columns, as described in the class javadoc. Immutable after
     * {@link #generate}.
     */
    static final class Ring {
        /** Partners each partner deals with. */
        static final int NEIGHBOURS = 8;
        /** When the first signal happens. */
        static final long START = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

        final long[] times;
        final int[] sources;
        final int[] targets;
        final byte[] kinds;
        final double[] values;
        /** How much later each pass of the ring is replayed: last time − first time + 1 minute. */
        final long span;

        private Ring(int size) {
            times = new long[size];
            sources = new int[size];
            targets = new int[size];
            kinds = new byte[size];
            values = new double[size];
            span = 0;
        }

        private Ring(Ring columns, long span) {
            times = columns.times;
            sources = columns.sources;
            targets = columns.targets;
            kinds = columns.kinds;
            values = columns.values;
            this.span = span;
        }

        /**
         * Generates the ring. O(size).
         *
         * @param partners number of partners, at least 2
         * @param size     number of signals
         * @param seed     random seed; the same arguments give the same ring
         * @return the ring
         */
        static Ring generate(int partners, int size, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            int neighbours = Math.min(NEIGHBOURS, partners - 1);
            // neighbour[p][j]: the partners p deals with, distinct and never p.
            int[][] neighbour = new int[partners][neighbours];
            for (int p = 0; p < partners; p++) {
                for (int j = 0; j < neighbours; j++) {
                    neighbour[p][j] = (p + 1 + j * Math.max(1, (partners - 1) / neighbours)) % partners;
                }
            }
            Ring r = new Ring(size);
            long t = START;
            long last = START;
            for (int i = 0; i < size; i++) {
                t += random.nextLong(120_000);
                long at = random.nextInt(20) == 0 ? t - random.nextLong(7 * 86_400_000L) : t;
                r.times[i] = at;
                last = Math.max(last, at);
                int source = random.nextInt(partners);
                r.sources[i] = source;
                r.targets[i] = random.nextInt(5) == 0 ? IncrementalBetaReputation.NO_TARGET
                        : neighbour[source][random.nextInt(neighbours)];
                SignalKind kind = KINDS[random.nextInt(KINDS.length)];
                r.kinds[i] = (byte) kind.ordinal();
                r.values[i] = switch (kind) {
                    case RESOURCE_SHARED -> 1 + random.nextInt(1000);
                    case FEEDBACK -> random.nextDouble() * 2 - 1;
                    default -> 1;
                };
            }
            return new Ring(r, last - Math.min(START, min(r.times)) + 60_000);
        }

        private static long min(long[] values) {
            long m = Long.MAX_VALUE;
            for (long v : values) {
                m = Math.min(m, v);
            }
            return m;
        }
    }
}
