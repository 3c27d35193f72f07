package dev.partnership;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One score produced by one strategy about one subject.
 *
 * <p>{@code value} is the strategy's natural statistic (the expectation E for beta reputation, W for Kendall's
 * concordance, a share of distance covered for target attainment); {@code normalized} maps it into [0, 1] where
 * such a mapping is meaningful, for dimension summaries and the composite index. {@code details} holds the named
 * intermediate figures in the order the strategy added them.
 *
 * <p>Absent numbers are {@code NaN}: {@code value}, {@code normalized} and {@code n} are {@code NaN} unless
 * given, and {@code value} is finite exactly when the status is {@link ScoreStatus#OK}. A
 * {@link ScoreStatus#SUPPRESSED} score carries no {@code n} either: the exact size of a cell below the privacy
 * threshold is itself withheld. Detail values may be
 * finite numbers, strings, booleans, and lists or string-keyed maps of those.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder(String, Dimension, Subject)}.
 *
 * @param strategy           id of the strategy that produced it
 * @param dimension          the strategy's dimension
 * @param subject            what the score is about
 * @param status             whether it carries a value
 * @param value              the natural statistic, finite when {@code OK}, else {@code NaN}
 * @param normalized         the value mapped into [0, 1], or {@code NaN}
 * @param interval           interval for {@code value}, or {@code null}
 * @param normalizedInterval interval for {@code normalized} within [0, 1], or {@code null}
 * @param n                  the amount of evidence behind the score (count or weight), or {@code NaN}
 * @param band               a qualitative band label, or {@code null}
 * @param explanation        one sentence saying what the score means for this subject, or {@code null}
 * @param details            named intermediate figures
 */
public record Score(String strategy, Dimension dimension, Subject subject, ScoreStatus status, double value,
                    double normalized, Interval interval, Interval normalizedInterval, double n, String band,
                    String explanation, Map<String, Object> details) {

    /** Validates and copies the components; see the record description for the rules. */
    public Score {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(status, "status");
        if (status == ScoreStatus.OK) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "score %s/%s has status OK but value %s", strategy, subject, value));
            }
        } else {
            value = Double.NaN;
            normalized = Double.NaN;
            interval = null;
            normalizedInterval = null;
            band = null;
            if (status == ScoreStatus.SUPPRESSED) {
                // The exact size of a cell below the privacy threshold could help identify its members.
                n = Double.NaN;
            }
        }
        if (!Double.isNaN(normalized) && !(normalized >= 0 && normalized <= 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "score %s/%s normalized value %s is outside [0, 1]", strategy, subject, normalized));
        }
        if (normalizedInterval != null && (normalizedInterval.low() < 0 || normalizedInterval.high() > 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "score %s/%s normalized interval %s is outside [0, 1]", strategy, subject, normalizedInterval));
        }
        if (!Double.isNaN(n) && !(n >= 0 && Double.isFinite(n))) {
            throw new IllegalArgumentException("score n must be finite and >= 0, was " + n);
        }
        details = copyDetails(Objects.requireNonNull(details, "details"), "details");
    }

    /**
     * Returns whether the score carries a value.
     *
     * @return {@code true} when the status is {@link ScoreStatus#OK}
     */
    public boolean isOk() {
        return status == ScoreStatus.OK;
    }

    /**
     * Returns a numeric detail.
     *
     * @param name detail name
     * @return the detail's value, or {@code NaN} when absent or not a number
     */
    public double detail(String name) {
        Object v = details.get(name);
        return v instanceof Number ? ((Number) v).doubleValue() : Double.NaN;
    }

    private static Map<String, Object> copyDetails(Map<String, ?> in, String path) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : in.entrySet()) {
            Objects.requireNonNull(e.getKey(), () -> path + " key");
            out.put(e.getKey(), copyDetail(e.getValue(), path + "." + e.getKey()));
        }
        return Collections.unmodifiableMap(out);
    }

    @SuppressWarnings("unchecked")
    private static Object copyDetail(Object v, String path) {
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException(path + " must be finite, was " + d);
            }
            return d;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (v instanceof List) {
            List<Object> out = new ArrayList<>();
            int i = 0;
            for (Object o : (List<Object>) v) {
                out.add(copyDetail(o, path + "[" + i++ + "]"));
            }
            return Collections.unmodifiableList(out);
        }
        if (v instanceof Map) {
            return copyDetails((Map<String, ?>) v, path);
        }
        throw new IllegalArgumentException(path + " has unsupported type "
                + (v == null ? "null" : v.getClass().getName()));
    }

    /**
     * Starts a score.
     *
     * @param strategy  strategy id
     * @param dimension dimension
     * @param subject   subject
     * @return a builder; status {@code OK} once a value is set, {@code INSUFFICIENT_EVIDENCE} otherwise
     */
    public static Builder builder(String strategy, Dimension dimension, Subject subject) {
        return new Builder(strategy, dimension, subject);
    }

    /**
     * Builds a {@link Score}. Not thread-safe. Setting a value sets the status to {@code OK} unless another
     * status was set explicitly.
     */
    public static final class Builder {
        private final String strategy;
        private final Dimension dimension;
        private final Subject subject;
        private ScoreStatus status;
        private double value = Double.NaN;
        private double normalized = Double.NaN;
        private Interval interval;
        private Interval normalizedInterval;
        private double n = Double.NaN;
        private String band;
        private String explanation;
        private final Map<String, Object> details = new LinkedHashMap<>();

        private Builder(String strategy, Dimension dimension, Subject subject) {
            this.strategy = strategy;
            this.dimension = dimension;
            this.subject = subject;
        }

        /**
         * Sets the natural statistic.
         *
         * @param v the value
         * @return this builder
         */
        public Builder value(double v) {
            this.value = v;
            return this;
        }

        /**
         * Sets the value mapped into [0, 1].
         *
         * @param v the normalized value
         * @return this builder
         */
        public Builder normalized(double v) {
            this.normalized = v;
            return this;
        }

        /**
         * Sets the interval for the value.
         *
         * @param i the interval, or {@code null}
         * @return this builder
         */
        public Builder interval(Interval i) {
            this.interval = i;
            return this;
        }

        /**
         * Sets the interval for the normalized value.
         *
         * @param i the interval within [0, 1], or {@code null}
         * @return this builder
         */
        public Builder normalizedInterval(Interval i) {
            this.normalizedInterval = i;
            return this;
        }

        /**
         * Sets the amount of evidence behind the score.
         *
         * @param count a count or a total weight
         * @return this builder
         */
        public Builder n(double count) {
            this.n = count;
            return this;
        }

        /**
         * Sets the band label.
         *
         * @param label the band, or {@code null}
         * @return this builder
         */
        public Builder band(String label) {
            this.band = label;
            return this;
        }

        /**
         * Sets the one-sentence explanation.
         *
         * @param text the explanation
         * @return this builder
         */
        public Builder explanation(String text) {
            this.explanation = text;
            return this;
        }

        /**
         * Adds a named detail.
         *
         * @param name  detail name
         * @param value a finite number, string, boolean, or a list or map of those
         * @return this builder
         */
        public Builder detail(String name, Object value) {
            details.put(Objects.requireNonNull(name, "name"), value);
            return this;
        }

        /**
         * Marks the score as lacking evidence and records why in the detail {@code reason}.
         *
         * @param reason why there is no value, in words
         * @return this builder
         */
        public Builder insufficient(String reason) {
            this.status = ScoreStatus.INSUFFICIENT_EVIDENCE;
            details.put("reason", Objects.requireNonNull(reason, "reason"));
            return this;
        }

        /**
         * Sets the status explicitly.
         *
         * @param s the status
         * @return this builder
         */
        public Builder status(ScoreStatus s) {
            this.status = Objects.requireNonNull(s, "status");
            return this;
        }

        /**
         * Builds the score.
         *
         * @return the score
         * @throws IllegalArgumentException when a component breaks the rules of {@link Score}
         */
        public Score build() {
            ScoreStatus s = status != null ? status : (Double.isNaN(value) ? ScoreStatus.INSUFFICIENT_EVIDENCE : ScoreStatus.OK);
            return new Score(strategy, dimension, subject, s, value, normalized, interval, normalizedInterval, n,
                    band, explanation, details);
        }
    }
}
