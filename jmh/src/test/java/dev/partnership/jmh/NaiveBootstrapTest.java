package dev.partnership.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.Direction;
import dev.partnership.Goal;
import dev.partnership.Indicator;
import dev.partnership.Interval;
import dev.partnership.Measurement;
import dev.partnership.MeasurementGroup;
import dev.partnership.Partner;
import dev.partnership.PartnerType;
import dev.partnership.Partnership;
import dev.partnership.Score;
import dev.partnership.Subject;
import dev.partnership.metrics.impact.EffectSize;
import dev.partnership.spi.EvidenceIndex;
import dev.partnership.spi.ScoringContext;
import java.time.Instant;
import java.util.List;
import dev.partnership.metrics.stats.Bootstrap;
import dev.partnership.metrics.stats.EffectSizes;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's baseline must compute what the library computes, or the ratio means nothing; and the two
 * threaded variants must give the same interval bit for bit.
 */
class NaiveBootstrapTest {
    private static final double[] GROUP1 = BootstrapBenchmark.group(200, 0.3, 5L);
    private static final double[] GROUP2 = BootstrapBenchmark.group(128, 0.0, 6L); // a power of two: the masked draw

    @Test
    void baselineDrawsTheSequentialStreamAndAgreesWithTheLibrary() {
        Bootstrap.Result ours = EffectSizes.bootstrapHedgesG(GROUP1, GROUP2, 1, new Bootstrap(2000), 0.95, 9L);
        NaiveBootstrap.Result naive = NaiveBootstrap.bcaHedgesG(BootstrapBenchmark.boxed(GROUP1),
                BootstrapBenchmark.boxed(GROUP2), 2000, 0.95, 9L);
        assertNotNull(ours.interval());
        assertEquals(2000, ours.validReplicates());
        // Only rounding differs (Commons Math's corrected two-pass mean and variance against plain sums).
        assertEquals(ours.interval().low(), naive.low(), 1e-12);
        assertEquals(ours.interval().high(), naive.high(), 1e-12);
        assertEquals(ours.biasCorrection(), naive.biasCorrection(), 1e-12);
        assertEquals(ours.acceleration(), naive.acceleration(), 1e-12);
        assertTrue(ours.acceleration() != 0, "the jackknife must have run");
        // Another seed gives another interval, so the agreement is not a coincidence of the data alone.
        NaiveBootstrap.Result other = NaiveBootstrap.bcaHedgesG(BootstrapBenchmark.boxed(GROUP1),
                BootstrapBenchmark.boxed(GROUP2), 2000, 0.95, 10L);
        assertTrue(Math.abs(other.low() - naive.low()) > 1e-6);
    }

    @Test
    void oneAndTwoThreadsGiveTheSameIntervalBitForBit() {
        Bootstrap one = new Bootstrap(3000).withParallelism(1);
        Bootstrap.Result r1 = EffectSizes.bootstrapHedgesG(GROUP1, GROUP2, 1, one, 0.95, 42L);
        Bootstrap.Result r2 = EffectSizes.bootstrapHedgesG(GROUP1, GROUP2, 1, one.withParallelism(2), 0.95, 42L);
        Interval i1 = r1.interval();
        assertNotNull(i1);
        assertEquals(i1.low(), r2.interval().low(), 0.0);
        assertEquals(i1.high(), r2.interval().high(), 0.0);
        assertEquals(Double.doubleToRawLongBits(i1.low()), Double.doubleToRawLongBits(r2.interval().low()));
        assertEquals(Double.doubleToRawLongBits(i1.high()), Double.doubleToRawLongBits(r2.interval().high()));
        assertEquals(r1, r2);
    }

    @Test
    void benchmarkWorkloadRunsEveryImplementation() {
        BootstrapBenchmark benchmark = new BootstrapBenchmark();
        benchmark.units = 50;
        benchmark.resamples = 300;
        benchmark.implementation = "ours-1-thread";
        benchmark.setUp();
        Bootstrap.Result one = (Bootstrap.Result) benchmark.bootstrap();
        benchmark.implementation = "ours-2-threads";
        assertEquals(one, benchmark.bootstrap());
        benchmark.implementation = "naive";
        NaiveBootstrap.Result naive = (NaiveBootstrap.Result) benchmark.bootstrap();
        assertTrue(naive.low() < naive.high());
        assertTrue(one.interval().low() < one.interval().high());
    }

    @Test
    void benchmarkedFunctionIsWhatTheEffectSizeStrategyComputes() {
        // A lower-is-better goal with unit-level values: the strategy bootstraps g with sign -1.
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        Instant at = Instant.parse("2025-06-01T00:00:00Z");
        Partnership p = Partnership.builder("p", "P", start)
                .partner(new Partner("a", "A", PartnerType.NONPROFIT))
                .goal(new Goal("absence", "Absence", new Indicator("days", "days", Direction.LOWER_IS_BETTER, null,
                        null), List.of(), null, 1, List.of()))
                .measurement(measurement(at, MeasurementGroup.PARTNERSHIP, GROUP1))
                .measurement(measurement(at, MeasurementGroup.COMPARISON, GROUP2))
                .build();
        Instant asOf = Instant.parse("2026-01-01T00:00:00Z");
        ScoringContext context = new ScoringContext(p, EvidenceIndex.of(p, asOf), asOf, 0.95, 3L, 3);
        Score score = new EffectSize().score(context).scores().stream()
                .filter(s -> s.subject().equals(Subject.goal("absence"))).findFirst().orElseThrow();
        Bootstrap.Result ours = EffectSizes.bootstrapHedgesG(GROUP1, GROUP2, -1,
                new Bootstrap(EffectSize.DEFAULT_BOOTSTRAP_RESAMPLES), 0.95,
                context.seedFor(EffectSize.ID + ":absence"));
        // The strategy sums in two passes, ours in one shifted pass: equal up to rounding.
        assertEquals(score.interval().low(), ours.interval().low(), 1e-12);
        assertEquals(score.interval().high(), ours.interval().high(), 1e-12);
        assertEquals(((Number) score.details().get("acceleration")).doubleValue(), ours.acceleration(), 1e-12);
    }

    private static Measurement measurement(Instant at, MeasurementGroup group, double[] values) {
        List<Double> list = BootstrapBenchmark.boxed(values);
        double mean = list.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new Measurement("absence", at, group, mean, null, values.length, null, list);
    }
}
