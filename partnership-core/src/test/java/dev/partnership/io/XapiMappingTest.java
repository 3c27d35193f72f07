package dev.partnership.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.ValidationMessage;
import dev.partnership.InvalidConfigException;
import dev.partnership.Problem;
import dev.partnership.SignalKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XapiMappingTest {
    private static final String SCHEMA = JsonSchemas.XAPI_MAPPING;
    private static final String A = "http://adlnet.gov/expapi/verbs/";

    private static InvalidConfigException bad(String json) {
        return assertThrows(InvalidConfigException.class, () -> XapiMapping.read(json, "m.json"));
    }

    private static void assertProblem(InvalidConfigException e, String pointer, String fragment) {
        assertTrue(e.problems().stream().anyMatch(p -> p.location().equals(pointer) && p.message().contains(fragment)),
                () -> "expected a problem at " + pointer + " containing '" + fragment + "' in " + e.problems());
    }

    @Test
    void verbIrisAreKebabCaseUnderThePartnershipPrefix() {
        assertEquals("https://partnership.dev/xapi/verbs/meeting-attended", XapiMapping.verbIri(SignalKind.MEETING_ATTENDED));
        assertEquals("https://partnership.dev/xapi/verbs/conflict", XapiMapping.verbIri(SignalKind.CONFLICT));
        assertEquals("https://partnership.dev/xapi/verbs/request-ignored", XapiMapping.verbIri(SignalKind.REQUEST_IGNORED));
    }

    @Test
    void defaultsCoverEveryKindAndAdlCommonVerbs() {
        XapiMapping d = XapiMapping.defaults();
        for (SignalKind kind : SignalKind.values()) {
            assertEquals(Optional.of(kind), d.kind(XapiMapping.verbIri(kind)), kind.name());
        }
        // ADL vocabulary, http://adlnet.gov/expapi/verbs/ (xAPI 1.0.3 and the ADL verb registry).
        assertEquals(Optional.of(SignalKind.MEETING_ATTENDED), d.kind(A + "attended"));
        assertEquals(Optional.of(SignalKind.COMMITMENT_KEPT), d.kind(A + "completed"));
        assertEquals(Optional.of(SignalKind.INFORMATION_SHARED), d.kind(A + "shared"));
        assertEquals(Optional.of(SignalKind.INFORMATION_SHARED), d.kind(A + "commented"));
        assertEquals(Optional.of(SignalKind.REQUEST_ANSWERED), d.kind(A + "responded"));
        assertEquals(Optional.of(SignalKind.REQUEST_ANSWERED), d.kind(A + "answered"));
        assertEquals(Optional.empty(), d.kind(A + "launched"));
        assertEquals(Optional.empty(), d.kind(A + "voided"), "voiding is handled by the reader, never mapped");
        assertTrue(d.partners().isEmpty());
        assertTrue(d.goals().isEmpty());
        assertTrue(d.goalPathConvention());
        assertEquals(SignalKind.values().length + 6, d.verbs().size());
    }

    @Test
    void bundledDefaultsAndTestMappingMatchTheSchema() throws IOException {
        try (InputStream in = XapiMapping.class.getResourceAsStream(XapiMapping.DEFAULT_MAPPING_RESOURCE)) {
            Set<ValidationMessage> v = JsonSchemas.validate(SCHEMA, new String(in.readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8));
            assertTrue(v.isEmpty(), v.toString());
        }
        assertTrue(JsonSchemas.validate(SCHEMA, XapiReaderTest.resource("mapping.json")).isEmpty());
        assertTrue(JsonSchemas.validate(SCHEMA, XapiReaderTest.testMapping().toJson()).isEmpty());
        assertFalse(JsonSchemas.validate(SCHEMA, "{\"format\": \"partnership-xapi-mapping/1\", \"verbs\": "
                + "{\"x\": \"NOT_A_KIND\"}}").isEmpty());
    }

    @Test
    void fileVerbsAddToAndOverrideTheDefaults() throws IOException {
        XapiMapping m = XapiReaderTest.testMapping();
        assertEquals(Optional.of(SignalKind.FEEDBACK), m.kind(A + "commented"), "overridden");
        assertEquals(Optional.of(SignalKind.JOINT_ACTIVITY), m.kind("https://lms.example/verbs/hosted"), "added");
        assertEquals(Optional.of(SignalKind.MEETING_ATTENDED), m.kind(A + "attended"), "kept from the defaults");
        XapiMapping only = XapiMapping.read("{\"format\": \"partnership-xapi-mapping/1\", \"defaultVerbs\": false, "
                + "\"verbs\": {\"https://lms.example/verbs/hosted\": \"JOINT_ACTIVITY\"}}", null);
        assertEquals(Map.of("https://lms.example/verbs/hosted", SignalKind.JOINT_ACTIVITY), only.verbs());
    }

    @Test
    void actorsMapByMboxAccountOrHomePageConvention() throws IOException {
        XapiMapping m = XapiReaderTest.testMapping();
        assertEquals(Optional.of("rusd"), m.partner("mailto:office@rusd.example", null, null));
        assertEquals(Optional.of("rcc"), m.partner("MAILTO:DEAN@rcc.example", null, null), "mbox ignores case");
        assertEquals(Optional.of("rusd"), m.partner(null, "https://lms.example", "u-17"));
        assertEquals(Optional.empty(), m.partner(null, "https://lms.example", "U-17"), "account names are exact");
        assertEquals(Optional.of("anyone"), m.partner(null, "https://sso.example", "anyone"));
        assertEquals(Optional.empty(), m.partner(null, "https://other.example", "rusd"));
        assertEquals(Optional.empty(), m.partner("mailto:nobody@x.example", null, null));
        assertEquals(Optional.of("rusd"), m.partner("mailto:nobody@x.example", "https://lms.example", "u-17"),
                "an unknown mbox falls back to the account");
        assertEquals(Optional.of("rusd"), m.partnerOfActivity("https://lms.example/orgs/rusd"));
        assertEquals(Optional.empty(), m.partnerOfActivity("https://lms.example/orgs/rcc"));
    }

    @Test
    void goalsMapExplicitlyOrByPathConvention() throws IOException {
        XapiMapping m = XapiReaderTest.testMapping();
        assertEquals(Optional.of("dual"), m.goal("https://lms.example/courses/de-101"));
        assertEquals(Optional.of("fafsa"), m.goal("https://x.example/p/goals/fafsa"));
        assertEquals(Optional.empty(), m.goal("https://x.example/p/goals/fafsa/week-1"));
        assertEquals(Optional.empty(), m.goal("https://x.example/p/goals/"));
        assertEquals(Optional.empty(), m.goal("https://x.example/p/goals/a?x=1"));
        assertEquals(Optional.empty(), m.withGoalPathConvention(false).goal("https://x.example/p/goals/fafsa"));
        assertEquals(Optional.of("dual"), m.withGoalPathConvention(false).goal("https://lms.example/courses/de-101"));
    }

    @Test
    void toJsonReadsBackEqualAndIsDeterministic(@TempDir Path dir) throws IOException {
        XapiMapping m = XapiReaderTest.testMapping().withGoal("https://lms.example/c/2", "fafsa")
                .withPartnerActivity("mercy", "https://lms.example/orgs/mercy")
                .withPartnerAccount("mercy", new XapiMapping.Account("https://lms.example", "m-1"))
                .withAccountHomePage("https://sso2.example").withVerb("https://v.example/x", SignalKind.CONFLICT);
        String json = m.toJson();
        assertEquals(json, m.toJson());
        XapiMapping back = XapiMapping.read(json, null);
        assertEquals(m, back);
        assertEquals(m.hashCode(), back.hashCode());
        Path file = dir.resolve("m.json");
        Files.writeString(file, json);
        assertEquals(m, XapiMapping.read(file));
        assertEquals(Optional.of("mercy"), back.partner(null, "https://lms.example", "m-1"));
        assertEquals(XapiMapping.defaults(), XapiMapping.read(XapiMapping.defaults().toJson(), null));
    }

    @Test
    void emptyMapsNothing() {
        XapiMapping e = XapiMapping.empty();
        assertTrue(e.verbs().isEmpty());
        assertEquals(Optional.empty(), e.kind(XapiMapping.verbIri(SignalKind.CONFLICT)));
    }

    @Test
    void withMethodsRejectBadIdentifiers() {
        XapiMapping d = XapiMapping.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withVerb("attended", SignalKind.CONFLICT));
        assertThrows(IllegalArgumentException.class, () -> d.withPartnerMbox("rusd", "office@rusd.example"));
        assertThrows(IllegalArgumentException.class, () -> d.withPartnerActivity("rusd", "orgs/rusd"));
        assertThrows(IllegalArgumentException.class, () -> d.withGoal("https://x.example/g", " "));
        assertThrows(IllegalArgumentException.class, () -> d.withAccountHomePage("sso"));
        assertThrows(IllegalArgumentException.class, () -> d.withPartnerMbox("rusd", "mailto:a@x.example")
                .withPartnerMbox("rcc", "mailto:A@x.example"), "one mailbox, two partners");
        XapiMapping once = d.withPartnerMbox("rusd", "mailto:a@x.example");
        assertEquals(once, once.withPartnerMbox("rusd", "mailto:a@x.example"), "adding a mailbox twice is a no-op");
    }

    @Test
    void badDocumentsReportEveryProblemWithItsPointer() {
        InvalidConfigException e = bad("{\"format\": \"partnership-xapi-mapping/1\", \"verbz\": {}, "
                + "\"verbs\": {\"attended\": \"MEETING_ATTENDED\", \"https://v.example/a/b\": \"MEETING\"}, "
                + "\"partners\": {\"rusd\": {\"mbox\": [\"office@rusd.example\"], \"accounts\": [{\"homePage\": "
                + "\"lms\", \"name\": \"\"}], \"activities\": [3], \"phone\": 1}}, "
                + "\"accountHomePages\": [\"sso\"], \"goals\": {\"https://g.example/1\": \"\"}, "
                + "\"goalPathConvention\": \"yes\"}");
        assertProblem(e, "/verbz", "unknown property");
        assertProblem(e, "/verbs/attended", "not an absolute IRI");
        assertProblem(e, "/verbs/https:~1~1v.example~1a~1b", "unknown signal kind 'MEETING'");
        assertProblem(e, "/partners/rusd/mbox/0", "mailto:");
        assertProblem(e, "/partners/rusd/accounts/0/homePage", "not an absolute IRI");
        assertProblem(e, "/partners/rusd/accounts/0/name", "must not be blank");
        assertProblem(e, "/partners/rusd/activities/0", "expected a string");
        assertProblem(e, "/partners/rusd/phone", "unknown property");
        assertProblem(e, "/accountHomePages/0", "not an absolute IRI");
        assertProblem(e, "/goals/https:~1~1g.example~11", "must not be blank");
        assertProblem(e, "/goalPathConvention", "expected true or false");
        assertEquals("m.json", e.source());
    }

    @Test
    void otherFormatsAndSharedIdentifiersAreRejected() {
        assertProblem(bad("{\"format\": \"partnership-config/1\"}"), "/format", "unsupported format");
        assertProblem(bad("{}"), "", "missing required property 'format'");
        assertProblem(bad("[]"), "", "expected an object");
        assertProblem(bad("{\"format\": \"partnership-xapi-mapping/1\", \"partners\": {"
                + "\"a\": {\"mbox\": [\"mailto:x@y.example\"]}, \"b\": {\"mbox\": [\"mailto:X@y.example\"]}}}"),
                "/partners", "listed for both partner 'a' and partner 'b'");
        assertProblem(bad("{\"format\": \"partnership-xapi-mapping/1\", \"partners\": {\" \": {}}}"),
                "/partners/ ", "must not be blank");
        InvalidConfigException dup = bad("{\"format\": \"partnership-xapi-mapping/1\", \"goals\": {}, \"goals\": {}}");
        assertFalse(dup.problems().isEmpty());
        Problem first = dup.problems().get(0);
        assertTrue(first.message().contains("duplicate key"), first.toString());
    }

    @Test
    void partnerIdentifiersAreSortedAndUnique() {
        XapiMapping.PartnerIdentifiers ids = new XapiMapping.PartnerIdentifiers(
                List.of("mailto:b@x.example", "mailto:a@x.example", "mailto:b@x.example"), List.of(),
                List.of("https://z.example", "https://a.example"));
        assertEquals(List.of("mailto:a@x.example", "mailto:b@x.example"), ids.mbox());
        assertEquals(List.of("https://a.example", "https://z.example"), ids.activities());
        assertThrows(IllegalArgumentException.class, () -> new XapiMapping.Account("https://x.example", " "));
        assertEquals(new TreeMap<>(Map.of()), new TreeMap<>(XapiMapping.empty().partners()));
    }
}
