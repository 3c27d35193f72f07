package dev.partnership.metrics.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.partnership.Direction;
import dev.partnership.EvaluationConfig;
import dev.partnership.Evaluator;
import dev.partnership.Goal;
import dev.partnership.Indicator;
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
import dev.partnership.metrics.ScoringStrategyContractTest;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import dev.partnership.spi.StrategyResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Tests {@link GoalAttainmentScaling} and {@link GoalAttainmentScalingProvider}. */
class GoalAttainmentScalingTest extends ScoringStrategyContractTest {
    private static final Instant START = Instant.parse("2024-09-01T00:00:00Z");
    private static final Instant MEASURED = Instant.parse("2025-06-30T00:00:00Z");
    private static final Instant AS_OF = Instant.parse("2025-09-01T00:00:00Z");
    private static final double[] ONES_3 = {1, 1, 1};

    @Override
    protected ScoringStrategyProvider provider() {
        return new GoalAttainmentScalingProvider();
    }

    /**
     * A partnership of three partners with four goals: three with attainment levels (two higher-is-better, one
     * lower-is-better) measured with standard errors, one without levels.
     */
    @Override
    protected Partnership realisticPartnership() {
        return Partnership.builder("gas", "Riverbend GAS", START)
                .partner(new Partner("rusd", "Riverbend Unified", PartnerType.SCHOOL_DISTRICT))
                .partner(new Partner("rcc", "Riverbend Community College", PartnerType.COMMUNITY_COLLEGE))
                .partner(new Partner("youthworks", "YouthWorks", PartnerType.NONPROFIT))
                .goal(goal("dual-enrollment", Direction.HIGHER_IS_BETTER, 2, List.of(10.0, 12.0, 16.0, 20.0, 25.0)))
                .goal(goal("chronic-absence", Direction.LOWER_IS_BETTER, 1, List.of(22.0, 18.0, 15.0, 12.0, 10.0)))
                .goal(goal("fafsa", Direction.HIGHER_IS_BETTER, 1.5, List.of(50.0, 55.0, 60.0, 68.0, 75.0)))
                .goal(goal("mentoring", Direction.HIGHER_IS_BETTER, 1, List.of()))
                .measurement(measured("dual-enrollment", Instant.parse("2024-12-01T00:00:00Z"), 13.0, 0.5))
                .measurement(measured("dual-enrollment", MEASURED, 17.2, 0.6)) // level 0
                .measurement(measured("chronic-absence", MEASURED, 11.5, 0.4)) // level +1
                .measurement(measured("fafsa", MEASURED, 58.0, 1.1)) // level -1
                .measurement(measured("mentoring", MEASURED, 180.0, null))
                .measurement(new Measurement("fafsa", MEASURED, MeasurementGroup.COMPARISON, 50.0, null, null, 1.0,
                        List.of()))
                .build();
    }

    @Override
    protected void checkSinglePartner(StrategyResult result) {
        // Measurements belong to goals, not partners: the T-score stays defined with one partner.
        assertTrue(result.scores().get(0).isOk());
    }

    private static Goal goal(String id, Direction direction, double weight, List<Double> levels) {
        return new Goal(id, "Goal " + id, new Indicator("indicator", "%", direction, null, null), List.of(), null,
                weight, levels);
    }

    private static Measurement measured(String goal, Instant at, double mean, Double se) {
        return new Measurement(goal, at, MeasurementGroup.PARTNERSHIP, mean, null, null, se, List.of());
    }

    private static Score find(StrategyResult result, Subject subject) {
        Optional<Score> s = result.scores().stream().filter(x -> x.subject().equals(subject)).findFirst();
        assertTrue(s.isPresent(), "no score for " + subject);
        return s.get();
    }

    // Vectors: /work/shared/reference/VECTORS.md "Goal Attainment Scaling" (Kiresuk & Sherman 1968, corrected
    // formula per Turner-Stokes 2009 erratum), sources: R package gasr documentation and README.
    @Test
    void tScoreMatchesPublishedWeightedVector() {
        double t = GoalAttainmentScaling.tScore(new double[] {-2, 0, -1, 2, 0, 1}, new double[] {3, 5, 1, 4, 2, 6},
                0.3);
        assertEquals(55.000, t, 1e-12);
    }

    @Test
    void tScoreMatchesPublishedUnweightedVectors() {
        assertEquals(77.38613, GoalAttainmentScaling.tScore(new double[] {2, 2, 2}, ONES_3, 0.3), 5e-6);
        assertEquals(63.69306, GoalAttainmentScaling.tScore(new double[] {1, 0, 2}, ONES_3, 0.3), 5e-6);
        assertEquals(56.03023, GoalAttainmentScaling.tScore(new double[] {2, 1, 0, -2, 1},
                new double[] {1, 1, 1, 1, 1}, 0.3), 5e-6);
        assertEquals(50.0, GoalAttainmentScaling.tScore(new double[] {-1, 0, 1, 1, -1, 0},
                new double[] {1, 1, 1, 1, 1, 1}, 0.3), 1e-12);
    }

    @Test
    void oneGoalGivesFiftyPlusTenTimesItsLevel() {
        qt().withFixedSeed(401).withExamples(300)
                .forAll(integers().between(-2, 2), integers().between(1, 1000), integers().between(0, 99))
                .checkAssert((x, w, r) -> assertEquals(50 + 10.0 * x,
                        GoalAttainmentScaling.tScore(new double[] {x}, new double[] {w / 10.0}, r / 100.0), 1e-9));
    }

    @Test
    void tScoreIgnoresGoalOrderAndScaleOfWeightsAndRisesWithALevel() {
        qt().withFixedSeed(409).withExamples(300)
                .forAll(longs().all(), integers().between(1, 12))
                .checkAssert((seed, n) -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    double[] x = new double[n];
                    double[] w = new double[n];
                    for (int i = 0; i < n; i++) {
                        x[i] = r.nextInt(5) - 2;
                        w[i] = 0.1 + r.nextDouble() * 5;
                    }
                    double t = GoalAttainmentScaling.tScore(x, w, 0.3);
                    double[] xr = new double[n];
                    double[] wr = new double[n];
                    double[] w3 = new double[n];
                    for (int i = 0; i < n; i++) {
                        xr[i] = x[n - 1 - i];
                        wr[i] = w[n - 1 - i];
                        w3[i] = 3 * w[i];
                    }
                    assertEquals(t, GoalAttainmentScaling.tScore(xr, wr, 0.3), 1e-9);
                    assertEquals(t, GoalAttainmentScaling.tScore(x, w3, 0.3), 1e-9);
                    int k = r.nextInt(n);
                    if (x[k] < 2) {
                        x[k] += 1;
                        assertTrue(GoalAttainmentScaling.tScore(x, w, 0.3) > t);
                    }
                });
    }

    @Test
    void tScoreRejectsBadInput() {
        assertThrows(IllegalArgumentException.class,
                () -> GoalAttainmentScaling.tScore(new double[0], new double[0], 0.3));
        assertThrows(IllegalArgumentException.class,
                () -> GoalAttainmentScaling.tScore(new double[] {1}, new double[] {1, 1}, 0.3));
        assertThrows(IllegalArgumentException.class,
                () -> GoalAttainmentScaling.tScore(new double[] {3}, new double[] {1}, 0.3));
        assertThrows(IllegalArgumentException.class,
                () -> GoalAttainmentScaling.tScore(new double[] {Double.NaN}, new double[] {1}, 0.3));
        assertThrows(IllegalArgumentException.class,
                () -> GoalAttainmentScaling.tScore(new double[] {1}, new double[] {0}, 0.3));
        assertThrows(IllegalArgumentException.class,
                () -> GoalAttainmentScaling.tScore(new double[] {1}, new double[] {1}, 1.0));
        assertThrows(IllegalArgumentException.class,
                () -> GoalAttainmentScaling.tScore(new double[] {1}, new double[] {1}, -0.1));
    }

    @Test
    void levelIsTheHighestLevelReachedInTheImprovingDirection() {
        List<Double> up = List.of(10.0, 12.0, 16.0, 20.0, 25.0);
        assertEquals(-2, GoalAttainmentScaling.level(up, Direction.HIGHER_IS_BETTER, 3.0));
        assertEquals(-2, GoalAttainmentScaling.level(up, Direction.HIGHER_IS_BETTER, 11.99));
        assertEquals(-1, GoalAttainmentScaling.level(up, Direction.HIGHER_IS_BETTER, 12.0));
        assertEquals(0, GoalAttainmentScaling.level(up, Direction.HIGHER_IS_BETTER, 19.9));
        assertEquals(1, GoalAttainmentScaling.level(up, Direction.HIGHER_IS_BETTER, 20.0));
        assertEquals(2, GoalAttainmentScaling.level(up, Direction.HIGHER_IS_BETTER, 25.0));
        assertEquals(2, GoalAttainmentScaling.level(up, Direction.HIGHER_IS_BETTER, 99.0));
        List<Double> down = List.of(22.0, 18.0, 15.0, 12.0, 10.0);
        assertEquals(-2, GoalAttainmentScaling.level(down, Direction.LOWER_IS_BETTER, 30.0));
        assertEquals(-2, GoalAttainmentScaling.level(down, Direction.LOWER_IS_BETTER, 18.01));
        assertEquals(-1, GoalAttainmentScaling.level(down, Direction.LOWER_IS_BETTER, 18.0));
        assertEquals(1, GoalAttainmentScaling.level(down, Direction.LOWER_IS_BETTER, 12.0));
        assertEquals(2, GoalAttainmentScaling.level(down, Direction.LOWER_IS_BETTER, 0.0));
        assertThrows(IllegalArgumentException.class,
                () -> GoalAttainmentScaling.level(List.of(1.0, 2.0), Direction.HIGHER_IS_BETTER, 1.0));
        assertThrows(IllegalArgumentException.class,
                () -> GoalAttainmentScaling.level(up, Direction.HIGHER_IS_BETTER, Double.NaN));
    }

    @Test
    void partnershipScoreIsTheTScoreOfTheMeasuredLevels() {
        StrategyResult result = run(new GoalAttainmentScaling(), realisticPartnership(), AS_OF);
        // Levels: dual-enrollment 0 (w 2), chronic-absence +1 (w 1), fafsa -1 (w 1.5).
        double t = GoalAttainmentScaling.tScore(new double[] {0, 1, -1}, new double[] {2, 1, 1.5}, 0.3);
        Score all = result.scores().get(0);
        assertEquals(Subject.partnership(), all.subject());
        assertEquals(t, all.value(), 1e-12);
        assertTrue(t < 50);
        // Φ((T − 50)/10), checked through the symmetry Φ(−z) = 1 − Φ(z):
        assertEquals(1 - GoalAttainmentScaling.normalizedT(100 - t), all.normalized(), 1e-12);
        assertEquals(3, all.n(), 0);
        assertEquals(List.of("mentoring"), all.details().get("goalsWithoutLevels"));
        assertEquals(List.of(), all.details().get("goalsWithoutMeasurement"));
        assertTrue(result.warnings().stream().anyMatch(w -> w.code().equals(Warning.INSUFFICIENT_EVIDENCE)
                && w.message().contains("mentoring")));

        assertEquals(0, find(result, Subject.goal("dual-enrollment")).value(), 0);
        assertEquals(17.2, find(result, Subject.goal("dual-enrollment")).detail("measured"), 0);
        assertEquals(1, find(result, Subject.goal("chronic-absence")).value(), 0);
        assertEquals(-1, find(result, Subject.goal("fafsa")).value(), 0);
        assertEquals(List.of(50.0, 55.0, 60.0, 68.0, 75.0),
                find(result, Subject.goal("fafsa")).details().get("levelValues"));
        assertFalse(result.scores().stream().anyMatch(s -> s.subject().equals(Subject.goal("mentoring"))));
        assertEquals(4, result.scores().size());
    }

    @Test
    void normalizedIsTheNormalProportionBelowT() {
        assertEquals(0.5, GoalAttainmentScaling.normalizedT(50), 0);
        // Φ(1) = 0.8413447460685429 (standard normal table).
        assertEquals(0.8413447460685429, GoalAttainmentScaling.normalizedT(60), 1e-12);
        assertEquals(1 - 0.8413447460685429, GoalAttainmentScaling.normalizedT(40), 1e-12);
    }

    @Test
    void monteCarloIntervalIsSeededAndCoversT() {
        Partnership p = realisticPartnership();
        Score a = run(new GoalAttainmentScaling(), p, AS_OF).scores().get(0);
        assertEquals("monte-carlo", a.details().get("intervalMethod"));
        assertTrue(a.interval().contains(a.value()), a.interval() + " vs " + a.value());
        assertTrue(a.interval().width() > 0);
        assertEquals(GoalAttainmentScaling.normalizedT(a.interval().low()), a.normalizedInterval().low(), 0);
        assertEquals(GoalAttainmentScaling.normalizedT(a.interval().high()), a.normalizedInterval().high(), 0);
        assertEquals(a, run(new GoalAttainmentScaling(), p, AS_OF).scores().get(0));
        Score other = new GoalAttainmentScaling().score(context(p, AS_OF, 12345)).scores().get(0);
        assertEquals(a.value(), other.value(), 0);
        assertNotEquals(null, other.interval());
    }

    @Test
    void zeroStandardErrorsGiveADegenerateInterval() {
        Partnership p = Partnership.builder("g", "G", START)
                .partner(new Partner("a", "A", PartnerType.NONPROFIT))
                .goal(goal("g1", Direction.HIGHER_IS_BETTER, 1, List.of(1.0, 2.0, 3.0, 4.0, 5.0)))
                .measurement(measured("g1", MEASURED, 4.5, 0.0))
                .build();
        Score s = run(new GoalAttainmentScaling(), p, AS_OF).scores().get(0);
        assertEquals(60.0, s.value(), 1e-12);
        assertEquals(60.0, s.interval().low(), 1e-12);
        assertEquals(60.0, s.interval().high(), 1e-12);
    }

    @Test
    void unknownStandardErrorGivesNoInterval() {
        Partnership p = Partnership.builder("g", "G", START)
                .partner(new Partner("a", "A", PartnerType.NONPROFIT))
                .goal(goal("g1", Direction.LOWER_IS_BETTER, 1, List.of(5.0, 4.0, 3.0, 2.0, 1.0)))
                .goal(goal("g2", Direction.HIGHER_IS_BETTER, 1, List.of(1.0, 2.0, 3.0, 4.0, 5.0)))
                .measurement(measured("g1", MEASURED, 0.5, null))
                .build();
        StrategyResult result = run(new GoalAttainmentScaling(), p, AS_OF);
        Score s = result.scores().get(0);
        assertEquals(70.0, s.value(), 1e-12);
        assertNull(s.interval());
        assertNull(s.normalizedInterval());
        assertTrue(String.valueOf(s.details().get("intervalNote")).contains("g1"));
        assertEquals(List.of("g2"), s.details().get("goalsWithoutMeasurement"));
        Score g2 = find(result, Subject.goal("g2"));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, g2.status());
        assertTrue(result.warnings().stream().anyMatch(w -> w.message().contains("g2")));
    }

    @Test
    void noCountedGoalGivesInsufficientEvidence() {
        Partnership p = Partnership.builder("g", "G", START)
                .partner(new Partner("a", "A", PartnerType.NONPROFIT))
                .goal(goal("g1", Direction.HIGHER_IS_BETTER, 1, List.of()))
                .measurement(measured("g1", MEASURED, 0.5, 0.1))
                .build();
        Score s = run(new GoalAttainmentScaling(), p, AS_OF).scores().get(0);
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, s.status());
        assertTrue(Double.isNaN(s.value()));
    }

    @Test
    void measurementsAfterAsOfAreIgnored() {
        Partnership p = realisticPartnership();
        StrategyResult early = run(new GoalAttainmentScaling(), p, Instant.parse("2025-01-01T00:00:00Z"));
        // Only the December 2024 dual-enrollment measurement (13.0: level -1) is visible.
        assertEquals(-1, find(early, Subject.goal("dual-enrollment")).value(), 0);
        assertEquals(40.0, early.scores().get(0).value(), 1e-12);
    }

    @Test
    void rhoAndSimulationsAreCheckedByConstructorAndConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> new GoalAttainmentScaling(1.0, 2000));
        assertThrows(IllegalArgumentException.class, () -> new GoalAttainmentScaling(-0.1, 2000));
        assertThrows(IllegalArgumentException.class, () -> new GoalAttainmentScaling(0.3, 99));
        assertEquals(0.5, new GoalAttainmentScaling().withRho(0.5).rho(), 0);
        assertEquals(500, new GoalAttainmentScaling().withSimulations(500).simulations());
        GoalAttainmentScalingProvider provider = new GoalAttainmentScalingProvider();
        GoalAttainmentScaling s = (GoalAttainmentScaling) provider.create(StrategyParameters.of(provider.id(),
                provider.parameters(), Map.of("rho", 0.0, "simulations", 300)));
        assertEquals(0.0, s.rho(), 0);
        assertEquals(300, s.simulations());
        GoalAttainmentScaling d = (GoalAttainmentScaling) strategy();
        assertEquals(GoalAttainmentScaling.DEFAULT_RHO, d.rho(), 0);
        assertEquals(GoalAttainmentScaling.DEFAULT_SIMULATIONS, d.simulations());
        EvaluationConfig config = EvaluationConfig.defaults().withParameters(provider.id(), Map.of("rho", 1.0));
        assertThrows(InvalidConfigException.class,
                () -> Evaluator.builder().discover(false).register(provider).config(config).build());
    }
}
