package dev.partnership.jmh;

import dev.partnership.EngagementSignal;
import dev.partnership.Partner;
import dev.partnership.PartnerType;
import dev.partnership.Partnership;
import dev.partnership.SignalKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A seeded synthetic partnership for benchmarks: {@code partners} partners and {@code signals} engagement signals
 * spread uniformly over three years, 10% of them toward the whole partnership, kinds drawn with realistic
 * frequencies. The same arguments always give the same partnership.
 */
public final class SignalWorkload {
    /** Start of the synthetic partnership. */
    public static final Instant START = Instant.parse("2023-09-01T00:00:00Z");
    /** End of the evidence, used as {@code asOf}. */
    public static final Instant END = Instant.parse("2026-08-31T00:00:00Z");

    private static final SignalKind[] KINDS = {
        SignalKind.MEETING_ATTENDED, SignalKind.MEETING_ATTENDED, SignalKind.MEETING_ATTENDED,
        SignalKind.COMMITMENT_KEPT, SignalKind.COMMITMENT_KEPT, SignalKind.INFORMATION_SHARED,
        SignalKind.REQUEST_ANSWERED, SignalKind.JOINT_ACTIVITY, SignalKind.RESOURCE_SHARED,
        SignalKind.MEETING_MISSED, SignalKind.COMMITMENT_BROKEN, SignalKind.REQUEST_IGNORED,
        SignalKind.CONFLICT, SignalKind.CONFLICT_RESOLVED, SignalKind.FEEDBACK,
    };

    private SignalWorkload() {
    }

    /**
     * Builds the workload. Cost O(signals).
     *
     * @param partners number of partners, at least 2
     * @param signals  number of signals
     * @param seed     random seed
     * @return the partnership
     */
    public static Partnership partnership(int partners, int signals, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Partnership.Builder b = Partnership.builder("bench", "Benchmark partnership", START);
        PartnerType[] types = PartnerType.values();
        for (int p = 0; p < partners; p++) {
            b.partner(new Partner(id(p), "Partner " + p, types[p % types.length]));
        }
        long span = END.toEpochMilli() - START.toEpochMilli();
        List<EngagementSignal> list = new ArrayList<>(signals);
        for (int i = 0; i < signals; i++) {
            Instant at = Instant.ofEpochMilli(START.toEpochMilli() + random.nextLong(span));
            int source = random.nextInt(partners);
            String target = null;
            if (random.nextInt(10) != 0) {
                int t = random.nextInt(partners - 1);
                target = id(t >= source ? t + 1 : t);
            }
            SignalKind kind = KINDS[random.nextInt(KINDS.length)];
            double value;
            if (kind == SignalKind.FEEDBACK) {
                value = random.nextDouble() * 2 - 1;
            } else if (kind == SignalKind.RESOURCE_SHARED) {
                value = 1 + random.nextInt(5);
            } else {
                value = 1;
            }
            list.add(new EngagementSignal(at, id(source), target, null, kind, value));
        }
        return b.signals(list).build();
    }

    private static String id(int p) {
        return String.format(Locale.ROOT, "p%03d", p);
    }
}
