package dev.partnership.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.partnership.Dimension;
import dev.partnership.DimensionSummary;
import dev.partnership.Evaluation;
import dev.partnership.Interval;
import dev.partnership.Problem;
import dev.partnership.Score;
import dev.partnership.Subject;
import dev.partnership.Warning;
import dev.partnership.io.internal.EvaluationBinder;
import dev.partnership.io.internal.PrettyJsonOutput;
import dev.partnership.io.internal.StrictTreeParser;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes and reads {@code partnership-evaluation/1}, the JSON form of an {@link Evaluation}, documented by
 * {@code docs/schema/partnership-evaluation-1.schema.json}.
 *
 * <p>Layout, keys in this order: {@code format}, {@code partnership}, {@code asOf}, {@code generator}
 * ({@code name}, {@code version}), {@code scores}, {@code summary} (one entry per dimension present, in
 * {@link Dimension} order: {@code value}, {@code interval}, {@code strategies}) and {@code warnings}
 * ({@code code}, {@code strategy}, {@code message}). Each score has {@code strategy}, {@code dimension},
 * {@code subject} ({@code kind} and that kind's fields: {@code PARTNER} {@code partner}; {@code PAIR} {@code from},
 * {@code to}; {@code GOAL} {@code goal}; {@code FACTOR} {@code instrument}, {@code factor}, {@code category}),
 * {@code status}, {@code value}, {@code normalized}, {@code interval} ({@code low}, {@code high}, {@code level}),
 * {@code normalizedInterval}, {@code n}, {@code band}, {@code explanation} and {@code details}. Every key is always
 * present; an absent value is {@code null} (a {@code NaN} number included). Detail values keep their type:
 * {@link Long} is written as an integer and {@link Double} always with a fraction or exponent, so
 * {@link #read(String)} gives them back as {@code Long} and {@code Double}.
 *
 * <p>Output is two-space indented with {@code "\n"} line endings and a trailing newline; numbers are written in
 * Java's shortest round-trip form, so the same evaluation always gives byte-identical output and
 * {@code read(toJson(e)).equals(e)}. Stateless and thread-safe. Cost O(evaluation size).
 */
public final class EvaluationJson {
    /** The format identifier written in {@code format}. */
    public static final String FORMAT = EvaluationBinder.FORMAT;

    private static final StrictTreeParser PARSER = new StrictTreeParser(ReadLimits.DEFAULTS);

    private EvaluationJson() {
    }

    /**
     * Writes an evaluation to a stream, which is flushed but not closed.
     *
     * @param e   the evaluation
     * @param out the stream
     * @throws IOException when the stream fails
     */
    public static void write(Evaluation e, OutputStream out) throws IOException {
        Objects.requireNonNull(e, "evaluation");
        Objects.requireNonNull(out, "out");
        PrettyJsonOutput.write(out, g -> evaluation(g, e));
    }

    /**
     * Returns an evaluation's document as a string.
     *
     * @param e the evaluation
     * @return the JSON text, ending with a newline
     */
    public static String toJson(Evaluation e) {
        Objects.requireNonNull(e, "evaluation");
        return PrettyJsonOutput.toJson(g -> evaluation(g, e));
    }

    /**
     * Reads an evaluation written by {@link #toJson(Evaluation)} or {@link #write(Evaluation, OutputStream)}, for
     * tools that post-process evaluations and for round-trip tests. Reading is as strict as
     * {@link DatasetReader}'s: every key must be present, unknown keys are rejected, and every problem is listed.
     *
     * @param json the document
     * @return the evaluation
     * @throws InvalidEvaluationException when the document is not a valid evaluation
     */
    public static Evaluation read(String json) {
        List<Problem> problems = new ArrayList<>();
        JsonNode root = PARSER.parse(json, problems);
        if (root == null) {
            throw new InvalidEvaluationException(null, problems);
        }
        return EvaluationBinder.bind(root, null);
    }

    static void evaluation(JsonGenerator g, Evaluation e) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeStringField("partnership", e.partnership());
        PrettyJsonOutput.instant(g, "asOf", e.asOf());
        g.writeObjectFieldStart("generator");
        g.writeStringField("name", e.generator().name());
        g.writeStringField("version", e.generator().version());
        g.writeEndObject();
        g.writeArrayFieldStart("scores");
        for (Score s : e.scores()) {
            score(g, s);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("summary");
        for (Dimension d : Dimension.values()) {
            DimensionSummary s = e.summary().get(d);
            if (s == null) {
                continue;
            }
            g.writeObjectFieldStart(d.name());
            g.writeNumberField("value", s.value());
            interval(g, "interval", s.interval());
            g.writeArrayFieldStart("strategies");
            for (String id : s.strategies()) {
                g.writeString(id);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeArrayFieldStart("warnings");
        for (Warning w : e.warnings()) {
            g.writeStartObject();
            g.writeStringField("code", w.code());
            PrettyJsonOutput.stringOrNull(g, "strategy", w.strategy());
            g.writeStringField("message", w.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void score(JsonGenerator g, Score s) throws IOException {
        g.writeStartObject();
        g.writeStringField("strategy", s.strategy());
        g.writeStringField("dimension", s.dimension().name());
        subject(g, s.subject());
        g.writeStringField("status", s.status().name());
        PrettyJsonOutput.numberOrNull(g, "value", s.value());
        PrettyJsonOutput.numberOrNull(g, "normalized", s.normalized());
        interval(g, "interval", s.interval());
        interval(g, "normalizedInterval", s.normalizedInterval());
        PrettyJsonOutput.numberOrNull(g, "n", s.n());
        PrettyJsonOutput.stringOrNull(g, "band", s.band());
        PrettyJsonOutput.stringOrNull(g, "explanation", s.explanation());
        g.writeFieldName("details");
        detail(g, s.details());
        g.writeEndObject();
    }

    static void subject(JsonGenerator g, Subject subject) throws IOException {
        g.writeObjectFieldStart("subject");
        g.writeStringField("kind", subject.kind().name());
        if (subject instanceof Subject.PartnerSubject) {
            g.writeStringField("partner", ((Subject.PartnerSubject) subject).partner());
        } else if (subject instanceof Subject.PairSubject) {
            Subject.PairSubject pair = (Subject.PairSubject) subject;
            g.writeStringField("from", pair.from());
            g.writeStringField("to", pair.to());
        } else if (subject instanceof Subject.GoalSubject) {
            g.writeStringField("goal", ((Subject.GoalSubject) subject).goal());
        } else if (subject instanceof Subject.FactorSubject) {
            Subject.FactorSubject factor = (Subject.FactorSubject) subject;
            g.writeStringField("instrument", factor.instrument());
            PrettyJsonOutput.stringOrNull(g, "factor", factor.factor());
            PrettyJsonOutput.stringOrNull(g, "category", factor.category());
        }
        g.writeEndObject();
    }

    static void interval(JsonGenerator g, String name, Interval i) throws IOException {
        g.writeFieldName(name);
        if (i == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeNumberField("low", i.low());
        g.writeNumberField("high", i.high());
        g.writeNumberField("level", i.level());
        g.writeEndObject();
    }

    /** Writes a detail value; {@link Score} has already checked that it is one of the supported types. */
    private static void detail(JsonGenerator g, Object v) throws IOException {
        if (v instanceof Long) {
            g.writeNumber((Long) v);
        } else if (v instanceof Double) {
            g.writeNumber((Double) v);
        } else if (v instanceof String) {
            g.writeString((String) v);
        } else if (v instanceof Boolean) {
            g.writeBoolean((Boolean) v);
        } else if (v instanceof List) {
            g.writeStartArray();
            for (Object o : (List<?>) v) {
                detail(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof Map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                g.writeFieldName((String) e.getKey());
                detail(g, e.getValue());
            }
            g.writeEndObject();
        } else {
            throw new IllegalStateException("unsupported detail value type " + (v == null ? "null" : v.getClass().getName()));
        }
    }
}
