package dev.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendTest {
    private static final Instant D1 = Instant.parse("2025-06-30T00:00:00Z");
    private static final Instant D2 = Instant.parse("2026-06-30T00:00:00Z");
    private static final Instant D3 = Instant.parse("2027-06-30T00:00:00Z");
    private static final Evaluation.Generator GEN = new Evaluation.Generator("partnership", "test");

    private static Score score(Subject subject, double value, Interval interval) {
        return Score.builder("s", Dimension.TRUST, subject).value(value).interval(interval).build();
    }

    private static Evaluation evaluation(Instant asOf, List<Score> scores, Map<Dimension, DimensionSummary> summary) {
        return new Evaluation("riverbend", asOf, GEN, scores, summary, List.of());
    }

    @Test
    void changeOfAScoreWithTheConservativeNormalInterval() {
        // se = 0.1 / 1.959964 and 0.2 / 1.959964; the change's half-width is sqrt(0.1² + 0.2²) = 0.2236068.
        Evaluation a = evaluation(D1, List.of(score(Subject.partner("rcc"), 0.8, new Interval(0.7, 0.9, 0.95))),
                Map.of());
        Evaluation b = evaluation(D2, List.of(score(Subject.partner("rcc"), 0.5, new Interval(0.3, 0.7, 0.95))),
                Map.of());
        Trend t = Trend.of(List.of(a, b));
        assertEquals(1, t.changes().size());
        Trend.Change c = t.changes().get(0);
        assertEquals("s", c.strategy());
        assertEquals(D1, c.from());
        assertEquals(D2, c.to());
        assertEquals(-0.3, c.difference(), 1e-15);
        assertEquals(-0.3 - Math.sqrt(0.05), c.interval().low(), 1e-12);
        assertEquals(-0.3 + Math.sqrt(0.05), c.interval().high(), 1e-12);
        assertEquals(0.95, c.interval().level());
        assertFalse(c.isSummary());
        assertEquals(List.of(D1, D2), t.dates());
    }

    @Test
    void intervalIsCentredOnTheChangeEvenForAsymmetricIntervals() {
        Evaluation a = evaluation(D1, List.of(score(Subject.partnership(), 0.9, new Interval(0.6, 0.95, 0.9))),
                Map.of());
        Evaluation b = evaluation(D2, List.of(score(Subject.partnership(), 0.9, new Interval(0.6, 0.95, 0.9))),
                Map.of());
        Trend.Change c = Trend.of(List.of(a, b)).changes().get(0);
        assertEquals(0.0, c.difference());
        assertEquals(-c.interval().low(), c.interval().high(), 1e-15);
    }

    @Test
    void scoresNotOkAtEitherDateOrWithoutIntervalAreHandled() {
        Score thin = Score.builder("s", Dimension.TRUST, Subject.partner("a")).insufficient("thin").build();
        Evaluation a = evaluation(D1, List.of(thin, score(Subject.partner("b"), 0.4, null),
                score(Subject.partner("c"), 0.4, null)), Map.of());
        Evaluation b = evaluation(D2, List.of(score(Subject.partner("a"), 0.6, null),
                score(Subject.partner("b"), 0.6, new Interval(0.5, 0.7, 0.95))), Map.of());
        Trend t = Trend.of(List.of(a, b));
        assertEquals(1, t.changes().size(), "only b is OK at both dates");
        assertNull(t.changes().get(0).interval(), "b had no interval at the first date");
        assertEquals(0.2, t.changes("s", Subject.partner("b")).get(0).difference(), 1e-15);
        assertEquals(List.of(), t.changes("s", Subject.partner("a")));
    }

    @Test
    void summariesChangeInDimensionOrderAfterTheScoresOfEachStep() {
        Map<Dimension, DimensionSummary> s1 = Map.of(Dimension.TRUST, new DimensionSummary(0.7, null, List.of("s")),
                Dimension.IMPACT, new DimensionSummary(0.2, new Interval(0.1, 0.3, 0.95), List.of("t")));
        Map<Dimension, DimensionSummary> s2 = Map.of(Dimension.TRUST, new DimensionSummary(0.6, null, List.of("s")),
                Dimension.IMPACT, new DimensionSummary(0.4, new Interval(0.3, 0.5, 0.95), List.of("t")));
        Map<Dimension, DimensionSummary> s3 = Map.of(Dimension.IMPACT,
                new DimensionSummary(0.5, new Interval(0.4, 0.6, 0.95), List.of("t")));
        Trend t = Trend.of(List.of(evaluation(D1, List.of(score(Subject.partnership(), 0.7, null)), s1),
                evaluation(D2, List.of(score(Subject.partnership(), 0.6, null)), s2), evaluation(D3, List.of(), s3)));
        List<Trend.Change> changes = t.changes();
        assertEquals(4, changes.size());
        assertEquals("s", changes.get(0).strategy());
        assertTrue(changes.get(1).isSummary());
        assertEquals(Dimension.TRUST, changes.get(1).dimension());
        assertEquals(Dimension.IMPACT, changes.get(2).dimension());
        assertEquals(D3, changes.get(3).to());
        List<Trend.Change> impact = t.summaryChanges(Dimension.IMPACT);
        assertEquals(2, impact.size());
        assertEquals(0.2, impact.get(0).difference(), 1e-15);
        assertEquals(0.1, impact.get(1).difference(), 1e-15);
        assertEquals(0.1 * Math.sqrt(2), impact.get(1).interval().high() - 0.1, 1e-12);
    }

    @Test
    void badTrendsAreRejected() {
        Evaluation a = evaluation(D1, List.of(), Map.of());
        Evaluation b = evaluation(D2, List.of(), Map.of());
        assertThrows(IllegalArgumentException.class, () -> Trend.of(List.of()));
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class, () -> Trend.of(List.of(b, a)));
        assertTrue(order.getMessage().contains("increase strictly"), order.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Trend.of(List.of(a, a)));
        Evaluation other = new Evaluation("elsewhere", D2, GEN, List.of(), Map.of(), List.of());
        assertThrows(IllegalArgumentException.class, () -> Trend.of(List.of(a, other)));
        assertEquals(1, Trend.of(List.of(a)).evaluations().size());
        assertThrows(IllegalArgumentException.class, () -> new Trend.Change("s", Dimension.TRUST,
                Subject.partnership(), D2, D1, 0, 1, null));
        assertThrows(IllegalArgumentException.class, () -> new Trend.Change("s", Dimension.TRUST,
                Subject.partnership(), D1, D2, Double.NaN, 1, null));
    }

    @Test
    void evaluatorEvaluatesEachDateAndChecksTheDates() {
        Partnership p = SamplePartnerships.small();
        Evaluator evaluator = Evaluator.builder().discover(false)
                .register(new TestStrategies.SignalCountProvider()).build();
        Trend t = evaluator.evaluateTrend(p, List.of(SamplePartnerships.day(3), SamplePartnerships.day(10)));
        assertEquals(evaluator.evaluate(p, SamplePartnerships.day(3)), t.evaluations().get(0));
        assertEquals(evaluator.evaluate(p, SamplePartnerships.day(10)), t.evaluations().get(1));
        Trend.Change c = t.changes(TestStrategies.SignalCountProvider.ID, Subject.partnership()).get(0);
        assertEquals(3.0, c.before());
        assertEquals(6.0, c.after());
        assertThrows(IllegalArgumentException.class, () -> evaluator.evaluateTrend(p, List.of()));
        assertThrows(IllegalArgumentException.class, () -> evaluator.evaluateTrend(p,
                List.of(SamplePartnerships.day(10), SamplePartnerships.day(3))));
    }
}
