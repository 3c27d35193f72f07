package dev.partnership.metrics.network;

import java.util.Locale;

/**
 * The local trust of a network for {@link EigenTrust}: the satisfaction {@code s_ij} of every ordered pair with
 * evidence, and the row-normalised matrix {@code C} of Kamvar, S. D., Schlosser, M. T. and Garcia-Molina, H.
 * (2003), "The EigenTrust algorithm for reputation management in P2P networks", <i>Proceedings of the 12th
 * International World Wide Web Conference (WWW '03)</i>, 640–651, section 4.1:
 * {@code c_ij = max(s_ij, 0) / Σ_j max(s_ij, 0)}. A row with no positive entry (a node that trusts nobody) has no
 * entries in {@code C}; {@link EigenTrust} replaces it by the pre-trusted distribution (the paper's zero-row rule).
 *
 * <p><b>Input.</b> An edge list {@code from[k] → to[k]} with a signed satisfaction {@code weight[k]}: what
 * {@code from} thinks of {@code to}. Entries for the same ordered pair are summed, in their input order, into one
 * relationship {@code s_ij}; a relationship whose sum is 0 or negative stays a relationship but carries no trust.
 *
 * <p><b>Layout.</b> Compressed sparse rows without boxing: relationships sorted by {@code (from, to)} with
 * {@code int[] rowStart} (n + 1 offsets), {@code int[] col} and {@code double[] satisfaction}; and the positive
 * part normalised per row in a second CSR ({@code positiveStart}, {@code positiveCol}, {@code weight}) that
 * {@link EigenTrust} walks once per iteration.
 *
 * <p><b>Cost.</b> Two stable counting sorts (by {@code to}, then by {@code from}) and one merging pass: O(n + m)
 * time and memory for n nodes and m entries; no comparison sort, no hashing.
 *
 * <p>Immutable and thread-safe: arrays are built here and never exposed.
 */
public final class EigenTrustMatrix {
    private final int nodes;
    private final int[] rowStart;
    private final int[] relationFrom;
    private final int[] col;
    private final double[] satisfaction;
    private final int[] positiveStart;
    private final int[] positiveCol;
    private final double[] weight;
    private final int zeroRows;

    private EigenTrustMatrix(int nodes, int[] rowStart, int[] relationFrom, int[] col, double[] satisfaction) {
        this.nodes = nodes;
        this.rowStart = rowStart;
        this.relationFrom = relationFrom;
        this.col = col;
        this.satisfaction = satisfaction;
        int positives = 0;
        for (double s : satisfaction) {
            if (s > 0) {
                positives++;
            }
        }
        positiveStart = new int[nodes + 1];
        positiveCol = new int[positives];
        weight = new double[positives];
        int out = 0;
        int empty = 0;
        for (int i = 0; i < nodes; i++) {
            positiveStart[i] = out;
            double sum = 0;
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                if (satisfaction[k] > 0) {
                    sum += satisfaction[k];
                }
            }
            if (sum > 0) {
                for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                    if (satisfaction[k] > 0) {
                        positiveCol[out] = col[k];
                        weight[out] = satisfaction[k] / sum;
                        out++;
                    }
                }
            } else {
                empty++;
            }
        }
        positiveStart[nodes] = out;
        zeroRows = empty;
    }

    /**
     * Builds the local trust from an edge list of satisfactions. Cost O(n + m).
     *
     * @param nodes  node count n, at least 1
     * @param from   who judges, each in [0, n)
     * @param to     who is judged, each in [0, n) and different from {@code from[k]}
     * @param weight the satisfaction, finite, any sign; same length as {@code from} and {@code to}
     * @return the matrix
     * @throws IllegalArgumentException when the arrays differ in length, a node is out of range, an entry is a
     *                                  loop or a weight is not finite
     */
    public static EigenTrustMatrix of(int nodes, int[] from, int[] to, double[] weight) {
        if (nodes < 1) {
            throw new IllegalArgumentException("node count must be >= 1, was " + nodes);
        }
        int m = from.length;
        if (to.length != m || weight.length != m) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "edge arrays differ in length: %d from, %d to, %d weights", m, to.length, weight.length));
        }
        for (int k = 0; k < m; k++) {
            int i = from[k];
            int j = to[k];
            if (i < 0 || i >= nodes || j < 0 || j >= nodes) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "edge %d (%d -> %d) names a node outside [0, %d)", k, i, j, nodes));
            }
            if (i == j) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "edge %d is a loop on node %d; EigenTrust has no self-trust", k, i));
            }
            if (!Double.isFinite(weight[k])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "edge %d (%d -> %d) has a non-finite weight %s", k, i, j, weight[k]));
            }
        }
        // Sorting stably by the minor key and then by the major key orders entries by (from, to) and keeps equal
        // pairs in input order, so that their sum is the same on every run.
        int[] byTo = countingOrder(nodes, to, identity(m));
        int[] order = countingOrder(nodes, from, byTo);

        int pairs = 0;
        for (int q = 0; q < m; q++) {
            if (q == 0 || !samePair(from, to, order[q - 1], order[q])) {
                pairs++;
            }
        }
        int[] rowStart = new int[nodes + 1];
        int[] relationFrom = new int[pairs];
        int[] col = new int[pairs];
        double[] satisfaction = new double[pairs];
        int r = -1;
        for (int q = 0; q < m; q++) {
            int k = order[q];
            if (q == 0 || !samePair(from, to, order[q - 1], k)) {
                r++;
                relationFrom[r] = from[k];
                col[r] = to[k];
                rowStart[from[k] + 1]++;
            }
            satisfaction[r] += weight[k];
        }
        for (int i = 0; i < nodes; i++) {
            rowStart[i + 1] += rowStart[i];
        }
        return new EigenTrustMatrix(nodes, rowStart, relationFrom, col, satisfaction);
    }

    private static boolean samePair(int[] from, int[] to, int a, int b) {
        return from[a] == from[b] && to[a] == to[b];
    }

    private static int[] identity(int m) {
        int[] out = new int[m];
        for (int k = 0; k < m; k++) {
            out[k] = k;
        }
        return out;
    }

    /** Returns {@code in} reordered stably by {@code key[in[q]]}, keys in [0, n). */
    private static int[] countingOrder(int n, int[] key, int[] in) {
        int[] next = new int[n + 1];
        for (int k : in) {
            next[key[k] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            next[i + 1] += next[i];
        }
        int[] out = new int[in.length];
        for (int k : in) {
            out[next[key[k]]++] = k;
        }
        return out;
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
     * Returns the number of relationships: distinct ordered pairs with at least one entry.
     *
     * @return the count, at most the number of entries given
     */
    public int relationships() {
        return satisfaction.length;
    }

    /**
     * Returns who judges in a relationship; relationships are sorted by {@code (from, to)}.
     *
     * @param relationship index in [0, {@link #relationships()})
     * @return the node i
     */
    public int relationFrom(int relationship) {
        return relationFrom[relationship];
    }

    /**
     * Returns who is judged in a relationship.
     *
     * @param relationship index in [0, {@link #relationships()})
     * @return the node j
     */
    public int relationTo(int relationship) {
        return col[relationship];
    }

    /**
     * Returns the summed satisfaction {@code s_ij} of a relationship.
     *
     * @param relationship index in [0, {@link #relationships()})
     * @return s_ij, any sign
     */
    public double satisfaction(int relationship) {
        return satisfaction[relationship];
    }

    /**
     * Returns the number of relationships with positive satisfaction: the non-zero entries of {@code C}.
     *
     * @return the count
     */
    public int positiveRelationships() {
        return weight.length;
    }

    /**
     * Returns the number of rows of {@code C} with no positive entry, which the zero-row rule replaces by the
     * pre-trusted distribution.
     *
     * @return the count, in [0, n]
     */
    public int zeroRows() {
        return zeroRows;
    }

    /**
     * Returns the normalised local trust {@code c_ij}. Cost O(log d) for a row of d relationships.
     *
     * @param i who trusts, in [0, n)
     * @param j who is trusted, in [0, n)
     * @return c_ij in [0, 1]; 0 when i has no positive satisfaction with j (also for a zero row: the rule that
     *         replaces it belongs to {@link EigenTrust})
     * @throws IndexOutOfBoundsException when a node is out of range
     */
    public double normalized(int i, int j) {
        checkNode(i);
        checkNode(j);
        int low = positiveStart[i];
        int high = positiveStart[i + 1] - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (positiveCol[mid] < j) {
                low = mid + 1;
            } else if (positiveCol[mid] > j) {
                high = mid - 1;
            } else {
                return weight[mid];
            }
        }
        return 0;
    }

    /**
     * Adds {@code Cᵀ t} to {@code out} over the rows with a positive entry and returns the mass
     * {@code Σ t_i} of the zero rows. One pass over the positive entries; no allocation. Package-private: the
     * caller owns the arrays.
     */
    double multiplyTransposed(double[] t, double[] out) {
        double zeroRowMass = 0;
        for (int i = 0; i < nodes; i++) {
            int start = positiveStart[i];
            int end = positiveStart[i + 1];
            double ti = t[i];
            if (start == end) {
                zeroRowMass += ti;
                continue;
            }
            for (int k = start; k < end; k++) {
                out[positiveCol[k]] += ti * weight[k];
            }
        }
        return zeroRowMass;
    }

    private void checkNode(int node) {
        if (node < 0 || node >= nodes) {
            throw new IndexOutOfBoundsException(String.format(Locale.ROOT, "node %d is outside [0, %d)", node, nodes));
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "EigenTrustMatrix[nodes=%d, relationships=%d, positive=%d, zeroRows=%d]",
                nodes, relationships(), positiveRelationships(), zeroRows);
    }
}
