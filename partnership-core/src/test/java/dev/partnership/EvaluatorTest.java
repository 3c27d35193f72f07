package dev.partnership;

import static dev.partnership.SamplePartnerships.day;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.io.EvaluationJson;
import dev.partnership.spi.ScoringStrategy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private static Evaluator.Builder fakes() {
        return Evaluator.builder().discover(false)
                .register(new TestStrategies.SignalCountProvider())
                .register(new TestStrategies.PairTrustProvider())
                .register(new TestStrategies.ThinProvider());
    }

    private static boolean has(InvalidConfigException e, String pointer, String fragment) {
        return e.problems().stream().anyMatch(p -> p.location().equals(pointer) && p.message().contains(fragment));
    }

    @Test
    void unknownEnabledIdIsAConfigProblemAtItsPointer() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> fakes().config(EvaluationConfig.defaults().withEnabled(List.of("nope"))).build());
        assertEquals(List.of(new Problem("/enabled/0",
                "unknown strategy 'nope'; available: always-thin, pair-trust, signal-count")), e.problems());
    }

    @Test
    void unknownEnabledIdIsLocatedAtItsPositionInTheDocument() {
        // "nope" sorts before "signal-count" but stands second in the list: the pointer follows the document.
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> fakes().config(EvaluationConfig.defaults().withEnabled(List.of("signal-count", "nope"))).build());
        assertEquals(1, e.problems().size());
        assertEquals("/enabled/1", e.problems().get(0).location());
    }

    @Test
    void unknownConfiguredStrategyAndBadParametersAreAllReported() {
        EvaluationConfig config = EvaluationConfig.defaults()
                .withParameters("ghost", Map.of("x", 1L))
                .withParameters("signal-count", Map.of("scale", 11.0, "extra", true))
                .withParameters("always-thin", Map.of("minimum", 2.5, "mode", "loose"));
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> fakes().config(config).build());
        assertTrue(has(e, "/strategies/ghost", "unknown strategy 'ghost'"), e.problems()::toString);
        assertTrue(has(e, "/strategies/signal-count/scale", "scale must lie in [0, 10], was 11.0"), e.problems()::toString);
        assertTrue(has(e, "/strategies/signal-count/extra", "has no parameter 'extra'; it accepts scale"), e.problems()::toString);
        assertTrue(has(e, "/strategies/always-thin/minimum", "expected a whole number, found 2.5"), e.problems()::toString);
        assertTrue(has(e, "/strategies/always-thin/mode", "expected one of strict, lenient"), e.problems()::toString);
        assertEquals(5, e.problems().size());
    }

    @Test
    void strategiesRunInIdOrderAndOnlyEnabledOnes() {
        assertEquals(List.of("always-thin", "pair-trust", "signal-count"),
                fakes().build().strategies().stream().map(ScoringStrategy::id).toList());
        Evaluator only = fakes().config(EvaluationConfig.defaults().withEnabled(List.of("signal-count"))).build();
        Evaluation e = only.evaluate(SamplePartnerships.small());
        assertEquals(List.of("signal-count"), e.scores().stream().map(Score::strategy).distinct().toList());
    }

    @Test
    void defaultAsOfIsTheLatestEvidenceNotTheClock() {
        Evaluation e = fakes().build().evaluate(SamplePartnerships.small());
        assertEquals(day(10), e.asOf());
        assertEquals(6.0, e.score("signal-count", Subject.partnership()).orElseThrow().value(), "all six signals count");
        assertFalse(e.warnings().stream().anyMatch(w -> w.code().equals(Warning.EVIDENCE_AFTER_AS_OF)));
    }

    @Test
    void evidenceAfterAsOfIsLeftOutAndWarnedAbout() {
        Evaluation e = fakes().build().evaluate(SamplePartnerships.small(), day(3));
        assertEquals(3.0, e.score("signal-count", Subject.partnership()).orElseThrow().value(), "signals on days 1, 2, 2");
        Warning w = e.warnings().stream().filter(x -> x.code().equals(Warning.EVIDENCE_AFTER_AS_OF)).findFirst().orElseThrow();
        assertNull(w.strategy());
        assertEquals("3 signals, 0 ratings and 1 measurements dated after 2025-01-04T00:00:00Z were not counted", w.message());
        assertEquals(Warning.EVIDENCE_AFTER_AS_OF, e.warnings().get(0).code(), "the evaluator's warning comes first");
    }

    @Test
    void sameInputGivesTheSameEvaluationWhateverTheEvidenceOrder() {
        Evaluator evaluator = fakes().build();
        Partnership p = SamplePartnerships.small();
        List<EngagementSignal> shuffled = new ArrayList<>(p.signals());
        Collections.shuffle(shuffled, new Random(42));
        Partnership permuted = SamplePartnerships.builder(shuffled).build();
        Evaluation a = evaluator.evaluate(p, day(8));
        Evaluation b = evaluator.evaluate(permuted, day(8));
        assertEquals(a, b);
        assertEquals(EvaluationJson.toJson(a), EvaluationJson.toJson(fakes().build().evaluate(p, day(8))));
    }

    @Test
    void summariesCombinePartnershipScoresAndWarnWhenAnIntervalIsMissing() {
        Evaluation e = fakes().build().evaluate(SamplePartnerships.small());
        DimensionSummary engagement = e.summary().get(Dimension.ENGAGEMENT);
        assertEquals(6.0 / 7.0, engagement.value(), 1e-15);
        assertNotNull(engagement.interval());
        DimensionSummary trust = e.summary().get(Dimension.TRUST);
        assertNull(trust.interval());
        assertFalse(e.summary().containsKey(Dimension.IMPACT), "insufficient scores give no summary");
        assertTrue(e.warnings().stream().anyMatch(w -> w.code().equals(Warning.NO_INTERVAL) && w.message().startsWith("TRUST")));
        assertTrue(e.warnings().stream().anyMatch(w -> w.code().equals(Warning.INSUFFICIENT_EVIDENCE)
                && "always-thin".equals(w.strategy())));
        // rusd trusts rcc after one kept and one broken commitment: (1 + 1) / (1 + 1 + 2).
        assertEquals(0.5, e.score("pair-trust", Subject.pair("rusd", "rcc")).orElseThrow().value());
    }

    @Test
    void configurationReachesTheStrategiesAndTheContext() {
        Evaluator evaluator = fakes().config(EvaluationConfig.defaults().withParameters("signal-count", Map.of("scale", 2L))
                .withConfidenceLevel(0.8)).generator("lms-plugin", "9.9").build();
        Evaluation e = evaluator.evaluate(SamplePartnerships.small());
        Score s = e.score("signal-count", Subject.partnership()).orElseThrow();
        assertEquals(12.0, s.value(), "the integral parameter was accepted for a NUMBER");
        assertEquals(0.8, s.normalizedInterval().level());
        assertEquals(new Evaluation.Generator("lms-plugin", "9.9"), e.generator());
        assertEquals(0.8, evaluator.config().confidenceLevel());
    }

    @Test
    void aFailingStrategyIsAProgrammingErrorNamingIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Evaluator.builder().discover(false)
                .register(new TestStrategies.BrokenProvider()).build().evaluate(SamplePartnerships.small()));
        assertEquals("strategy 'broken' failed on partnership 'riverbend': division by zero", e.getMessage());
    }

    @Test
    void generatorDefaultsToThisLibrary() {
        Evaluation e = Evaluator.builder().discover(false).build().evaluate(SamplePartnerships.small());
        assertEquals(Evaluator.GENERATOR_NAME, e.generator().name());
        assertEquals(Evaluator.VERSION, e.generator().version());
        assertFalse(Evaluator.VERSION.isBlank());
        assertEquals(List.of(), e.scores());
        assertEquals(Map.of(), e.summary());
    }

    @Test
    void duplicateRegistrationIsAnError() {
        assertThrows(IllegalStateException.class, () -> fakes().register(new TestStrategies.ImpostorSignalCountProvider()).build());
    }

    @Test
    void progressReportsTheIndexThenEveryStrategyAndTrendsCountEveryDate() {
        Evaluator evaluator = Evaluator.builder().discover(false)
                .register(new TestStrategies.SignalCountProvider())
                .register(new TestStrategies.PairTrustProvider()).build();
        assertEquals(3, evaluator.steps());
        List<String> seen = new ArrayList<>();
        Evaluation e = evaluator.evaluate(SamplePartnerships.small(), day(10),
                (step, done, total) -> seen.add(step + " " + done + "/" + total));
        assertEquals(List.of("index 1/3", "pair-trust 2/3", "signal-count 3/3"), seen);
        assertEquals(evaluator.evaluate(SamplePartnerships.small(), day(10)), e, "listening changes nothing");

        seen.clear();
        evaluator.evaluateTrend(SamplePartnerships.small(), List.of(day(3), day(10)),
                (step, done, total) -> seen.add(done + "/" + total));
        assertEquals(List.of("1/6", "2/6", "3/6", "4/6", "5/6", "6/6"), seen);
    }

    @Test
    void aListenerCanCancelAnEvaluation() {
        Evaluator evaluator = Evaluator.builder().discover(false)
                .register(new TestStrategies.SignalCountProvider()).build();
        java.util.concurrent.CancellationException stop = new java.util.concurrent.CancellationException("stop");
        assertEquals(stop, assertThrows(java.util.concurrent.CancellationException.class,
                () -> evaluator.evaluate(SamplePartnerships.small(), day(10), (step, done, total) -> {
                    throw stop;
                })));
        assertThrows(NullPointerException.class,
                () -> evaluator.evaluate(SamplePartnerships.small(), day(10), null));
    }

    @Test
    void anExecutorGivesTheSameEvaluationAndPassesFailuresOn() throws InterruptedException {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            Evaluator sequential = Evaluator.builder().discover(false)
                    .register(new TestStrategies.SignalCountProvider())
                    .register(new TestStrategies.PairTrustProvider())
                    .register(new TestStrategies.ThinProvider()).build();
            Evaluator parallel = Evaluator.builder().discover(false).executor(pool)
                    .register(new TestStrategies.SignalCountProvider())
                    .register(new TestStrategies.PairTrustProvider())
                    .register(new TestStrategies.ThinProvider()).build();
            for (int d = 1; d <= 10; d++) {
                assertEquals(EvaluationJson.toJson(sequential.evaluate(SamplePartnerships.small(), day(d))),
                        EvaluationJson.toJson(parallel.evaluate(SamplePartnerships.small(), day(d))));
            }
            List<String> steps = new ArrayList<>();
            parallel.evaluate(SamplePartnerships.small(), day(10), (step, done, total) -> steps.add(step));
            assertEquals(List.of("index", "always-thin", "pair-trust", "signal-count"), steps,
                    "progress in id order on the calling thread");
            Evaluator broken = Evaluator.builder().discover(false).executor(pool)
                    .register(new TestStrategies.BrokenProvider()).build();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> broken.evaluate(SamplePartnerships.small(), day(10)));
            assertTrue(e.getMessage().contains("failed on partnership"), e.getMessage());
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS));
        }
    }
}
