package dev.partnership.metrics.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.partnership.EngagementSignal;
import dev.partnership.Partner;
import dev.partnership.PartnerType;
import dev.partnership.Partnership;
import dev.partnership.SignalKind;
import dev.partnership.spi.EvidenceIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
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

    /**
     * The one-pass accumulation (cells, sign-bit selection, decay in runs of a shared coarse factor) gives the
     * straightforward per-signal sums with {@code StrictMath.exp} within 1e-12 relative, over years of randomly
     * timed signals and half-lives from hours to a century.
     */
    @Test
    void matchesAStraightforwardSumOverManyDecayRuns() {
        qt().withExamples(30).forAll(longs().between(1, 1_000_000), doubles().between(0.05, 36_500))
                .checkAssert((seed, halfLife) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    String[] ids = {"a", "b", "c"};
                    Partnership.Builder b = Partnership.builder("e", "E", Instant.parse("2020-01-01T00:00:00Z"));
                    for (String id : ids) {
                        b.partner(new Partner(id, id.toUpperCase(java.util.Locale.ROOT), PartnerType.SCHOOL));
                    }
                    SignalKind[] kinds = SignalKind.values();
                    int n = 400;
                    long[] ages = new long[n];
                    int[] sources = new int[n];
                    int[] targets = new int[n];
                    double[] weights = new double[n];
                    for (int i = 0; i < n; i++) {
                        ages[i] = random.nextLong(5L * 365 * 86_400_000L);
                        sources[i] = random.nextInt(3);
                        targets[i] = random.nextInt(4) - 1;
                        if (targets[i] == sources[i]) {
                            targets[i] = -1;
                        }
                        SignalKind kind = kinds[random.nextInt(kinds.length)];
                        double value = kind == SignalKind.FEEDBACK ? random.nextDouble() * 2 - 1
                                : kind.accepts(2.0) ? 1 + random.nextInt(3) : 1;
                        weights[i] = (kind.polarity() == SignalKind.Polarity.NEGATIVE ? -1 : 1) * value;
                        b.signal(new EngagementSignal(AS_OF.minusMillis(ages[i]), ids[sources[i]],
                                targets[i] < 0 ? null : ids[targets[i]], null, kind, value));
                    }
                    EvidenceIndex ev = EvidenceIndex.of(b.build(), AS_OF);
                    SignalEvidence e = SignalEvidence.of(ev, halfLife);
                    double rate = Math.log(2) / (halfLife * 86_400_000.0);
                    double[] pairR = new double[9];
                    double[] pairS = new double[9];
                    double[] partnerR = new double[3];
                    double[] partnerS = new double[3];
                    for (int i = 0; i < n; i++) {
                        double w = weights[i] * StrictMath.exp(-rate * ages[i]);
                        int source = ev.partnerIndex(ids[sources[i]]);
                        partnerR[source] += Math.max(w, 0);
                        partnerS[source] += Math.max(-w, 0);
                        if (targets[i] >= 0) {
                            int k = ev.partnerIndex(ids[targets[i]]) * 3 + source;
                            pairR[k] += Math.max(w, 0);
                            pairS[k] += Math.max(-w, 0);
                        }
                    }
                    for (int from = 0; from < 3; from++) {
                        for (int to = 0; to < 3; to++) {
                            assertEquals(pairR[from * 3 + to], e.pairPositive(from, to),
                                    1e-12 * pairR[from * 3 + to] + 1e-300, "r of " + from + " -> " + to);
                            assertEquals(pairS[from * 3 + to], e.pairNegative(from, to),
                                    1e-12 * pairS[from * 3 + to] + 1e-300, "s of " + from + " -> " + to);
                        }
                        assertEquals(partnerR[from], e.partnerPositive(from), 1e-12 * partnerR[from] + 1e-300);
                        assertEquals(partnerS[from], e.partnerNegative(from), 1e-12 * partnerS[from] + 1e-300);
                    }
                });
    }
}
