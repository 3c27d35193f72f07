package dev.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DimensionSummaryTest {
    private static Score score(String id, double normalized, Interval ni) {
        return Score.builder(id, Dimension.TRUST, Subject.partnership()).value(normalized).normalized(normalized)
                .normalizedInterval(ni).build();
    }

    @Test
    void meanWithIndependentStandardErrors() {
        // Two contributors of width 0.2 at 95%: se = 0.2 / (2z) each, so the half-width of the mean is
        // z * sqrt(2 se^2) / 2 = 0.1 * sqrt(2) / 2, whatever z is.
        DimensionSummary s = DimensionSummary.combine(List.of(
                score("a", 0.6, new Interval(0.5, 0.7, 0.95)),
                score("b", 0.8, new Interval(0.7, 0.9, 0.95))), 0.95).orElseThrow();
        assertEquals(0.7, s.value(), 1e-15);
        double half = 0.1 * Math.sqrt(2) / 2;
        assertEquals(0.7 - half, s.interval().low(), 1e-12);
        assertEquals(0.7 + half, s.interval().high(), 1e-12);
        assertEquals(0.95, s.interval().level());
        assertEquals(List.of("a", "b"), s.strategies());
    }

    @Test
    void onlyOkPartnershipScoresWithANormalizedValueCount() {
        List<Score> scores = List.of(
                score("a", 0.4, new Interval(0.3, 0.5, 0.95)),
                Score.builder("pair", Dimension.TRUST, Subject.pair("x", "y")).value(1).normalized(1).build(),
                Score.builder("raw", Dimension.TRUST, Subject.partnership()).value(42).build(),
                Score.builder("thin", Dimension.TRUST, Subject.partnership()).insufficient("none").build());
        DimensionSummary s = DimensionSummary.combine(scores, 0.9).orElseThrow();
        assertEquals(0.4, s.value());
        assertEquals(List.of("a"), s.strategies());
        assertEquals(0.3, s.interval().low(), 1e-12, "one contributor keeps its own interval");
        assertEquals(0.5, s.interval().high(), 1e-12);
    }

    @Test
    void noIntervalWhenAnyContributorLacksOneAndEmptyWhenNoneQualifies() {
        DimensionSummary s = DimensionSummary.combine(List.of(score("a", 0.4, new Interval(0.3, 0.5, 0.95)),
                score("b", 0.6, null)), 0.95).orElseThrow();
        assertEquals(0.5, s.value(), 1e-15);
        assertNull(s.interval());
        assertEquals(Optional.empty(), DimensionSummary.combine(List.of(), 0.95));
    }

    @Test
    void intervalIsClippedToTheUnitInterval() {
        // Two contributors at 1.0 with half-width 0.2 each: se = 0.2/z each, mean se = sqrt(2)·0.2/z / 2.
        DimensionSummary s = DimensionSummary.combine(List.of(score("a", 1.0, new Interval(0.6, 1.0, 0.95)),
                score("b", 1.0, new Interval(0.6, 1.0, 0.95))), 0.95).orElseThrow();
        assertEquals(1.0, s.interval().high());
        assertEquals(1.0 - Math.sqrt(2) * 0.2 / 2, s.interval().low(), 1e-12, "the half-width is kept below the value");
    }

    @Test
    void singleContributorKeepsItsOwnAsymmetricInterval() {
        DimensionSummary s = DimensionSummary.combine(List.of(score("a", 0.7, new Interval(0.4, 0.75, 0.9))), 0.9)
                .orElseThrow();
        assertEquals(0.7, s.value(), 1e-15);
        assertEquals(new Interval(0.4, 0.75, 0.9), s.interval());
    }

    @Test
    void valueMustLieInTheUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> new DimensionSummary(1.5, null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new DimensionSummary(Double.NaN, null, List.of()));
    }
}
