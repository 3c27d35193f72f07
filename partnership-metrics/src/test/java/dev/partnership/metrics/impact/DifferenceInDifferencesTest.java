package dev.partnership.metrics.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Tests {@link DifferenceInDifferences} and {@link DifferenceInDifferencesProvider}. */
class DifferenceInDifferencesTest extends ScoringStrategyContractTest {
    private static final Instant START = Instant.parse("2024-09-01T00:00:00Z");
    private static final Instant PRE = Instant.parse("2024-06-30T00:00:00Z");
    private static final Instant POST = Instant.parse("2025-06-30T00:00:00Z");
    private static final Instant AS_OF = Instant.parse("2025-09-01T00:00:00Z");
    /** Two-sided normal quantile at 95%. */
    private static final double Z = 1.959963984540054;

    @Override
    protected ScoringStrategyProvider provider() {
        return new DifferenceInDifferencesProvider();
    }

    /**
     * Dual enrollment (higher is better) with two pre-start years per group and a post year; chronic absence (lower
     * is better) with a comparison group; mentoring without a comparison group; a goal without an indicator.
     */
    @Override
    protected Partnership realisticPartnership() {
        return builder()
                .partner(new Partner("college", "College", PartnerType.COMMUNITY_COLLEGE))
                .goal(goal("dual-enrollment", Direction.HIGHER_IS_BETTER))
                .goal(goal("chronic-absence", Direction.LOWER_IS_BETTER))
                .goal(goal("mentoring", Direction.HIGHER_IS_BETTER))
                .goal(new Goal("vision", "Shared vision", null, List.of(), null))
                .measurement(se("dual-enrollment", "2023-06-30", MeasurementGroup.PARTNERSHIP, 11.8, 0.5))
                .measurement(Measurement.ofSummary("dual-enrollment", PRE, MeasurementGroup.PARTNERSHIP, 12.4, 3.1, 850))
                .measurement(se("dual-enrollment", "2025-06-30", MeasurementGroup.PARTNERSHIP, 16.0, 0.4))
                .measurement(se("dual-enrollment", "2023-06-30", MeasurementGroup.COMPARISON, 11.5, 0.6))
                .measurement(se("dual-enrollment", "2024-06-30", MeasurementGroup.COMPARISON, 12.0, 0.5))
                .measurement(se("dual-enrollment", "2025-06-30", MeasurementGroup.COMPARISON, 12.9, 0.5))
                .measurement(Measurement.ofSummary("chronic-absence", PRE, MeasurementGroup.PARTNERSHIP, 21.0, 9.5, 400))
                .measurement(Measurement.ofSummary("chronic-absence", POST, MeasurementGroup.PARTNERSHIP, 17.0, 9.0, 400))
                .measurement(Measurement.ofSummary("chronic-absence", PRE, MeasurementGroup.COMPARISON, 20.0, 9.0, 380))
                .measurement(Measurement.ofSummary("chronic-absence", POST, MeasurementGroup.COMPARISON, 19.5, 9.2, 380))
                .measurement(se("mentoring", "2025-06-30", MeasurementGroup.PARTNERSHIP, 180.0, 5.0))
                .build();
    }

    @Override
    protected void checkSinglePartner(StrategyResult result) {
        // Measurements belong to goals, not partners: the goals stay scored with one partner.
        assertTrue(result.scores().stream().anyMatch(Score::isOk));
    }

    private static Partnership.Builder builder() {
        return Partnership.builder("did", "DiD", START)
                .partner(new Partner("district", "District", PartnerType.SCHOOL_DISTRICT));
    }

    private static Goal goal(String id, Direction direction) {
        return new Goal(id, "Goal " + id, new Indicator("indicator", "%", direction, null, null), List.of(), null);
    }

    private static Measurement se(String goal, String date, MeasurementGroup group, double mean, Double se) {
        return new Measurement(goal, Instant.parse(date + "T00:00:00Z"), group, mean, null, null, se, List.of());
    }

    private static Measurement at(Instant at, MeasurementGroup group, double mean, Double se) {
        return new Measurement("g", at, group, mean, null, null, se, List.of());
    }

    private static Score find(StrategyResult result, String goal) {
        Optional<Score> s = result.scores().stream().filter(x -> x.subject().equals(Subject.goal(goal))).findFirst();
        assertTrue(s.isPresent(), "no score for " + goal);
        return s.get();
    }

    private static boolean warned(StrategyResult result, String code) {
        return result.warnings().stream().anyMatch(w -> w.code().equals(code));
    }

    private static StrategyResult fourMeans(Direction direction, double preP, double postP, double preC, double postC,
                                            Double sePreP, Double sePostP, Double sePreC, Double sePostC) {
        Partnership p = builder().goal(goal("g", direction))
                .measurement(at(PRE, MeasurementGroup.PARTNERSHIP, preP, sePreP))
                .measurement(at(POST, MeasurementGroup.PARTNERSHIP, postP, sePostP))
                .measurement(at(PRE, MeasurementGroup.COMPARISON, preC, sePreC))
                .measurement(at(POST, MeasurementGroup.COMPARISON, postC, sePostC))
                .build();
        return run(new DifferenceInDifferences(), p, AS_OF);
    }

    /**
     * Card &amp; Krueger (1994), "Minimum wages and employment", American Economic Review 84(4):772–793, Table 3
     * (FTE employment per store): New Jersey (treated) 20.44 (0.51) → 21.03 (0.52), Pennsylvania (comparison)
     * 23.33 (1.35) → 21.17 (0.94). DiD from the rounded means is 2.75 (paper: 2.76, SE 1.36 from within-store
     * changes; with independent samples the SE is the root sum of the four squared SEs).
     */
    @Test
    void cardKruegerTable3() {
        StrategyResult result = fourMeans(Direction.HIGHER_IS_BETTER, 20.44, 21.03, 23.33, 21.17,
                0.51, 0.52, 1.35, 0.94);
        Score s = find(result, "g");
        assertEquals(ScoreStatus.OK, s.status());
        assertEquals(2.76, s.value(), 0.01 + 1e-9); // the paper's 2.76 within rounding of the means
        assertEquals(2.75, s.value(), 1e-9);
        double se = Math.sqrt(0.51 * 0.51 + 0.52 * 0.52 + 1.35 * 1.35 + 0.94 * 0.94);
        assertEquals(se, s.detail("standardError"), 1e-12);
        assertEquals(2.75 - Z * se, s.interval().low(), 1e-9);
        assertEquals(2.75 + Z * se, s.interval().high(), 1e-9);
        assertEquals(0.59, s.detail("changePartnership"), 1e-9);
        assertEquals(-2.16, s.detail("changeComparison"), 1e-9);
        assertTrue(Double.isNaN(s.normalized()), "no natural [0,1] map");
        @SuppressWarnings("unchecked")
        Map<String, Object> nj = (Map<String, Object>) s.details().get("partnership");
        assertEquals(20.44, (Double) nj.get("preMean"), 0);
        assertEquals(PRE.toString(), nj.get("preAt"));
        assertEquals(false, nj.get("paired"));
        assertTrue(s.explanation().contains("improved"), s.explanation());
    }

    @Test
    void lowerIsBetterFlipsTheSignSoPositiveIsImprovement() {
        // Absence fell 4 points in the partnership and 1 point in the comparison group: 3 points of improvement.
        Score s = find(fourMeans(Direction.LOWER_IS_BETTER, 20, 16, 20, 19, 1.0, 1.0, 1.0, 1.0), "g");
        assertEquals(3.0, s.value(), 1e-12);
        assertEquals(-3.0, s.detail("rawDifference"), 1e-12);
        assertTrue(s.interval().low() < 3 && s.interval().high() > 3);
        Score worse = find(fourMeans(Direction.HIGHER_IS_BETTER, 20, 16, 20, 19, 1.0, 1.0, 1.0, 1.0), "g");
        assertEquals(-3.0, worse.value(), 1e-12);
        assertTrue(worse.explanation().contains("worsened"), worse.explanation());
    }

    @Test
    void unitValuesOfEqualCountArePairedWithinTheGroup() {
        List<Double> pre = List.of(10.0, 12.0, 14.0, 16.0);
        List<Double> post = List.of(12.0, 15.0, 15.0, 19.0); // differences 2, 3, 1, 3: sd 0.9574271, n 4
        Partnership p = builder().goal(goal("g", Direction.HIGHER_IS_BETTER))
                .measurement(new Measurement("g", PRE, MeasurementGroup.PARTNERSHIP, 13.0, null, null, null, pre))
                .measurement(new Measurement("g", POST, MeasurementGroup.PARTNERSHIP, 15.25, null, null, null, post))
                .measurement(at(PRE, MeasurementGroup.COMPARISON, 13.0, 0.3))
                .measurement(at(POST, MeasurementGroup.COMPARISON, 14.0, 0.4))
                .build();
        Score s = find(run(new DifferenceInDifferences(), p, AS_OF), "g");
        assertEquals(1.25, s.value(), 1e-12);
        double sdDiff = Math.sqrt(((2 - 2.25) * (2 - 2.25) + 0.75 * 0.75 + 1.25 * 1.25 + 0.75 * 0.75) / 3);
        double seP = sdDiff / 2;
        assertEquals(Math.sqrt(seP * seP + 0.09 + 0.16), s.detail("standardError"), 1e-12);
        @SuppressWarnings("unchecked")
        Map<String, Object> group = (Map<String, Object>) s.details().get("partnership");
        assertEquals(true, group.get("paired"));
        // Unequal counts: independent samples.
        Partnership q = builder().goal(goal("g", Direction.HIGHER_IS_BETTER))
                .measurement(new Measurement("g", PRE, MeasurementGroup.PARTNERSHIP, 13.0, null, null, null, pre))
                .measurement(new Measurement("g", POST, MeasurementGroup.PARTNERSHIP, 14.0, null, null, null,
                        List.of(12.0, 15.0, 15.0)))
                .measurement(at(PRE, MeasurementGroup.COMPARISON, 13.0, 0.3))
                .measurement(at(POST, MeasurementGroup.COMPARISON, 14.0, 0.4))
                .build();
        Score r = find(run(new DifferenceInDifferences(), q, AS_OF), "g");
        double sePre = new Measurement("g", PRE, MeasurementGroup.PARTNERSHIP, 13.0, null, null, null, pre)
                .standardError();
        double sePost = Math.sqrt(3.0) / Math.sqrt(3); // values 12, 15, 15: sample variance 3
        assertEquals(Math.sqrt(sePre * sePre + sePost * sePost + 0.09 + 0.16), r.detail("standardError"), 1e-12);
    }

    @Test
    void missingGroupOrPeriodIsInsufficientWithAReason() {
        Partnership p = builder().goal(goal("g", Direction.HIGHER_IS_BETTER))
                .measurement(at(PRE, MeasurementGroup.PARTNERSHIP, 10, 1.0))
                .measurement(at(POST, MeasurementGroup.PARTNERSHIP, 12, 1.0))
                .measurement(at(POST, MeasurementGroup.COMPARISON, 11, 1.0))
                .build();
        StrategyResult result = run(new DifferenceInDifferences(), p, AS_OF);
        Score s = find(result, "g");
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, s.status());
        assertTrue(((String) s.details().get("reason")).contains("comparison-group measurement before the start"));
        assertTrue(warned(result, Warning.INSUFFICIENT_EVIDENCE));
        // Post-start measurements after asOf do not count.
        StrategyResult early = run(new DifferenceInDifferences(), realisticPartnership(), START.plusSeconds(86_400));
        assertTrue(early.scores().stream().noneMatch(Score::isOk));
        // A goal without an indicator is reported as a definition problem.
        StrategyResult full = run(new DifferenceInDifferences(), realisticPartnership());
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, find(full, "vision").status());
        assertTrue(warned(full, Warning.GOAL_DEFINITION));
    }

    @Test
    void unknownStandardErrorGivesAValueWithoutInterval() {
        Score s = find(fourMeans(Direction.HIGHER_IS_BETTER, 10, 12, 10, 11, null, 1.0, 1.0, 1.0), "g");
        assertEquals(1.0, s.value(), 1e-12);
        assertNull(s.interval());
        assertTrue(s.details().containsKey("intervalNote"));
    }

    @Test
    void realisticPartnershipScoresBothComparedGoals() {
        StrategyResult result = run(new DifferenceInDifferences(), realisticPartnership());
        Score de = find(result, "dual-enrollment");
        assertEquals((16.0 - 12.4) - (12.9 - 12.0), de.value(), 1e-12);
        // Pre-start slopes 0.6 and 0.5 per year with two points each: checked against the DiD SE.
        assertEquals("consistent", de.details().get("parallelTrends"));
        Score ca = find(result, "chronic-absence");
        assertEquals(-((17.0 - 21.0) - (19.5 - 20.0)), ca.value(), 1e-12);
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, find(result, "mentoring").status());
        assertEquals(List.of("chronic-absence", "dual-enrollment", "mentoring", "vision"),
                result.scores().stream().map(x -> ((Subject.GoalSubject) x.subject()).goal()).toList());
        assertFalse(warned(result, DifferenceInDifferences.PARALLEL_TRENDS));
    }

    private static Partnership.Builder trends(double slopeP, double slopeC, double noise) {
        Partnership.Builder b = builder().goal(goal("g", Direction.HIGHER_IS_BETTER));
        String[] years = {"2021", "2022", "2023", "2024"};
        double[] wiggle = {noise, -noise, -noise, noise};
        for (int i = 0; i < years.length; i++) {
            Instant t = Instant.parse(years[i] + "-06-30T00:00:00Z");
            b.measurement(at(t, MeasurementGroup.PARTNERSHIP, 10 + slopeP * i + wiggle[i], 0.2));
            b.measurement(at(t, MeasurementGroup.COMPARISON, 10 + slopeC * i - wiggle[i], 0.2));
        }
        return b.measurement(at(POST, MeasurementGroup.PARTNERSHIP, 15, 0.2))
                .measurement(at(POST, MeasurementGroup.COMPARISON, 12, 0.2));
    }

    @Test
    void divergingPreTrendsAreFlagged() {
        StrategyResult diverging = run(new DifferenceInDifferences(), trends(1.0, 0.0, 0.05).build(), AS_OF);
        assertTrue(warned(diverging, DifferenceInDifferences.PARALLEL_TRENDS));
        Score s = find(diverging, "g");
        assertEquals("diverging", s.details().get("parallelTrends"));
        assertTrue(s.detail("preSlopePartnership") > 0.9);
        assertTrue(s.details().containsKey("preSlopeStandardErrorPartnership"));

        StrategyResult parallel = run(new DifferenceInDifferences(), trends(0.5, 0.5, 0.05).build(), AS_OF);
        assertFalse(warned(parallel, DifferenceInDifferences.PARALLEL_TRENDS));
        assertEquals("consistent", find(parallel, "g").details().get("parallelTrends"));

        // Two pre points each: slopes 2 and 0 per year differ by more than the DiD SE (0.4).
        Partnership two = builder().goal(goal("g", Direction.HIGHER_IS_BETTER))
                .measurement(at(Instant.parse("2023-06-30T00:00:00Z"), MeasurementGroup.PARTNERSHIP, 8, 0.2))
                .measurement(at(PRE, MeasurementGroup.PARTNERSHIP, 10, 0.2))
                .measurement(at(POST, MeasurementGroup.PARTNERSHIP, 13, 0.2))
                .measurement(at(Instant.parse("2023-06-30T00:00:00Z"), MeasurementGroup.COMPARISON, 10, 0.2))
                .measurement(at(PRE, MeasurementGroup.COMPARISON, 10, 0.2))
                .measurement(at(POST, MeasurementGroup.COMPARISON, 10, 0.2))
                .build();
        StrategyResult r = run(new DifferenceInDifferences(), two, AS_OF);
        assertTrue(warned(r, DifferenceInDifferences.PARALLEL_TRENDS));
        assertTrue(((String) find(r, "g").details().get("parallelTrendsRule")).contains("two points"));
        // A single pre point: no check.
        Score one = find(fourMeans(Direction.HIGHER_IS_BETTER, 10, 12, 10, 11, 1.0, 1.0, 1.0, 1.0), "g");
        assertTrue(((String) one.details().get("parallelTrends")).startsWith("not checked"));
    }

    /**
     * Coverage property: with no true effect (all four group means drawn around 50 with known standard errors),
     * the 95% interval covers 0 in 93–97% of 2,000 seeded simulations.
     */
    @Test
    void intervalCoversZeroAtTheNominalRateWithoutEffect() {
        Random random = new Random(20_260_522L);
        double[] ses = {0.8, 1.1, 1.5, 0.6};
        int covered = 0;
        int runs = 2000;
        for (int i = 0; i < runs; i++) {
            double[] m = new double[4];
            for (int k = 0; k < 4; k++) {
                m[k] = 50 + ses[k] * random.nextGaussian();
            }
            Score s = find(fourMeans(Direction.HIGHER_IS_BETTER, m[0], m[1], m[2], m[3],
                    ses[0], ses[1], ses[2], ses[3]), "g");
            if (s.interval().low() <= 0 && s.interval().high() >= 0) {
                covered++;
            }
        }
        double rate = covered / (double) runs;
        assertTrue(rate >= 0.93 && rate <= 0.97, "coverage " + rate);
    }

    /**
     * Properties: shifting all four means by a constant leaves the estimate unchanged, swapping the groups negates
     * it, and the interval is centred on it with half-width z times the root sum of squared standard errors.
     */
    @Test
    void estimateIsShiftInvariantAndAntisymmetric() {
        qt().withFixedSeed(2002).withExamples(100)
                .forAll(doubles().between(-50, 50), doubles().between(-50, 50), doubles().between(-50, 50),
                        doubles().between(-100, 100))
                .checkAssert((a, b, c, shift) -> {
                    Score s = find(fourMeans(Direction.HIGHER_IS_BETTER, a, b, c, a + 1, 0.5, 0.6, 0.7, 0.8), "g");
                    Score shifted = find(fourMeans(Direction.HIGHER_IS_BETTER, a + shift, b + shift, c + shift,
                            a + 1 + shift, 0.5, 0.6, 0.7, 0.8), "g");
                    Score swapped = find(fourMeans(Direction.HIGHER_IS_BETTER, c, a + 1, a, b, 0.7, 0.8, 0.5, 0.6),
                            "g");
                    assertEquals((b - a) - (a + 1 - c), s.value(), 1e-9);
                    assertEquals(s.value(), shifted.value(), 1e-9);
                    assertEquals(-s.value(), swapped.value(), 1e-9);
                    double se = Math.sqrt(0.25 + 0.36 + 0.49 + 0.64);
                    assertEquals(Z * se, s.value() - s.interval().low(), 1e-9);
                    assertEquals(Z * se, s.interval().high() - s.value(), 1e-9);
                });
    }
}
