package dev.partnership.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad dataset of partnership-core's corpus ({@code bad-datasets/index.tsv} in its test jar: a header line,
 * then {@code file<TAB>JSON pointer<TAB>message fragment}) makes {@code validate} and {@code evaluate} exit with
 * status 2, name the pointer on standard error, print nothing on standard output and show no stack trace.
 */
class BadDatasetCorpusTest {
    private static final String INDEX = "/bad-datasets/index.tsv";

    @TempDir
    Path dir;

    private record Case(String file, String pointer, String fragment) {
    }

    private static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = BadDatasetCorpusTest.class.getResourceAsStream(INDEX)) {
            assertNotNull(in, INDEX + " from partnership-core's test jar is not on the test class path");
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                assertEquals(3, f.length, () -> "malformed index line: " + line);
                cases.add(new Case(f[0], f[1], f[2]));
            }
        }
        assertFalse(cases.isEmpty(), "the bad-dataset corpus is empty");
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> everyBadDatasetIsRejectedWithItsPointer() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.file() + " " + c.pointer(), () -> {
            Path copy = dir.resolve(c.file().replace('/', '_'));
            try (InputStream in = BadDatasetCorpusTest.class.getResourceAsStream("/bad-datasets/" + c.file())) {
                assertNotNull(in, "missing corpus file " + c.file());
                Files.copy(in, copy);
            }
            for (String verb : new String[] {"validate", "evaluate"}) {
                CapturedRun run = CapturedRun.of(verb, copy.toString());
                assertEquals(PartnershipCommand.EXIT_BAD_INPUT, run.status(), () -> verb + ": " + run);
                assertEquals("", run.out(), () -> verb + ": " + run);
                String pointer = c.pointer().isEmpty() ? "(document)" : c.pointer();
                assertTrue(run.err().contains(pointer + ": "), () -> verb + " should name " + pointer + ": " + run);
                assertTrue(run.err().contains(c.fragment()), () -> verb + " should say " + c.fragment() + ": " + run);
                assertFalse(run.errHasStackTrace(), () -> verb + ": " + run);
            }
        }));
    }
}
