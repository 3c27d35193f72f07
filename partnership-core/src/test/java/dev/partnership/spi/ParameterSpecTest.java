package dev.partnership.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterSpecTest {

    @Test
    void factoriesSetTypeDefaultAndRange() {
        ParameterSpec n = ParameterSpec.number("a", 0.5, 0, 1, "share");
        assertEquals(ParameterSpec.Type.NUMBER, n.type());
        assertEquals(0.5, n.defaultValue());
        assertEquals(ParameterSpec.Type.INTEGER, ParameterSpec.integer("k", 3L, 1, 9, "k").type());
        assertEquals(false, ParameterSpec.bool("b", false, "b").defaultValue());
        assertEquals(List.of("x", "y"), ParameterSpec.choice("c", "x", List.of("x", "y"), "c").choices());
        assertEquals(List.of(), ParameterSpec.strings("s", "s").defaultValue());
    }

    @Test
    void inconsistentSpecsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ParameterSpec.number("a", 0.5, 2, 1, "reversed range"));
        assertThrows(IllegalArgumentException.class, () -> ParameterSpec.number("a", 0.5, Double.NaN, 1, "NaN"));
        assertThrows(IllegalArgumentException.class, () -> ParameterSpec.choice("c", "z", List.of("x"), "not a choice"));
        assertThrows(NullPointerException.class, () -> ParameterSpec.number(null, 0.5, 0, 1, "no name"));
    }
}
