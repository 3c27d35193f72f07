package dev.partnership.examples.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs Debian's Chromium headless for tests: installs it with apt-get when it is missing and the tests run as
 * root, and launches it with a fresh profile, no network services and a timeout after which the browser and its
 * children are destroyed. Not thread-safe; one instance per test class.
 */
final class HeadlessChromium {
    /** Where Debian's chromium package puts the browser. */
    static final Path BINARY = Path.of("/usr/bin/chromium");
    /** Longest time one browser run may take. */
    static final long RUN_TIMEOUT_SECONDS = 60;
    /** Longest time the installation may take (download and unpack of about 100 packages). */
    static final long INSTALL_TIMEOUT_SECONDS = 600;

    /** Flags that keep the browser off the network and away from the user's profile. */
    private static final List<String> BASE_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--enable-logging=stderr", "--v=0");

    /**
     * The outcome of one run.
     *
     * @param exitCode the browser's exit code
     * @param stdout   what it printed on standard output
     * @param stderr   what it logged on standard error
     */
    record Run(int exitCode, String stdout, String stderr) {
        /**
         * Returns the log lines that report a console message or a refused or failed load. The report has no
         * script, so any console message is a problem: Chromium logs them as {@code INFO:CONSOLE} whatever their
         * level, Content-Security-Policy refusals included ("... violates the following Content Security Policy
         * directive ...").
         *
         * @return the problem lines, empty when there are none
         */
        List<String> consoleProblems() {
            return stderr.lines().filter(l -> l.contains(":CONSOLE") || l.contains("Refused to")
                    || l.contains("Failed to load") || l.contains("violates the following Content Security Policy"))
                    .toList();
        }
    }

    private final Path workDir;

    /**
     * Creates a launcher that keeps its logs and profiles under {@code workDir}.
     *
     * @param workDir a directory for logs and profiles
     */
    HeadlessChromium(Path workDir) {
        this.workDir = workDir;
    }

    /**
     * Makes sure the browser exists, installing it with {@code apt-get install -y chromium} when it is missing.
     *
     * @return empty when the browser is ready, else why it cannot be used
     */
    Optional<String> ensureInstalled() throws IOException, InterruptedException {
        if (Files.isExecutable(BINARY)) {
            return Optional.empty();
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of(BINARY + " is missing and the tests do not run as root, so apt-get cannot install it");
        }
        Path log = workDir.resolve("apt-get.log");
        int code = runQuietly(List.of("apt-get", "install", "-y", "chromium"), log, INSTALL_TIMEOUT_SECONDS);
        if (code != 0 || !Files.isExecutable(BINARY)) {
            // The package lists may be stale or absent: refresh them once and try again.
            runQuietly(List.of("apt-get", "update"), workDir.resolve("apt-get-update.log"), INSTALL_TIMEOUT_SECONDS);
            code = runQuietly(List.of("apt-get", "install", "-y", "chromium"), log, INSTALL_TIMEOUT_SECONDS);
        }
        if (code != 0 || !Files.isExecutable(BINARY)) {
            return Optional.of("apt-get install -y chromium failed (exit " + code + "; see " + log + "), so "
                    + BINARY + " is not available");
        }
        return Optional.empty();
    }

    /**
     * Runs the browser on a page with the given extra flags, in a new temporary profile.
     *
     * @param page       the HTML file
     * @param extraFlags flags such as {@code --dump-dom}
     * @return the run's outcome
     * @throws IllegalStateException when the browser does not finish within {@link #RUN_TIMEOUT_SECONDS}
     */
    Run run(Path page, String... extraFlags) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(workDir, "chromium-profile-");
        Path out = Files.createTempFile(workDir, "chromium-", ".out");
        Path err = Files.createTempFile(workDir, "chromium-", ".err");
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.addAll(BASE_FLAGS);
        command.add("--user-data-dir=" + profile);
        command.addAll(List.of(extraFlags));
        command.add(page.toUri().toString());
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            int code = await(p, RUN_TIMEOUT_SECONDS);
            return new Run(code, Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            deleteTree(profile);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static int runQuietly(List<String> command, Path log, long timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        try {
            return await(pb.start(), timeoutSeconds);
        } catch (IllegalStateException timedOut) {
            return -1;
        }
    }

    /** Waits for a process; on timeout destroys it and its children and throws. */
    private static int await(Process p, long timeoutSeconds) throws InterruptedException {
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException(p.info().command().orElse("process") + " did not finish within "
                    + timeoutSeconds + " s and was destroyed");
        }
        return p.exitValue();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a leftover profile in target/ is harmless; the next clean removes it
        }
    }
}
