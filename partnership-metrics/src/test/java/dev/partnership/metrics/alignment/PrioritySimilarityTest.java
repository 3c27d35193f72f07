package dev.partnership.metrics.alignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.EvaluationConfig;
import dev.partnership.Evaluator;
import dev.partnership.Goal;
import dev.partnership.InvalidConfigException;
import dev.partnership.Partner;
import dev.partnership.PartnerType;
import dev.partnership.Priority;
import dev.partnership.Partnership;
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
import org.junit.jupiter.api.Test;

/** Tests {@link PrioritySimilarity} and {@link PrioritySimilarityProvider}. */
class PrioritySimilarityTest extends ScoringStrategyContractTest {
    private static final Instant START = Instant.parse("2024-09-01T00:00:00Z");

    @Override
    protected ScoringStrategyProvider provider() {
        return new PrioritySimilarityProvider();
    }

    @Override
    protected Partnership realisticPartnership() {
        return Riverbend.partnership();
    }

    @Override
    protected void checkSinglePartner(StrategyResult result) {
        // The partnership score and the one partner's score, both without a value; no pair.
        assertEquals(2, result.scores().size());
        assertTrue(result.scores().stream().noneMatch(Score::isOk));
        assertTrue(result.scores().stream().noneMatch(s -> s.subject().kind() == Subject.Kind.PAIR));
    }

    /**
     * Builds a partnership whose partners {@code p1, p2, …} ("Partner 1", …) weight goals {@code g1, g2, …}.
     *
     * @param weights {@code weights[partner][goal]}, {@code null} for no priority
     */
    private static Partnership withWeights(Double[][] weights) {
        Partnership.Builder b = Partnership.builder("w", "Weights", START);
        int goals = 0;
        for (Double[] row : weights) {
            goals = Math.max(goals, row.length);
        }
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
        return b.build();
    }

    private static Score find(StrategyResult result, Subject subject) {
        return result.scores().stream().filter(s -> s.subject().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no score for " + subject + " in " + result.scores()));
    }

    private static StrategyResult run(PrioritySimilarity strategy, Double[][] weights) {
        return run(strategy, withWeights(weights), START);
    }

    @Test
    void referenceVectorsThroughTheStrategy() {
        // The project's reference VECTORS.md, "Cosine and weighted Jaccard": A = (5,3,0,1,4), B = (4,0,0,2,5).
        Double[][] w = {{5.0, 3.0, 0.0, 1.0, 4.0}, {4.0, 0.0, 0.0, 2.0, 5.0}};
        StrategyResult result = run(new PrioritySimilarity(), w);
        Score pair = find(result, Subject.pair("p1", "p2"));
        assertEquals(ScoreStatus.OK, pair.status());
        assertEquals(0.8767140075, pair.value(), 1e-10);
        assertEquals(pair.value(), pair.normalized(), 0);
        assertEquals(0.6, pair.detail("jaccard"), 1e-15);
        assertEquals(0.5977653631, pair.detail("jaccardNormalized"), 1e-10);
        assertEquals(5, pair.detail("sharedGoals"), 0);
        assertEquals(0, pair.detail("excludedGoals"), 0);
        assertNull(pair.interval(), "a single comparison has no sampling interval");

        Score whole = find(result, Subject.partnership());
        assertEquals(pair.value(), whole.value(), 0);
        assertEquals(pair.value(), whole.normalized(), 0);
        assertEquals(0.6, whole.detail("meanJaccard"), 1e-15);
        assertEquals(1, whole.detail("pairsCompared"), 0);
        assertNull(whole.interval(), "two partners give no interval");
        assertTrue(((String) whole.details().get("intervalNote")).contains("at least 3"));
        assertEquals("p1", whole.details().get("leastAligned"), "tie between the two, broken by id");
        assertEquals(pair.value(), find(result, Subject.partner("p1")).value(), 0);
        assertEquals(pair.value(), find(result, Subject.partner("p2")).value(), 0);
        assertTrue(result.warnings().isEmpty(), result.warnings().toString());
    }

    @Test
    void scaledPrioritiesAreFullyAlignedByCosineButNotByRawJaccard() {
        Double[][] w = {{5.0, 3.0, 0.0, 1.0, 4.0}, {10.0, 6.0, 0.0, 2.0, 8.0}};
        Score pair = find(run(new PrioritySimilarity(), w), Subject.pair("p1", "p2"));
        assertEquals(1.0, pair.value(), 0);
        assertEquals(0.5, pair.detail("jaccard"), 1e-15);
        assertEquals(1.0, pair.detail("jaccardNormalized"), 0);
    }

    @Test
    void missingPrioritiesArePairwiseDeleted() {
        // p2 did not weight g3; the pair is compared on g1, g2 and g4 only.
        Double[][] w = {{5.0, 3.0, 4.0, 1.0}, {4.0, 0.0, null, 2.0}, {1.0, 1.0, 1.0, 1.0}};
        StrategyResult result = run(new PrioritySimilarity(), w);
        Score pair = find(result, Subject.pair("p1", "p2"));
        assertEquals(PrioritySimilarityMeasures.cosine(new double[] {5, 3, 1}, new double[] {4, 0, 2}),
                pair.value(), 0);
        assertEquals(3, pair.detail("sharedGoals"), 0);
        assertEquals(1, pair.detail("excludedGoals"), 0);
        assertEquals(3, pair.n(), 0);
        Score full = find(result, Subject.pair("p1", "p3"));
        assertEquals(4, full.detail("sharedGoals"), 0);
        assertEquals(0, full.detail("excludedGoals"), 0);
    }

    @Test
    void pairWithFewerThanTwoSharedGoalsIsInsufficient() {
        Double[][] w = {{5.0, 3.0, null}, {null, 2.0, 4.0}, {1.0, 2.0, 3.0}};
        StrategyResult result = run(new PrioritySimilarity(), w);
        Score pair = find(result, Subject.pair("p1", "p2"));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, pair.status());
        assertEquals(1, pair.detail("sharedGoals"), 0);
        assertTrue(((String) pair.details().get("reason")).contains("only one goal"));
        assertTrue(result.warnings().stream().anyMatch(x -> x.code().equals(Warning.INSUFFICIENT_EVIDENCE)
                && x.message().contains("p1–p2")), result.warnings().toString());
        // The others are still compared.
        assertTrue(find(result, Subject.pair("p1", "p3")).isOk());
        assertEquals(2, find(result, Subject.partnership()).detail("pairsCompared"), 0);
        assertEquals(1, find(result, Subject.partnership()).detail("pairsNotCompared"), 0);
    }

    @Test
    void zeroVectorOnTheSharedGoalsIsInsufficientWithItsReason() {
        Double[][] w = {{0.0, 0.0, 0.0}, {1.0, 2.0, 3.0}};
        StrategyResult result = run(new PrioritySimilarity(), w);
        Score pair = find(result, Subject.pair("p1", "p2"));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, pair.status());
        String reason = (String) pair.details().get("reason");
        assertTrue(reason.contains("Partner 1 (p1)") && reason.contains("undefined"), reason);
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, find(result, Subject.partnership()).status());
    }

    @Test
    void leastAlignedPartnerIsNamedAndTiesGoToTheSmallerId() {
        // p1 = (1,2), p2 = (2,1), p3 = (1,1): cos(p1,p2) = 0.8, cos(p1,p3) = cos(p2,p3) = 3/√10.
        Double[][] w = {{1.0, 2.0}, {2.0, 1.0}, {1.0, 1.0}};
        StrategyResult result = run(new PrioritySimilarity(), w);
        double c13 = 3 / Math.sqrt(10);
        assertEquals(0.8, find(result, Subject.pair("p1", "p2")).value(), 1e-15);
        assertEquals(c13, find(result, Subject.pair("p1", "p3")).value(), 1e-15);
        assertEquals((0.8 + c13) / 2, find(result, Subject.partner("p1")).value(), 1e-15);
        assertEquals(c13, find(result, Subject.partner("p3")).value(), 1e-15);
        Score whole = find(result, Subject.partnership());
        assertEquals((0.8 + 2 * c13) / 3, whole.value(), 1e-15);
        assertEquals("p1", whole.details().get("leastAligned"));
        assertEquals((0.8 + c13) / 2, whole.detail("leastAlignedMeanCosine"), 1e-15);
        assertTrue(whole.explanation().contains("least aligned partner is Partner 1 (p1)"), whole.explanation());
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> matrix = (Map<String, Map<String, Object>>) whole.details().get("cosineMatrix");
        assertEquals(List.of("p1", "p2", "p3"), List.copyOf(matrix.keySet()));
        assertEquals(matrix.get("p1").get("p3"), matrix.get("p3").get("p1"));
        assertFalse(matrix.get("p1").containsKey("p1"), "no diagonal");
        assertNotNull(whole.interval(), "three partners give an interval");
    }

    @Test
    void clearlyLeastAlignedPartnerIsFound() {
        Double[][] w = {{5.0, 4.0, 1.0}, {5.0, 3.0, 1.0}, {4.0, 4.0, 2.0}, {1.0, 1.0, 5.0}};
        Score whole = find(run(new PrioritySimilarity(), w), Subject.partnership());
        assertEquals("p4", whole.details().get("leastAligned"));
        assertTrue(whole.explanation().contains("Partner 4 (p4)"), whole.explanation());
    }

    @Test
    void bootstrapLeavesOutPairsOfAPartnerWithItsOwnCopy() {
        double[][] cosine = {{Double.NaN, 0.5, 0.2}, {0.5, Double.NaN, Double.NaN}, {0.2, Double.NaN, Double.NaN}};
        // Positions (0,0) are the same partner: only the two (0,1) pairs count.
        assertEquals(0.5, PrioritySimilarity.meanOverDistinct(cosine, new int[] {0, 0, 1}), 0);
        assertTrue(Double.isNaN(PrioritySimilarity.meanOverDistinct(cosine, new int[] {0, 0, 0})));
        // (1,2) has no defined cosine and is skipped.
        assertEquals(0.35, PrioritySimilarity.meanOverDistinct(cosine, new int[] {0, 1, 2}), 1e-15);
    }

    @Test
    void duplicatedPartnersDoNotInflateTheInterval() {
        // Four partners with identical priorities except one opposite-leaning partner: were self-pairs counted
        // as 1, resamples would sit above the full-sample mean; without them the interval covers the mean.
        Double[][] w = {{5.0, 1.0}, {1.0, 5.0}, {5.0, 2.0}, {2.0, 5.0}, {3.0, 3.0}};
        Score whole = find(run(new PrioritySimilarity(), w), Subject.partnership());
        assertNotNull(whole.interval());
        assertTrue(whole.interval().contains(whole.value()), whole.interval() + " vs " + whole.value());
        assertEquals(whole.interval(), whole.normalizedInterval());
    }

    @Test
    void clipPolicyTurnsNegativeWeightsIntoZeroWithAWarning() {
        Double[][] w = {{3.0, -2.0, 1.0}, {3.0, 0.0, 1.0}};
        StrategyResult result = run(new PrioritySimilarity(), w);
        assertEquals(1.0, find(result, Subject.pair("p1", "p2")).value(), 0);
        Warning warning = result.warnings().stream().filter(x -> x.code().equals(PrioritySimilarity.NEGATIVE_PRIORITY))
                .findFirst().orElseThrow();
        assertTrue(warning.message().contains("p1 on g2 (-2)") && warning.message().contains("clip"),
                warning.message());
        Score whole = find(result, Subject.partnership());
        assertEquals("clip", whole.details().get("negativeWeights"));
        assertEquals(1, whole.detail("adjustedWeights"), 0);
    }

    @Test
    void shiftPolicyRaisesThePartnersWeights() {
        // (3, -2, 1) shifted by 2 is (5, 0, 3), the same as p2.
        Double[][] w = {{3.0, -2.0, 1.0}, {5.0, 0.0, 3.0}};
        StrategyResult result = run(new PrioritySimilarity().withNegativeWeights(
                PrioritySimilarity.NegativeWeights.SHIFT), w);
        assertEquals(1.0, find(result, Subject.pair("p1", "p2")).value(), 0);
        assertEquals(1.0, find(result, Subject.pair("p1", "p2")).detail("jaccard"), 0);
        Warning warning = result.warnings().stream().filter(x -> x.code().equals(PrioritySimilarity.NEGATIVE_PRIORITY))
                .findFirst().orElseThrow();
        assertTrue(warning.message().contains("p1 by 2") && warning.message().contains("p1 on g2"),
                warning.message());
        assertEquals(3, find(result, Subject.partnership()).detail("adjustedWeights"), 0);
    }

    @Test
    void rejectPolicyGivesNoScoresAndNamesTheWeights() {
        Double[][] w = {{3.0, -2.0, 1.0}, {5.0, 0.0, 3.0}, {1.0, 1.0, -0.5}};
        StrategyResult result = run(new PrioritySimilarity(500, PrioritySimilarity.NegativeWeights.REJECT), w);
        assertEquals(1, result.scores().size());
        Score whole = result.scores().get(0);
        assertEquals(Subject.partnership(), whole.subject());
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, whole.status());
        Warning warning = result.warnings().get(0);
        assertEquals(Warning.INSUFFICIENT_EVIDENCE, warning.code());
        assertTrue(warning.message().contains("p1 on g2 (-2)") && warning.message().contains("p3 on g3 (-0.5)"),
                warning.message());
    }

    @Test
    void riverbendComparesEveryoneButTheSilentFamilies() {
        StrategyResult result = run(new PrioritySimilarity(), Riverbend.partnership());
        Score whole = find(result, Subject.partnership());
        assertEquals(ScoreStatus.OK, whole.status());
        assertEquals(10, whole.detail("pairsCompared"), 0);
        assertEquals(List.of("families"), whole.details().get("partnersWithoutPriorities"));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, find(result, Subject.partner("families")).status());
        assertTrue(result.scores().stream().noneMatch(s -> s.subject() instanceof Subject.PairSubject ps
                && (ps.from().equals("families") || ps.to().equals("families"))));
        // acme weighted only dual-enrollment and stem-camp: compared with everyone on those two.
        Score acmeRusd = find(result, Subject.pair("acme", "rusd"));
        assertEquals(2, acmeRusd.detail("sharedGoals"), 0);
        assertEquals(3, acmeRusd.detail("excludedGoals"), 0);
        // On (dual-enrollment, stem-camp), in goal-id order: acme weights (3, 5), rusd (5, 1).
        assertEquals(PrioritySimilarityMeasures.cosine(new double[] {3, 5}, new double[] {5, 1}), acmeRusd.value(), 0);
        assertNotNull(whole.interval());
        assertTrue(whole.interval().low() >= 0 && whole.interval().high() <= 1);
        assertTrue(result.warnings().stream().anyMatch(x -> x.code().equals(Warning.EXCLUDED_INPUT)
                && x.message().contains("families")));
        assertTrue(whole.explanation().contains("least aligned partner is"), whole.explanation());
    }

    @Test
    void resultDoesNotDependOnAsOf() {
        Partnership p = Riverbend.partnership();
        assertEquals(run(new PrioritySimilarity(), p, START), run(new PrioritySimilarity(), p, p.latestEvidence()));
    }

    @Test
    void anotherSeedMovesOnlyTheInterval() {
        Partnership p = Riverbend.partnership();
        Score a = find(new PrioritySimilarity().score(context(p, p.latestEvidence(), 1)), Subject.partnership());
        Score b = find(new PrioritySimilarity().score(context(p, p.latestEvidence(), 2)), Subject.partnership());
        assertEquals(a.value(), b.value(), 0);
        assertEquals(a.details().get("cosineMatrix"), b.details().get("cosineMatrix"));
    }

    @Test
    void providerReadsItsParameters() {
        PrioritySimilarityProvider provider = new PrioritySimilarityProvider();
        PrioritySimilarity s = (PrioritySimilarity) provider.create(StrategyParameters.of(provider.id(),
                provider.parameters(), Map.of("negativeWeights", "shift", "bootstrapResamples", 250)));
        assertEquals(PrioritySimilarity.NegativeWeights.SHIFT, s.negativeWeights());
        assertEquals(250, s.bootstrapResamples());
        PrioritySimilarity defaults = (PrioritySimilarity) strategy();
        assertEquals(PrioritySimilarity.DEFAULT_NEGATIVE_WEIGHTS, defaults.negativeWeights());
        assertEquals(PrioritySimilarity.DEFAULT_BOOTSTRAP_RESAMPLES, defaults.bootstrapResamples());
    }

    @Test
    void badParametersAreRejected() {
        EvaluationConfig config = EvaluationConfig.defaults().withParameters(PrioritySimilarity.ID,
                Map.of("negativeWeights", "ignore"));
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> Evaluator.builder().discover(false).register(provider()).config(config).build());
        assertTrue(e.problems().stream().anyMatch(pr -> pr.location().equals(
                "/strategies/priority-similarity/negativeWeights")), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PrioritySimilarity(99,
                PrioritySimilarity.NegativeWeights.CLIP));
        assertThrows(NullPointerException.class, () -> new PrioritySimilarity(1000, null));
        assertThrows(IllegalArgumentException.class, () -> PrioritySimilarity.NegativeWeights.fromParameter("x"));
    }

    @Test
    void withersReturnCopies() {
        PrioritySimilarity s = new PrioritySimilarity();
        PrioritySimilarity t = s.withBootstrapResamples(200);
        assertEquals(200, t.bootstrapResamples());
        assertEquals(PrioritySimilarity.DEFAULT_BOOTSTRAP_RESAMPLES, s.bootstrapResamples());
        assertEquals(PrioritySimilarity.NegativeWeights.REJECT,
                s.withNegativeWeights(PrioritySimilarity.NegativeWeights.REJECT).negativeWeights());
        assertSame(PrioritySimilarity.DEFAULT_NEGATIVE_WEIGHTS, s.negativeWeights());
    }
}
