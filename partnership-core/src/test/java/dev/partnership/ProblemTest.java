package dev.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void printsLocationThenMessage() {
        assertEquals("/signals/3/source: unknown partner 'x'", new Problem("/signals/3/source", "unknown partner 'x'").toString());
        assertEquals("(document): empty", new Problem("", "empty").toString());
        assertEquals("line 4, column at: bad", new Problem("line 4, column at", "bad").toString());
        assertThrows(NullPointerException.class, () -> new Problem("", null));
    }
}
