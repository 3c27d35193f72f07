package dev.partnership.metrics.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
