package dev.partnership.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.Dimension;
import dev.partnership.EvaluationConfig;
import dev.partnership.Evaluator;
import dev.partnership.InvalidConfigException;
import dev.partnership.Problem;
import dev.partnership.TestStrategies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {
    private static final String FULL = "{\n"
            + "  \"format\": \"partnership-config/1\",\n"
            + "  \"enabled\": [\"signal-count\", \"always-thin\"],\n"
            + "  \"strategies\": {\n"
            + "    \"signal-count\": { \"scale\": 2.5 },\n"
            + "    \"always-thin\": { \"minimum\": 5, \"mode\": \"lenient\", \"verbose\": true, \"tags\": [\"a\", \"b\"] }\n"
            + "  },\n"
            + "  \"weights\": { \"TRUST\": 2, \"IMPACT\": 0.5 },\n"
            + "  \"confidenceLevel\": 0.9,\n"
            + "  \"seed\": 42,\n"
            + "  \"privacy\": { \"minCellSize\": 5 }\n"
            + "}\n";

    private static void assertProblem(InvalidConfigException e, String pointer, String fragment) {
        assertTrue(e.problems().stream().anyMatch(p -> p.location().equals(pointer) && p.message().contains(fragment)),
                () -> "expected a problem at '" + pointer + "' containing '" + fragment + "' but got " + e.problems());
    }

    private static InvalidConfigException rejected(String json) {
        return assertThrows(InvalidConfigException.class, () -> ConfigReader.read(json, "config.json"));
    }

    @Test
    void readsEveryKey() {
        EvaluationConfig c = ConfigReader.read(FULL, "config.json");
        assertEquals(Set.of("signal-count", "always-thin"), c.enabled());
        assertEquals(Map.of("scale", 2.5), c.strategies().get("signal-count"));
        Map<String, Object> thin = c.strategies().get("always-thin");
        assertInstanceOf(Long.class, thin.get("minimum"), "JSON integers become Long");
        assertEquals(5L, thin.get("minimum"));
        assertEquals("lenient", thin.get("mode"));
        assertEquals(true, thin.get("verbose"));
        assertEquals(List.of("a", "b"), thin.get("tags"));
        assertEquals(Map.of(Dimension.TRUST, 2.0, Dimension.IMPACT, 0.5), c.weights());
        assertEquals(0.9, c.confidenceLevel());
        assertEquals(42L, c.seed());
        assertEquals(5, c.minCellSize());
        assertEquals(Set.of(), JsonSchemas.validate(JsonSchemas.CONFIG, FULL));
    }

    @Test
    void onlyFormatIsRequiredAndEverythingElseDefaults() {
        assertEquals(EvaluationConfig.defaults(), ConfigReader.read("{\"format\": \"partnership-config/1\"}", null));
        assertEquals(EvaluationConfig.defaults(), ConfigReader.read("{\"format\": \"partnership-config/1\", \"enabled\": null,"
                + " \"strategies\": null, \"weights\": null, \"confidenceLevel\": null, \"seed\": null, \"privacy\": null}", null));
        assertEquals(EvaluationConfig.defaults(), ConfigReader.read("{\"format\": \"partnership-config/1\", \"privacy\": {}}", null));
    }

    @Test
    void fractionalParameterValuesStayDoubles() {
        EvaluationConfig c = ConfigReader.read("{\"format\": \"partnership-config/1\", "
                + "\"strategies\": {\"s\": {\"a\": 3.0, \"b\": 3, \"c\": 1e2}}}", null);
        assertEquals(Map.of("a", 3.0, "b", 3L, "c", 100.0), c.strategies().get("s"));
    }

    @Test
    void readsFilesAndNamesThemAsTheSource(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.json");
        Files.writeString(good, FULL);
        assertEquals(42L, ConfigReader.read(good).seed());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"partnership-config/1\", \"seed\": \"x\"}");
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> ConfigReader.read(bad));
        assertEquals(bad.toString(), e.source());
        assertProblem(e, "/seed", "expected a whole number, found a string");
    }

    @Test
    void everyProblemIsReportedWithItsPointer() {
        InvalidConfigException e = rejected("{\"format\": \"partnership-config/1\", \"colour\": 1,"
                + " \"enabled\": [\"a\", 3, \"a\"],"
                + " \"strategies\": {\"s\": {\"p\": null, \"q\": {\"nested\": 1}, \"r\": [1], \"t\": 1e400}, \"u\": 5},"
                + " \"weights\": {\"TRUST\": -1, \"KARMA\": 1, \"IMPACT\": \"high\"},"
                + " \"confidenceLevel\": 1.5, \"seed\": 1.5, \"privacy\": {\"minCellSize\": 0, \"k\": 2}}");
        assertProblem(e, "/colour", "unknown property 'colour'");
        assertProblem(e, "/enabled/1", "expected a string, found a number");
        assertProblem(e, "/strategies/s/p", "found null");
        assertProblem(e, "/strategies/s/q", "found an object");
        assertProblem(e, "/strategies/s/r/0", "expected a string, found a number");
        assertProblem(e, "/strategies/s/t", "not finite");
        assertProblem(e, "/strategies/u", "expected an object of parameters");
        assertProblem(e, "/weights/TRUST", "must be finite and >= 0, was -1.0");
        assertProblem(e, "/weights/KARMA", "unknown dimension 'KARMA'; allowed: TRUST, ALIGNMENT");
        assertProblem(e, "/weights/IMPACT", "expected a number");
        assertProblem(e, "/confidenceLevel", "must lie in (0, 1), was 1.5");
        assertProblem(e, "/seed", "expected a whole number, found 1.5");
        assertProblem(e, "/privacy/minCellSize", "minCellSize must be >= 1, was 0");
        assertProblem(e, "/privacy/k", "unknown property 'k'");
        assertEquals(14, e.problems().size(), e.problems()::toString);
        assertEquals("config.json", e.source());
    }

    @Test
    void healthCannotBeWeightedAndSomeComponentMustWeighMoreThanZero() {
        assertProblem(rejected("{\"format\": \"partnership-config/1\", \"weights\": {\"HEALTH\": 1}}"),
                "/weights/HEALTH", "HEALTH cannot be weighted");
        assertProblem(rejected("{\"format\": \"partnership-config/1\", \"weights\": {\"TRUST\": 0,"
                + " \"ALIGNMENT\": 0, \"IMPACT\": 0, \"ENGAGEMENT\": 0, \"INSTRUMENT\": 0}}"),
                "/weights", "at least one of TRUST, ALIGNMENT, IMPACT, ENGAGEMENT and INSTRUMENT must weigh more");
    }

    @Test
    void duplicateEnabledIdsAreReported() {
        assertProblem(rejected("{\"format\": \"partnership-config/1\", \"enabled\": [\"a\", \"b\", \"a\"]}"),
                "/enabled/2", "strategy 'a' is listed twice");
    }

    @Test
    void formatIsRequiredAndChecked() {
        assertProblem(rejected("{}"), "", "missing required property 'format'");
        InvalidConfigException wrong = rejected("{\"format\": \"partnership-config/2\", \"seed\": \"x\"}");
        assertEquals(List.of(new Problem("/format", "unsupported format 'partnership-config/2'; expected 'partnership-config/1'")),
                wrong.problems());
        assertProblem(rejected("[]"), "", "expected an object, found an array");
        assertProblem(rejected("{\"format\": \"partnership-config/1\",}"), "/format", "malformed JSON at line 1, column 35");
        assertProblem(rejected("{\"format\": \"partnership-config/1\", \"seed\": 1, \"seed\": 2}"), "/seed", "Duplicate field 'seed'");
    }

    @Test
    void unknownStrategiesAreLeftToTheEvaluatorWhichLocatesThem() {
        EvaluationConfig c = ConfigReader.read("{\"format\": \"partnership-config/1\", \"enabled\": [\"nope\"],"
                + " \"strategies\": {\"signal-count\": {\"scale\": 99}}}", null);
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Evaluator.builder().discover(false)
                .register(new TestStrategies.SignalCountProvider()).config(c).build());
        assertProblem(e, "/enabled/0", "unknown strategy 'nope'; available: signal-count");
        assertProblem(e, "/strategies/signal-count/scale", "scale must lie in [0, 10], was 99");
    }

    @Test
    void schemaAgreesOnBadConfigurations() {
        for (String bad : List.of("{}", "{\"format\": \"partnership-config/1\", \"colour\": 1}",
                "{\"format\": \"partnership-config/1\", \"confidenceLevel\": 1}",
                "{\"format\": \"partnership-config/1\", \"weights\": {\"KARMA\": 1}}",
                "{\"format\": \"partnership-config/1\", \"weights\": {\"TRUST\": -1}}",
                "{\"format\": \"partnership-config/1\", \"seed\": 1.5}",
                "{\"format\": \"partnership-config/1\", \"enabled\": [\"a\", \"a\"]}",
                "{\"format\": \"partnership-config/1\", \"privacy\": {\"minCellSize\": 0}}",
                "{\"format\": \"partnership-config/1\", \"strategies\": {\"s\": {\"p\": null}}}",
                "{\"format\": \"partnership-config/1\", \"strategies\": {\"s\": {\"p\": [1]}}}")) {
            assertFalse(JsonSchemas.validate(JsonSchemas.CONFIG, bad).isEmpty(), bad);
            assertThrows(InvalidConfigException.class, () -> ConfigReader.read(bad, null), bad);
        }
        String good = "{\"format\": \"partnership-config/1\", \"seed\": -9223372036854775808, \"strategies\": {\"s\": {}}}";
        assertEquals(Set.of(), JsonSchemas.validate(JsonSchemas.CONFIG, good));
        assertEquals(Long.MIN_VALUE, ConfigReader.read(good, null).seed());
        assertNull(ConfigReader.read(good, null).enabled());
    }
}
