package dev.partnership;

import dev.partnership.internal.NormalQuantile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One partnership evaluated at several {@code asOf} dates, and how every score and dimension summary changed from
 * each date to the next. Built by {@link Evaluator#evaluateTrend(Partnership, List)} or from evaluations made
 * elsewhere with {@link #of(List)}.
 *
 * <p><b>Change rule.</b> For consecutive dates t₀ &lt; t₁ and a score with the same strategy and subject that is
 * {@code OK} at both, the change is {@code Δ = value(t₁) − value(t₀)}. When both values have intervals at level
 * L, each is read as a normal interval ({@code se = width / 2z}, z the two-sided normal quantile of L) and the
 * change gets {@code Δ ± z·sqrt(se₀² + se₁²)} at level L. The two evaluations share the evidence up to t₀, so
 * their errors are positively correlated and the true standard error of Δ is smaller: the interval is
 * conservative. A dimension summary's change follows the same rule with its {@code value} and interval. Scores
 * not {@code OK} at either date have no change; survey scores change between survey waves inside one evaluation
 * (see the {@code collaboration-factors} strategy), since survey responses carry waves rather than timestamps.
 *
 * <p>Immutable and thread-safe.
 *
 * @param partnership the partnership id
 * @param evaluations its evaluations, in strictly increasing {@code asOf} order
 * @param changes     score changes between consecutive dates (in date order, then in the later evaluation's
 *                    score order), followed by each date's summary changes in {@link Dimension} order
 */
public record Trend(String partnership, List<Evaluation> evaluations, List<Change> changes) {

    /**
     * How one score or one dimension summary changed between two consecutive dates.
     *
     * @param strategy  the strategy id, or {@code null} for a dimension summary
     * @param dimension the dimension
     * @param subject   the score's subject ({@link Subject#partnership()} for a summary)
     * @param from      the earlier date
     * @param to        the later date
     * @param before    the value at {@code from}
     * @param after     the value at {@code to}
     * @param interval  the interval of {@code after − before}, or {@code null} when either value has none
     */
    public record Change(String strategy, Dimension dimension, Subject subject, Instant from, Instant to,
                         double before, double after, Interval interval) {

        /** Validates the components. */
        public Change {
            Objects.requireNonNull(dimension, "dimension");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("change must run forward in time: " + from + " to " + to);
            }
            if (!Double.isFinite(before) || !Double.isFinite(after)) {
                throw new IllegalArgumentException("change values must be finite: " + before + " to " + after);
            }
        }

        /**
         * Returns the change, {@code after − before}.
         *
         * @return the change
         */
        public double difference() {
            return after - before;
        }

        /**
         * Returns whether this is the change of a dimension summary rather than of one score.
         *
         * @return {@code true} for a summary
         */
        public boolean isSummary() {
            return strategy == null;
        }
    }

    /** Validates and copies the components. */
    public Trend {
        Objects.requireNonNull(partnership, "partnership");
        evaluations = List.copyOf(evaluations);
        changes = List.copyOf(changes);
        if (evaluations.isEmpty()) {
            throw new IllegalArgumentException("a trend needs at least one evaluation");
        }
        for (int i = 0; i < evaluations.size(); i++) {
            Evaluation e = evaluations.get(i);
            if (!e.partnership().equals(partnership)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "evaluation %d is of partnership '%s', not '%s'", i, e.partnership(), partnership));
            }
            if (i > 0 && !evaluations.get(i - 1).asOf().isBefore(e.asOf())) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "asOf dates must increase strictly: %s is followed by %s", evaluations.get(i - 1).asOf(),
                        e.asOf()));
            }
        }
    }

    /**
     * Builds the trend of evaluations of one partnership, computing the changes by the rule in the class
     * description. Cost O(total scores).
     *
     * @param evaluations the evaluations, in strictly increasing {@code asOf} order
     * @return the trend
     * @throws IllegalArgumentException when the list is empty, mixes partnerships, or its dates do not increase
     */
    public static Trend of(List<Evaluation> evaluations) {
        if (evaluations.isEmpty()) {
            throw new IllegalArgumentException("a trend needs at least one evaluation");
        }
        List<Change> changes = new ArrayList<>();
        for (int i = 1; i < evaluations.size(); i++) {
            Evaluation a = evaluations.get(i - 1);
            Evaluation b = evaluations.get(i);
            if (!a.asOf().isBefore(b.asOf())) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "asOf dates must increase strictly: %s is followed by %s", a.asOf(), b.asOf()));
            }
            Map<String, Score> earlier = new LinkedHashMap<>();
            for (Score s : a.scores()) {
                if (s.isOk()) {
                    earlier.put(key(s), s);
                }
            }
            for (Score s : b.scores()) {
                Score before = s.isOk() ? earlier.get(key(s)) : null;
                if (before != null) {
                    changes.add(new Change(s.strategy(), s.dimension(), s.subject(), a.asOf(), b.asOf(),
                            before.value(), s.value(), differenceInterval(s.value() - before.value(), before.interval(),
                            s.interval())));
                }
            }
            for (Dimension d : Dimension.values()) {
                DimensionSummary x = a.summary().get(d);
                DimensionSummary y = b.summary().get(d);
                if (x != null && y != null) {
                    changes.add(new Change(null, d, Subject.partnership(), a.asOf(), b.asOf(), x.value(), y.value(),
                            differenceInterval(y.value() - x.value(), x.interval(), y.interval())));
                }
            }
        }
        return new Trend(evaluations.get(0).partnership(), evaluations, changes);
    }

    /**
     * Returns the changes of one strategy's score about one subject, in date order.
     *
     * @param strategyId the strategy id
     * @param subject    the subject
     * @return the changes
     */
    public List<Change> changes(String strategyId, Subject subject) {
        return changes.stream().filter(c -> strategyId.equals(c.strategy()) && c.subject().equals(subject)).toList();
    }

    /**
     * Returns the changes of one dimension's summary, in date order.
     *
     * @param dimension the dimension
     * @return the changes
     */
    public List<Change> summaryChanges(Dimension dimension) {
        return changes.stream().filter(c -> c.isSummary() && c.dimension() == dimension).toList();
    }

    /**
     * Returns the {@code asOf} dates, in order.
     *
     * @return the dates
     */
    public List<Instant> dates() {
        return evaluations.stream().map(Evaluation::asOf).toList();
    }

    private static String key(Score s) {
        return s.strategy() + '\u0000' + s.subject();
    }

    private static Interval differenceInterval(double centre, Interval a, Interval b) {
        if (a == null || b == null || a.level() != b.level()) {
            return null;
        }
        double z = NormalQuantile.twoSided(a.level());
        double seA = a.width() / (2 * z);
        double seB = b.width() / (2 * z);
        double half = z * Math.sqrt(seA * seA + seB * seB);
        return new Interval(centre - half, centre + half, a.level());
    }
}
