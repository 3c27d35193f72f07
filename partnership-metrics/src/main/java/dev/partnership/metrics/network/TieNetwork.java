package dev.partnership.metrics.network;

import java.util.Locale;

/**
 * A directed network of ties without loops or multiple ties, and its structural measures: density, Freeman degree
 * centralization and reciprocity. Usable on its own, without the scoring SPI.
 *
 * <p>Nodes are {@code 0 … n−1}. A tie {@code i → j} says that i is tied to j (for partners: i acted toward j or
 * rated j). The <i>symmetrised</i> (undirected) network has an edge {i, j} when a tie runs either way.
 *
 * <p><b>Measures</b> (Freeman, L. C. (1978), "Centrality in social networks: conceptual clarification",
 * <i>Social Networks</i> 1(3), 215–239; normalisers as in igraph's {@code centralization.c},
 * {@code igraph_centralization_degree_tmax} without loops). With L directed ties and E symmetrised edges:
 * <ul>
 *   <li>{@link #density()} = L / (n(n − 1)); {@link #undirectedDensity()} = E / (n(n − 1)/2).</li>
 *   <li>{@link #centralization(Mode)} = Σᵢ (max_j d_j − dᵢ) / T with the degree d and the largest possible sum T of
 *       the mode: {@link Mode#IN} and {@link Mode#OUT} T = (n − 1)², {@link Mode#TOTAL} (in + out) T =
 *       2(n − 1)(n − 2), {@link Mode#UNDIRECTED} (symmetrised degree) T = (n − 1)(n − 2). Each is 1 for the
 *       network that maximises it (a star of the matching kind) and 0 when all degrees are equal.</li>
 *   <li>{@link #edgeReciprocity()}: the share of directed ties whose reverse tie exists (igraph's
 *       {@code "default"} reciprocity); {@link #dyadReciprocity()}: mutual dyads / connected dyads (igraph's
 *       {@code "ratio"}).</li>
 * </ul>
 * Worked values: an undirected star on 5 nodes has density 0.4 and undirected centralization 1; a path on 5 nodes
 * 0.1666666667; the complete K5 0; a directed out-star on 5 nodes has density 0.2, out-centralization 1,
 * in-centralization 0.0625 and reciprocity 0. A measure whose normaliser is 0 (density for n &lt; 2,
 * in- and out-centralization for n &lt; 2, total and undirected centralization for n &lt; 3) or that has nothing to count (reciprocity without ties) is {@code NaN}.
 *
 * <p><b>Node resampling.</b> {@link #resampledDensity(int[])} and {@link #resampledEdgeReciprocity(int[])} compute
 * the measure on the network induced by a sample of nodes drawn with replacement, as in the node bootstrap of
 * Snijders, T. A. B. and Borgatti, S. P. (1999), "Non-parametric standard errors and tests for network statistics",
 * <i>Connections</i> 22(2), 161–170: every copy of a node is a node of its own and copies of two distinct nodes are
 * tied as the originals are. A pair of copies of the same node has no observed tie to copy (the original network has
 * no loops), so it is treated as missing: it counts neither as a tie nor as a possible tie. Counting such pairs as
 * absent ties instead would pull every resampled density down by a factor of about (1 − 1/n), and the interval
 * with it, away from the observed density.
 *
 * <p><b>Cost.</b> Building is O(n² + L) time and O(n² / 8 + L) memory (a bit matrix and the tie list), done once;
 * every measure afterwards is O(n) or O(1) (degrees, counts and the tie list are precomputed), and a resampled
 * measure is O(n + L). Immutable and thread-safe.
 */
public final class TieNetwork {

    /** Which degree a centralization is computed on. */
    public enum Mode {
        /** In-degree: ties received; normaliser (n − 1)². */
        IN,
        /** Out-degree: ties sent; normaliser (n − 1)². */
        OUT,
        /** Total degree, in + out, on the directed network; normaliser 2(n − 1)(n − 2). */
        TOTAL,
        /** Degree in the symmetrised network (neighbours either way); normaliser (n − 1)(n − 2). */
        UNDIRECTED
    }

    private final int nodes;
    /** Row-major bit matrix: bit i·n + j is set when the tie i → j exists. */
    private final long[] adjacency;
    private final int[] tieFrom;
    private final int[] tieTo;
    /** Whether each tie in the list has its reverse. */
    private final boolean[] tieMutual;
    private final int[] inDegree;
    private final int[] outDegree;
    private final int[] undirectedDegree;
    private final int mutualDyads;
    private final int asymmetricDyads;

    private TieNetwork(int nodes, long[] adjacency) {
        this.nodes = nodes;
        this.adjacency = adjacency;
        inDegree = new int[nodes];
        outDegree = new int[nodes];
        undirectedDegree = new int[nodes];
        int ties = 0;
        for (long word : adjacency) {
            ties += Long.bitCount(word);
        }
        tieFrom = new int[ties];
        tieTo = new int[ties];
        tieMutual = new boolean[ties];
        int k = 0;
        int mutual = 0;
        int asymmetric = 0;
        // Row by row, column by column: the tie list is in (from, to) order whatever order the ties were given in.
        for (int i = 0; i < nodes; i++) {
            for (int j = 0; j < nodes; j++) {
                boolean forward = bit(adjacency, nodes, i, j);
                boolean backward = bit(adjacency, nodes, j, i);
                if (forward) {
                    tieFrom[k] = i;
                    tieTo[k] = j;
                    tieMutual[k] = backward;
                    k++;
                    outDegree[i]++;
                    inDegree[j]++;
                }
                if (forward || backward) {
                    undirectedDegree[i]++;
                    if (i < j) {
                        if (forward && backward) {
                            mutual++;
                        } else {
                            asymmetric++;
                        }
                    }
                }
            }
        }
        mutualDyads = mutual;
        asymmetricDyads = asymmetric;
    }

    private static boolean bit(long[] matrix, int n, int i, int j) {
        long index = (long) i * n + j;
        return (matrix[(int) (index >>> 6)] & (1L << index)) != 0;
    }

    private static long[] emptyMatrix(int nodes) {
        if (nodes < 0) {
            throw new IllegalArgumentException("node count must be >= 0, was " + nodes);
        }
        long cells = (long) nodes * nodes;
        if (cells > (long) Integer.MAX_VALUE * 64 - 64) {
            throw new IllegalArgumentException("too many nodes for a tie matrix: " + nodes);
        }
        return new long[(int) ((cells + 63) >>> 6)];
    }

    /**
     * Builds a network from a list of directed ties {@code from[k] → to[k]}. Repeated ties count once. Cost
     * O(n² + L).
     *
     * @param nodes node count n, at least 0
     * @param from  tie sources, each in [0, n)
     * @param to    tie targets, each in [0, n), of the same length as {@code from}
     * @return the network
     * @throws IllegalArgumentException when the arrays differ in length, a node is out of range or a tie is a loop
     */
    public static TieNetwork of(int nodes, int[] from, int[] to) {
        return build(nodes, from, to, false);
    }

    /**
     * Builds an undirected network: every edge {@code {a[k], b[k]}} becomes the two ties a → b and b → a. Cost
     * O(n² + E).
     *
     * @param nodes node count n, at least 0
     * @param a     one end of each edge, in [0, n)
     * @param b     the other end, in [0, n), of the same length as {@code a}
     * @return the network
     * @throws IllegalArgumentException when the arrays differ in length, a node is out of range or an edge is a loop
     */
    public static TieNetwork symmetric(int nodes, int[] a, int[] b) {
        return build(nodes, a, b, true);
    }

    /**
     * Builds a network from an adjacency matrix: {@code adjacency[i][j]} is whether the tie i → j exists. Cost
     * O(n²).
     *
     * @param adjacency a square matrix with a false diagonal
     * @return the network
     * @throws IllegalArgumentException when the matrix is not square or has a loop
     */
    public static TieNetwork fromAdjacency(boolean[][] adjacency) {
        int n = adjacency.length;
        long[] matrix = emptyMatrix(n);
        for (int i = 0; i < n; i++) {
            if (adjacency[i].length != n) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "adjacency row %d has %d entries, expected %d", i, adjacency[i].length, n));
            }
            for (int j = 0; j < n; j++) {
                if (adjacency[i][j]) {
                    if (i == j) {
                        throw new IllegalArgumentException("a tie network has no loops; adjacency[" + i + "][" + i
                                + "] is true");
                    }
                    set(matrix, n, i, j);
                }
            }
        }
        return new TieNetwork(n, matrix);
    }

    private static TieNetwork build(int nodes, int[] from, int[] to, boolean symmetric) {
        long[] matrix = emptyMatrix(nodes);
        if (from.length != to.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "tie ends differ in length: %d sources, %d targets", from.length, to.length));
        }
        for (int k = 0; k < from.length; k++) {
            int i = from[k];
            int j = to[k];
            if (i < 0 || i >= nodes || j < 0 || j >= nodes) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "tie %d (%d -> %d) names a node outside [0, %d)", k, i, j, nodes));
            }
            if (i == j) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "tie %d is a loop on node %d; a tie network has no loops", k, i));
            }
            set(matrix, nodes, i, j);
            if (symmetric) {
                set(matrix, nodes, j, i);
            }
        }
        return new TieNetwork(nodes, matrix);
    }

    private static void set(long[] matrix, int n, int i, int j) {
        long index = (long) i * n + j;
        matrix[(int) (index >>> 6)] |= 1L << index;
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
     * Returns the number of directed ties.
     *
     * @return L
     */
    public int ties() {
        return tieFrom.length;
    }

    /**
     * Returns the number of edges of the symmetrised network: unordered pairs with a tie either way.
     *
     * @return E = mutual dyads + asymmetric dyads
     */
    public int undirectedTies() {
        return mutualDyads + asymmetricDyads;
    }

    /**
     * Returns the number of mutual dyads: unordered pairs tied both ways.
     *
     * @return the count
     */
    public int mutualDyads() {
        return mutualDyads;
    }

    /**
     * Returns the number of asymmetric dyads: unordered pairs tied one way only.
     *
     * @return the count
     */
    public int asymmetricDyads() {
        return asymmetricDyads;
    }

    /**
     * Returns whether the tie {@code from → to} exists. O(1).
     *
     * @param from a node in [0, n)
     * @param to   a node in [0, n)
     * @return {@code true} when tied
     * @throws IndexOutOfBoundsException when a node is out of range
     */
    public boolean hasTie(int from, int to) {
        checkNode(from);
        checkNode(to);
        return bit(adjacency, nodes, from, to);
    }

    /**
     * Returns a node's in-degree: how many nodes are tied to it.
     *
     * @param node a node in [0, n)
     * @return the in-degree
     * @throws IndexOutOfBoundsException when the node is out of range
     */
    public int inDegree(int node) {
        checkNode(node);
        return inDegree[node];
    }

    /**
     * Returns a node's out-degree: how many nodes it is tied to.
     *
     * @param node a node in [0, n)
     * @return the out-degree
     * @throws IndexOutOfBoundsException when the node is out of range
     */
    public int outDegree(int node) {
        checkNode(node);
        return outDegree[node];
    }

    /**
     * Returns a node's degree in a mode: in-degree, out-degree, their sum, or its number of neighbours in the
     * symmetrised network.
     *
     * @param node a node in [0, n)
     * @param mode which degree
     * @return the degree
     * @throws IndexOutOfBoundsException when the node is out of range
     */
    public int degree(int node, Mode mode) {
        checkNode(node);
        return degreeOf(node, mode);
    }

    private int degreeOf(int node, Mode mode) {
        switch (mode) {
            case IN:
                return inDegree[node];
            case OUT:
                return outDegree[node];
            case TOTAL:
                return inDegree[node] + outDegree[node];
            case UNDIRECTED:
                return undirectedDegree[node];
            default:
                throw new IllegalStateException("unhandled mode " + mode);
        }
    }

    /**
     * Returns whether a node has no tie either way.
     *
     * @param node a node in [0, n)
     * @return {@code true} for an isolate
     * @throws IndexOutOfBoundsException when the node is out of range
     */
    public boolean isIsolate(int node) {
        checkNode(node);
        return undirectedDegree[node] == 0;
    }

    /**
     * Returns the directed density L / (n(n − 1)): the share of possible ties that exist. O(1).
     *
     * @return density in [0, 1], or {@code NaN} when n &lt; 2
     */
    public double density() {
        if (nodes < 2) {
            return Double.NaN;
        }
        return tieFrom.length / ((double) nodes * (nodes - 1));
    }

    /**
     * Returns the density of the symmetrised network E / (n(n − 1)/2). O(1).
     *
     * @return density in [0, 1], or {@code NaN} when n &lt; 2
     */
    public double undirectedDensity() {
        if (nodes < 2) {
            return Double.NaN;
        }
        return undirectedTies() / ((double) nodes * (nodes - 1) / 2);
    }

    /**
     * Returns Freeman's degree centralization Σᵢ (max_j d_j − dᵢ) / T in a mode, with T the largest value the sum
     * can take on n nodes without loops (see the class documentation). O(n).
     *
     * @param mode which degree
     * @return centralization in [0, 1], or {@code NaN} when the normaliser is 0 (n &lt; 2 for in- and out-degree,
     *         n &lt; 3 for total and symmetrised degree)
     */
    public double centralization(Mode mode) {
        double normaliser = centralizationNormaliser(nodes, mode);
        if (!(normaliser > 0)) {
            return Double.NaN;
        }
        int max = 0;
        for (int i = 0; i < nodes; i++) {
            max = Math.max(max, degreeOf(i, mode));
        }
        long sum = 0;
        for (int i = 0; i < nodes; i++) {
            sum += max - degreeOf(i, mode);
        }
        return sum / normaliser;
    }

    /**
     * Returns the largest possible Σᵢ (max_j d_j − dᵢ) on n nodes without loops (igraph's
     * {@code igraph_centralization_degree_tmax}): (n − 1)² for in- and out-degree, 2(n − 1)(n − 2) for total
     * degree, (n − 1)(n − 2) for the symmetrised degree. O(1).
     *
     * @param nodes node count n
     * @param mode  which degree
     * @return the normaliser, 0 when it is undefined (n &lt; 2 for in and out, n &lt; 3 otherwise)
     */
    public static double centralizationNormaliser(int nodes, Mode mode) {
        if (nodes < 2) {
            return 0;
        }
        double n = nodes;
        switch (mode) {
            case IN:
            case OUT:
                return (n - 1) * (n - 1);
            case TOTAL:
                return 2 * (n - 1) * (n - 2);
            case UNDIRECTED:
                return (n - 1) * (n - 2);
            default:
                throw new IllegalStateException("unhandled mode " + mode);
        }
    }

    /**
     * Returns the edge-based reciprocity: the share of directed ties i → j whose reverse j → i exists (igraph's
     * {@code "default"}). O(1).
     *
     * @return reciprocity in [0, 1], or {@code NaN} without ties
     */
    public double edgeReciprocity() {
        if (tieFrom.length == 0) {
            return Double.NaN;
        }
        return 2.0 * mutualDyads / tieFrom.length;
    }

    /**
     * Returns the dyad-based reciprocity: mutual dyads / (mutual + asymmetric dyads) (igraph's {@code "ratio"}).
     * O(1).
     *
     * @return reciprocity in [0, 1], or {@code NaN} without ties
     */
    public double dyadReciprocity() {
        int connected = mutualDyads + asymmetricDyads;
        if (connected == 0) {
            return Double.NaN;
        }
        return (double) mutualDyads / connected;
    }

    /**
     * Returns the directed density of the network induced by a node sample drawn with replacement (see the class
     * documentation): Σ over ties u → v of c_u c_v, divided by the number of ordered pairs of copies of distinct
     * nodes, m² − Σ_v c_v², where c counts each node's copies and m is the sample size. The identity sample gives
     * {@link #density()}. Cost O(n + L).
     *
     * @param sample node indices in [0, n), repeats allowed
     * @return the density in [0, 1], or {@code NaN} when the sample holds fewer than 2 distinct nodes
     * @throws IndexOutOfBoundsException when an index is out of range
     */
    public double resampledDensity(int[] sample) {
        int[] copies = copies(sample);
        double m = sample.length;
        double sameNodePairs = 0;
        for (int c : copies) {
            sameNodePairs += (double) c * c;
        }
        double possible = m * m - sameNodePairs;
        if (!(possible > 0)) {
            return Double.NaN;
        }
        double ties = 0;
        for (int k = 0; k < tieFrom.length; k++) {
            ties += (double) copies[tieFrom[k]] * copies[tieTo[k]];
        }
        return ties / possible;
    }

    /**
     * Returns the edge-based reciprocity of the network induced by a node sample drawn with replacement: Σ over
     * reciprocated ties u → v of c_u c_v divided by Σ over all ties of c_u c_v. Cost O(n + L).
     *
     * @param sample node indices in [0, n), repeats allowed
     * @return the reciprocity, or {@code NaN} when the induced network has no tie
     * @throws IndexOutOfBoundsException when an index is out of range
     */
    public double resampledEdgeReciprocity(int[] sample) {
        int[] copies = copies(sample);
        double ties = 0;
        double reciprocated = 0;
        for (int k = 0; k < tieFrom.length; k++) {
            double weight = (double) copies[tieFrom[k]] * copies[tieTo[k]];
            ties += weight;
            if (tieMutual[k]) {
                reciprocated += weight;
            }
        }
        return ties > 0 ? reciprocated / ties : Double.NaN;
    }

    private int[] copies(int[] sample) {
        int[] copies = new int[nodes];
        for (int v : sample) {
            checkNode(v);
            copies[v]++;
        }
        return copies;
    }

    private void checkNode(int node) {
        if (node < 0 || node >= nodes) {
            throw new IndexOutOfBoundsException(String.format(Locale.ROOT,
                    "node %d is outside [0, %d)", node, nodes));
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TieNetwork[nodes=%d, ties=%d]", nodes, tieFrom.length);
    }
}
