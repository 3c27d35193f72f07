package dev.partnership.metrics.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.partnership.metrics.network.TieNetwork.Mode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Tests {@link TieNetwork}. Reference values: /work/shared/reference/VECTORS.md, "Network measures" (Freeman 1978;
 * normalisers from igraph's {@code centralization.c}), copied here: undirected star on 5 nodes density 0.4 and
 * degree centralization 1; path on 5 nodes 0.1666666667; complete K5 0; directed out-star on 5 nodes density 0.2,
 * out-centralization 1, in-centralization 0.0625, reciprocity 0.
 */
class TieNetworkTest {

    /** Undirected star on 5 nodes with hub 0. */
    static TieNetwork undirectedStar() {
        return TieNetwork.symmetric(5, new int[] {0, 0, 0, 0}, new int[] {1, 2, 3, 4});
    }

    /** Undirected path 0 - 1 - 2 - 3 - 4. */
    static TieNetwork path() {
        return TieNetwork.symmetric(5, new int[] {0, 1, 2, 3}, new int[] {1, 2, 3, 4});
    }

    /** Complete graph on 5 nodes. */
    static TieNetwork complete() {
        boolean[][] a = new boolean[5][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                a[i][j] = i != j;
            }
        }
        return TieNetwork.fromAdjacency(a);
    }

    /** Directed out-star on 5 nodes: 0 → 1, 2, 3, 4. */
    static TieNetwork outStar() {
        return TieNetwork.of(5, new int[] {0, 0, 0, 0}, new int[] {1, 2, 3, 4});
    }

    @Test
    void undirectedStarHasDensityPointFourAndCentralizationOne() {
        TieNetwork star = undirectedStar();
        assertEquals(0.4, star.undirectedDensity(), 1e-12);
        assertEquals(0.4, star.density(), 1e-12);
        assertEquals(1.0, star.centralization(Mode.UNDIRECTED), 1e-12);
        // The mutual star also maximises total-degree centralization: Σ(8 − 2) over 4 leaves = 2(n−1)(n−2) = 24.
        assertEquals(1.0, star.centralization(Mode.TOTAL), 1e-12);
        assertEquals(1.0, star.edgeReciprocity(), 0);
        assertEquals(1.0, star.dyadReciprocity(), 0);
        assertEquals(8, star.ties());
        assertEquals(4, star.undirectedTies());
        assertEquals(4, star.degree(0, Mode.UNDIRECTED));
        assertEquals(8, star.degree(0, Mode.TOTAL));
    }

    @Test
    void pathOnFiveNodesHasCentralizationOneSixth() {
        assertEquals(0.1666666667, path().centralization(Mode.UNDIRECTED), 1e-10);
        assertEquals(0.4, path().undirectedDensity(), 1e-12);
    }

    @Test
    void completeGraphHasCentralizationZeroInEveryMode() {
        TieNetwork k5 = complete();
        for (Mode mode : Mode.values()) {
            assertEquals(0.0, k5.centralization(mode), 0, mode.name());
        }
        assertEquals(1.0, k5.density(), 0);
        assertEquals(1.0, k5.undirectedDensity(), 0);
        assertEquals(1.0, k5.edgeReciprocity(), 0);
        assertEquals(10, k5.mutualDyads());
    }

    @Test
    void directedOutStarMatchesThePublishedVector() {
        TieNetwork star = outStar();
        assertEquals(0.2, star.density(), 1e-12);
        assertEquals(1.0, star.centralization(Mode.OUT), 1e-12);
        assertEquals(0.0625, star.centralization(Mode.IN), 1e-12);
        assertEquals(0.0, star.edgeReciprocity(), 0);
        assertEquals(0.0, star.dyadReciprocity(), 0);
        assertEquals(0.4, star.undirectedDensity(), 1e-12);
        assertEquals(4, star.outDegree(0));
        assertEquals(0, star.inDegree(0));
        assertEquals(1, star.inDegree(3));
        assertTrue(star.hasTie(0, 3));
        assertFalse(star.hasTie(3, 0));
    }

    @Test
    void edgeAndDyadReciprocityDiffer() {
        // 0 ⇄ 1 and 1 → 2: 3 ties, 2 of them returned; 2 connected dyads, 1 mutual.
        TieNetwork g = TieNetwork.of(3, new int[] {0, 1, 1}, new int[] {1, 0, 2});
        assertEquals(2.0 / 3, g.edgeReciprocity(), 1e-15);
        assertEquals(0.5, g.dyadReciprocity(), 0);
        assertEquals(1, g.mutualDyads());
        assertEquals(1, g.asymmetricDyads());
    }

    @Test
    void repeatedTiesCountOnceAndOrderDoesNotMatter() {
        TieNetwork a = TieNetwork.of(4, new int[] {0, 2, 0, 3}, new int[] {1, 1, 1, 0});
        TieNetwork b = TieNetwork.of(4, new int[] {3, 0, 2}, new int[] {0, 1, 1});
        assertEquals(3, a.ties());
        for (Mode mode : Mode.values()) {
            assertEquals(b.centralization(mode), a.centralization(mode), 0);
        }
        assertEquals(b.density(), a.density(), 0);
    }

    @Test
    void undefinedMeasuresAreNaN() {
        TieNetwork empty = TieNetwork.of(0, new int[0], new int[0]);
        assertTrue(Double.isNaN(empty.density()));
        assertTrue(Double.isNaN(empty.undirectedDensity()));
        assertTrue(Double.isNaN(empty.edgeReciprocity()));
        TieNetwork one = TieNetwork.of(1, new int[0], new int[0]);
        assertTrue(Double.isNaN(one.density()));
        assertTrue(Double.isNaN(one.centralization(Mode.IN)));
        // Two nodes: in- and out-degree normaliser (n−1)² = 1; total and undirected (n−1)(n−2) = 0.
        TieNetwork two = TieNetwork.of(2, new int[] {0}, new int[] {1});
        assertEquals(0.5, two.density(), 0);
        assertEquals(1.0, two.centralization(Mode.OUT), 0);
        assertEquals(1.0, two.centralization(Mode.IN), 0);
        assertTrue(Double.isNaN(two.centralization(Mode.TOTAL)));
        assertTrue(Double.isNaN(two.centralization(Mode.UNDIRECTED)));
        TieNetwork isolated = TieNetwork.of(3, new int[0], new int[0]);
        assertEquals(0.0, isolated.density(), 0);
        assertEquals(0.0, isolated.centralization(Mode.TOTAL), 0);
        assertTrue(Double.isNaN(isolated.edgeReciprocity()));
        assertTrue(Double.isNaN(isolated.dyadReciprocity()));
        assertTrue(isolated.isIsolate(2));
    }

    @Test
    void normalisersFollowIgraph() {
        assertEquals(16, TieNetwork.centralizationNormaliser(5, Mode.IN), 0);
        assertEquals(16, TieNetwork.centralizationNormaliser(5, Mode.OUT), 0);
        assertEquals(24, TieNetwork.centralizationNormaliser(5, Mode.TOTAL), 0);
        assertEquals(12, TieNetwork.centralizationNormaliser(5, Mode.UNDIRECTED), 0);
        assertEquals(0, TieNetwork.centralizationNormaliser(2, Mode.UNDIRECTED), 0);
        assertEquals(0, TieNetwork.centralizationNormaliser(1, Mode.IN), 0);
    }

    @Test
    void badInputIsRejectedWithItsLocation() {
        IllegalArgumentException loop = assertThrows(IllegalArgumentException.class,
                () -> TieNetwork.of(3, new int[] {0, 2}, new int[] {1, 2}));
        assertTrue(loop.getMessage().contains("tie 1"), loop.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> TieNetwork.of(3, new int[] {3}, new int[] {1}));
        assertTrue(range.getMessage().contains("outside [0, 3)"), range.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TieNetwork.of(3, new int[] {0}, new int[0]));
        assertThrows(IllegalArgumentException.class, () -> TieNetwork.of(-1, new int[0], new int[0]));
        assertThrows(IllegalArgumentException.class, () -> TieNetwork.fromAdjacency(new boolean[][] {{true}}));
        assertThrows(IllegalArgumentException.class,
                () -> TieNetwork.fromAdjacency(new boolean[][] {{false, true}, {false}}));
        assertThrows(IndexOutOfBoundsException.class, () -> outStar().inDegree(5));
        assertThrows(IndexOutOfBoundsException.class, () -> outStar().resampledDensity(new int[] {0, 7}));
    }

    @Test
    void resampledMeasuresCountTiesBetweenCopiesOfDistinctNodes() {
        TieNetwork g = TieNetwork.of(3, new int[] {0, 1}, new int[] {1, 0});
        // The identity sample is the network itself.
        assertEquals(g.density(), g.resampledDensity(new int[] {0, 1, 2}), 0);
        assertEquals(g.edgeReciprocity(), g.resampledEdgeReciprocity(new int[] {0, 1, 2}), 0);
        // Two copies of 0 and one of 1: ties 0a→1, 0b→1, 1→0a, 1→0b among the 3² − (2² + 1²) = 4 ordered pairs of
        // copies of distinct nodes; the pair of copies of 0 is missing, not an absent tie.
        assertEquals(1.0, g.resampledDensity(new int[] {0, 0, 1}), 0);
        // Two copies of 2 and one of 0: 4 possible ties, none present.
        assertEquals(0.0, g.resampledDensity(new int[] {2, 2, 0}), 0);
        assertTrue(Double.isNaN(g.resampledEdgeReciprocity(new int[] {2, 2, 0})));
        // Copies of one node only: nothing to count.
        assertTrue(Double.isNaN(g.resampledDensity(new int[] {0, 0, 0})));
        assertTrue(Double.isNaN(g.resampledDensity(new int[] {1})));
        // Out-star: two copies of the hub and one leaf give 2 ties of 4 possible, none returned.
        assertEquals(0.5, outStar().resampledDensity(new int[] {0, 0, 3}), 0);
        assertEquals(0.0, outStar().resampledEdgeReciprocity(new int[] {0, 0, 3}), 0);
    }

    /** A random directed network on n nodes with tie probability p. */
    static boolean[][] randomAdjacency(long seed, int n, double p) {
        SplittableRandom random = new SplittableRandom(seed);
        boolean[][] a = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = i != j && random.nextDouble() < p;
            }
        }
        return a;
    }

    @Test
    void measuresStayInTheUnitIntervalForRandomNetworks() {
        qt().withFixedSeed(53).withExamples(400)
                .forAll(longs().all(), integers().between(3, 14), doubles().between(0, 1))
                .checkAssert((seed, n, p) -> {
                    TieNetwork g = TieNetwork.fromAdjacency(randomAdjacency(seed, n, p));
                    assertInUnit(g.density(), "density");
                    assertInUnit(g.undirectedDensity(), "undirected density");
                    for (Mode mode : Mode.values()) {
                        assertInUnit(g.centralization(mode), mode.name());
                    }
                    if (g.ties() > 0) {
                        assertInUnit(g.edgeReciprocity(), "edge reciprocity");
                        assertInUnit(g.dyadReciprocity(), "dyad reciprocity");
                    } else {
                        assertTrue(Double.isNaN(g.edgeReciprocity()));
                    }
                    int[] sample = new SplittableRandom(seed + 1).ints(n, 0, n).toArray();
                    double d = g.resampledDensity(sample);
                    assertTrue(Double.isNaN(d) || (d >= 0 && d <= 1), "resampled density " + d);
                    double r = g.resampledEdgeReciprocity(sample);
                    assertTrue(Double.isNaN(r) || (r >= 0 && r <= 1), "resampled reciprocity " + r);
                });
    }

    @Test
    void measuresMatchADirectCountForRandomNetworks() {
        qt().withFixedSeed(59).withExamples(300)
                .forAll(longs().all(), integers().between(3, 10), doubles().between(0, 1))
                .checkAssert((seed, n, p) -> {
                    boolean[][] a = randomAdjacency(seed, n, p);
                    TieNetwork g = TieNetwork.fromAdjacency(a);
                    int ties = 0;
                    int returned = 0;
                    int[] in = new int[n];
                    int[] out = new int[n];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            if (a[i][j]) {
                                ties++;
                                out[i]++;
                                in[j]++;
                                returned += a[j][i] ? 1 : 0;
                            }
                        }
                    }
                    assertEquals(ties, g.ties());
                    assertEquals(ties / (double) (n * (n - 1)), g.density(), 1e-15);
                    if (ties > 0) {
                        assertEquals(returned / (double) ties, g.edgeReciprocity(), 1e-15);
                    }
                    int maxIn = 0;
                    for (int v : in) {
                        maxIn = Math.max(maxIn, v);
                    }
                    double sum = 0;
                    for (int v : in) {
                        sum += maxIn - v;
                    }
                    assertEquals(sum / ((n - 1.0) * (n - 1.0)), g.centralization(Mode.IN), 1e-15);
                    for (int v = 0; v < n; v++) {
                        assertEquals(in[v] + out[v], g.degree(v, Mode.TOTAL));
                    }
                    // Reversing every tie swaps in- and out-centralization.
                    boolean[][] reversed = new boolean[n][n];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            reversed[j][i] = a[i][j];
                        }
                    }
                    TieNetwork r = TieNetwork.fromAdjacency(reversed);
                    assertEquals(g.centralization(Mode.IN), r.centralization(Mode.OUT), 0);
                    assertEquals(g.centralization(Mode.UNDIRECTED), r.centralization(Mode.UNDIRECTED), 0);
                });
    }

    private static void assertInUnit(double x, String what) {
        assertTrue(x >= 0 && x <= 1, what + " = " + x);
    }
}
