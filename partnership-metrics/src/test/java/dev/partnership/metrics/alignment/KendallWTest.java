package dev.partnership.metrics.alignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.partnership.EvaluationConfig;
import dev.partnership.Evaluator;
import dev.partnership.Goal;
import dev.partnership.Interval;
import dev.partnership.InvalidConfigException;
import dev.partnership.Partner;
import dev.partnership.PartnerType;
import dev.partnership.Partnership;
import dev.partnership.Priority;
import dev.partnership.Score;
import dev.partnership.ScoreStatus;
import dev.partnership.Subject;
import dev.partnership.Warning;
import dev.partnership.metrics.Riverbend;
import dev.partnership.metrics.ScoringStrategyContractTest;
import dev.partnership.metrics.stats.Bootstrap;
import dev.partnership.metrics.stats.Quantile;
import dev.partnership.spi.ScoringContext;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import dev.partnership.spi.StrategyResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** Tests {@link KendallW} and {@link KendallWProvider}. */
class KendallWTest extends ScoringStrategyContractTest {
    private static final Instant START = Instant.parse("2024-09-01T00:00:00Z");

    @Override
    protected ScoringStrategyProvider provider() {
        return new KendallWProvider();
    }

    @Override
    protected Partnership realisticPartnership() {
        return Riverbend.partnership();
    }

    @Override
    protected void checkSinglePartner(StrategyResult result) {
        assertEquals(1, result.scores().size());
        Score s = result.scores().get(0);
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, s.status());
        assertEquals(1, s.detail("raters"), 0);
    }

    /**
     * Builds a partnership whose partners {@code p1, p2, …} weight goals {@code g1, g2, …}.
     *
     * @param weights {@code weights[partner][goal]}, {@code null} for no priority
     */
    private static Partnership.Builder withWeights(Double[][] weights, int goals) {
        Partnership.Builder b = Partnership.builder("w", "Weights", START);
        for (int g = 1; g <= goals; g++) {
            b.goal(new Goal("g" + g, "Goal " + g, null, List.of(), null));
        }
        for (int p = 0; p < weights.length; p++) {
            String id = "p" + (p + 1);
            b.partner(new Partner(id, "Partner " + (p + 1), PartnerType.OTHER));
            for (int g = 0; g < weights[p].length; g++) {
                if (weights[p][g] != null) {
                    b.priority(new Priority(id, "g" + (g + 1), weights[p][g]));
                }
            }
        }
        return b;
    }

    /**
     * Returns the headline score: the partnership score comes first, followed by one goal score per ranked goal
     * when it is OK and by nothing otherwise.
     */
    private static Score headline(StrategyResult result) {
        Score s = result.scores().get(0);
        assertEquals(Subject.partnership(), s.subject());
        int goals = s.isOk() ? (int) s.detail("goals") : 0;
        assertEquals(1 + goals, result.scores().size(), result.scores().toString());
        for (Score g : result.scores().subList(1, result.scores().size())) {
            assertEquals(Subject.Kind.GOAL, g.subject().kind());
        }
        return s;
    }

    /** Returns the goal scores by goal id, in the order the strategy gave them. */
    private static Map<String, Score> goalScores(StrategyResult result) {
        headline(result);
        Map<String, Score> out = new LinkedHashMap<>();
        for (Score g : result.scores().subList(1, result.scores().size())) {
            out.put(((Subject.GoalSubject) g.subject()).goal(), g);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object detail) {
        return (Map<String, Object>) detail;
    }

    /** Siegel & Castellan ranks (rows goals, columns raters) as weights 9 − rank, so rank 1 = highest weight. */
    private static Double[][] siegelCastellanWeights() {
        double[][] ranks = ConcordanceTest.transpose(ConcordanceTest.SIEGEL_CASTELLAN);
        Double[][] w = new Double[ranks.length][ranks[0].length];
        for (int i = 0; i < ranks.length; i++) {
            for (int j = 0; j < ranks[0].length; j++) {
                w[i][j] = 9 - ranks[i][j];
            }
        }
        return w;
    }

    @Test
    void siegelCastellanExampleThroughTheStrategy() {
        // Siegel & Castellan (1988) via R DescTools KendallW.Rd; values from the project's VECTORS.md.
        Score s = headline(run(new KendallW(), withWeights(siegelCastellanWeights(), 8).build(), START));
        assertEquals(ScoreStatus.OK, s.status());
        assertEquals(0.6560846561, s.value(), 1e-10);
        assertEquals(s.value(), s.normalized(), 0);
        assertEquals(s.value(), s.detail("W"), 0);
        assertEquals(13.77778, s.detail("chiSquared"), 1e-5);
        assertEquals(7, s.detail("df"), 0);
        assertEquals(0.05527793, s.detail("pValue"), 1e-8);
        assertEquals(3, s.detail("raters"), 0);
        assertEquals(3, s.n(), 0);
        assertEquals(8, s.detail("goals"), 0);
        assertEquals(0, s.detail("tieCorrection"), 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> meanRanks = (Map<String, Object>) s.details().get("meanRanks");
        assertEquals(10.0 / 3, (Double) meanRanks.get("g1"), 1e-12);
        assertEquals(8.0, (Double) meanRanks.get("g8"), 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> rankSd = (Map<String, Object>) s.details().get("rankSd");
        // g3 is ranked 7, 6 and 1: SD sqrt(((7 − 14/3)² + (6 − 14/3)² + (1 − 14/3)²) / 2) = sqrt(31/3).
        assertEquals(Math.sqrt(31.0 / 3), (Double) rankSd.get("g3"), 1e-12);
        assertEquals(0.0, (Double) rankSd.get("g8"), 0);
        assertEquals("g3", s.details().get("mostContestedGoal"));
        assertTrue(s.explanation().contains("g3"), s.explanation());
    }

    @Test
    void tiedWeightsShareMidranksAndCorrectW() {
        // Hand computation in ConcordanceTest#tieCorrectionMatchesAHandComputation: W = 402/450.
        Double[][] weights = {{5.0, 5.0, 3.0, 1.0}, {4.0, 3.0, 2.0, 1.0}, {2.0, 2.0, 2.0, 1.0}};
        Score s = headline(run(new KendallW(), withWeights(weights, 4).build(), START));
        assertEquals(402.0 / 450.0, s.value(), 1e-15);
        assertEquals(30, s.detail("tieCorrection"), 0);
        assertEquals(0.0451922194, s.detail("pValue"), 1e-10);
        @SuppressWarnings("unchecked")
        Map<String, Object> meanRanks = (Map<String, Object>) s.details().get("meanRanks");
        assertEquals(List.of("g1", "g2", "g3", "g4"), List.copyOf(meanRanks.keySet()));
        assertEquals(1.5, (Double) meanRanks.get("g1"), 1e-15);
        assertEquals(5.5 / 3, (Double) meanRanks.get("g2"), 1e-15);
        assertEquals(8.0 / 3, (Double) meanRanks.get("g3"), 1e-15);
        assertEquals(4.0, (Double) meanRanks.get("g4"), 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> rankSd = (Map<String, Object>) s.details().get("rankSd");
        assertEquals(0.5, (Double) rankSd.get("g1"), 1e-15);
        assertEquals(Math.sqrt(1.0 / 12), (Double) rankSd.get("g2"), 1e-15);
        assertEquals(Math.sqrt(1.0 / 3), (Double) rankSd.get("g3"), 1e-15);
        assertEquals("g3", s.details().get("mostContestedGoal"));
    }

    @Test
    void mostContestedGoalTiesGoToTheFirstGoalId() {
        // g1 and g2 swap places between the raters; g3 stays last: both g1 and g2 have SD √0.5.
        Double[][] weights = {{3.0, 2.0, 1.0}, {2.0, 3.0, 1.0}};
        Score s = headline(run(new KendallW(), withWeights(weights, 3).build(), START));
        assertEquals("g1", s.details().get("mostContestedGoal"));
    }

    @Test
    void partialRatersAreExcludedListwiseWithAWarning() {
        Double[][] full = {{5.0, 5.0, 3.0, 1.0}, {4.0, 3.0, 2.0, 1.0}, {2.0, 2.0, 2.0, 1.0}};
        Double[][] more = {{5.0, 5.0, 3.0, 1.0}, {4.0, 3.0, 2.0, 1.0}, {2.0, 2.0, 2.0, 1.0},
                {1.0, null, 4.0, null}, {null, null, null, null}};
        StrategyResult result = run(new KendallW(), withWeights(more, 4).build(), START);
        Score s = headline(result);
        assertEquals(headline(run(new KendallW(), withWeights(full, 4).build(), START)).value(), s.value(), 0);
        assertEquals(List.of("p4"), s.details().get("excludedPartners"));
        assertEquals(1, s.detail("partnersWithoutPriorities"), 0);
        assertEquals(3, s.detail("raters"), 0);
        assertTrue(result.warnings().stream().anyMatch(w -> w.code().equals(Warning.EXCLUDED_INPUT)
                && w.message().contains("p4")), result.warnings().toString());
    }

    @Test
    void goalsNobodyWeightedAreLeftOutWithAWarning() {
        Double[][] weights = {{5.0, 5.0, 3.0, 1.0}, {4.0, 3.0, 2.0, 1.0}, {2.0, 2.0, 2.0, 1.0}};
        StrategyResult result = run(new KendallW(), withWeights(weights, 5).build(), START);
        Score s = headline(result);
        assertEquals(402.0 / 450.0, s.value(), 1e-15);
        assertEquals(List.of("g5"), s.details().get("unrankedGoals"));
        assertEquals(4, s.detail("goals"), 0);
        assertTrue(result.warnings().stream().anyMatch(w -> w.code().equals(Warning.EXCLUDED_INPUT)
                && w.message().contains("g5")));
    }

    @Test
    void fewerThanTwoRatersIsInsufficient() {
        Double[][] weights = {{5.0, 3.0, 1.0}, {2.0, null, 1.0}};
        StrategyResult result = run(new KendallW(), withWeights(weights, 3).build(), START);
        Score s = headline(result);
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, s.status());
        assertTrue(((String) s.details().get("reason")).contains("at least two"), s.details().toString());
        assertEquals(List.of("p2"), s.details().get("excludedPartners"));
        assertTrue(result.warnings().stream().anyMatch(w -> w.code().equals(Warning.INSUFFICIENT_EVIDENCE)));
    }

    @Test
    void fewerThanTwoGoalsIsInsufficient() {
        Double[][] weights = {{5.0}, {2.0}, {3.0}};
        Score s = headline(run(new KendallW(), withWeights(weights, 1).build(), START));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, s.status());
        assertTrue(((String) s.details().get("reason")).contains("g1"));
    }

    @Test
    void everyRaterTyingEveryGoalIsInsufficient() {
        Double[][] weights = {{3.0, 3.0, 3.0}, {1.0, 1.0, 1.0}};
        Score s = headline(run(new KendallW(), withWeights(weights, 3).build(), START));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, s.status());
        assertTrue(((String) s.details().get("reason")).contains("same weight"));
    }

    @Test
    void zeroVarianceWithinARaterStillCountsWhenOthersRank() {
        // p1 ties everything (T = 3³ − 3 = 24) while p2 and p3 agree: W = 12·S / (9·24 − 3·24) with
        // rank sums (2+1+1, 2+2+2, 2+3+3) = (4, 6, 8), S = 8 → W = 96 / 144.
        Double[][] weights = {{1.0, 1.0, 1.0}, {3.0, 2.0, 1.0}, {3.0, 2.0, 1.0}};
        Score s = headline(run(new KendallW(), withWeights(weights, 3).build(), START));
        assertEquals(96.0 / 144.0, s.value(), 1e-15);
    }

    @Test
    void perfectAgreementGivesOneAndNoContestedGoal() {
        Double[][] weights = {{9.0, 4.0, 1.0, 0.5}, {10.0, 8.0, 2.0, -1.0}, {3.0, 2.0, 1.0, 0.0}};
        Score s = headline(run(new KendallW(), withWeights(weights, 4).build(), START));
        assertEquals(1.0, s.value(), 0);
        assertFalse(s.details().containsKey("mostContestedGoal"));
        assertTrue(s.explanation().contains("same order"), s.explanation());
        assertNotNull(s.interval());
        assertEquals(1.0, s.interval().low(), 0);
        assertEquals(1.0, s.interval().high(), 0);
    }

    @Test
    void negativeZeroTiesWithZero() {
        Double[][] weights = {{0.0, -0.0, 1.0}, {3.0, 2.0, 1.0}};
        Score s = headline(run(new KendallW(), withWeights(weights, 3).build(), START));
        assertEquals(6, s.detail("tieCorrection"), 0);
    }

    @Test
    void bootstrapIntervalIsSeededAndWithinTheUnitInterval() {
        // Twelve raters with noisy versions of one ranking of six goals: many distinct resamples.
        SplittableRandom random = new SplittableRandom(5);
        Double[][] weights = new Double[12][6];
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 6; j++) {
                weights[i][j] = j + 3 * random.nextDouble();
            }
        }
        Partnership p = withWeights(weights, 6).build();
        Instant asOf = START;
        KendallW strategy = new KendallW();
        Score a = headline(strategy.score(context(p, asOf, 1L)));
        Score again = headline(strategy.score(context(p, asOf, 1L)));
        Score other = headline(strategy.score(context(p, asOf, 2L)));
        assertEquals(a, again);
        assertNotNull(a.interval());
        assertTrue(a.interval().low() >= 0 && a.interval().high() <= 1);
        assertTrue(a.interval().width() > 0);
        assertEquals(a.interval(), a.normalizedInterval());
        assertNotEquals(a.interval(), other.interval(), "another evaluation seed draws other resamples");
        assertEquals(a.value(), other.value(), 0);
        assertEquals(1000, a.detail("bootstrapResamples"), 0);
        assertEquals(100, headline(new KendallW(100).score(context(p, asOf, 1L))).detail("bootstrapResamples"), 0);
    }

    @Test
    void realisticPartnershipRanksTheCompleteRaters() {
        StrategyResult result = run(new KendallW(), Riverbend.partnership());
        Score s = headline(result);
        assertTrue(s.isOk());
        assertEquals(4, s.detail("raters"), 0);
        assertEquals(5, s.detail("goals"), 0);
        assertEquals(List.of("acme"), s.details().get("excludedPartners"));
        assertEquals(1, s.detail("partnersWithoutPriorities"), 0);
    }

    @Test
    void bootstrapResamplesAreCheckedByConstructorAndConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> new KendallW(99));
        assertThrows(IllegalArgumentException.class, () -> new KendallW(100_001));
        assertEquals(500, new KendallW().withBootstrapResamples(500).bootstrapResamples());
        KendallWProvider provider = new KendallWProvider();
        KendallW s = (KendallW) provider.create(StrategyParameters.of(provider.id(), provider.parameters(),
                Map.of("bootstrapResamples", 250)));
        assertEquals(250, s.bootstrapResamples());
        EvaluationConfig config = EvaluationConfig.defaults()
                .withParameters(provider.id(), Map.of("bootstrapResamples", 99));
        assertThrows(InvalidConfigException.class,
                () -> Evaluator.builder().discover(false).register(provider).config(config).build());
    }

    /**
     * Builds a partnership from weights whose goals may carry categories.
     *
     * @param partners   partner ids
     * @param goals      goal ids
     * @param categories each goal's category, {@code null} for none
     * @param weights    {@code weights[partner][goal]}, {@code null} for no priority
     */
    private static Partnership categorized(List<String> partners, List<String> goals, List<String> categories,
                                           Double[][] weights) {
        Partnership.Builder b = Partnership.builder("c", "Categories", START);
        for (int g = 0; g < goals.size(); g++) {
            Map<String, String> attributes = categories.get(g) == null ? Map.of()
                    : Map.of(Goal.CATEGORY, categories.get(g));
            b.goal(new Goal(goals.get(g), "Goal " + goals.get(g), null, List.of(), null, 1.0, List.of(), attributes));
        }
        for (int p = 0; p < partners.size(); p++) {
            b.partner(new Partner(partners.get(p), "Partner " + partners.get(p), PartnerType.OTHER));
            for (int g = 0; g < goals.size(); g++) {
                if (weights[p][g] != null) {
                    b.priority(new Priority(partners.get(p), goals.get(g), weights[p][g]));
                }
            }
        }
        return b.build();
    }

    private static final List<String> SAMPLE_GOALS = List.of("chronic-absence", "dual-enrollment",
            "fafsa-completion", "family-engagement", "internships", "teacher-pipeline");
    private static final List<String> SAMPLE_CATEGORIES = List.of("student-support", "college-access",
            "college-access", "student-support", "workforce", "workforce");
    private static final List<String> SAMPLE_PARTNERS = List.of("bridges", "city", "families", "keystone", "mercy",
            "rcc", "rsu", "rusd");
    /**
     * The priorities of the bundled sample, partnership-examples
     * {@code dev/partnership/examples/sample/riverbend-small.json} (goals in the order of {@link #SAMPLE_GOALS}):
     * half of the partners put teacher-pipeline first, the other half last.
     */
    private static final Double[][] SAMPLE_WEIGHTS = {
            {3.0, 5.0, 4.0, 1.0, 2.0, 6.0}, {3.0, 6.0, 5.0, 2.0, 4.0, 1.0}, {3.0, 5.0, 4.0, 1.0, 2.0, 6.0},
            {4.0, 6.0, 5.0, 2.0, 3.0, 1.0}, {3.0, 6.0, 5.0, 2.0, 4.0, 1.0}, {4.0, 6.0, 5.0, 2.0, 3.0, 1.0},
            {3.0, 5.0, 4.0, 1.0, 2.0, 6.0}, {4.0, 5.0, 3.0, 1.0, 2.0, 6.0}};

    @Test
    void siegelCastellanGoalScoresFollowTheHeadline() {
        StrategyResult result = run(new KendallW(), withWeights(siegelCastellanWeights(), 8).build(), START);
        Map<String, Score> goals = goalScores(result);
        assertEquals(List.of("g1", "g2", "g3", "g4", "g5", "g6", "g7", "g8"), List.copyOf(goals.keySet()));
        Score g3 = goals.get("g3");
        // Ranks 7, 6, 1: SD √(31/3); three raters on eight goals: sdMax = 7 √(⌊9/4⌋ / (3 · 2)) = 7/√3.
        assertEquals(Math.sqrt(31.0 / 3), g3.value(), 1e-12);
        assertEquals(g3.value(), g3.detail("rankSd"), 0);
        assertEquals(7 / Math.sqrt(3), g3.detail("rankSdMax"), 1e-12);
        assertEquals(1 - Math.sqrt(31) / 7, g3.normalized(), 1e-12);
        assertEquals(14.0 / 3, g3.detail("meanRank"), 1e-12);
        assertEquals(3, g3.n(), 0);
        assertTrue(g3.explanation().startsWith("Partners differ most on goal g3"), g3.explanation());
        Score g8 = goals.get("g8");
        assertEquals(0.0, g8.value(), 0);
        assertEquals(1.0, g8.normalized(), 0);
        assertFalse(g8.explanation().contains("differ most"), g8.explanation());
        for (Score g : goals.values()) {
            assertTrue(g.normalized() >= g3.normalized(), g.subject() + " agrees less than the contested goal");
            assertNotNull(g.interval(), "an interval for " + g.subject());
            assertTrue(g.normalizedInterval().low() >= 0 && g.normalizedInterval().high() <= 1);
            assertTrue(g.interval().low() >= 0 && g.interval().high() <= g.detail("rankSdMax"));
        }
        // Every rater ranks g8 last: every resample agrees, so the interval collapses on agreement 1.
        assertEquals(new Interval(1, 1, 0.95), g8.normalizedInterval());
    }

    @Test
    void goalIntervalsUseTheResamplesThatServeW() {
        // Recompute every goal's BCa interval from Bootstrap's documented draws (SplittableRandom seeded with the
        // strategy seed, nextInt(m) per draw) with a two-pass SD: the strategy must have seen the same resamples.
        SplittableRandom noise = new SplittableRandom(11);
        int m = 7;
        int n = 5;
        Double[][] weights = new Double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                weights[i][j] = (double) noise.nextInt(4) + j * noise.nextInt(2);
            }
        }
        Partnership p = withWeights(weights, n).build();
        ScoringContext context = context(p, START, 3L);
        int resamples = 300;
        StrategyResult result = new KendallW(resamples).score(context);
        Map<String, Score> goals = goalScores(result);

        double[][] ranks = new double[m][];
        for (int i = 0; i < m; i++) {
            double[] negated = new double[n];
            for (int j = 0; j < n; j++) {
                negated[j] = -weights[i][j];
            }
            ranks[i] = Concordance.midranks(negated);
        }
        SplittableRandom random = new SplittableRandom(context.seedFor(KendallW.ID));
        double[][] replicates = new double[n][resamples];
        int[] sample = new int[m];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < m; i++) {
                sample[i] = random.nextInt(m);
            }
            for (int j = 0; j < n; j++) {
                replicates[j][b] = twoPassSd(ranks, sample, j);
            }
        }
        NormalDistribution normal = new NormalDistribution(null, 0, 1);
        int[] all = new int[m];
        Arrays.setAll(all, i -> i);
        for (int j = 0; j < n; j++) {
            double estimate = twoPassSd(ranks, all, j);
            double below = 0;
            for (double r : replicates[j]) {
                below += Math.abs(r - estimate) < 1e-12 ? 0.5 : r < estimate ? 1 : 0;
            }
            double share = Math.min(1 - 0.5 / resamples, Math.max(0.5 / resamples, below / resamples));
            double[] leaveOneOut = new double[m];
            for (int left = 0; left < m; left++) {
                int[] rest = new int[m - 1];
                for (int i = 0, k = 0; i < m; i++) {
                    if (i != left) {
                        rest[k++] = i;
                    }
                }
                leaveOneOut[left] = twoPassSd(ranks, rest, j);
            }
            double[] levels = Bootstrap.bcaLevels(normal.inverseCumulativeProbability(share),
                    Bootstrap.jackknifeAcceleration(leaveOneOut), 0.95);
            double[] sorted = replicates[j].clone();
            Arrays.sort(sorted);
            Score g = goals.get("g" + (j + 1));
            assertEquals(estimate, g.value(), 1e-12);
            assertEquals(Quantile.type7(sorted, levels[0]), g.interval().low(), 1e-9, g.subject().toString());
            assertEquals(Quantile.type7(sorted, levels[1]), g.interval().high(), 1e-9, g.subject().toString());
            double sdMax = g.detail("rankSdMax");
            assertEquals(1 - g.interval().high() / sdMax, g.normalizedInterval().low(), 1e-12);
            assertEquals(1 - g.interval().low() / sdMax, g.normalizedInterval().high(), 1e-12);
        }
    }

    private static double twoPassSd(double[][] ranks, int[] sample, int goal) {
        double mean = 0;
        for (int i : sample) {
            mean += ranks[i][goal];
        }
        mean /= sample.length;
        double ss = 0;
        for (int i : sample) {
            ss += (ranks[i][goal] - mean) * (ranks[i][goal] - mean);
        }
        return Math.sqrt(ss / (sample.length - 1));
    }

    @Test
    void wPerCategoryIsComputedWithinEachSubset() {
        // Category a = {g1, g2, g3}: p1 and p2 rank 1, 2, 3 and p3 ranks 3, 2, 1: rank sums 5, 6, 7 around 6,
        // S = 2, W = 12 · 2 / (3² · (3³ − 3)) = 1/9, χ² = 3 · 2 · W = 2/3 on 2 df, p = e^(−1/3).
        // p4 weighted g1 alone of category a, so it is excluded from a listwise.
        // Category b = {g4, g5}: p4 weighted both, so it is excluded overall but rates b. Ranks (1, 2) by
        // p1, p2, p4 and (2, 1) by p3: sums 5, 7 around 6, S = 2, W = 24 / (4² · 6) = 1/4, χ² = 4 · 1 · W = 1 on
        // 1 df, p = 2(1 − Φ(1)) = 0.3173105078629141. Category c has one goal; g7 has none; in d = {g8, g9}
        // every partner ties the two goals, so W is undefined there.
        List<String> goals = List.of("g1", "g2", "g3", "g4", "g5", "g6", "g7", "g8", "g9");
        List<String> categories = Arrays.asList("a", "a", "a", "b", "b", "c", null, "d", "d");
        Double[][] weights = {
                {3.0, 2.0, 1.0, 5.0, 4.0, 1.0, 2.0, 7.0, 7.0},
                {3.0, 2.0, 1.0, 5.0, 4.0, 3.0, 1.0, 1.0, 1.0},
                {1.0, 2.0, 3.0, 4.0, 5.0, 2.0, 2.0, 2.0, 2.0},
                {1.0, null, null, 9.0, 1.0, null, null, null, null}};
        StrategyResult result = run(new KendallW(), categorized(List.of("p1", "p2", "p3", "p4"), goals, categories,
                weights), START);
        Score s = headline(result);
        assertTrue(s.isOk());
        assertEquals(List.of("p4"), s.details().get("excludedPartners"));
        Map<String, Object> byCategory = map(s.details().get("byCategory"));
        assertEquals(List.of("a", "b"), List.copyOf(byCategory.keySet()));
        Map<String, Object> a = map(byCategory.get("a"));
        assertEquals(List.of("W", "chiSquared", "df", "pValue", "goals", "raters", "excludedPartners"),
                List.copyOf(a.keySet()));
        assertEquals(1.0 / 9, (Double) a.get("W"), 1e-15);
        assertEquals(2.0 / 3, (Double) a.get("chiSquared"), 1e-15);
        assertEquals(2L, a.get("df"));
        assertEquals(Math.exp(-1.0 / 3), (Double) a.get("pValue"), 1e-14);
        assertEquals(3L, a.get("goals"));
        assertEquals(3L, a.get("raters"));
        assertEquals(List.of("p4"), a.get("excludedPartners"));
        Map<String, Object> b = map(byCategory.get("b"));
        assertEquals(0.25, (Double) b.get("W"), 1e-15);
        assertEquals(1.0, (Double) b.get("chiSquared"), 1e-15);
        assertEquals(1L, b.get("df"));
        assertEquals(0.3173105078629141, (Double) b.get("pValue"), 1e-14);
        assertEquals(2L, b.get("goals"));
        assertEquals(4L, b.get("raters"));
        assertEquals(List.of(), b.get("excludedPartners"));
        assertEquals(List.of("c"), s.details().get("categoriesTooSmall"));
        Map<String, Object> undefined = map(s.details().get("categoriesInsufficient"));
        assertEquals(List.of("d"), List.copyOf(undefined.keySet()));
        assertTrue(((String) undefined.get("d")).contains("same weight"), undefined.toString());
        assertEquals(List.of("g7"), s.details().get("goalsWithoutCategory"));
        // Goal scores name their category; the uncategorized goal has none.
        Map<String, Score> goalScores = goalScores(result);
        assertEquals("a", goalScores.get("g1").details().get("category"));
        assertFalse(goalScores.get("g7").details().containsKey("category"));
    }

    @Test
    void categoryWithFewerThanTwoCompleteRatersIsReportedAsInsufficient() {
        // Everyone weights g1 and g2 (category x) but only p1 weights g3 and g4 (category y) in full; p2 and p3
        // weighted one each, so they are excluded overall and from y, and y has one rater.
        List<String> goals = List.of("g1", "g2", "g3", "g4");
        Double[][] weights = {{2.0, 1.0, 2.0, 1.0}, {1.0, 2.0, 1.0, null}, {2.0, 1.0, null, 3.0}};
        Score s = headline(run(new KendallW(), categorized(List.of("p1", "p2", "p3"), goals,
                List.of("x", "x", "y", "y"), weights), START));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, s.status());
        // The categories are still reported with the insufficient headline: x has three complete raters.
        Map<String, Object> x = map(map(s.details().get("byCategory")).get("x"));
        assertEquals(3L, x.get("raters"));
        // Ranks (1, 2), (2, 1), (1, 2): sums 4, 5 around 4.5, S = 0.5, W = 6 / (9 · 6) = 1/9.
        assertEquals(1.0 / 9, (Double) x.get("W"), 1e-15);
        Map<String, Object> insufficient = map(s.details().get("categoriesInsufficient"));
        assertTrue(((String) insufficient.get("y")).startsWith("Only one partner"), insufficient.toString());
    }

    @Test
    void noCategoriesGiveEmptyCategoryDetails() {
        Score s = headline(run(new KendallW(), Riverbend.partnership()));
        assertEquals(Map.of(), s.details().get("byCategory"));
        assertEquals(List.of(), s.details().get("categoriesTooSmall"));
        assertEquals(5, ((List<?>) s.details().get("goalsWithoutCategory")).size());
    }

    @Test
    void sampleContestedGoalHasTheLowestAgreement() {
        StrategyResult result = run(new KendallW(), categorized(SAMPLE_PARTNERS, SAMPLE_GOALS, SAMPLE_CATEGORIES,
                SAMPLE_WEIGHTS), START);
        Score s = headline(result);
        // Rank sums 29, 12, 21, 44, 34, 28 around 28: S = 598, W = 12 · 598 / (64 · 210) = 299/560,
        // χ² = 8 · 5 · W = 299/14 on 5 df, p = 6.933720091959509e-4 (scipy.stats.chi2.sf(299/14, 5)).
        assertEquals(299.0 / 560, s.value(), 1e-15);
        assertEquals(299.0 / 14, s.detail("chiSquared"), 1e-12);
        assertEquals(6.933720091959509e-4, s.detail("pValue"), 1e-15);
        assertEquals("teacher-pipeline", s.details().get("mostContestedGoal"));
        Map<String, Score> goals = goalScores(result);
        Score contested = goals.get("teacher-pipeline");
        // Four partners rank it 1st and four 6th: SD = sdMax = 5 √(2/7), agreement exactly 0.
        assertEquals(0.0, contested.normalized(), 0);
        assertEquals(5 * Math.sqrt(2.0 / 7), contested.value(), 1e-12);
        for (Score g : goals.values()) {
            if (g != contested) {
                assertTrue(g.normalized() > 0.6, g.subject() + " " + g.normalized());
            }
        }
        // Four partners rank dual-enrollment 1st and four 2nd: SD √(2/7) = sdMax / 5, agreement 0.8.
        assertEquals(0.8, goals.get("dual-enrollment").normalized(), 1e-12);
        Map<String, Object> byCategory = map(s.details().get("byCategory"));
        assertEquals(List.of("college-access", "student-support", "workforce"), List.copyOf(byCategory.keySet()));
        // Everyone puts dual enrollment above FAFSA completion: W = 1, χ² = 8 on 1 df.
        assertEquals(1.0, (Double) map(byCategory.get("college-access")).get("W"), 0);
        assertEquals(0.004677734981047276, (Double) map(byCategory.get("college-access")).get("pValue"), 1e-15);
        // Half put internships above the teacher pipeline, half below: W = 0, p = 1.
        assertEquals(0.0, (Double) map(byCategory.get("workforce")).get("W"), 0);
        assertEquals(1.0, (Double) map(byCategory.get("workforce")).get("pValue"), 0);
    }

    /** Random weights 0..4 with about one in {@code holes} missing (none when {@code holes} is 0). */
    private static Double[][] randomWeights(long seed, int m, int n, int holes) {
        SplittableRandom random = new SplittableRandom(seed);
        Double[][] w = new Double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                w[i][j] = holes > 0 && random.nextInt(holes) == 0 ? null : (double) random.nextInt(5);
            }
        }
        return w;
    }

    private static List<String> ids(String prefix, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(prefix + i);
        }
        return out;
    }

    private static List<String> noCategories(int n) {
        return Collections.nCopies(n, null);
    }

    @Test
    void wIsOneWhenAllPartnersRankAlike() {
        // Every partner's weights are a positive affine map of one base vector, so all rank the goals alike.
        qt().withFixedSeed(43).withExamples(100)
                .forAll(longs().all(), integers().between(2, 8), integers().between(2, 8))
                .checkAssert((seed, m, n) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    Double[] base = randomWeights(seed, 1, n, 0)[0];
                    Double[][] weights = new Double[m][n];
                    for (int i = 0; i < m; i++) {
                        double scale = 1 + random.nextInt(3);
                        double shift = random.nextInt(7) - 3;
                        for (int j = 0; j < n; j++) {
                            weights[i][j] = scale * base[j] + shift;
                        }
                    }
                    StrategyResult result = run(new KendallW(100),
                            categorized(ids("p", m), ids("g", n), noCategories(n), weights), START);
                    Score s = headline(result);
                    boolean allTied = Arrays.stream(base).distinct().count() == 1;
                    assertEquals(!allTied, s.isOk());
                    if (s.isOk()) {
                        assertEquals(1.0, s.value(), 0);
                        assertFalse(s.details().containsKey("mostContestedGoal"));
                        for (Score g : goalScores(result).values()) {
                            assertEquals(0.0, g.value(), 0);
                            assertEquals(1.0, g.normalized(), 0);
                        }
                    }
                });
    }

    @Test
    void wAndGoalAgreementDoNotDependOnTheOrderOfPartnersOrGoals() {
        // Relabel partners and goals by random permutations, which reorders them in the evidence index; ranks are
        // multiples of 1/2, so every sum is exact and the figures must agree bit for bit.
        qt().withFixedSeed(47).withExamples(100)
                .forAll(longs().all(), integers().between(2, 8), integers().between(2, 8))
                .checkAssert((seed, m, n) -> {
                    Double[][] weights = randomWeights(seed, m, n, 8);
                    List<String> categories = new ArrayList<>();
                    for (int j = 0; j < n; j++) {
                        categories.add(j % 3 == 2 ? null : "c" + (j % 2));
                    }
                    List<String> partners = ids("p", m);
                    List<String> goals = ids("g", n);
                    List<String> newPartners = new ArrayList<>(ids("q", m));
                    List<String> newGoals = new ArrayList<>(ids("h", n));
                    java.util.Random shuffle = new java.util.Random(seed);
                    Collections.shuffle(newPartners, shuffle);
                    Collections.shuffle(newGoals, shuffle);
                    StrategyResult before = run(new KendallW(100), categorized(partners, goals, categories, weights),
                            START);
                    StrategyResult after = run(new KendallW(100),
                            categorized(newPartners, newGoals, categories, weights), START);
                    Score a = headline(before);
                    Score b = headline(after);
                    assertEquals(a.status(), b.status());
                    if (!a.isOk()) {
                        return;
                    }
                    assertEquals(a.value(), b.value(), 0);
                    assertEquals(a.detail("chiSquared"), b.detail("chiSquared"), 0);
                    assertEquals(a.detail("pValue"), b.detail("pValue"), 0);
                    assertEquals(a.detail("tieCorrection"), b.detail("tieCorrection"), 0);
                    Map<String, Object> catA = map(a.details().get("byCategory"));
                    Map<String, Object> catB = map(b.details().get("byCategory"));
                    assertEquals(catA.keySet(), catB.keySet());
                    for (String c : catA.keySet()) {
                        assertEquals(map(catA.get(c)).get("W"), map(catB.get(c)).get("W"));
                        assertEquals(map(catA.get(c)).get("pValue"), map(catB.get(c)).get("pValue"));
                    }
                    Map<String, Score> goalsA = goalScores(before);
                    Map<String, Score> goalsB = goalScores(after);
                    for (int j = 0; j < n; j++) {
                        Score ga = goalsA.get(goals.get(j));
                        Score gb = goalsB.get(newGoals.get(j));
                        assertEquals(ga == null, gb == null);
                        if (ga != null) {
                            assertEquals(ga.value(), gb.value(), 0);
                            assertEquals(ga.normalized(), gb.normalized(), 0);
                            assertEquals(ga.detail("meanRank"), gb.detail("meanRank"), 0);
                        }
                    }
                });
    }

    @Test
    void wAndGoalAgreementStayInTheUnitInterval() {
        qt().withFixedSeed(53).withExamples(150)
                .forAll(longs().all(), integers().between(1, 9), integers().between(1, 8))
                .checkAssert((seed, m, n) -> {
                    StrategyResult result = run(new KendallW(100), categorized(ids("p", m), ids("g", n),
                            noCategories(n), randomWeights(seed, m, n, 6)), START);
                    Score s = headline(result);
                    if (s.isOk()) {
                        assertTrue(s.value() >= 0 && s.value() <= 1, "W = " + s.value());
                        assertTrue(s.detail("pValue") >= 0 && s.detail("pValue") <= 1);
                    }
                    for (Score g : goalScores(result).values()) {
                        assertTrue(g.normalized() >= 0 && g.normalized() <= 1, "agreement " + g.normalized());
                        assertTrue(g.value() >= 0 && g.value() <= g.detail("rankSdMax") + 1e-12);
                        if (g.normalizedInterval() != null) {
                            assertTrue(g.normalizedInterval().low() >= 0 && g.normalizedInterval().high() <= 1);
                        }
                    }
                });
    }
}
