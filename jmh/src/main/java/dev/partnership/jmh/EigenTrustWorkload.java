package dev.partnership.jmh;

import dev.partnership.metrics.network.EigenTrust;
import dev.partnership.metrics.network.EigenTrustMatrix;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * A seeded random directed graph with positive edge weights for {@link EigenTrustBenchmark}, and the two ways of
 * scoring it that the benchmark compares: {@link EigenTrust} with uniform pre-trust, and JGraphT's
 * {@link PageRank} on a {@link DefaultDirectedWeightedGraph} built from the same edge list.
 *
 * <p><b>Graph.</b> {@code edges} distinct directed edges without loops, each weighted uniformly in [1, 10) (say, an
 * amount of positive evidence). One node in twenty sends no edge at all, so that the dangling-node rule is
 * exercised (EigenTrust's zero-row rule, JGraphT's uniform spreading of dangling mass). The edge list is shuffled,
 * so neither side gets its input sorted. The same arguments always give the same graph. Cost O(m log m).
 *
 * <p><b>Why the two agree.</b> With uniform pre-trust {@code p = 1/n}, EigenTrust's step
 * {@code t' = (1 − a) Cᵀ t + a p} (zero rows replaced by p) is JGraphT's weighted PageRank step with damping factor
 * {@code d = 1 − a}: JGraphT adds {@code d · t_w · w_wv / Σ w_w·} along each edge and spreads
 * {@code (1 − d) · t_w} of every node and all of {@code t_w} of a dangling node uniformly. Both start from the uniform
 * vector, so after the same number of iterations the vectors are equal up to rounding.
 *
 * <p>Immutable after construction; the arrays are not exposed. Thread-safe.
 */
public final class EigenTrustWorkload {
    /** One node in this many sends no edge. */
    static final int DANGLING_EVERY = 20;

    private final int nodes;
    private final int[] from;
    private final int[] to;
    private final double[] weight;

    private EigenTrustWorkload(int nodes, int[] from, int[] to, double[] weight) {
        this.nodes = nodes;
        this.from = from;
        this.to = to;
        this.weight = weight;
    }

    /**
     * Builds the graph. Cost O(m log m).
     *
     * @param nodes number of nodes, at least {@value #DANGLING_EVERY}
     * @param edges number of distinct edges, at most a quarter of the possible ones
     * @param seed  random seed
     * @return the workload
     * @throws IllegalArgumentException when the graph would be too dense to draw by rejection
     */
    public static EigenTrustWorkload random(int nodes, int edges, long seed) {
        if (nodes < DANGLING_EVERY || edges < 0 || edges > (long) nodes * (nodes - 1) / 4) {
            throw new IllegalArgumentException("need at least 20 nodes and at most n(n-1)/4 edges, was " + nodes
                    + " nodes and " + edges + " edges");
        }
        SplittableRandom random = new SplittableRandom(seed);
        // Draw (from, to) pairs as longs, drop repeats, top up until there are enough.
        long[] keys = new long[0];
        int have = 0;
        while (have < edges) {
            long[] more = Arrays.copyOf(keys, edges);
            for (int k = have; k < edges; k++) {
                int i;
                do {
                    i = random.nextInt(nodes);
                } while (i % DANGLING_EVERY == 0);
                int j = random.nextInt(nodes - 1);
                more[k] = (long) i * nodes + (j >= i ? j + 1 : j);
            }
            Arrays.sort(more);
            int unique = 0;
            for (int k = 0; k < more.length; k++) {
                if (k == 0 || more[k] != more[k - 1]) {
                    more[unique++] = more[k];
                }
            }
            keys = Arrays.copyOf(more, unique);
            have = unique;
        }
        for (int k = edges - 1; k > 0; k--) {
            int r = random.nextInt(k + 1);
            long swap = keys[k];
            keys[k] = keys[r];
            keys[r] = swap;
        }
        int[] from = new int[edges];
        int[] to = new int[edges];
        double[] weight = new double[edges];
        for (int k = 0; k < edges; k++) {
            from[k] = (int) (keys[k] / nodes);
            to[k] = (int) (keys[k] % nodes);
            weight[k] = 1 + 9 * random.nextDouble();
        }
        return new EigenTrustWorkload(nodes, from, to, weight);
    }

    /**
     * Returns the number of nodes.
     *
     * @return n
     */
    public int nodes() {
        return nodes;
    }

    /**
     * Returns the number of edges.
     *
     * @return m
     */
    public int edges() {
        return from.length;
    }

    /**
     * Our side: EigenTrust with uniform pre-trust, from the edge arrays (building the CSR matrix included).
     *
     * @param damping       a
     * @param tolerance     tolerance on the L1 change
     * @param maxIterations iteration limit
     * @return global trust
     */
    public EigenTrust.Result eigenTrust(double damping, double tolerance, int maxIterations) {
        return EigenTrust.compute(nodes, from, to, weight, EigenTrust.uniform(nodes), damping, tolerance,
                maxIterations);
    }

    /**
     * Our side's input: the local trust matrix of the edge list.
     *
     * @return a new matrix
     */
    public EigenTrustMatrix matrix() {
        return EigenTrustMatrix.of(nodes, from, to, weight);
    }

    /**
     * The peer's input: a JGraphT directed weighted graph with vertices {@code 0 … n−1} and the same edges.
     *
     * @return a new graph
     */
    public Graph<Integer, DefaultWeightedEdge> jgraphtGraph() {
        Graph<Integer, DefaultWeightedEdge> g = new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        for (int v = 0; v < nodes; v++) {
            g.addVertex(v);
        }
        for (int k = 0; k < from.length; k++) {
            DefaultWeightedEdge e = g.addEdge(from[k], to[k]);
            g.setEdgeWeight(e, weight[k]);
        }
        return g;
    }

    /**
     * The peer's side: builds {@link #jgraphtGraph()} and runs JGraphT's PageRank on it.
     *
     * @param dampingFactor d = 1 − a
     * @param maxIterations iteration limit
     * @param tolerance     JGraphT stops when the largest change of one score is below this
     * @return the scores by vertex
     */
    public Map<Integer, Double> pageRank(double dampingFactor, int maxIterations, double tolerance) {
        return new PageRank<>(jgraphtGraph(), dampingFactor, maxIterations, tolerance).getScores();
    }

    /**
     * Returns PageRank scores as a vector indexed by vertex.
     *
     * @param scores the scores of {@link #pageRank}
     * @return {@code scores.get(v)} for v in {@code 0 … n−1}
     */
    public double[] vector(Map<Integer, Double> scores) {
        double[] out = new double[nodes];
        for (int v = 0; v < nodes; v++) {
            out[v] = scores.get(v);
        }
        return out;
    }
}
