package dev.partnership.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** RFC 6901 section 3: {@code ~} is written {@code ~0} and {@code /} is written {@code ~1}. */
class JsonPointersTest {

    @Test
    void escapesTildeBeforeSlash() {
        String plain = "plain";
        assertSame(plain, JsonPointers.escape(plain));
        assertEquals("a~1b", JsonPointers.escape("a/b"));
        assertEquals("m~0n", JsonPointers.escape("m~n"));
        assertEquals("~01", JsonPointers.escape("~1"), "not ~1, which would read back as '/'");
        assertEquals("~0~1", JsonPointers.escape("~/"));
    }

    @Test
    void buildsChildPointers() {
        assertEquals("/signals", JsonPointers.child("", "signals"));
        assertEquals("/signals/3", JsonPointers.child("/signals", 3));
        assertEquals("/answers/a~1b", JsonPointers.child("/answers", "a/b"));
        assertEquals("/", JsonPointers.child("", ""));
    }
}
