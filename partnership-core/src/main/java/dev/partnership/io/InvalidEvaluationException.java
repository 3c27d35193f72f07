package dev.partnership.io;

import dev.partnership.InvalidInputException;
import dev.partnership.Problem;
import java.util.List;

/**
 * Thrown by {@link EvaluationJson#read(String)} when a document is not a valid {@code partnership-evaluation/1}
 * evaluation. Each {@link Problem} carries the JSON pointer of the offending value.
 */
public class InvalidEvaluationException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param source   file name, or {@code null}
     * @param problems the problems, at least one
     */
    public InvalidEvaluationException(String source, List<Problem> problems) {
        super("evaluation", source, problems);
    }
}
