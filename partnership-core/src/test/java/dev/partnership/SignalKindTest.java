package dev.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignalKindTest {

    @Test
    void polaritiesFollowTheDesign() {
        Set<SignalKind> negative = EnumSet.of(SignalKind.MEETING_MISSED, SignalKind.COMMITMENT_BROKEN,
                SignalKind.REQUEST_IGNORED, SignalKind.CONFLICT);
        for (SignalKind k : SignalKind.values()) {
            SignalKind.Polarity expected = k == SignalKind.FEEDBACK ? SignalKind.Polarity.SIGNED
                    : negative.contains(k) ? SignalKind.Polarity.NEGATIVE : SignalKind.Polarity.POSITIVE;
            assertEquals(expected, k.polarity(), k.name());
        }
        assertEquals(12, SignalKind.values().length);
    }

    @Test
    void acceptedValuesAreClosedRanges() {
        assertTrue(SignalKind.FEEDBACK.accepts(-1.0));
        assertTrue(SignalKind.FEEDBACK.accepts(1.0));
        assertTrue(SignalKind.FEEDBACK.accepts(-0.0));
        assertFalse(SignalKind.FEEDBACK.accepts(Math.nextUp(1.0)));
        assertFalse(SignalKind.FEEDBACK.accepts(Double.NaN));
        assertTrue(SignalKind.CONFLICT.accepts(0.0));
        assertFalse(SignalKind.CONFLICT.accepts(Double.MAX_VALUE), "bounded so that sums stay finite");
        assertFalse(SignalKind.CONFLICT.accepts(-Double.MIN_VALUE));
        assertFalse(SignalKind.CONFLICT.accepts(Double.POSITIVE_INFINITY));
        assertFalse(SignalKind.CONFLICT.accepts(Double.NaN));
        assertEquals("a number in [-1, 1]", SignalKind.FEEDBACK.acceptedValues());
        assertEquals("a number in [0, 1e15]", SignalKind.JOINT_ACTIVITY.acceptedValues());
        assertTrue(SignalKind.RESOURCE_SHARED.accepts(SignalKind.MAX_VALUE));
        assertFalse(SignalKind.RESOURCE_SHARED.accepts(Math.nextUp(SignalKind.MAX_VALUE)));
    }
}
