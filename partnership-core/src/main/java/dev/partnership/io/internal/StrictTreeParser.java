package dev.partnership.io.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
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
 * size by counting bytes, the elements of each array by counting them as they are parsed, so that an array over
 * {@link ReadLimits#maxRecords()} is reported at its own pointer before the rest of it is held in memory). Each
 * limit problem names the bound and the {@link ReadLimits} component that raises it. Jackson's non-standard extensions (comments, {@code NaN}, single quotes, leading
 * zeros) stay off; no default typing and no global overrides are involved because only the tree model is used.
 *
 * <p>Immutable and thread-safe: the Jackson factory and mapper are configured once and never changed. Cost
 * O(document size) time and memory.
 */
public final class StrictTreeParser {
    private static final String RAISE_DOCUMENT_BYTES = "; raise ReadLimits.maxDocumentBytes to accept it";

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
            problems.add(new Problem("", e.getMessage() + RAISE_DOCUMENT_BYTES));
            return null;
        } catch (CharConversionException e) {
            problems.add(new Problem("", "the document is not valid UTF-8, UTF-16 or UTF-32 text: " + e.getMessage()));
            return null;
        }
        try (JsonParser bounded = new RecordBoundParser(parser, limits.maxRecords())) {
            return parse(bounded, problems);
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
                    "the document is larger than the limit of %d bytes", limits.maxDocumentBytes())
                    + RAISE_DOCUMENT_BYTES));
            return null;
        }
        try (JsonParser parser = new RecordBoundParser(factory.createParser(json), limits.maxRecords())) {
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
        TooManyRecordsException tooMany = causeOf(e, TooManyRecordsException.class);
        if (tooMany != null) {
            return new Problem(tooMany.pointer, tooMany.getMessage());
        }
        SizeLimitedInputStream.DocumentTooLargeException tooLarge =
                causeOf(e, SizeLimitedInputStream.DocumentTooLargeException.class);
        JsonLocation location = e instanceof JsonProcessingException && ((JsonProcessingException) e).getLocation() != null
                ? ((JsonProcessingException) e).getLocation() : parser.currentLocation();
        String pointer = trailing ? "" : parser.getParsingContext().pathAsPointer().toString();
        String where = String.format(Locale.ROOT, "line %d, column %d", location.getLineNr(), location.getColumnNr());
        if (tooLarge != null) {
            return new Problem(pointer, tooLarge.getMessage() + " (stopped at " + where + ")"
                    + RAISE_DOCUMENT_BYTES);
        }
        if (e instanceof StreamConstraintsException) {
            String message = withoutJacksonHint(((StreamConstraintsException) e).getOriginalMessage());
            return new Problem(pointer, "the document exceeds a read limit at " + where + ": " + message
                    + raiseHint(message));
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

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Names the {@link ReadLimits} component behind a Jackson constraint message, for the document's author. */
    private static String raiseHint(String message) {
        String component;
        if (message.startsWith("String value length") || message.startsWith("Name length")) {
            component = "maxStringLength";
        } else if (message.startsWith("Number value length")) {
            component = "maxNumberLength";
        } else if (message.startsWith("Document nesting depth")) {
            component = "maxNestingDepth";
        } else if (message.startsWith("Document length")) {
            component = "maxDocumentBytes";
        } else {
            return "";
        }
        return "; raise ReadLimits." + component + " to accept it";
    }

    /**
     * Thrown from inside the tree build when an array grows past {@link ReadLimits#maxRecords()}; it carries the
     * array's own pointer, which the parser's context no longer gives once the exception has unwound.
     */
    private static final class TooManyRecordsException extends IOException {
        private static final long serialVersionUID = 1L;
        private final String pointer;

        TooManyRecordsException(String pointer, int limit) {
            super(String.format(Locale.ROOT, "the array has more than %d elements, the limit on records per"
                    + " array; reading stopped there; raise ReadLimits.maxRecords to accept it", limit));
            this.pointer = pointer;
        }
    }

    /**
     * Passes tokens through and fails as soon as any array gets an element beyond the bound, so that the rest of
     * the array is neither read nor built into the tree. The element index comes from Jackson's own parsing
     * context, so counting is O(1) per token and needs no state of its own; the tree builder reads array elements
     * with {@link #nextToken()}, which is where the check sits.
     */
    private static final class RecordBoundParser extends JsonParserDelegate {
        private final int maxRecords;

        RecordBoundParser(JsonParser parser, int maxRecords) {
            super(parser);
            this.maxRecords = maxRecords;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = delegate.nextToken();
            if (token != null && token != JsonToken.END_ARRAY && token != JsonToken.END_OBJECT
                    && token != JsonToken.FIELD_NAME) {
                JsonStreamContext context = delegate.getParsingContext();
                if (token.isStructStart()) {
                    context = context.getParent();
                }
                if (context != null && context.inArray() && context.getCurrentIndex() >= maxRecords) {
                    JsonStreamContext holder = context.getParent();
                    String pointer = holder == null ? "" : holder.pathAsPointer().toString();
                    throw new TooManyRecordsException(pointer, maxRecords);
                }
            }
            return token;
        }
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
