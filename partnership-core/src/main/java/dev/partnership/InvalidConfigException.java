package dev.partnership;

import java.util.List;

/**
 * Thrown when a {@code partnership-config/1} document or an {@link EvaluationConfig} is invalid: an unknown
 * strategy id, an unknown or out-of-range parameter, a bad weight. Each {@link Problem} carries the JSON pointer
 * of the offending value.
 */
public class InvalidConfigException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param source   file name, or {@code null}
     * @param problems the problems, at least one
     */
    public InvalidConfigException(String source, List<Problem> problems) {
        super("configuration", source, problems);
    }
}
