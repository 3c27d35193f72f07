package dev.partnership.io.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnership.Dimension;
import dev.partnership.DimensionSummary;
import dev.partnership.Evaluation;
import dev.partnership.Interval;
import dev.partnership.Score;
import dev.partnership.ScoreStatus;
import dev.partnership.Subject;
import dev.partnership.Warning;
import dev.partnership.internal.JsonPointers;
import dev.partnership.io.InvalidEvaluationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a parsed {@code partnership-evaluation/1} document to an {@link Evaluation}, reporting every problem at
 * once. Every key the writer emits is required (absent values are {@code null}, which becomes {@code NaN} for
 * numbers); unknown keys are rejected. Detail numbers written as integers become {@link Long}, others
 * {@link Double}. Not thread-safe; the public entry point creates one per document.
 */
public final class EvaluationBinder {
    /** The format identifier. */
    public static final String FORMAT = "partnership-evaluation/1";

    private static final List<String> ROOT_KEYS = List.of("format", "partnership", "asOf", "generator", "scores",
            "summary", "warnings");
    private static final List<String> GENERATOR_KEYS = List.of("name", "version");
    private static final List<String> SCORE_KEYS = List.of("strategy", "dimension", "subject", "status", "value",
            "normalized", "interval", "normalizedInterval", "n", "band", "explanation", "details");
    private static final List<String> INTERVAL_KEYS = List.of("low", "high", "level");
    private static final List<String> SUMMARY_KEYS = List.of("value", "interval", "strategies");
    private static final List<String> WARNING_KEYS = List.of("code", "strategy", "message");
    private static final Map<Subject.Kind, List<String>> SUBJECT_KEYS = subjectKeys();

    private final TreeBinder b = new TreeBinder();

    private EvaluationBinder() {
    }

    private static Map<Subject.Kind, List<String>> subjectKeys() {
        Map<Subject.Kind, List<String>> m = new EnumMap<>(Subject.Kind.class);
        m.put(Subject.Kind.PARTNERSHIP, List.of("kind"));
        m.put(Subject.Kind.PARTNER, List.of("kind", "partner"));
        m.put(Subject.Kind.PAIR, List.of("kind", "from", "to"));
        m.put(Subject.Kind.GOAL, List.of("kind", "goal"));
        m.put(Subject.Kind.FACTOR, List.of("kind", "instrument", "factor", "category"));
        return m;
    }

    /**
     * Binds a document.
     *
     * @param root   the parsed document
     * @param source where it came from, or {@code null}
     * @return the evaluation
     * @throws InvalidEvaluationException listing every problem found
     */
    public static Evaluation bind(JsonNode root, String source) {
        EvaluationBinder binder = new EvaluationBinder();
        Evaluation e = binder.document(root);
        if (e == null || binder.b.problemCount() > 0) {
            throw new InvalidEvaluationException(source, binder.b.problems());
        }
        return e;
    }

    private Evaluation document(JsonNode root) {
        ObjectBinding doc = b.object(root, "", ROOT_KEYS);
        if (doc == null) {
            return null;
        }
        if (!b.format(doc, FORMAT)) {
            return null;
        }
        String partnership = doc.string("partnership");
        Instant asOf = doc.instant("asOf");
        Evaluation.Generator generator = null;
        JsonNode g = doc.required("generator");
        if (g != null) {
            ObjectBinding o = b.object(g, "/generator", GENERATOR_KEYS);
            if (o != null) {
                String name = o.string("name");
                String version = o.string("version");
                if (name != null && version != null) {
                    generator = new Evaluation.Generator(name, version);
                }
            }
        }
        List<Score> scores = null;
        JsonNode scoresNode = doc.required("scores");
        if (scoresNode != null) {
            scores = b.elements(scoresNode, "/scores", this::score);
        }
        Map<Dimension, DimensionSummary> summary = null;
        JsonNode summaryNode = doc.required("summary");
        if (summaryNode != null) {
            summary = summary(summaryNode, "/summary");
        }
        List<Warning> warnings = null;
        JsonNode warningsNode = doc.required("warnings");
        if (warningsNode != null) {
            warnings = b.elements(warningsNode, "/warnings", this::warning);
        }
        if (b.problemCount() > 0) {
            return null;
        }
        Evaluation.Generator gen = generator;
        List<Score> s = scores;
        Map<Dimension, DimensionSummary> sum = summary;
        List<Warning> w = warnings;
        return b.construct("", () -> new Evaluation(partnership, asOf, gen, s, sum, w));
    }

    /** A required key whose value may be {@code null}: returns NaN for null, {@code null} after a problem. */
    private Double nullableNumber(ObjectBinding o, String key) {
        JsonNode v = o.required(key);
        if (v == null) {
            return null;
        }
        return v.isNull() ? Double.valueOf(Double.NaN) : b.number(v, o.at(key));
    }

    /**
     * Binds a required key whose value may be {@code null}; {@code ok[0]} becomes false after a problem, which
     * tells a failed value from a {@code null} one.
     */
    private <T> T nullable(ObjectBinding o, String key, boolean[] ok, TreeBinder.ElementBinder<T> bind) {
        JsonNode v = o.required(key);
        if (v == null) {
            ok[0] = false;
            return null;
        }
        if (v.isNull()) {
            return null;
        }
        T t = bind.bind(v, o.at(key));
        if (t == null) {
            ok[0] = false;
        }
        return t;
    }

    private String nullableString(ObjectBinding o, String key, boolean[] ok) {
        return nullable(o, key, ok, b::string);
    }

    private Interval nullableInterval(ObjectBinding o, String key, boolean[] ok) {
        return nullable(o, key, ok, this::interval);
    }

    private Interval interval(JsonNode node, String at) {
        int before = b.problemCount();
        ObjectBinding o = b.object(node, at, INTERVAL_KEYS);
        if (o == null) {
            return null;
        }
        Double low = o.number("low");
        Double high = o.number("high");
        Double level = o.number("level");
        if (b.problemCount() > before) {
            return null;
        }
        return b.construct(at, () -> new Interval(low, high, level));
    }

    private Score score(JsonNode node, String at) {
        int before = b.problemCount();
        ObjectBinding o = b.object(node, at, SCORE_KEYS);
        if (o == null) {
            return null;
        }
        boolean[] ok = {true};
        String strategy = o.string("strategy");
        Dimension dimension = o.enumValue("dimension", Dimension.class, "dimension");
        JsonNode subjectNode = o.required("subject");
        Subject subject = subjectNode == null ? null : subject(subjectNode, o.at("subject"));
        ScoreStatus status = o.enumValue("status", ScoreStatus.class, "score status");
        Double value = nullableNumber(o, "value");
        Double normalized = nullableNumber(o, "normalized");
        Interval interval = nullableInterval(o, "interval", ok);
        Interval normalizedInterval = nullableInterval(o, "normalizedInterval", ok);
        Double n = nullableNumber(o, "n");
        String band = nullableString(o, "band", ok);
        String explanation = nullableString(o, "explanation", ok);
        JsonNode detailsNode = o.required("details");
        Map<String, Object> details = null;
        if (detailsNode != null) {
            if (!detailsNode.isObject()) {
                b.report(o.at("details"), "expected an object, found " + TreeBinder.describe(detailsNode));
            } else {
                details = detailMap(detailsNode, o.at("details"));
            }
        }
        if (b.problemCount() > before || !ok[0]) {
            return null;
        }
        Map<String, Object> d = details;
        return b.construct(at, () -> new Score(strategy, dimension, subject, status, value, normalized, interval,
                normalizedInterval, n, band, explanation, d));
    }

    private Subject subject(JsonNode node, String at) {
        if (!node.isObject()) {
            b.report(at, "expected an object, found " + TreeBinder.describe(node));
            return null;
        }
        JsonNode kindNode = node.get("kind");
        if (kindNode == null) {
            b.report(at, "missing required property 'kind'");
            return null;
        }
        Subject.Kind kind = b.enumValue(kindNode, JsonPointers.child(at, "kind"), Subject.Kind.class, "subject kind");
        if (kind == null) {
            return null;
        }
        int before = b.problemCount();
        ObjectBinding o = b.object(node, at, SUBJECT_KEYS.get(kind));
        boolean[] ok = {true};
        Subject subject;
        switch (kind) {
            case PARTNERSHIP:
                subject = Subject.partnership();
                break;
            case PARTNER: {
                String partner = o.string("partner");
                subject = partner == null ? null : Subject.partner(partner);
                break;
            }
            case PAIR: {
                String from = o.string("from");
                String to = o.string("to");
                subject = from == null || to == null ? null : Subject.pair(from, to);
                break;
            }
            case GOAL: {
                String goal = o.string("goal");
                subject = goal == null ? null : Subject.goal(goal);
                break;
            }
            case FACTOR: {
                String instrument = o.string("instrument");
                String factor = nullableString(o, "factor", ok);
                String category = nullableString(o, "category", ok);
                subject = instrument == null || !ok[0] ? null
                        : b.construct(at, () -> Subject.factor(instrument, factor, category));
                break;
            }
            default:
                throw new IllegalStateException("unhandled subject kind " + kind);
        }
        return b.problemCount() > before ? null : subject;
    }

    private Map<String, Object> detailMap(JsonNode node, String at) {
        Map<String, Object> out = new LinkedHashMap<>();
        boolean ok = true;
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            Object v = detail(e.getValue(), JsonPointers.child(at, e.getKey()));
            if (v == null) {
                ok = false;
            } else {
                out.put(e.getKey(), v);
            }
        }
        return ok ? out : null;
    }

    private Object detail(JsonNode node, String at) {
        if (node.isIntegralNumber()) {
            if (!node.canConvertToLong()) {
                b.report(at, "the whole number " + node.asText() + " is out of the range of a long");
                return null;
            }
            return node.longValue();
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
            List<Object> out = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < node.size(); i++) {
                Object v = detail(node.get(i), JsonPointers.child(at, i));
                ok &= v != null;
                out.add(v);
            }
            return ok ? out : null;
        }
        if (node.isObject()) {
            return detailMap(node, at);
        }
        b.report(at, "expected a number, string, boolean, array or object as a detail value, found "
                + TreeBinder.describe(node));
        return null;
    }

    private Map<Dimension, DimensionSummary> summary(JsonNode node, String at) {
        if (!node.isObject()) {
            b.report(at, "expected an object, found " + TreeBinder.describe(node));
            return null;
        }
        Map<Dimension, DimensionSummary> out = new EnumMap<>(Dimension.class);
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String where = JsonPointers.child(at, e.getKey());
            Dimension d = b.enumName(e.getKey(), where, Dimension.class, "dimension");
            if (d == null) {
                continue;
            }
            int before = b.problemCount();
            ObjectBinding o = b.object(e.getValue(), where, SUMMARY_KEYS);
            if (o == null) {
                continue;
            }
            boolean[] ok = {true};
            Double value = o.number("value");
            Interval interval = nullableInterval(o, "interval", ok);
            JsonNode strategiesNode = o.required("strategies");
            List<String> strategies = strategiesNode == null ? null
                    : b.elements(strategiesNode, o.at("strategies"), b::string);
            if (b.problemCount() > before || !ok[0] || strategies == null || strategies.contains(null)) {
                continue;
            }
            DimensionSummary s = b.construct(where, () -> new DimensionSummary(value, interval, strategies));
            if (s != null) {
                out.put(d, s);
            }
        }
        return out;
    }

    private Warning warning(JsonNode node, String at) {
        int before = b.problemCount();
        ObjectBinding o = b.object(node, at, WARNING_KEYS);
        if (o == null) {
            return null;
        }
        boolean[] ok = {true};
        String code = o.string("code");
        String strategy = nullableString(o, "strategy", ok);
        String message = o.string("message");
        if (b.problemCount() > before || !ok[0]) {
            return null;
        }
        return b.construct(at, () -> new Warning(code, strategy, message));
    }
}
