package dev.partnership.metrics.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.partnership.EngagementSignal;
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
import org.junit.jupiter.api.Test;

/** Tests {@link Participation} and {@link ParticipationProvider}. */
class ParticipationTest extends ScoringStrategyContractTest {
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant AS_OF = START.plus(Duration.ofDays(360));

    @Override
    protected ScoringStrategyProvider provider() {
        return new ParticipationProvider();
    }

    @Override
    protected Partnership realisticPartnership() {
        return Riverbend.partnership();
    }

    private static Instant day(double d) {
        return START.plus(Duration.ofMinutes(Math.round(d * 1440)));
    }

    private static EngagementSignal signal(double d, String source, SignalKind kind) {
        return new EngagementSignal(day(d), source, null, null, kind);
    }

    private static Partnership.Builder twoPartners() {
        return Partnership.builder("p", "P", START)
                .partner(new Partner("a", "A", PartnerType.NONPROFIT))
                .partner(new Partner("b", "B", PartnerType.BUSINESS));
    }

    private static Score find(StrategyResult result, Subject subject) {
        return result.scores().stream().filter(s -> s.subject().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no score for " + subject));
    }

    @Test
    void attendanceOf81In263GivesNewcombesWilsonInterval() {
        // Newcombe, R. G. (1998), Statistics in Medicine 17:857-872, Table I: 81/263 at 95% -> (0.2553, 0.3662).
        Partnership.Builder b = twoPartners();
        for (int i = 0; i < 263; i++) {
            b.signal(signal(i * 0.5, "a", i < 81 ? SignalKind.MEETING_ATTENDED : SignalKind.MEETING_MISSED));
        }
        Score s = find(run(new Participation(), b.build(), AS_OF), Subject.partner("a"));
        assertEquals(ScoreStatus.OK, s.status());
        assertEquals(81.0 / 263, s.value(), 1e-15);
        assertEquals(s.value(), s.normalized(), 0);
        assertEquals(0.2553, s.interval().low(), 5e-5);
        assertEquals(0.3662, s.interval().high(), 5e-5);
        assertEquals(s.interval(), s.normalizedInterval());
        assertEquals(263, s.n(), 0);
    }

    @Test
    void responsivenessIsReportedEvenWithoutMeetings() {
        Partnership.Builder b = twoPartners();
        for (int i = 0; i < 4; i++) {
            b.signal(signal(300 + i, "b", i < 3 ? SignalKind.REQUEST_ANSWERED : SignalKind.REQUEST_IGNORED));
        }
        b.signal(signal(300, "a", SignalKind.MEETING_ATTENDED));
        StrategyResult r = run(new Participation(), b.build(), AS_OF);
        Score s = find(r, Subject.partner("b"));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, s.status());
        assertEquals(0.75, s.detail("responsiveness"), 1e-15);
        assertTrue(s.detail("responsivenessLow") < 0.75 && s.detail("responsivenessHigh") > 0.75);
        assertTrue(s.details().containsKey("reason"));
        Score a = find(r, Subject.partner("a"));
        assertEquals(1.0, a.value(), 0);
        assertFalse(a.details().containsKey("responsiveness"), "no requests, no responsiveness");
    }

    @Test
    void activityComparesTheWindowWithTheEarlierRate() {
        Partnership.Builder b = twoPartners();
        // a: nine signals in the 270 earlier days (3 per 90 days) and three in the last 90 days.
        for (int i = 0; i < 9; i++) {
            b.signal(signal(i * 30, "a", SignalKind.JOINT_ACTIVITY));
        }
        for (int i = 0; i < 3; i++) {
            b.signal(signal(280 + i * 20, "a", SignalKind.MEETING_ATTENDED));
        }
        // b was active only early on.
        b.signal(signal(10, "b", SignalKind.MEETING_ATTENDED));
        b.signal(signal(20, "b", SignalKind.MEETING_MISSED));
        StrategyResult r = run(new Participation(), b.build(), AS_OF);
        Score a = find(r, Subject.partner("a"));
        assertEquals(3, a.detail("recentActivity"), 0);
        assertEquals(3.0, a.detail("earlierRate"), 1e-12);
        assertEquals(1.0, a.detail("activityRatio"), 1e-12);
        Score bScore = find(r, Subject.partner("b"));
        assertEquals(0, bScore.detail("recentActivity"), 0);
        assertEquals(0.5, bScore.value(), 0);
        assertEquals(0, bScore.detail("activityRatio"), 0);

        Score whole = find(r, Subject.partnership());
        assertEquals(0.5, whole.value(), 0);
        assertEquals(0.5, whole.normalized(), 0);
        assertEquals(List.of("b"), whole.details().get("inactivePartners"));
        assertEquals(0.75, whole.detail("meanAttendance"), 1e-15);
        assertTrue(whole.interval().contains(0.5));
        List<Warning> warnings = r.warnings();
        assertEquals(1, warnings.size());
        assertEquals(Participation.INACTIVE_PARTNERS, warnings.get(0).code());
        assertTrue(warnings.get(0).message().contains("b"));

        // A higher threshold makes a inactive too; a shorter window sees fewer of a's signals.
        Score strict = find(run(new Participation().withMinActiveSignals(4), b.build(), AS_OF), Subject.partnership());
        assertEquals(0.0, strict.value(), 0);
        assertEquals(List.of("a", "b"), strict.details().get("inactivePartners"));
        Score narrow = find(run(new Participation().withActiveWindowDays(50), b.build(), AS_OF), Subject.partner("a"));
        assertEquals(1, narrow.detail("recentActivity"), 0);
    }

    @Test
    void everyoneActiveGivesNoWarning() {
        Partnership.Builder b = twoPartners();
        b.signal(signal(350, "a", SignalKind.INFORMATION_SHARED));
        b.signal(signal(351, "b", SignalKind.REQUEST_ANSWERED));
        StrategyResult r = run(new Participation(), b.build(), AS_OF);
        assertTrue(r.warnings().isEmpty());
        Score whole = find(r, Subject.partnership());
        assertEquals(1.0, whole.value(), 0);
        assertEquals(1.0, whole.interval().high(), 0);
        assertFalse(whole.details().containsKey("meanAttendance"), "no meeting signals, no mean attendance");
    }

    @Test
    void signalsAfterAsOfAreIgnored() {
        Partnership.Builder b = twoPartners();
        b.signal(signal(100, "a", SignalKind.MEETING_ATTENDED));
        b.signal(signal(400, "a", SignalKind.MEETING_MISSED));
        Score a = find(run(new Participation(), b.build(), AS_OF), Subject.partner("a"));
        assertEquals(1.0, a.value(), 0);
        assertEquals(1, a.n(), 0);
    }

    @Test
    void addingAnEventNeverLowersAPartnersActivity() {
        qt().withFixedSeed(601).withExamples(60)
                .forAll(lists().of(integers().between(0, 359)).ofSizeBetween(0, 30), integers().between(0, 359),
                        integers().between(0, 1))
                .checkAssert((days, extraDay, who) -> {
                    Partnership.Builder before = twoPartners();
                    Partnership.Builder after = twoPartners();
                    for (int i = 0; i < days.size(); i++) {
                        EngagementSignal s = signal(days.get(i), i % 2 == 0 ? "a" : "b",
                                SignalKind.values()[i % 11]);
                        before.signal(s);
                        after.signal(s);
                    }
                    after.signal(signal(extraDay, who == 0 ? "a" : "b", SignalKind.CONFLICT));
                    StrategyResult r0 = run(new Participation(), before.build(), AS_OF);
                    StrategyResult r1 = run(new Participation(), after.build(), AS_OF);
                    for (String id : List.of("a", "b")) {
                        double c0 = find(r0, Subject.partner(id)).detail("recentActivity");
                        double c1 = find(r1, Subject.partner(id)).detail("recentActivity");
                        assertTrue(c1 >= c0, id + ": " + c0 + " -> " + c1);
                    }
                });
    }

    @Test
    void noSignalsGiveInsufficientEvidence() {
        StrategyResult r = run(new Participation(), twoPartners().build(), AS_OF);
        assertTrue(r.scores().stream().noneMatch(Score::isOk));
        assertTrue(r.warnings().isEmpty());
        assertNull(find(r, Subject.partnership()).interval());
    }

    @Test
    void badParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Participation(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Participation(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new Participation(90, 0));
        ParticipationProvider p = new ParticipationProvider();
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> StrategyParameters.of(p.id(), p.parameters(), Map.of("activeWindowDays", -5)));
        assertTrue(e.getMessage().contains("activeWindowDays"), e.getMessage());
        assertThrows(InvalidConfigException.class,
                () -> StrategyParameters.of(p.id(), p.parameters(), Map.of("minActiveSignals", 1.5)));
        Participation made = (Participation) p.create(StrategyParameters.of(p.id(), p.parameters(),
                Map.of("activeWindowDays", 30, "minActiveSignals", 2)));
        assertEquals(30, made.activeWindowDays(), 0);
        assertEquals(2, made.minActiveSignals());
    }
}
