package dev.partnership.io;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.partnership.EngagementSignal;
import dev.partnership.Goal;
import dev.partnership.Indicator;
import dev.partnership.Instrument;
import dev.partnership.Measurement;
import dev.partnership.Partner;
import dev.partnership.Partnership;
import dev.partnership.Priority;
import dev.partnership.Rating;
import dev.partnership.SurveyResponse;
import dev.partnership.io.internal.PrettyJsonOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a {@link Partnership} as a {@code partnership-dataset/1} document that {@link DatasetReader} reads back
 * into an equal partnership.
 *
 * <p>Layout: keys in the order of the format's documentation, two-space indentation, {@code "\n"} line endings
 * and a trailing newline, UTF-8. Optional values that are absent ({@code null}, an empty list or map, an item's
 * {@code reverse = false}) are omitted; goal {@code weight} and signal {@code value} are always written. Instants
 * are written with {@link java.time.Instant#toString()} and numbers in Java's shortest round-trip form, so the
 * same partnership always gives the same bytes.
 *
 * <p>Stateless and thread-safe. Cost O(partnership size).
 */
public final class DatasetWriter {
    private DatasetWriter() {
    }

    /**
     * Writes a partnership to a stream, which is flushed but not closed.
     *
     * @param p   the partnership
     * @param out the stream
     * @throws IOException when the stream fails
     */
    public static void write(Partnership p, OutputStream out) throws IOException {
        Objects.requireNonNull(p, "partnership");
        Objects.requireNonNull(out, "out");
        PrettyJsonOutput.write(out, g -> dataset(g, p));
    }

    /**
     * Returns a partnership's document as a string.
     *
     * @param p the partnership
     * @return the JSON text, ending with a newline
     */
    public static String toJson(Partnership p) {
        Objects.requireNonNull(p, "partnership");
        return PrettyJsonOutput.toJson(g -> dataset(g, p));
    }

    private static void dataset(JsonGenerator g, Partnership p) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", DatasetReader.FORMAT);
        g.writeObjectFieldStart("partnership");
        g.writeStringField("id", p.id());
        g.writeStringField("name", p.name());
        PrettyJsonOutput.instant(g, "start", p.start());
        g.writeEndObject();
        if (!p.partners().isEmpty()) {
            g.writeArrayFieldStart("partners");
            for (Partner x : p.partners()) {
                partner(g, x);
            }
            g.writeEndArray();
        }
        if (!p.goals().isEmpty()) {
            g.writeArrayFieldStart("goals");
            for (Goal x : p.goals()) {
                goal(g, x);
            }
            g.writeEndArray();
        }
        if (!p.priorities().isEmpty()) {
            g.writeArrayFieldStart("priorities");
            for (Priority x : p.priorities()) {
                g.writeStartObject();
                g.writeStringField("partner", x.partner());
                g.writeStringField("goal", x.goal());
                g.writeNumberField("weight", x.weight());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!p.signals().isEmpty()) {
            g.writeArrayFieldStart("signals");
            for (EngagementSignal x : p.signals()) {
                signal(g, x);
            }
            g.writeEndArray();
        }
        if (!p.ratings().isEmpty()) {
            g.writeArrayFieldStart("ratings");
            for (Rating x : p.ratings()) {
                g.writeStartObject();
                PrettyJsonOutput.instant(g, "at", x.at());
                g.writeStringField("rater", x.rater());
                g.writeStringField("ratee", x.ratee());
                g.writeStringField("dimension", x.dimension().name());
                g.writeNumberField("value", x.value());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!p.surveys().isEmpty()) {
            g.writeArrayFieldStart("surveys");
            for (SurveyResponse x : p.surveys()) {
                survey(g, x);
            }
            g.writeEndArray();
        }
        if (!p.measurements().isEmpty()) {
            g.writeArrayFieldStart("measurements");
            for (Measurement x : p.measurements()) {
                measurement(g, x);
            }
            g.writeEndArray();
        }
        if (!p.instruments().isEmpty()) {
            g.writeArrayFieldStart("instruments");
            for (Instrument x : p.instruments()) {
                instrument(g, x);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void partner(JsonGenerator g, Partner x) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", x.id());
        g.writeStringField("name", x.name());
        g.writeStringField("type", x.type().name());
        attributes(g, x.attributes());
        g.writeEndObject();
    }

    private static void attributes(JsonGenerator g, Map<String, String> attributes) throws IOException {
        if (!attributes.isEmpty()) {
            g.writeObjectFieldStart("attributes");
            for (Map.Entry<String, String> e : attributes.entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
    }

    private static void goal(JsonGenerator g, Goal x) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", x.id());
        g.writeStringField("title", x.title());
        if (x.indicator() != null) {
            Indicator i = x.indicator();
            g.writeObjectFieldStart("indicator");
            g.writeStringField("name", i.name());
            if (i.unit() != null) {
                g.writeStringField("unit", i.unit());
            }
            g.writeStringField("direction", i.direction().name());
            if (i.baseline() != null) {
                g.writeNumberField("baseline", i.baseline());
            }
            if (i.target() != null) {
                g.writeNumberField("target", i.target());
            }
            g.writeEndObject();
        }
        strings(g, "owners", x.owners());
        if (x.deadline() != null) {
            PrettyJsonOutput.instant(g, "deadline", x.deadline());
        }
        g.writeNumberField("weight", x.weight());
        numbers(g, "attainmentLevels", x.attainmentLevels());
        attributes(g, x.attributes());
        g.writeEndObject();
    }

    private static void signal(JsonGenerator g, EngagementSignal x) throws IOException {
        g.writeStartObject();
        PrettyJsonOutput.instant(g, "at", x.at());
        g.writeStringField("source", x.source());
        if (x.target() != null) {
            g.writeStringField("target", x.target());
        }
        if (x.goal() != null) {
            g.writeStringField("goal", x.goal());
        }
        g.writeStringField("kind", x.kind().name());
        g.writeNumberField("value", x.value());
        g.writeEndObject();
    }

    private static void survey(JsonGenerator g, SurveyResponse x) throws IOException {
        g.writeStartObject();
        g.writeStringField("instrument", x.instrument());
        g.writeStringField("wave", x.wave());
        g.writeStringField("respondent", x.respondent());
        if (x.partner() != null) {
            g.writeStringField("partner", x.partner());
        }
        if (!x.answers().isEmpty()) {
            g.writeObjectFieldStart("answers");
            for (Map.Entry<String, Integer> e : x.answers().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void measurement(JsonGenerator g, Measurement x) throws IOException {
        g.writeStartObject();
        g.writeStringField("goal", x.goal());
        PrettyJsonOutput.instant(g, "at", x.at());
        g.writeStringField("group", x.group().name());
        g.writeNumberField("mean", x.mean());
        if (x.sd() != null) {
            g.writeNumberField("sd", x.sd());
        }
        if (x.n() != null) {
            g.writeNumberField("n", x.n());
        }
        if (x.se() != null) {
            g.writeNumberField("se", x.se());
        }
        numbers(g, "values", x.values());
        g.writeEndObject();
    }

    private static void instrument(JsonGenerator g, Instrument x) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", x.id());
        g.writeStringField("name", x.name());
        g.writeObjectFieldStart("scale");
        g.writeNumberField("min", x.scale().min());
        g.writeNumberField("max", x.scale().max());
        if (x.scale().dontKnow() != null) {
            g.writeNumberField("dontKnow", x.scale().dontKnow());
        }
        g.writeEndObject();
        if (!x.items().isEmpty()) {
            g.writeArrayFieldStart("items");
            for (Instrument.Item i : x.items()) {
                g.writeStartObject();
                g.writeStringField("id", i.id());
                g.writeStringField("factor", i.factor());
                if (i.reverse()) {
                    g.writeBooleanField("reverse", true);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!x.factors().isEmpty()) {
            g.writeArrayFieldStart("factors");
            for (Instrument.Factor f : x.factors()) {
                g.writeStartObject();
                g.writeStringField("id", f.id());
                g.writeStringField("name", f.name());
                g.writeStringField("category", f.category());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!x.categories().isEmpty()) {
            g.writeArrayFieldStart("categories");
            for (Instrument.Category c : x.categories()) {
                g.writeStartObject();
                g.writeStringField("id", c.id());
                g.writeStringField("name", c.name());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!x.bands().isEmpty()) {
            g.writeArrayFieldStart("bands");
            for (Instrument.Band b : x.bands()) {
                g.writeStartObject();
                g.writeStringField("label", b.label());
                if (b.min() != null) {
                    g.writeNumberField("min", b.min());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        if (!values.isEmpty()) {
            g.writeArrayFieldStart(name);
            for (String v : values) {
                g.writeString(v);
            }
            g.writeEndArray();
        }
    }

    private static void numbers(JsonGenerator g, String name, List<Double> values) throws IOException {
        if (!values.isEmpty()) {
            g.writeArrayFieldStart(name);
            for (double v : values) {
                g.writeNumber(v);
            }
            g.writeEndArray();
        }
    }
}
