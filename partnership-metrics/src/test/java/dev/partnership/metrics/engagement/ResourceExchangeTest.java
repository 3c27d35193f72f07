package dev.partnership.metrics.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.EngagementSignal;
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
import dev.partnership.spi.StrategyResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tests {@link ResourceExchange} and its provider. The HHI follows the definition checked against
 * /work/shared/reference/VECTORS.md, "Inequality" (see {@code InequalityTest}); the fixture's figures are worked by
 * hand below.
 */
class ResourceExchangeTest extends ScoringStrategyContractTest {
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant AS_OF = Instant.parse("2024-12-31T00:00:00Z");
    private static final double EPS = 1e-12;

    @Override
    protected ScoringStrategyProvider provider() {
        return new ResourceExchangeProvider();
    }

    @Override
    protected Partnership realisticPartnership() {
        return Riverbend.partnership();
    }

    /**
     * a (capacity 100) gives 30 to the pool and 30 to b; b (capacity "lots") gives 20 to a; c gives 10 to d and 10
     * to the pool; d gives nothing. Given (60, 20, 20, 0), pool 100, received (20, 30, 0, 10) of 60, HHI 0.44.
     */
    static Partnership fixture() {
        Partnership.Builder b = Partnership.builder("fx", "Fixture", START)
                .partner(new Partner("a", "A", PartnerType.FOUNDATION, Map.of("capacity", "100")))
                .partner(new Partner("b", "B", PartnerType.SCHOOL, Map.of("capacity", "lots")))
                .partner(new Partner("c", "C", PartnerType.NONPROFIT))
                .partner(new Partner("d", "D", PartnerType.BUSINESS));
        b.signal(shared(1, "a", null, 30)).signal(shared(2, "a", "b", 30)).signal(shared(3, "b", "a", 20))
                .signal(shared(4, "c", "d", 10)).signal(shared(5, "c", null, 10))
                .signal(new EngagementSignal(START.plus(Duration.ofDays(6)), "d", "a", null,
                        SignalKind.MEETING_ATTENDED, 1000))
                .signal(shared(400, "d", null, 500));
        return b.build();
    }

    private static EngagementSignal shared(int day, String from, String to, double amount) {
        return new EngagementSignal(START.plus(Duration.ofDays(day)), from, to, null, SignalKind.RESOURCE_SHARED,
                amount);
    }

    private static Score find(StrategyResult r, Subject subject) {
        return r.scores().stream().filter(s -> s.subject().equals(subject)).findFirst().orElseThrow();
    }

    private static boolean hasWarning(StrategyResult r, String code) {
        return r.warnings().stream().anyMatch(w -> w.code().equals(code));
    }

    @Test
    void partnershipScoreIsTheHhiOfContributions() {
        StrategyResult r = run(strategy(), fixture(), AS_OF);
        Score s = r.scores().get(0);
        assertEquals(Subject.partnership(), s.subject());
        // 0.6² + 0.2² + 0.2² = 0.44; the late gift of d falls after asOf.
        assertEquals(0.44, s.value(), EPS);
        assertEquals(0.56, s.normalized(), EPS);
        assertEquals(100, s.detail("pool"), EPS);
        assertEquals(40, s.detail("givenToPool"), EPS);
        assertEquals(60, s.detail("received"), EPS);
        assertEquals("a", s.details().get("topContributor"));
        assertEquals(0.6, s.detail("topShare"), EPS);
        assertEquals(List.of("d"), s.details().get("freeRiders"));
        assertEquals(Map.of("a", 0.6), s.details().get("givenPerCapacity"));
        assertNotNull(s.interval());
        assertEquals(1 - s.interval().high(), s.normalizedInterval().low(), EPS);
        assertEquals(1 - s.interval().low(), s.normalizedInterval().high(), EPS);
        assertEquals(List.of(Subject.partnership(), Subject.partner("a"), Subject.partner("b"),
                Subject.partner("c"), Subject.partner("d")), r.scores().stream().map(Score::subject).toList());
    }

    @Test
    void partnerScoresGiveSharesAndBalances() {
        StrategyResult r = run(strategy(), fixture(), AS_OF);
        Score a = find(r, Subject.partner("a"));
        assertEquals(0.6, a.value(), EPS);
        assertTrue(Double.isNaN(a.normalized()));
        assertEquals(60, a.detail("given"), EPS);
        assertEquals(20, a.detail("received"), EPS);
        assertEquals(40, a.detail("balance"), EPS);
        assertEquals(1 / 3.0, a.detail("shareReceived"), EPS);
        assertEquals(0.6, a.detail("givenPerCapacity"), EPS);
        Score b = find(r, Subject.partner("b"));
        assertEquals(-10, b.detail("balance"), EPS);
        assertEquals(0.5, b.detail("shareReceived"), EPS);
        assertFalse(b.details().containsKey("capacity"));
        Score d = find(r, Subject.partner("d"));
        assertEquals(0, d.value(), 0);
        assertEquals(-10, d.detail("balance"), EPS);
        assertTrue(d.explanation().contains("free rider"), d.explanation());
    }

    @Test
    void warningsNameDependenceFreeRidersAndBadCapacity() {
        StrategyResult r = run(strategy(), fixture(), AS_OF);
        assertTrue(hasWarning(r, ResourceExchange.SINGLE_FUNDER_DEPENDENCE));
        assertTrue(r.warnings().stream().anyMatch(w -> w.code().equals(ResourceExchange.FREE_RIDERS)
                && w.message().endsWith(": d")));
        Warning capacity = r.warnings().stream().filter(w -> w.code().equals(ResourceExchange.INVALID_CAPACITY))
                .findFirst().orElseThrow();
        assertTrue(capacity.message().contains("'b'") && capacity.message().contains("lots"), capacity.message());
    }

    @Test
    void dependenceFollowsBothThresholds() {
        // Top share 0.6 and HHI 0.44: either threshold alone raises the warning.
        ResourceExchange lenientShare = new ResourceExchange().withDependenceShare(0.7);
        assertTrue(hasWarning(run(lenientShare, fixture(), AS_OF), ResourceExchange.SINGLE_FUNDER_DEPENDENCE));
        ResourceExchange lenientBoth = lenientShare.withDependenceHhi(0.5);
        StrategyResult r = run(lenientBoth, fixture(), AS_OF);
        assertFalse(hasWarning(r, ResourceExchange.SINGLE_FUNDER_DEPENDENCE));
        assertEquals(false, r.scores().get(0).details().get("dependent"));
        ResourceExchange strictShareOnly = new ResourceExchange(0.55, 0.5);
        assertTrue(hasWarning(run(strictShareOnly, fixture(), AS_OF), ResourceExchange.SINGLE_FUNDER_DEPENDENCE));
    }

    @Test
    void evenGivingIsNotDependent() {
        Partnership.Builder b = Partnership.builder("even", "Even", START);
        String[] ids = {"p", "q", "r", "s", "t"};
        for (int i = 0; i < ids.length; i++) {
            b.partner(new Partner(ids[i], ids[i], PartnerType.NONPROFIT));
            b.signal(shared(i + 1, ids[i], null, 5));
        }
        StrategyResult r = run(strategy(), b.build(), AS_OF);
        assertEquals(0.2, r.scores().get(0).value(), EPS);
        assertEquals(0.8, r.scores().get(0).normalized(), EPS);
        assertFalse(hasWarning(r, ResourceExchange.SINGLE_FUNDER_DEPENDENCE));
        assertFalse(hasWarning(r, ResourceExchange.FREE_RIDERS));
        // Nothing was received by a named partner: no share of benefits.
        assertFalse(find(r, Subject.partner("p")).details().containsKey("shareReceived"));
    }

    @Test
    void noResourceSharedIsInsufficient() {
        Partnership p = Partnership.builder("none", "None", START)
                .partner(new Partner("a", "A", PartnerType.SCHOOL))
                .partner(new Partner("b", "B", PartnerType.SCHOOL))
                .signal(new EngagementSignal(START.plusSeconds(9), "a", "b", null, SignalKind.MEETING_ATTENDED))
                .build();
        StrategyResult r = run(strategy(), p, AS_OF);
        assertEquals(1, r.scores().size());
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, r.scores().get(0).status());
        assertTrue(hasWarning(r, Warning.INSUFFICIENT_EVIDENCE));
        Partnership zero = Partnership.builder("zero", "Zero", START)
                .partner(new Partner("a", "A", PartnerType.SCHOOL))
                .signal(shared(1, "a", null, 0)).build();
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, run(strategy(), zero, AS_OF).scores().get(0).status());
    }

    @Test
    void badThresholdsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ResourceExchange(1.2, 0.25));
        assertThrows(IllegalArgumentException.class, () -> new ResourceExchange(0.5, -0.1));
    }
}
