package dev.partnership.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.metrics.network.EigenTrust;
import dev.partnership.metrics.network.EigenTrustMatrix;
import java.util.Arrays;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's two sides must compute the same vector, or the ratio means nothing: EigenTrust with uniform
 * pre-trust and damping a is JGraphT's weighted PageRank with damping factor 1 − a, dangling nodes spread uniformly.
 */
class EigenTrustWorkloadTest {
    private static final int NODES = 2_000;
    private static final int EDGES = 20_000;
    private static final EigenTrustWorkload GRAPH = EigenTrustWorkload.random(NODES, EDGES, 42L);

    @Test
    void graphHasDistinctWeightedEdgesAndDanglingNodes() {
        Graph<Integer, DefaultWeightedEdge> g = GRAPH.jgraphtGraph();
        assertEquals(NODES, g.vertexSet().size());
        assertEquals(EDGES, g.edgeSet().size(), "every edge distinct, so JGraphT drops none");
        int dangling = 0;
        for (int v = 0; v < NODES; v++) {
            if (g.outDegreeOf(v) == 0) {
                dangling++;
                assertEquals(0, v % EigenTrustWorkload.DANGLING_EVERY, "only the chosen nodes dangle: " + v);
            }
            assertFalse(g.containsEdge(v, v));
        }
        assertEquals(NODES / EigenTrustWorkload.DANGLING_EVERY, dangling);
        for (DefaultWeightedEdge e : g.edgeSet()) {
            double w = g.getEdgeWeight(e);
            assertTrue(w >= 1 && w < 10, "weight " + w);
        }
        EigenTrustMatrix c = GRAPH.matrix();
        assertEquals(EDGES, c.relationships());
        assertEquals(dangling, c.zeroRows());
    }

    @Test
    void sameSeedSameGraph() {
        EigenTrustWorkload again = EigenTrustWorkload.random(NODES, EDGES, 42L);
        assertEquals(GRAPH.eigenTrust(0.15, 1e-12, 1000), again.eigenTrust(0.15, 1e-12, 1000));
    }

    @Test
    void convergedScoresAgreeWithJGraphTPageRank() {
        EigenTrust.Result ours = GRAPH.eigenTrust(EigenTrustBenchmark.DAMPING, 1e-12, 1000);
        double[] theirs = GRAPH.vector(GRAPH.pageRank(EigenTrustBenchmark.PAGE_RANK_DAMPING_FACTOR, 1000, 1e-12));
        assertTrue(ours.converged());
        assertArrayEquals(theirs, ours.trust(), 1e-9);
        // The two stop on different norms (L1 against the largest change) but both are far inside 1e-9.
        assertArrayEquals(theirs, ours.trust(), 1e-12);
    }

    @Test
    void benchmarkSettingsRunBothSidesForTheSameNumberOfIterations() {
        int k = EigenTrustBenchmark.MAX_ITERATIONS;
        double tol = EigenTrustBenchmark.TOLERANCE;
        EigenTrust.Result ours = GRAPH.eigenTrust(EigenTrustBenchmark.DAMPING, tol, k);
        assertEquals(k, ours.iterations());
        assertFalse(ours.converged());
        Graph<Integer, DefaultWeightedEdge> g = GRAPH.jgraphtGraph();
        double d = EigenTrustBenchmark.PAGE_RANK_DAMPING_FACTOR;
        double[] theirs = GRAPH.vector(new PageRank<>(g, d, k, tol).getScores());
        double[] oneLess = GRAPH.vector(new PageRank<>(g, d, k - 1, tol).getScores());
        assertFalse(Arrays.equals(theirs, oneLess), "JGraphT ran all " + k + " iterations");
        // The same iterates on both sides: equal up to rounding.
        assertArrayEquals(theirs, ours.trust(), 1e-15);
        assertEquals(1 - EigenTrustBenchmark.DAMPING, d);
    }
}
