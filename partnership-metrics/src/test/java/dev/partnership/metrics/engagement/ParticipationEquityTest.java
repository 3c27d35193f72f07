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
import dev.partnership.metrics.Riverbend;
import dev.partnership.metrics.ScoringStrategyContractTest;
import dev.partnership.metrics.stats.Inequality;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tests {@link ParticipationEquity} and its provider. The inequality figures of the five-partner fixture (signal
 * counts 1, 2, 3, 4, 5) are the reference vector (1,2,3,4,5) of /work/shared/reference/VECTORS.md, "Inequality":
 * Gini 0.2666666667 (n/(n−1) form 0.3333333333), Theil 0.1196875936.
 */
class ParticipationEquityTest extends ScoringStrategyContractTest {
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant AS_OF = Instant.parse("2024-12-31T00:00:00Z");
    private static final double EPS = 1e-10;

    @Override
    protected ScoringStrategyProvider provider() {
        return new ParticipationEquityProvider();
    }

    @Override
    protected Partnership realisticPartnership() {
        return Riverbend.partnership();
    }

    /**
     * Five partners sending 1 … 5 signals: a (SCHOOL) 1, b and c (NONPROFIT) 2 and 3, d and e (BUSINESS) 4 and 5;
     * one of d's signals shares a resource worth 10, and one late signal of a falls after {@link #AS_OF}.
     */
    static Partnership fixture() {
        String[] ids = {"a", "b", "c", "d", "e"};
        PartnerType[] types = {PartnerType.SCHOOL, PartnerType.NONPROFIT, PartnerType.NONPROFIT,
                PartnerType.BUSINESS, PartnerType.BUSINESS};
        Partnership.Builder b = Partnership.builder("fx", "Fixture", START);
        for (int i = 0; i < ids.length; i++) {
            b.partner(new Partner(ids[i], ids[i].toUpperCase(java.util.Locale.ROOT), types[i]));
        }
        int day = 1;
        for (int i = 0; i < ids.length; i++) {
            for (int k = 0; k <= i; k++) {
                Instant at = START.plus(Duration.ofDays(day++));
                if (ids[i].equals("d") && k == 0) {
                    b.signal(new EngagementSignal(at, "d", null, null, SignalKind.RESOURCE_SHARED, 10));
                } else {
                    b.signal(new EngagementSignal(at, ids[i], null, null, SignalKind.MEETING_ATTENDED));
                }
            }
        }
        b.signal(new EngagementSignal(AS_OF.plusSeconds(60), "a", null, null, SignalKind.MEETING_ATTENDED));
        return b.build();
    }

    private static Score only(StrategyResult r) {
        assertEquals(1, r.scores().size());
        return r.scores().get(0);
    }

    @Test
    void referenceVectorOfParticipation() {
        Score s = only(run(strategy(), fixture(), AS_OF));
        assertTrue(s.isOk());
        assertEquals(0.2666666667, s.value(), EPS);
        assertEquals(1 - 0.2666666667, s.normalized(), EPS);
        assertEquals(0.3333333333, s.detail("participationGiniSmallSample"), EPS);
        assertEquals(0.1196875936, s.detail("participationTheil"), EPS);
        assertEquals(15, s.detail("signals"), 0);
        assertNotNull(s.interval());
        assertTrue(s.interval().low() <= s.interval().high());
        assertEquals(1 - s.interval().high(), s.normalizedInterval().low(), 1e-12);
        assertEquals(1 - s.interval().low(), s.normalizedInterval().high(), 1e-12);
        assertEquals(s.interval().low(), s.detail("participationGiniLow"), 0);
        assertTrue(s.detail("participationTheilLow") <= s.detail("participationTheilHigh"));
    }

    @Test
    void contributionsUseResourceValues() {
        Score s = only(run(strategy(), fixture(), AS_OF));
        // (0, 0, 0, 10, 0): one partner gave everything.
        assertEquals(0.8, s.detail("contributionGini"), EPS);
        assertEquals(1.0, s.detail("contributionGiniSmallSample"), EPS);
        assertEquals(Math.log(5), s.detail("contributionTheil"), EPS);
    }

    @Test
    void theilSplitsIntoBetweenAndWithinTypes() {
        Score s = only(run(strategy(), fixture(), AS_OF));
        // Types: SCHOOL {1}, NONPROFIT {2, 3}, BUSINESS {4, 5}; mean 3.
        double between = 0;
        double[][] groups = {{1}, {2, 3}, {4, 5}};
        for (double[] g : groups) {
            double mean = 0;
            for (double v : g) {
                mean += v / g.length;
            }
            between += g.length / 5.0 * (mean / 3) * Math.log(mean / 3);
        }
        assertEquals(between, s.detail("participationTheilBetweenTypes"), 1e-12);
        assertEquals(0.1196875936 - between, s.detail("participationTheilWithinTypes"), EPS);
        assertEquals(0, ParticipationEquity.theilBetweenGroups(new double[] {1, 3, 2, 2}, new int[] {0, 0, 1, 1}, 2),
                1e-15);
    }

    @Test
    void underRepresentedTypesAreListed() {
        Score s = only(run(strategy(), fixture(), AS_OF));
        // SCHOOL: 1 of 15 signals (6.7%) against 1 of 5 partners (20%): short by more than half of 20%.
        assertEquals(List.of("SCHOOL"), s.details().get("underRepresentedTypes"));
        @SuppressWarnings("unchecked")
        Map<String, Object> school = (Map<String, Object>) ((Map<String, Object>) s.details().get("types"))
                .get("SCHOOL");
        assertEquals(0.2, (Double) school.get("partnerShare"), EPS);
        assertEquals(1 / 15.0, (Double) school.get("participationShare"), EPS);
        assertTrue(s.explanation().contains("SCHOOL"), s.explanation());

        Score lenient = only(run(new ParticipationEquity().withUnderRepresentationRatio(0.9), fixture(), AS_OF));
        assertEquals(List.of(), lenient.details().get("underRepresentedTypes"));
        assertEquals(s.value(), lenient.value(), 0);
    }

    @Test
    void evenParticipationHasGiniZero() {
        Partnership.Builder b = Partnership.builder("even", "Even", START)
                .partner(new Partner("a", "A", PartnerType.SCHOOL))
                .partner(new Partner("b", "B", PartnerType.BUSINESS));
        for (int k = 0; k < 3; k++) {
            b.signal(new EngagementSignal(START.plus(Duration.ofDays(k + 1)), "a", "b", null, SignalKind.CONFLICT));
            b.signal(new EngagementSignal(START.plus(Duration.ofDays(k + 1)), "b", null, null,
                    SignalKind.INFORMATION_SHARED));
        }
        Score s = only(run(strategy(), b.build(), AS_OF));
        assertEquals(0, s.value(), 0);
        assertEquals(1, s.normalized(), 0);
        assertEquals(List.of(), s.details().get("underRepresentedTypes"));
        assertFalse(s.details().containsKey("contributionGini"));
        assertEquals("no resource was shared", s.details().get("contributionNote"));
    }

    @Test
    void onePartnerOrNoSignalIsInsufficient() {
        Partnership one = Partnership.builder("one", "One", START)
                .partner(new Partner("a", "A", PartnerType.SCHOOL))
                .signal(new EngagementSignal(START.plusSeconds(5), "a", null, null, SignalKind.MEETING_ATTENDED))
                .build();
        Score s = only(run(strategy(), one, AS_OF));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, s.status());
        Score early = only(run(strategy(), fixture(), START));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, early.status());
    }

    @Test
    void bootstrapIsSeededPerStrategy() {
        Score a = only(strategy().score(context(fixture(), AS_OF, 1)));
        Score b = only(strategy().score(context(fixture(), AS_OF, 1)));
        assertEquals(a, b);
        assertEquals(Inequality.gini(new double[] {1, 2, 3, 4, 5}), a.value(), 0);
    }

    @Test
    void badRatioIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ParticipationEquity(1.5));
        assertThrows(IllegalArgumentException.class, () -> new ParticipationEquity(Double.NaN));
    }
}
