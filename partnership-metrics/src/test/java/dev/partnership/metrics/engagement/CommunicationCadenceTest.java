package dev.partnership.metrics.engagement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.partnership.EngagementSignal;
import dev.partnership.InvalidConfigException;
import dev.partnership.Partner;
import dev.partnership.PartnerType;
import dev.partnership.Partnership;
import dev.partnership.Score;
import dev.partnership.ScoreStatus;
import dev.partnership.SignalKind;
import dev.partnership.Subject;
import dev.partnership.metrics.Riverbend;
import dev.partnership.metrics.ScoringStrategyContractTest;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import dev.partnership.spi.StrategyResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests {@link CommunicationCadence} and {@link CommunicationCadenceProvider}. */
class CommunicationCadenceTest extends ScoringStrategyContractTest {
    // Epoch day 19 723 (2024-01-01) is day 0 of the vectors below.
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant AS_OF = START.plus(Duration.ofDays(100)).plus(Duration.ofHours(12));
    // VECTORS.md "Cadence" [C]: days (0,7,14,60,61,90) -> CV 0.9414986740 (population SD), 1.0526275179 (sample).
    private static final long[] IRREGULAR = {0, 7, 14, 60, 61, 90};
    private static final double IRREGULAR_CV = 0.9414986740;
    private static final double IRREGULAR_CV_SAMPLE = 1.0526275179;

    @Override
    protected ScoringStrategyProvider provider() {
        return new CommunicationCadenceProvider();
    }

    @Override
    protected Partnership realisticPartnership() {
        return Riverbend.partnership();
    }

    private static Instant day(long d, int hour) {
        return START.plus(Duration.ofDays(d)).plus(Duration.ofHours(hour));
    }

    private static Partnership.Builder threePartners() {
        return Partnership.builder("p", "P", START)
                .partner(new Partner("a", "A", PartnerType.NONPROFIT))
                .partner(new Partner("b", "B", PartnerType.BUSINESS))
                .partner(new Partner("c", "C", PartnerType.UNIVERSITY));
    }

    private static Partnership meetingsOn(long... days) {
        Partnership.Builder b = threePartners();
        for (long d : days) {
            // Two partners at one meeting: one event day.
            b.signal(new EngagementSignal(day(d, 9), "a", null, null, SignalKind.MEETING_ATTENDED));
            b.signal(new EngagementSignal(day(d, 10), "b", null, null, SignalKind.MEETING_ATTENDED));
        }
        return b.build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> meetings(Score s) {
        return (Map<String, Object>) s.details().get("meetings");
    }

    @Test
    void weeklyMeetingsArePerfectlyRegular() {
        // VECTORS.md "Cadence" [C]: days (0,7,14,21,28,35) -> gaps all 7, CV 0.
        CommunicationCadence.Regularity r = CommunicationCadence.regularity(new long[] {0, 7, 14, 21, 28, 35}, 35, 30);
        assertArrayEquals(new double[] {7, 7, 7, 7, 7}, r.gaps());
        assertEquals(0.0, r.cv(), 0);
        assertEquals(1.0, r.regularity(), 0);
        Score s = run(new CommunicationCadence(), meetingsOn(0, 7, 14, 21, 28, 35), AS_OF).scores().get(0);
        assertEquals(ScoreStatus.OK, s.status());
        assertEquals(1.0, s.value(), 0);
        assertEquals(1.0, s.normalized(), 0);
        assertEquals(1.0, s.interval().low(), 0, "every resample of equal gaps is regular");
        assertEquals(65.0, ((Number) meetings(s).get("longestSilenceDays")).doubleValue(), 0, "35 to asOf day 100");
    }

    @Test
    void irregularMeetingsMatchTheReferenceVector() {
        CommunicationCadence.Regularity r = CommunicationCadence.regularity(IRREGULAR, 100, 30);
        assertEquals(IRREGULAR_CV, r.cv(), 1e-10);
        assertEquals(IRREGULAR_CV_SAMPLE, r.cvSample(), 1e-10);
        assertEquals(IRREGULAR_CV, CommunicationCadence.coefficientOfVariation(r.gaps()), 1e-10);
        assertEquals(IRREGULAR_CV_SAMPLE, CommunicationCadence.sampleCoefficientOfVariation(r.gaps()), 1e-10);
        assertEquals(18.0, r.meanGap(), 1e-12);
        assertEquals(46.0, r.longestSilence(), 0);
        assertEquals(0.2, r.overdueShare(), 1e-15, "only the 46-day gap exceeds 45");

        Score s = run(new CommunicationCadence(), meetingsOn(IRREGULAR), AS_OF).scores().get(0);
        assertEquals(Subject.partnership(), s.subject());
        assertEquals(1 / (1 + IRREGULAR_CV), s.value(), 1e-10);
        assertEquals(s.value(), s.normalized(), 0);
        assertEquals(6, s.detail("meetingDays"), 0, "two partners at one meeting make one event day");
        assertEquals(5, s.n(), 0);
        Map<String, Object> m = meetings(s);
        assertEquals(IRREGULAR_CV, ((Number) m.get("cv")).doubleValue(), 1e-10);
        assertEquals(IRREGULAR_CV_SAMPLE, ((Number) m.get("cvSample")).doubleValue(), 1e-10);
        assertTrue(s.interval().low() < s.interval().high());
        assertTrue(s.interval().low() >= 0 && s.interval().high() <= 1);
        // A longer expected cadence has no overdue gap.
        Score relaxed = run(new CommunicationCadence().withExpectedMeetingDays(60), meetingsOn(IRREGULAR), AS_OF)
                .scores().get(0);
        assertEquals(0.0, ((Number) meetings(relaxed).get("overdueGapShare")).doubleValue(), 0);
    }

    @Test
    void fewerThanThreeMeetingDaysAreInsufficient() {
        Score s = run(new CommunicationCadence(), meetingsOn(0, 30), AS_OF).scores().get(0);
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, s.status());
        assertTrue(s.details().containsKey("reason"));
        assertTrue(Double.isNaN(s.value()));
        // Many partners on one day are still one day.
        assertFalse(run(new CommunicationCadence(), meetingsOn(5), AS_OF).scores().get(0).isOk());
    }

    @Test
    void informationSharingHasItsOwnRegularity() {
        Partnership.Builder b = threePartners();
        for (long d : IRREGULAR) {
            b.signal(new EngagementSignal(day(d, 8), "c", "a", null, SignalKind.INFORMATION_SHARED));
        }
        Score s = run(new CommunicationCadence(), b.build(), AS_OF).scores().get(0);
        assertFalse(s.isOk(), "no meetings");
        @SuppressWarnings("unchecked")
        Map<String, Object> info = (Map<String, Object>) s.details().get("information");
        assertEquals(IRREGULAR_CV, ((Number) info.get("cv")).doubleValue(), 1e-10);
    }

    @Test
    void conflictsAreResolvedBetweenTheSamePartnersWithinTheWindow() {
        Partnership.Builder b = Partnership.builder("p", "P", START)
                .partner(new Partner("a", "A", PartnerType.NONPROFIT))
                .partner(new Partner("b", "B", PartnerType.BUSINESS))
                .partner(new Partner("c", "C", PartnerType.UNIVERSITY));
        b.signal(new EngagementSignal(day(10, 0), "a", "b", null, SignalKind.CONFLICT));
        b.signal(new EngagementSignal(day(20, 0), "b", "a", null, SignalKind.CONFLICT_RESOLVED)); // other direction
        b.signal(new EngagementSignal(day(10, 0), "a", "c", null, SignalKind.CONFLICT));
        b.signal(new EngagementSignal(day(80, 0), "a", "c", null, SignalKind.CONFLICT_RESOLVED)); // 70 days: late
        b.signal(new EngagementSignal(day(30, 0), "b", "c", null, SignalKind.CONFLICT));
        b.signal(new EngagementSignal(day(40, 0), "a", "b", null, SignalKind.CONFLICT_RESOLVED)); // not b-c
        Partnership p = b.build();
        Instant asOf = START.plus(Duration.ofDays(90));
        Score s = run(new CommunicationCadence(), p, asOf).scores().get(0);
        assertEquals(3, s.detail("conflicts"), 0);
        assertEquals(1, s.detail("conflictsResolved"), 0);
        assertEquals(1.0 / 3, s.detail("resolvedShare"), 1e-15);
        assertEquals(3.0, s.detail("conflictsPer90Days"), 1e-12, "3 conflicts in 90 days");
        Score wide = run(new CommunicationCadence().withResolutionWindowDays(75), p, asOf).scores().get(0);
        assertEquals(2, wide.detail("conflictsResolved"), 0);
    }

    @Test
    void theIntervalIsReproducibleAndDependsOnTheSeed() {
        Partnership p = meetingsOn(0, 3, 14, 20, 41, 45, 70, 72, 90);
        Score s1 = new CommunicationCadence().score(context(p, AS_OF, 7L)).scores().get(0);
        Score s2 = new CommunicationCadence().score(context(p, AS_OF, 7L)).scores().get(0);
        assertEquals(s1, s2);
        Score other = new CommunicationCadence().score(context(p, AS_OF, 8L)).scores().get(0);
        assertEquals(s1.value(), other.value(), 0, "the estimate does not depend on the seed");
        assertFalse(s1.interval().equals(other.interval()), "another seed draws other resamples");
    }

    @Test
    void regularityLiesInTheUnitIntervalAndScalingTheGapsLeavesItUnchanged() {
        qt().withFixedSeed(602).withExamples(200)
                .forAll(integers().between(1, 30), integers().between(1, 30), integers().between(1, 30),
                        integers().between(1, 5))
                .checkAssert((g1, g2, g3, k) -> {
                    long[] days = {0, g1, g1 + g2, g1 + g2 + g3};
                    long[] scaled = {0, (long) k * g1, (long) k * (g1 + g2), (long) k * (g1 + g2 + g3)};
                    CommunicationCadence.Regularity r = CommunicationCadence.regularity(days, days[3], 30);
                    CommunicationCadence.Regularity rs = CommunicationCadence.regularity(scaled, scaled[3], 30);
                    assertTrue(r.regularity() > 0 && r.regularity() <= 1);
                    assertEquals(r.cv(), rs.cv(), 1e-12);
                });
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> CommunicationCadence.regularity(new long[] {0}, 5, 30));
        assertThrows(IllegalArgumentException.class,
                () -> CommunicationCadence.regularity(new long[] {0, 7, 7}, 10, 30));
        assertThrows(IllegalArgumentException.class,
                () -> CommunicationCadence.regularity(new long[] {0, 7, 14}, 10, 30));
        assertThrows(IllegalArgumentException.class,
                () -> CommunicationCadence.sampleCoefficientOfVariation(new double[] {3}));
        assertThrows(IllegalArgumentException.class, () -> new CommunicationCadence(0, 60));
        assertThrows(IllegalArgumentException.class, () -> new CommunicationCadence(30, -1));
        assertThrows(IllegalArgumentException.class, () -> new CommunicationCadence(Double.NaN, 60));
        CommunicationCadenceProvider p = new CommunicationCadenceProvider();
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> StrategyParameters.of(p.id(), p.parameters(), Map.of("expectedMeetingDays", 0)));
        assertTrue(e.getMessage().contains("expectedMeetingDays"), e.getMessage());
    }
}
