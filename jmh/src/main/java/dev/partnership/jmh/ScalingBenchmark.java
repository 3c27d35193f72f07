package dev.partnership.jmh;

import dev.partnership.Evaluation;
import dev.partnership.Evaluator;
import dev.partnership.Partnership;
import dev.partnership.ScoreStatus;
import dev.partnership.metrics.network.EigenTrust;
import dev.partnership.metrics.trust.BetaReputation;
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
 * How cost grows with size: a whole evaluation against the number of signals, and EigenTrust against the number of
 * relationships (edges), each at 10⁵, 10⁶ and 10⁷. Target: each 10× more input costs at most 12× more time.
 * {@link ScalingPlot} turns the JSON result ({@code -rf json}) into a log-log plot.
 *
 * <p><b>{@link #evaluate}</b> ({@link Signals}, {@code @Param signals}): {@link Evaluator#evaluate} of
 * {@link SignalWorkload#partnership}{@code (50, signals, 42)} as of {@link SignalWorkload#END}, with the default
 * evaluator (every strategy discovered on the class path, default configuration). The measured time includes
 * building the {@code EvidenceIndex}, every strategy and the summaries; building the {@code Partnership} is setup.
 * The workload has partners and signals only (no goals, priorities, ratings or measurements), so the signal-based
 * strategies do the work and the others report insufficient evidence at once, a cost that does not grow with the
 * signals.
 *
 * <p><b>{@link #eigenTrust}</b> ({@link Graph}, {@code @Param edges}): {@link EigenTrust} with uniform pre-trust and
 * a = 0.15 on {@link EigenTrustWorkload#random}{@code (100_000, edges, 42)}: building the CSR matrix from the edge
 * arrays, then exactly {@value EigenTrustBenchmark#MAX_ITERATIONS} iterations (tolerance
 * {@value EigenTrustBenchmark#TOLERANCE}, which no graph here reaches), so every size does the same number of
 * iterations and the time measures the cost of one pass over the relationships, not how fast a particular graph
 * converges. Nodes stay at {@value #NODES} so that only the relationships grow; the 10⁶ point is then the same
 * graph as {@link EigenTrustBenchmark}'s, which cross-checks the two runs. The cost is O(iterations · (n + m)): at
 * 10⁵ edges the per-node work is as large as the per-edge work, so from 10⁵ to 10⁶ the time grows by less than 10×.
 *
 * <p>Average time per operation over five 2-second iterations after two warm-up iterations; an evaluation of 10⁷
 * signals outlasts an iteration, so each iteration is one operation there. Each size runs in its own fork with a
 * 12 GiB heap (10⁷ signal objects with their strings and the index take about 4 GiB). {@link Signals#setUp()} and
 * {@link Graph#setUp()} each run the measured operation once and check its result, so a mis-configured run fails
 * instead of timing nothing.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms12g", "-Xmx12g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScalingBenchmark {
    /** Partners in the evaluation workload. */
    public static final int PARTNERS = 50;
    /** Nodes of the EigenTrust graph, whatever the number of edges. */
    public static final int NODES = 100_000;

    private static final long SEED = 42L;

    /** The evaluation workload of one size, built once per trial. */
    @State(Scope.Benchmark)
    public static class Signals {
        /** Number of signals. */
        @Param({"100000", "1000000", "10000000"})
        public int signals;

        Partnership partnership;
        Evaluator evaluator;

        /** Builds the partnership and the default evaluator, and checks that an evaluation scores the signals. */
        @Setup(Level.Trial)
        public void setUp() {
            partnership = SignalWorkload.partnership(PARTNERS, signals, SEED);
            evaluator = Evaluator.builder().build();
            Evaluation check = evaluator.evaluate(partnership, SignalWorkload.END);
            boolean scored = check.scores().stream().anyMatch(s -> s.strategy().equals(BetaReputation.ID)
                    && s.status() == ScoreStatus.OK);
            if (!scored) {
                throw new IllegalStateException("no beta-reputation score: strategies not discovered? "
                        + evaluator.strategies());
            }
        }
    }

    /** The EigenTrust graph of one size, built once per trial. */
    @State(Scope.Benchmark)
    public static class Graph {
        /** Number of edges (relationships). */
        @Param({"100000", "1000000", "10000000"})
        public int edges;

        EigenTrustWorkload workload;

        /** Builds the graph and checks that EigenTrust runs the full iteration count on it. */
        @Setup(Level.Trial)
        public void setUp() {
            workload = EigenTrustWorkload.random(NODES, edges, SEED);
            EigenTrust.Result r = score(workload);
            if (r.iterations() != EigenTrustBenchmark.MAX_ITERATIONS || r.converged()) {
                throw new IllegalStateException("EigenTrust stopped early: " + r);
            }
        }
    }

    static EigenTrust.Result score(EigenTrustWorkload workload) {
        return workload.eigenTrust(EigenTrustBenchmark.DAMPING, EigenTrustBenchmark.TOLERANCE,
                EigenTrustBenchmark.MAX_ITERATIONS);
    }

    /**
     * Evaluates the partnership once, index included.
     *
     * @param state the workload
     * @return the evaluation, consumed by JMH
     */
    @Benchmark
    public Evaluation evaluate(Signals state) {
        return state.evaluator.evaluate(state.partnership, SignalWorkload.END);
    }

    /**
     * Computes global trust once, matrix building included.
     *
     * @param state the graph
     * @return the result, consumed by JMH
     */
    @Benchmark
    public EigenTrust.Result eigenTrust(Graph state) {
        return score(state.workload);
    }
}
