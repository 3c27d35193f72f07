package dev.partnership;

import java.util.List;
import java.util.Objects;

/**
 * Thrown when user input (a dataset, a configuration, an import file) cannot be used. It lists every problem
 * found, each with its location, rather than stopping at the first; nothing is returned from input that has
 * problems.
 *
 * <p>Subclasses say which kind of input was rejected. Immutable once thrown.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The most problems listed in {@link #getMessage()}; {@link #problems()} always has them all. */
    public static final int MESSAGE_PROBLEM_LIMIT = 50;

    private final String source;
    private final transient List<Problem> problems;

    /**
     * Creates the exception.
     *
     * @param what     the kind of input, for the message (for example {@code "dataset"})
     * @param source   where the input came from (a file name), or {@code null} when unknown
     * @param problems the problems, at least one
     */
    protected InvalidInputException(String what, String source, List<Problem> problems) {
        super(message(what, source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    private static String message(String what, String source, List<Problem> problems) {
        Objects.requireNonNull(problems, "problems");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid-input exception needs at least one problem");
        }
        StringBuilder sb = new StringBuilder();
        sb.append("invalid ").append(what);
        if (source != null) {
            sb.append(' ').append(source);
        }
        sb.append(": ").append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
        int shown = Math.min(problems.size(), MESSAGE_PROBLEM_LIMIT);
        for (int i = 0; i < shown; i++) {
            sb.append(System.lineSeparator()).append("  ").append(problems.get(i));
        }
        if (shown < problems.size()) {
            sb.append(System.lineSeparator()).append("  ... and ").append(problems.size() - shown).append(" more");
        }
        return sb.toString();
    }

    /**
     * Returns where the input came from.
     *
     * @return a file name, or {@code null} when unknown
     */
    public String source() {
        return source;
    }

    /**
     * Returns every problem found, in document order.
     *
     * @return the problems, never empty
     */
    public List<Problem> problems() {
        return problems;
    }
}
