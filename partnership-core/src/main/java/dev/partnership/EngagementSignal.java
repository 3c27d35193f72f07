package dev.partnership;

import java.time.Instant;
import java.util.Objects;

/**
 * Something {@code source} did toward {@code target}, or toward the whole partnership when {@code target} is
 * {@code null}. It is evidence about the source's trustworthiness as seen by the target.
 *
 * <p>Immutable and thread-safe.
 *
 * @param at     when it happened
 * @param source id of the partner who acted
 * @param target id of the partner acted toward, or {@code null} for the whole partnership; never equal to
 *               {@code source}
 * @param goal   id of the goal it served, or {@code null}
 * @param kind   what happened
 * @param value  weight of the evidence (1 for one occurrence; an amount for {@link SignalKind#RESOURCE_SHARED});
 *               see {@link SignalKind#accepts(double)}
 */
public record EngagementSignal(Instant at, String source, String target, String goal, SignalKind kind, double value) {

    /** Validates the components; see the record description for the rules. */
    public EngagementSignal {
        Objects.requireNonNull(at, "at");
        source = Identifiers.requireId(source, "signal source");
        if (target != null) {
            Identifiers.requireId(target, "signal target");
            if (target.equals(source)) {
                throw new IllegalArgumentException("signal target must differ from its source '" + source + "'");
            }
        }
        if (goal != null) {
            Identifiers.requireId(goal, "signal goal");
        }
        Objects.requireNonNull(kind, "kind");
        if (!kind.accepts(value)) {
            throw new IllegalArgumentException("signal value for " + kind + " must be " + kind.acceptedValues()
                    + ", was " + value);
        }
    }

    /**
     * Creates a signal of value 1.
     *
     * @param at     when it happened
     * @param source who acted
     * @param target toward whom, or {@code null}
     * @param goal   for which goal, or {@code null}
     * @param kind   what happened
     */
    public EngagementSignal(Instant at, String source, String target, String goal, SignalKind kind) {
        this(at, source, target, goal, kind, 1.0);
    }
}
