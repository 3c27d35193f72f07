package dev.partnership.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.partnership.Partnership;
import dev.partnership.SamplePartnerships;
import org.junit.jupiter.api.Test;

class ScoringContextTest {
    private static final Partnership P = SamplePartnerships.small();
    private static final EvidenceIndex X = EvidenceIndex.of(P, SamplePartnerships.day(10));

    @Test
    void zIsTheTwoSidedNormalQuantile() {
        assertEquals(1.959963984540054, new ScoringContext(P, X, X.asOf(), 0.95, 1, 3).z(), 1e-15);
        assertEquals(1.6448536269514722, new ScoringContext(P, X, X.asOf(), 0.90, 1, 3).z(), 1e-15);
    }

    @Test
    void strategySeedsAreStableAndDistinct() {
        ScoringContext c = new ScoringContext(P, X, X.asOf(), 0.95, 20240901L, 3);
        assertEquals(c.seedFor("beta-reputation"), new ScoringContext(P, X, X.asOf(), 0.9, 20240901L, 5).seedFor("beta-reputation"));
        assertNotEquals(c.seedFor("beta-reputation"), c.seedFor("eigentrust"));
        assertNotEquals(c.seedFor("eigentrust"), new ScoringContext(P, X, X.asOf(), 0.95, 1L, 3).seedFor("eigentrust"));
    }

    @Test
    void componentsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new ScoringContext(P, X, X.asOf(), 1.0, 1, 3));
        assertThrows(NullPointerException.class, () -> new ScoringContext(P, null, X.asOf(), 0.95, 1, 3));
    }
}
