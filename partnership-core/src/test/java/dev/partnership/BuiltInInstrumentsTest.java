package dev.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Tests of the built-in {@code partnership-synergy} instrument (Weiss, Anderson &amp; Lasker 2002). */
class BuiltInInstrumentsTest {

    private static Instrument synergy() {
        return Instrument.builtIn("partnership-synergy").orElseThrow();
    }

    @Test
    void partnershipSynergyIsListedAfterCollaborationFactors() {
        assertEquals(List.of("collaboration-factors", "partnership-synergy"), List.copyOf(Instrument.builtIns().keySet()));
    }

    @Test
    void partnershipSynergyHasTenFactorsEachItsOwnCategoryThreeItemsEach() {
        Instrument i = synergy();
        assertTrue(Instrument.structureProblems(i.items(), i.factors(), i.categories(), i.bands()).isEmpty());
        assertEquals(List.of("synergy", "leadership", "efficiency", "administration", "non-financial-resources",
                        "financial-resources", "decision-making", "benefits", "drawbacks", "satisfaction"),
                i.factors().stream().map(Instrument.Factor::id).collect(Collectors.toList()));
        assertEquals(10, i.categories().size());
        for (Instrument.Factor f : i.factors()) {
            assertEquals(f.id(), f.category());
            assertEquals(3, i.items().stream().filter(it -> it.factor().equals(f.id())).count(), f.id());
        }
        assertEquals(30, i.items().size());
        assertEquals("ps01", i.items().get(0).id());
        assertEquals("ps30", i.items().get(29).id());
        assertEquals(Optional.of(new Instrument.Item("ps25", "drawbacks", true)), i.item("ps25"));
        assertEquals(List.of("ps25", "ps26", "ps27"), i.items().stream().filter(Instrument.Item::reverse)
                .map(Instrument.Item::id).collect(Collectors.toList()));
    }

    @Test
    void partnershipSynergyScaleHasDontKnowNine() {
        Instrument.Scale s = synergy().scale();
        assertEquals(new Instrument.Scale(1, 5, 9), s);
        assertTrue(s.accepts(9));
        assertTrue(!s.accepts(0) && !s.accepts(6));
    }

    @Test
    void partnershipSynergyBandBoundaries() {
        Instrument i = synergy();
        assertEquals(Optional.of("CONCERN"), i.band(2.9));
        assertEquals(Optional.of("CONCERN"), i.band(2.95));
        assertEquals(Optional.of("BORDERLINE"), i.band(3.0));
        assertEquals(Optional.of("BORDERLINE"), i.band(3.95));
        assertEquals(Optional.of("STRENGTH"), i.band(4.0));
        assertEquals(Optional.empty(), i.band(Double.NaN));
    }
}
