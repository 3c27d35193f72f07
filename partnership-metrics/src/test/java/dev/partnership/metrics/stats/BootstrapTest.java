package dev.partnership.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.Interval;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Tests {@link Bootstrap}: its resampling, the percentile interval and the BCa interval. */
class BootstrapTest {
    private static final double[] DATA = {2, 4, 4, 5, 7, 9, 10, 15, 21, 30};

    private static double mean(int[] sample) {
        double sum = 0;
        for (int i : sample) {
            sum += DATA[i];
        }
        return sum / sample.length;
    }

    @Test
    void intervalIsTheType7QuantilesOfTheSeededReplicates() {
        Bootstrap.Result r = new Bootstrap(500).percentile(DATA.length,
                BootstrapTest::mean, 0.9, 42L);
        // Replay the documented procedure: SplittableRandom(seed), nextInt(units) per draw.
        SplittableRandom random = new SplittableRandom(42L);
        double[] replicates = new double[500];
        int[] sample = new int[DATA.length];
        for (int b = 0; b < 500; b++) {
            for (int i = 0; i < sample.length; i++) {
                sample[i] = random.nextInt(DATA.length);
            }
            replicates[b] = mean(sample);
        }
        Arrays.sort(replicates);
        assertEquals(Quantile.type7(replicates, 0.05), r.interval().low(), 1e-12);
        assertEquals(Quantile.type7(replicates, 0.95), r.interval().high(), 1e-12);
        assertEquals(0.9, r.interval().level(), 0);
        assertEquals(500, r.validReplicates());
        assertEquals(500, r.resamples());
        assertTrue(r.interval().contains(10.7), "the sample mean 10.7 lies inside " + r.interval());
    }

    @Test
    void sameSeedSameIntervalOtherSeedOtherInterval() {
        Bootstrap b = new Bootstrap(Bootstrap.DEFAULT_RESAMPLES);
        assertEquals(b.percentile(10, BootstrapTest::mean, 0.95, 7L),
                b.percentile(10, BootstrapTest::mean, 0.95, 7L));
        assertNotEquals(b.percentile(10, BootstrapTest::mean, 0.95, 7L).interval(),
                b.percentile(10, BootstrapTest::mean, 0.95, 8L).interval());
    }

    @Test
    void constantStatisticGivesADegenerateInterval() {
        Bootstrap.Result r = new Bootstrap(100).percentile(5, s -> 0.25, 0.95, 1L);
        assertEquals(new Interval(0.25, 0.25, 0.95), r.interval());
    }

    @Test
    void undefinedReplicatesAreDroppedAndCounted() {
        Bootstrap b = new Bootstrap(1000);
        Bootstrap.Result some = b.percentile(4, s -> s[0] == 0 ? Double.NaN : s[0], 0.95, 3L);
        assertTrue(some.validReplicates() > 600 && some.validReplicates() < 900, "about 3/4 valid");
        assertTrue(some.interval().low() >= 1);
        Bootstrap.Result none = b.percentile(4, s -> Double.NaN, 0.95, 3L);
        assertNull(none.interval());
        assertEquals(0, none.validReplicates());
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(0));
        Bootstrap b = new Bootstrap(10);
        assertThrows(IllegalArgumentException.class, () -> b.percentile(0, s -> 1, 0.95, 1L));
        assertThrows(IllegalArgumentException.class, () -> b.percentile(3, s -> 1, 1.0, 1L));
        assertEquals(20, b.withResamples(20).resamples());
        assertEquals(10, b.resamples());
    }

    // Efron (1987) BCa levels; values from /work/shared/reference/VECTORS.md, "Bootstrap BCa levels" [C].
    @Test
    void bcaLevelsMatchTheReferenceVectors() {
        double[] shifted = Bootstrap.bcaLevels(0.1, 0.05, 0.95);
        assertEquals(0.0546100769, shifted[0], 1e-9);
        assertEquals(0.9917237369, shifted[1], 1e-9);
        double[] plain = Bootstrap.bcaLevels(0, 0, 0.95);
        assertEquals(0.025, plain[0], 1e-12);
        assertEquals(0.975, plain[1], 1e-12);
    }

    // Jackknife acceleration of the mean of x = (2,4,4,5,7,9,10,15,21,30): a = 0.0601688230 (VECTORS.md [C]).
    @Test
    void jackknifeAccelerationOfTheMeanMatchesTheReferenceVector() {
        double[] leaveOneOut = new double[DATA.length];
        double total = Arrays.stream(DATA).sum();
        for (int i = 0; i < DATA.length; i++) {
            leaveOneOut[i] = (total - DATA[i]) / (DATA.length - 1);
        }
        assertEquals(0.0601688230, Bootstrap.jackknifeAcceleration(leaveOneOut), 1e-10);
        assertEquals(0, Bootstrap.jackknifeAcceleration(new double[] {3, 3, 3}), 0);
        assertEquals(0, Bootstrap.jackknifeAcceleration(new double[] {1, Double.NaN, 2}), 0);
    }

    @Test
    void bcaReplaysTheDocumentedProcedure() {
        Bootstrap.Result r = new Bootstrap(2000).bca(DATA.length, BootstrapTest::mean, 0.95, 11L);
        SplittableRandom random = new SplittableRandom(11L);
        double[] replicates = new double[2000];
        int[] sample = new int[DATA.length];
        double below = 0;
        for (int b = 0; b < replicates.length; b++) {
            for (int i = 0; i < sample.length; i++) {
                sample[i] = random.nextInt(DATA.length);
            }
            replicates[b] = mean(sample);
            below += replicates[b] < 10.7 ? 1 : replicates[b] == 10.7 ? 0.5 : 0;
        }
        Arrays.sort(replicates);
        double z0 = new org.apache.commons.math3.distribution.NormalDistribution().inverseCumulativeProbability(below / 2000);
        assertEquals(z0, r.biasCorrection(), 1e-12);
        assertEquals(0.0601688230, r.acceleration(), 1e-10);
        double[] levels = Bootstrap.bcaLevels(z0, r.acceleration(), 0.95);
        assertEquals(Quantile.type7(replicates, levels[0]), r.interval().low(), 1e-9);
        assertEquals(Quantile.type7(replicates, levels[1]), r.interval().high(), 1e-9);
        // A right-skewed sample: BCa moves both bounds up relative to the percentile interval.
        Bootstrap.Result p = new Bootstrap(2000).percentile(DATA.length, BootstrapTest::mean, 0.95, 11L);
        assertTrue(r.interval().high() > p.interval().high(), r + " vs " + p);
    }

    @Test
    void bcaRemovesAnUpwardShiftOfTheBootstrapDistribution() {
        // A statistic that is inflated whenever a unit is drawn twice: the share of distinct units, complemented.
        // On the full sample it is 0; on resamples it is about 1 - 0.632. Percentile intervals miss 0 entirely;
        // BCa centres on the estimate's side.
        Bootstrap.Statistic duplicated = s -> {
            boolean[] seen = new boolean[20];
            int repeats = 0;
            for (int i : s) {
                if (seen[i]) {
                    repeats++;
                }
                seen[i] = true;
            }
            return (double) repeats / s.length;
        };
        Bootstrap b = new Bootstrap(1000);
        assertTrue(b.percentile(20, duplicated, 0.95, 5L).interval().low() > 0.1);
        Bootstrap.Result bca = b.bca(20, duplicated, 0.95, 5L);
        assertTrue(bca.biasCorrection() < -2, "z0 reflects that almost every replicate exceeds the estimate");
        assertTrue(bca.interval().low() < b.percentile(20, duplicated, 0.95, 5L).interval().low());
    }

    @Test
    void bcaWithoutAnEstimateHasNoInterval() {
        Bootstrap.Result r = new Bootstrap(100).bca(5, s -> s.length == 5 && s[0] == 0 && s[4] == 4 ? Double.NaN : 1,
                0.95, 1L);
        assertNull(r.interval());
    }

    @Test
    void severalStatisticsShareOneLoopAndEachEqualsItsOwnRun() {
        Bootstrap b = new Bootstrap(500);
        Bootstrap.Statistic max = s -> {
            double m = Double.NEGATIVE_INFINITY;
            for (int i : s) {
                m = Math.max(m, DATA[i]);
            }
            return m;
        };
        List<Bootstrap.Result> both = b.bca(DATA.length, 2, (s, out) -> {
            out[0] = mean(s);
            out[1] = max.of(s);
        }, 0.9, 3L);
        assertEquals(b.bca(DATA.length, BootstrapTest::mean, 0.9, 3L), both.get(0));
        assertEquals(b.bca(DATA.length, max, 0.9, 3L), both.get(1));
        assertThrows(IllegalArgumentException.class, () -> b.bca(3, 0, (s, out) -> { }, 0.9, 3L));
    }

    @Test
    void blockSchemeGivesTheSameResultBitForBitOnOneTwoAndFourThreads() {
        // 1000 resamples: 15 full blocks of 64 and a last block of 40.
        Bootstrap one = new Bootstrap(1000).withParallelism(1);
        Bootstrap.Statistics stats = (s, out) -> {
            out[0] = mean(s);
            out[1] = s[0] == 0 ? Double.NaN : DATA[s[0]];
        };
        List<Bootstrap.Result> expected = one.bca(DATA.length, 2, stats, 0.95, 17L);
        Bootstrap.Result percentile = one.percentile(DATA.length, BootstrapTest::mean, 0.95, 17L);
        for (int threads : new int[] {2, 4}) {
            Bootstrap t = one.withParallelism(threads);
            assertEquals(threads, t.parallelism());
            assertEquals(expected, t.bca(DATA.length, 2, stats, 0.95, 17L), threads + " threads");
            assertEquals(percentile, t.percentile(DATA.length, BootstrapTest::mean, 0.95, 17L), threads + " threads");
            assertEquals(Double.doubleToRawLongBits(expected.get(0).interval().low()),
                    Double.doubleToRawLongBits(t.bca(DATA.length, 2, stats, 0.95, 17L).get(0).interval().low()));
        }
        assertTrue(expected.get(1).validReplicates() < 1000, "undefined replicates are dropped in slot order");
        // The block scheme draws other streams than the sequential default.
        assertEquals(Bootstrap.SEQUENTIAL, new Bootstrap(1000).parallelism());
        assertNotEquals(new Bootstrap(1000).percentile(DATA.length, BootstrapTest::mean, 0.95, 17L).interval(),
                percentile.interval());
    }

    @Test
    void blockSchemeReplaysTheDocumentedProcedure() {
        Bootstrap.Result r = new Bootstrap(200).withParallelism(2).percentile(DATA.length, BootstrapTest::mean, 0.9,
                5L);
        // Replay: blocks of BLOCK_RESAMPLES, block k draws from the k-th split() of SplittableRandom(seed), all
        // splits taken in block order first.
        int blocks = (200 + Bootstrap.BLOCK_RESAMPLES - 1) / Bootstrap.BLOCK_RESAMPLES;
        SplittableRandom root = new SplittableRandom(5L);
        SplittableRandom[] streams = new SplittableRandom[blocks];
        for (int k = 0; k < blocks; k++) {
            streams[k] = root.split();
        }
        double[] replicates = new double[200];
        int[] sample = new int[DATA.length];
        for (int b = 0; b < 200; b++) {
            SplittableRandom random = streams[b / Bootstrap.BLOCK_RESAMPLES];
            for (int i = 0; i < sample.length; i++) {
                sample[i] = random.nextInt(DATA.length);
            }
            replicates[b] = mean(sample);
        }
        Arrays.sort(replicates);
        assertEquals(Quantile.type7(replicates, 0.05), r.interval().low(), 0);
        assertEquals(Quantile.type7(replicates, 0.95), r.interval().high(), 0);
    }

    @Test
    void aFailingStatisticFailsTheParallelRun() {
        Bootstrap b = new Bootstrap(300).withParallelism(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.percentile(DATA.length, s -> {
            throw new IllegalStateException("boom");
        }, 0.9, 1L));
        assertEquals("boom", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.withParallelism(-1));
        assertEquals(2, b.withResamples(10).parallelism());
    }

    @Test
    void oneStratumIsThePlainBootstrap() {
        Bootstrap b = new Bootstrap(400);
        Bootstrap.Statistics stat = (s, out) -> out[0] = mean(s);
        assertEquals(b.bca(DATA.length, 1, stat, 0.9, 8L), b.stratifiedBca(new int[] {DATA.length}, 1, stat, 0.9, 8L));
        assertEquals(b.withParallelism(2).bca(DATA.length, 1, stat, 0.9, 8L),
                b.withParallelism(3).stratifiedBca(new int[] {DATA.length}, 1, stat, 0.9, 8L));
    }

    @Test
    void strataKeepTheirSizesInEveryResample() {
        // Units 0-3 form stratum 0, units 4-9 stratum 1; a resample that mixes them would give NaN.
        int[] strata = {4, 6};
        Bootstrap.Statistics difference = (s, out) -> {
            int first = 0;
            double sum0 = 0;
            double sum1 = 0;
            for (int i = 0; i < s.length; i++) {
                boolean inFirst = s[i] < 4;
                // A full resample lists stratum 0's four draws first; the jackknife (9 units) is not checked.
                if (s.length == 10 && inFirst != (i < 4)) {
                    out[0] = Double.NaN;
                    return;
                }
                if (inFirst) {
                    first++;
                    sum0 += DATA[s[i]];
                } else {
                    sum1 += DATA[s[i]];
                }
            }
            out[0] = sum1 / (s.length - first) - sum0 / first;
        };
        Bootstrap.Result r = new Bootstrap(500).stratifiedBca(strata, 1, difference, 0.95, 4L).get(0);
        assertEquals(500, r.validReplicates());
        // Full-sample difference: units 4-9 (7, 9, 10, 15, 21, 30) against units 0-3 (2, 4, 4, 5).
        double estimate = (7 + 9 + 10 + 15 + 21 + 30) / 6.0 - (2 + 4 + 4 + 5) / 4.0;
        assertTrue(r.interval().contains(estimate), r.interval() + " around " + estimate);
        assertTrue(Double.isFinite(r.acceleration()));
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(10).stratifiedBca(new int[0], 1,
                difference, 0.95, 1L));
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(10).stratifiedBca(new int[] {3, 0}, 1,
                difference, 0.95, 1L));
    }
}
