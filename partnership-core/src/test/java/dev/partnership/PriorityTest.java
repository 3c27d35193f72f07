package dev.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PriorityTest {

    @Test
    void weightMayBeZeroOrNegativeButFinite() {
        assertEquals(-2.0, new Priority("a", "g", -2).weight());
        assertEquals(0.0, new Priority("a", "g", 0).weight());
        assertThrows(IllegalArgumentException.class, () -> new Priority("a", "g", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Priority("", "g", 1));
        assertThrows(IllegalArgumentException.class, () -> new Priority("a", " ", 1));
    }
}
