package dev.partnership.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;

import dev.partnership.Dimension;
import dev.partnership.DimensionSummary;
import dev.partnership.EvaluationConfig;
import dev.partnership.Evaluation;
import dev.partnership.Evaluator;
import dev.partnership.Interval;
import dev.partnership.Partnership;
import dev.partnership.Score;
import dev.partnership.ScoreStatus;
import dev.partnership.StrategyCatalog;
import dev.partnership.metrics.ExtremePartnerships.Recipe;
import dev.partnership.metrics.ExtremePartnerships.Spacing;
import dev.partnership.spi.EvidenceIndex;
import dev.partnership.spi.ScoringContext;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import dev.partnership.spi.StrategyResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Numeric robustness (issue 10): on partnerships with extreme but valid inputs (magnitudes near 1e300 and
 * 1e−300, {@link Double#MIN_VALUE}, {@link Double#MAX_VALUE} except as signal values (a known gap, see
 * {@link ExtremePartnerships#SIGNAL_WEIGHTS}), unit counts up to {@link Integer#MAX_VALUE}, zero
 * variance, one or two partners, evidence at one instant or decades apart, tied priorities, identical ratings and
 * survey answers), every discovered strategy, run alone and through {@link Evaluator}, returns scores that keep
 * the numeric contract: an {@code OK} score has a finite value, a normalized value that is {@code NaN} or in
 * [0, 1], finite intervals with {@code low <= high} and finite numeric details; a score that cannot be computed
 * says so in its status and gives a reason; no exception escapes. The partnerships come from
 * {@link ExtremePartnerships}.
 */
class ExtremeInputsTest {
    /** Every strategy the module registers, found the way an application finds them. */
    private static final StrategyCatalog CATALOG = StrategyCatalog.discover();

    @Test
    void catalogFindsEveryStrategyOfTheModule() {
        // Otherwise the properties below would silently skip a strategy.
        assertTrue(CATALOG.ids().containsAll(ScoringStrategyContractTest.MODULE_STRATEGY_IDS), CATALOG.ids()::toString);
    }

    @Test
    void everyStrategyKeepsTheNumericContractOnExtremeInputs() {
        qt().withFixedSeed(1010).withExamples(80)
                .forAll(ExtremePartnerships.recipes())
                .checkAssert(r -> assertSound(ExtremePartnerships.build(r), r.toString()));
    }

    @Test
    void signalWeightsAndMeasurementsNear1e300() {
        Recipe r = new Recipe(3, 26, Spacing.DAYS, 1e300, 1.0, 1e300, -1e300, 1e300, -1e300, 1e300, true, 1e300,
                1e300, -1e300, false, 1e300, 1_000_000, 1e300, false, 4, 1, 5);
        assertAnyOk(assertSound(ExtremePartnerships.build(r), "1e300"));
    }

    @Test
    void signalWeightsAndMeasurementsNear1eMinus300() {
        Recipe r = new Recipe(3, 26, Spacing.DAYS, 1e-300, 1e-300, 1e-300, -1e-300, 1e-300, -1e-300, 1e-300, true,
                1e-300, 1e-300, -1e-300, false, 1e-300, 2, 1e-300, false, 4, 1, 5);
        assertAnyOk(assertSound(ExtremePartnerships.build(r), "1e-300"));
    }

    @Test
    void largestFiniteMagnitudesOutsideSignals() {
        Recipe r = new Recipe(3, 26, Spacing.DAYS, 1e300, -1.0, Double.MAX_VALUE, -Double.MAX_VALUE,
                Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, true, Double.MAX_VALUE, Double.MAX_VALUE,
                -Double.MAX_VALUE, false, Double.MAX_VALUE, 2, Double.MAX_VALUE, false, 4, 0, 1);
        assertAnyOk(assertSound(ExtremePartnerships.build(r), "MAX_VALUE"));
    }

    @Test
    void subnormalMagnitudes() {
        Recipe r = new Recipe(3, 26, Spacing.DAYS, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_VALUE, 0.0,
                Double.MIN_VALUE, 0.0, Double.MIN_VALUE, true, Double.MIN_VALUE, Double.MIN_VALUE, 0.0, false,
                Double.MIN_VALUE, 3, Double.MIN_VALUE, false, 4, 0, 3);
        assertAnyOk(assertSound(ExtremePartnerships.build(r), "MIN_VALUE"));
    }

    @Test
    void hugeUnitCounts() {
        Recipe r = new Recipe(4, 26, Spacing.DAYS, 1.0, 1.0, 3.0, 1.0, 1.0, 0.0, 10.0, false, 1.0, 5.0, 4.0, false,
                2.0, Integer.MAX_VALUE, null, false, 5, 1, 4);
        assertAnyOk(assertSound(ExtremePartnerships.build(r), "Integer.MAX_VALUE units"));
    }

    @Test
    void zeroVarianceEverywhere() {
        // Identical measurements with sd = se = 0, identical unit values, ratings and survey answers.
        Recipe r = new Recipe(4, 26, Spacing.DAYS, 1.0, 1.0, 2.0, 2.0, 1.0, 0.0, 10.0, false, 1.0, 5.0, 5.0, true,
                0.0, null, 0.0, true, 5, 1, 3);
        assertAnyOk(assertSound(ExtremePartnerships.build(r), "zero variance"));
    }

    @Test
    void singlePartner() {
        Recipe r = new Recipe(1, 26, Spacing.DAYS, 1e300, 1e-300, 1.0, 2.0, 1.0, 0.0, 10.0, true, 1e300, 5.0, 4.0,
                false, 1e-300, Integer.MAX_VALUE, null, false, 5, 1, 2);
        assertSound(ExtremePartnerships.build(r), "one partner");
    }

    @Test
    void twoPartners() {
        Recipe r = new Recipe(2, 26, Spacing.DAYS, 1.0, -1.0, 1.0, 2.0, 1.0, 0.0, 10.0, false, 1.0, 5.0, 4.0, false,
                1.0, 10, null, false, 3, 0, 4);
        assertAnyOk(assertSound(ExtremePartnerships.build(r), "two partners"));
    }

    @Test
    void allEvidenceAtOneInstant() {
        Recipe r = new Recipe(3, 30, Spacing.SAME_INSTANT, 1.0, 1.0, 1.0, 2.0, 1.0, 0.0, 10.0, false, 1.0, 5.0,
                4.0, false, 1.0, 10, null, false, 5, 1, 4);
        assertSound(ExtremePartnerships.build(r), "one instant");
    }

    @Test
    void evidenceNanosecondsApart() {
        Recipe r = new Recipe(3, 30, Spacing.NANOSECONDS, 1e300, 1.0, 1.0, 2.0, 1.0, 0.0, 10.0, false, 1.0, 5.0,
                4.0, false, 1.0, 10, null, false, 5, 1, 4);
        assertSound(ExtremePartnerships.build(r), "nanoseconds apart");
    }

    @Test
    void evidenceDecadesApart() {
        Recipe r = new Recipe(3, 30, Spacing.DECADES, 1.0, 1.0, 1.0, 2.0, 1.0, 0.0, 10.0, false, 1.0, 5.0, 4.0,
                false, 1.0, 10, null, false, 5, 1, 4);
        assertAnyOk(assertSound(ExtremePartnerships.build(r), "decades apart"));
    }

    @Test
    void tiedPrioritiesAndIdenticalRatings() {
        Recipe r = new Recipe(4, 26, Spacing.DAYS, 1.0, 1.0, 3.0, 3.0, 1.0, 0.0, 10.0, false, 1.0, 5.0, 4.0, false,
                1.0, 10, null, false, 3, 0, 5);
        assertAnyOk(assertSound(ExtremePartnerships.build(r), "ties"));
    }

    @Test
    void noEvidenceAtAll() {
        Recipe r = new Recipe(1, 0, Spacing.SAME_INSTANT, 0.0, 0.0, 0.0, 0.0, Double.MIN_VALUE, 0.0, 0.0, false,
                1.0, 0.0, 0.0, true, null, null, null, false, 1, -1, 0);
        assertSound(ExtremePartnerships.build(r), "no evidence");
    }

    @Test
    void soundnessCheckRejectsAReasonlessInsufficientScore() {
        // The check itself must be able to fail: a non-OK score without a reason breaks the contract.
        Score bad = Score.builder("x", Dimension.TRUST, dev.partnership.Subject.partnership())
                .status(ScoreStatus.INSUFFICIENT_EVIDENCE).explanation("no value").build();
        assertThrows(bad);
    }

    private static void assertThrows(Score bad) {
        try {
            assertScoreSound(bad, "probe");
        } catch (AssertionError expected) {
            return;
        }
        fail("a score without a reason passed the soundness check");
    }

    /**
     * Runs every discovered strategy directly and the whole evaluator, checking every score and summary.
     *
     * @return the evaluator's scores
     */
    private static List<Score> assertSound(Partnership p, String label) {
        Instant asOf = p.latestEvidence();
        Evaluation evaluation;
        try {
            evaluation = Evaluator.builder().build().evaluate(p, asOf);
        } catch (RuntimeException e) {
            throw new AssertionError("evaluation threw on " + label + ": " + e, e);
        }
        for (Score s : evaluation.scores()) {
            assertScoreSound(s, label);
        }
        for (Map.Entry<Dimension, DimensionSummary> e : evaluation.summary().entrySet()) {
            DimensionSummary d = e.getValue();
            assertTrue(d.value() >= 0 && d.value() <= 1, e.getKey() + " summary of " + label);
            assertIntervalSound(d.interval(), e.getKey() + " summary interval of " + label);
        }
        Map<Dimension, DimensionSummary> components = new EnumMap<>(Dimension.class);
        components.putAll(evaluation.summary());
        components.remove(Dimension.HEALTH);
        ScoringContext context = new ScoringContext(p, EvidenceIndex.of(p, asOf), asOf,
                EvaluationConfig.DEFAULT_CONFIDENCE_LEVEL, EvaluationConfig.DEFAULT_SEED,
                EvaluationConfig.DEFAULT_MIN_CELL_SIZE);
        for (ScoringStrategyProvider provider : CATALOG.providers()) {
            ScoringStrategy strategy = provider.create(StrategyParameters.defaults(provider.id(),
                    provider.parameters()));
            StrategyResult result;
            try {
                result = strategy.score(strategy.readsSummaries() ? context.withSummaries(components) : context);
            } catch (RuntimeException e) {
                throw new AssertionError(provider.id() + " threw on " + label + ": " + e, e);
            }
            for (Score s : result.scores()) {
                assertScoreSound(s, label);
            }
            assertEquals(result.scores(), evaluation.scores(provider.id()),
                    provider.id() + " alone and in the evaluator on " + label);
        }
        return evaluation.scores();
    }

    private static void assertAnyOk(List<Score> scores) {
        // Otherwise "sound" could mean "gave up everywhere".
        assertTrue(scores.stream().anyMatch(Score::isOk), "at least one OK score");
    }

    /** The numeric contract of one score. */
    private static void assertScoreSound(Score s, String label) {
        String where = s.strategy() + " " + s.subject() + " on " + label;
        if (s.isOk()) {
            assertTrue(Double.isFinite(s.value()), "value of " + where);
            assertTrue(Double.isNaN(s.normalized()) || (s.normalized() >= 0 && s.normalized() <= 1),
                    "normalized of " + where);
            assertIntervalSound(s.interval(), "interval of " + where);
            assertIntervalSound(s.normalizedInterval(), "normalized interval of " + where);
            if (s.normalizedInterval() != null) {
                assertFalse(Double.isNaN(s.normalized()), "normalized interval without normalized value: " + where);
                assertTrue(s.normalizedInterval().low() >= 0 && s.normalizedInterval().high() <= 1, where);
            }
        } else {
            assertTrue(Double.isNaN(s.value()), "value without OK: " + where);
            assertTrue(Double.isNaN(s.normalized()), "normalized without OK: " + where);
            assertNull(s.interval(), "interval without OK: " + where);
            assertTrue(s.details().get("reason") instanceof String, "reason for " + s.status() + ": " + where);
        }
        assertTrue(Double.isNaN(s.n()) || (Double.isFinite(s.n()) && s.n() >= 0), "n of " + where);
        assertDetailsFinite(s.details(), "details of " + where);
    }

    private static void assertIntervalSound(Interval i, String where) {
        if (i != null) {
            assertTrue(Double.isFinite(i.low()) && Double.isFinite(i.high()) && i.low() <= i.high(), where);
        }
    }

    private static void assertDetailsFinite(Object v, String where) {
        if (v instanceof Number) {
            assertTrue(Double.isFinite(((Number) v).doubleValue()), where + " = " + v);
        } else if (v instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                assertDetailsFinite(e.getValue(), where + "." + e.getKey());
            }
        } else if (v instanceof List) {
            List<?> list = new ArrayList<>((List<?>) v);
            for (int i = 0; i < list.size(); i++) {
                assertDetailsFinite(list.get(i), where + "[" + i + "]");
            }
        }
    }
}
