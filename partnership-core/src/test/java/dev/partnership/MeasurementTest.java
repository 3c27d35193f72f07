package dev.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementTest {
    private static final Instant T = Instant.parse("2025-06-30T00:00:00Z");

    private static Measurement m(Double sd, Integer n, Double se, List<Double> values) {
        return new Measurement("g", T, MeasurementGroup.PARTNERSHIP, 20.25, sd, n, se, values);
    }

    @Test
    void standardErrorPrefersSeThenSdThenValues() {
        assertEquals(0.5, m(3.0, 36, 0.5, List.of()).standardError());
        assertEquals(0.5, m(3.0, 36, null, List.of()).standardError(), "3 / sqrt(36)");
        // values 18, 21.5, 19.5, 22: sample variance 10.25 / 3, so se = sqrt(10.25 / 3) / 2.
        assertEquals(Math.sqrt(10.25 / 3) / 2, m(null, null, null, List.of(18.0, 21.5, 19.5, 22.0)).standardError(), 1e-15);
        assertTrue(Double.isNaN(m(null, 40, null, List.of()).standardError()));
        assertTrue(Double.isNaN(m(null, null, null, List.of(1.0)).standardError()));
        assertEquals(0.0, m(null, null, null, List.of(2.0, 2.0)).standardError(), "zero variance");
    }

    @Test
    void countUsesNThenValues() {
        assertEquals(40, m(null, 40, null, List.of()).count());
        assertEquals(2, m(null, null, null, List.of(1.0, 2.0)).count());
        assertEquals(0, m(null, null, null, List.of()).count());
        Measurement s = Measurement.ofSummary("g", T, MeasurementGroup.COMPARISON, 1, 2, 3);
        assertEquals(new Measurement("g", T, MeasurementGroup.COMPARISON, 1, 2.0, 3, null, List.of()), s);
    }

    @Test
    void rulesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> m(-0.1, null, null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> m(null, null, Double.NaN, List.of()));
        assertThrows(IllegalArgumentException.class, () -> m(null, 0, null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> m(null, null, null, List.of(1.0, Double.POSITIVE_INFINITY)));
        assertEquals("n (3) must equal the number of values (2)",
                assertThrows(IllegalArgumentException.class, () -> m(null, 3, null, List.of(1.0, 2.0))).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Measurement("g", T, MeasurementGroup.PARTNERSHIP, Double.NaN, null, null, null, List.of()));
        assertThrows(NullPointerException.class,
                () -> new Measurement("g", T, null, 1, null, null, null, List.of()));
    }
}
