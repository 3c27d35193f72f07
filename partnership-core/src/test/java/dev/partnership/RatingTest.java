package dev.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RatingTest {
    private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void valuesOnTheScaleBoundsIncluded() {
        assertEquals(1.0, new Rating(T, "a", "b", RatingDimension.RELIABILITY, 1).value());
        assertEquals(4.0, new Rating(T, "a", "b", RatingDimension.RELIABILITY, 4).value());
        assertEquals(0.0, new Rating(T, "a", "b", RatingDimension.COLLABORATION_LEVEL, 0).value());
        assertEquals(2.5, new Rating(T, "a", "b", RatingDimension.POWER, 2.5).value());
    }

    @Test
    void offScaleAndSelfRatingsAreRejected() {
        assertEquals("rating value for OPENNESS must be on its scale 1-4, was 0.0", assertThrows(IllegalArgumentException.class,
                () -> new Rating(T, "a", "b", RatingDimension.OPENNESS, 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Rating(T, "a", "b", RatingDimension.COLLABORATION_LEVEL, 5.5));
        assertThrows(IllegalArgumentException.class, () -> new Rating(T, "a", "b", RatingDimension.POWER, Double.NaN));
        assertEquals("a partner cannot rate itself ('a')", assertThrows(IllegalArgumentException.class,
                () -> new Rating(T, "a", "a", RatingDimension.POWER, 2)).getMessage());
        assertThrows(NullPointerException.class, () -> new Rating(T, "a", "b", null, 2));
    }
}
