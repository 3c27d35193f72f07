package dev.partnership.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnership.EvaluationConfig;
import dev.partnership.InvalidConfigException;
import dev.partnership.Problem;
import dev.partnership.io.internal.ConfigBinder;
import dev.partnership.io.internal.StrictTreeParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads {@code partnership-config/1} documents into an {@link EvaluationConfig}. The format is documented by
 * {@code docs/schema/partnership-config-1.schema.json}:
 *
 * <pre>{@code
 * { "format": "partnership-config/1",
 *   "enabled": ["beta-reputation", "kendall-w"],
 *   "strategies": { "beta-reputation": { "halfLifeDays": 180 } },
 *   "weights": { "TRUST": 2, "IMPACT": 1 },
 *   "confidenceLevel": 0.9, "seed": 42, "privacy": { "minCellSize": 5 } }
 * }</pre>
 *
 * <p>Only {@code format} is required; an absent or {@code null} key takes the default of
 * {@link EvaluationConfig#defaults()}. Parameter values that are JSON integers become {@link Long}, other numbers
 * {@link Double}; strings, booleans and arrays of strings are kept as they are. Reading is as strict as
 * {@link DatasetReader}'s and reports every problem with its JSON pointer in one {@link InvalidConfigException};
 * whether the named strategies and parameters exist is checked when an {@link dev.partnership.Evaluator} is built.
 * Input is bounded by {@link ReadLimits#DEFAULTS}.
 *
 * <p>Stateless and thread-safe. Cost O(document size).
 */
public final class ConfigReader {
    /** The format identifier this reader accepts in {@code format}. */
    public static final String FORMAT = ConfigBinder.FORMAT;

    private static final StrictTreeParser PARSER = new StrictTreeParser(ReadLimits.DEFAULTS);

    private ConfigReader() {
    }

    /**
     * Reads a configuration file.
     *
     * @param file the file
     * @return the configuration
     * @throws IOException            when the file cannot be read
     * @throws InvalidConfigException when its content is not a valid configuration; the exception's source is
     *                                {@code file.toString()}
     */
    public static EvaluationConfig read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        String source = file.toString();
        List<Problem> problems = new ArrayList<>();
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = PARSER.parse(in, problems);
        }
        return bind(root, source, problems);
    }

    /**
     * Reads a configuration held in a string.
     *
     * @param json   the document
     * @param source where it comes from, for messages, or {@code null}
     * @return the configuration
     * @throws InvalidConfigException when the content is not a valid configuration
     */
    public static EvaluationConfig read(String json, String source) {
        List<Problem> problems = new ArrayList<>();
        JsonNode root = PARSER.parse(json, problems);
        return bind(root, source, problems);
    }

    private static EvaluationConfig bind(JsonNode root, String source, List<Problem> problems) {
        if (root == null) {
            throw new InvalidConfigException(source, problems);
        }
        return ConfigBinder.bind(root, source);
    }
}
