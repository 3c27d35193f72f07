package dev.partnership.metrics.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

/** Tests {@link EigenTrust}: the published vector, the exact solution, the zero-row rule, pre-trust and scale. */
class EigenTrustTest {

    /**
     * The reference vector of the project (Kamvar, Schlosser &amp; Garcia-Molina 2003, WWW '03, with values computed
     * independently from the exact solution t = a(I − (1−a)Cᵀ)⁻¹p; {@code reference/VECTORS.md}, "EigenTrust" [C]).
     * S[i][j] is what i thinks of j.
     */
    static final double[][] VECTOR_S = {
        {0, 4, 1, -2},
        {2, 0, 3, 0},
        {5, 1, 0, 1},
        {-1, -3, 0, 0},
    };
    static final double VECTOR_DAMPING = 0.2;
    static final double[] VECTOR_PRETRUST = {0.5, 0.5, 0, 0};
    static final double[] VECTOR_TRUST = {0.3648982511, 0.3713997789, 0.2366556141, 0.0270463559};

    /** Edge arrays {from, to} and weights of the non-zero entries of a dense satisfaction matrix. */
    private static Edges edges(double[][] s) {
        int m = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                if (i != j && s[i][j] != 0) {
                    m++;
                }
            }
        }
        Edges e = new Edges(new int[m], new int[m], new double[m]);
        int k = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                if (i != j && s[i][j] != 0) {
                    e.from[k] = i;
                    e.to[k] = j;
                    e.weight[k] = s[i][j];
                    k++;
                }
            }
        }
        return e;
    }

    private record Edges(int[] from, int[] to, double[] weight) {
    }

    private static EigenTrust.Result compute(double[][] s, double[] p, double a) {
        Edges e = edges(s);
        return EigenTrust.compute(s.length, e.from, e.to, e.weight, p, a, EigenTrust.DEFAULT_TOLERANCE,
                EigenTrust.DEFAULT_MAX_ITERATIONS);
    }

    /** The exact fixed point t = a (I − (1 − a) Cᵀ)⁻¹ p by Commons Math's LU solver, C with the zero-row rule. */
    static double[] exact(double[][] s, double[] pretrust, double a) {
        int n = s.length;
        double total = 0;
        for (double v : pretrust) {
            total += v;
        }
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = pretrust[i] / total;
        }
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += Math.max(s[i][j], 0);
            }
            for (int j = 0; j < n; j++) {
                c[i][j] = sum > 0 ? Math.max(s[i][j], 0) / sum : p[j];
            }
        }
        RealMatrix m = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m.setEntry(i, j, (i == j ? 1 : 0) - (1 - a) * c[j][i]);
            }
        }
        RealVector rhs = new ArrayRealVector(p).mapMultiply(a);
        return new LUDecomposition(m).getSolver().solve(rhs).toArray();
    }

    private static double sum(double[] t) {
        double s = 0;
        for (double v : t) {
            s += v;
        }
        return s;
    }

    @Test
    void publishedVector() {
        EigenTrust.Result r = compute(VECTOR_S, VECTOR_PRETRUST, VECTOR_DAMPING);
        assertArrayEquals(VECTOR_TRUST, r.trust(), 1e-9);
        assertTrue(r.converged());
        assertTrue(r.residual() <= EigenTrust.DEFAULT_TOLERANCE);
        assertArrayEquals(VECTOR_TRUST, exact(VECTOR_S, VECTOR_PRETRUST, VECTOR_DAMPING), 1e-9);
    }

    @Test
    void iterationAgreesWithTheExactSolutionOnRandomGraphs() {
        qt().withFixedSeed(2003).withExamples(300)
                .forAll(longs().all(), integers().between(2, 30))
                .checkAssert((seed, n) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    double[][] s = new double[n][n];
                    double density = random.nextDouble();
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            if (i != j && random.nextDouble() < density) {
                                // Signed satisfaction, about a third of it negative; some rows end up all negative.
                                s[i][j] = random.nextInt(-3, 7) + random.nextDouble();
                            }
                        }
                    }
                    double[] p = new double[n];
                    for (int i = 0; i < n; i++) {
                        p[i] = random.nextInt(3) == 0 ? 0 : random.nextDouble();
                    }
                    p[random.nextInt(n)] += 0.1;
                    double a = 0.05 + 0.9 * random.nextDouble();
                    EigenTrust.Result r = compute(s, p, a);
                    assertTrue(r.converged(), "converged");
                    assertArrayEquals(exact(s, p, a), r.trust(), 1e-9);
                    assertEquals(1, sum(r.trust()), 1e-12);
                    for (double v : r.trust()) {
                        assertTrue(v >= 0, "t >= 0: " + v);
                    }
                });
    }

    @Test
    void rowWithoutPositiveEntryFollowsThePreTrust() {
        // 0 trusts 1; 1 only distrusts 0, so its row becomes p = (0.5, 0.5). With a = 0.2:
        // t0 = 0.8 · 0.5 t1 + 0.1 and t0 + t1 = 1 give t = (5/14, 9/14).
        double[][] s = {{0, 1}, {-1, 0}};
        EigenTrust.Result r = compute(s, EigenTrust.uniform(2), 0.2);
        assertArrayEquals(new double[] {5.0 / 14, 9.0 / 14}, r.trust(), 1e-12);
        // A row of negatives is the same as no row at all.
        EigenTrust.Result without = compute(new double[][] {{0, 1}, {0, 0}}, EigenTrust.uniform(2), 0.2);
        assertArrayEquals(without.trust(), r.trust(), 0);
    }

    @Test
    void withoutAnyPositiveTrustGlobalTrustIsThePreTrust() {
        double[][] s = {{0, -1, -2}, {-1, 0, 0}, {0, -5, 0}};
        double[] p = {0.2, 0.0, 0.8};
        EigenTrust.Result r = compute(s, p, 0.3);
        assertArrayEquals(p, r.trust(), 1e-15);
        assertTrue(r.converged());
    }

    @Test
    void preTrustedPartnerGetsAtLeastTheRestartShare() {
        // 0 and 1 trust each other only; all restarts go to 0. t0 = 0.8 t1 + 0.2, t1 = 0.8 t0: t = (5/9, 4/9).
        double[][] s = {{0, 1}, {1, 0}};
        EigenTrust.Result r = compute(s, new double[] {1, 0}, 0.2);
        assertArrayEquals(new double[] {5.0 / 9, 4.0 / 9}, r.trust(), 1e-12);

        // In the reference network, pre-trusting node 3 alone lifts it from last to at least a.
        EigenTrust.Result lifted = compute(VECTOR_S, new double[] {0, 0, 0, 1}, VECTOR_DAMPING);
        assertTrue(lifted.trust(3) >= VECTOR_DAMPING, "t3 = " + lifted.trust(3));
        assertTrue(lifted.trust(3) > compute(VECTOR_S, VECTOR_PRETRUST, VECTOR_DAMPING).trust(3));
    }

    @Test
    void preTrustIsDividedByItsSum() {
        EigenTrust.Result scaled = compute(VECTOR_S, new double[] {3, 3, 0, 0}, VECTOR_DAMPING);
        assertArrayEquals(VECTOR_TRUST, scaled.trust(), 1e-9);
    }

    @Test
    void permutingNodeIdsPermutesTheScores() {
        qt().withFixedSeed(17).withExamples(100)
                .forAll(longs().all(), integers().between(2, 20))
                .checkAssert((seed, n) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    double[][] s = new double[n][n];
                    double[] p = new double[n];
                    for (int i = 0; i < n; i++) {
                        p[i] = random.nextDouble() + 0.01;
                        for (int j = 0; j < n; j++) {
                            s[i][j] = i == j || random.nextBoolean() ? 0 : random.nextInt(-2, 5);
                        }
                    }
                    int[] perm = shuffle(n, random);
                    double[][] permuted = new double[n][n];
                    double[] permutedP = new double[n];
                    for (int i = 0; i < n; i++) {
                        permutedP[perm[i]] = p[i];
                        for (int j = 0; j < n; j++) {
                            permuted[perm[i]][perm[j]] = s[i][j];
                        }
                    }
                    EigenTrust.Result r = compute(s, p, 0.15);
                    EigenTrust.Result q = compute(permuted, permutedP, 0.15);
                    for (int i = 0; i < n; i++) {
                        assertEquals(r.trust(i), q.trust(perm[i]), 1e-13);
                    }
                });
    }

    private static int[] shuffle(int n, SplittableRandom random) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }

    @Test
    void entriesOfOnePairAddUpWhateverTheirOrder() {
        int[] from = {0, 1, 0, 2, 0};
        int[] to = {1, 0, 2, 0, 1};
        double[] weight = {3, 1, 2, -1, -1};
        EigenTrust.Result r = EigenTrust.compute(3, from, to, weight, EigenTrust.uniform(3), 0.15, 1e-12, 1000);
        double[][] s = {{0, 2, 2}, {1, 0, 0}, {-1, 0, 0}};
        assertArrayEquals(exact(s, EigenTrust.uniform(3), 0.15), r.trust(), 1e-10);
        EigenTrust.Result reversed = EigenTrust.compute(3, new int[] {0, 2, 0, 1, 0}, new int[] {1, 0, 2, 0, 1},
                new double[] {-1, -1, 2, 1, 3}, EigenTrust.uniform(3), 0.15, 1e-12, 1000);
        assertEquals(r, reversed);
    }

    @Test
    void stopsAtTheIterationLimitAndSaysSo() {
        EigenTrust.Result r = EigenTrust.compute(4, edges(VECTOR_S).from, edges(VECTOR_S).to, edges(VECTOR_S).weight,
                VECTOR_PRETRUST, VECTOR_DAMPING, 1e-12, 3);
        assertEquals(3, r.iterations());
        assertFalse(r.converged());
        assertTrue(r.residual() > 1e-12);
        assertEquals(1, sum(r.trust()), 1e-12);
        // Tolerance 0 can only be met by an exact fixed point; the limit still ends the iteration.
        EigenTrust.Result strict = new EigenTrust(0.2, 0, 50).compute(EigenTrustMatrix.of(4, edges(VECTOR_S).from,
                edges(VECTOR_S).to, edges(VECTOR_S).weight), VECTOR_PRETRUST);
        assertTrue(strict.iterations() <= 50);
    }

    @Test
    void convergesOnASparseGraphOfHundredThousandNodesAndMillionEdges() {
        int n = 100_000;
        int m = 1_000_000;
        SplittableRandom random = new SplittableRandom(42);
        int[] from = new int[m];
        int[] to = new int[m];
        double[] weight = new double[m];
        for (int k = 0; k < m; k++) {
            from[k] = random.nextInt(n);
            int j = random.nextInt(n - 1);
            to[k] = j >= from[k] ? j + 1 : j;
            weight[k] = random.nextInt(-1, 10);
        }
        EigenTrust.Result r = new EigenTrust().compute(EigenTrustMatrix.of(n, from, to, weight), EigenTrust.uniform(n));
        assertTrue(r.converged(), r.toString());
        assertTrue(r.iterations() < 200, r.toString());
        assertEquals(1, sum(r.trust()), 1e-9);
        double[] t = r.trust();
        for (double v : t) {
            assertTrue(v >= 0);
        }
        // Everyone gets at least the restart share a/n.
        for (double v : t) {
            assertTrue(v >= EigenTrust.DEFAULT_DAMPING / n - 1e-18);
        }
    }

    @Test
    void resultCopiesItsVectorAndComparesByValue() {
        double[] t = {0.25, 0.75};
        EigenTrust.Result r = new EigenTrust.Result(t, 3, true, 0.0);
        t[0] = 9;
        assertEquals(0.25, r.trust(0));
        r.trust()[1] = 9;
        assertEquals(0.75, r.trust(1));
        assertEquals(new EigenTrust.Result(new double[] {0.25, 0.75}, 3, true, 0.0), r);
        assertEquals(new EigenTrust.Result(new double[] {0.25, 0.75}, 3, true, 0.0).hashCode(), r.hashCode());
        assertNotEquals(new EigenTrust.Result(new double[] {0.25, 0.75}, 4, true, 0.0), r);
        assertEquals(2, r.nodes());
    }

    @Test
    void configuredCopies() {
        EigenTrust e = new EigenTrust();
        assertEquals(EigenTrust.DEFAULT_DAMPING, e.damping());
        assertEquals(0.3, e.withDamping(0.3).damping());
        assertEquals(1e-6, e.withTolerance(1e-6).tolerance());
        assertEquals(7, e.withMaxIterations(7).maxIterations());
        assertEquals(EigenTrust.DEFAULT_DAMPING, e.damping(), "the original is unchanged");
    }

    @Test
    void badArgumentsAreRejected() {
        int[] one = {0};
        int[] two = {1};
        double[] w = {1};
        double[] p = EigenTrust.uniform(2);
        assertThrows(IllegalArgumentException.class, () -> new EigenTrust(0, 1e-12, 10));
        assertThrows(IllegalArgumentException.class, () -> new EigenTrust(1, 1e-12, 10));
        assertThrows(IllegalArgumentException.class, () -> new EigenTrust(Double.NaN, 1e-12, 10));
        assertThrows(IllegalArgumentException.class, () -> new EigenTrust(0.15, -1, 10));
        assertThrows(IllegalArgumentException.class, () -> new EigenTrust(0.15, Double.NaN, 10));
        assertThrows(IllegalArgumentException.class, () -> new EigenTrust(0.15, 1e-12, 0));
        assertThrows(IllegalArgumentException.class, () -> EigenTrust.uniform(0));
        assertThrows(IllegalArgumentException.class,
                () -> EigenTrust.compute(2, one, two, w, new double[] {1}, 0.15, 1e-12, 10));
        assertThrows(IllegalArgumentException.class,
                () -> EigenTrust.compute(2, one, two, w, new double[] {1, -1}, 0.15, 1e-12, 10));
        assertThrows(IllegalArgumentException.class,
                () -> EigenTrust.compute(2, one, two, w, new double[] {0, 0}, 0.15, 1e-12, 10));
        assertThrows(IllegalArgumentException.class,
                () -> EigenTrust.compute(2, one, two, w, new double[] {Double.NaN, 1}, 0.15, 1e-12, 10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EigenTrust.compute(2, one, new int[] {2}, w, p, 0.15, 1e-12, 10));
        assertTrue(e.getMessage().contains("edge 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EigenTrust.compute(2, one, one, w, p, 0.15, 1e-12, 10));
        assertThrows(IllegalArgumentException.class,
                () -> EigenTrust.compute(2, one, two, new double[] {Double.POSITIVE_INFINITY}, p, 0.15, 1e-12, 10));
        assertThrows(IllegalArgumentException.class,
                () -> EigenTrust.compute(2, one, two, new double[0], p, 0.15, 1e-12, 10));
        assertThrows(IllegalArgumentException.class,
                () -> new EigenTrust.Result(new double[] {1}, 0, true, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new EigenTrust.Result(new double[] {1}, 1, true, Double.NaN));
    }
}
