package dev.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidInputExceptionTest {

    @Test
    void messageNamesTheInputTheSourceAndEachProblem() {
        InvalidDatasetException e = new InvalidDatasetException("data.json",
                List.of(new Problem("/a", "bad"), new Problem("", "worse")));
        String nl = System.lineSeparator();
        assertEquals("invalid dataset data.json: 2 problems" + nl + "  /a: bad" + nl + "  (document): worse", e.getMessage());
        assertEquals("data.json", e.source());
        assertEquals("invalid configuration: 1 problem" + nl + "  /x: y",
                new InvalidConfigException(null, List.of(new Problem("/x", "y"))).getMessage());
    }

    @Test
    void messageIsCappedButProblemsAreComplete() {
        List<Problem> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(new Problem("/" + i, "p" + i));
        }
        InvalidDatasetException e = new InvalidDatasetException(null, many);
        assertEquals(60, e.problems().size());
        assertTrue(e.getMessage().endsWith("... and 10 more"), e.getMessage());
        assertTrue(e.getMessage().contains("/49: p49"));
        assertTrue(!e.getMessage().contains("/50: p50"));
        many.clear();
        assertEquals(60, e.problems().size(), "problems are copied");
    }

    @Test
    void needsAtLeastOneProblem() {
        assertThrows(IllegalArgumentException.class, () -> new InvalidDatasetException(null, List.of()));
        assertThrows(NullPointerException.class, () -> new Problem(null, "m"));
    }
}
