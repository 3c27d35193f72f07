package dev.partnership.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas of the data formats, read from {@code docs/schema} relative to the module directory (the
 * working directory of Maven's test runs), for tests that check documents against them. Thread-safe.
 */
// Test helpers expose the test libraries' types; the test sources are not a published module API.
@SuppressWarnings("exports")
public final class JsonSchemas {
    /** The dataset schema's file name. */
    public static final String DATASET = "partnership-dataset-1.schema.json";
    /** The evaluation schema's file name. */
    public static final String EVALUATION = "partnership-evaluation-1.schema.json";
    /** The configuration schema's file name. */
    public static final String CONFIG = "partnership-config-1.schema.json";
    /** File name of the xAPI mapping schema. */
    public static final String XAPI_MAPPING = "partnership-xapi-mapping-1.schema.json";
    /** File name of the trend schema. */
    public static final String TREND = "partnership-trend-1.schema.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private JsonSchemas() {
    }

    /**
     * Returns the directory holding the schemas: {@code ../docs/schema} from a module, {@code docs/schema} from
     * the repository root.
     *
     * @return the directory
     */
    public static Path directory() {
        Path fromModule = Path.of("..", "docs", "schema");
        return Files.isDirectory(fromModule) ? fromModule : Path.of("docs", "schema");
    }

    /**
     * Returns a schema by file name, loaded once.
     *
     * @param file one of {@link #DATASET}, {@link #EVALUATION}, {@link #CONFIG}
     * @return the compiled schema
     */
    public static JsonSchema schema(String file) {
        return CACHE.computeIfAbsent(file, f -> {
            try (InputStream in = Files.newInputStream(directory().resolve(f))) {
                JsonNode node = MAPPER.readTree(in);
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, b -> b.schemaMappers(m ->
                        m.mapPrefix("https://partnership.dev/schema/", directory().toAbsolutePath().toUri().toString())))
                        .getSchema(node);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Validates a document against a schema.
     *
     * @param file     the schema's file name
     * @param document the document
     * @return the violations, empty when valid
     */
    public static Set<ValidationMessage> validate(String file, JsonNode document) {
        return schema(file).validate(document);
    }

    /**
     * Validates a document held in a string against a schema.
     *
     * @param file the schema's file name
     * @param json the document
     * @return the violations, empty when valid
     */
    public static Set<ValidationMessage> validate(String file, String json) {
        try {
            return validate(file, MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
