package dev.partnership.metrics.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.partnership.EngagementSignal;
import dev.partnership.EvaluationConfig;
import dev.partnership.Evaluator;
import dev.partnership.Interval;
import dev.partnership.InvalidConfigException;
import dev.partnership.Partner;
import dev.partnership.PartnerType;
import dev.partnership.Partnership;
import dev.partnership.Score;
import dev.partnership.ScoreStatus;
import dev.partnership.SignalKind;
import dev.partnership.Subject;
import dev.partnership.Warning;
import dev.partnership.metrics.Riverbend;
import dev.partnership.metrics.ScoringStrategyContractTest;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import dev.partnership.spi.StrategyResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Tests {@link SubjectiveLogic} and {@link SubjectiveLogicProvider}. The numbers are the subjective-logic vectors of
 * the project's reference list (VECTORS.md, Trust / Subjective logic, after Jøsang, A. (2016), <i>Subjective
 * Logic</i>, Springer, and the classic discounting of Jøsang &amp; Pope (2005); [C]: computed independently from the
 * published formulas), reached here through engagement signals with decay off.
 */
class SubjectiveLogicTest extends ScoringStrategyContractTest {
    private static final Instant AS_OF = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant START = Instant.parse("2023-01-01T00:00:00Z");
    private static final double EPS = 1e-10;
    private static final String A1 = "a1";
    private static final String A2 = "a2";
    private static final String T = "t";
    private static final String X = "x";
    private static final String Y = "y";

    @Override
    protected ScoringStrategyProvider provider() {
        return new SubjectiveLogicProvider();
    }

    @Override
    protected Partnership realisticPartnership() {
        return Riverbend.partnership();
    }

    @Override
    protected void checkSinglePartner(StrategyResult result) {
        assertTrue(result.scores().stream().noneMatch(s -> s.subject().kind() == Subject.Kind.PAIR));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, find(result, Subject.partnership()).status());
    }

    private static Score find(StrategyResult result, Subject subject) {
        Optional<Score> s = result.scores().stream().filter(x -> x.subject().equals(subject)).findFirst();
        assertTrue(s.isPresent(), "no score for " + subject);
        return s.get();
    }

    private static Partnership.Builder acts(Partnership.Builder b, String source, String target, SignalKind kind,
                                            int count) {
        for (int i = 0; i < count; i++) {
            b.signal(new EngagementSignal(AS_OF.minusSeconds(i), source, target, null, kind));
        }
        return b;
    }

    private static Partnership.Builder partners(String id, String... ids) {
        Partnership.Builder b = Partnership.builder(id, id, START);
        for (String p : ids) {
            b.partner(new Partner(p, p.toUpperCase(java.util.Locale.ROOT), PartnerType.NONPROFIT));
        }
        return b;
    }

    /** T acted toward A1 8 times well and twice badly, toward A2 3 times well and 5 times badly: ev(8,2), ev(3,5). */
    private static Partnership fusionVectors() {
        Partnership.Builder b = partners("fusion", A1, A2, T);
        acts(b, T, A1, SignalKind.COMMITMENT_KEPT, 8);
        acts(b, T, A1, SignalKind.COMMITMENT_BROKEN, 2);
        acts(b, T, A2, SignalKind.COMMITMENT_KEPT, 3);
        acts(b, T, A2, SignalKind.COMMITMENT_BROKEN, 5);
        return b.build();
    }

    /** Y acted toward X 6 times well, ev(6, 0); T acted toward Y twice well and 8 times badly, ev(2, 8). */
    private static Partnership discountVector() {
        Partnership.Builder b = partners("discount", X, Y, T);
        acts(b, Y, X, SignalKind.REQUEST_ANSWERED, 6);
        acts(b, T, Y, SignalKind.REQUEST_ANSWERED, 2);
        acts(b, T, Y, SignalKind.REQUEST_IGNORED, 8);
        return b.build();
    }

    private static SubjectiveLogic noDecay() {
        return new SubjectiveLogic().withHalfLifeDays(0);
    }

    private static void assertOpinion(double b, double d, double u, double p, Score s) {
        assertEquals(ScoreStatus.OK, s.status(), s.toString());
        assertEquals(b, s.detail("b"), EPS, "b of " + s.subject());
        assertEquals(d, s.detail("d"), EPS, "d of " + s.subject());
        assertEquals(u, s.detail("u"), EPS, "u of " + s.subject());
        assertEquals(p, s.value(), EPS, "P of " + s.subject());
        assertEquals(s.value(), s.normalized(), 0);
        assertEquals(s.interval(), s.normalizedInterval());
    }

    @Test
    void pairOpinionsFromEvidenceMatchTheVectors() {
        StrategyResult result = run(noDecay(), fusionVectors(), AS_OF);
        // VECTORS.md: ev(8,2) = (0.6666666667, 0.1666666667, 0.1666666667), P 0.75; ev(3,5) = (0.3, 0.5, 0.2), P 0.4.
        Score a1t = find(result, Subject.pair(A1, T));
        assertOpinion(0.6666666667, 0.1666666667, 0.1666666667, 0.75, a1t);
        assertEquals(8, a1t.detail("r"), 0);
        assertEquals(2, a1t.detail("s"), 0);
        assertEquals(0.5, a1t.detail("a"), 0);
        assertEquals(10, a1t.n(), 0);
        // Beta(8 + 2·0.5, 2 + 2·0.5) = Beta(9, 3): SciPy beta.ppf([0.025, 0.975], 9, 3).
        assertEquals(0.48224415, a1t.interval().low(), 1e-8);
        assertEquals(0.93978227, a1t.interval().high(), 1e-8);
        assertTrue(a1t.explanation().contains("belief 0.67, disbelief 0.17 and uncertainty 0.17"), a1t.explanation());
        assertFalse(a1t.details().containsKey("derived"));
        assertOpinion(0.3, 0.5, 0.2, 0.4, find(result, Subject.pair(A2, T)));
    }

    @Test
    void partnerFusesTheOpinionsAboutItCumulativelyAndReportsTheAverage() {
        Score t = find(run(noDecay(), fusionVectors(), AS_OF), Subject.partner(T));
        // VECTORS.md: cumulative fusion = (0.55, 0.35, 0.1), P 0.6 (= ev(11, 7)); averaging P 0.5909090909.
        assertOpinion(0.55, 0.35, 0.1, 0.6, t);
        assertEquals(0.5909090909, t.detail("averagingFusion"), EPS);
        assertEquals(11, t.detail("r"), 1e-9);
        assertEquals(7, t.detail("s"), 1e-9);
        assertEquals(2, t.detail("opinions"), 0);
        assertEquals(18, t.n(), 0);
        assertEquals(new BetaEvidence(11, 7).interval(0.95).low(), t.interval().low(), 1e-9);
    }

    @Test
    void pairsWithoutDealingsAreUnknownNotDistrusted() {
        StrategyResult result = run(noDecay(), fusionVectors(), AS_OF);
        List<Subject> unknown = List.of(Subject.pair(A1, A2), Subject.pair(A2, A1), Subject.pair(T, A1),
                Subject.pair(T, A2));
        for (Subject subject : unknown) {
            Score s = find(result, subject);
            assertOpinion(0, 0, 1, 0.5, s);
            assertEquals(0, s.n(), 0);
            assertTrue(s.explanation().contains("unknown: no dealings"), s.explanation());
            assertTrue(s.explanation().contains("not distrust"), s.explanation());
            // The prior's interval: Beta(1, 1) is uniform.
            assertEquals(0.025, s.interval().low(), 1e-9);
            assertEquals(0.975, s.interval().high(), 1e-9);
        }
        // Every ordered pair is reported, in order; nobody dealt with a1 or a2, so they have no partner score.
        List<Subject> order = result.scores().stream().map(Score::subject).toList();
        assertEquals(List.of(Subject.partnership(), Subject.partner(A1), Subject.partner(A2), Subject.partner(T),
                Subject.pair(A1, A2), Subject.pair(A1, T), Subject.pair(A2, A1), Subject.pair(A2, T),
                Subject.pair(T, A1), Subject.pair(T, A2)), order);
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, find(result, Subject.partner(A1)).status());
        // With a base rate of 0.3 an unknown pair reads 0.3.
        assertEquals(0.3, find(run(noDecay().withBaseRate(0.3), fusionVectors(), AS_OF), Subject.pair(A1, A2))
                .value(), 0);
    }

    @Test
    void partnershipIsTheMeanOverPairsWithDealingsAndReportsTheUnknownShare() {
        Score all = find(run(noDecay(), fusionVectors(), AS_OF), Subject.partnership());
        assertEquals((0.75 + 0.4) / 2, all.value(), 1e-12);
        assertEquals(2, all.detail("pairs"), 0);
        assertEquals(2, all.detail("pairsWithDealings"), 0);
        assertEquals(4.0 / 6, all.detail("unknownShare"), 1e-15);
        assertEquals((1.0 / 6 + 0.2) / 2, all.detail("meanUncertainty"), 1e-12);
        // Descriptive only: the same evidence already reaches the TRUST summary through beta-reputation.
        assertTrue(Double.isNaN(all.normalized()), "no normalized value, so the summary does not count it twice");
        assertEquals(null, all.normalizedInterval());
        assertNotNull(all.interval());
        // Student t over the two pairs, clipped: mean ± 12.706 · sd / √2 covers [0, 1].
        assertEquals(0, all.interval().low(), 0);
        assertEquals(1, all.interval().high(), 0);
        assertTrue(all.explanation().contains("67% of ordered pairs"), all.explanation());
    }

    @Test
    void pairWithoutDealingsIsDerivedByDiscountingThenFusion() {
        SubjectiveLogic strategy = noDecay().withBaseRate(0.3);
        StrategyResult result = run(strategy, discountVector(), AS_OF);
        // VECTORS.md: ev(6,0) = (0.75, 0, 0.25) over ev(2,8) with a = 0.3 → (0.125, 0.5, 0.375), P 0.2375.
        Score xt = find(result, Subject.pair(X, T));
        assertOpinion(0.125, 0.5, 0.375, 0.2375, xt);
        assertEquals(Boolean.TRUE, xt.details().get("derived"));
        assertEquals(List.of(Y), xt.details().get("via"));
        assertTrue(Double.isNaN(xt.n()));
        assertTrue(xt.explanation().contains("Derived through y, not first-hand"), xt.explanation());
        // r = W b / u, s = W d / u, and the interval of Beta(r + W a, s + W (1 − a)).
        assertEquals(2 * 0.125 / 0.375, xt.detail("r"), 1e-12);
        assertEquals(2 * 0.5 / 0.375, xt.detail("s"), 1e-12);
        Interval expected = BetaEvidence.equalTailed(2 * 0.125 / 0.375 + 0.6, 2 * 0.5 / 0.375 + 1.4, 0.95);
        assertEquals(expected.low(), xt.interval().low(), 1e-12);
        assertEquals(expected.high(), xt.interval().high(), 1e-12);

        // Derived pairs change neither the partner nor the partnership scores.
        StrategyResult plain = run(strategy.withDerivePairs(false), discountVector(), AS_OF);
        Score unknown = find(plain, Subject.pair(X, T));
        assertEquals(1, unknown.detail("u"), 0);
        assertTrue(unknown.explanation().contains("unknown: no dealings"), unknown.explanation());
        for (Subject subject : List.of(Subject.partnership(), Subject.partner(X), Subject.partner(Y),
                Subject.partner(T))) {
            assertEquals(find(plain, subject), find(result, subject), subject.toString());
        }
    }

    @Test
    void derivedOpinionsFuseEveryIntermediary() {
        // A second intermediary y2 with ev(4, 0) from x and ev(0, 4) about t.
        Partnership.Builder b = partners("two", X, Y, "y2", T);
        acts(b, Y, X, SignalKind.REQUEST_ANSWERED, 6);
        acts(b, T, Y, SignalKind.REQUEST_ANSWERED, 2);
        acts(b, T, Y, SignalKind.REQUEST_IGNORED, 8);
        acts(b, "y2", X, SignalKind.MEETING_ATTENDED, 4);
        acts(b, T, "y2", SignalKind.MEETING_MISSED, 4);
        Score xt = find(run(noDecay(), b.build(), AS_OF), Subject.pair(X, T));
        Opinion viaY = Opinion.fromEvidence(new BetaEvidence(6, 0), 2, 0.5)
                .discount(Opinion.fromEvidence(new BetaEvidence(2, 8), 2, 0.5));
        Opinion viaY2 = Opinion.fromEvidence(new BetaEvidence(4, 0), 2, 0.5)
                .discount(Opinion.fromEvidence(new BetaEvidence(0, 4), 2, 0.5));
        Opinion fused = viaY.cumulativeFuse(viaY2);
        assertOpinion(fused.belief(), fused.disbelief(), fused.uncertainty(), fused.projectedProbability(), xt);
        assertEquals(List.of(Y, "y2"), xt.details().get("via"));
        assertTrue(xt.detail("u") < viaY.uncertainty(), "two paths know more than one");
    }

    @Test
    void largeNetworksSkipDerivationWithOneWarning() {
        StrategyResult result = run(noDecay().withMaxPartnersForDerivation(2), discountVector(), AS_OF);
        assertEquals(1, find(result, Subject.pair(X, T)).detail("u"), 0);
        assertEquals(1, result.warnings().stream()
                .filter(w -> w.code().equals(BetaReputation.DERIVATION_SKIPPED)).count());
    }

    @Test
    void evidenceDecaysWithItsHalfLife() {
        Partnership p = partners("decay", X, Y)
                .signal(new EngagementSignal(AS_OF.minus(Duration.ofDays(365)), Y, X, null, SignalKind.COMMITMENT_KEPT))
                .signal(new EngagementSignal(AS_OF, Y, X, null, SignalKind.COMMITMENT_BROKEN))
                .build();
        Score xy = find(run(new SubjectiveLogic(), p, AS_OF), Subject.pair(X, Y));
        assertEquals(0.5, xy.detail("r"), 1e-12);
        assertEquals(1, xy.detail("s"), 0);
        assertOpinion(0.5 / 3.5, 1 / 3.5, 2 / 3.5, (0.5 + 1) / 3.5, xy);
        // W = 4 counts the prior double: u = 4 / (1.5 + 4).
        assertEquals(4 / 5.5, find(run(new SubjectiveLogic().withPriorWeight(4), p, AS_OF), Subject.pair(X, Y))
                .detail("u"), 1e-12);
    }

    @Test
    void signalsWithoutWeightLeaveTheOpinionUncertainAndGiveNoPartnershipScore() {
        Partnership p = partners("zero", X, Y)
                .signal(new EngagementSignal(AS_OF, Y, X, null, SignalKind.FEEDBACK, 0))
                .build();
        StrategyResult result = run(new SubjectiveLogic(), p, AS_OF);
        Score xy = find(result, Subject.pair(X, Y));
        assertOpinion(0, 0, 1, 0.5, xy);
        assertEquals(1, xy.n(), 0);
        assertTrue(xy.explanation().contains("carry no weight"), xy.explanation());
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, find(result, Subject.partner(Y)).status());
        Score all = find(result, Subject.partnership());
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, all.status());
        assertEquals(0.5, all.detail("unknownShare"), 0);
        assertTrue(result.warnings().stream().anyMatch(w -> w.code().equals(Warning.INSUFFICIENT_EVIDENCE)));
    }

    @Test
    void onePairGivesThePartnershipItsInterval() {
        Partnership.Builder b = partners("one", X, Y);
        acts(b, Y, X, SignalKind.COMMITMENT_KEPT, 3);
        StrategyResult result = run(noDecay(), b.build(), AS_OF);
        Score all = find(result, Subject.partnership());
        Score xy = find(result, Subject.pair(X, Y));
        assertEquals(xy.value(), all.value(), 0);
        assertEquals(xy.interval(), all.interval());
        assertEquals(0.5, all.detail("unknownShare"), 0);
    }

    @Test
    void providerPassesParametersAndRejectsBadOnes() {
        SubjectiveLogicProvider provider = new SubjectiveLogicProvider();
        SubjectiveLogic defaults = (SubjectiveLogic) provider.create(
                StrategyParameters.defaults(provider.id(), provider.parameters()));
        assertEquals(365, defaults.halfLifeDays(), 0);
        assertEquals(2, defaults.priorWeight(), 0);
        assertEquals(0.5, defaults.baseRate(), 0);
        assertTrue(defaults.derivePairs());
        assertEquals(500, defaults.maxPartnersForDerivation());
        SubjectiveLogic s = (SubjectiveLogic) provider.create(StrategyParameters.of(provider.id(),
                provider.parameters(), Map.of("halfLifeDays", 0, "priorWeight", 1.5, "baseRate", 0.25,
                        "derivePairs", false, "maxPartnersForDerivation", 7)));
        assertEquals(0, s.halfLifeDays(), 0);
        assertEquals(1.5, s.priorWeight(), 0);
        assertEquals(0.25, s.baseRate(), 0);
        assertFalse(s.derivePairs());
        assertEquals(7, s.maxPartnersForDerivation());

        EvaluationConfig config = EvaluationConfig.defaults()
                .withParameters(provider.id(), Map.of("priorWeight", 0, "baseRate", 1));
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> Evaluator.builder().discover(false).register(provider).config(config).build());
        assertEquals(List.of("/strategies/subjective-logic/priorWeight", "/strategies/subjective-logic/baseRate"),
                e.problems().stream().map(pr -> pr.location()).toList(), e.getMessage());
        EvaluationConfig outOfRange = EvaluationConfig.defaults()
                .withParameters(provider.id(), Map.of("baseRate", 1.5, "halfLifeDays", -1));
        assertEquals(2, assertThrows(InvalidConfigException.class,
                () -> Evaluator.builder().discover(false).register(provider).config(outOfRange).build())
                .problems().size());
    }

    @Test
    void constructorRejectsOutOfRangeValues() {
        assertThrows(IllegalArgumentException.class, () -> new SubjectiveLogic(-1, 2, 0.5, true, 500));
        assertThrows(IllegalArgumentException.class, () -> new SubjectiveLogic(365, 0, 0.5, true, 500));
        assertThrows(IllegalArgumentException.class, () -> new SubjectiveLogic(365, Double.NaN, 0.5, true, 500));
        assertThrows(IllegalArgumentException.class, () -> new SubjectiveLogic(365, 2, 0, true, 500));
        assertThrows(IllegalArgumentException.class, () -> new SubjectiveLogic(365, 2, 1, true, 500));
        assertThrows(IllegalArgumentException.class, () -> new SubjectiveLogic(365, 2, 0.5, true, -1));
    }

    // ------------------------------------------------------------------------------------------ properties

    @Test
    void everyPairIsAWellFormedOpinionWithItsProjectedProbabilityInsideItsInterval() {
        AtomicInteger derived = new AtomicInteger();
        qt().withFixedSeed(43).withExamples(100)
                .forAll(longs().all(), integers().between(1, 7), integers().between(0, 60))
                .checkAssert((seed, partners, signals) -> {
                    StrategyResult result = run(new SubjectiveLogic(),
                            SignalScenarios.random(seed, partners, signals), SignalScenarios.AS_OF);
                    long pairs = result.scores().stream().filter(s -> s.subject().kind() == Subject.Kind.PAIR)
                            .count();
                    assertEquals((long) partners * (partners - 1), pairs, "every ordered pair is reported");
                    for (Score s : result.scores()) {
                        if (s.subject().kind() == Subject.Kind.PARTNERSHIP || !s.isOk()) {
                            continue;
                        }
                        double b = s.detail("b");
                        double d = s.detail("d");
                        double u = s.detail("u");
                        assertEquals(1, b + d + u, 1e-12, s.toString());
                        assertTrue(b >= 0 && d >= 0 && u > 0 && u <= 1, s.toString());
                        assertEquals(b + s.detail("a") * u, s.value(), 1e-15, s.toString());
                        assertTrue(s.interval().contains(s.value()), s.toString());
                        derived.addAndGet(Boolean.TRUE.equals(s.details().get("derived")) ? 1 : 0);
                    }
                });
        assertTrue(derived.get() > 0, "the scenarios include derived pairs");
    }

    @Test
    void signalOrderDoesNotChangeAnyResult() {
        qt().withFixedSeed(47).withExamples(60)
                .forAll(longs().all(), integers().between(1, 7), integers().between(0, 60), longs().all())
                .checkAssert((seed, partners, signals, shuffleSeed) -> {
                    Partnership p = SignalScenarios.random(seed, partners, signals);
                    assertEquals(run(new SubjectiveLogic(), p, SignalScenarios.AS_OF),
                            run(new SubjectiveLogic(), shuffled(p, new Random(shuffleSeed)), SignalScenarios.AS_OF));
                });
    }

    @Test
    void morePositiveEvidenceNeverLowersTheProjectedProbability() {
        AtomicInteger compared = new AtomicInteger();
        qt().withFixedSeed(53).withExamples(150)
                .forAll(longs().all(), integers().between(2, 6), integers().between(0, 40), booleans().all())
                .checkAssert((seed, partners, signals, positive) -> {
                    Partnership p = SignalScenarios.random(seed, partners, signals);
                    SignalScenarios.Addition more = SignalScenarios.withOneMore(p, seed, partners,
                            positive ? SignalKind.JOINT_ACTIVITY : SignalKind.CONFLICT);
                    StrategyResult before = run(new SubjectiveLogic(), p, SignalScenarios.AS_OF);
                    StrategyResult after = run(new SubjectiveLogic(), more.partnership(), SignalScenarios.AS_OF);
                    for (Subject subject : List.of(Subject.pair(more.from(), more.to()), Subject.partner(more.to()))) {
                        Score b = find(before, subject);
                        Score a = find(after, subject);
                        if (b.isOk() && !Boolean.TRUE.equals(b.details().get("derived"))) {
                            compared.incrementAndGet();
                            assertTrue(positive ? a.value() >= b.value() : a.value() <= b.value(),
                                    subject + ": " + b + " -> " + a);
                        }
                    }
                });
        assertTrue(compared.get() >= 150, "compared " + compared.get());
    }
}
