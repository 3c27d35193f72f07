package dev.partnership.io.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.partnership.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One CSV file split into a header and rows by Jackson's CSV parser, each row with the 1-based physical line it
 * starts on (the header is line 1; a quoted cell may span lines, so a row's line can jump by more than one).
 *
 * <p>Accepted: RFC 4180 quoting (commas, double quotes and line breaks inside quoted cells), CRLF or LF line ends,
 * a UTF-8 byte-order mark, blank lines (skipped). Rejected as one {@link Problem} located at
 * {@code "<file>:<line>"}: more bytes than the limit, more data rows than the limit (at the first row over it;
 * parsing stops there), text that is not UTF-8, an empty file (no header row), and CSV the parser cannot read (for
 * example a quote left open at the end of the file).
 *
 * <p>Immutable once read. Cost O(file size) time and memory.
 *
 * @param file   the file name used in locations
 * @param header the header cells, in order
 * @param rows   the data rows, in file order
 */
public record CsvTable(String file, List<String> header, List<Row> rows) {

    // No schema: rows come as plain string arrays so that the header and the cell counts are checked here, with
    // exact locations, rather than by Jackson's schema binding.
    private static final ObjectReader READER = new CsvMapper().readerFor(String[].class)
            .with(CsvSchema.emptySchema())
            .with(CsvParser.Feature.WRAP_AS_ARRAY)
            .with(CsvParser.Feature.SKIP_EMPTY_LINES);

    /**
     * One data row.
     *
     * @param line  1-based physical line the row starts on
     * @param cells the cells, as written (an empty cell is {@code ""})
     */
    public record Row(int line, List<String> cells) {
        /** Copies the cells. */
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** Copies the components. */
    public CsvTable {
        Objects.requireNonNull(file, "file");
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /**
     * Reads a table from a stream of UTF-8 bytes, which is read to its end but not closed.
     *
     * @param in       the bytes
     * @param file     the file name for locations
     * @param maxBytes the most bytes accepted
     * @param maxRows  the most data rows accepted (the header is not counted)
     * @param problems receives a problem when the file cannot be read as a table
     * @return the table, or {@code null} after a problem
     * @throws IOException when reading the stream fails
     */
    public static CsvTable read(InputStream in, String file, long maxBytes, int maxRows, List<Problem> problems)
            throws IOException {
        byte[] bytes;
        try {
            bytes = new SizeLimitedInputStream(in, maxBytes).readAllBytes();
        } catch (SizeLimitedInputStream.DocumentTooLargeException e) {
            problems.add(new Problem(file + ":1", e.getMessage().replace("document", "file")
                    + "; raise ReadLimits.maxDocumentBytes to accept it"));
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(new Problem(file + ":" + lineOfByte(bytes, bytesBeforeBadInput(bytes)),
                    "the file is not valid UTF-8 text"));
            return null;
        }
        return parse(text, file, Long.MAX_VALUE, maxRows, problems);
    }

    /**
     * Reads a table from text; its size is counted in characters.
     *
     * @param text     the CSV text
     * @param file     the file name for locations
     * @param maxChars the most characters accepted
     * @param maxRows  the most data rows accepted (the header is not counted)
     * @param problems receives a problem when the text cannot be read as a table
     * @return the table, or {@code null} after a problem
     */
    public static CsvTable parse(String text, String file, long maxChars, int maxRows, List<Problem> problems) {
        Objects.requireNonNull(text, "text");
        if (text.length() > maxChars) {
            problems.add(new Problem(file + ":1", String.format(Locale.ROOT,
                    "the file is larger than the limit of %d bytes; raise ReadLimits.maxDocumentBytes to accept it",
                    maxChars)));
            return null;
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = READER.readValues(body)) {
            while (it.hasNext()) {
                int line = it.getParser().currentLocation().getLineNr();
                String[] cells = it.next();
                if (header == null) {
                    header = Arrays.asList(cells);
                } else if (rows.size() >= maxRows) {
                    problems.add(new Problem(file + ":" + line, String.format(Locale.ROOT,
                            "the file has more than %d data rows, the limit; reading stopped at this row;"
                                    + " raise ReadLimits.maxRecords to accept it", maxRows)));
                    return null;
                } else {
                    rows.add(new Row(line, Arrays.asList(cells)));
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(unreadable(e, file));
            return null;
        }
        if (header == null) {
            problems.add(new Problem(file + ":1", "the file is empty; expected a header row"));
            return null;
        }
        return new CsvTable(file, header, rows);
    }

    private static Problem unreadable(Exception e, String file) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException) {
                JsonProcessingException j = (JsonProcessingException) t;
                JsonLocation at = j.getLocation();
                int line = at == null || at.getLineNr() < 1 ? 1 : at.getLineNr();
                return new Problem(file + ":" + line, "unreadable CSV: " + String.valueOf(j.getOriginalMessage())
                        .replace('\n', ' '));
            }
        }
        if (e instanceof UncheckedIOException || e instanceof IOException) {
            return new Problem(file + ":1", "unreadable CSV: " + e.getMessage());
        }
        throw (RuntimeException) e;
    }

    private static int bytesBeforeBadInput(byte[] bytes) {
        // Decode byte by byte until the decoder refuses; the offset is only used to name a line.
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length;
    }

    private static int lineOfByte(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * Returns the 0-based position of a column in the header. Cost O(columns).
     *
     * @param name a column name
     * @return its position, or -1 when the header has no such column
     */
    public int column(String name) {
        return header.indexOf(name);
    }
}
