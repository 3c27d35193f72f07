package dev.partnership.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.partnership.Interval;
import org.junit.jupiter.api.Test;

/** Tests {@link WilsonInterval}. */
class WilsonIntervalTest {

    private static void assertInterval(long x, long n, double low, double high) {
        Interval i = WilsonInterval.of(x, n, 0.95).interval();
        assertEquals(low, i.low(), 5e-5, x + "/" + n + " low");
        assertEquals(high, i.high(), 5e-5, x + "/" + n + " high");
        assertEquals(0.95, i.level(), 0);
    }

    @Test
    void newcombeTableOneVectors() {
        // Newcombe, R. G. (1998), Statistics in Medicine 17:857-872, Table I, method 3 (Wilson score, no
        // continuity correction), 95%; copied from the project's reference VECTORS.md "Wilson score interval".
        assertInterval(81, 263, 0.2553, 0.3662);
        assertInterval(15, 148, 0.0624, 0.1605);
        assertInterval(0, 20, 0.0000, 0.1611);
        assertInterval(1, 29, 0.0061, 0.1718);
    }

    @Test
    void extremeCountsHaveExactOuterBounds() {
        WilsonInterval none = WilsonInterval.of(0, 20, 0.95);
        assertEquals(0.0, none.interval().low(), 0);
        assertEquals(0.0, none.proportion(), 0);
        WilsonInterval all = WilsonInterval.of(20, 20, 0.95);
        assertEquals(1.0, all.interval().high(), 0);
        // Mirror image of 0/20.
        assertEquals(1 - none.interval().high(), all.interval().low(), 1e-15);
        assertEquals(1.959963984540054, all.z(), 1e-12);
    }

    @Test
    void oneTrialGivesAWideInterval() {
        Interval i = WilsonInterval.of(1, 1, 0.95).interval();
        // n = 1, x = 1: low = 1 / (1 + z²) = 0.2065.
        double z = 1.959963984540054;
        assertEquals(1 / (1 + z * z), i.low(), 1e-12);
        assertEquals(1.0, i.high(), 0);
    }

    @Test
    void intervalContainsTheProportionAndIsSymmetricUnderSwappingOutcomes() {
        qt().withFixedSeed(101).withExamples(500)
                .forAll(integers().between(1, 5000), integers().between(0, 5000), integers().between(50, 99))
                .checkAssert((n, rawX, percent) -> {
                    long x = rawX % (n + 1);
                    double level = percent / 100.0;
                    WilsonInterval w = WilsonInterval.of(x, n, level);
                    Interval i = w.interval();
                    assertTrue(i.low() >= 0 && i.high() <= 1, i.toString());
                    assertTrue(i.contains(w.proportion()), w.toString());
                    Interval mirror = WilsonInterval.of(n - x, n, level).interval();
                    assertEquals(1 - i.high(), mirror.low(), 1e-12);
                    assertEquals(1 - i.low(), mirror.high(), 1e-12);
                });
    }

    @Test
    void higherLevelGivesAWiderInterval() {
        qt().withFixedSeed(103).withExamples(300)
                .forAll(integers().between(1, 2000), integers().between(0, 2000))
                .checkAssert((n, rawX) -> {
                    long x = rawX % (n + 1);
                    Interval narrow = WilsonInterval.of(x, n, 0.80).interval();
                    Interval wide = WilsonInterval.of(x, n, 0.99).interval();
                    assertTrue(wide.low() <= narrow.low() && wide.high() >= narrow.high());
                });
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(0, 0, 0.95));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(-1, 10, 0.95));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(11, 10, 0.95));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(1, 10, 1.0));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(1, 10, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> new WilsonInterval(1, 10, 0, new Interval(0, 0.5, 0.95)));
        assertThrows(IllegalArgumentException.class,
                () -> new WilsonInterval(1, 10, 1.96, new Interval(-0.1, 0.5, 0.95)));
    }
}
