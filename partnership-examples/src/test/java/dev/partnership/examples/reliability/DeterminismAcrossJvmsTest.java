package dev.partnership.examples.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.examples.cli.PartnershipCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same input and seed give byte-identical JSON in separate JVMs: twice on the JDK running the tests and once on
 * JDK 25 when one is installed beside it ({@code /usr/lib/jvm/temurin-25-jdk-amd64}, or the directory named by the
 * system property {@code partnership.jdk25}); without one that comparison is skipped with a message. Every random
 * computation draws from {@code SplittableRandom}, whose algorithm the JDK specifies, and every transcendental
 * function that reaches a result is {@code StrictMath} or a fixed polynomial, so nothing depends on the JVM.
 */
class DeterminismAcrossJvmsTest {
    private static final String DEFAULT_JDK25 = "/usr/lib/jvm/temurin-25-jdk-amd64";

    @TempDir
    Path dir;

    private String run(Path java, String name) throws IOException, InterruptedException {
        Path out = dir.resolve(name + ".json");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                PartnershipCommand.class.getName(), "evaluate", "--sample", "--format", "json", "--as-of",
                "2025-06-30,2026-06-30", "--output", out.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the evaluation finished");
        assertEquals(0, p.exitValue(), log);
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static Path javaOf(String home) {
        return Path.of(home, "bin", "java");
    }

    @Test
    void twoRunsOfThisJdkAreByteIdentical() throws Exception {
        Path java = javaOf(System.getProperty("java.home"));
        String first = run(java, "first");
        assertTrue(first.contains("\"format\" : \"partnership-trend/1\"") || first.contains("partnership-trend/1"));
        assertEquals(first, run(java, "second"));
    }

    @Test
    void jdk25GivesTheSameBytesAsThisJdk() throws Exception {
        Path java25 = javaOf(System.getProperty("partnership.jdk25", DEFAULT_JDK25));
        Assumptions.assumeTrue(Files.isExecutable(java25),
                "no JDK 25 at " + java25 + " (set -Dpartnership.jdk25=<home>): cross-JDK comparison skipped");
        String here = run(javaOf(System.getProperty("java.home")), "here");
        String there = run(java25, "jdk25");
        assertEquals(here, there, "JDK " + System.getProperty("java.version") + " and JDK 25 differ");
    }
}
