package dev.partnership.io;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.partnership.Evaluation;
import dev.partnership.Trend;
import dev.partnership.io.internal.PrettyJsonOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Writes a {@link Trend} as a {@code partnership-trend/1} document: the evaluations at each {@code asOf} date, each
 * in full as a {@code partnership-evaluation/1} object, and the changes between consecutive dates.
 *
 * <pre>{@code
 * { "format": "partnership-trend/1", "partnership": "riverbend",
 *   "asOf": ["2024-06-30T00:00:00Z", "2025-06-30T00:00:00Z"],
 *   "evaluations": [ { "format": "partnership-evaluation/1", ... }, ... ],
 *   "changes": [ { "strategy": "beta-reputation", "dimension": "TRUST", "subject": { "kind": "PARTNER", ... },
 *                  "from": "...", "to": "...", "before": 0.93, "after": 0.81, "change": -0.12,
 *                  "interval": { "low": -0.2, "high": -0.04, "level": 0.95 } } ] }
 * }</pre>
 *
 * <p>A summary's change has {@code "strategy": null} and a {@code PARTNERSHIP} subject. Numbers are written in
 * Java's shortest round-trip form, keys in a fixed order, so the same trend always gives byte-identical output.
 * The schema is {@code docs/schema/partnership-trend-1.schema.json}. Stateless and thread-safe.
 */
public final class TrendJson {
    /** The format identifier written in {@code format}. */
    public static final String FORMAT = "partnership-trend/1";

    private TrendJson() {
    }

    /**
     * Writes a trend to a stream, which is flushed but not closed.
     *
     * @param trend the trend
     * @param out   the stream
     * @throws IOException when the stream fails
     */
    public static void write(Trend trend, OutputStream out) throws IOException {
        Objects.requireNonNull(trend, "trend");
        Objects.requireNonNull(out, "out");
        PrettyJsonOutput.write(out, g -> trend(g, trend));
    }

    /**
     * Returns a trend's document as a string.
     *
     * @param trend the trend
     * @return the JSON text, ending with a newline
     */
    public static String toJson(Trend trend) {
        Objects.requireNonNull(trend, "trend");
        return PrettyJsonOutput.toJson(g -> trend(g, trend));
    }

    private static void trend(JsonGenerator g, Trend t) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeStringField("partnership", t.partnership());
        g.writeArrayFieldStart("asOf");
        for (Evaluation e : t.evaluations()) {
            g.writeString(e.asOf().toString());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("evaluations");
        for (Evaluation e : t.evaluations()) {
            EvaluationJson.evaluation(g, e);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("changes");
        for (Trend.Change c : t.changes()) {
            g.writeStartObject();
            PrettyJsonOutput.stringOrNull(g, "strategy", c.strategy());
            g.writeStringField("dimension", c.dimension().name());
            EvaluationJson.subject(g, c.subject());
            PrettyJsonOutput.instant(g, "from", c.from());
            PrettyJsonOutput.instant(g, "to", c.to());
            g.writeNumberField("before", c.before());
            g.writeNumberField("after", c.after());
            g.writeNumberField("change", c.difference());
            EvaluationJson.interval(g, "interval", c.interval());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
