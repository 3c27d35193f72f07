package dev.partnership.metrics.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.partnership.EngagementSignal;
import dev.partnership.Partner;
import dev.partnership.Partnership;
import dev.partnership.Score;
import dev.partnership.SignalKind;
import dev.partnership.Subject;
import dev.partnership.metrics.Riverbend;
import dev.partnership.spi.EvidenceIndex;
import dev.partnership.spi.ScoringContext;
import dev.partnership.spi.StrategyResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Tests {@link IncrementalBetaReputation} and {@link IncrementalTrustSnapshot}. */
class IncrementalBetaReputationTest {
    private static final Instant AS_OF = Instant.parse("2025-01-01T00:00:00Z");
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final List<String> ABC = List.of("a", "b", "c");

    private static List<String> ids(Partnership p) {
        return p.partners().stream().map(Partner::id).toList();
    }

    private static void assertClose(double expected, double actual, double relative, String what) {
        double tolerance = relative * Math.max(Math.abs(expected), Math.abs(actual)) + 1e-300;
        assertEquals(expected, actual, tolerance, what);
    }

    /**
     * The Riverbend fixture's 600 signals fed one by one, in time order and in shuffled orders, give the first-hand
     * pair and partner evidence and expectations of the batch {@link BetaReputation} at the same asOf, within 1e-9
     * relative; half-life 1 day forces rebases (540 days of signals), 0 turns decay off.
     */
    @Test
    void riverbendSignalsOneByOneMatchBatchBetaReputation() {
        Partnership riverbend = Riverbend.partnership();
        Instant asOf = Riverbend.START.plus(Duration.ofDays(541));
        List<String> ids = ids(riverbend);
        for (double halfLife : new double[] {365, 30, 1, 0}) {
            StrategyResult batch = new BetaReputation(halfLife, 1, false, 0).score(
                    new ScoringContext(riverbend, EvidenceIndex.of(riverbend, asOf), asOf, 0.95, 1, 3));
            for (long order = 0; order < 4; order++) {
                List<EngagementSignal> signals = new ArrayList<>(riverbend.signals());
                if (order > 0) {
                    Collections.shuffle(signals, new Random(order));
                }
                IncrementalBetaReputation acc = new IncrementalBetaReputation(ids, halfLife);
                signals.forEach(acc::add);
                IncrementalTrustSnapshot snapshot = acc.result(asOf);
                int pairs = 0;
                for (Score s : batch.scores()) {
                    String what = halfLife + " days, order " + order + ", " + s.subject();
                    if (s.subject() instanceof Subject.PairSubject pair) {
                        int from = acc.indexOf(pair.from());
                        int to = acc.indexOf(pair.to());
                        BetaEvidence e = snapshot.pair(from, to);
                        assertClose(s.detail("r"), e.r(), 1e-9, what + " r");
                        assertClose(s.detail("s"), e.s(), 1e-9, what + " s");
                        assertEquals((long) s.detail("signals"), snapshot.pairSignals(from, to), what);
                        if (s.isOk()) {
                            assertClose(s.value(), snapshot.trust(from, to), 1e-9, what + " E");
                            assertClose(s.value(), acc.trust(from, to, asOf.toEpochMilli()), 1e-9, what + " E");
                        }
                        pairs++;
                    } else if (s.subject() instanceof Subject.PartnerSubject partner) {
                        int p = acc.indexOf(partner.partner());
                        assertClose(s.detail("r"), snapshot.partner(p).r(), 1e-9, what + " r");
                        assertClose(s.detail("s"), snapshot.partner(p).s(), 1e-9, what + " s");
                        if (s.isOk()) {
                            assertClose(s.value(), snapshot.partnerTrust(p), 1e-9, what + " E");
                            assertClose(s.value(), acc.partnerTrust(p, asOf.toEpochMilli()), 1e-9, what + " E");
                        }
                    }
                }
                assertEquals(pairs, snapshot.pairCount(), "every first-hand pair and no other");
                assertEquals(600, acc.signalCount());
            }
        }
    }

    /**
     * Hand-checked: b kept a commitment toward a at asOf (r 1) and missed a meeting one half-life earlier (s 0.5);
     * c's feedback −0.25 toward a at asOf adds s 0.25. E(a, b) = 2 / 3.5 = 0.5714285714; E(a, c) = 1 / 2.25.
     */
    @Test
    void handCheckedPair() {
        IncrementalBetaReputation acc = new IncrementalBetaReputation(ABC, 365);
        long now = AS_OF.toEpochMilli();
        acc.add(now, 1, 0, SignalKind.COMMITMENT_KEPT, 1);
        acc.add(now - 365 * DAY, 1, 0, SignalKind.MEETING_MISSED, 1);
        acc.add(now, 2, 0, SignalKind.FEEDBACK, -0.25);
        assertEquals(0.5714285714285714, acc.trust(0, 1, now), 1e-15);
        assertEquals(1 / 2.25, acc.trust(0, 2, now), 1e-15);
        assertEquals(new BetaEvidence(1, 0.5).r(), acc.pairEvidence(0, 1, now).r(), 1e-15);
        assertEquals(0.5, acc.pairEvidence(0, 1, now).s(), 1e-15);
        // A year later everything counts half.
        assertEquals(0.5, acc.pairEvidence(0, 1, now + 365 * DAY).r(), 1e-15);
        assertEquals(0.5, acc.trust(1, 0, now), "no evidence: the uniform prior");
        assertEquals(BetaEvidence.NONE, acc.pairEvidence(1, 0, now));
        assertEquals(2 / 3.5, acc.partnerTrust(1, now), 1e-15);
    }

    /** Signals toward the whole partnership feed the partner only; a single partner works. */
    @Test
    void partnershipWideSignalsAndOnePartner() {
        IncrementalBetaReputation acc = new IncrementalBetaReputation(List.of("solo"), 0);
        acc.add(new EngagementSignal(AS_OF, "solo", null, null, SignalKind.MEETING_ATTENDED));
        acc.add(new EngagementSignal(AS_OF, "solo", null, null, SignalKind.RESOURCE_SHARED, 3));
        IncrementalTrustSnapshot snapshot = acc.result(AS_OF.plus(Duration.ofDays(9999)));
        assertEquals(0, snapshot.pairCount());
        assertEquals(List.of(), snapshot.pairs());
        assertEquals(5.0 / 6.0, snapshot.partnerTrust(0), 1e-15, "no decay: r = 4");
        assertEquals(2, snapshot.partnerSignals(0));
    }

    /** An empty accumulator answers the prior at any time and gives an empty snapshot. */
    @Test
    void emptyAccumulator() {
        IncrementalBetaReputation acc = new IncrementalBetaReputation(ABC);
        assertEquals(BetaReputation.DEFAULT_HALF_LIFE_DAYS, acc.halfLifeDays());
        assertEquals(0.5, acc.trust(0, 1, Long.MIN_VALUE));
        assertEquals(0.5, acc.partnerTrust(2, 0));
        IncrementalTrustSnapshot snapshot = acc.result(AS_OF);
        assertEquals(0, snapshot.pairCount());
        assertEquals(0, snapshot.partnerSignals(1));
        assertEquals(0.5, snapshot.trust(2, 1));
        assertSame(acc, acc.merge(new IncrementalBetaReputation(ABC)));
        assertEquals(0, acc.signalCount());
    }

    /** A snapshot does not change when the accumulator does, and lists pairs by from, then to. */
    @Test
    void snapshotIsImmutableAndSorted() {
        IncrementalBetaReputation acc = new IncrementalBetaReputation(ABC, 365);
        long now = AS_OF.toEpochMilli();
        acc.add(now, 0, 2, SignalKind.COMMITMENT_KEPT, 1);
        acc.add(now, 2, 1, SignalKind.COMMITMENT_KEPT, 1);
        acc.add(now, 0, 1, SignalKind.CONFLICT, 1);
        IncrementalTrustSnapshot snapshot = acc.result(AS_OF);
        acc.add(now, 0, 2, SignalKind.CONFLICT, 5);
        List<IncrementalTrustSnapshot.PairTrust> pairs = snapshot.pairs();
        assertEquals(List.of("b:a", "b:c", "c:a"),
                pairs.stream().map(p -> p.from() + ":" + p.to()).toList());
        assertEquals(2.0 / 3.0, pairs.get(2).expectation(), 1e-15);
        assertEquals(2.0 / 3.0, snapshot.trust(2, 0), 1e-15);
        assertTrue(acc.trust(2, 0, now) < 0.3, "the accumulator moved on");
        assertThrows(UnsupportedOperationException.class, () -> pairs.add(pairs.get(0)));
    }

    /**
     * Signals long after the first (a century of hourly signals with a one-day half-life, about 140 rebases) neither
     * overflow nor drift: r is the geometric sum Σ q^k = (1 − q^n)/(1 − q), q = 2^(−1/24), within 1e-9 relative.
     */
    @Test
    void longRunsRebaseWithoutOverflow() {
        IncrementalBetaReputation acc = new IncrementalBetaReputation(List.of("a", "b"), 1);
        long hour = Duration.ofHours(1).toMillis();
        int n = 24 * 36_525;
        long t = 0;
        for (int i = 0; i < n; i++) {
            t = i * hour;
            acc.add(t, 1, 0, SignalKind.MEETING_ATTENDED, 1);
        }
        double q = Math.pow(2, -1.0 / 24);
        double expected = (1 - Math.pow(q, n)) / (1 - q);
        assertClose(expected, acc.pairEvidence(0, 1, t).r(), 1e-9, "r after a century");
        assertClose(expected, acc.result(Instant.ofEpochMilli(t)).partner(1).r(), 1e-9, "partner r");
        // A signal far older than the reference time is exact too: it has decayed to nothing.
        acc.add(0, 1, 0, SignalKind.CONFLICT, 1);
        assertEquals(0, acc.pairEvidence(0, 1, t).s());
        assertTrue(Double.isFinite(acc.pairEvidence(0, 1, t + 1000 * 365 * DAY).r()));
    }

    /**
     * A rebase keeps recent evidence exact: with a one-day half-life, signals at day 0 (the reference), day 255 and
     * day 257 (past 256 half-lives, so stored values are rebased) give r = 2^−257 + 2^−2 + 1 at day 257, and the
     * day-0 signal fed again afterwards (out of order) adds 2^−257 more.
     */
    @Test
    void rebaseKeepsRecentEvidenceExact() {
        IncrementalBetaReputation acc = new IncrementalBetaReputation(List.of("a", "b"), 1);
        acc.add(0, 1, 0, SignalKind.JOINT_ACTIVITY, 1);
        acc.add(255 * DAY, 1, 0, SignalKind.JOINT_ACTIVITY, 1);
        acc.add(257 * DAY, 1, 0, SignalKind.JOINT_ACTIVITY, 1);
        assertClose(Math.pow(2, -257) + 0.25 + 1, acc.pairEvidence(0, 1, 257 * DAY).r(), 1e-14, "r");
        assertClose(0.5 * (Math.pow(2, -257) + 0.25 + 1), acc.partnerEvidence(1, 258 * DAY).r(), 1e-14, "a day on");
        acc.add(0, 1, 0, SignalKind.JOINT_ACTIVITY, 1);
        assertClose(Math.pow(2, -256) + 0.25 + 1, acc.pairEvidence(0, 1, 257 * DAY).r(), 1e-14, "out of order");
    }

    /**
     * Random signal lists split at random points into up to six parts, each fed to its own accumulator, merged in a
     * random order and grouping, give the sequential pass within 1e-12 relative (merge is associative and
     * commutative).
     */
    @Test
    void mergedPartsEqualSequentialPass() {
        qt().withFixedSeed(53).withExamples(150)
                .forAll(longs().all(), integers().between(1, 7), integers().between(0, 120), integers().between(1, 6))
                .checkAssert((seed, partners, count, parts) -> {
                    Partnership p = SignalScenarios.random(seed, partners, count);
                    List<String> ids = ids(p);
                    Random random = new Random(seed);
                    double halfLife = new double[] {365, 3, 0}[random.nextInt(3)];
                    List<EngagementSignal> signals = p.signals();
                    IncrementalBetaReputation sequential = new IncrementalBetaReputation(ids, halfLife);
                    signals.forEach(sequential::add);

                    List<IncrementalBetaReputation> pieces = new ArrayList<>();
                    int start = 0;
                    for (int k = 0; k < parts; k++) {
                        int end = k == parts - 1 ? signals.size() : start + random.nextInt(signals.size() - start + 1);
                        IncrementalBetaReputation piece = new IncrementalBetaReputation(ids, halfLife);
                        signals.subList(start, end).forEach(piece::add);
                        pieces.add(piece);
                        start = end;
                    }
                    while (pieces.size() > 1) {
                        IncrementalBetaReputation a = pieces.remove(random.nextInt(pieces.size()));
                        IncrementalBetaReputation b = pieces.remove(random.nextInt(pieces.size()));
                        pieces.add(a.merge(b));
                    }
                    assertSameEvidence(sequential, pieces.get(0), 1e-12);
                });
    }

    /** a.merge(b) and b.merge(a) agree, whichever reference time is later. */
    @Test
    void mergeIsCommutative() {
        qt().withFixedSeed(59).withExamples(100)
                .forAll(longs().all(), integers().between(2, 6), integers().between(0, 60))
                .checkAssert((seed, partners, count) -> {
                    Partnership p = SignalScenarios.random(seed, partners, count);
                    List<String> ids = ids(p);
                    List<EngagementSignal> signals = p.signals();
                    int cut = signals.size() / 2;
                    IncrementalBetaReputation[] ab = {new IncrementalBetaReputation(ids, 30),
                            new IncrementalBetaReputation(ids, 30)};
                    IncrementalBetaReputation[] ba = {new IncrementalBetaReputation(ids, 30),
                            new IncrementalBetaReputation(ids, 30)};
                    for (IncrementalBetaReputation[] pair : List.of(ab, ba)) {
                        signals.subList(0, cut).forEach(pair[0]::add);
                        signals.subList(cut, signals.size()).forEach(pair[1]::add);
                    }
                    assertSameEvidence(ab[0].merge(ab[1]), ba[1].merge(ba[0]), 1e-15);
                });
    }

    /** A parallel stream collected with the collector equals the sequential pass. */
    @Test
    void collectorWorksOnParallelStreams() {
        Partnership p = SignalScenarios.random(7, 12, 5000);
        List<String> ids = ids(p);
        IncrementalBetaReputation parallel = p.signals().parallelStream()
                .collect(IncrementalBetaReputation.collector(ids, 90));
        IncrementalBetaReputation sequential = new IncrementalBetaReputation(ids, 90);
        p.signals().forEach(sequential::add);
        assertEquals(5000, parallel.signalCount());
        assertSameEvidence(sequential, parallel, 1e-12);
        assertThrows(IllegalArgumentException.class, () -> IncrementalBetaReputation.collector(ids, -1));
    }

    private static void assertSameEvidence(IncrementalBetaReputation expected, IncrementalBetaReputation actual,
                                           double relative) {
        assertEquals(expected.signalCount(), actual.signalCount());
        assertEquals(expected.newestMillis(), actual.newestMillis());
        IncrementalTrustSnapshot e = expected.result(SignalScenarios.AS_OF);
        IncrementalTrustSnapshot a = actual.result(SignalScenarios.AS_OF);
        assertEquals(e.pairCount(), a.pairCount());
        List<IncrementalTrustSnapshot.PairTrust> ep = e.pairs();
        List<IncrementalTrustSnapshot.PairTrust> ap = a.pairs();
        for (int i = 0; i < ep.size(); i++) {
            assertEquals(ep.get(i).from(), ap.get(i).from());
            assertEquals(ep.get(i).to(), ap.get(i).to());
            assertEquals(ep.get(i).signals(), ap.get(i).signals());
            assertClose(ep.get(i).evidence().r(), ap.get(i).evidence().r(), relative, "pair r");
            assertClose(ep.get(i).evidence().s(), ap.get(i).evidence().s(), relative, "pair s");
            assertClose(ep.get(i).expectation(), ap.get(i).expectation(), relative, "pair E");
        }
        for (int q = 0; q < e.partners().size(); q++) {
            assertEquals(e.partnerSignals(q), a.partnerSignals(q));
            assertClose(e.partner(q).r(), a.partner(q).r(), relative, "partner r");
            assertClose(e.partner(q).s(), a.partner(q).s(), relative, "partner s");
        }
    }

    /** Bad input fails with a message saying what, and adds nothing. */
    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> new IncrementalBetaReputation(null, 1));
        assertThrows(IllegalArgumentException.class, () -> new IncrementalBetaReputation(List.of(), 1));
        assertThrows(IllegalArgumentException.class, () -> new IncrementalBetaReputation(List.of("a", "a"), 1));
        assertThrows(IllegalArgumentException.class,
                () -> new IncrementalBetaReputation(java.util.Arrays.asList("a", null), 1));
        assertThrows(IllegalArgumentException.class, () -> new IncrementalBetaReputation(ABC, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new IncrementalBetaReputation(ABC, 36_501));

        IncrementalBetaReputation acc = new IncrementalBetaReputation(ABC, 365);
        long now = AS_OF.toEpochMilli();
        assertThrows(IllegalArgumentException.class, () -> acc.add(now, 3, 0, SignalKind.CONFLICT, 1));
        assertThrows(IllegalArgumentException.class, () -> acc.add(now, -1, 0, SignalKind.CONFLICT, 1));
        assertThrows(IllegalArgumentException.class, () -> acc.add(now, 0, -2, SignalKind.CONFLICT, 1));
        IllegalArgumentException self = assertThrows(IllegalArgumentException.class,
                () -> acc.add(now, 1, 1, SignalKind.CONFLICT, 1));
        assertTrue(self.getMessage().contains("differ"), self.getMessage());
        assertThrows(IllegalArgumentException.class, () -> acc.add(now, 0, 1, null, 1));
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
                () -> acc.add(now, 0, 1, SignalKind.FEEDBACK, 1.5));
        assertTrue(value.getMessage().contains("FEEDBACK"), value.getMessage());
        assertThrows(IllegalArgumentException.class, () -> acc.add(now, 0, 1, SignalKind.CONFLICT, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> acc.add(now, 0, 1, SignalKind.CONFLICT, -1));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> acc.add(new EngagementSignal(AS_OF, "zed", "a", null, SignalKind.CONFLICT)));
        assertTrue(unknown.getMessage().contains("'zed'"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> acc.add(null));
        assertEquals(0, acc.signalCount(), "nothing was added");

        acc.add(now, 0, 1, SignalKind.CONFLICT, 1);
        IllegalArgumentException early = assertThrows(IllegalArgumentException.class,
                () -> acc.trust(1, 0, now - 1));
        assertTrue(early.getMessage().contains("precedes"), early.getMessage());
        assertThrows(IllegalArgumentException.class, () -> acc.result(AS_OF.minusMillis(1)));
        assertThrows(IllegalArgumentException.class, () -> acc.result(null));
        assertThrows(IllegalArgumentException.class, () -> acc.trust(0, 3, now));
        assertThrows(IllegalArgumentException.class, () -> acc.partnerTrust(-1, now));
        assertThrows(IllegalArgumentException.class, () -> acc.result(AS_OF).pair(0, 5));
        assertThrows(IllegalArgumentException.class, () -> acc.merge(acc));
        assertThrows(IllegalArgumentException.class, () -> acc.merge(null));
        assertThrows(IllegalArgumentException.class, () -> acc.merge(new IncrementalBetaReputation(ABC, 30)));
        assertThrows(IllegalArgumentException.class,
                () -> acc.merge(new IncrementalBetaReputation(List.of("a", "c", "b"), 365)));
        assertEquals(1, acc.signalCount());
    }
}
