package dev.partnership.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.InvalidConfigException;
import dev.partnership.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategyParametersTest {
    private static final List<ParameterSpec> SPECS = List.of(
            ParameterSpec.number("halfLifeDays", 180.0, 1, 3650, "decay half-life in days"),
            ParameterSpec.integer("minimum", 3L, 1, 100, "evidence needed"),
            ParameterSpec.bool("discount", true, "whether to discount chains"),
            ParameterSpec.choice("form", "ICC2", List.of("ICC1", "ICC2", "ICC3"), "ICC form"),
            ParameterSpec.strings("pretrusted", "pre-trusted partners"),
            ParameterSpec.number("cap", null, 0, Double.POSITIVE_INFINITY, "optional cap"));

    private static InvalidConfigException rejected(Map<String, Object> values) {
        return assertThrows(InvalidConfigException.class, () -> StrategyParameters.of("s/x", SPECS, values));
    }

    @Test
    void defaultsAreFilledInInDeclarationOrder() {
        StrategyParameters p = StrategyParameters.defaults("s", SPECS);
        assertEquals(180.0, p.number("halfLifeDays"));
        assertEquals(3, p.integer("minimum"));
        assertTrue(p.bool("discount"));
        assertEquals("ICC2", p.choice("form"));
        assertEquals(List.of(), p.strings("pretrusted"));
        assertFalse(p.isSet("cap"));
        assertTrue(Double.isNaN(p.number("cap")));
        assertEquals(List.of("halfLifeDays", "minimum", "discount", "form", "pretrusted"), new ArrayList<>(p.asMap().keySet()));
    }

    @Test
    void configuredValuesReplaceDefaultsWithTolerantNumberTypes() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("halfLifeDays", 30L);
        v.put("minimum", 5.0);
        v.put("discount", false);
        v.put("form", "ICC3");
        v.put("pretrusted", List.of("a", "b"));
        StrategyParameters p = StrategyParameters.of("s", SPECS, v);
        assertEquals(30.0, p.number("halfLifeDays"));
        assertEquals(Double.class, p.asMap().get("halfLifeDays").getClass(), "numbers are stored as Double");
        assertEquals(5L, p.integer("minimum"));
        assertEquals(Long.class, p.asMap().get("minimum").getClass(), "integers are stored as Long");
        assertFalse(p.bool("discount"));
        assertEquals("ICC3", p.choice("form"));
        assertEquals(List.of("a", "b"), p.strings("pretrusted"));
    }

    @Test
    void unknownNamesListTheAcceptedOnes() {
        InvalidConfigException e = rejected(Map.of("halflife", 3.0));
        assertEquals(List.of(new Problem("/strategies/s~1x/halflife", "strategy 's/x' has no parameter 'halflife'; it accepts "
                + "halfLifeDays, minimum, discount, form, pretrusted, cap")), e.problems());
        assertEquals("strategy 'y' has no parameter 'a'; it accepts none", assertThrows(InvalidConfigException.class,
                () -> StrategyParameters.of("y", List.of(), Map.of("a", 1L))).problems().get(0).message());
    }

    @Test
    void wrongTypesAndRangesAreAllReported() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("halfLifeDays", "long");
        v.put("minimum", 2.5);
        v.put("discount", "yes");
        v.put("form", "ICC9");
        v.put("pretrusted", List.of("a", 3L));
        v.put("cap", -1.0);
        InvalidConfigException e = rejected(v);
        assertEquals(List.of(
                new Problem("/strategies/s~1x/halfLifeDays", "expected a number, found the string \"long\""),
                new Problem("/strategies/s~1x/minimum", "expected a whole number, found 2.5"),
                new Problem("/strategies/s~1x/discount", "expected true or false, found the string \"yes\""),
                new Problem("/strategies/s~1x/form", "expected one of ICC1, ICC2, ICC3, found the string \"ICC9\""),
                new Problem("/strategies/s~1x/pretrusted/1", "expected a string, found 3"),
                new Problem("/strategies/s~1x/cap", "cap must lie in [0, +inf], was -1.0")), e.problems());
    }

    @Test
    void rangesAreInclusive() {
        assertEquals(3650.0, StrategyParameters.of("s", SPECS, Map.of("halfLifeDays", 3650.0)).number("halfLifeDays"));
        assertEquals("minimum must lie in [1, 100], was 101",
                rejected(Map.of("minimum", 101L)).problems().get(0).message());
        assertEquals("halfLifeDays must lie in [1, 3650], was 0.5",
                rejected(Map.of("halfLifeDays", 0.5)).problems().get(0).message());
        assertTrue(rejected(Map.of("halfLifeDays", Double.NaN)).problems().get(0).message().contains("must lie in"));
    }

    @Test
    void unsetRequiredAccessorsFail() {
        StrategyParameters p = StrategyParameters.of("s", List.of(ParameterSpec.integer("k", null, 0, 9, "k")), Map.of());
        assertThrows(IllegalStateException.class, () -> p.integer("k"));
        assertEquals("{}", p.toString());
    }
}
