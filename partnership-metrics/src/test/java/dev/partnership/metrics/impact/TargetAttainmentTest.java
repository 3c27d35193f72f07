package dev.partnership.metrics.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.Direction;
import dev.partnership.EvaluationConfig;
import dev.partnership.Evaluator;
import dev.partnership.Goal;
import dev.partnership.Indicator;
import dev.partnership.Interval;
import dev.partnership.InvalidConfigException;
import dev.partnership.Measurement;
import dev.partnership.MeasurementGroup;
import dev.partnership.Partner;
import dev.partnership.PartnerType;
import dev.partnership.Partnership;
import dev.partnership.Score;
import dev.partnership.ScoreStatus;
import dev.partnership.Subject;
import dev.partnership.Warning;
import dev.partnership.metrics.Riverbend;
import dev.partnership.metrics.ScoringStrategyContractTest;
import dev.partnership.metrics.stats.Bootstrap;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import dev.partnership.spi.StrategyResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tests {@link TargetAttainment} and {@link TargetAttainmentProvider}. */
class TargetAttainmentTest extends ScoringStrategyContractTest {
    private static final Instant START = Instant.parse("2024-09-01T00:00:00Z");
    /** 730 days after the start. */
    private static final Instant DEADLINE = Instant.parse("2026-09-01T00:00:00Z");
    /** 365 days after the start: half way to the deadline. */
    private static final Instant AS_OF = Instant.parse("2025-09-01T00:00:00Z");
    private static final Instant MEASURED = Instant.parse("2025-06-30T00:00:00Z");
    /** Two-sided normal quantile at 95%. */
    private static final double Z = 1.959963984540054;

    @Override
    protected ScoringStrategyProvider provider() {
        return new TargetAttainmentProvider();
    }

    @Override
    protected Partnership realisticPartnership() {
        return Riverbend.partnership();
    }

    @Override
    protected void checkSinglePartner(StrategyResult result) {
        // Measurements belong to goals, not partners: the goals stay scored with one partner.
        assertTrue(result.scores().stream().anyMatch(s -> s.isOk() && s.subject().kind() == Subject.Kind.GOAL));
    }

    private static Partnership.Builder builder() {
        return Partnership.builder("impact", "Impact", START)
                .partner(new Partner("district", "District", PartnerType.SCHOOL_DISTRICT));
    }

    private static Goal goal(String id, Direction direction, Double baseline, Double target, Instant deadline,
                             double weight) {
        return new Goal(id, "Goal " + id, new Indicator("indicator", "%", direction, baseline, target), List.of(),
                deadline, weight, List.of());
    }

    private static Measurement measured(String goal, double mean, Double se) {
        return new Measurement(goal, MEASURED, MeasurementGroup.PARTNERSHIP, mean, null, null, se, List.of());
    }

    private static Score find(StrategyResult result, Subject subject) {
        Optional<Score> s = result.scores().stream().filter(x -> x.subject().equals(subject)).findFirst();
        assertTrue(s.isPresent(), "no score for " + subject);
        return s.get();
    }

    private static boolean warned(StrategyResult result, String code, String text) {
        return result.warnings().stream().anyMatch(w -> w.code().equals(code) && w.message().contains(text));
    }

    /** Dual enrollment 12 → 25 now 18 (se 1.3, weight 2); absence 20 → 10 now 14 (se 0.5). */
    private static Partnership.Builder twoGoals() {
        return builder()
                .goal(goal("enroll", Direction.HIGHER_IS_BETTER, 12.0, 25.0, DEADLINE, 2))
                .goal(goal("absence", Direction.LOWER_IS_BETTER, 20.0, 10.0, DEADLINE, 1))
                .measurement(measured("enroll", 18.0, 1.3))
                .measurement(measured("absence", 14.0, 0.5));
    }

    @Test
    void progressIsDirectionAwareWithANormalInterval() {
        StrategyResult result = run(new TargetAttainment(), twoGoals().build(), AS_OF);
        Score enroll = find(result, Subject.goal("enroll"));
        assertEquals(6.0 / 13, enroll.value(), 1e-15);
        assertEquals(enroll.value(), enroll.normalized(), 0);
        double half = Z * 1.3 / 13;
        assertEquals(6.0 / 13 - half, enroll.interval().low(), 1e-12);
        assertEquals(6.0 / 13 + half, enroll.interval().high(), 1e-12);
        assertEquals(enroll.interval(), enroll.normalizedInterval());
        assertEquals(12.0, enroll.detail("baseline"), 0);
        assertEquals(25.0, enroll.detail("target"), 0);
        assertEquals(18.0, enroll.detail("current"), 0);
        assertEquals(MEASURED.toString(), enroll.details().get("currentAt"));
        assertTrue(enroll.explanation().contains("enroll") && enroll.explanation().contains("46%"),
                enroll.explanation());

        Score absence = find(result, Subject.goal("absence"));
        assertEquals(0.6, absence.value(), 1e-15);
        assertEquals(0.6 - Z * 0.5 / 10, absence.interval().low(), 1e-12);
    }

    @Test
    void expectedProgressIsTheElapsedShareOfTheGoalsTime() {
        Score enroll = find(run(new TargetAttainment(), twoGoals().build(), AS_OF), Subject.goal("enroll"));
        assertEquals(0.5, enroll.detail("expectedProgress"), 1e-15);
        assertEquals(6.0 / 13 - 0.5, enroll.detail("gap"), 1e-15);
        assertEquals(false, enroll.details().get("onTrack"));
        assertTrue(enroll.explanation().contains("behind schedule"), enroll.explanation());
        Score absence = find(run(new TargetAttainment(), twoGoals().build(), AS_OF), Subject.goal("absence"));
        assertEquals(true, absence.details().get("onTrack"));
        // Before the start nothing is expected yet; after the deadline everything is.
        Partnership early = builder().goal(goal("g", Direction.HIGHER_IS_BETTER, 0.0, 10.0, DEADLINE, 1))
                .measurement(new Measurement("g", START.minusSeconds(86_400 * 30), MeasurementGroup.PARTNERSHIP, 1.0,
                        null, null, 0.5, List.of()))
                .build();
        assertEquals(0.0, find(run(new TargetAttainment(), early, START.minusSeconds(86_400)), Subject.goal("g"))
                .detail("expectedProgress"), 0);
        Score late = find(run(new TargetAttainment(), twoGoals().build(), Instant.parse("2027-01-01T00:00:00Z")),
                Subject.goal("enroll"));
        assertEquals(1.0, late.detail("expectedProgress"), 0);
    }

    @Test
    void partnershipIsTheWeightedMeanWithCombinedStandardError() {
        StrategyResult result = run(new TargetAttainment(), twoGoals().build(), AS_OF);
        Score all = find(result, Subject.partnership());
        double p1 = 6.0 / 13;
        double p2 = 0.6;
        double mean = (2 * p1 + p2) / 3;
        double se1 = 1.3 / 13;
        double se2 = 0.5 / 10;
        double se = Math.sqrt(4 * se1 * se1 + se2 * se2) / 3;
        assertEquals(mean, all.value(), 1e-15);
        assertEquals(se, all.detail("standardError"), 1e-15);
        assertEquals(mean - Z * se, all.interval().low(), 1e-12);
        assertEquals(mean + Z * se, all.interval().high(), 1e-12);
        assertEquals(0.5, all.detail("expectedProgress"), 1e-15);
        assertEquals(mean - 0.5, all.detail("gap"), 1e-15);
        assertEquals(3.0, all.detail("weightTotal"), 0);
        assertEquals(2, all.n(), 0);
        // Order: partnership, then goals by id.
        assertEquals(List.of(Subject.partnership(), Subject.goal("absence"), Subject.goal("enroll")),
                result.scores().stream().map(Score::subject).toList());
    }

    @Test
    void measurementWithoutStandardErrorGivesNoInterval() {
        Partnership p = twoGoals().measurement(new Measurement("absence", MEASURED.plusSeconds(60),
                MeasurementGroup.PARTNERSHIP, 13.0, null, null, null, List.of())).build();
        StrategyResult result = run(new TargetAttainment(), p, AS_OF);
        Score absence = find(result, Subject.goal("absence"));
        assertEquals(0.7, absence.value(), 1e-15);
        assertNull(absence.interval());
        assertNull(absence.normalizedInterval());
        assertTrue(absence.details().containsKey("intervalNote"));
        Score all = find(result, Subject.partnership());
        assertTrue(all.isOk());
        assertNull(all.interval());
        assertTrue(((String) all.details().get("intervalNote")).contains("absence"));
    }

    @Test
    void standardErrorComesFromSdAndN() {
        Partnership p = builder().goal(goal("g", Direction.HIGHER_IS_BETTER, 0.0, 10.0, DEADLINE, 1))
                .measurement(Measurement.ofSummary("g", MEASURED, MeasurementGroup.PARTNERSHIP, 5.0, 4.0, 16))
                .build();
        Score g = find(run(new TargetAttainment(), p, AS_OF), Subject.goal("g"));
        assertEquals(1.0, g.detail("standardError"), 0);
        assertEquals(0.5 + Z * 0.1, g.interval().high(), 1e-12);
        assertEquals(16, g.n(), 0);
    }

    @Test
    void progressBeyondTheTargetOrBelowTheBaselineIsClampedOnlyWhenNormalized() {
        Partnership p = builder()
                .goal(goal("over", Direction.HIGHER_IS_BETTER, 10.0, 20.0, DEADLINE, 1))
                .goal(goal("worse", Direction.LOWER_IS_BETTER, 10.0, 5.0, DEADLINE, 1))
                .measurement(measured("over", 22.0, 1.0))
                .measurement(measured("worse", 11.0, 1.0))
                .build();
        StrategyResult result = run(new TargetAttainment(), p, AS_OF);
        Score over = find(result, Subject.goal("over"));
        assertEquals(1.2, over.value(), 1e-12);
        assertEquals(1.0, over.normalized(), 0);
        assertEquals(1.0, over.normalizedInterval().high(), 0);
        Score worse = find(result, Subject.goal("worse"));
        assertEquals(-0.2, worse.value(), 1e-12);
        assertEquals(0.0, worse.normalized(), 0);
        assertEquals(0.0, worse.normalizedInterval().low(), 0);
    }

    @Test
    void goalsWithUnusableDefinitionsAreReportedWithAWarning() {
        Partnership p = builder()
                .goal(new Goal("no-indicator", "No indicator", null, List.of(), DEADLINE))
                .goal(goal("no-baseline", Direction.HIGHER_IS_BETTER, null, 10.0, DEADLINE, 1))
                .goal(goal("flat", Direction.HIGHER_IS_BETTER, 10.0, 10.0, DEADLINE, 1))
                .goal(goal("backwards", Direction.LOWER_IS_BETTER, 10.0, 12.0, DEADLINE, 1))
                .measurement(measured("flat", 11.0, 1.0))
                .measurement(measured("backwards", 11.0, 1.0))
                .build();
        StrategyResult result = run(new TargetAttainment(), p, AS_OF);
        for (String id : List.of("no-indicator", "no-baseline", "flat", "backwards")) {
            Score s = find(result, Subject.goal(id));
            assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, s.status(), id);
            assertTrue(warned(result, Warning.GOAL_DEFINITION, id), id);
            assertTrue(s.explanation().contains(id), s.explanation());
        }
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, find(result, Subject.partnership()).status());
    }

    @Test
    void goalsWithoutPartnershipMeasurementsAreReportedNotSkipped() {
        Partnership p = builder()
                .goal(goal("unmeasured", Direction.HIGHER_IS_BETTER, 1.0, 2.0, DEADLINE, 1))
                .goal(goal("comparison-only", Direction.HIGHER_IS_BETTER, 1.0, 2.0, DEADLINE, 1))
                .goal(goal("too-late", Direction.HIGHER_IS_BETTER, 1.0, 2.0, DEADLINE, 1))
                .measurement(new Measurement("comparison-only", MEASURED, MeasurementGroup.COMPARISON, 1.5, null,
                        null, 0.1, List.of()))
                .measurement(new Measurement("too-late", AS_OF.plusSeconds(1), MeasurementGroup.PARTNERSHIP, 1.5,
                        null, null, 0.1, List.of()))
                .build();
        StrategyResult result = run(new TargetAttainment(), p, AS_OF);
        for (String id : List.of("unmeasured", "comparison-only", "too-late")) {
            assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, find(result, Subject.goal(id)).status(), id);
            assertTrue(warned(result, Warning.INSUFFICIENT_EVIDENCE, id), id);
        }
        Score all = find(result, Subject.partnership());
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, all.status());
        assertEquals(List.of("comparison-only", "too-late", "unmeasured"), all.details().get("goalsNotScored"));
    }

    @Test
    void theLatestPartnershipMeasurementCounts() {
        Partnership p = builder().goal(goal("g", Direction.HIGHER_IS_BETTER, 0.0, 10.0, DEADLINE, 1))
                .measurement(new Measurement("g", MEASURED.minusSeconds(3600), MeasurementGroup.PARTNERSHIP, 9.0,
                        null, null, 1.0, List.of()))
                .measurement(new Measurement("g", MEASURED, MeasurementGroup.PARTNERSHIP, 4.0, null, null, 1.0,
                        List.of()))
                .measurement(new Measurement("g", MEASURED.plusSeconds(3600), MeasurementGroup.COMPARISON, 7.0,
                        null, null, 1.0, List.of()))
                .build();
        assertEquals(0.4, find(run(new TargetAttainment(), p, AS_OF), Subject.goal("g")).value(), 1e-15);
    }

    @Test
    void simultaneousMeasurementsPreferTheLargestSampleAndWarn() {
        Partnership p = builder().goal(goal("g", Direction.HIGHER_IS_BETTER, 0.0, 10.0, DEADLINE, 1))
                .measurement(Measurement.ofSummary("g", MEASURED, MeasurementGroup.PARTNERSHIP, 3.0, 2.0, 50))
                .measurement(Measurement.ofSummary("g", MEASURED, MeasurementGroup.PARTNERSHIP, 6.0, 2.0, 200))
                .build();
        StrategyResult result = run(new TargetAttainment(), p, AS_OF);
        assertEquals(0.6, find(result, Subject.goal("g")).value(), 1e-15);
        assertTrue(warned(result, Warning.EXCLUDED_INPUT, "g"));
    }

    @Test
    void pastDeadlineWithoutReachingTheTargetWarns() {
        Instant after = Instant.parse("2026-10-01T00:00:00Z");
        StrategyResult result = run(new TargetAttainment(), twoGoals().build(), after);
        assertTrue(warned(result, Warning.PAST_DEADLINE, "enroll"));
        assertEquals(true, find(result, Subject.goal("enroll")).details().get("pastDeadline"));

        Partnership reached = builder().goal(goal("g", Direction.HIGHER_IS_BETTER, 0.0, 10.0, DEADLINE, 1))
                .measurement(measured("g", 10.0, 0.5)).build();
        StrategyResult done = run(new TargetAttainment(), reached, after);
        assertFalse(done.warnings().stream().anyMatch(w -> w.code().equals(Warning.PAST_DEADLINE)));
        assertEquals(true, find(done, Subject.goal("g")).details().get("onTrack"));
    }

    @Test
    void noUsableDeadlineMeansNoExpectedProgress() {
        Partnership p = builder()
                .goal(goal("open", Direction.HIGHER_IS_BETTER, 0.0, 10.0, null, 1))
                .goal(goal("early", Direction.HIGHER_IS_BETTER, 0.0, 10.0, START, 1))
                .measurement(measured("open", 5.0, 1.0))
                .measurement(measured("early", 5.0, 1.0))
                .build();
        StrategyResult result = run(new TargetAttainment(), p, AS_OF);
        for (String id : List.of("open", "early")) {
            Score s = find(result, Subject.goal(id));
            assertTrue(s.isOk());
            assertFalse(s.details().containsKey("expectedProgress"), id);
            assertFalse(s.details().containsKey("onTrack"), id);
            assertTrue(s.details().containsKey("expectedProgressNote"), id);
        }
        Score all = find(result, Subject.partnership());
        assertFalse(all.details().containsKey("expectedProgress"));
        assertTrue(((String) all.details().get("expectedProgressNote")).contains("open"));
    }

    @Test
    void realisticPartnershipScoresEveryGoal() {
        Partnership p = Riverbend.partnership();
        StrategyResult result = run(new TargetAttainment(), p);
        assertEquals(p.goals().size() + 1, result.scores().size());
        assertEquals(ScoreStatus.OK, find(result, Subject.goal("dual-enrollment")).status());
        assertEquals(ScoreStatus.OK, find(result, Subject.goal("chronic-absence")).status());
        assertEquals(ScoreStatus.OK, find(result, Subject.goal("fafsa")).status());
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, find(result, Subject.goal("mentoring")).status());
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, find(result, Subject.goal("stem-camp")).status());
        Score all = find(result, Subject.partnership());
        assertTrue(all.isOk());
        assertNull(all.interval(), "fafsa has no standard error");
        assertEquals(List.of("mentoring", "stem-camp"), all.details().get("goalsNotScored"));
    }

    /** Unit values of a skewed sample (Efron & Tibshirani's style of example; mean 10.7). */
    private static final List<Double> VALUES = List.of(2.0, 4.0, 4.0, 5.0, 7.0, 9.0, 10.0, 15.0, 21.0, 30.0);

    private static Interval bcaOfMean(int resamples, long seed) {
        double[] x = VALUES.stream().mapToDouble(Double::doubleValue).toArray();
        return new Bootstrap(resamples).bca(x.length, sample -> {
            double sum = 0;
            for (int i : sample) {
                sum += x[i];
            }
            return sum / sample.length;
        }, EvaluationConfig.DEFAULT_CONFIDENCE_LEVEL, seed).interval();
    }

    @Test
    void unitValuesGiveABcaBootstrapIntervalMappedToProgress() {
        Partnership p = builder()
                .goal(goal("up", Direction.HIGHER_IS_BETTER, 0.0, 20.0, DEADLINE, 1))
                .goal(goal("down", Direction.LOWER_IS_BETTER, 40.0, 0.0, DEADLINE, 1))
                .goal(goal("se", Direction.HIGHER_IS_BETTER, 0.0, 20.0, DEADLINE, 1))
                .measurement(new Measurement("up", MEASURED, MeasurementGroup.PARTNERSHIP, 10.7, null, null, null,
                        VALUES))
                .measurement(new Measurement("down", MEASURED, MeasurementGroup.PARTNERSHIP, 10.7, null, null, null,
                        VALUES))
                .measurement(measured("se", 10.7, 1.0))
                .build();
        StrategyResult result = run(new TargetAttainment(), p, AS_OF);
        Interval mean = bcaOfMean(TargetAttainment.DEFAULT_BOOTSTRAP_RESAMPLES,
                context(p, AS_OF, EvaluationConfig.DEFAULT_SEED).seedFor(TargetAttainment.ID));

        Score up = find(result, Subject.goal("up"));
        assertEquals(TargetAttainment.INTERVAL_BOOTSTRAP_BCA, up.details().get("intervalMethod"));
        assertEquals(10.7 / 20, up.value(), 1e-15);
        assertEquals(mean.low() / 20, up.interval().low(), 1e-12);
        assertEquals(mean.high() / 20, up.interval().high(), 1e-12);
        assertTrue(up.interval().contains(up.value()));
        // Skewed values: the BCa interval is not symmetric about the estimate.
        assertTrue(up.interval().high() - up.value() > up.value() - up.interval().low());

        Score down = find(result, Subject.goal("down"));
        assertEquals((40 - 10.7) / 40, down.value(), 1e-15);
        assertEquals((40 - mean.high()) / 40, down.interval().low(), 1e-12);
        assertEquals((40 - mean.low()) / 40, down.interval().high(), 1e-12);

        Score se = find(result, Subject.goal("se"));
        assertEquals(TargetAttainment.INTERVAL_STANDARD_ERROR, se.details().get("intervalMethod"));
        assertEquals(10.7 / 20 - Z / 20, se.interval().low(), 1e-12);

        // The partnership still combines standard errors: the values' own (sample sd / sqrt n).
        assertTrue(find(result, Subject.partnership()).interval() != null);
        // Same seed, same interval; another evaluation seed moves it.
        assertEquals(up, find(run(new TargetAttainment(), p, AS_OF), Subject.goal("up")));
        Score reseeded = find(new TargetAttainment().score(context(p, AS_OF, 99)), Subject.goal("up"));
        assertEquals(up.value(), reseeded.value(), 0);
        assertFalse(up.interval().equals(reseeded.interval()));
    }

    @Test
    void oneUnitValueFallsBackToTheStandardError() {
        Partnership p = builder().goal(goal("g", Direction.HIGHER_IS_BETTER, 0.0, 10.0, DEADLINE, 1))
                .measurement(new Measurement("g", MEASURED, MeasurementGroup.PARTNERSHIP, 5.0, null, null, 1.0,
                        List.of(5.0)))
                .build();
        Score g = find(run(new TargetAttainment(), p, AS_OF), Subject.goal("g"));
        assertEquals(TargetAttainment.INTERVAL_STANDARD_ERROR, g.details().get("intervalMethod"));
        assertEquals(0.5 - Z * 0.1, g.interval().low(), 1e-12);
    }

    @Test
    void bootstrapResamplesAreCheckedByConstructorAndConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> new TargetAttainment(99));
        assertThrows(IllegalArgumentException.class, () -> new TargetAttainment(100_001));
        assertEquals(500, new TargetAttainment().withBootstrapResamples(500).bootstrapResamples());
        assertEquals(TargetAttainment.DEFAULT_BOOTSTRAP_RESAMPLES,
                ((TargetAttainment) strategy()).bootstrapResamples());
        TargetAttainmentProvider provider = new TargetAttainmentProvider();
        TargetAttainment s = (TargetAttainment) provider.create(StrategyParameters.of(provider.id(),
                provider.parameters(), Map.of("bootstrapResamples", 250)));
        assertEquals(250, s.bootstrapResamples());
        EvaluationConfig config = EvaluationConfig.defaults()
                .withParameters(provider.id(), Map.of("bootstrapResamples", 99));
        assertThrows(InvalidConfigException.class,
                () -> Evaluator.builder().discover(false).register(provider).config(config).build());
    }
}
