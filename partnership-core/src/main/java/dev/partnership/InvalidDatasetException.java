package dev.partnership;

import java.util.List;

/**
 * Thrown when a {@code partnership-dataset/1} document, CSV or xAPI input, or a {@link Partnership} built in
 * code, is invalid. Each {@link Problem} locates the offending value: a JSON pointer, or a CSV file, line and
 * column (see {@link Problem#location()}).
 */
public class InvalidDatasetException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param source   file name, or {@code null}
     * @param problems the problems, at least one
     */
    public InvalidDatasetException(String source, List<Problem> problems) {
        super("dataset", source, problems);
    }
}
