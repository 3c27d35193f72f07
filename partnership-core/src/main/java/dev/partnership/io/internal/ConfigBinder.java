package dev.partnership.io.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnership.Dimension;
import dev.partnership.EvaluationConfig;
import dev.partnership.InvalidConfigException;
import dev.partnership.internal.JsonPointers;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds a parsed {@code partnership-config/1} document to an {@link EvaluationConfig}, reporting every problem
 * at once with its JSON pointer.
 *
 * <p>Keys: {@code format} (required), {@code enabled} (strategy ids, each once), {@code strategies} (strategy id
 * to an object of parameters), {@code weights} (dimension name to a finite number {@code >= 0}),
 * {@code confidenceLevel} (in (0, 1)), {@code seed} (a whole number in the range of {@code long}) and
 * {@code privacy} ({@code minCellSize}, a whole number {@code >= 1}); every key but {@code format} is optional
 * and may be {@code null}, meaning the default. A parameter value is a JSON integer (bound as {@link Long}), any
 * other finite number ({@link Double}), a string, a boolean, or an array of strings. Whether the strategies and
 * parameters exist is checked later, against the available strategies, by
 * {@link dev.partnership.Evaluator.Builder#build()}.
 *
 * <p>Not thread-safe; the public entry point creates one per document.
 */
public final class ConfigBinder {
    /** The format identifier. */
    public static final String FORMAT = "partnership-config/1";

    private static final List<String> ROOT_KEYS = List.of("format", "enabled", "strategies", "weights",
            "confidenceLevel", "seed", "privacy");
    private static final List<String> PRIVACY_KEYS = List.of("minCellSize");

    private final TreeBinder b = new TreeBinder();

    private ConfigBinder() {
    }

    /**
     * Binds a document.
     *
     * @param root   the parsed document
     * @param source where it came from, or {@code null}
     * @return the configuration
     * @throws InvalidConfigException listing every problem found
     */
    public static EvaluationConfig bind(JsonNode root, String source) {
        ConfigBinder binder = new ConfigBinder();
        EvaluationConfig config = binder.document(root);
        if (config == null || binder.b.problemCount() > 0) {
            throw new InvalidConfigException(source, binder.b.problems());
        }
        return config;
    }

    private EvaluationConfig document(JsonNode root) {
        ObjectBinding doc = b.object(root, "", ROOT_KEYS);
        if (doc == null) {
            return null;
        }
        if (!b.format(doc, FORMAT)) {
            return null;
        }
        Set<String> enabled = enabled(doc);
        Map<String, Map<String, Object>> strategies = strategies(doc);
        Map<Dimension, Double> weights = weights(doc);
        double level = EvaluationConfig.DEFAULT_CONFIDENCE_LEVEL;
        Double levelValue = doc.optionalNumber("confidenceLevel");
        if (levelValue != null) {
            if (levelValue > 0 && levelValue < 1) {
                level = levelValue;
            } else {
                b.report("/confidenceLevel", "confidenceLevel must lie in (0, 1), was " + levelValue);
            }
        }
        long seed = EvaluationConfig.DEFAULT_SEED;
        JsonNode seedNode = doc.optional("seed");
        if (seedNode != null) {
            Long s = b.longInteger(seedNode, "/seed");
            if (s != null) {
                seed = s;
            }
        }
        int minCellSize = EvaluationConfig.DEFAULT_MIN_CELL_SIZE;
        JsonNode privacyNode = doc.optional("privacy");
        if (privacyNode != null) {
            ObjectBinding privacy = b.object(privacyNode, "/privacy", PRIVACY_KEYS);
            if (privacy != null) {
                Integer m = privacy.optionalInteger("minCellSize");
                if (m != null && m < 1) {
                    b.report("/privacy/minCellSize", "minCellSize must be >= 1, was " + m);
                } else if (m != null) {
                    minCellSize = m;
                }
            }
        }
        if (b.problemCount() > 0) {
            return null;
        }
        double confidenceLevel = level;
        long seedValue = seed;
        int cellSize = minCellSize;
        return b.construct("", () -> new EvaluationConfig(enabled, strategies, weights, confidenceLevel, seedValue, cellSize));
    }

    private Set<String> enabled(ObjectBinding doc) {
        if (!doc.has("enabled")) {
            return null;
        }
        List<String> ids = doc.strings("enabled");
        if (ids == null) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!out.add(ids.get(i))) {
                b.report(JsonPointers.child("/enabled", i), "strategy '" + ids.get(i) + "' is listed twice");
            }
        }
        return out;
    }

    private Map<String, Map<String, Object>> strategies(ObjectBinding doc) {
        Map<String, Map<String, Object>> parameters = doc.map("strategies", (node, at) -> {
            if (!node.isObject()) {
                b.report(at, "expected an object of parameters, found " + TreeBinder.describe(node));
                return null;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            boolean ok = true;
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                Object v = parameter(e.getValue(), JsonPointers.child(at, e.getKey()));
                ok &= v != null;
                values.put(e.getKey(), v);
            }
            return ok ? values : null;
        });
        return parameters == null ? Map.of() : parameters;
    }

    private Object parameter(JsonNode node, String at) {
        if (node.isIntegralNumber()) {
            return b.longInteger(node, at);
        }
        if (node.isNumber()) {
            return b.number(node, at);
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isArray()) {
            List<String> out = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < node.size(); i++) {
                String s = b.string(node.get(i), JsonPointers.child(at, i));
                ok &= s != null;
                out.add(s);
            }
            return ok ? List.copyOf(out) : null;
        }
        b.report(at, "expected a number, string, boolean or array of strings as a parameter value, found "
                + TreeBinder.describe(node));
        return null;
    }

    private Map<Dimension, Double> weights(ObjectBinding doc) {
        JsonNode node = doc.optional("weights");
        Map<Dimension, Double> out = new EnumMap<>(Dimension.class);
        if (node == null) {
            return out;
        }
        if (!node.isObject()) {
            b.report("/weights", "expected an object, found " + TreeBinder.describe(node));
            return out;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String at = JsonPointers.child("/weights", e.getKey());
            Dimension d = b.enumName(e.getKey(), at, Dimension.class, "dimension");
            if (d == null) {
                continue;
            }
            Double w = b.number(e.getValue(), at);
            String problem = w == null ? null : EvaluationConfig.weightProblem(d, w);
            if (problem != null) {
                b.report(at, problem);
            } else if (w != null) {
                out.put(d, w);
            }
        }
        if (EvaluationConfig.COMPOSITE_COMPONENTS.stream()
                .allMatch(d -> out.getOrDefault(d, EvaluationConfig.DEFAULT_WEIGHT) == 0)) {
            b.report("/weights", EvaluationConfig.ALL_WEIGHTS_ZERO);
        }
        return out;
    }
}
