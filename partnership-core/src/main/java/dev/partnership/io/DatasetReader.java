package dev.partnership.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnership.InvalidDatasetException;
import dev.partnership.Partnership;
import dev.partnership.Problem;
import dev.partnership.io.internal.DatasetBinder;
import dev.partnership.io.internal.StrictTreeParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads {@code partnership-dataset/1} documents into a {@link Partnership}.
 *
 * <p>The format is documented by {@code docs/schema/partnership-dataset-1.schema.json}: a JSON object with the
 * fixed top-level keys {@code format} (exactly {@value #FORMAT}), {@code partnership} ({@code id}, {@code name},
 * {@code start}) and the optional arrays {@code partners}, {@code goals}, {@code priorities}, {@code signals},
 * {@code ratings}, {@code surveys}, {@code measurements} and {@code instruments} (absent means empty). Optional
 * values may be absent or {@code null}. Times are ISO-8601 instants with {@code Z} or an offset, or plain dates
 * read as the start of that day in UTC.
 *
 * <p>Reading is strict and exhaustive: malformed JSON, duplicate keys, trailing content, unknown properties,
 * missing or {@code null} required values, wrong JSON types, non-finite numbers, fractional numbers where a whole
 * number is needed, unknown enum names, unparseable timestamps, values that break a record's rules, dangling
 * references and duplicate ids are all collected, each with the RFC 6901 JSON pointer of the offending value, and
 * thrown together in one {@link InvalidDatasetException}; nothing is returned from a document with problems. (A
 * document whose {@code format} names another format is reported as that one problem, since the rest of it follows
 * other rules.)
 * Input is bounded by {@link ReadLimits}; a breach is a problem, not an {@link OutOfMemoryError}.
 *
 * <pre>{@code
 * Partnership p = DatasetReader.defaults().read(Path.of("riverbend.json"));
 * }</pre>
 *
 * <p>Immutable and thread-safe. Cost O(document size) time and memory (the document is parsed into a tree
 * before binding).
 */
public final class DatasetReader {
    /** The format identifier this reader accepts in {@code format}. */
    public static final String FORMAT = DatasetBinder.FORMAT;

    private static final DatasetReader DEFAULTS = new DatasetReader(ReadLimits.DEFAULTS);

    private final StrictTreeParser parser;

    private DatasetReader(ReadLimits limits) {
        this.parser = new StrictTreeParser(limits);
    }

    /**
     * Returns a reader with {@link ReadLimits#DEFAULTS}.
     *
     * @return the shared default reader
     */
    public static DatasetReader defaults() {
        return DEFAULTS;
    }

    /**
     * Returns the limits this reader enforces.
     *
     * @return the limits
     */
    public ReadLimits limits() {
        return parser.limits();
    }

    /**
     * Returns a reader enforcing other limits.
     *
     * @param limits the limits
     * @return a new reader
     */
    public DatasetReader withLimits(ReadLimits limits) {
        return new DatasetReader(Objects.requireNonNull(limits, "limits"));
    }

    /**
     * Reads a dataset file.
     *
     * @param file the file
     * @return the partnership
     * @throws IOException             when the file cannot be read
     * @throws InvalidDatasetException when its content is not a valid dataset; {@link InvalidDatasetException#source()}
     *                                 is {@code file.toString()}
     */
    public Partnership read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads a dataset from a stream, which is read to the end of the document and not closed.
     *
     * @param in     the document's bytes (UTF-8)
     * @param source where the bytes come from (a file name), for messages, or {@code null}
     * @return the partnership
     * @throws IOException             when reading the stream fails
     * @throws InvalidDatasetException when the content is not a valid dataset
     */
    public Partnership read(InputStream in, String source) throws IOException {
        List<Problem> problems = new ArrayList<>();
        JsonNode root = parser.parse(in, problems);
        return bind(root, source, problems);
    }

    /**
     * Reads a dataset held in a string.
     *
     * @param json   the document
     * @param source where it comes from, for messages, or {@code null}
     * @return the partnership
     * @throws InvalidDatasetException when the content is not a valid dataset
     */
    public Partnership read(String json, String source) {
        List<Problem> problems = new ArrayList<>();
        JsonNode root = parser.parse(json, problems);
        return bind(root, source, problems);
    }

    private static Partnership bind(JsonNode root, String source, List<Problem> problems) {
        if (root == null) {
            throw new InvalidDatasetException(source, problems);
        }
        return DatasetBinder.bind(root, source);
    }
}
