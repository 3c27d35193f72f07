package dev.partnership.metrics.network;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Global trust by the EigenTrust algorithm (Kamvar, S. D., Schlosser, M. T. and Garcia-Molina, H. (2003), "The
 * EigenTrust algorithm for reputation management in P2P networks", <i>Proceedings of the 12th International World
 * Wide Web Conference (WWW '03)</i>, 640–651, section 4.5, "Basic EigenTrust" with pre-trusted peers). Usable on its
 * own, without the scoring SPI.
 *
 * <p><b>Formula.</b> With the normalised local trust {@code C} ({@link EigenTrustMatrix}: {@code c_ij =
 * max(s_ij, 0) / Σ_j max(s_ij, 0)}, a row without positive entry replaced by {@code p}), the pre-trusted
 * distribution {@code p} and the damping {@code a}:
 * <pre>
 *   t(0) = p,   t(k+1) = (1 − a) Cᵀ t(k) + a p,
 * </pre>
 * until the L1 change {@code Σ_i |t_i(k+1) − t_i(k)|} is at most the tolerance, or the maximum number of iterations
 * is reached. The fixed point is {@code t = a (I − (1 − a) Cᵀ)⁻¹ p}: the stationary distribution of a walk that
 * follows local trust and, with probability a (or from a node that trusts nobody), restarts at a pre-trusted node.
 * {@code t} is a probability vector (it sums to 1 up to rounding; entries are ≥ 0), {@code t_i} the share of
 * global trust held by i. The error shrinks at least by the factor {@code (1 − a)} per iteration. With uniform
 * {@code p} this is PageRank with damping factor {@code 1 − a} on the weighted graph, dangling nodes spread
 * uniformly (as in JGraphT's {@code PageRank}).
 *
 * <p>Example (the four-node vector in the project's reference vectors): S = [[0,4,1,−2],[2,0,3,0],[5,1,0,1],
 * [−1,−3,0,0]], a = 0.2, p = (0.5, 0.5, 0, 0) gives t = (0.3648982511, 0.3713997789, 0.2366556141,
 * 0.0270463559).
 *
 * <p><b>Cost.</b> Building {@code C} is O(n + m) for n nodes and m relationships; each iteration is one pass over
 * the positive entries of {@code C} plus O(n), without allocation: O(k (n + m)) time for k iterations and O(n + m)
 * memory. On 100,000 nodes and 1,000,000 relationships an iteration takes a few milliseconds and building
 * {@code C} several times as long ({@code jmh/README.md}, {@code EigenTrustBenchmark}).
 *
 * <p>Immutable and thread-safe; {@code withX} methods return copies.
 */
public final class EigenTrust {
    /** Default damping a: the weight of the pre-trusted distribution in every step. */
    public static final double DEFAULT_DAMPING = 0.15;
    /** Default tolerance on the L1 change between two iterations. */
    public static final double DEFAULT_TOLERANCE = 1e-12;
    /** Default maximum number of iterations. */
    public static final int DEFAULT_MAX_ITERATIONS = 1000;

    private final double damping;
    private final double tolerance;
    private final int maxIterations;

    /** Creates the algorithm with the default damping, tolerance and maximum number of iterations. */
    public EigenTrust() {
        this(DEFAULT_DAMPING, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * Creates the algorithm.
     *
     * @param damping       a, strictly between 0 and 1
     * @param tolerance     largest L1 change that counts as converged, finite and {@code >= 0}
     * @param maxIterations most iterations, at least 1
     * @throws IllegalArgumentException when a parameter is out of range
     */
    public EigenTrust(double damping, double tolerance, int maxIterations) {
        if (!(damping > 0 && damping < 1)) {
            throw new IllegalArgumentException("damping must lie strictly between 0 and 1, was " + damping);
        }
        if (!(tolerance >= 0 && Double.isFinite(tolerance))) {
            throw new IllegalArgumentException("tolerance must be finite and >= 0, was " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, was " + maxIterations);
        }
        this.damping = damping;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /**
     * Returns the damping a.
     *
     * @return a in (0, 1)
     */
    public double damping() {
        return damping;
    }

    /**
     * Returns the tolerance on the L1 change.
     *
     * @return the tolerance
     */
    public double tolerance() {
        return tolerance;
    }

    /**
     * Returns the maximum number of iterations.
     *
     * @return at least 1
     */
    public int maxIterations() {
        return maxIterations;
    }

    /**
     * Returns a copy with another damping.
     *
     * @param a strictly between 0 and 1
     * @return the copy
     */
    public EigenTrust withDamping(double a) {
        return new EigenTrust(a, tolerance, maxIterations);
    }

    /**
     * Returns a copy with another tolerance.
     *
     * @param l1 finite and {@code >= 0}
     * @return the copy
     */
    public EigenTrust withTolerance(double l1) {
        return new EigenTrust(damping, l1, maxIterations);
    }

    /**
     * Returns a copy with another maximum number of iterations.
     *
     * @param count at least 1
     * @return the copy
     */
    public EigenTrust withMaxIterations(int count) {
        return new EigenTrust(damping, tolerance, count);
    }

    /**
     * Computes global trust from an edge list: builds {@link EigenTrustMatrix#of} and iterates. Cost
     * O(k (n + m)).
     *
     * @param n        node count, at least 1
     * @param from     who judges, each in [0, n)
     * @param to       who is judged, each in [0, n), never equal to {@code from[k]}
     * @param weight   satisfaction s of {@code from} with {@code to}, finite, any sign; entries of one pair add up
     * @param pretrust the pre-trusted distribution p, n entries, finite, {@code >= 0}, with a positive sum (it is
     *                 divided by its sum); see {@link #uniform(int)}
     * @param a        the damping, strictly between 0 and 1
     * @param tol      the tolerance on the L1 change, finite and {@code >= 0}
     * @param maxIter  the most iterations, at least 1
     * @return the global trust and how the iteration ended
     * @throws IllegalArgumentException when an argument is out of range (see {@link EigenTrustMatrix#of})
     */
    public static Result compute(int n, int[] from, int[] to, double[] weight, double[] pretrust, double a,
                                 double tol, int maxIter) {
        EigenTrust algorithm = new EigenTrust(a, tol, maxIter);
        return algorithm.compute(EigenTrustMatrix.of(n, from, to, weight), pretrust);
    }

    /**
     * Returns the uniform distribution {@code 1/n} on n nodes, the pre-trust when no node is trusted a priori.
     *
     * @param n node count, at least 1
     * @return a new array of n entries {@code 1/n}
     * @throws IllegalArgumentException when {@code n < 1}
     */
    public static double[] uniform(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("node count must be >= 1, was " + n);
        }
        double[] p = new double[n];
        Arrays.fill(p, 1.0 / n);
        return p;
    }

    /**
     * Computes global trust on a local trust matrix, iterating as in the class documentation. Cost O(k (n + m)).
     *
     * @param matrix   the local trust
     * @param pretrust the pre-trusted distribution p: one entry per node, finite, {@code >= 0}, with a positive
     *                 sum (it is divided by its sum)
     * @return the global trust and how the iteration ended
     * @throws IllegalArgumentException when {@code pretrust} has the wrong length or is not a distribution
     */
    public Result compute(EigenTrustMatrix matrix, double[] pretrust) {
        int n = matrix.nodes();
        double[] p = distribution(pretrust, n);
        double keep = 1 - damping;
        double[] t = p.clone();
        double[] next = new double[n];
        int iterations = 0;
        double residual = Double.NaN;
        boolean converged = false;
        while (iterations < maxIterations) {
            Arrays.fill(next, 0);
            // A zero row is p itself, so its mass goes where the pre-trust goes: t' = (1 − a)(Cᵀt + z p) + a p.
            double zeroRowMass = matrix.multiplyTransposed(t, next);
            double restart = keep * zeroRowMass + damping;
            double change = 0;
            for (int j = 0; j < n; j++) {
                double v = keep * next[j] + restart * p[j];
                change += Math.abs(v - t[j]);
                next[j] = v;
            }
            double[] swap = t;
            t = next;
            next = swap;
            iterations++;
            residual = change;
            if (change <= tolerance) {
                converged = true;
                break;
            }
        }
        return new Result(t, iterations, converged, residual);
    }

    private static double[] distribution(double[] pretrust, int n) {
        if (pretrust.length != n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "pre-trust has %d entries for %d nodes", pretrust.length, n));
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double v = pretrust[i];
            if (!(v >= 0 && Double.isFinite(v))) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "pre-trust of node %d must be finite and >= 0, was %s", i, v));
            }
            sum += v;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("pre-trust must have a positive sum");
        }
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = pretrust[i] / sum;
        }
        return p;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "EigenTrust[damping=%s, tolerance=%s, maxIterations=%d]", damping,
                tolerance, maxIterations);
    }

    /**
     * Global trust and how the iteration ended. Immutable and thread-safe: the vector is copied in and out.
     *
     * @param trust      t, the share of global trust per node, each {@code >= 0}, summing to 1 up to rounding
     * @param iterations how many iterations ran, at least 1
     * @param converged  whether the last L1 change was within the tolerance
     * @param residual   the last L1 change {@code Σ_i |t_i(k) − t_i(k−1)|}
     */
    public record Result(double[] trust, int iterations, boolean converged, double residual) {
        /** Validates and copies the components. */
        public Result {
            trust = Objects.requireNonNull(trust, "trust").clone();
            if (iterations < 1) {
                throw new IllegalArgumentException("iterations must be >= 1, was " + iterations);
            }
            if (!(residual >= 0)) {
                throw new IllegalArgumentException("residual must be >= 0, was " + residual);
            }
        }

        /**
         * Returns a copy of the global trust vector.
         *
         * @return t
         */
        @Override
        public double[] trust() {
            return trust.clone();
        }

        /**
         * Returns one node's global trust without copying the vector.
         *
         * @param node a node in [0, n)
         * @return t_node
         */
        public double trust(int node) {
            return trust[node];
        }

        /**
         * Returns the number of nodes.
         *
         * @return n
         */
        public int nodes() {
            return trust.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && Arrays.equals(trust, r.trust) && iterations == r.iterations
                    && converged == r.converged && Double.compare(residual, r.residual) == 0;
        }

        @Override
        public int hashCode() {
            return 31 * (31 * (31 * Arrays.hashCode(trust) + iterations) + Boolean.hashCode(converged))
                    + Double.hashCode(residual);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "EigenTrust.Result[nodes=%d, iterations=%d, converged=%s, residual=%s]",
                    trust.length, iterations, converged, residual);
        }
    }
}
