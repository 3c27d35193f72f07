package dev.partnership.io.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.partnership.Problem;
import dev.partnership.io.ReadLimits;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Parses one untrusted JSON document into a Jackson tree, strictly and within {@link ReadLimits}.
 *
 * <p>Rejected, each as a {@link Problem} rather than an exception: malformed JSON (located at the JSON pointer
 * where the parser was, with line and column in the message), duplicate keys
 * ({@link StreamReadFeature#STRICT_DUPLICATE_DETECTION}), content after the document, an empty document, and any
 * breach of the limits (strings, names, nesting and numbers through {@link StreamReadConstraints}, the document
 * size by counting bytes). Jackson's non-standard extensions (comments, {@code NaN}, single quotes, leading
 * zeros) stay off; no default typing and no global overrides are involved because only the tree model is used.
 *
 * <p>Immutable and thread-safe: the Jackson factory and mapper are configured once and never changed. Cost
 * O(document size) time and memory.
 */
public final class StrictTreeParser {
    private final ReadLimits limits;
    private final JsonFactory factory;
    private final ObjectMapper mapper;

    /**
     * Creates a parser enforcing the given limits.
     *
     * @param limits the bounds on documents
     */
    public StrictTreeParser(ReadLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxStringLength(limits.maxStringLength())
                .maxNameLength(limits.maxStringLength())
                .maxNestingDepth(limits.maxNestingDepth())
                .maxNumberLength(limits.maxNumberLength())
                .maxDocumentLength(limits.maxDocumentBytes())
                .build();
        this.factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .streamReadConstraints(constraints)
                .build();
        this.mapper = JsonMapper.builder(factory).build();
    }

    /**
     * Returns the limits this parser enforces.
     *
     * @return the limits
     */
    public ReadLimits limits() {
        return limits;
    }

    /**
     * Parses a document from a stream, which is read to the end of the document but not closed.
     *
     * @param in       the document's bytes (UTF-8, or UTF-16/32 detected by Jackson)
     * @param problems receives the problems found
     * @return the root node, or {@code null} when a problem was added
     * @throws IOException when reading the stream fails (not when its content is bad)
     */
    public JsonNode parse(InputStream in, List<Problem> problems) throws IOException {
        Objects.requireNonNull(in, "in");
        SizeLimitedInputStream limited = new SizeLimitedInputStream(in, limits.maxDocumentBytes());
        JsonParser parser;
        try {
            // Creating the parser already reads the first bytes to detect the encoding.
            parser = factory.createParser(limited);
        } catch (SizeLimitedInputStream.DocumentTooLargeException e) {
            problems.add(new Problem("", e.getMessage()));
            return null;
        } catch (CharConversionException e) {
            problems.add(new Problem("", "the document is not valid UTF-8, UTF-16 or UTF-32 text: " + e.getMessage()));
            return null;
        }
        try (parser) {
            return parse(parser, problems);
        }
    }

    /**
     * Parses a document held in a string. Its size is counted in characters.
     *
     * @param json     the document
     * @param problems receives the problems found
     * @return the root node, or {@code null} when a problem was added
     */
    public JsonNode parse(String json, List<Problem> problems) {
        Objects.requireNonNull(json, "json");
        if (json.length() > limits.maxDocumentBytes()) {
            problems.add(new Problem("", String.format(Locale.ROOT,
                    "the document is larger than the limit of %d bytes", limits.maxDocumentBytes())));
            return null;
        }
        try (JsonParser parser = factory.createParser(json)) {
            return parse(parser, problems);
        } catch (IOException e) {
            // Only reachable if Jackson fails on an in-memory string for a reason not reported as a problem.
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode parse(JsonParser parser, List<Problem> problems) throws IOException {
        JsonNode root;
        try {
            root = mapper.readTree(parser);
        } catch (IOException e) {
            problems.add(problemFor(e, parser, false));
            return null;
        }
        if (root == null || root.isMissingNode()) {
            problems.add(new Problem("", "the document is empty; expected a JSON object"));
            return null;
        }
        try {
            JsonToken next = parser.nextToken();
            if (next != null) {
                JsonLocation at = parser.currentTokenLocation();
                problems.add(new Problem("", String.format(Locale.ROOT,
                        "unexpected content after the end of the JSON document at line %d, column %d",
                        at.getLineNr(), at.getColumnNr())));
                return null;
            }
        } catch (IOException e) {
            problems.add(problemFor(e, parser, true));
            return null;
        }
        return root;
    }

    private static Problem problemFor(IOException e, JsonParser parser, boolean trailing) throws IOException {
        SizeLimitedInputStream.DocumentTooLargeException tooLarge = tooLarge(e);
        JsonLocation location = e instanceof JsonProcessingException && ((JsonProcessingException) e).getLocation() != null
                ? ((JsonProcessingException) e).getLocation() : parser.currentLocation();
        String pointer = trailing ? "" : parser.getParsingContext().pathAsPointer().toString();
        String where = String.format(Locale.ROOT, "line %d, column %d", location.getLineNr(), location.getColumnNr());
        if (tooLarge != null) {
            return new Problem(pointer, tooLarge.getMessage() + " (stopped at " + where + ")");
        }
        if (e instanceof StreamConstraintsException) {
            return new Problem(pointer, "the document exceeds a read limit at " + where + ": "
                    + withoutJacksonHint(((StreamConstraintsException) e).getOriginalMessage()));
        }
        if (e instanceof JsonProcessingException) {
            String message = withoutJacksonHint(((JsonProcessingException) e).getOriginalMessage());
            String what = trailing ? "unexpected content after the end of the JSON document"
                    : message.startsWith("Duplicate field") ? "duplicate key" : "malformed JSON";
            return new Problem(pointer, what + " at " + where + ": " + message);
        }
        if (e instanceof CharConversionException) {
            return new Problem(pointer, "the document is not valid UTF-8, UTF-16 or UTF-32 text at " + where + ": "
                    + e.getMessage());
        }
        throw e;
    }

    private static SizeLimitedInputStream.DocumentTooLargeException tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SizeLimitedInputStream.DocumentTooLargeException) {
                return (SizeLimitedInputStream.DocumentTooLargeException) t;
            }
        }
        return null;
    }

    /** Drops Jackson's pointers to its own configuration API, which mean nothing to the author of a document. */
    private static String withoutJacksonHint(String message) {
        if (message == null) {
            return "unreadable input";
        }
        return message.replaceAll(", from `StreamReadConstraints\\.[A-Za-z]+\\(\\)`", "")
                .replaceAll(": enable `JsonReadFeature\\.[A-Z_]+` to allow", "")
                .replace('\n', ' ');
    }
}
