package dev.partnership.jmh;

import dev.partnership.metrics.network.EigenTrust;
import dev.partnership.metrics.network.EigenTrustMatrix;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.graph.DefaultWeightedEdge;
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
 * {@code eigentrust}'s algorithm ({@link EigenTrust}, uniform pre-trust, a = 0.15) against JGraphT's
 * {@link PageRank} (damping factor 0.85) in the same run, on the same seeded random directed graph of 100,000 nodes
 * and 1,000,000 positively weighted edges ({@link EigenTrustWorkload}).
 *
 * <p>{@code implementation}: {@code eigentrust} builds the CSR matrix from the edge arrays and iterates;
 * {@code jgrapht-pagerank} builds a {@code DefaultDirectedWeightedGraph} from the same arrays and runs PageRank. Each
 * side's setup is in the measured time. For a view of the iteration alone, {@code eigentrust-prebuilt} iterates on a
 * matrix built in {@link #setUp()} and {@code jgrapht-pagerank-prebuilt} runs PageRank on a graph built there (its
 * own index of the graph is still built in every call, as PageRank always does).
 *
 * <p><b>Stopping alike.</b> The two stop on different norms: EigenTrust when the L1 change is at most the tolerance,
 * JGraphT when the largest single change is below it. Both get {@value #MAX_ITERATIONS} iterations and tolerance
 * {@value #TOLERANCE}, which neither rule reaches within {@value #MAX_ITERATIONS} iterations on this graph, so both
 * run exactly {@value #MAX_ITERATIONS} iterations (the L1 change is then about 2e-11, well converged);
 * {@link #setUp()} checks it and fails the trial otherwise.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class EigenTrustBenchmark {
    /** Iterations on both sides. */
    public static final int MAX_ITERATIONS = 20;
    /** Tolerance on both sides, below what either stopping rule reaches in {@value #MAX_ITERATIONS} iterations. */
    public static final double TOLERANCE = 1e-16;
    /** EigenTrust's damping a. */
    public static final double DAMPING = 0.15;
    /** JGraphT's damping factor, {@code 1 − a}. */
    public static final double PAGE_RANK_DAMPING_FACTOR = 1 - DAMPING;

    /** Which implementation to measure. */
    @Param({"eigentrust", "jgrapht-pagerank", "eigentrust-prebuilt", "jgrapht-pagerank-prebuilt"})
    public String implementation;

    /** Number of nodes. */
    @Param({"100000"})
    public int nodes;

    /** Number of edges. */
    @Param({"1000000"})
    public int edges;

    private static final long SEED = 42L;

    private EigenTrustWorkload workload;
    private EigenTrustMatrix matrix;
    private double[] uniform;
    private EigenTrust algorithm;
    private Graph<Integer, DefaultWeightedEdge> graph;

    /** Builds the graph from the fixed seed, and the prebuilt inputs, outside the measurement. */
    @Setup(Level.Trial)
    public void setUp() {
        workload = EigenTrustWorkload.random(nodes, edges, SEED);
        algorithm = new EigenTrust(DAMPING, TOLERANCE, MAX_ITERATIONS);
        if (implementation.startsWith("eigentrust")) {
            matrix = workload.matrix();
            uniform = EigenTrust.uniform(nodes);
            EigenTrust.Result r = algorithm.compute(matrix, uniform);
            if (r.iterations() != MAX_ITERATIONS || r.converged()) {
                throw new IllegalStateException("EigenTrust stopped early: " + r);
            }
        } else {
            graph = workload.jgraphtGraph();
            double[] last = pageRank(MAX_ITERATIONS);
            if (Arrays.equals(last, pageRank(MAX_ITERATIONS - 1))) {
                throw new IllegalStateException("JGraphT PageRank stopped before " + MAX_ITERATIONS + " iterations");
            }
        }
        if (!implementation.endsWith("-prebuilt")) {
            // Only the prebuilt variants read these; a graph kept alive would burden the garbage collector of the
            // variants that build their own.
            matrix = null;
            uniform = null;
            graph = null;
        }
    }

    private double[] pageRank(int iterations) {
        return workload.vector(new PageRank<>(graph, PAGE_RANK_DAMPING_FACTOR, iterations, TOLERANCE).getScores());
    }

    /**
     * Scores the graph once with the selected implementation.
     *
     * @return the scores, consumed by JMH
     */
    @Benchmark
    public Object score() {
        switch (implementation) {
            case "eigentrust":
                return workload.eigenTrust(DAMPING, TOLERANCE, MAX_ITERATIONS);
            case "jgrapht-pagerank":
                return workload.pageRank(PAGE_RANK_DAMPING_FACTOR, MAX_ITERATIONS, TOLERANCE);
            case "eigentrust-prebuilt":
                return algorithm.compute(matrix, uniform);
            case "jgrapht-pagerank-prebuilt":
                return new PageRank<>(graph, PAGE_RANK_DAMPING_FACTOR, MAX_ITERATIONS, TOLERANCE).getScores();
            default:
                throw new IllegalArgumentException("unknown implementation " + implementation);
        }
    }
}
