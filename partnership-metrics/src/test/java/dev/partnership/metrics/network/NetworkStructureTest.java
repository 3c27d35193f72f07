package dev.partnership.metrics.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.partnership.EngagementSignal;
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
 * Tests {@link NetworkStructure} and {@link NetworkStructureProvider}. The vectors (undirected star, path, K5 and
 * directed out-star on 5 partners) are from /work/shared/reference/VECTORS.md, "Network measures" (Freeman 1978;
 * igraph {@code centralization.c} normalisers): star density 0.4 and centralization 1, path 0.1666666667, K5 0,
 * out-star density 0.2, out-centralization 1, in-centralization 0.0625, reciprocity 0.
 */
class NetworkStructureTest extends ScoringStrategyContractTest {
    private static final Instant AS_OF = Instant.parse("2025-06-30T00:00:00Z");
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant RECENT = AS_OF.minus(Duration.ofDays(30));
    private static final String[] IDS = {"p1", "p2", "p3", "p4", "p5"};

    @Override
    protected ScoringStrategyProvider provider() {
        return new NetworkStructureProvider();
    }

    @Override
    protected Partnership realisticPartnership() {
        return Riverbend.partnership();
    }

    @Override
    protected void checkSinglePartner(StrategyResult result) {
        assertEquals(2, result.scores().size());
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, find(result, Subject.partnership()).status());
    }

    private static Partnership.Builder partners(int n) {
        Partnership.Builder b = Partnership.builder("net", "Network", START);
        for (int i = 0; i < n; i++) {
            b.partner(new Partner(IDS[i], "Partner " + (i + 1), PartnerType.OTHER));
        }
        return b;
    }

    /** Adds one signal from {@code IDS[from]} toward {@code IDS[to]}. */
    private static Partnership.Builder act(Partnership.Builder b, int from, int to) {
        return b.signal(new EngagementSignal(RECENT, IDS[from], IDS[to], null, SignalKind.INFORMATION_SHARED));
    }

    private static Partnership.Builder both(Partnership.Builder b, int x, int y) {
        return act(act(b, x, y), y, x);
    }

    /** Returns the one score about {@code subject}, failing when there is none. */
    static Score find(StrategyResult result, Subject subject) {
        Optional<Score> s = result.scores().stream().filter(x -> x.subject().equals(subject)).findFirst();
        assertTrue(s.isPresent(), "no score for " + subject);
        return s.get();
    }

    private static Score network(Partnership p) {
        return find(run(new NetworkStructure(), p, AS_OF), Subject.partnership());
    }

    @Test
    void undirectedStarMatchesTheVector() {
        Partnership.Builder b = partners(5);
        for (int leaf = 1; leaf < 5; leaf++) {
            both(b, 0, leaf);
        }
        StrategyResult result = run(new NetworkStructure(), b.build(), AS_OF);
        Score s = find(result, Subject.partnership());
        assertEquals(ScoreStatus.OK, s.status());
        assertEquals(0.4, s.value(), 1e-12);
        assertTrue(Double.isNaN(s.normalized()), "descriptive: no normalized value");
        assertEquals(0.4, s.detail("undirectedDensity"), 1e-12);
        assertEquals(1.0, s.detail("centralizationUndirected"), 1e-12);
        assertEquals(1.0, s.detail("centralizationTotal"), 1e-12);
        assertEquals(1.0, s.detail("edgeReciprocity"), 0);
        assertEquals(1.0, s.detail("dyadReciprocity"), 0);
        assertEquals(8, s.detail("ties"), 0);
        assertEquals(5, s.detail("partners"), 0);
        assertEquals(List.of(), s.details().get("isolates"));
        // The hub is tied both ways to all 4 others; a leaf to 1 of 4.
        assertEquals(1.0, find(result, Subject.partner("p1")).value(), 0);
        assertEquals(0.25, find(result, Subject.partner("p3")).value(), 0);
        assertEquals(1, find(result, Subject.partner("p3")).detail("inDegree"), 0);
        assertTrue(Double.isNaN(find(result, Subject.partner("p3")).normalized()));
    }

    @Test
    void pathMatchesTheVector() {
        Partnership.Builder b = partners(5);
        for (int i = 0; i < 4; i++) {
            both(b, i, i + 1);
        }
        assertEquals(0.1666666667, network(b.build()).detail("centralizationUndirected"), 1e-10);
    }

    @Test
    void completeNetworkHasNoCentralization() {
        Partnership.Builder b = partners(5);
        for (int i = 0; i < 5; i++) {
            for (int j = i + 1; j < 5; j++) {
                both(b, i, j);
            }
        }
        Score s = network(b.build());
        assertEquals(1.0, s.value(), 0);
        // Every resample of a complete network is complete: pairs of copies of one partner are missing, not absent.
        assertEquals(1.0, s.interval().low(), 0);
        assertEquals(1.0, s.interval().high(), 0);
        for (String c : List.of("centralizationIn", "centralizationOut", "centralizationTotal",
                "centralizationUndirected")) {
            assertEquals(0.0, s.detail(c), 0, c);
        }
    }

    @Test
    void directedOutStarMatchesTheVector() {
        Partnership.Builder b = partners(5);
        for (int leaf = 1; leaf < 5; leaf++) {
            act(b, 0, leaf);
        }
        StrategyResult result = run(new NetworkStructure(), b.build(), AS_OF);
        Score s = find(result, Subject.partnership());
        assertEquals(0.2, s.value(), 1e-12);
        assertEquals(1.0, s.detail("centralizationOut"), 1e-12);
        assertEquals(0.0625, s.detail("centralizationIn"), 1e-12);
        assertEquals(0.0, s.detail("edgeReciprocity"), 0);
        assertEquals(0.0, s.detail("dyadReciprocity"), 0);
        // Every resample with a tie has reciprocity 0, so its interval is [0, 0].
        assertEquals(0.0, s.detail("reciprocityLow"), 0);
        assertEquals(0.0, s.detail("reciprocityHigh"), 0);
        assertEquals(4, s.detail("asymmetricDyads"), 0);
        Score hub = find(result, Subject.partner("p1"));
        assertEquals(0.5, hub.value(), 0);
        assertEquals(4, hub.detail("outDegree"), 0);
        assertEquals(0, hub.detail("inDegree"), 0);
    }

    @Test
    void densityHasASeededNodeBootstrapInterval() {
        Partnership.Builder b = partners(5);
        both(b, 0, 1);
        both(b, 1, 2);
        act(b, 2, 3);
        act(b, 3, 4);
        act(b, 4, 0);
        Partnership p = b.build();
        Score s = network(p);
        assertEquals(7.0 / 20, s.value(), 1e-15);
        assertNotNull(s.interval());
        assertNull(s.normalizedInterval());
        assertTrue(s.interval().low() >= 0 && s.interval().high() <= 1, s.interval().toString());
        assertTrue(s.interval().width() > 0, s.interval().toString());
        assertTrue(s.detail("reciprocityLow") <= s.detail("reciprocityHigh"));
        assertEquals(1000, s.detail("bootstrapResamples"), 0);
        // A resample that draws one partner five times has no pair to count and is dropped (p = 5 / 5^5 each).
        assertTrue(s.detail("bootstrapValidReplicates") >= 990 && s.detail("bootstrapValidReplicates") <= 1000);
        // The same seed gives the same interval; the seed never changes the estimate itself.
        assertEquals(s, network(p));
        Score other = find(new NetworkStructure().score(context(p, AS_OF, 12345L)), Subject.partnership());
        assertEquals(s.value(), other.value(), 0);
        assertTrue(other.interval().low() >= 0 && other.interval().high() <= 1);
    }

    @Test
    void twoPartnersReportWhatCanBeComputedAndSayWhyCentralizationIsMissing() {
        Score s = network(act(partners(2), 0, 1).build());
        assertEquals(ScoreStatus.OK, s.status());
        assertEquals(0.5, s.value(), 0);
        assertEquals(1.0, s.detail("centralizationOut"), 0);
        assertFalse(s.details().containsKey("centralizationTotal"));
        assertFalse(s.details().containsKey("centralizationUndirected"));
        assertEquals("INSUFFICIENT_EVIDENCE", s.details().get("centralizationStatus"));
        assertTrue(((String) s.details().get("centralizationNote")).contains("at least 3 partners"));
    }

    @Test
    void isolatesAreListedById() {
        Partnership.Builder b = partners(5);
        both(b, 0, 2);
        act(b, 3, 0);
        Score s = network(b.build());
        assertEquals(List.of("p2", "p5"), s.details().get("isolates"));
        assertTrue(s.explanation().contains("p2, p5"), s.explanation());
    }

    @Test
    void minSignalsDecidesWhichPairsAreTied() {
        Partnership.Builder b = partners(3);
        act(act(b, 0, 1), 0, 1);
        act(b, 1, 2);
        Partnership p = b.build();
        assertEquals(2.0 / 6, network(p).value(), 1e-15);
        Score strict = find(run(new NetworkStructure().withMinSignals(2), p, AS_OF), Subject.partnership());
        assertEquals(1.0 / 6, strict.value(), 1e-15);
        assertEquals(2, strict.detail("minSignals"), 0);
    }

    @Test
    void signalsOfAnyKindMakeTiesButSignalsTowardEveryoneDoNot() {
        Partnership p = partners(3)
                .signal(new EngagementSignal(RECENT, "p1", "p2", null, SignalKind.CONFLICT))
                .signal(new EngagementSignal(RECENT, "p2", "p1", null, SignalKind.FEEDBACK, -1))
                .signal(new EngagementSignal(RECENT, "p3", null, null, SignalKind.JOINT_ACTIVITY))
                .build();
        Score s = network(p);
        assertEquals(2.0 / 6, s.value(), 1e-15);
        assertEquals(List.of("p3"), s.details().get("isolates"));
        assertEquals(2, s.detail("signals"), 0);
    }

    @Test
    void ratingsMakeTiesUnlessExcludedAndCollaborationLevelZeroIsNoTie() {
        Partnership p = partners(3)
                .rating(new Rating(RECENT, "p1", "p2", RatingDimension.RELIABILITY, 2))
                .rating(new Rating(RECENT, "p2", "p3", RatingDimension.COLLABORATION_LEVEL, 1))
                .rating(new Rating(RECENT, "p3", "p1", RatingDimension.COLLABORATION_LEVEL, 0))
                .signal(new EngagementSignal(RECENT, "p3", "p2", null, SignalKind.MEETING_ATTENDED))
                .build();
        Score with = network(p);
        assertEquals(3.0 / 6, with.value(), 1e-15);
        assertEquals(2, with.detail("ratings"), 0);
        Score without = find(run(new NetworkStructure().withIncludeRatings(false), p, AS_OF), Subject.partnership());
        assertEquals(1.0 / 6, without.value(), 1e-15);
        assertEquals(0, without.detail("ratings"), 0);
        assertEquals(false, without.details().get("includeRatings"));
    }

    @Test
    void onlyEvidenceInsideTheWindowCounts() {
        Instant edge = AS_OF.minus(Duration.ofDays(365));
        Partnership p = partners(3)
                .signal(new EngagementSignal(edge, "p1", "p2", null, SignalKind.COMMITMENT_KEPT))
                .signal(new EngagementSignal(edge.plusMillis(1), "p2", "p3", null, SignalKind.COMMITMENT_KEPT))
                .rating(new Rating(edge, "p3", "p1", RatingDimension.OPENNESS, 4))
                .build();
        Score s = network(p);
        // Only p2 → p3 lies in (asOf − 365 days, asOf].
        assertEquals(1.0 / 6, s.value(), 1e-15);
        assertEquals(List.of("p1"), s.details().get("isolates"));
        Score wide = find(run(new NetworkStructure().withWindowDays(366), p, AS_OF), Subject.partnership());
        assertEquals(3.0 / 6, wide.value(), 1e-15);
        Score narrow = find(run(new NetworkStructure().withWindowDays(1.5), p, AS_OF), Subject.partnership());
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, narrow.status());
        assertTrue(narrow.explanation().contains("1.5 days"), narrow.explanation());
    }

    @Test
    void evidenceAfterAsOfIsIgnored() {
        Partnership.Builder b = partners(3);
        both(b, 0, 1);
        Partnership before = b.build();
        Partnership after = b
                .signal(new EngagementSignal(AS_OF.plusSeconds(1), "p3", "p1", null, SignalKind.CONFLICT))
                .rating(new Rating(AS_OF.plusSeconds(1), "p2", "p3", RatingDimension.RELIABILITY, 4))
                .build();
        assertEquals(run(new NetworkStructure(), before, AS_OF), run(new NetworkStructure(), after, AS_OF));
    }

    @Test
    void noInteractionInTheWindowIsInsufficientWithAWarning() {
        Partnership p = partners(3)
                .signal(new EngagementSignal(RECENT, "p1", null, null, SignalKind.MEETING_ATTENDED)).build();
        StrategyResult result = run(new NetworkStructure(), p, AS_OF);
        assertEquals(4, result.scores().size());
        assertTrue(result.scores().stream().allMatch(s -> s.status() == ScoreStatus.INSUFFICIENT_EVIDENCE));
        assertTrue(result.warnings().stream().anyMatch(w -> w.code().equals(Warning.INSUFFICIENT_EVIDENCE)));
        assertTrue(((String) find(result, Subject.partner("p2")).details().get("reason")).contains("p2"));
    }

    @Test
    void scoresComeAsPartnershipThenPartnersById() {
        List<Subject> order = run(new NetworkStructure(), realisticPartnership()).scores().stream()
                .map(Score::subject).toList();
        assertEquals(List.of(Subject.partnership(), Subject.partner("acme"), Subject.partner("families"),
                Subject.partner("rcc"), Subject.partner("ru"), Subject.partner("rusd"),
                Subject.partner("youthworks")), order);
    }

    @Test
    void realisticPartnershipHasAnInterpretableNetwork() {
        Score s = find(run(new NetworkStructure(), realisticPartnership()), Subject.partnership());
        assertEquals(ScoreStatus.OK, s.status());
        assertTrue(s.value() > 0 && s.value() <= 1);
        assertEquals(s.value(), s.detail("density"), 0);
        assertTrue(s.interval().contains(s.value()), s.interval() + " vs " + s.value());
        assertEquals(6, s.detail("partners"), 0);
        for (String c : List.of("centralizationIn", "centralizationOut", "centralizationTotal",
                "centralizationUndirected", "edgeReciprocity", "dyadReciprocity")) {
            assertTrue(s.detail(c) >= 0 && s.detail(c) <= 1, c + " = " + s.detail(c));
        }
        assertTrue(s.explanation().contains("possible directed ties"), s.explanation());
    }

    @Test
    void strategyDensityAgreesWithTheTieNetworkOnRandomPartnerships() {
        qt().withFixedSeed(61).withExamples(60)
                .forAll(longs().all(), integers().between(3, 5), doubles().between(0, 1))
                .checkAssert((seed, n, prob) -> {
                    boolean[][] a = TieNetworkTest.randomAdjacency(seed, n, prob);
                    Partnership.Builder b = partners(n);
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            if (a[i][j]) {
                                act(b, i, j);
                            }
                        }
                    }
                    TieNetwork expected = TieNetwork.fromAdjacency(a);
                    StrategyResult result = run(new NetworkStructure().withBootstrapResamples(100), b.build(), AS_OF);
                    Score s = find(result, Subject.partnership());
                    if (expected.ties() == 0) {
                        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, s.status());
                        return;
                    }
                    assertEquals(expected.density(), s.value(), 0);
                    assertEquals(expected.centralization(TieNetwork.Mode.TOTAL), s.detail("centralizationTotal"), 0);
                    assertTrue(s.interval().low() >= 0 && s.interval().high() <= 1);
                    for (Score partner : result.scores()) {
                        if (partner.subject().kind() == Subject.Kind.PARTNER) {
                            assertTrue(partner.value() >= 0 && partner.value() <= 1);
                        }
                    }
                });
    }

    @Test
    void networkIsBuiltFromTheEvidenceIndex() {
        Partnership.Builder b = partners(3);
        act(b, 2, 0);
        Partnership p = b.build();
        TieNetwork g = new NetworkStructure().network(context(p, AS_OF, 1L).evidence());
        assertEquals(1, g.ties());
        assertTrue(g.hasTie(2, 0));
    }

    @Test
    void providerPassesParametersAndRejectsOutOfRangeValues() {
        NetworkStructureProvider provider = new NetworkStructureProvider();
        NetworkStructure s = (NetworkStructure) provider.create(StrategyParameters.of(provider.id(),
                provider.parameters(), Map.of("windowDays", 90, "minSignals", 3L, "includeRatings", false,
                        "bootstrapResamples", 200)));
        assertEquals(90.0, s.windowDays(), 0);
        assertEquals(3, s.minSignals());
        assertFalse(s.includeRatings());
        assertEquals(200, s.bootstrapResamples());
        NetworkStructure defaults = (NetworkStructure) provider.create(
                StrategyParameters.defaults(provider.id(), provider.parameters()));
        assertEquals(NetworkStructure.DEFAULT_WINDOW_DAYS, defaults.windowDays(), 0);
        assertEquals(NetworkStructure.DEFAULT_MIN_SIGNALS, defaults.minSignals());
        assertTrue(defaults.includeRatings());
        assertEquals(NetworkStructure.DEFAULT_BOOTSTRAP_RESAMPLES, defaults.bootstrapResamples());

        EvaluationConfig config = EvaluationConfig.defaults().withParameters(provider.id(),
                Map.of("windowDays", 0.5, "minSignals", 0, "includeRatings", "yes", "bootstrapResamples", 10));
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> Evaluator.builder().discover(false).register(provider).config(config).build());
        assertEquals(4, e.problems().size(), e.getMessage());
    }

    @Test
    void constructorRejectsOutOfRangeValues() {
        assertThrows(IllegalArgumentException.class, () -> new NetworkStructure(0.5, 1, true, 1000));
        assertThrows(IllegalArgumentException.class, () -> new NetworkStructure(36_501, 1, true, 1000));
        assertThrows(IllegalArgumentException.class, () -> new NetworkStructure(Double.NaN, 1, true, 1000));
        assertThrows(IllegalArgumentException.class, () -> new NetworkStructure(365, 0, true, 1000));
        assertThrows(IllegalArgumentException.class, () -> new NetworkStructure(365, 1, true, 99));
        NetworkStructure s = new NetworkStructure().withWindowDays(30);
        assertEquals(30, s.windowDays(), 0);
        assertEquals(NetworkStructure.DEFAULT_MIN_SIGNALS, s.minSignals());
    }
}
