package dev.partnership.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnership.PartnerType;
import dev.partnership.Problem;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeBinderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void wholeNumbersAtTheEdgesOfInt() {
        TreeBinder b = new TreeBinder();
        assertEquals(Integer.MAX_VALUE, b.integer(json("2147483647"), "/a"));
        assertEquals(Integer.MIN_VALUE, b.integer(json("-2147483648"), "/a"));
        assertEquals(7, b.integer(json("7.0"), "/a"));
        assertEquals(0, b.problemCount());
        assertNull(b.integer(json("2147483648"), "/b"));
        assertNull(b.integer(json("1e10"), "/c"));
        assertNull(b.integer(json("7.5"), "/d"));
        assertNull(b.integer(json("\"7\""), "/e"));
        assertEquals(List.of("/b", "/c", "/d", "/e"), b.problems().stream().map(Problem::location).toList());
        assertTrue(b.problems().get(0).message().contains("out of range [-2147483648, 2147483647]"));
    }

    @Test
    void wholeNumbersAtTheEdgesOfLong() {
        TreeBinder b = new TreeBinder();
        assertEquals(Long.MAX_VALUE, b.longInteger(json("9223372036854775807"), "/a"));
        assertEquals(Long.MIN_VALUE, b.longInteger(json("-9223372036854775808"), "/a"));
        assertNull(b.longInteger(json("9223372036854775808"), "/b"));
        assertNull(b.longInteger(json("9.3e18"), "/c"), "a double just beyond the long range");
        assertEquals(2, b.problemCount());
    }

    @Test
    void numbersMustBeFinite() {
        TreeBinder b = new TreeBinder();
        assertEquals(1e308, b.number(json("1e308"), "/a"));
        assertNull(b.number(json("1e309"), "/b"));
        assertNull(b.number(json("-1e309"), "/c"));
        assertEquals(0.0, b.number(json("1e-400"), "/d"), "underflow to zero is not an error");
        assertEquals(2, b.problemCount());
    }

    @Test
    void timestampsFollowTheDocumentedSyntax() {
        assertEquals(Instant.parse("2025-09-03T00:00:00Z"), TreeBinder.parseTimestamp("2025-09-03"));
        assertEquals(Instant.parse("2025-09-03T15:00:00Z"), TreeBinder.parseTimestamp("2025-09-03T15:00:00Z"));
        assertEquals(Instant.parse("2025-09-03T15:00:00Z"), TreeBinder.parseTimestamp("2025-09-03T15:00Z"));
        assertEquals(Instant.parse("2025-09-03T14:00:00Z"), TreeBinder.parseTimestamp("2025-09-03T15:00:00+01"));
        assertEquals(Instant.parse("+10000-01-01T00:00:00Z"), TreeBinder.parseTimestamp("+10000-01-01T00:00:00Z"),
                "what Instant#toString writes for years beyond 9999 reads back");
        for (String bad : List.of("2025-09-03T15:00:00", "2025-9-3", "2025-09-03T15:00:00+0100", "20250903",
                "2025-09-03 15:00:00Z", "2025-02-29", "2025-09-03T24:00:00Z", "2025-09-03T15:00:00.1234567891Z", "")) {
            assertNull(TreeBinder.parseTimestamp(bad), bad);
        }
    }

    @Test
    void enumNamesAreExactAndTheMessageListsThem() {
        TreeBinder b = new TreeBinder();
        assertEquals(PartnerType.OTHER, b.enumValue(json("\"OTHER\""), "/t", PartnerType.class, "partner type"));
        assertNull(b.enumValue(json("\"other\""), "/t", PartnerType.class, "partner type"));
        assertEquals("unknown partner type 'other'; allowed: SCHOOL, SCHOOL_DISTRICT, UNIVERSITY, COMMUNITY_COLLEGE, "
                + "NONPROFIT, COMMUNITY_ORGANIZATION, BUSINESS, GOVERNMENT, FAMILY_ORGANIZATION, FOUNDATION, OTHER",
                b.problems().get(0).message());
    }

    @Test
    void unknownPropertiesAreEachReportedAtTheirPointer() {
        TreeBinder b = new TreeBinder();
        ObjectBinding o = b.object(json("{\"id\": \"x\", \"a/b\": 1, \"c\": 2}"), "/partners/0", List.of("id", "name"));
        assertEquals("x", o.string("id"));
        assertNull(o.string("name"));
        assertEquals(List.of(new Problem("/partners/0/a~1b", "unknown property 'a/b'; allowed: id, name"),
                new Problem("/partners/0/c", "unknown property 'c'; allowed: id, name"),
                new Problem("/partners/0", "missing required property 'name'")), b.problems());
    }

    @Test
    void describeNamesJsonTypes() {
        assertEquals("null", TreeBinder.describe(json("null")));
        assertEquals("a string (\"" + "x".repeat(40) + "...\")", TreeBinder.describe(json("\"" + "x".repeat(50) + "\"")));
        assertEquals("a boolean (true)", TreeBinder.describe(json("true")));
        assertEquals("an array", TreeBinder.describe(json("[]")));
        assertEquals("nothing", TreeBinder.describe(null));
    }
}
