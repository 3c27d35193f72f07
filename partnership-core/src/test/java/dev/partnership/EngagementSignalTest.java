package dev.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EngagementSignalTest {
    private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void valueDefaultsToOneAndTargetMayBeAbsent() {
        EngagementSignal s = new EngagementSignal(T, "a", null, null, SignalKind.MEETING_ATTENDED);
        assertEquals(1.0, s.value());
    }

    @Test
    void targetMustDifferFromSource() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new EngagementSignal(T, "a", "a", null, SignalKind.CONFLICT)).getMessage().contains("differ"));
    }

    @Test
    void valueMustSuitTheKind() {
        new EngagementSignal(T, "a", "b", null, SignalKind.FEEDBACK, -1);
        new EngagementSignal(T, "a", "b", null, SignalKind.FEEDBACK, 1);
        new EngagementSignal(T, "a", "b", null, SignalKind.RESOURCE_SHARED, 0);
        new EngagementSignal(T, "a", "b", null, SignalKind.RESOURCE_SHARED, 1e9);
        assertThrows(IllegalArgumentException.class, () -> new EngagementSignal(T, "a", "b", null, SignalKind.FEEDBACK, 1.01));
        assertThrows(IllegalArgumentException.class, () -> new EngagementSignal(T, "a", "b", null, SignalKind.FEEDBACK, Double.NaN));
        assertEquals("signal value for RESOURCE_SHARED must be a number in [0, 1e15], was -1.0",
                assertThrows(IllegalArgumentException.class,
                        () -> new EngagementSignal(T, "a", "b", null, SignalKind.RESOURCE_SHARED, -1)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new EngagementSignal(T, "a", null, null, SignalKind.MEETING_MISSED, Double.POSITIVE_INFINITY));
    }

    @Test
    void requiredPartsAreChecked() {
        assertThrows(NullPointerException.class, () -> new EngagementSignal(null, "a", null, null, SignalKind.CONFLICT));
        assertThrows(NullPointerException.class, () -> new EngagementSignal(T, "a", null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new EngagementSignal(T, "a", " ", null, SignalKind.CONFLICT));
        assertThrows(IllegalArgumentException.class, () -> new EngagementSignal(T, "a", null, "", SignalKind.CONFLICT));
    }
}
