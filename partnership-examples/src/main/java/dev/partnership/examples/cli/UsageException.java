package dev.partnership.examples.cli;

/**
 * The command line was used wrongly: an unknown command or option, a missing or malformed value. The CLI prints
 * the message and a hint to the command's help and exits with status 2.
 */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the option or argument
     */
    UsageException(String message) {
        super(message);
    }
}
