package dev.partnership.metrics.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.EngagementSignal;
import dev.partnership.Evaluation;
import dev.partnership.EvaluationConfig;
import dev.partnership.Evaluator;
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
import org.junit.jupiter.api.Test;

/**
 * Tests {@link EigenTrustStrategy} and {@link EigenTrustProvider}. The hand-built partnership carries, as signals,
 * the satisfaction matrix of the reference vector (Kamvar, Schlosser &amp; Garcia-Molina 2003; values from
 * {@code reference/VECTORS.md}, "EigenTrust", computed independently from the exact solution): S =
 * [[0,4,1,−2],[2,0,3,0],[5,1,0,1],[−1,−3,0,0]], a = 0.2, p = (0.5, 0.5, 0, 0) → t = (0.3648982511, 0.3713997789,
 * 0.2366556141, 0.0270463559).
 */
class EigenTrustStrategyTest extends ScoringStrategyContractTest {
    private static final Instant AS_OF = Instant.parse("2025-06-30T00:00:00Z");
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final String[] IDS = {"a", "b", "c", "d"};

    @Override
    protected ScoringStrategyProvider provider() {
        return new EigenTrustProvider();
    }

    @Override
    protected Partnership realisticPartnership() {
        return Riverbend.partnership();
    }

    @Override
    protected void checkSinglePartner(StrategyResult result) {
        assertEquals(2, result.scores().size());
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, find(result, Subject.partnership()).status());
        assertTrue(result.warnings().stream().anyMatch(w -> w.code().equals(Warning.INSUFFICIENT_EVIDENCE)));
    }

    private static Score find(StrategyResult result, Subject subject) {
        Optional<Score> s = result.scores().stream().filter(x -> x.subject().equals(subject)).findFirst();
        assertTrue(s.isPresent(), "no score for " + subject);
        return s.get();
    }

    private static Partnership.Builder partners(String... ids) {
        Partnership.Builder b = Partnership.builder("et", "EigenTrust", START);
        for (String id : ids) {
            b.partner(new Partner(id, "Partner " + id, PartnerType.OTHER));
        }
        return b;
    }

    /**
     * The reference matrix as signals at {@code AS_OF} (no decay): S[i][j], what i thinks of j, is what j did toward
     * i. Some entries are split into several signals of both signs, and one uses signed feedback, so that the test
     * also checks that evidence adds up as r − s.
     */
    private static Partnership vectorPartnership(String[] ids) {
        Partnership.Builder b = partners(ids);
        double[][] s = EigenTrustTest.VECTOR_S;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double v = s[i][j];
                if (i == j || v == 0) {
                    continue;
                }
                if (i == 0 && j == 1) {
                    // 4 = 3 + 1.5 − 0.5
                    signal(b, ids[j], ids[i], SignalKind.RESOURCE_SHARED, 3, AS_OF);
                    signal(b, ids[j], ids[i], SignalKind.RESOURCE_SHARED, 1.5, AS_OF);
                    signal(b, ids[j], ids[i], SignalKind.FEEDBACK, -0.5, AS_OF);
                } else if (i == 2 && j == 0) {
                    // 5 = 6 − 1
                    signal(b, ids[j], ids[i], SignalKind.RESOURCE_SHARED, 6, AS_OF);
                    signal(b, ids[j], ids[i], SignalKind.COMMITMENT_BROKEN, 1, AS_OF);
                } else if (v > 0) {
                    signal(b, ids[j], ids[i], SignalKind.RESOURCE_SHARED, v, AS_OF);
                } else {
                    signal(b, ids[j], ids[i], SignalKind.CONFLICT, -v, AS_OF);
                }
            }
        }
        // A signal toward the whole partnership says nothing about one partner's view of another.
        signal(b, ids[3], null, SignalKind.JOINT_ACTIVITY, 50, AS_OF);
        return b.build();
    }

    private static void signal(Partnership.Builder b, String source, String target, SignalKind kind, double value,
                               Instant at) {
        b.signal(new EngagementSignal(at, source, target, null, kind, value));
    }

    private static EigenTrustStrategy vectorStrategy() {
        return new EigenTrustStrategy().withPreTrusted(List.of("a", "b"))
                .withAlgorithm(new EigenTrust().withDamping(EigenTrustTest.VECTOR_DAMPING));
    }

    @Test
    void reproducesTheReferenceVectorFromSignals() {
        StrategyResult result = run(vectorStrategy(), vectorPartnership(IDS), AS_OF);
        assertTrue(result.warnings().isEmpty(), result.warnings().toString());
        int[] ranks = {2, 1, 3, 4};
        for (int i = 0; i < 4; i++) {
            Score s = find(result, Subject.partner(IDS[i]));
            assertEquals(ScoreStatus.OK, s.status());
            assertEquals(EigenTrustTest.VECTOR_TRUST[i], s.value(), 1e-9, IDS[i]);
            assertTrue(Double.isNaN(s.normalized()), "a share is not a level of trust");
            assertNull(s.normalizedInterval());
            assertEquals(ranks[i], s.detail("rank"), IDS[i]);
            assertEquals(4 * EigenTrustTest.VECTOR_TRUST[i], s.detail("relative"), 1e-8);
            assertEquals(0.2, s.detail("damping"));
            assertEquals(Boolean.TRUE, s.details().get("converged"));
            assertEquals(i < 2, s.details().get("preTrusted"));
            assertTrue(s.explanation().startsWith(IDS[i] + " holds "), s.explanation());
        }
        // Partners with signals about them: a from b, c, d; b from a, c, d; c from a, b; d from a, c.
        assertEquals(3, find(result, Subject.partner("a")).n());
        assertEquals(2, find(result, Subject.partner("d")).n());

        Score network = find(result, Subject.partnership());
        assertEquals(EigenTrustTest.VECTOR_TRUST[1], network.value(), 1e-9);
        assertTrue(Double.isNaN(network.normalized()));
        assertEquals("b", network.details().get("mostTrusted"));
        assertEquals(4L, network.details().get("partners"));
        assertEquals(10L, network.details().get("relationships"));
        assertEquals(10, network.n());
        assertEquals(List.of("a", "b"), network.details().get("preTrusted"));
        // Row d (−1, −3, 0, 0) trusts nobody.
        assertEquals(1L, network.details().get("partnersTrustingNobody"));
        double sum = 0;
        for (String id : IDS) {
            sum += find(result, Subject.partner(id)).value();
        }
        assertEquals(1, sum, 1e-12);
    }

    @Test
    void bootstrapGivesIntervalsForSmallPartnerships() {
        StrategyResult result = run(vectorStrategy(), vectorPartnership(IDS), AS_OF);
        for (String id : IDS) {
            Score s = find(result, Subject.partner(id));
            assertNotNull(s.interval(), id);
            assertTrue(s.interval().low() >= 0 && s.interval().high() <= 1, s.interval().toString());
            assertEquals(0.95, s.interval().level());
            assertTrue(s.explanation().contains("95% bootstrap interval"), s.explanation());
        }
        Score network = find(result, Subject.partnership());
        assertNotNull(network.interval());
        assertTrue(network.interval().low() >= 0.25 - 1e-12, "the largest of four shares is at least 1/4");
        assertEquals((long) EigenTrustStrategy.DEFAULT_BOOTSTRAP_RESAMPLES, network.details().get("validReplicates"));
        assertTrue(((String) network.details().get("intervalNote")).startsWith("percentile bootstrap"));
        // Another seed gives another resampling.
        StrategyResult other = vectorStrategy().score(context(vectorPartnership(IDS), AS_OF, 99L));
        assertEquals(network.value(), find(other, Subject.partnership()).value());
    }

    @Test
    void noIntervalWhenTheBootstrapIsOffOrThePartnershipTooLarge() {
        StrategyResult off = run(vectorStrategy().withBootstrapResamples(0), vectorPartnership(IDS), AS_OF);
        Score s = find(off, Subject.partner("a"));
        assertNull(s.interval());
        assertTrue(((String) s.details().get("intervalNote")).contains("bootstrapResamples = 0"));
        assertEquals(EigenTrustTest.VECTOR_TRUST[0], s.value(), 1e-9);

        StrategyResult large = run(vectorStrategy().withMaxPartnersForBootstrap(3), vectorPartnership(IDS), AS_OF);
        Score network = find(large, Subject.partnership());
        assertNull(network.interval());
        assertTrue(((String) network.details().get("intervalNote")).contains("exceed maxPartnersForBootstrap (3)"),
                network.details().toString());
        assertEquals(find(off, Subject.partnership()).value(), network.value());
    }

    @Test
    void renamingPartnersGivesTheSameScores() {
        // Reversed alphabetical order: the interned indices are permuted.
        String[] renamed = {"zeta", "yankee", "xray", "whiskey"};
        EigenTrustStrategy strategy = vectorStrategy().withBootstrapResamples(0);
        StrategyResult before = run(strategy, vectorPartnership(IDS), AS_OF);
        StrategyResult after = run(strategy.withPreTrusted(List.of("zeta", "yankee")), vectorPartnership(renamed),
                AS_OF);
        for (int i = 0; i < 4; i++) {
            Score x = find(before, Subject.partner(IDS[i]));
            Score y = find(after, Subject.partner(renamed[i]));
            assertEquals(x.value(), y.value(), 1e-13);
            assertEquals(x.detail("rank"), y.detail("rank"));
        }
        assertEquals(find(before, Subject.partnership()).value(), find(after, Subject.partnership()).value(), 1e-13);
        assertEquals("yankee", find(after, Subject.partnership()).details().get("mostTrusted"));
    }

    @Test
    void signalsDecayWithTheirAge() {
        // b did 4 for a a year (one half-life) ago, c did 2 for a now: a trusts them equally.
        Partnership p = partners("a", "b", "c").signal(new EngagementSignal(AS_OF.minus(Duration.ofDays(365)), "b",
                "a", null, SignalKind.RESOURCE_SHARED, 4))
                .signal(new EngagementSignal(AS_OF, "c", "a", null, SignalKind.RESOURCE_SHARED, 2)).build();
        StrategyResult result = run(new EigenTrustStrategy().withBootstrapResamples(0), p, AS_OF);
        assertEquals(find(result, Subject.partner("b")).value(), find(result, Subject.partner("c")).value(), 1e-12);
        assertEquals(find(result, Subject.partner("b")).detail("rank"),
                find(result, Subject.partner("c")).detail("rank"));
        // Without decay the older, larger signal counts twice as much.
        StrategyResult flat = run(new EigenTrustStrategy().withBootstrapResamples(0).withHalfLifeDays(0), p, AS_OF);
        assertTrue(find(flat, Subject.partner("b")).value() > find(flat, Subject.partner("c")).value());
    }

    @Test
    void equalSharesShareTheBestRank() {
        Partnership p = partners("a", "b").signal(new EngagementSignal(AS_OF, "a", "b", null,
                SignalKind.MEETING_ATTENDED)).signal(new EngagementSignal(AS_OF, "b", "a", null,
                SignalKind.MEETING_ATTENDED)).build();
        StrategyResult result = run(new EigenTrustStrategy(), p, AS_OF);
        assertEquals(0.5, find(result, Subject.partner("a")).value(), 1e-15);
        assertEquals(1.0, find(result, Subject.partner("a")).detail("rank"));
        assertEquals(1.0, find(result, Subject.partner("b")).detail("rank"));
        assertEquals("a", find(result, Subject.partnership()).details().get("mostTrusted"));
    }

    @Test
    void unknownPreTrustedIdsAreIgnoredWithAWarning() {
        EigenTrustStrategy strategy = vectorStrategy().withBootstrapResamples(0);
        StrategyResult result = run(strategy.withPreTrusted(List.of("a", "nobody", "b", "ghost", "nobody")),
                vectorPartnership(IDS), AS_OF);
        assertEquals(1, result.warnings().size());
        Warning w = result.warnings().get(0);
        assertEquals(Warning.EXCLUDED_INPUT, w.code());
        assertTrue(w.message().endsWith("ignored: ghost, nobody"), w.message());
        assertEquals(run(strategy, vectorPartnership(IDS), AS_OF).scores(), result.scores());

        // With no known id left, pre-trust is uniform over all partners.
        StrategyResult none = run(strategy.withPreTrusted(List.of("ghost")), vectorPartnership(IDS), AS_OF);
        assertEquals(run(strategy.withPreTrusted(List.of()), vectorPartnership(IDS), AS_OF).scores(), none.scores());
        assertEquals("uniform over all partners", find(none, Subject.partnership()).details().get("preTrust"));
    }

    @Test
    void onlyNegativeEvidenceIsInsufficient() {
        Partnership p = partners("a", "b", "c")
                .signal(new EngagementSignal(AS_OF, "a", "b", null, SignalKind.CONFLICT))
                .signal(new EngagementSignal(AS_OF, "b", "a", null, SignalKind.MEETING_MISSED))
                .signal(new EngagementSignal(AS_OF, "c", null, null, SignalKind.JOINT_ACTIVITY)).build();
        StrategyResult result = run(new EigenTrustStrategy(), p, AS_OF);
        assertEquals(4, result.scores().size());
        assertTrue(result.scores().stream().allMatch(s -> s.status() == ScoreStatus.INSUFFICIENT_EVIDENCE));
        Score network = find(result, Subject.partnership());
        assertTrue(((String) network.details().get("reason")).contains("None of the 2 relationships"),
                network.details().toString());
        assertEquals(Warning.INSUFFICIENT_EVIDENCE, result.warnings().get(0).code());

        Partnership silent = partners("a", "b")
                .signal(new EngagementSignal(AS_OF, "a", null, null, SignalKind.JOINT_ACTIVITY)).build();
        Score s = find(run(new EigenTrustStrategy(), silent, AS_OF), Subject.partnership());
        assertTrue(((String) s.details().get("reason")).startsWith("No signal passed between two partners"));
    }

    @Test
    void notConvergingIsAWarningAndTheScoresSaySo() {
        EigenTrustStrategy strategy = vectorStrategy().withAlgorithm(new EigenTrust(0.2, 1e-12, 2));
        StrategyResult result = run(strategy, vectorPartnership(IDS), AS_OF);
        assertTrue(result.warnings().stream().anyMatch(w -> w.code().equals(EigenTrustStrategy.NOT_CONVERGED)),
                result.warnings().toString());
        for (Score s : result.scores()) {
            assertEquals(Boolean.FALSE, s.details().get("converged"), s.subject().toString());
            assertEquals(2L, s.details().get("iterations"));
        }
        assertTrue(find(result, Subject.partnership()).explanation().contains("before converging"));
    }

    @Test
    void parametersReachTheStrategyThroughTheEvaluator() {
        Partnership p = vectorPartnership(IDS);
        EvaluationConfig config = EvaluationConfig.defaults().withEnabled(List.of(EigenTrustStrategy.ID))
                .withParameters(EigenTrustStrategy.ID, Map.of("preTrusted", List.of("a", "b"), "damping", 0.2,
                        "bootstrapResamples", 0));
        Evaluation evaluation = Evaluator.builder().discover(false).register(new EigenTrustProvider()).config(config)
                .build().evaluate(p, AS_OF);
        List<Score> scores = evaluation.scores(EigenTrustStrategy.ID);
        for (int i = 0; i < 4; i++) {
            final String id = IDS[i];
            Score s = scores.stream().filter(x -> x.subject().equals(Subject.partner(id))).findFirst().orElseThrow();
            assertEquals(EigenTrustTest.VECTOR_TRUST[i], s.value(), 1e-9);
        }
    }

    @Test
    void providerDefaultsAndBadParameters() {
        EigenTrustProvider provider = new EigenTrustProvider();
        EigenTrustStrategy s = (EigenTrustStrategy) provider.create(
                StrategyParameters.defaults(provider.id(), provider.parameters()));
        assertEquals(EigenTrust.DEFAULT_DAMPING, s.algorithm().damping());
        assertEquals(EigenTrust.DEFAULT_TOLERANCE, s.algorithm().tolerance());
        assertEquals(EigenTrust.DEFAULT_MAX_ITERATIONS, s.algorithm().maxIterations());
        assertEquals(365.0, s.halfLifeDays());
        assertEquals(List.of(), s.preTrusted());
        assertEquals(200, s.bootstrapResamples());
        assertEquals(2000, s.maxPartnersForBootstrap());

        for (Object damping : List.of(0, 1, 1.5, -0.1)) {
            EvaluationConfig config = EvaluationConfig.defaults()
                    .withParameters(provider.id(), Map.of("damping", damping));
            InvalidConfigException e = assertThrows(InvalidConfigException.class,
                    () -> Evaluator.builder().discover(false).register(provider).config(config).build());
            assertTrue(e.problems().stream().anyMatch(pr -> pr.location().equals("/strategies/eigentrust/damping")),
                    e.getMessage());
        }
        EvaluationConfig notAList = EvaluationConfig.defaults()
                .withParameters(provider.id(), Map.of("preTrusted", "a"));
        assertThrows(InvalidConfigException.class,
                () -> Evaluator.builder().discover(false).register(provider).config(notAList).build());
        assertThrows(IllegalArgumentException.class, () -> new EigenTrustStrategy().withHalfLifeDays(-1));
        assertThrows(IllegalArgumentException.class, () -> new EigenTrustStrategy().withBootstrapResamples(-1));
        assertThrows(IllegalArgumentException.class, () -> new EigenTrustStrategy().withMaxPartnersForBootstrap(-1));
        assertThrows(NullPointerException.class, () -> new EigenTrustStrategy().withAlgorithm(null));
        assertFalse(provider.description().isBlank());
    }
}
