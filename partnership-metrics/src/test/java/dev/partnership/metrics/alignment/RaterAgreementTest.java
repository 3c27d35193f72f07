package dev.partnership.metrics.alignment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.partnership.EvaluationConfig;
import dev.partnership.Evaluator;
import dev.partnership.Goal;
import dev.partnership.InvalidConfigException;
import dev.partnership.Partner;
import dev.partnership.PartnerType;
import dev.partnership.Partnership;
import dev.partnership.Priority;
import dev.partnership.Rating;
import dev.partnership.RatingDimension;
import dev.partnership.Score;
import dev.partnership.ScoreStatus;
import dev.partnership.Subject;
import dev.partnership.Warning;
import dev.partnership.metrics.Riverbend;
import dev.partnership.metrics.ScoringStrategyContractTest;
import dev.partnership.metrics.stats.IntraclassCorrelation;
import dev.partnership.metrics.stats.IntraclassCorrelation.Form;
import dev.partnership.metrics.stats.KrippendorffAlpha;
import dev.partnership.metrics.stats.KrippendorffAlpha.Level;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import dev.partnership.spi.StrategyResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Tests {@link RaterAgreement} and {@link RaterAgreementProvider}. */
class RaterAgreementTest extends ScoringStrategyContractTest {
    private static final Instant START = Instant.parse("2024-09-01T00:00:00Z");
    private static final double M = Double.NaN;

    /**
     * Shrout &amp; Fleiss (1979), Table 2: 6 targets × 4 judges (the project's VECTORS.md, "ICC"). Here the
     * targets are goals g1..g6 and the judges partners p1..p4: {@code SHROUT_FLEISS[goal][partner]}.
     */
    private static final double[][] SHROUT_FLEISS = {
            {9, 2, 5, 8},
            {6, 1, 3, 2},
            {8, 4, 6, 8},
            {7, 1, 2, 6},
            {10, 5, 6, 9},
            {6, 2, 4, 7},
    };

    @Override
    protected ScoringStrategyProvider provider() {
        return new RaterAgreementProvider();
    }

    @Override
    protected Partnership realisticPartnership() {
        return Riverbend.partnership();
    }

    @Override
    protected void checkSinglePartner(StrategyResult result) {
        Score s = only(result);
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, s.status());
        assertEquals(1, s.detail("judges"), 0);
    }

    private static Score only(StrategyResult result) {
        assertEquals(1, result.scores().size());
        Score s = result.scores().get(0);
        assertEquals(Subject.partnership(), s.subject());
        return s;
    }

    /**
     * Builds a partnership whose partners {@code p1, p2, …} weight goals {@code g1, g2, …}.
     *
     * @param weights {@code weights[goal][partner]}, NaN for no priority
     */
    private static Partnership.Builder withWeights(double[][] weights) {
        Partnership.Builder b = Partnership.builder("w", "Weights", START);
        int partners = weights[0].length;
        for (int p = 1; p <= partners; p++) {
            b.partner(new Partner("p" + p, "Partner " + p, PartnerType.OTHER));
        }
        for (int g = 0; g < weights.length; g++) {
            b.goal(new Goal("g" + (g + 1), "Goal " + (g + 1), null, List.of(), null));
            for (int p = 0; p < partners; p++) {
                if (!Double.isNaN(weights[g][p])) {
                    b.priority(new Priority("p" + (p + 1), "g" + (g + 1), weights[g][p]));
                }
            }
        }
        return b;
    }

    private static RaterAgreement configured(Map<String, Object> parameters) {
        RaterAgreementProvider p = new RaterAgreementProvider();
        return (RaterAgreement) p.create(StrategyParameters.of(p.id(), p.parameters(), parameters));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static double[][] transpose(double[][] x) {
        double[][] t = new double[x[0].length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                t[j][i] = x[i][j];
            }
        }
        return t;
    }

    @Test
    void shroutFleissThroughTheStrategy() {
        Score s = only(run(new RaterAgreement(), withWeights(SHROUT_FLEISS).build()));
        assertEquals(ScoreStatus.OK, s.status());
        // ICC(2,1) = 0.2897637795, 95% interval (0.02, 0.76): Shrout & Fleiss 1979 via VECTORS.md.
        assertEquals(0.2897637795, s.value(), 1e-9);
        assertEquals(2, Math.round(s.interval().low() * 100));
        assertEquals(76, Math.round(s.interval().high() * 100));
        assertEquals(s.value(), s.normalized(), 0);
        assertEquals(s.interval(), s.normalizedInterval());
        assertEquals(4, s.n(), 0);
        assertEquals("ICC(2,1)", s.details().get("iccForm"));
        assertEquals(4, s.detail("judges"), 0);
        assertEquals(6, s.detail("targets"), 0);

        Map<String, Object> forms = map(s.details().get("icc"));
        assertEquals(Form.labels(), new ArrayList<>(forms.keySet()));
        assertEquals(0.9093155424, (Double) map(forms.get("ICC(3,k)")).get("value"), 1e-9);
        assertEquals(-88, Math.round((Double) map(forms.get("ICC(1,k)")).get("low") * 100));
        Map<String, Object> ms = map(s.details().get("meanSquares"));
        assertEquals(11.2416667, (Double) ms.get("MSR"), 1e-7);
        assertEquals(32.4861111, (Double) ms.get("MSC"), 1e-7);
        assertEquals(1.0194444, (Double) ms.get("MSE"), 1e-7);
        assertEquals(6.2638889, (Double) ms.get("MSW"), 1e-7);

        assertEquals("interval", s.details().get("alphaLevel"));
        Map<String, Object> alpha = map(s.details().get("alpha"));
        double[][] byPartner = transpose(SHROUT_FLEISS);
        for (Level l : Level.values()) {
            assertEquals(KrippendorffAlpha.of(byPartner, l).alpha(), (Double) alpha.get(l.id()), 0, l.id());
        }
        assertEquals(List.of(), s.details().get("excludedPartners"));
        assertEquals(Map.of(), s.details().get("ratingsAgreement"));
        assertTrue(s.explanation().contains("ICC(2,1) = 0.29, 95% interval 0.02 to 0.76"), s.explanation());
        assertTrue(s.explanation().contains("Krippendorff's alpha (interval level)"), s.explanation());
        assertTrue(s.explanation().contains("show poor agreement"), s.explanation());
    }

    @Test
    void readingFollowsKooAndLi() {
        // Koo & Li (2016): below 0.5 poor, 0.5 to below 0.75 moderate, 0.75 to below 0.9 good, 0.9 on excellent.
        assertEquals("poor", RaterAgreement.reading(-0.3));
        assertEquals("poor", RaterAgreement.reading(0.4999));
        assertEquals("moderate", RaterAgreement.reading(0.5));
        assertEquals("good", RaterAgreement.reading(0.75));
        assertEquals("excellent", RaterAgreement.reading(0.9));
        assertEquals("excellent", RaterAgreement.reading(1.0));
    }

    @Test
    void everyFormCanBeChosen() {
        IntraclassCorrelation expected = IntraclassCorrelation.of(SHROUT_FLEISS);
        Partnership p = withWeights(SHROUT_FLEISS).build();
        for (Form f : Form.values()) {
            Score s = only(run(configured(Map.of("iccForm", f.label())), p));
            assertEquals(expected.estimate(f).value(), s.value(), 1e-12, f.label());
            assertEquals(expected.estimate(f).interval(), s.interval(), f.label());
            assertEquals(f.label(), s.details().get("iccForm"));
            assertTrue(s.explanation().contains(f.label() + " = "), s.explanation());
            // ICC(1,k) has a negative lower bound: the normalized interval is clipped at 0.
            assertTrue(s.normalizedInterval().low() >= 0);
            assertEquals(Math.max(0, s.interval().low()), s.normalizedInterval().low(), 0);
        }
    }

    @Test
    void alphaLevelIsConfigurable() {
        Score s = only(run(configured(Map.of("alphaLevel", "ordinal")), withWeights(SHROUT_FLEISS).build()));
        assertEquals("ordinal", s.details().get("alphaLevel"));
        assertTrue(s.explanation().contains("(ordinal level)"), s.explanation());
        assertEquals(new RaterAgreement().withAlphaLevel(Level.ORDINAL).alphaLevel(), Level.ORDINAL);
        assertEquals(Form.ICC_3_1, new RaterAgreement().withIccForm(Form.ICC_3_1).iccForm());
        assertEquals(RaterAgreement.DEFAULT_ICC_FORM, new RaterAgreement().iccForm());
        assertEquals(Level.INTERVAL, RaterAgreement.DEFAULT_ALPHA_LEVEL);
    }

    @Test
    void aChoiceOutsideTheListIsRejectedWithItsLocation() {
        EvaluationConfig config = EvaluationConfig.defaults()
                .withParameters(RaterAgreement.ID, Map.of("iccForm", "ICC(4,1)", "alphaLevel", "Interval"));
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> Evaluator.builder().discover(false).register(provider()).config(config).build());
        assertTrue(e.problems().stream().anyMatch(pr -> pr.location().equals("/strategies/rater-agreement/iccForm")),
                e.getMessage());
        assertTrue(e.problems().stream()
                .anyMatch(pr -> pr.location().equals("/strategies/rater-agreement/alphaLevel")), e.getMessage());
    }

    @Test
    void riverbendExcludesThePartialPartnerFromTheIccButNotFromAlpha() {
        Partnership p = Riverbend.partnership();
        StrategyResult result = run(new RaterAgreement(), p);
        Score s = only(result);
        assertEquals(ScoreStatus.OK, s.status());
        assertEquals(4, s.detail("judges"), 0);
        assertEquals(5, s.detail("targets"), 0);
        assertEquals(5, s.detail("alphaPartners"), 0);
        assertEquals(List.of("acme"), s.details().get("excludedPartners"));
        assertEquals(1, s.detail("partnersWithoutPriorities"), 0);
        assertTrue(result.warnings().stream().anyMatch(w -> w.code().equals(Warning.EXCLUDED_INPUT)
                && w.message().contains("acme")), result.warnings().toString());

        // Goals in id order (chronic-absence, dual-enrollment, fafsa, mentoring, stem-camp), partners rcc, ru,
        // rusd, youthworks; acme weighted dual-enrollment 3 and stem-camp 5.
        double[][] complete = {
                {2, 2, 4, 5},
                {5, 3, 5, 2},
                {3, 5, 3, 3},
                {1, 2, 2, 4},
                {2, 4, 1, 1},
        };
        assertEquals(IntraclassCorrelation.of(complete, 0.95).estimate(Form.ICC_2_1).value(), s.value(), 1e-12);
        double[][] byPartner = {
                {M, 3, M, M, 5},
                {2, 5, 3, 1, 2},
                {2, 3, 5, 2, 4},
                {4, 5, 3, 2, 1},
                {5, 2, 3, 4, 1},
        };
        assertEquals(KrippendorffAlpha.of(byPartner, Level.INTERVAL).alpha(),
                (Double) map(s.details().get("alpha")).get("interval"), 1e-12);
    }

    @Test
    void negativeAgreementReadsAsNoAgreement() {
        // Two partners weight four goals nearly in opposite order: ICC(2,1) = -1.55, interval (-1.83, 0.03).
        Score s = only(run(new RaterAgreement(),
                withWeights(new double[][] {{1, 5}, {2, 3}, {5, 1}, {3, 4}}).build()));
        assertEquals(ScoreStatus.OK, s.status());
        assertTrue(s.value() < 0, "ICC = " + s.value());
        assertEquals(0, s.normalized(), 0);
        assertEquals(-1.55, s.value(), 1e-12);
        assertEquals(0, s.normalizedInterval().low(), 0);
        assertEquals(Math.max(0, s.interval().high()), s.normalizedInterval().high(), 0);
        assertTrue(s.explanation().contains("read as no agreement"), s.explanation());
    }

    @Test
    void equalWeightsEverywhereGiveInsufficientEvidence() {
        StrategyResult r = run(new RaterAgreement(), withWeights(new double[][] {{3, 3}, {3, 3}, {3, 3}}).build());
        Score s = only(r);
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, s.status());
        assertTrue(((String) s.details().get("reason")).contains("same weight"), s.details().toString());
        assertTrue(r.warnings().stream().anyMatch(w -> w.code().equals(Warning.INSUFFICIENT_EVIDENCE)));
        assertEquals(Map.of(), s.details().get("alpha"));
        assertNotNull(s.details().get("alphaNote"));
    }

    @Test
    void oneGoalOrOneCompletePartnerIsNotEnough() {
        Score oneGoal = only(run(new RaterAgreement(), withWeights(new double[][] {{3, 4, 5}}).build()));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, oneGoal.status());
        assertTrue(((String) oneGoal.details().get("reason")).contains("Only one goal"));

        // Each partner skipped one goal: no complete judge, but alpha still reads every weight.
        Score partial = only(run(new RaterAgreement(),
                withWeights(new double[][] {{5, M, 1}, {1, 4, M}, {M, 2, 4}}).build()));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, partial.status());
        assertEquals(0, partial.detail("judges"), 0);
        assertEquals(List.of("p1", "p2", "p3"), partial.details().get("excludedPartners"));
        assertEquals(KrippendorffAlpha.of(new double[][] {{5, 1, M}, {M, 4, 2}, {1, M, 4}}, Level.NOMINAL).alpha(),
                (Double) map(partial.details().get("alpha")).get("nominal"), 1e-12);
    }

    @Test
    void negativeWeightsLeaveOutOnlyRatioAlpha() {
        Score s = only(run(configured(Map.of("alphaLevel", "ratio")),
                withWeights(new double[][] {{-1, 0}, {2, 3}, {4, 4}}).build()));
        assertEquals(ScoreStatus.OK, s.status());
        Map<String, Object> alpha = map(s.details().get("alpha"));
        assertEquals(List.of("nominal", "ordinal", "interval"), new ArrayList<>(alpha.keySet()));
        assertTrue(((String) s.details().get("alphaNote")).contains("ratio"));
        assertFalse(s.explanation().contains("Krippendorff"), s.explanation());
    }

    /** Four partners p1..p4 who weight goals as Shrout &amp; Fleiss's judges and rate one another. */
    private static Partnership withRatings(boolean extra) {
        Partnership.Builder b = withWeights(SHROUT_FLEISS);
        double[][] reliability = {
                {M, 3, 2, 4},
                {4, M, 2, 3},
                {3, 3, M, 4},
                {4, 2, 1, M},
        };
        Instant at = Instant.parse("2025-05-01T00:00:00Z");
        for (int r = 0; r < 4; r++) {
            for (int t = 0; t < 4; t++) {
                if (!Double.isNaN(reliability[r][t])) {
                    b.rating(new Rating(at, "p" + (r + 1), "p" + (t + 1), RatingDimension.RELIABILITY,
                            reliability[r][t]));
                }
            }
        }
        if (extra) {
            // Superseded by the later rating of 4 above, and one after asOf that must not count.
            b.rating(new Rating(Instant.parse("2025-01-01T00:00:00Z"), "p1", "p4", RatingDimension.RELIABILITY, 1));
            b.rating(new Rating(Instant.parse("2026-01-01T00:00:00Z"), "p1", "p2", RatingDimension.RELIABILITY, 1));
            // Only one rater of openness.
            b.rating(new Rating(at, "p1", "p2", RatingDimension.OPENNESS, 2));
            b.rating(new Rating(at, "p1", "p3", RatingDimension.OPENNESS, 3));
        }
        return b.build();
    }

    @Test
    void ratingsAgreementPerDimension() {
        Partnership p = withRatings(true);
        Score s = only(run(new RaterAgreement(), p, Instant.parse("2025-06-01T00:00:00Z")));
        assertEquals(ScoreStatus.OK, s.status());
        Map<String, Object> ratings = map(s.details().get("ratingsAgreement"));
        assertEquals(List.of("RELIABILITY", "OPENNESS"), new ArrayList<>(ratings.keySet()));

        Map<String, Object> reliability = map(ratings.get("RELIABILITY"));
        assertEquals(4L, reliability.get("raters"));
        assertEquals(4L, reliability.get("ratees"));
        double[][] byRater = {
                {M, 3, 2, 4},
                {4, M, 2, 3},
                {3, 3, M, 4},
                {4, 2, 1, M},
        };
        assertEquals(KrippendorffAlpha.of(byRater, Level.INTERVAL).alpha(), (Double) reliability.get("alpha"), 0);
        // Greedy block of the round robin: drop rater p1, ratee p2, rater p3, ratee p4; left raters p2, p4 and
        // ratees p1, p3. Targets (ratees) × judges (raters): p2 and p4's ratings of p1 and p3.
        IntraclassCorrelation.Estimate e = IntraclassCorrelation.of(new double[][] {{4, 4}, {2, 1}})
                .estimate(Form.ICC_2_1);
        assertEquals(e.value(), (Double) reliability.get("icc"), 0);
        assertEquals(e.interval().low(), (Double) reliability.get("iccLow"), 0);
        assertEquals(e.interval().high(), (Double) reliability.get("iccHigh"), 0);
        assertEquals(2L, reliability.get("iccRaters"));
        assertEquals(2L, reliability.get("iccRatees"));

        Map<String, Object> openness = map(ratings.get("OPENNESS"));
        assertEquals(1L, openness.get("raters"));
        assertEquals(2L, openness.get("ratees"));
        assertNotNull(openness.get("alphaNote"));
        assertNotNull(openness.get("iccNote"));
        assertNull(openness.get("alpha"));
        assertTrue(s.explanation().contains("reliability"), s.explanation());

        // Without the superseded and late ratings the figures are the same.
        Score plain = only(run(new RaterAgreement(), withRatings(false), Instant.parse("2025-06-01T00:00:00Z")));
        assertEquals(reliability, map(plain.details().get("ratingsAgreement")).get("RELIABILITY"));
    }

    @Test
    void ratingsWithoutACompleteBlockSkipTheIcc() {
        // Three partners rating one another: any 2 raters share at most 1 ratee.
        Partnership.Builder b = Partnership.builder("r", "Ratings", START);
        for (int p = 1; p <= 3; p++) {
            b.partner(new Partner("p" + p, "Partner " + p, PartnerType.OTHER));
        }
        Instant at = Instant.parse("2025-05-01T00:00:00Z");
        int value = 1;
        for (int r = 1; r <= 3; r++) {
            for (int t = 1; t <= 3; t++) {
                if (r != t) {
                    b.rating(new Rating(at, "p" + r, "p" + t, RatingDimension.COLLABORATION_LEVEL, value++ % 5));
                }
            }
        }
        Score s = only(run(new RaterAgreement(), b.build()));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, s.status());
        Map<String, Object> level = map(map(s.details().get("ratingsAgreement")).get("COLLABORATION_LEVEL"));
        assertTrue(((String) level.get("iccNote")).contains("skipped"), level.toString());
        assertNull(level.get("icc"));
        assertTrue(level.get("alpha") instanceof Double, level.toString());
    }

    @Test
    void completeBlockDropsTheSparsestLines() {
        // Rater 2 (counting from 0) rated one ratee only; ratee 2 was rated by one rater only.
        double[][] cells = {
                {1, 2, M, 4},
                {3, 4, M, 1},
                {M, 2, M, M},
                {2, 2, 5, 3},
        };
        int[][] block = RaterAgreement.completeBlock(cells);
        assertArrayEquals(new int[] {0, 1, 3}, block[0]);
        assertArrayEquals(new int[] {0, 1, 3}, block[1]);
        assertNull(RaterAgreement.completeBlock(new double[][] {{1, M}, {M, 2}}));
        assertNull(RaterAgreement.completeBlock(new double[][] {{1, 2, 3}}));
    }

    @Test
    void renamingPartnersAndGoalsDoesNotChangeTheScore() {
        qt().withFixedSeed(97).withExamples(60)
                .forAll(longs().all(), integers().between(2, 6), integers().between(2, 6))
                .checkAssert((seed, partners, goals) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    double[][] weights = new double[goals][partners];
                    for (double[] row : weights) {
                        for (int p = 0; p < partners; p++) {
                            row[p] = 1 + random.nextInt(5);
                        }
                    }
                    // Reversing ids reverses the interned order of partners and goals.
                    List<Integer> partnerIds = new ArrayList<>();
                    List<Integer> goalIds = new ArrayList<>();
                    for (int i = 0; i < partners; i++) {
                        partnerIds.add(i);
                    }
                    for (int i = 0; i < goals; i++) {
                        goalIds.add(i);
                    }
                    Score a = only(run(new RaterAgreement(), named(weights, partnerIds, goalIds)));
                    Collections.reverse(partnerIds);
                    Collections.reverse(goalIds);
                    Score b = only(run(new RaterAgreement(), named(weights, partnerIds, goalIds)));
                    assertEquals(a.status(), b.status());
                    if (a.isOk()) {
                        assertEquals(a.value(), b.value(), 1e-9);
                        assertEquals(a.interval().low(), b.interval().low(), 1e-8);
                        assertEquals(a.interval().high(), b.interval().high(), 1e-8);
                        Map<String, Object> alphaA = map(a.details().get("alpha"));
                        Map<String, Object> alphaB = map(b.details().get("alpha"));
                        assertEquals(alphaA.keySet(), alphaB.keySet());
                        for (String level : alphaA.keySet()) {
                            assertEquals((Double) alphaA.get(level), (Double) alphaB.get(level), 1e-12, level);
                        }
                    }
                });
    }

    /** Partner i is called {@code q<ids[i]>}, goal j {@code h<goalIds[j]>}. */
    private static Partnership named(double[][] weights, List<Integer> partnerIds, List<Integer> goalIds) {
        Partnership.Builder b = Partnership.builder("n", "Named", START);
        for (int p = 0; p < partnerIds.size(); p++) {
            b.partner(new Partner("q" + partnerIds.get(p), "Partner", PartnerType.OTHER));
        }
        for (int g = 0; g < goalIds.size(); g++) {
            b.goal(new Goal("h" + goalIds.get(g), "Goal", null, List.of(), null));
            for (int p = 0; p < partnerIds.size(); p++) {
                b.priority(new Priority("q" + partnerIds.get(p), "h" + goalIds.get(g), weights[g][p]));
            }
        }
        return b.build();
    }
}
