package dev.partnership;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One observation of a goal's indicator for the partnership group or a comparison group.
 *
 * <p>A measurement carries summary statistics ({@code mean} with {@code sd} and {@code n}, or {@code se}) and
 * optionally the unit-level {@code values} behind them (needed by bootstrap intervals). Optional components are
 * {@code null} when absent; {@code values} is empty when absent. Immutable and thread-safe.
 *
 * @param goal   id of the goal whose indicator was measured
 * @param at     when the measurement applies
 * @param group  whose outcome it is
 * @param mean   observed mean (or the single observed value); finite
 * @param sd     standard deviation of the unit values, {@code >= 0}, or {@code null}
 * @param n      number of units, {@code >= 1}, or {@code null}; equals {@code values.size()} when both are given
 * @param se     standard error of the mean, {@code >= 0}, or {@code null}
 * @param values unit-level values, all finite, possibly empty
 */
public record Measurement(String goal, Instant at, MeasurementGroup group, double mean, Double sd, Integer n,
                          Double se, List<Double> values) {

    /** Validates and copies the components; see the record description for the rules. */
    public Measurement {
        goal = Identifiers.requireId(goal, "measurement goal");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(group, "group");
        Identifiers.requireFinite(mean, "mean");
        if (sd != null && !(Double.isFinite(sd) && sd >= 0)) {
            throw new IllegalArgumentException("sd must be a finite number >= 0, was " + sd);
        }
        if (se != null && !(Double.isFinite(se) && se >= 0)) {
            throw new IllegalArgumentException("se must be a finite number >= 0, was " + se);
        }
        if (n != null && n < 1) {
            throw new IllegalArgumentException("n must be >= 1, was " + n);
        }
        values = List.copyOf(values);
        for (int i = 0; i < values.size(); i++) {
            if (!Double.isFinite(values.get(i))) {
                throw new IllegalArgumentException("values[" + i + "] must be finite, was " + values.get(i));
            }
        }
        if (n != null && !values.isEmpty() && n != values.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "n (%d) must equal the number of values (%d)", n, values.size()));
        }
    }

    /**
     * Creates a measurement from a mean, a standard deviation and a count.
     *
     * @param goal  goal id
     * @param at    when
     * @param group whose outcome
     * @param mean  mean
     * @param sd    standard deviation
     * @param n     number of units
     * @return the measurement
     */
    public static Measurement ofSummary(String goal, Instant at, MeasurementGroup group, double mean, double sd, int n) {
        return new Measurement(goal, at, group, mean, sd, n, null, List.of());
    }

    /**
     * Returns the number of units behind the mean: {@code n}, else the number of {@code values}, else 0 when
     * neither is known.
     *
     * @return the unit count, or 0 when unknown
     */
    public int count() {
        if (n != null) {
            return n;
        }
        return values.size();
    }

    /**
     * Returns the standard error of the mean: {@code se} when given; else {@code sd / sqrt(n)}; else the sample
     * standard deviation of {@code values} (denominator {@code n − 1}) over {@code sqrt(n)} when there are at
     * least two values; else {@code NaN}, meaning unknown. Cost O(values) in the last case.
     *
     * @return the standard error, or {@code NaN} when it cannot be known
     */
    public double standardError() {
        if (se != null) {
            return se;
        }
        int count = count();
        if (sd != null && count >= 1) {
            return sd / Math.sqrt(count);
        }
        if (values.size() >= 2) {
            double m = 0;
            for (double v : values) {
                m += v;
            }
            m /= values.size();
            double ss = 0;
            for (double v : values) {
                ss += (v - m) * (v - m);
            }
            return Math.sqrt(ss / (values.size() - 1)) / Math.sqrt(values.size());
        }
        return Double.NaN;
    }
}
