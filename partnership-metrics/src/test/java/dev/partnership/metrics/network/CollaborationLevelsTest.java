package dev.partnership.metrics.network;

import static dev.partnership.metrics.network.NetworkStructureTest.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.partnership.EvaluationConfig;
import dev.partnership.Evaluator;
import dev.partnership.InvalidConfigException;
import dev.partnership.Partner;
import dev.partnership.PartnerType;
import dev.partnership.Partnership;
import dev.partnership.Rating;
import dev.partnership.RatingDimension;
import dev.partnership.Score;
import dev.partnership.ScoreStatus;
import dev.partnership.Subject;
import dev.partnership.Warning;
import dev.partnership.metrics.Riverbend;
import dev.partnership.metrics.ScoringStrategyContractTest;
import dev.partnership.metrics.stats.StudentTInterval;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import dev.partnership.spi.StrategyResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Tests {@link CollaborationLevels} and {@link CollaborationLevelsProvider}. The mutual-strength vectors are from
 * /work/shared/reference/VECTORS.md, "Levels of Collaboration / mutual strength" (NEES, Mathematica; published):
 * A rates B 2 and B rates A 3 give 2.5; A rates B 2, 3, 2 on three occasions and B rates A 4 give
 * ((2 + 3 + 2)/3 + 4)/2 = 3.1666666667.
 */
class CollaborationLevelsTest extends ScoringStrategyContractTest {
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant AS_OF = Instant.parse("2025-06-30T00:00:00Z");
    private static final Instant SPRING = Instant.parse("2025-04-01T00:00:00Z");
    private static final Instant FALL = Instant.parse("2024-10-01T00:00:00Z");
    private static final Instant WINTER = Instant.parse("2025-01-15T00:00:00Z");

    @Override
    protected ScoringStrategyProvider provider() {
        return new CollaborationLevelsProvider();
    }

    @Override
    protected Partnership realisticPartnership() {
        return riverbendWithLevels();
    }

    @Override
    protected void checkSinglePartner(StrategyResult result) {
        assertEquals(1, result.scores().size());
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, result.scores().get(0).status());
    }

    /**
     * The Riverbend fixture with two waves of Levels of Collaboration ratings: two-sided pairs, a one-sided pair
     * (ru rated acme, acme did not answer), an asymmetric pair (rusd says 4, youthworks says 1) and a level 0.
     *
     * @return the partnership
     */
    static Partnership riverbendWithLevels() {
        Partnership base = Riverbend.partnership();
        Instant first = Instant.parse("2025-05-01T00:00:00Z");
        Instant second = Instant.parse("2025-11-01T00:00:00Z");
        Partnership.Builder b = Partnership.builder(base.id(), base.name(), base.start());
        base.partners().forEach(b::partner);
        base.goals().forEach(b::goal);
        base.priorities().forEach(b::priority);
        b.signals(base.signals());
        base.measurements().forEach(b::measurement);
        b.rating(level(first, "rusd", "rcc", 4)).rating(level(second, "rusd", "rcc", 5))
                .rating(level(first, "rcc", "rusd", 4))
                .rating(level(first, "rusd", "ru", 3)).rating(level(first, "ru", "rusd", 3))
                .rating(level(first, "rusd", "youthworks", 4)).rating(level(first, "youthworks", "rusd", 1))
                .rating(level(second, "ru", "acme", 2))
                .rating(level(first, "families", "rusd", 1)).rating(level(first, "rusd", "families", 0))
                .rating(level(second, "acme", "rcc", 3)).rating(level(second, "rcc", "acme", 2))
                .rating(new Rating(first, "rcc", "ru", RatingDimension.RELIABILITY, 4));
        return b.build();
    }

    private static Rating level(Instant at, String rater, String ratee, double value) {
        return new Rating(at, rater, ratee, RatingDimension.COLLABORATION_LEVEL, value);
    }

    private static Partnership.Builder pair() {
        return Partnership.builder("pair", "Pair", START)
                .partner(new Partner("a", "A", PartnerType.SCHOOL_DISTRICT))
                .partner(new Partner("b", "B", PartnerType.UNIVERSITY));
    }

    @Test
    void twoSidedPairIsTheMeanOfBothViews() {
        Partnership p = pair().rating(level(SPRING, "a", "b", 2)).rating(level(SPRING, "b", "a", 3)).build();
        Score s = find(run(new CollaborationLevels(), p, AS_OF), Subject.pair("a", "b"));
        assertEquals(2.5, s.value(), 1e-12);
        assertEquals(0.5, s.normalized(), 1e-12);
        assertEquals(2.0, s.detail("levelAB"), 0);
        assertEquals(3.0, s.detail("levelBA"), 0);
        assertEquals(1, s.detail("occasionsAB"), 0);
        assertEquals(1, s.detail("occasionsBA"), 0);
        assertEquals(false, s.details().get("oneSided"));
        assertEquals(false, s.details().get("asymmetric"));
        assertEquals("coordination", s.band());
        assertNull(s.interval());
    }

    @Test
    void repeatedOccasionsAreAveragedBeforeTheTwoViews() {
        Partnership p = pair().rating(level(FALL, "a", "b", 2)).rating(level(WINTER, "a", "b", 3))
                .rating(level(SPRING, "a", "b", 2)).rating(level(SPRING, "b", "a", 4)).build();
        StrategyResult result = run(new CollaborationLevels(), p, AS_OF);
        Score s = find(result, Subject.pair("a", "b"));
        assertEquals(3.1666666667, s.value(), 1e-10);
        assertEquals(7.0 / 3, s.detail("levelAB"), 1e-15);
        assertEquals(3, s.detail("occasionsAB"), 0);
        assertEquals(4, s.n(), 0);
        // One pair: the partnership has its value and no interval.
        Score all = find(result, Subject.partnership());
        assertEquals(s.value(), all.value(), 0);
        assertTrue(Double.isNaN(all.normalized()), "intensity of collaboration stays out of the TRUST summary");
        assertNull(all.interval());
        assertNull(all.normalizedInterval());
        assertEquals(1, all.detail("pairs"), 0);
    }

    @Test
    void pairSubjectsAreOrderedByIdWhoeverRated() {
        Partnership p = pair().rating(level(SPRING, "b", "a", 4)).build();
        StrategyResult result = run(new CollaborationLevels(), p, AS_OF);
        Score s = find(result, Subject.pair("a", "b"));
        assertTrue(result.scores().stream().noneMatch(x -> x.subject().equals(Subject.pair("b", "a"))));
        assertEquals(4.0, s.value(), 0);
        assertEquals(true, s.details().get("oneSided"));
        assertEquals(false, s.details().get("asymmetric"));
        assertFalse(s.details().containsKey("levelAB"));
        assertEquals(4.0, s.detail("levelBA"), 0);
        assertEquals(0, s.detail("occasionsAB"), 0);
        assertTrue(s.explanation().contains("Only b rated"), s.explanation());
        assertTrue(s.explanation().contains("one side"), s.explanation());
    }

    @Test
    void asymmetricPairsAreFlaggedInOneWarning() {
        Partnership p = Partnership.builder("three", "Three", START)
                .partner(new Partner("a", "A", PartnerType.OTHER))
                .partner(new Partner("b", "B", PartnerType.OTHER))
                .partner(new Partner("c", "C", PartnerType.OTHER))
                .rating(level(SPRING, "a", "b", 5)).rating(level(SPRING, "b", "a", 3))
                .rating(level(SPRING, "a", "c", 1)).rating(level(SPRING, "c", "a", 4))
                .rating(level(SPRING, "b", "c", 3)).rating(level(SPRING, "c", "b", 2))
                .build();
        StrategyResult result = run(new CollaborationLevels(), p, AS_OF);
        // A difference of exactly 2 counts.
        assertEquals(true, find(result, Subject.pair("a", "b")).details().get("asymmetric"));
        assertEquals(true, find(result, Subject.pair("a", "c")).details().get("asymmetric"));
        assertEquals(false, find(result, Subject.pair("b", "c")).details().get("asymmetric"));
        List<Warning> flagged = result.warnings().stream()
                .filter(w -> w.code().equals(CollaborationLevels.ASYMMETRIC_COLLABORATION)).toList();
        assertEquals(1, flagged.size());
        assertTrue(flagged.get(0).message().contains("a and b"), flagged.get(0).message());
        assertTrue(flagged.get(0).message().contains("a and c"), flagged.get(0).message());
        assertTrue(flagged.get(0).message().contains("flagged for discussion"), flagged.get(0).message());
        Score all = find(result, Subject.partnership());
        assertEquals(List.of(List.of("a", "b"), List.of("a", "c")), all.details().get("asymmetricPairs"));

        StrategyResult lenient = run(new CollaborationLevels(3.5), p, AS_OF);
        assertTrue(lenient.warnings().stream()
                .noneMatch(w -> w.code().equals(CollaborationLevels.ASYMMETRIC_COLLABORATION)));
        assertEquals(List.of(), find(lenient, Subject.partnership()).details().get("asymmetricPairs"));
    }

    @Test
    void partnershipIsTheMeanOverPairsWithAStudentTIntervalClippedToTheScale() {
        StrategyResult result = run(new CollaborationLevels(), riverbendWithLevels());
        // Pairs by id: (acme, rcc) 2.5, (acme, ru) 2 one-sided, (families, rusd) 0.5, (rcc, rusd) 4.25,
        // (ru, rusd) 3, (rusd, youthworks) 2.5 asymmetric (4 vs 1).
        double[] strengths = {2.5, 2.0, 0.5, 4.25, 3.0, 2.5};
        Score all = find(result, Subject.partnership());
        StudentTInterval t = StudentTInterval.of(strengths, 6, 0.95);
        assertEquals(14.75 / 6, all.value(), 1e-12);
        assertTrue(Double.isNaN(all.normalized()), "intensity of collaboration stays out of the TRUST summary");
        assertEquals(Math.max(0, t.interval().low()), all.interval().low(), 1e-12);
        assertEquals(Math.min(5, t.interval().high()), all.interval().high(), 1e-12);
        assertNull(all.normalizedInterval());
        assertEquals(6, all.detail("pairs"), 0);
        assertEquals(1, all.detail("oneSidedPairs"), 0);
        assertEquals(12, all.detail("ratings"), 0);
        assertEquals(List.of(List.of("rusd", "youthworks")), all.details().get("asymmetricPairs"));
        // Rounded half up: 0.5 → 1, 2 → 2, 2.5 → 3 (twice), 3 → 3, 4.25 → 4.
        assertEquals(Map.of("0", 0L, "1", 1L, "2", 1L, "3", 3L, "4", 1L, "5", 0L),
                all.details().get("levelDistribution"));
        assertEquals("cooperation", all.band());

        Score rccRusd = find(result, Subject.pair("rcc", "rusd"));
        assertEquals(4.0, rccRusd.detail("levelAB"), 0);
        assertEquals(4.5, rccRusd.detail("levelBA"), 0);
        assertEquals(2, rccRusd.detail("occasionsBA"), 0);
        assertEquals(0.5, find(result, Subject.pair("families", "rusd")).value(), 0);
        List<Subject> order = result.scores().stream().map(Score::subject).toList();
        assertEquals(List.of(Subject.partnership(), Subject.pair("acme", "rcc"), Subject.pair("acme", "ru"),
                Subject.pair("families", "rusd"), Subject.pair("rcc", "rusd"), Subject.pair("ru", "rusd"),
                Subject.pair("rusd", "youthworks")), order);
    }

    @Test
    void noCollaborationRatingsIsInsufficientWithAWarning() {
        Partnership p = pair().rating(new Rating(SPRING, "a", "b", RatingDimension.RELIABILITY, 3)).build();
        StrategyResult result = run(new CollaborationLevels(), p, AS_OF);
        assertEquals(1, result.scores().size());
        Score all = result.scores().get(0);
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, all.status());
        assertEquals(0, all.detail("ratings"), 0);
        assertTrue(result.warnings().stream().anyMatch(w -> w.code().equals(Warning.INSUFFICIENT_EVIDENCE)));
        assertTrue(run(new CollaborationLevels(), Riverbend.partnership()).scores().stream().noneMatch(Score::isOk));
    }

    @Test
    void ratingsAfterAsOfAreIgnored() {
        Partnership.Builder b = pair().rating(level(SPRING, "a", "b", 2)).rating(level(SPRING, "b", "a", 3));
        Partnership before = b.build();
        Partnership after = b.rating(level(AS_OF.plusSeconds(1), "a", "b", 5))
                .rating(level(AS_OF.plusSeconds(1), "b", "a", 0)).build();
        assertEquals(run(new CollaborationLevels(), before, AS_OF), run(new CollaborationLevels(), after, AS_OF));
        assertEquals(2.5, find(run(new CollaborationLevels(), after, AS_OF), Subject.pair("a", "b")).value(), 0);
    }

    @Test
    void mutualStrengthHandlesOneSidedAndMissingViews() {
        assertEquals(2.5, CollaborationLevels.mutualStrength(2, 3), 0);
        assertEquals(2.0, CollaborationLevels.mutualStrength(2, Double.NaN), 0);
        assertEquals(3.0, CollaborationLevels.mutualStrength(Double.NaN, 3), 0);
        assertTrue(Double.isNaN(CollaborationLevels.mutualStrength(Double.NaN, Double.NaN)));
        assertEquals("none", CollaborationLevels.levelName(0.49));
        assertEquals("networking", CollaborationLevels.levelName(0.5));
        assertEquals("collaboration", CollaborationLevels.levelName(5));
        assertThrows(IllegalArgumentException.class, () -> CollaborationLevels.levelName(5.01));
        assertThrows(IllegalArgumentException.class, () -> CollaborationLevels.levelName(Double.NaN));
    }

    @Test
    void mutualStrengthStaysOnTheScaleAndIsSymmetric() {
        qt().withFixedSeed(67).withExamples(200)
                .forAll(longs().all(), integers().between(0, 4), integers().between(0, 4))
                .checkAssert((seed, occasionsAB, occasionsBA) -> {
                    if (occasionsAB + occasionsBA == 0) {
                        return;
                    }
                    SplittableRandom random = new SplittableRandom(seed);
                    int[] ab = random.ints(occasionsAB, 0, 6).toArray();
                    int[] ba = random.ints(occasionsBA, 0, 6).toArray();
                    Score s = pairScore(ab, ba, "a", "b");
                    assertTrue(s.value() >= 0 && s.value() <= 5, "strength " + s.value());
                    assertEquals(s.value() / 5, s.normalized(), 1e-15);
                    // Swapping who is A and who is B (by renaming) leaves the mutual strength unchanged.
                    Score swapped = pairScore(ab, ba, "b", "a");
                    assertEquals(s.value(), swapped.value(), 0);
                    assertEquals(s.details().get("asymmetric"), swapped.details().get("asymmetric"));
                    assertEquals(s.details().get("oneSided"), swapped.details().get("oneSided"));
                });
    }

    /** Scores one pair where {@code first} rates {@code second} with {@code ab} and the reverse with {@code ba}. */
    private static Score pairScore(int[] ab, int[] ba, String first, String second) {
        Partnership.Builder b = pair();
        Instant at = FALL;
        for (int v : ab) {
            b.rating(level(at, first, second, v));
            at = at.plusSeconds(86_400);
        }
        for (int v : ba) {
            b.rating(level(at, second, first, v));
            at = at.plusSeconds(86_400);
        }
        return find(run(new CollaborationLevels(), b.build(), AS_OF), Subject.pair("a", "b"));
    }

    @Test
    void providerPassesParametersAndRejectsOutOfRangeValues() {
        CollaborationLevelsProvider provider = new CollaborationLevelsProvider();
        CollaborationLevels s = (CollaborationLevels) provider.create(StrategyParameters.of(provider.id(),
                provider.parameters(), Map.of("asymmetryThreshold", 3)));
        assertEquals(3.0, s.asymmetryThreshold(), 0);
        CollaborationLevels defaults = (CollaborationLevels) provider.create(
                StrategyParameters.defaults(provider.id(), provider.parameters()));
        assertEquals(CollaborationLevels.DEFAULT_ASYMMETRY_THRESHOLD, defaults.asymmetryThreshold(), 0);
        EvaluationConfig config = EvaluationConfig.defaults()
                .withParameters(provider.id(), Map.of("asymmetryThreshold", 6));
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> Evaluator.builder().discover(false).register(provider).config(config).build());
        assertTrue(e.problems().stream().anyMatch(pr -> pr.location().endsWith("/asymmetryThreshold")),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CollaborationLevels(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new CollaborationLevels(Double.NaN));
        assertEquals(1.0, new CollaborationLevels().withAsymmetryThreshold(1).asymmetryThreshold(), 0);
    }
}
