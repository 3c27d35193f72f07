package dev.partnership.metrics.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.Dimension;
import dev.partnership.DimensionSummary;
import dev.partnership.Evaluation;
import dev.partnership.EvaluationConfig;
import dev.partnership.Evaluator;
import dev.partnership.Interval;
import dev.partnership.Partnership;
import dev.partnership.Score;
import dev.partnership.ScoreStatus;
import dev.partnership.Subject;
import dev.partnership.metrics.Riverbend;
import dev.partnership.metrics.ScoringStrategyContractTest;
import dev.partnership.spi.EvidenceIndex;
import dev.partnership.spi.ScoringContext;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyResult;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthIndexTest extends ScoringStrategyContractTest {

    @Override
    protected ScoringStrategyProvider provider() {
        return new HealthIndexProvider();
    }

    @Override
    protected Partnership realisticPartnership() {
        return Riverbend.partnership();
    }

    private static final Partnership P = Riverbend.partnership();

    private static ScoringContext context(Map<Dimension, Double> weights, Map<Dimension, DimensionSummary> sums) {
        return new ScoringContext(P, EvidenceIndex.of(P, P.latestEvidence()), P.latestEvidence(), 0.95,
                EvaluationConfig.DEFAULT_SEED, 3, weights, sums);
    }

    private static Map<Dimension, Double> weights(double trust, double alignment, double impact, double engagement,
                                                  double instrument) {
        Map<Dimension, Double> w = new EnumMap<>(Dimension.class);
        w.put(Dimension.TRUST, trust);
        w.put(Dimension.ALIGNMENT, alignment);
        w.put(Dimension.IMPACT, impact);
        w.put(Dimension.ENGAGEMENT, engagement);
        w.put(Dimension.INSTRUMENT, instrument);
        return w;
    }

    private static DimensionSummary summary(double value, double low, double high) {
        return new DimensionSummary(value, new Interval(low, high, 0.95), List.of("x"));
    }

    private static Score only(StrategyResult r) {
        assertEquals(1, r.scores().size());
        return r.scores().get(0);
    }

    @SuppressWarnings("unchecked")
    private static double component(Score s, Dimension d, String key) {
        Map<String, Object> components = (Map<String, Object>) s.details().get("components");
        return (Double) ((Map<String, Object>) components.get(d.name())).get(key);
    }

    @Test
    void weightedMeanOfTheComponentsWithContributionsThatSumToIt() {
        Map<Dimension, DimensionSummary> sums = new EnumMap<>(Dimension.class);
        sums.put(Dimension.TRUST, summary(0.8, 0.7, 0.9));
        sums.put(Dimension.ALIGNMENT, summary(0.4, 0.3, 0.5));
        sums.put(Dimension.IMPACT, summary(0.6, 0.5, 0.7));
        Score s = only(new HealthIndex().score(context(weights(2, 1, 1, 0, 0), sums)));
        // (2·0.8 + 0.4 + 0.6) / 4 = 0.65
        assertEquals(0.65, s.value(), 1e-15);
        assertEquals(0.65, s.normalized(), 1e-15);
        assertEquals(0.4, component(s, Dimension.TRUST, "contribution"), 1e-15);
        assertEquals(0.5, component(s, Dimension.TRUST, "share"), 1e-15);
        double sum = 0;
        for (Dimension d : List.of(Dimension.TRUST, Dimension.ALIGNMENT, Dimension.IMPACT)) {
            sum += component(s, d, "contribution");
        }
        assertEquals(s.value(), sum, 1e-15);
        assertEquals(List.of(), s.details().get("missing"));
        assertEquals(3.0, s.n());
        assertTrue(s.explanation().contains("trust contributes most"), s.explanation());
    }

    @Test
    void missingComponentIsLeftOutWithAWarningAndZeroWeightSilently() {
        Map<Dimension, DimensionSummary> sums = new EnumMap<>(Dimension.class);
        sums.put(Dimension.TRUST, summary(0.8, 0.7, 0.9));
        sums.put(Dimension.ALIGNMENT, summary(0.4, 0.3, 0.5));
        StrategyResult r = new HealthIndex().score(context(weights(1, 1, 1, 0, 1), sums));
        Score s = only(r);
        assertEquals(0.6, s.value(), 1e-15);
        assertEquals(List.of("IMPACT", "INSTRUMENT"), s.details().get("missing"));
        assertEquals(1, r.warnings().size());
        assertEquals(HealthIndex.COMPONENT_MISSING, r.warnings().get(0).code());
        assertTrue(r.warnings().get(0).message().contains("IMPACT, INSTRUMENT"), r.warnings().get(0).message());
    }

    @Test
    void tooFewComponentsGiveNoIndex() {
        Map<Dimension, DimensionSummary> sums = new EnumMap<>(Dimension.class);
        sums.put(Dimension.TRUST, summary(0.8, 0.7, 0.9));
        Score s = only(new HealthIndex().score(context(weights(1, 1, 1, 1, 1), sums)));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, s.status());
        assertTrue(Double.isNaN(s.value()));
        Score one = only(new HealthIndex(1000, 1).score(context(weights(1, 1, 1, 1, 1), sums)));
        assertEquals(0.8, one.value(), 1e-15);
        Score none = only(new HealthIndex(1000, 1).score(context(weights(1, 1, 1, 1, 1), Map.of())));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, none.status());
    }

    @Test
    void summaryOfHealthItselfIsNeverAComponent() {
        Map<Dimension, DimensionSummary> sums = new EnumMap<>(Dimension.class);
        sums.put(Dimension.TRUST, summary(0.8, 0.7, 0.9));
        sums.put(Dimension.ALIGNMENT, summary(0.4, 0.3, 0.5));
        sums.put(Dimension.HEALTH, summary(0.0, 0.0, 0.0));
        Map<Dimension, Double> w = weights(1, 1, 0, 0, 0);
        w.put(Dimension.HEALTH, 5.0);
        assertEquals(0.6, only(new HealthIndex().score(context(w, sums))).value(), 1e-15);
    }

    @Test
    void pointComponentsGiveAPointInterval() {
        Map<Dimension, DimensionSummary> sums = new EnumMap<>(Dimension.class);
        sums.put(Dimension.TRUST, summary(0.8, 0.8, 0.8));
        sums.put(Dimension.ALIGNMENT, summary(0.4, 0.4, 0.4));
        Score s = only(new HealthIndex().score(context(weights(1, 1, 0, 0, 0), sums)));
        assertEquals(0.6, s.interval().low(), 1e-15);
        assertEquals(0.6, s.interval().high(), 1e-15);
    }

    @Test
    void monteCarloIntervalMatchesTheNormalPropagationAwayFromTheBounds() {
        // Two components with σ = 0.05 each, equal weights: the mean has σ = 0.05/√2, so its 95% half-width is
        // 1.959964 · 0.0353553 = 0.0692965. 200,000 draws put the quantiles within about 0.001 of that.
        Map<Dimension, DimensionSummary> sums = new EnumMap<>(Dimension.class);
        double half = 1.959963984540054 * 0.05;
        sums.put(Dimension.TRUST, summary(0.5, 0.5 - half, 0.5 + half));
        sums.put(Dimension.IMPACT, summary(0.5, 0.5 - half, 0.5 + half));
        Score s = only(new HealthIndex(200_000, 2).score(context(weights(1, 0, 1, 0, 0), sums)));
        assertEquals(0.5 - 0.0692965, s.interval().low(), 0.0015);
        assertEquals(0.5 + 0.0692965, s.interval().high(), 0.0015);
    }

    @Test
    void componentWithoutIntervalLeavesTheIndexWithout() {
        Map<Dimension, DimensionSummary> sums = new EnumMap<>(Dimension.class);
        sums.put(Dimension.TRUST, summary(0.8, 0.7, 0.9));
        sums.put(Dimension.ALIGNMENT, new DimensionSummary(0.4, null, List.of("x")));
        Score s = only(new HealthIndex().score(context(weights(1, 1, 1, 1, 1), sums)));
        assertEquals(0.6, s.value(), 1e-15);
        assertNull(s.interval());
        assertFalse(s.explanation().contains("interval"));
    }

    @Test
    void intervalDependsOnTheSeedOnlyThroughMonteCarloNoise() {
        Map<Dimension, DimensionSummary> sums = new EnumMap<>(Dimension.class);
        sums.put(Dimension.TRUST, summary(0.7, 0.6, 0.8));
        sums.put(Dimension.ENGAGEMENT, summary(0.5, 0.3, 0.7));
        ScoringContext c = context(weights(1, 1, 1, 1, 1), sums);
        ScoringContext other = new ScoringContext(P, c.evidence(), c.asOf(), 0.95, 7L, 3, c.weights(), sums);
        Interval a = only(new HealthIndex().score(c)).interval();
        assertEquals(a, only(new HealthIndex().score(c)).interval());
        Interval b = only(new HealthIndex().score(other)).interval();
        assertNotEquals(a, b);
        assertEquals(a.low(), b.low(), 0.01);
        assertEquals(a.high(), b.high(), 0.01);
    }

    @Test
    void evaluatorSummarisesHealthFromTheIndexAndHonoursConfiguredWeights() {
        Evaluation e = Evaluator.builder().build().evaluate(P);
        Score index = e.score(HealthIndex.ID, Subject.partnership()).orElseThrow();
        DimensionSummary health = e.summary().get(Dimension.HEALTH);
        assertEquals(index.value(), health.value(), 1e-15);
        assertEquals(index.interval(), health.interval());
        double expected = 0;
        int k = 0;
        for (Dimension d : EvaluationConfig.COMPOSITE_COMPONENTS) {
            if (e.summary().containsKey(d)) {
                expected += e.summary().get(d).value();
                k++;
            }
        }
        assertEquals(expected / k, index.value(), 1e-12);

        Map<Dimension, Double> onlyTrust = weights(1, 0, 0, 0, 0);
        Evaluation t = Evaluator.builder().config(EvaluationConfig.defaults().withWeights(onlyTrust)
                .withParameters(HealthIndex.ID, Map.of(HealthIndexProvider.MIN_COMPONENTS, 1L))).build().evaluate(P);
        assertEquals(t.summary().get(Dimension.TRUST).value(),
                t.score(HealthIndex.ID, Subject.partnership()).orElseThrow().value(), 1e-15);
    }

    @Test
    void badParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new HealthIndex(999, 2));
        assertThrows(IllegalArgumentException.class, () -> new HealthIndex(1000, 0));
        assertThrows(IllegalArgumentException.class, () -> new HealthIndex(1000, 6));
    }
}
