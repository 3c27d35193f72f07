package dev.partnership;

import dev.partnership.internal.NormalQuantile;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The summary of one dimension: the mean of the normalized partnership-level scores of the dimension's
 * strategies, with an interval.
 *
 * <p>Rule: with k contributing scores whose normalized intervals are taken as normal at the evaluation's level
 * (standard error {@code se_i = width_i / (2 z)}), the summary is {@code mean = Σ x_i / k} with standard error
 * {@code sqrt(Σ se_i²) / k} (independent components), clipped to [0, 1]. A single contributor's interval is
 * taken as it is (so an asymmetric interval stays asymmetric). When any contributor has no interval, the summary
 * has none. Immutable and thread-safe.
 *
 * @param value      the summary value in [0, 1]
 * @param interval   its interval, or {@code null}
 * @param strategies ids of the strategies that contributed
 */
public record DimensionSummary(double value, Interval interval, List<String> strategies) {

    /** Validates and copies the components. */
    public DimensionSummary {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("summary value must lie in [0, 1], was " + value);
        }
        strategies = List.copyOf(Objects.requireNonNull(strategies, "strategies"));
    }

    /**
     * Combines the partnership-level scores of one dimension by the rule in the class description. Scores that
     * are not {@code OK}, not about the whole partnership, or have no normalized value are ignored. Cost O(k).
     *
     * @param scores the dimension's scores (any subjects)
     * @param level  the interval level
     * @return the summary, or empty when no score qualifies
     */
    public static Optional<DimensionSummary> combine(List<Score> scores, double level) {
        double sum = 0;
        double varSum = 0;
        Interval single = null;
        boolean allIntervals = true;
        List<String> ids = new ArrayList<>();
        double z = NormalQuantile.twoSided(level);
        for (Score s : scores) {
            if (!s.isOk() || s.subject().kind() != Subject.Kind.PARTNERSHIP || Double.isNaN(s.normalized())) {
                continue;
            }
            sum += s.normalized();
            ids.add(s.strategy());
            Interval ni = s.normalizedInterval();
            single = ni;
            if (ni == null) {
                allIntervals = false;
            } else {
                double se = ni.width() / (2 * z);
                varSum += se * se;
            }
        }
        int k = ids.size();
        if (k == 0) {
            return Optional.empty();
        }
        double mean = Math.min(1, Math.max(0, sum / k));
        Interval interval = null;
        if (k == 1 && single != null) {
            interval = new Interval(single.low(), single.high(), level);
        } else if (allIntervals) {
            double half = z * Math.sqrt(varSum) / k;
            interval = new Interval(Math.max(0, mean - half), Math.min(1, mean + half), level);
        }
        return Optional.of(new DimensionSummary(mean, interval, ids));
    }
}
