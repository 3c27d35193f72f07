package dev.partnership;

import java.util.Objects;

/**
 * Something the reader of an evaluation should know: evidence that was left out, a weak assumption, a score
 * that could not be computed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code     stable machine-readable code in upper snake case, for example {@code INSUFFICIENT_EVIDENCE}
 * @param strategy id of the strategy that raised it, or {@code null} for the evaluator itself
 * @param message  what happened, in words
 */
public record Warning(String code, String strategy, String message) {

    /** Evidence is too thin for a score; the score says {@link ScoreStatus#INSUFFICIENT_EVIDENCE}. */
    public static final String INSUFFICIENT_EVIDENCE = "INSUFFICIENT_EVIDENCE";
    /** Evidence dated after {@code asOf} was not counted. */
    public static final String EVIDENCE_AFTER_AS_OF = "EVIDENCE_AFTER_AS_OF";
    /** Some input was left out of a computation by a documented rule (for example listwise deletion). */
    public static final String EXCLUDED_INPUT = "EXCLUDED_INPUT";
    /** A goal's deadline has passed. */
    public static final String PAST_DEADLINE = "PAST_DEADLINE";
    /** A goal's definition does not support the computation (for example a target equal to its baseline). */
    public static final String GOAL_DEFINITION = "GOAL_DEFINITION";
    /** A dimension summary has no interval because a contributing score had none. */
    public static final String NO_INTERVAL = "NO_INTERVAL";

    /** Validates the components. */
    public Warning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
