package dev.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WarningTest {

    @Test
    void strategyIsOptionalButCodeAndMessageAreNot() {
        Warning w = new Warning(Warning.EVIDENCE_AFTER_AS_OF, null, "3 signals were not counted");
        assertNull(w.strategy());
        assertEquals("EVIDENCE_AFTER_AS_OF", w.code());
        assertThrows(NullPointerException.class, () -> new Warning(null, "s", "m"));
        assertThrows(NullPointerException.class, () -> new Warning("C", "s", null));
    }
}
