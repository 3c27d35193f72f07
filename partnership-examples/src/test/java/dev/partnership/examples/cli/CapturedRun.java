package dev.partnership.examples.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The outcome of one {@link PartnershipCommand#run} with its standard output and error captured as UTF-8 text.
 *
 * @param status the exit status
 * @param out    what was written to standard output
 * @param err    what was written to standard error
 */
record CapturedRun(int status, String out, String err) {

    /**
     * Runs the command line with captured streams.
     *
     * @param args the arguments
     * @return the outcome
     */
    static CapturedRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = PartnershipCommand.run(args, o, e);
        }
        return new CapturedRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Whether standard error shows a Java stack trace or an exception class name. */
    boolean errHasStackTrace() {
        return err.contains("\tat ") || err.contains("Exception:") || err.contains("Exception\n");
    }

    @Override
    public String toString() {
        return "exit " + status + "\n--- stdout\n" + (out.length() > 2000 ? out.substring(0, 2000) + "..." : out)
                + "\n--- stderr\n" + err;
    }
}
