package dev.partnership.metrics.alignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.EvaluationConfig;
import dev.partnership.Evaluator;
import dev.partnership.Goal;
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
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import dev.partnership.spi.StrategyResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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

    private static Score only(StrategyResult result) {
        assertEquals(1, result.scores().size());
        Score s = result.scores().get(0);
        assertEquals(Subject.partnership(), s.subject());
        return s;
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
        Score s = only(run(new KendallW(), withWeights(siegelCastellanWeights(), 8).build(), START));
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
        Score s = only(run(new KendallW(), withWeights(weights, 4).build(), START));
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
        Score s = only(run(new KendallW(), withWeights(weights, 3).build(), START));
        assertEquals("g1", s.details().get("mostContestedGoal"));
    }

    @Test
    void partialRatersAreExcludedListwiseWithAWarning() {
        Double[][] full = {{5.0, 5.0, 3.0, 1.0}, {4.0, 3.0, 2.0, 1.0}, {2.0, 2.0, 2.0, 1.0}};
        Double[][] more = {{5.0, 5.0, 3.0, 1.0}, {4.0, 3.0, 2.0, 1.0}, {2.0, 2.0, 2.0, 1.0},
                {1.0, null, 4.0, null}, {null, null, null, null}};
        StrategyResult result = run(new KendallW(), withWeights(more, 4).build(), START);
        Score s = only(result);
        assertEquals(only(run(new KendallW(), withWeights(full, 4).build(), START)).value(), s.value(), 0);
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
        Score s = only(result);
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
        Score s = only(result);
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, s.status());
        assertTrue(((String) s.details().get("reason")).contains("at least two"), s.details().toString());
        assertEquals(List.of("p2"), s.details().get("excludedPartners"));
        assertTrue(result.warnings().stream().anyMatch(w -> w.code().equals(Warning.INSUFFICIENT_EVIDENCE)));
    }

    @Test
    void fewerThanTwoGoalsIsInsufficient() {
        Double[][] weights = {{5.0}, {2.0}, {3.0}};
        Score s = only(run(new KendallW(), withWeights(weights, 1).build(), START));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, s.status());
        assertTrue(((String) s.details().get("reason")).contains("g1"));
    }

    @Test
    void everyRaterTyingEveryGoalIsInsufficient() {
        Double[][] weights = {{3.0, 3.0, 3.0}, {1.0, 1.0, 1.0}};
        Score s = only(run(new KendallW(), withWeights(weights, 3).build(), START));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, s.status());
        assertTrue(((String) s.details().get("reason")).contains("same weight"));
    }

    @Test
    void zeroVarianceWithinARaterStillCountsWhenOthersRank() {
        // p1 ties everything (T = 3³ − 3 = 24) while p2 and p3 agree: W = 12·S / (9·24 − 3·24) with
        // rank sums (2+1+1, 2+2+2, 2+3+3) = (4, 6, 8), S = 8 → W = 96 / 144.
        Double[][] weights = {{1.0, 1.0, 1.0}, {3.0, 2.0, 1.0}, {3.0, 2.0, 1.0}};
        Score s = only(run(new KendallW(), withWeights(weights, 3).build(), START));
        assertEquals(96.0 / 144.0, s.value(), 1e-15);
    }

    @Test
    void perfectAgreementGivesOneAndNoContestedGoal() {
        Double[][] weights = {{9.0, 4.0, 1.0, 0.5}, {10.0, 8.0, 2.0, -1.0}, {3.0, 2.0, 1.0, 0.0}};
        Score s = only(run(new KendallW(), withWeights(weights, 4).build(), START));
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
        Score s = only(run(new KendallW(), withWeights(weights, 3).build(), START));
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
        Score a = only(strategy.score(context(p, asOf, 1L)));
        Score again = only(strategy.score(context(p, asOf, 1L)));
        Score other = only(strategy.score(context(p, asOf, 2L)));
        assertEquals(a, again);
        assertNotNull(a.interval());
        assertTrue(a.interval().low() >= 0 && a.interval().high() <= 1);
        assertTrue(a.interval().width() > 0);
        assertEquals(a.interval(), a.normalizedInterval());
        assertNotEquals(a.interval(), other.interval(), "another evaluation seed draws other resamples");
        assertEquals(a.value(), other.value(), 0);
        assertEquals(1000, a.detail("bootstrapResamples"), 0);
        assertEquals(100, only(new KendallW(100).score(context(p, asOf, 1L))).detail("bootstrapResamples"), 0);
    }

    @Test
    void realisticPartnershipRanksTheCompleteRaters() {
        StrategyResult result = run(new KendallW(), Riverbend.partnership());
        Score s = only(result);
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
}
