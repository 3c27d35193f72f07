package dev.partnership.examples.cli;

/**
 * A file named on the command line cannot be read or written: it does not exist, is a directory, or access is
 * denied. The message names the path; the CLI prints it and exits with status 2.
 */
final class FileAccessException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the path
     * @param cause   the underlying I/O error, or {@code null}
     */
    FileAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
