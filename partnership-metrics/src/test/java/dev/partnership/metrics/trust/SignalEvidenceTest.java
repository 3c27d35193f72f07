package dev.partnership.metrics.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.partnership.EngagementSignal;
import dev.partnership.Partner;
import dev.partnership.PartnerType;
import dev.partnership.Partnership;
import dev.partnership.SignalKind;
import dev.partnership.spi.EvidenceIndex;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Tests {@link SignalEvidence}: the direction of pairs, weights, polarity, decay and the partner totals. */
class SignalEvidenceTest {
    private static final Instant AS_OF = Instant.parse("2025-01-01T00:00:00Z");

    private static EvidenceIndex index() {
        Partnership p = Partnership.builder("e", "E", Instant.parse("2023-01-01T00:00:00Z"))
                .partner(new Partner("a", "A", PartnerType.SCHOOL))
                .partner(new Partner("b", "B", PartnerType.BUSINESS))
                // b toward a: a resource of 3 now, a conflict one half-life ago, feedback −0.5 two half-lives ago.
                .signal(new EngagementSignal(AS_OF, "b", "a", null, SignalKind.RESOURCE_SHARED, 3))
                .signal(new EngagementSignal(AS_OF.minus(Duration.ofDays(365)), "b", "a", null, SignalKind.CONFLICT))
                .signal(new EngagementSignal(AS_OF.minus(Duration.ofDays(730)), "b", "a", null, SignalKind.FEEDBACK,
                        -0.5))
                // b toward the whole partnership, and a signal after asOf that must not count.
                .signal(new EngagementSignal(AS_OF, "b", null, null, SignalKind.JOINT_ACTIVITY))
                .signal(new EngagementSignal(AS_OF.plusSeconds(1), "b", "a", null, SignalKind.CONFLICT))
                .build();
        return EvidenceIndex.of(p, AS_OF);
    }

    @Test
    void signalsFeedThePairFromTargetToSourceAndTheSourcePartner() {
        EvidenceIndex ev = index();
        SignalEvidence e = SignalEvidence.of(ev, 365);
        int a = ev.partnerIndex("a");
        int b = ev.partnerIndex("b");
        assertEquals(2, e.partnerCount());
        assertEquals(3.0, e.pairPositive(a, b), 1e-12);
        assertEquals(0.5 + 0.125, e.pairNegative(a, b), 1e-12);
        assertEquals(3, e.pairSignals(a, b));
        assertEquals(new BetaEvidence(e.pairPositive(a, b), e.pairNegative(a, b)), e.pair(a, b));
        assertEquals(0, e.pairSignals(b, a));
        assertEquals(BetaEvidence.NONE, e.pair(b, a));
        assertEquals(4.0, e.partnerPositive(b), 1e-12);
        assertEquals(0.625, e.partnerNegative(b), 1e-12);
        assertEquals(4, e.partnerSignals(b));
        assertEquals(new BetaEvidence(e.partnerPositive(b), e.partnerNegative(b)), e.partner(b));
        assertEquals(BetaEvidence.NONE, e.partner(a));
    }

    @Test
    void zeroHalfLifeTurnsDecayOff() {
        EvidenceIndex ev = index();
        SignalEvidence e = SignalEvidence.of(ev, 0);
        assertEquals(1.5, e.pairNegative(ev.partnerIndex("a"), ev.partnerIndex("b")), 0);
    }

    @Test
    void halfLifeOutOfRangeIsRejected() {
        EvidenceIndex ev = index();
        assertThrows(IllegalArgumentException.class, () -> SignalEvidence.of(ev, -1));
        assertThrows(IllegalArgumentException.class, () -> SignalEvidence.of(ev, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> SignalEvidence.of(ev, 36_501));
    }
}
