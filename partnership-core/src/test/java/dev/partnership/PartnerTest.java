package dev.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartnerTest {

    @Test
    void attributesAreCopiedSortedAndUnmodifiable() {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("region", "north");
        in.put("capacity", "high");
        Partner p = new Partner("a", "A", PartnerType.SCHOOL, in);
        in.put("later", "x");
        assertEquals(List.of("capacity", "region"), new ArrayList<>(p.attributes().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> p.attributes().put("k", "v"));
        assertEquals(Map.of(), new Partner("a", "A", PartnerType.SCHOOL).attributes());
    }

    @Test
    void idsAndNamesMustBeNonBlankAndIdsShort() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Partner(" ", "A", PartnerType.OTHER))
                .getMessage().contains("partner id must not be blank"));
        assertThrows(IllegalArgumentException.class, () -> new Partner("a", "\t", PartnerType.OTHER));
        new Partner("x".repeat(200), "A", PartnerType.OTHER);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Partner("x".repeat(201), "A", PartnerType.OTHER))
                .getMessage().contains("201 characters long; at most 200"));
    }

    @Test
    void nullsAreRejected() {
        assertThrows(NullPointerException.class, () -> new Partner(null, "A", PartnerType.OTHER));
        assertThrows(NullPointerException.class, () -> new Partner("a", "A", null));
        assertThrows(NullPointerException.class, () -> new Partner("a", "A", PartnerType.OTHER, null));
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("k", null);
        assertThrows(NullPointerException.class, () -> new Partner("a", "A", PartnerType.OTHER, nullValue));
    }
}
