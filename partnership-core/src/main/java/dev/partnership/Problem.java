package dev.partnership;

import java.util.Objects;

/**
 * One thing wrong with user input, and where it is.
 *
 * <p>Immutable and thread-safe.
 *
 * @param location where the problem is: a JSON pointer ({@code /signals/3/source}; {@code ""} for the whole
 *                 document); for CSV input {@code <file>:<line>:<column>} ({@code signals.csv:12:at}; the
 *                 column is left out for a problem with a whole row or file, and a surplus cell is named by its
 *                 position), and for a JSON document read beside CSV files {@code <file>#<pointer>}
 * @param message  what is wrong, in words, in English ({@link java.util.Locale#ROOT} formatting)
 */
public record Problem(String location, String message) {

    /** Validates the components. */
    public Problem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /**
     * Formats the problem as {@code location: message}, or just the message when the location is the whole
     * document.
     *
     * @return the problem in one line
     */
    @Override
    public String toString() {
        return location.isEmpty() ? "(document): " + message : location + ": " + message;
    }
}
