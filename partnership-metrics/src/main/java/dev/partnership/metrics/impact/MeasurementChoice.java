package dev.partnership.metrics.impact;

import dev.partnership.Measurement;
import dev.partnership.MeasurementGroup;
import dev.partnership.Warning;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which measurement of a goal an impact strategy reads, so that the strategies read the same value: the latest of a
 * group within a window, and among several at that instant the one with the most units, then the smallest standard
 * error (unknown last), then the smallest mean. Cost O(M) for M measurements.
 */
final class MeasurementChoice {
    private MeasurementChoice() {
    }

    /**
     * Returns the latest measurement of {@code group} that {@code window} accepts, by the rule in the class
     * description, with an {@code EXCLUDED_INPUT} warning when several stood at that instant.
     *
     * @param strategy     the strategy raising the warning
     * @param goal         the goal id, for the warning
     * @param measurements the goal's measurements
     * @param group        the group
     * @param window       which measurements qualify (for example those before the partnership's start)
     * @param warnings     receives the warning
     * @return the measurement, or {@code null} when none qualifies
     */
    static Measurement latest(String strategy, String goal, List<Measurement> measurements, MeasurementGroup group,
                              Predicate<Measurement> window, List<Warning> warnings) {
        Measurement best = null;
        int atLatest = 0;
        for (Measurement m : measurements) {
            if (m.group() != group || !window.test(m)) {
                continue;
            }
            if (best == null || m.at().isAfter(best.at())) {
                best = m;
                atLatest = 1;
            } else if (m.at().equals(best.at())) {
                atLatest++;
                if (preferred(m, best)) {
                    best = m;
                }
            }
        }
        if (atLatest > 1) {
            warnings.add(new Warning(Warning.EXCLUDED_INPUT, strategy, String.format(Locale.ROOT,
                    "goal %s has %d %s measurements at %s; used the one with the most units and the smallest "
                            + "standard error", goal, atLatest, group.name().toLowerCase(Locale.ROOT), best.at())));
        }
        return best;
    }

    private static boolean preferred(Measurement a, Measurement b) {
        if (a.count() != b.count()) {
            return a.count() > b.count();
        }
        double seA = a.standardError();
        double seB = b.standardError();
        if (Double.isNaN(seA) != Double.isNaN(seB)) {
            return Double.isNaN(seB);
        }
        if (!Double.isNaN(seA) && seA != seB) {
            return seA < seB;
        }
        return a.mean() < b.mean();
    }
}
