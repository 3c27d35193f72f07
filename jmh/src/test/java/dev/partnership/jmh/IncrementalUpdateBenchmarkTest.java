package dev.partnership.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.SignalKind;
import dev.partnership.metrics.trust.IncrementalBetaReputation;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's workload must be valid signals (or the benchmark measures exceptions), sparse as described,
 * deterministic from its seed, and replayable past the end of the ring.
 */
class IncrementalUpdateBenchmarkTest {
    private static final SignalKind[] KINDS = SignalKind.values();

    @Test
    void ringHoldsValidSparseDeterministicSignals() {
        for (int partners : new int[] {2, 50, 5000}) {
            IncrementalUpdateBenchmark.Ring ring = IncrementalUpdateBenchmark.Ring.generate(partners, 20_000, 42L);
            Set<Long> pairs = new HashSet<>();
            int outOfOrder = 0;
            int partnershipWide = 0;
            for (int i = 0; i < ring.times.length; i++) {
                int source = ring.sources[i];
                int target = ring.targets[i];
                assertTrue(source >= 0 && source < partners);
                assertTrue(target == IncrementalBetaReputation.NO_TARGET || target >= 0 && target < partners);
                assertNotEquals(source, target, "a signal toward its own source is invalid");
                assertTrue(KINDS[ring.kinds[i]].accepts(ring.values[i]), "value acceptable for its kind");
                if (target == IncrementalBetaReputation.NO_TARGET) {
                    partnershipWide++;
                } else {
                    pairs.add((long) source * partners + target);
                }
                if (i > 0 && ring.times[i] < ring.times[i - 1]) {
                    outOfOrder++;
                }
            }
            assertTrue(pairs.size() <= partners * (long) IncrementalUpdateBenchmark.Ring.NEIGHBOURS, "sparse");
            assertTrue(outOfOrder > 0, "some signals arrive late");
            assertTrue(partnershipWide > 2_000 && partnershipWide < 6_000, "about one in five");
            assertTrue(ring.span > 0);
            IncrementalUpdateBenchmark.Ring again = IncrementalUpdateBenchmark.Ring.generate(partners, 20_000, 42L);
            assertArrayEquals(ring.times, again.times);
            assertArrayEquals(ring.targets, again.targets);
            assertArrayEquals(ring.values, again.values);
        }
    }

    @Test
    void benchmarkMethodAddsOneBatchPerCallAcrossRingWraps() {
        IncrementalUpdateBenchmark bench = new IncrementalUpdateBenchmark();
        bench.partners = 50;
        bench.halfLifeDays = 365;
        bench.setUp();
        long before = bench.accumulator().signalCount();
        assertEquals(IncrementalUpdateBenchmark.RING_SIZE, before, "setup feeds the whole ring once");
        bench.addBatches(IncrementalUpdateBenchmark.RING_SIZE / IncrementalUpdateBenchmark.BATCH + 3);
        long added = bench.accumulator().signalCount() - before;
        assertEquals(IncrementalUpdateBenchmark.RING_SIZE + 3L * IncrementalUpdateBenchmark.BATCH, added);
        long newest = bench.accumulator().newestMillis();
        double trust = bench.accumulator().partnerTrust(0, newest);
        assertTrue(trust > 0 && trust < 1);
    }
}
