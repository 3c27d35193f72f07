package dev.partnership.metrics.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.partnership.EngagementSignal;
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
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Tests {@link BetaReputation} and {@link BetaReputationProvider}. */
class BetaReputationTest extends ScoringStrategyContractTest {
    private static final Instant AS_OF = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant YEAR_AGO = AS_OF.minus(Duration.ofDays(365));
    private static final Instant TWO_YEARS_AGO = AS_OF.minus(Duration.ofDays(730));
    private static final String DISTRICT = "district";
    private static final String COLLEGE = "college";
    private static final String NONPROFIT = "nonprofit";

    @Override
    protected ScoringStrategyProvider provider() {
        return new BetaReputationProvider();
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

    /**
     * Hand-checked evidence. The college's signals toward the district give pair (district, college) r = 3 and
     * s = 0.5 (a missed meeting one half-life old); the nonprofit's feedback toward the district gives pair
     * (district, nonprofit) r = 0.5 + 0.25 (a +1 two half-lives old) and s = 0.25; the district acted only twice
     * toward the college, below the minimum of 3.
     */
    private static Partnership.Builder handBuilder() {
        return Partnership.builder("hand", "Hand-checked", Instant.parse("2023-01-01T00:00:00Z"))
                .partner(new Partner(DISTRICT, "District", PartnerType.SCHOOL_DISTRICT))
                .partner(new Partner(COLLEGE, "College", PartnerType.COMMUNITY_COLLEGE))
                .partner(new Partner(NONPROFIT, "Nonprofit", PartnerType.NONPROFIT))
                .signal(new EngagementSignal(AS_OF, COLLEGE, DISTRICT, null, SignalKind.COMMITMENT_KEPT))
                .signal(new EngagementSignal(AS_OF, COLLEGE, DISTRICT, null, SignalKind.MEETING_ATTENDED))
                .signal(new EngagementSignal(AS_OF, COLLEGE, DISTRICT, null, SignalKind.REQUEST_ANSWERED))
                .signal(new EngagementSignal(YEAR_AGO, COLLEGE, DISTRICT, null, SignalKind.MEETING_MISSED))
                .signal(new EngagementSignal(AS_OF, NONPROFIT, DISTRICT, null, SignalKind.FEEDBACK, 0.5))
                .signal(new EngagementSignal(AS_OF, NONPROFIT, DISTRICT, null, SignalKind.FEEDBACK, -0.25))
                .signal(new EngagementSignal(TWO_YEARS_AGO, NONPROFIT, DISTRICT, null, SignalKind.FEEDBACK, 1.0))
                .signal(new EngagementSignal(AS_OF, NONPROFIT, null, null, SignalKind.JOINT_ACTIVITY))
                .signal(new EngagementSignal(AS_OF, NONPROFIT, null, null, SignalKind.JOINT_ACTIVITY))
                .signal(new EngagementSignal(AS_OF, DISTRICT, COLLEGE, null, SignalKind.INFORMATION_SHARED))
                .signal(new EngagementSignal(AS_OF, DISTRICT, COLLEGE, null, SignalKind.INFORMATION_SHARED));
    }

    private static Score find(StrategyResult result, Subject subject) {
        Optional<Score> s = result.scores().stream().filter(x -> x.subject().equals(subject)).findFirst();
        assertTrue(s.isPresent(), "no score for " + subject);
        return s.get();
    }

    @Test
    void pairEvidenceDecaysWithItsHalfLifeAndPointsFromTargetToSource() {
        StrategyResult result = run(new BetaReputation(), handBuilder().build(), AS_OF);
        Score pair = find(result, Subject.pair(DISTRICT, COLLEGE));
        assertEquals(ScoreStatus.OK, pair.status());
        assertEquals(3.0, pair.detail("r"), 1e-12);
        assertEquals(0.5, pair.detail("s"), 1e-12);
        assertEquals(4, pair.detail("signals"), 0);
        assertEquals(4, pair.n(), 0);
        assertEquals(4 / 5.5, pair.value(), 1e-12);
        assertEquals(pair.value(), pair.normalized(), 0);
        assertEquals(2.5 / 5.5, pair.detail("reputation"), 1e-12);
        assertEquals(365, pair.detail("halfLifeDays"), 0);
        assertEquals(new BetaEvidence(pair.detail("r"), pair.detail("s")).interval(0.95), pair.interval());
        assertEquals(pair.interval(), pair.normalizedInterval());
        assertTrue(pair.explanation().contains(DISTRICT) && pair.explanation().contains(COLLEGE),
                pair.explanation());
    }

    @Test
    void feedbackCarriesItsOwnSign() {
        Score pair = find(run(new BetaReputation(), handBuilder().build(), AS_OF), Subject.pair(DISTRICT, NONPROFIT));
        assertEquals(0.75, pair.detail("r"), 1e-12);
        assertEquals(0.25, pair.detail("s"), 1e-12);
        assertEquals(1.75 / 3, pair.value(), 1e-12);
    }

    @Test
    void partnerScoreCountsSignalsTowardTheWholePartnership() {
        StrategyResult result = run(new BetaReputation(), handBuilder().build(), AS_OF);
        Score nonprofit = find(result, Subject.partner(NONPROFIT));
        assertEquals(2.75, nonprofit.detail("r"), 1e-12);
        assertEquals(0.25, nonprofit.detail("s"), 1e-12);
        assertEquals(5, nonprofit.detail("signals"), 0);
        assertEquals(3.75 / 5, nonprofit.value(), 1e-12);
        Score district = find(result, Subject.partner(DISTRICT));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, district.status());
        assertTrue(district.explanation().contains(DISTRICT), district.explanation());
    }

    @Test
    void pairsWithTooFewSignalsAreInsufficientAndStrangersAreNotReported() {
        StrategyResult result = run(new BetaReputation(), handBuilder().build(), AS_OF);
        Score thin = find(result, Subject.pair(COLLEGE, DISTRICT));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, thin.status());
        assertTrue(Double.isNaN(thin.value()));
        assertEquals(2, thin.detail("signals"), 0);
        assertTrue(((String) thin.details().get("reason")).contains("at least 3"));
        for (Subject stranger : List.of(Subject.pair(COLLEGE, NONPROFIT), Subject.pair(NONPROFIT, COLLEGE),
                Subject.pair(NONPROFIT, DISTRICT))) {
            assertTrue(result.scores().stream().noneMatch(s -> s.subject().equals(stranger)), stranger.toString());
        }
        // Order: partnership, partners by id, pairs by (from, to).
        List<Subject> order = result.scores().stream().map(Score::subject).toList();
        assertEquals(List.of(Subject.partnership(), Subject.partner(COLLEGE), Subject.partner(DISTRICT),
                Subject.partner(NONPROFIT), Subject.pair(COLLEGE, DISTRICT), Subject.pair(DISTRICT, COLLEGE),
                Subject.pair(DISTRICT, NONPROFIT)), order);
    }

    @Test
    void partnershipIsTheMeanOfOkPairsWithAStudentTIntervalClippedToTheUnitInterval() {
        StrategyResult result = run(new BetaReputation(), handBuilder().build(), AS_OF);
        Score all = find(result, Subject.partnership());
        double e1 = 4 / 5.5;
        double e2 = 1.75 / 3;
        assertEquals((e1 + e2) / 2, all.value(), 1e-12);
        assertEquals(2, all.detail("pairs"), 0);
        assertEquals(3, all.detail("pairsWithEvidence"), 0);
        assertEquals(7, all.detail("signals"), 0);
        assertEquals(Math.abs(e1 - e2) / Math.sqrt(2), all.detail("standardDeviation"), 1e-12);
        // t quantile with 1 df at 0.975 (SciPy t.ppf(0.975, 1)).
        assertEquals(12.706204736174694, all.detail("tQuantile"), 1e-8);
        // mean ± 12.706 · 0.1018 / √2 = (−0.259, 1.570), clipped.
        assertEquals(0.0, all.interval().low(), 0);
        assertEquals(1.0, all.interval().high(), 0);
    }

    @Test
    void partnershipWithOnePairUsesThatPairsInterval() {
        Partnership p = Partnership.builder("one", "One pair", Instant.parse("2023-01-01T00:00:00Z"))
                .partner(new Partner(DISTRICT, "District", PartnerType.SCHOOL_DISTRICT))
                .partner(new Partner(COLLEGE, "College", PartnerType.COMMUNITY_COLLEGE))
                .signal(new EngagementSignal(AS_OF, COLLEGE, DISTRICT, null, SignalKind.COMMITMENT_KEPT))
                .signal(new EngagementSignal(AS_OF, COLLEGE, DISTRICT, null, SignalKind.MEETING_ATTENDED))
                .signal(new EngagementSignal(AS_OF, COLLEGE, DISTRICT, null, SignalKind.MEETING_MISSED))
                .build();
        StrategyResult result = run(new BetaReputation(), p, AS_OF);
        Score pair = find(result, Subject.pair(DISTRICT, COLLEGE));
        Score all = find(result, Subject.partnership());
        assertEquals(0.6, pair.value(), 1e-12);
        assertEquals(pair.value(), all.value(), 0);
        assertEquals(pair.interval(), all.interval());
        assertEquals(1, all.detail("pairs"), 0);
    }

    @Test
    void partnershipWithoutOkPairsIsInsufficientWithAWarning() {
        Partnership p = Partnership.builder("thin", "Thin", Instant.parse("2023-01-01T00:00:00Z"))
                .partner(new Partner(DISTRICT, "District", PartnerType.SCHOOL_DISTRICT))
                .partner(new Partner(COLLEGE, "College", PartnerType.COMMUNITY_COLLEGE))
                .signal(new EngagementSignal(AS_OF, COLLEGE, DISTRICT, null, SignalKind.COMMITMENT_KEPT))
                .build();
        StrategyResult result = run(new BetaReputation(), p, AS_OF);
        Score all = find(result, Subject.partnership());
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, all.status());
        assertNull(all.interval());
        assertTrue(result.warnings().stream().anyMatch(w -> w.code().equals(Warning.INSUFFICIENT_EVIDENCE)));
    }

    @Test
    void zeroHalfLifeTurnsDecayOff() {
        Score pair = find(run(new BetaReputation(0, 3), handBuilder().build(), AS_OF), Subject.pair(DISTRICT, COLLEGE));
        assertEquals(3.0, pair.detail("r"), 0);
        assertEquals(1.0, pair.detail("s"), 0);
        assertEquals(4.0 / 6.0, pair.value(), 1e-15);
    }

    @Test
    void lowerMinimumAdmitsThinPairs() {
        StrategyResult result = run(new BetaReputation().withMinSignals(1), handBuilder().build(), AS_OF);
        Score pair = find(result, Subject.pair(COLLEGE, DISTRICT));
        assertEquals(0.75, pair.value(), 1e-15);
        assertEquals(3, find(result, Subject.partnership()).detail("pairs"), 0);
    }

    @Test
    void signalsThatWeighNothingGiveNoScore() {
        Partnership p = Partnership.builder("zero", "Zero", Instant.parse("2023-01-01T00:00:00Z"))
                .partner(new Partner(DISTRICT, "District", PartnerType.SCHOOL_DISTRICT))
                .partner(new Partner(COLLEGE, "College", PartnerType.COMMUNITY_COLLEGE))
                .signal(new EngagementSignal(AS_OF, COLLEGE, DISTRICT, null, SignalKind.RESOURCE_SHARED, 0))
                .signal(new EngagementSignal(AS_OF, COLLEGE, DISTRICT, null, SignalKind.FEEDBACK, 0))
                .signal(new EngagementSignal(YEAR_AGO, COLLEGE, DISTRICT, null, SignalKind.RESOURCE_SHARED, 0))
                .build();
        Score pair = find(run(new BetaReputation(), p, AS_OF), Subject.pair(DISTRICT, COLLEGE));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, pair.status());
        assertTrue(((String) pair.details().get("reason")).contains("no weight"));
    }

    @Test
    void evidenceAfterAsOfDoesNotCount() {
        Partnership later = handBuilder()
                .signal(new EngagementSignal(AS_OF.plusSeconds(1), COLLEGE, DISTRICT, null, SignalKind.CONFLICT))
                .build();
        assertEquals(run(new BetaReputation(), handBuilder().build(), AS_OF), run(new BetaReputation(), later, AS_OF));
    }

    @Test
    void providerPassesParametersAndRejectsOutOfRangeValues() {
        BetaReputationProvider provider = new BetaReputationProvider();
        BetaReputation s = (BetaReputation) provider.create(StrategyParameters.of(provider.id(), provider.parameters(),
                Map.of("halfLifeDays", 30, "minSignals", 5L)));
        assertEquals(30.0, s.halfLifeDays(), 0);
        assertEquals(5, s.minSignals());
        BetaReputation defaults = (BetaReputation) provider.create(
                StrategyParameters.defaults(provider.id(), provider.parameters()));
        assertEquals(BetaReputation.DEFAULT_HALF_LIFE_DAYS, defaults.halfLifeDays(), 0);
        assertEquals(BetaReputation.DEFAULT_MIN_SIGNALS, defaults.minSignals());

        EvaluationConfig config = EvaluationConfig.defaults()
                .withParameters(provider.id(), Map.of("halfLifeDays", 40_000, "minSignals", 0));
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> Evaluator.builder().discover(false).register(provider).config(config).build());
        assertEquals(2, e.problems().size(), e.getMessage());
    }

    @Test
    void constructorRejectsOutOfRangeValues() {
        assertThrows(IllegalArgumentException.class, () -> new BetaReputation(-1, 3));
        assertThrows(IllegalArgumentException.class, () -> new BetaReputation(36_501, 3));
        assertThrows(IllegalArgumentException.class, () -> new BetaReputation(Double.NaN, 3));
        assertThrows(IllegalArgumentException.class, () -> new BetaReputation(365, 0));
        BetaReputation s = new BetaReputation().withHalfLifeDays(30);
        assertEquals(30, s.halfLifeDays(), 0);
        assertEquals(BetaReputation.DEFAULT_MIN_SIGNALS, s.minSignals());
    }

    @Test
    void realisticPartnershipScoresEveryPartnerAndOnlyPairsWithEvidence() {
        Partnership p = Riverbend.partnership();
        StrategyResult result = run(new BetaReputation(), p);
        assertEquals(p.partners().size(),
                result.scores().stream().filter(s -> s.subject().kind() == Subject.Kind.PARTNER).count());
        Score all = find(result, Subject.partnership());
        assertTrue(all.isOk());
        assertTrue(all.interval().contains(all.value()));
        for (Score s : result.scores()) {
            if (s.isOk() && s.subject().kind() != Subject.Kind.PARTNERSHIP) {
                assertTrue(s.interval().contains(s.value()), s.subject().toString());
            }
        }
        assertFalse(result.scores().stream().anyMatch(s -> s.subject() instanceof Subject.PairSubject pair
                && pair.from().equals(pair.to())));
    }

    // ------------------------------------------------------------------------------------------ derived pairs

    private static final String X = "x";
    private static final String Y = "y";
    private static final String Y2 = "y2";
    private static final String T = "t";

    /** Adds {@code count} signals of one kind from {@code source} toward {@code target}, a second apart. */
    private static Partnership.Builder acts(Partnership.Builder b, String source, String target, SignalKind kind,
                                            int count) {
        for (int i = 0; i < count; i++) {
            b.signal(new EngagementSignal(AS_OF.minusSeconds(i), source, target, null, kind));
        }
        return b;
    }

    /**
     * X, Y and T: Y acted toward X 8 times well and twice badly, so pair (X, Y) has evidence (8, 2); T acted toward Y
     * 10 times well, so pair (Y, T) has (10, 0); T never acted toward X. These are the discounting vector of
     * VECTORS.md (Trust / Beta reputation, Jøsang &amp; Ismail 2002 §3.4): (8, 2) over (10, 0) gives (2.5, 0).
     */
    private static Partnership.Builder chain() {
        Partnership.Builder b = Partnership.builder("chain", "Chain", Instant.parse("2023-01-01T00:00:00Z"))
                .partner(new Partner(X, "X", PartnerType.SCHOOL_DISTRICT))
                .partner(new Partner(Y, "Y", PartnerType.NONPROFIT))
                .partner(new Partner(T, "T", PartnerType.BUSINESS));
        acts(b, Y, X, SignalKind.COMMITMENT_KEPT, 8);
        acts(b, Y, X, SignalKind.COMMITMENT_BROKEN, 2);
        return acts(b, T, Y, SignalKind.COMMITMENT_KEPT, 10);
    }

    private static boolean derived(Score s) {
        return Boolean.TRUE.equals(s.details().get("derived"));
    }

    @Test
    void pairWithoutEvidenceIsDerivedThroughTheIntermediaryByJosangIsmailDiscounting() {
        StrategyResult result = run(new BetaReputation(0, 3), chain().build(), AS_OF);
        Score xt = find(result, Subject.pair(X, T));
        assertEquals(ScoreStatus.OK, xt.status());
        assertEquals(2.5, xt.detail("r"), 1e-12);
        assertEquals(0.0, xt.detail("s"), 0);
        // VECTORS.md: E = 0.7777777778.
        assertEquals(0.7777777778, xt.value(), 1e-10);
        assertEquals(xt.value(), xt.normalized(), 0);
        assertEquals(new BetaEvidence(2.5, 0).interval(0.95), xt.interval());
        assertEquals(Boolean.TRUE, xt.details().get("derived"));
        assertEquals(List.of(Y), xt.details().get("via"));
        assertTrue(Double.isNaN(xt.n()), "a derived pair has no signals of its own");
        assertTrue(xt.explanation().contains("Derived through y, not first-hand"), xt.explanation());
        // The direct pairs carry no derived flag; pairs with no path stay unreported.
        assertFalse(find(result, Subject.pair(X, Y)).details().containsKey("derived"));
        for (Subject stranger : List.of(Subject.pair(Y, X), Subject.pair(T, X), Subject.pair(T, Y))) {
            assertTrue(result.scores().stream().noneMatch(s -> s.subject().equals(stranger)), stranger.toString());
        }
        List<Subject> order = result.scores().stream().map(Score::subject).toList();
        assertEquals(List.of(Subject.partnership(), Subject.partner(T), Subject.partner(X), Subject.partner(Y),
                Subject.pair(X, T), Subject.pair(X, Y), Subject.pair(Y, T)), order);
    }

    @Test
    void derivedPairsEnterNeitherPartnerNorPartnershipScores() {
        StrategyResult with = run(new BetaReputation(0, 3), chain().build(), AS_OF);
        StrategyResult without = run(new BetaReputation(0, 3).withDerivePairs(false), chain().build(), AS_OF);
        assertTrue(without.scores().stream().noneMatch(s -> s.subject().equals(Subject.pair(X, T))));
        assertEquals(without.scores().size() + 1, with.scores().size());
        for (Subject subject : List.of(Subject.partnership(), Subject.partner(X), Subject.partner(Y),
                Subject.partner(T))) {
            assertEquals(find(without, subject), find(with, subject), subject.toString());
        }
        Score all = find(with, Subject.partnership());
        assertEquals(2, all.detail("pairs"), 0);
        assertEquals((0.75 + 11.0 / 12) / 2, all.value(), 1e-12);
    }

    @Test
    void evidenceThroughSeveralIntermediariesIsAdded() {
        // (X, Y2) = (4, 0) and (Y2, T) = (0, 4): D = 2 · 6 + 8 = 20, so the path gives (0, 2 · 4 · 4 / 20) = (0, 1.6).
        Partnership.Builder b = chain().partner(new Partner(Y2, "Y2", PartnerType.UNIVERSITY));
        acts(b, Y2, X, SignalKind.REQUEST_ANSWERED, 4);
        acts(b, T, Y2, SignalKind.REQUEST_IGNORED, 4);
        Score xt = find(run(new BetaReputation(0, 3), b.build(), AS_OF), Subject.pair(X, T));
        assertEquals(2.5, xt.detail("r"), 1e-12);
        assertEquals(1.6, xt.detail("s"), 1e-12);
        assertEquals(3.5 / 6.1, xt.value(), 1e-12);
        assertEquals(List.of(Y, Y2), xt.details().get("via"));
        assertTrue(xt.explanation().contains("y and y2"), xt.explanation());
    }

    @Test
    void linksWithTooLittleEvidenceCarryNoDerivation() {
        Partnership.Builder b = chain().partner(new Partner(Y2, "Y2", PartnerType.UNIVERSITY));
        acts(b, Y2, X, SignalKind.REQUEST_ANSWERED, 2);
        acts(b, T, Y2, SignalKind.REQUEST_IGNORED, 4);
        Score xt = find(run(new BetaReputation(0, 3), b.build(), AS_OF), Subject.pair(X, T));
        assertEquals(List.of(Y), xt.details().get("via"));
        assertEquals(0.7777777778, xt.value(), 1e-10);
    }

    @Test
    void distrustedIntermediariesPassNothingOn() {
        Partnership.Builder b = Partnership.builder("distrust", "Distrust", Instant.parse("2023-01-01T00:00:00Z"))
                .partner(new Partner(X, "X", PartnerType.SCHOOL_DISTRICT))
                .partner(new Partner(Y, "Y", PartnerType.NONPROFIT))
                .partner(new Partner(T, "T", PartnerType.BUSINESS));
        acts(b, Y, X, SignalKind.COMMITMENT_BROKEN, 3);
        acts(b, T, Y, SignalKind.COMMITMENT_KEPT, 10);
        Score xt = find(run(new BetaReputation(0, 3), b.build(), AS_OF), Subject.pair(X, T));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, xt.status());
        assertEquals(Boolean.TRUE, xt.details().get("derived"));
        assertEquals(List.of(Y), xt.details().get("via"));
        assertTrue(((String) xt.details().get("reason")).contains("pass nothing on"), xt.explanation());
    }

    @Test
    void largeNetworksSkipDerivationWithOneWarning() {
        StrategyResult result = run(new BetaReputation(0, 3).withMaxPartnersForDerivation(2), chain().build(), AS_OF);
        assertTrue(result.scores().stream().noneMatch(s -> s.subject().equals(Subject.pair(X, T))));
        List<Warning> skipped = result.warnings().stream()
                .filter(w -> w.code().equals(BetaReputation.DERIVATION_SKIPPED)).toList();
        assertEquals(1, skipped.size());
        assertTrue(skipped.get(0).message().contains("3 partners"), skipped.get(0).message());
        assertEquals(BetaReputation.ID, skipped.get(0).strategy());
        // At the limit derivation runs, and without derivation there is nothing to warn about.
        assertTrue(run(new BetaReputation(0, 3).withMaxPartnersForDerivation(3), chain().build(), AS_OF).scores()
                .stream().anyMatch(s -> s.subject().equals(Subject.pair(X, T))));
        assertTrue(run(new BetaReputation(0, 3).withDerivePairs(false).withMaxPartnersForDerivation(2),
                chain().build(), AS_OF).warnings().isEmpty());
    }

    @Test
    void providerPassesDerivationParameters() {
        BetaReputationProvider provider = new BetaReputationProvider();
        BetaReputation defaults = (BetaReputation) provider.create(
                StrategyParameters.defaults(provider.id(), provider.parameters()));
        assertTrue(defaults.derivePairs());
        assertEquals(BetaReputation.DEFAULT_MAX_PARTNERS_FOR_DERIVATION, defaults.maxPartnersForDerivation());
        BetaReputation s = (BetaReputation) provider.create(StrategyParameters.of(provider.id(), provider.parameters(),
                Map.of("derivePairs", false, "maxPartnersForDerivation", 40)));
        assertFalse(s.derivePairs());
        assertEquals(40, s.maxPartnersForDerivation());
        assertEquals(s.halfLifeDays(), s.withDerivePairs(true).halfLifeDays(), 0);
        EvaluationConfig config = EvaluationConfig.defaults()
                .withParameters(provider.id(), Map.of("derivePairs", "yes", "maxPartnersForDerivation", -1));
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> Evaluator.builder().discover(false).register(provider).config(config).build());
        assertEquals(2, e.problems().size(), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BetaReputation(365, 3, true, -1));
    }

    // ------------------------------------------------------------------------------------------ properties

    private static Optional<Score> score(StrategyResult result, Subject subject) {
        return result.scores().stream().filter(x -> x.subject().equals(subject)).findFirst();
    }

    @Test
    void morePositiveEvidenceNeverLowersExpectationAndMoreNegativeNeverRaisesIt() {
        BetaReputation strategy = new BetaReputation().withMinSignals(1);
        AtomicInteger compared = new AtomicInteger();
        qt().withFixedSeed(31).withExamples(200)
                .forAll(longs().all(), integers().between(2, 6), integers().between(0, 40), booleans().all())
                .checkAssert((seed, partners, signals, positive) -> {
                    Partnership p = SignalScenarios.random(seed, partners, signals);
                    SignalScenarios.Addition more = SignalScenarios.withOneMore(p, seed, partners,
                            positive ? SignalKind.COMMITMENT_KEPT : SignalKind.COMMITMENT_BROKEN);
                    StrategyResult before = run(strategy, p, SignalScenarios.AS_OF);
                    StrategyResult after = run(strategy, more.partnership(), SignalScenarios.AS_OF);
                    for (Subject subject : List.of(Subject.pair(more.from(), more.to()), Subject.partner(more.to()))) {
                        Optional<Score> b = score(before, subject);
                        Score a = score(after, subject).orElseThrow();
                        assertTrue(a.isOk() && !derived(a), subject + " has first-hand evidence now");
                        if (b.isPresent() && b.get().isOk() && !derived(b.get())) {
                            compared.incrementAndGet();
                            if (positive) {
                                assertTrue(a.value() >= b.get().value(), subject + ": " + b.get() + " -> " + a);
                            } else {
                                assertTrue(a.value() <= b.get().value(), subject + ": " + b.get() + " -> " + a);
                            }
                        }
                    }
                });
        assertTrue(compared.get() >= 200, "compared " + compared.get());
    }

    @Test
    void signalOrderDoesNotChangeAnyResult() {
        qt().withFixedSeed(37).withExamples(80)
                .forAll(longs().all(), integers().between(1, 7), integers().between(0, 80), longs().all())
                .checkAssert((seed, partners, signals, shuffleSeed) -> {
                    Partnership p = SignalScenarios.random(seed, partners, signals);
                    Partnership shuffled = shuffled(p, new Random(shuffleSeed));
                    for (BetaReputation s : List.of(new BetaReputation(), new BetaReputation(0, 1))) {
                        assertEquals(run(s, p, SignalScenarios.AS_OF), run(s, shuffled, SignalScenarios.AS_OF));
                    }
                });
    }

    @Test
    void expectationAndItsIntervalLieInsideTheOpenUnitInterval() {
        AtomicInteger derivedSeen = new AtomicInteger();
        qt().withFixedSeed(41).withExamples(120)
                .forAll(longs().all(), integers().between(2, 7), integers().between(0, 80))
                .checkAssert((seed, partners, signals) -> {
                    StrategyResult result = run(new BetaReputation(365, 2),
                            SignalScenarios.random(seed, partners, signals), SignalScenarios.AS_OF);
                    for (Score s : result.scores()) {
                        if (!s.isOk()) {
                            continue;
                        }
                        double e = s.value();
                        double low = s.interval().low();
                        double high = s.interval().high();
                        assertTrue(low <= e && e <= high, s.toString());
                        if (s.subject().kind() == Subject.Kind.PARTNERSHIP) {
                            assertTrue(low >= 0 && high <= 1, s.toString());
                        } else {
                            assertTrue(0 < low && high < 1, s.toString());
                            derivedSeen.addAndGet(derived(s) ? 1 : 0);
                        }
                    }
                });
        assertTrue(derivedSeen.get() > 0, "the scenarios include derived pairs");
    }
}
