package dev.partnership.examples.cli;

import dev.partnership.ProgressListener;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Objects;

/**
 * A one-line progress bar for a terminal's standard error: {@code [########------------]  8/24  kendall-w}, redrawn
 * in place with a carriage return after every step and erased when the last step is done, so that it never mixes
 * with the report. Used by one evaluation at a time; not thread-safe.
 */
final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private int lastLength;

    ProgressBar(PrintStream err) {
        this.err = Objects.requireNonNull(err, "err");
    }

    /**
     * Says whether the program runs attached to a terminal, where a progress bar helps: {@link System#console()}
     * exists and, on JDKs that can tell ({@code Console.isTerminal()}, JDK 22+), is a terminal.
     *
     * @return {@code true} on an interactive terminal
     */
    static boolean interactive() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = console.getClass().getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException olderJdk) {
            return true; // before JDK 22 a console exists only when attached to a terminal
        }
    }

    @Override
    public void onProgress(String step, int done, int total) {
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        String line = String.format(Locale.ROOT, "[%s%s] %d/%d  %s", "#".repeat(filled), "-".repeat(WIDTH - filled),
                done, total, step);
        StringBuilder sb = new StringBuilder("\r").append(line);
        if (line.length() < lastLength) {
            sb.append(" ".repeat(lastLength - line.length()));
        }
        lastLength = line.length();
        if (done >= total) {
            sb.append('\r').append(" ".repeat(lastLength)).append('\r');
            lastLength = 0;
        }
        err.print(sb);
        err.flush();
    }
}
