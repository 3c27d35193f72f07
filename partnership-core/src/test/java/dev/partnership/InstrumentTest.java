package dev.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InstrumentTest {
    private static final Instrument CF = Instrument.builtIn("collaboration-factors").orElseThrow();

    /** Boundary points from the reference vectors (VECTORS.md, "Instrument bands"). */
    @Test
    void builtInBandsFollowTheBoundaryRule() {
        assertEquals(Optional.of("CONCERN"), CF.band(2.9));
        assertEquals(Optional.of("CONCERN"), CF.band(2.95));
        assertEquals(Optional.of("BORDERLINE"), CF.band(3.0));
        assertEquals(Optional.of("BORDERLINE"), CF.band(3.95));
        assertEquals(Optional.of("STRENGTH"), CF.band(4.0));
        assertEquals(Optional.of("BORDERLINE"), CF.band(Math.nextDown(4.0)));
        assertEquals(Optional.of("CONCERN"), CF.band(Double.NEGATIVE_INFINITY));
        assertEquals(Optional.empty(), CF.band(Double.NaN));
    }

    @Test
    void collaborationFactorsHasTwentyFactorsInSixCategoriesTwoItemsEach() {
        assertEquals(20, CF.factors().size());
        assertEquals(6, CF.categories().size());
        assertEquals(40, CF.items().size());
        assertEquals(new Instrument.Scale(1, 5, null), CF.scale());
        for (int k = 0; k < 20; k++) {
            String factor = CF.factors().get(k).id();
            assertEquals(factor, CF.item(String.format(Locale.ROOT, "cf%02d", 2 * k + 1)).orElseThrow().factor());
            assertEquals(factor, CF.item(String.format(Locale.ROOT, "cf%02d", 2 * k + 2)).orElseThrow().factor());
        }
        Set<String> categories = CF.factors().stream().map(Instrument.Factor::category).collect(Collectors.toSet());
        assertEquals(6, categories.size());
        assertEquals(List.of("collaboration-factors", "partnership-synergy"), List.copyOf(Instrument.builtIns().keySet()));
        assertEquals(Optional.empty(), Instrument.builtIn("psat"));
        assertEquals(Optional.empty(), CF.item("cf41"));
    }

    @Test
    void scaleAcceptsItsRangeAndTheDontKnowCode() {
        Instrument.Scale s = new Instrument.Scale(1, 4, 9);
        assertTrue(s.accepts(1));
        assertTrue(s.accepts(4));
        assertTrue(s.accepts(9));
        assertFalse(s.accepts(0));
        assertFalse(s.accepts(5));
        assertFalse(new Instrument.Scale(1, 4, null).accepts(9));
        assertThrows(IllegalArgumentException.class, () -> new Instrument.Scale(3, 3, null));
        assertThrows(IllegalArgumentException.class, () -> new Instrument.Scale(1, 5, 5));
    }

    @Test
    void structureProblemsNameEachInconsistency() {
        List<Instrument.Category> cats = List.of(new Instrument.Category("c", "C"), new Instrument.Category("c", "C2"));
        List<Instrument.Factor> factors = List.of(new Instrument.Factor("f", "F", "c"), new Instrument.Factor("g", "G", "nope"),
                new Instrument.Factor("f", "F again", "c"));
        List<Instrument.Item> items = List.of(new Instrument.Item("i", "f", false), new Instrument.Item("i", "zzz", false));
        List<Instrument.Band> bands = List.of(new Instrument.Band("LOW", 1.0), new Instrument.Band("HIGH", 2.0),
                new Instrument.Band("MID", null), new Instrument.Band("LAST", 0.5));
        assertEquals(List.of("duplicate category id 'c'",
                "factor 'g' names unknown category 'nope'", "duplicate factor id 'f'", "duplicate item id 'i'", "item 'i' names unknown factor 'zzz'",
                "factor 'g' has no items", "band mins must strictly decrease, but 'HIGH' does not",
                "only the last band may omit min, but band 'MID' does",
                "the last band 'LAST' must have no min so that every score has a band"),
                Instrument.structureProblems(items, factors, cats, bands));
        assertEquals(List.of(), Instrument.structureProblems(CF.items(), CF.factors(), CF.categories(), CF.bands()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Instrument("x", "X",
                new Instrument.Scale(1, 5, null), items, factors, cats, bands));
        assertTrue(e.getMessage().startsWith("instrument 'x': duplicate category id 'c'; "), e.getMessage());
    }

    @Test
    void noBandsMeansNoLabel() {
        Instrument i = new Instrument("x", "X", new Instrument.Scale(1, 5, null),
                List.of(new Instrument.Item("i", "f", true)), List.of(new Instrument.Factor("f", "F", "c")),
                List.of(new Instrument.Category("c", "C")), List.of());
        assertEquals(Optional.empty(), i.band(3));
    }
}
