package dev.partnership.jmh;

import dev.partnership.EngagementSignal;
import dev.partnership.SignalKind;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * The baseline for {@link BetaReputationBenchmark}: beta reputation written the straightforward way, over a list
 * of signal objects, grouped with streams into hash maps keyed by strings, decay computed from
 * {@link Duration}s. It computes what the strategy computes (per pair and per partner r, s, E and the Beta
 * credible interval) so that the comparison is like for like; {@code NaiveBetaReputationTest} checks the two
 * agree.
 */
public final class NaiveBetaReputation {
    private NaiveBetaReputation() {
    }

    /**
     * Per-key evidence and its score.
     *
     * @param r    positive evidence
     * @param s    negative evidence
     * @param n    number of signals
     * @param e    expectation (r+1)/(r+s+2)
     * @param low  lower credible bound
     * @param high upper credible bound
     */
    public record Entry(double r, double s, long n, double e, double low, double high) {
    }

    /**
     * Scores every pair ({@code "from->to"}, from = target, to = source) and every partner.
     *
     * @param signals      the signals
     * @param asOf         evaluation time
     * @param halfLifeDays decay half-life in days (0 = none)
     * @param level        credible level
     * @return pair and partner keys to their entries
     */
    public static Map<String, Entry> score(List<EngagementSignal> signals, Instant asOf, double halfLifeDays,
                                           double level) {
        Map<String, List<EngagementSignal>> byPair = signals.stream()
                .filter(s -> !s.at().isAfter(asOf) && s.target() != null)
                .collect(Collectors.groupingBy(s -> s.target() + "->" + s.source(), HashMap::new, Collectors.toList()));
        Map<String, List<EngagementSignal>> byPartner = signals.stream()
                .filter(s -> !s.at().isAfter(asOf))
                .collect(Collectors.groupingBy(EngagementSignal::source, HashMap::new, Collectors.toList()));
        Map<String, Entry> out = new HashMap<>();
        byPair.forEach((k, list) -> out.put(k, entry(list, asOf, halfLifeDays, level)));
        byPartner.forEach((k, list) -> out.put(k, entry(list, asOf, halfLifeDays, level)));
        return out;
    }

    private static Entry entry(List<EngagementSignal> list, Instant asOf, double halfLifeDays, double level) {
        double r = list.stream().mapToDouble(s -> positive(s) * decay(s, asOf, halfLifeDays)).sum();
        double s = list.stream().mapToDouble(x -> negative(x) * decay(x, asOf, halfLifeDays)).sum();
        BetaDistribution beta = new BetaDistribution(r + 1, s + 1);
        double tail = (1 - level) / 2;
        return new Entry(r, s, list.size(), (r + 1) / (r + s + 2), beta.inverseCumulativeProbability(tail),
                beta.inverseCumulativeProbability(1 - tail));
    }

    private static double decay(EngagementSignal s, Instant asOf, double halfLifeDays) {
        if (halfLifeDays == 0) {
            return 1;
        }
        double days = Duration.between(s.at(), asOf).toMillis() / 86_400_000.0;
        return Math.pow(0.5, days / halfLifeDays);
    }

    private static double positive(EngagementSignal s) {
        if (s.kind().polarity() == SignalKind.Polarity.POSITIVE) {
            return s.value();
        }
        return s.kind() == SignalKind.FEEDBACK && s.value() > 0 ? s.value() : 0;
    }

    private static double negative(EngagementSignal s) {
        if (s.kind().polarity() == SignalKind.Polarity.NEGATIVE) {
            return s.value();
        }
        return s.kind() == SignalKind.FEEDBACK && s.value() < 0 ? -s.value() : 0;
    }
}
