package dev.partnership.metrics.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.Direction;
import dev.partnership.Goal;
import dev.partnership.Indicator;
import dev.partnership.Measurement;
import dev.partnership.MeasurementGroup;
import dev.partnership.Partner;
import dev.partnership.PartnerType;
import dev.partnership.Partnership;
import dev.partnership.Score;
import dev.partnership.ScoreStatus;
import dev.partnership.Subject;
import dev.partnership.Warning;
import dev.partnership.metrics.ScoringStrategyContractTest;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** Tests {@link EffectSize} and {@link EffectSizeProvider}. */
class EffectSizeTest extends ScoringStrategyContractTest {
    private static final Instant START = Instant.parse("2023-09-01T00:00:00Z");
    private static final Instant Y1 = Instant.parse("2024-06-30T00:00:00Z");
    private static final Instant Y2 = Instant.parse("2025-06-30T00:00:00Z");
    private static final Instant AS_OF = Instant.parse("2025-09-01T00:00:00Z");
    /** Two-sided normal quantile at 95%. */
    private static final double Z = 1.959963984540054;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    /**
     * Reference vector "Effect sizes" of /work/shared/reference/VECTORS.md (Hedges &amp; Olkin 1985; [C]): means
     * 12 vs 10, SDs 3.0 vs 2.5, n 8 vs 10 → d 0.7325896744, exact J 0.9522538348, g 0.6976113268.
     */
    private static final double VECTOR_D = 0.7325896744;
    private static final double VECTOR_J = 0.9522538348;
    private static final double VECTOR_G = 0.6976113268;

    @Override
    protected ScoringStrategyProvider provider() {
        return new EffectSizeProvider();
    }

    /**
     * A three-partner partnership: graduation (summary statistics, two years), chronic absence (lower is better,
     * unit-level values for both groups) and mentoring (no comparison group).
     */
    @Override
    protected Partnership realisticPartnership() {
        Partnership.Builder b = builder()
                .partner(new Partner("college", "Valley College", PartnerType.COMMUNITY_COLLEGE))
                .partner(new Partner("youth", "Youth Forward", PartnerType.NONPROFIT))
                .goal(goal("graduation", Direction.HIGHER_IS_BETTER))
                .goal(goal("absence", Direction.LOWER_IS_BETTER))
                .goal(goal("mentoring", Direction.HIGHER_IS_BETTER))
                .measurement(summary("graduation", Y1, MeasurementGroup.PARTNERSHIP, 81.0, 10.0, 110))
                .measurement(summary("graduation", Y1, MeasurementGroup.COMPARISON, 80.0, 10.5, 130))
                .measurement(summary("graduation", Y2, MeasurementGroup.PARTNERSHIP, 84.0, 9.0, 120))
                .measurement(summary("graduation", Y2, MeasurementGroup.COMPARISON, 80.0, 10.0, 140))
                .measurement(values("absence", Y2, MeasurementGroup.PARTNERSHIP, 14.0, 4.0, 24, 1))
                .measurement(values("absence", Y2, MeasurementGroup.COMPARISON, 18.0, 5.0, 26, 2))
                .measurement(summary("mentoring", Y2, MeasurementGroup.PARTNERSHIP, 3.4, 0.8, 60));
        return b.build();
    }

    @Override
    protected void checkSinglePartner(StrategyResult result) {
        // Measurements belong to goals, not partners: the goals stay scored with one partner.
        assertTrue(result.scores().stream().anyMatch(s -> s.isOk() && s.subject().kind() == Subject.Kind.GOAL));
    }

    private static Partnership.Builder builder() {
        return Partnership.builder("valley", "Valley Partnership", START)
                .partner(new Partner("district", "Valley District", PartnerType.SCHOOL_DISTRICT));
    }

    private static Goal goal(String id, Direction direction) {
        return new Goal(id, "Goal " + id, new Indicator("indicator", "%", direction, null, null), List.of(), null,
                1, List.of());
    }

    private static Measurement summary(String goal, Instant at, MeasurementGroup group, double mean, double sd,
                                       int n) {
        return Measurement.ofSummary(goal, at, group, mean, sd, n);
    }

    /** n deterministic normal-looking values around a mean. */
    private static Measurement values(String goal, Instant at, MeasurementGroup group, double mean, double sd, int n,
                                      long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Double> v = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double x = mean + sd * NORMAL.inverseCumulativeProbability((i + 0.5) / n) + r.nextDouble(-0.5, 0.5);
            v.add(x);
            sum += x;
        }
        return new Measurement(goal, at, group, sum / n, null, n, null, v);
    }

    private static Score find(StrategyResult result, Subject subject) {
        Optional<Score> s = result.scores().stream().filter(x -> x.subject().equals(subject)).findFirst();
        assertTrue(s.isPresent(), "no score for " + subject);
        return s.get();
    }

    private static Partnership vector(Direction direction) {
        return builder().goal(goal("g", direction))
                .measurement(summary("g", Y2, MeasurementGroup.PARTNERSHIP, 12, 3.0, 8))
                .measurement(summary("g", Y2, MeasurementGroup.COMPARISON, 10, 2.5, 10))
                .build();
    }

    @Test
    void summaryStatisticsGiveTheReferenceVector() {
        StrategyResult result = run(new EffectSize(), vector(Direction.HIGHER_IS_BETTER), AS_OF);
        Score s = find(result, Subject.goal("g"));
        assertEquals(ScoreStatus.OK, s.status());
        assertEquals(VECTOR_G, s.value(), 1e-10);
        assertEquals(VECTOR_D, s.detail("d"), 1e-10);
        assertEquals(VECTOR_J, s.detail("Jexact"), 1e-10);
        assertEquals(0.9523809524, s.detail("J"), 1e-10);
        assertEquals(0.6977044518, s.detail("gApproximate"), 1e-10);
        assertEquals(0.8, s.detail("glassDelta"), 1e-12);
        double seG = VECTOR_J * Math.sqrt(18.0 / 80 + VECTOR_D * VECTOR_D / 36);
        assertEquals(seG, s.detail("seG"), 1e-9);
        assertEquals(VECTOR_G - Z * seG, s.interval().low(), 1e-9);
        assertEquals(VECTOR_G + Z * seG, s.interval().high(), 1e-9);
        assertEquals(NORMAL.cumulativeProbability(s.value() / Math.sqrt(2)), s.normalized(), 1e-15);
        assertEquals(NORMAL.cumulativeProbability(s.interval().low() / Math.sqrt(2)), s.normalizedInterval().low(),
                1e-15);
        assertEquals("summary", s.details().get("method"));
        assertEquals(Y2.toString(), s.details().get("at"));
        assertEquals(8.0, s.detail("n1"), 0);
        assertEquals(10.0, s.detail("n2"), 0);
        assertEquals(18.0, s.n(), 0);
        assertTrue(s.explanation().contains("a moderate improvement over the comparison group (g = 0.70, 95% "
                + "interval -0.22 to 1.61)"), s.explanation());
        assertTrue(s.explanation().contains("no clear difference"), s.explanation());
    }

    @Test
    void lowerIsBetterFlipsTheSignSoPositiveMeansImprovement() {
        Score s = find(run(new EffectSize(), vector(Direction.LOWER_IS_BETTER), AS_OF), Subject.goal("g"));
        assertEquals(-VECTOR_G, s.value(), 1e-10);
        assertTrue(s.normalized() < 0.5);
        assertTrue(s.explanation().contains("moderate decline"), s.explanation());
        Score absence = find(run(new EffectSize(), realisticPartnership(), AS_OF), Subject.goal("absence"));
        // The partnership group is absent less (14 vs 18): an improvement, so positive.
        assertTrue(absence.value() > 0.5, "g " + absence.value());
    }

    @Test
    void usesTheLatestInstantWhereBothGroupsWereMeasured() {
        Partnership p = builder().goal(goal("g", Direction.HIGHER_IS_BETTER))
                .measurement(summary("g", Y1, MeasurementGroup.PARTNERSHIP, 12, 3.0, 8))
                .measurement(summary("g", Y1, MeasurementGroup.COMPARISON, 10, 2.5, 10))
                .measurement(summary("g", Y2, MeasurementGroup.PARTNERSHIP, 30, 3.0, 8))
                .measurement(summary("g", Instant.parse("2025-12-01T00:00:00Z"), MeasurementGroup.COMPARISON, 0,
                        1, 10))
                .build();
        Score s = find(run(new EffectSize(), p, AS_OF), Subject.goal("g"));
        assertEquals(Y1.toString(), s.details().get("at"));
        assertEquals(VECTOR_G, s.value(), 1e-10);
    }

    @Test
    void unitValuesGiveABcaIntervalAndKeepTheNormalOneInTheDetails() {
        StrategyResult result = run(new EffectSize(), realisticPartnership(), AS_OF);
        Score s = find(result, Subject.goal("absence"));
        assertEquals("values", s.details().get("method"));
        @SuppressWarnings("unchecked")
        Map<String, Object> bca = (Map<String, Object>) s.details().get("bcaInterval");
        @SuppressWarnings("unchecked")
        Map<String, Object> normal = (Map<String, Object>) s.details().get("normalInterval");
        assertEquals(((Number) bca.get("low")).doubleValue(), s.interval().low(), 0);
        assertEquals(((Number) bca.get("high")).doubleValue(), s.interval().high(), 0);
        assertTrue(s.interval().contains(s.value()));
        // BCa and normal intervals agree roughly for 24 vs 26 near-normal units.
        assertEquals(((Number) normal.get("low")).doubleValue(), s.interval().low(), 0.3);
        assertEquals(((Number) normal.get("high")).doubleValue(), s.interval().high(), 0.3);
        assertTrue(s.explanation().contains("BCa"), s.explanation());
        // Switching the bootstrap off leaves the normal interval.
        Score off = find(run(new EffectSize().withBootstrapResamples(0), realisticPartnership(), AS_OF),
                Subject.goal("absence"));
        assertEquals(((Number) normal.get("low")).doubleValue(), off.interval().low(), 0);
        assertEquals(s.value(), off.value(), 0);
        // Another evaluation seed gives another bootstrap interval.
        Score other = find(strategy().score(context(realisticPartnership(), AS_OF, 99L)), Subject.goal("absence"));
        assertNotEquals(s.interval(), other.interval());
    }

    @Test
    void missingComparisonOrSpreadIsInsufficientWithAWarning() {
        StrategyResult result = run(new EffectSize(), realisticPartnership(), AS_OF);
        Score mentoring = find(result, Subject.goal("mentoring"));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, mentoring.status());
        assertTrue(mentoring.explanation().contains("no comparison-group measurement"), mentoring.explanation());
        assertTrue(result.warnings().stream().anyMatch(w -> w.code().equals(Warning.INSUFFICIENT_EVIDENCE)
                && w.message().contains("mentoring")));

        Partnership noSd = builder().goal(goal("g", Direction.HIGHER_IS_BETTER))
                .measurement(summary("g", Y2, MeasurementGroup.PARTNERSHIP, 12, 3.0, 8))
                .measurement(new Measurement("g", Y2, MeasurementGroup.COMPARISON, 10, null, 10, 0.8, List.of()))
                .build();
        Score s = find(run(new EffectSize(), noSd, AS_OF), Subject.goal("g"));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, s.status());
        assertTrue(s.explanation().contains("comparison-group measurement"), s.explanation());
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, find(run(new EffectSize(), noSd, AS_OF),
                Subject.partnership()).status());

        Partnership flat = builder().goal(goal("g", Direction.HIGHER_IS_BETTER))
                .measurement(summary("g", Y2, MeasurementGroup.PARTNERSHIP, 12, 0, 8))
                .measurement(summary("g", Y2, MeasurementGroup.COMPARISON, 10, 0, 10))
                .build();
        Score f = find(run(new EffectSize(), flat, AS_OF), Subject.goal("g"));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, f.status());
        assertTrue(f.explanation().contains("neither group varies"), f.explanation());

        Partnership one = builder().goal(goal("g", Direction.HIGHER_IS_BETTER))
                .measurement(summary("g", Y2, MeasurementGroup.PARTNERSHIP, 12, 1, 1))
                .measurement(summary("g", Y2, MeasurementGroup.COMPARISON, 10, 1, 10))
                .build();
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, find(run(new EffectSize(), one, AS_OF),
                Subject.goal("g")).status());
    }

    @Test
    void partnershipIsTheFixedEffectInverseVarianceMean() {
        StrategyResult result = run(new EffectSize(), realisticPartnership(), AS_OF);
        Score grad = find(result, Subject.goal("graduation"));
        Score absence = find(result, Subject.goal("absence"));
        double w1 = 1 / grad.detail("varianceG");
        double w2 = 1 / absence.detail("varianceG");
        double mean = (w1 * grad.value() + w2 * absence.value()) / (w1 + w2);
        double se = 1 / Math.sqrt(w1 + w2);
        Score all = find(result, Subject.partnership());
        assertEquals(mean, all.value(), 1e-12);
        assertEquals(mean - Z * se, all.interval().low(), 1e-9);
        assertEquals(mean + Z * se, all.interval().high(), 1e-9);
        assertEquals(NORMAL.cumulativeProbability(mean / Math.sqrt(2)), all.normalized(), 1e-12);
        assertEquals(w1 * Math.pow(grad.value() - mean, 2) + w2 * Math.pow(absence.value() - mean, 2),
                all.detail("heterogeneityQ"), 1e-9);
        assertEquals(List.of("mentoring"), all.details().get("goalsNotScored"));
        assertTrue(all.explanation().contains("fixed-effect"), all.explanation());
        // Graduation 84 vs 80 with SDs near 10 and n 120/140: g ≈ 0.41, a small improvement.
        assertTrue(grad.explanation().contains("a small improvement over the comparison group"),
                grad.explanation());
        assertTrue(!grad.explanation().contains("no clear difference"), grad.explanation());
    }

    @Test
    void goalWithoutIndicatorIsReportedAsADefinitionProblem() {
        Partnership p = builder().goal(new Goal("plain", "No indicator", null, List.of(), null, 1, List.of()))
                .build();
        StrategyResult result = run(new EffectSize(), p, AS_OF);
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, find(result, Subject.goal("plain")).status());
        assertTrue(result.warnings().stream().anyMatch(w -> w.code().equals(Warning.GOAL_DEFINITION)));
    }

    @Test
    void rejectsANegativeResampleCount() {
        assertThrows(IllegalArgumentException.class, () -> new EffectSize().withBootstrapResamples(-1));
        assertEquals(0, new EffectSize().withBootstrapResamples(0).bootstrapResamples());
    }
}
