package dev.partnership.metrics.trust;

import dev.partnership.EngagementSignal;
import dev.partnership.Partner;
import dev.partnership.PartnerType;
import dev.partnership.Partnership;
import dev.partnership.SignalKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random partnerships of engagement signals from a seed, for the property tests of the trust strategies: partners
 * {@code p0 … p(n−1)}, signals of every kind (FEEDBACK with a signed value, other kinds weighing 0, 0.5, 1 or 2)
 * within two years before {@link #AS_OF}, about one in eight toward the whole partnership. Sparse scenarios leave
 * pairs without dealings, which exercises derivation and unknown pairs.
 */
final class SignalScenarios {
    /** The evaluation time of every scenario. */
    static final Instant AS_OF = Instant.parse("2025-01-01T00:00:00Z");

    private static final SignalKind[] KINDS = SignalKind.values();
    private static final double[] VALUES = {0, 0.5, 1, 2};

    private SignalScenarios() {
    }

    /**
     * Builds a scenario.
     *
     * @param seed     the seed
     * @param partners number of partners, at least 1
     * @param signals  number of signals
     * @return the partnership
     */
    static Partnership random(long seed, int partners, int signals) {
        SplittableRandom random = new SplittableRandom(seed);
        Partnership.Builder b = Partnership.builder("scenario", "Scenario", AS_OF.minus(Duration.ofDays(1095)));
        for (int p = 0; p < partners; p++) {
            b.partner(new Partner(id(p), "Partner " + p, PartnerType.NONPROFIT));
        }
        for (int i = 0; i < signals; i++) {
            int source = random.nextInt(partners);
            int target = random.nextInt(8) == 0 ? -1 : random.nextInt(partners);
            String targetId = target < 0 || target == source ? null : id(target);
            Instant at = AS_OF.minus(Duration.ofHours(random.nextInt(24 * 730)));
            SignalKind kind = KINDS[random.nextInt(KINDS.length)];
            double value = kind == SignalKind.FEEDBACK
                    ? Math.round((random.nextDouble() * 2 - 1) * 100) / 100.0
                    : VALUES[random.nextInt(VALUES.length)];
            b.signal(new EngagementSignal(at, id(source), targetId, null, kind, value));
        }
        return b.build();
    }

    /**
     * Returns the id of partner {@code p}.
     *
     * @param p partner number
     * @return {@code "p" + p}
     */
    static String id(int p) {
        return "p" + p;
    }

    /**
     * A scenario with one more signal, and the pair it is evidence about.
     *
     * @param from        the partner the signal was sent toward (who trusts)
     * @param to          the partner who sent it (who is trusted)
     * @param partnership the scenario with the signal added
     */
    record Addition(String from, String to, Partnership partnership) {
    }

    /**
     * Adds one signal of the given kind between two distinct partners drawn from the seed, at a random time in the
     * two years before {@link #AS_OF}, with a value in [0.5, 1.5).
     *
     * @param p        the scenario, of at least two partners
     * @param seed     the seed
     * @param partners the number of partners of the scenario
     * @param kind     the kind of the added signal
     * @return the scenario with the signal and the pair it is about
     */
    static Addition withOneMore(Partnership p, long seed, int partners, SignalKind kind) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        int from = random.nextInt(partners);
        int to = (from + 1 + random.nextInt(partners - 1)) % partners;
        EngagementSignal extra = new EngagementSignal(AS_OF.minus(Duration.ofHours(random.nextInt(24 * 730))), id(to),
                id(from), null, kind, 0.5 + random.nextDouble());
        List<EngagementSignal> signals = new ArrayList<>(p.signals());
        signals.add(extra);
        return new Addition(id(from), id(to), new Partnership(p.id(), p.name(), p.start(), p.partners(), p.goals(),
                p.priorities(), signals, p.ratings(), p.surveys(), p.measurements(), p.instruments()));
    }
}
