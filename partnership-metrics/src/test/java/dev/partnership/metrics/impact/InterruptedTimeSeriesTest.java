package dev.partnership.metrics.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import dev.partnership.metrics.stats.OrdinaryLeastSquares;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/** Tests {@link InterruptedTimeSeries} and {@link InterruptedTimeSeriesProvider}. */
class InterruptedTimeSeriesTest extends ScoringStrategyContractTest {
    private static final Instant START = Instant.parse("2024-09-01T00:00:00Z");
    private static final Instant AS_OF = Instant.parse("2026-09-01T00:00:00Z");
    private static final double YEAR = 365.25 * 86_400_000.0;
    /** Four pre-start and four post-start dates. */
    private static final String[] DATES = {"2021-06-30", "2022-06-30", "2023-06-30", "2024-06-30", "2025-01-31",
        "2025-06-30", "2026-01-31", "2026-06-30"};

    @Override
    protected ScoringStrategyProvider provider() {
        return new InterruptedTimeSeriesProvider();
    }

    /**
     * Reading proficiency (higher is better) measured yearly before the start and twice a year after; chronic
     * absence with only two measurements before the start; a goal without an indicator.
     */
    @Override
    protected Partnership realisticPartnership() {
        double[] reading = {41.2, 42.5, 42.9, 44.1, 47.3, 48.0, 49.6, 50.2};
        Partnership.Builder b = builder()
                .partner(new Partner("college", "College", PartnerType.COMMUNITY_COLLEGE))
                .goal(goal("reading", Direction.HIGHER_IS_BETTER))
                .goal(goal("chronic-absence", Direction.LOWER_IS_BETTER))
                .goal(new Goal("vision", "Shared vision", null, List.of(), null));
        for (int i = 0; i < DATES.length; i++) {
            b.measurement(Measurement.ofSummary("reading", at(DATES[i]), MeasurementGroup.PARTNERSHIP, reading[i],
                    12.0, 300));
        }
        b.measurement(point("chronic-absence", "2023-06-30", 22.0));
        b.measurement(point("chronic-absence", "2024-06-30", 21.0));
        b.measurement(point("chronic-absence", "2025-06-30", 18.0));
        b.measurement(point("chronic-absence", "2026-06-30", 17.0));
        return b.build();
    }

    @Override
    protected void checkSinglePartner(StrategyResult result) {
        assertTrue(result.scores().stream().anyMatch(Score::isOk));
    }

    private static Partnership.Builder builder() {
        return Partnership.builder("its", "ITS", START)
                .partner(new Partner("district", "District", PartnerType.SCHOOL_DISTRICT));
    }

    private static Instant at(String date) {
        return Instant.parse(date + "T00:00:00Z");
    }

    private static Goal goal(String id, Direction direction) {
        return new Goal(id, "Goal " + id, new Indicator("indicator", "%", direction, null, null), List.of(), null);
    }

    private static Measurement point(String goal, String date, double mean) {
        return new Measurement(goal, at(date), MeasurementGroup.PARTNERSHIP, mean, null, null, null, List.of());
    }

    private static double years(String date) {
        return (at(date).toEpochMilli() - at(DATES[0]).toEpochMilli()) / YEAR;
    }

    private static double startYears() {
        return (START.toEpochMilli() - at(DATES[0]).toEpochMilli()) / YEAR;
    }

    /** A series following β = (10, 1, 3, 0.5) plus the given noise at each date. */
    private static Partnership series(Direction direction, double[] noise) {
        Partnership.Builder b = builder().goal(goal("g", direction));
        double t0 = startYears();
        for (int i = 0; i < DATES.length; i++) {
            double t = years(DATES[i]);
            double post = i >= 4 ? 1 : 0;
            b.measurement(point("g", DATES[i], 10 + t + 3 * post + 0.5 * (t - t0) * post + noise[i]));
        }
        return b.build();
    }

    private static Score find(StrategyResult result, String goal) {
        Optional<Score> s = result.scores().stream().filter(x -> x.subject().equals(Subject.goal(goal))).findFirst();
        assertTrue(s.isPresent(), "no score for " + goal);
        return s.get();
    }

    private static boolean warned(StrategyResult result, String code) {
        return result.warnings().stream().anyMatch(w -> w.code().equals(code));
    }

    @Test
    void exactSegmentedSeriesRecoversTheCoefficients() {
        Score s = find(run(new InterruptedTimeSeries(), series(Direction.HIGHER_IS_BETTER, new double[8]), AS_OF), "g");
        assertEquals(ScoreStatus.OK, s.status());
        assertEquals(10.0, s.detail("beta0"), 1e-9);
        assertEquals(1.0, s.detail("beta1"), 1e-9);
        assertEquals(3.0, s.detail("beta2"), 1e-9);
        assertEquals(0.5, s.detail("beta3"), 1e-9);
        assertEquals(3.0, s.value(), 1e-9);
        assertEquals(0.5, s.detail("slopeChange"), 1e-9);
        assertEquals(4.0, s.detail("degreesOfFreedom"), 0);
        assertTrue(Double.isNaN(s.normalized()), "no natural [0,1] map");
        assertTrue(s.details().containsKey("durbinWatsonNote"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cf = (List<Map<String, Object>>) s.details().get("counterfactual");
        assertEquals(4, cf.size());
        assertEquals(DATES[4] + "T00:00:00Z", cf.get(0).get("at"));
        assertEquals(10 + years(DATES[4]), (Double) cf.get(0).get("counterfactual"), 1e-9);
        assertTrue(s.explanation().contains("improved"), s.explanation());
    }

    @Test
    void intervalsAreStudentTWithNMinusFourDegreesOfFreedom() {
        double[] noise = {0.3, -0.2, -0.4, 0.25, 0.1, -0.35, 0.2, 0.15};
        Partnership p = series(Direction.HIGHER_IS_BETTER, noise);
        Score s = find(run(new InterruptedTimeSeries(), p, AS_OF), "g");
        // Independent fit of the same design.
        double t0 = startYears();
        double[] y = new double[8];
        double[][] x = new double[8][];
        for (int i = 0; i < 8; i++) {
            double t = years(DATES[i]);
            double post = i >= 4 ? 1 : 0;
            y[i] = 10 + t + 3 * post + 0.5 * (t - t0) * post + noise[i];
            x[i] = new double[] {t, post, (t - t0) * post};
        }
        OrdinaryLeastSquares fit = OrdinaryLeastSquares.fit(y, x);
        double tq = new TDistribution(4).inverseCumulativeProbability(0.975);
        assertEquals(2.7764451051977987, tq, 1e-9); // t(0.975, 4), standard tables: 2.776
        assertEquals(fit.coefficients()[2], s.value(), 1e-12);
        assertEquals(fit.standardErrors()[2], s.detail("standardErrorBeta2"), 1e-12);
        assertEquals(s.value() - tq * fit.standardErrors()[2], s.interval().low(), 1e-9);
        assertEquals(s.value() + tq * fit.standardErrors()[2], s.interval().high(), 1e-9);
        @SuppressWarnings("unchecked")
        Map<String, Object> slope = (Map<String, Object>) s.details().get("slopeChangeInterval");
        assertEquals(fit.coefficients()[3] + tq * fit.standardErrors()[3], (Double) slope.get("high"), 1e-9);
        assertEquals(fit.durbinWatson(), s.detail("durbinWatson"), 1e-12);
        assertEquals(8, s.n(), 0);
    }

    @Test
    void lowerIsBetterFlipsTheSigns() {
        double[] noise = {0.3, -0.2, -0.4, 0.25, 0.1, -0.35, 0.2, 0.15};
        Score up = find(run(new InterruptedTimeSeries(), series(Direction.HIGHER_IS_BETTER, noise), AS_OF), "g");
        Score down = find(run(new InterruptedTimeSeries(), series(Direction.LOWER_IS_BETTER, noise), AS_OF), "g");
        assertEquals(-up.value(), down.value(), 1e-12);
        assertEquals(-up.detail("slopeChange"), down.detail("slopeChange"), 1e-12);
        assertEquals(up.detail("beta2"), down.detail("beta2"), 0);
        assertEquals(-up.interval().high(), down.interval().low(), 1e-12);
        assertTrue(down.explanation().contains("worsened"), down.explanation());
    }

    @Test
    void alternatingResidualsRaiseTheAutocorrelationWarning() {
        double[] alternating = {0.5, -0.5, 0.5, -0.5, 0.5, -0.5, 0.5, -0.5};
        StrategyResult r = run(new InterruptedTimeSeries(), series(Direction.HIGHER_IS_BETTER, alternating), AS_OF);
        assertTrue(find(r, "g").detail("durbinWatson") > 2.5);
        assertTrue(warned(r, InterruptedTimeSeries.AUTOCORRELATED_RESIDUALS));
        double[] smooth = {0.3, -0.2, -0.4, 0.25, 0.1, -0.35, 0.2, 0.15};
        StrategyResult ok = run(new InterruptedTimeSeries(), series(Direction.HIGHER_IS_BETTER, smooth), AS_OF);
        double dw = find(ok, "g").detail("durbinWatson");
        assertEquals(dw < 1.5 || dw > 2.5, warned(ok, InterruptedTimeSeries.AUTOCORRELATED_RESIDUALS));
    }

    @Test
    void thinSeriesIsInsufficient() {
        StrategyResult result = run(new InterruptedTimeSeries(), realisticPartnership());
        Score absence = find(result, "chronic-absence");
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, absence.status());
        assertTrue(((String) absence.details().get("reason")).contains("at least 3"));
        assertTrue(warned(result, Warning.INSUFFICIENT_EVIDENCE));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, find(result, "vision").status());
        assertTrue(warned(result, Warning.GOAL_DEFINITION));
        assertTrue(find(result, "reading").isOk());
        // As of mid-2025 only two post-start points exist.
        Score early = find(run(new InterruptedTimeSeries(), realisticPartnership(), at("2025-07-01")), "reading");
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, early.status());
    }

    @Test
    void pointsAllAtOneInstantOnASideAreInsufficientNotAnError() {
        Partnership.Builder b = builder().goal(goal("g", Direction.HIGHER_IS_BETTER));
        for (double v : new double[] {10, 11, 12}) {
            b.measurement(point("g", "2024-06-30", v));
        }
        b.measurement(point("g", "2025-01-31", 13)).measurement(point("g", "2025-06-30", 14))
                .measurement(point("g", "2026-01-31", 15));
        Score s = find(run(new InterruptedTimeSeries(), b.build(), AS_OF), "g");
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, s.status());
        assertFalse(s.isOk());
    }

    @Test
    void realisticReadingSeriesShowsAJumpAtTheStart() {
        Score s = find(run(new InterruptedTimeSeries(), realisticPartnership()), "reading");
        assertTrue(s.value() > 1, "level change " + s.value());
        assertEquals(4.0, s.detail("pointsBefore"), 0);
        assertEquals(4.0, s.detail("pointsAfter"), 0);
        assertTrue(s.details().containsKey("rSquared"));
    }

    /**
     * Property: adding a constant to every point changes only the intercept, and scaling every point scales the
     * level change and its standard error (OLS is affine-equivariant).
     */
    @Test
    void levelChangeIsShiftInvariantAndScaleEquivariant() {
        double[] noise = {0.3, -0.2, -0.4, 0.25, 0.1, -0.35, 0.2, 0.15};
        Score base = find(run(new InterruptedTimeSeries(), series(Direction.HIGHER_IS_BETTER, noise), AS_OF), "g");
        qt().withFixedSeed(2027).withExamples(100)
                .forAll(doubles().between(-100, 100), doubles().between(0.1, 10))
                .checkAssert((shift, scale) -> {
                    Partnership.Builder b = builder().goal(goal("g", Direction.HIGHER_IS_BETTER));
                    double t0 = startYears();
                    for (int i = 0; i < DATES.length; i++) {
                        double t = years(DATES[i]);
                        double post = i >= 4 ? 1 : 0;
                        double y = 10 + t + 3 * post + 0.5 * (t - t0) * post + noise[i];
                        b.measurement(point("g", DATES[i], scale * y + shift));
                    }
                    Score s = find(run(new InterruptedTimeSeries(), b.build(), AS_OF), "g");
                    assertEquals(scale * base.value(), s.value(), 1e-7 * scale);
                    assertEquals(scale * base.detail("standardErrorBeta2"), s.detail("standardErrorBeta2"),
                            1e-7 * scale);
                    assertEquals(scale * base.detail("beta0") + shift, s.detail("beta0"), 1e-7 * (scale + 100));
                });
    }
}
