package dev.partnership.io.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Opens Jackson generators that write the house JSON layout: UTF-8, two-space indentation, {@code "\n"} line
 * endings whatever the platform, {@code "key": value} spacing, {@code []} and {@code {}} for empty containers, and
 * a trailing newline. The same calls always give the same bytes.
 *
 * <p>Thread-safe: the factory and the pretty-printer template are immutable; every generator gets its own
 * pretty-printer instance. The target stream or writer is flushed but never closed.
 */
public final class PrettyJsonOutput {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
            .build();

    private static final DefaultPrettyPrinter TEMPLATE = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private PrettyJsonOutput() {
    }

    /**
     * Writes the content of one JSON document.
     */
    @FunctionalInterface
    public interface Document {
        /**
         * Writes the root value.
         *
         * @param g the generator
         * @throws IOException when the target fails
         */
        void write(JsonGenerator g) throws IOException;
    }

    /**
     * Writes a document as UTF-8 to a stream, ending with a newline; the stream is flushed but not closed.
     *
     * @param out      the stream
     * @param document writes the root value
     * @throws IOException when the stream fails
     */
    public static void write(OutputStream out, Document document) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            write(g, document);
        }
    }

    /**
     * Returns a document as a string ending with a newline.
     *
     * @param document writes the root value
     * @return the JSON text
     */
    public static String toJson(Document document) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            write(g, document);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string failed", e);
        }
        return w.toString();
    }

    private static void write(JsonGenerator g, Document document) throws IOException {
        g.setPrettyPrinter(TEMPLATE.createInstance());
        document.write(g);
        g.writeRaw('\n');
        g.flush();
    }

    /**
     * Writes a number property, or {@code null} when the value is {@code NaN} (absent).
     *
     * @param g     the generator
     * @param name  property name
     * @param value the value, finite or {@code NaN}
     * @throws IOException when the target fails
     */
    public static void numberOrNull(JsonGenerator g, String name, double value) throws IOException {
        g.writeFieldName(name);
        if (Double.isNaN(value)) {
            g.writeNull();
        } else {
            g.writeNumber(value);
        }
    }

    /**
     * Writes a string property, or {@code null}.
     *
     * @param g     the generator
     * @param name  property name
     * @param value the value, or {@code null}
     * @throws IOException when the target fails
     */
    public static void stringOrNull(JsonGenerator g, String name, String value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }

    /**
     * Writes an instant property as {@link Instant#toString()}.
     *
     * @param g     the generator
     * @param name  property name
     * @param value the instant
     * @throws IOException when the target fails
     */
    public static void instant(JsonGenerator g, String name, Instant value) throws IOException {
        g.writeStringField(name, value.toString());
    }
}
