package dev.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SubjectTest {

    @Test
    void kindsAndEquality() {
        assertSame(Subject.partnership(), Subject.partnership());
        assertEquals(Subject.Kind.PARTNERSHIP, Subject.partnership().kind());
        assertEquals(Subject.Kind.PARTNER, Subject.partner("a").kind());
        assertEquals(Subject.Kind.PAIR, Subject.pair("a", "b").kind());
        assertEquals(Subject.Kind.GOAL, Subject.goal("g").kind());
        assertEquals(Subject.Kind.FACTOR, Subject.factor("i", "f", null).kind());
        assertEquals(Subject.pair("a", "b"), Subject.pair("a", "b"));
        assertNotEquals(Subject.pair("a", "b"), Subject.pair("b", "a"), "pairs are ordered");
        assertNotEquals(Subject.partner("a"), Subject.goal("a"));
    }

    @Test
    void componentsAreChecked() {
        assertThrows(NullPointerException.class, () -> Subject.partner(null));
        assertThrows(NullPointerException.class, () -> Subject.pair("a", null));
        assertThrows(NullPointerException.class, () -> Subject.goal(null));
        assertThrows(NullPointerException.class, () -> Subject.factor(null, "f", null));
        assertThrows(IllegalArgumentException.class, () -> Subject.factor("i", null, null));
        assertEquals("c", ((Subject.FactorSubject) Subject.factor("i", null, "c")).category());
    }
}
