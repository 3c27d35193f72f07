package dev.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RatingDimensionTest {

    @Test
    void partnerDimensionsAreOneToFourAndLevelsZeroToFive() {
        for (RatingDimension d : RatingDimension.values()) {
            if (d == RatingDimension.COLLABORATION_LEVEL) {
                assertEquals("0-5", d.scale());
                assertEquals(RatingDimension.Group.COLLABORATION, d.group());
            } else {
                assertEquals("1-4", d.scale());
                assertEquals(d.ordinal() < 3 ? RatingDimension.Group.TRUST : RatingDimension.Group.VALUE, d.group(), d.name());
            }
            assertTrue(d.accepts(d.min()));
            assertTrue(d.accepts(d.max()));
            assertFalse(d.accepts(Math.nextDown((double) d.min())));
            assertFalse(d.accepts(Math.nextUp((double) d.max())));
            assertFalse(d.accepts(Double.NaN));
        }
    }
}
