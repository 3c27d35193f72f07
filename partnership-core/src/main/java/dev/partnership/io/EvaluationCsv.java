package dev.partnership.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.partnership.Evaluation;
import dev.partnership.Interval;
import dev.partnership.Score;
import dev.partnership.Subject;
import dev.partnership.io.internal.PrettyJsonOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Writes evaluations as CSV, one row per {@link Score}, for spreadsheets and for trends over several
 * {@code asOf} dates; documented in {@code docs/csv-output.md}.
 *
 * <p>Layout: a header row, then the rows of each evaluation in order, each evaluation's scores in
 * {@link Evaluation#scores()} order. The columns, always all present and in this order, are {@link #COLUMNS}:
 * {@code partnership}, {@code asOf} ({@link java.time.Instant#toString()}, ISO-8601 UTC), {@code strategy},
 * {@code dimension}, {@code subjectKind}, the subject's fields {@code from}, {@code to}, {@code partner},
 * {@code goal}, {@code instrument}, {@code factor}, {@code category} (empty when the subject kind has no such
 * field), {@code status}, {@code value}, {@code normalized}, {@code low}, {@code high}, {@code level} (the
 * {@link Score#interval()} of {@code value}), {@code n}, {@code band} and {@code explanation}. A score's
 * {@code details} and {@code normalizedInterval}, and an evaluation's summary and warnings, are not written:
 * {@link EvaluationJson} carries everything.
 *
 * <p>Cells: an absent value ({@code null} or {@code NaN}) is an empty cell. Numbers are written by Jackson's
 * generator exactly as {@link EvaluationJson} writes them (Java's {@link Double#toString(double)} form, so
 * {@code Double.parseDouble} gives the same {@code double} back), never quoted and never altered, so a negative
 * number such as {@code -0.25} stays a number. A score whose status is not {@link dev.partnership.ScoreStatus#OK}
 * has empty {@code value}, {@code normalized}, {@code low}, {@code high}, {@code level}, {@code n} and
 * {@code band}, so a row without a value never looks like a result; a
 * {@link dev.partnership.ScoreStatus#SUPPRESSED} score has no count {@code n} in any format.
 *
 * <p>Spreadsheet safety (OWASP "CSV Injection"): a text cell whose text starts with {@code =}, {@code +},
 * {@code -}, {@code @}, TAB or CR is prefixed with a single quote {@code '} so that spreadsheets show it as text
 * rather than evaluate it as a formula. Only text columns are neutralised; the numeric columns {@code value},
 * {@code normalized}, {@code low}, {@code high}, {@code level} and {@code n} never are.
 *
 * <p>Encoding: RFC 4180 quoting (a cell containing a comma, a double quote or a line break is enclosed in double
 * quotes and inner quotes are doubled), {@code "\n"} line separators including after the last row, and UTF-8
 * without a byte-order mark when written to a stream. The same evaluations always give the same text.
 *
 * <p>Stateless and thread-safe. Cost O(number of scores).
 */
public final class EvaluationCsv {
    /** The columns, in order, as written in the header row. */
    public static final List<String> COLUMNS = List.of("partnership", "asOf", "strategy", "dimension",
            "subjectKind", "from", "to", "partner", "goal", "instrument", "factor", "category", "status", "value",
            "normalized", "low", "high", "level", "n", "band", "explanation");

    /** The first characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    // Jackson's default (non-strict) quoting check also quotes cells with spaces or control characters; its
    // strict check would leave a bare CR unquoted, which RFC 4180 forbids.
    private static final CsvMapper MAPPER = new CsvMapper(CsvFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build());

    private static final CsvSchema SCHEMA = schema();

    private EvaluationCsv() {
    }

    private static CsvSchema schema() {
        CsvSchema.Builder b = CsvSchema.builder();
        for (String c : COLUMNS) {
            b.addColumn(c, isNumeric(c) ? CsvSchema.ColumnType.NUMBER : CsvSchema.ColumnType.STRING);
        }
        // The header is written as an ordinary first row so that an empty list still gets one.
        return b.setUseHeader(false)
                .setColumnSeparator(',')
                .setQuoteChar('"')
                .setLineSeparator("\n")
                .setNullValue("")
                .build();
    }

    private static boolean isNumeric(String column) {
        switch (column) {
            case "value":
            case "normalized":
            case "low":
            case "high":
            case "level":
            case "n":
                return true;
            default:
                return false;
        }
    }

    /**
     * Returns one evaluation as CSV text: the header row and one row per score.
     *
     * @param e the evaluation
     * @return the CSV text, ending with {@code "\n"}
     */
    public static String toCsv(Evaluation e) {
        Objects.requireNonNull(e, "evaluation");
        return toCsv(List.of(e));
    }

    /**
     * Returns several evaluations as one CSV text: one header row, then the rows of each evaluation in list order.
     * An empty list gives the header row alone.
     *
     * @param evaluations the evaluations, for example one partnership at several {@code asOf} dates
     * @return the CSV text, ending with {@code "\n"}
     */
    public static String toCsv(List<Evaluation> evaluations) {
        StringWriter w = new StringWriter();
        try {
            write(evaluations, w);
        } catch (IOException x) {
            throw new UncheckedIOException("writing to a string failed", x);
        }
        return w.toString();
    }

    /**
     * Writes several evaluations as CSV to a writer, which is flushed but not closed; see
     * {@link #toCsv(List)}. The writer's own encoding applies; use UTF-8 (or {@link #write(List, OutputStream)}).
     *
     * @param evaluations the evaluations
     * @param out         the writer
     * @throws IOException when the writer fails
     */
    public static void write(List<Evaluation> evaluations, Writer out) throws IOException {
        Objects.requireNonNull(out, "out");
        List<Evaluation> all = List.copyOf(Objects.requireNonNull(evaluations, "evaluations"));
        try (CsvGenerator g = (CsvGenerator) MAPPER.createGenerator(out)) {
            g.setSchema(SCHEMA);
            header(g);
            for (Evaluation e : all) {
                for (Score s : e.scores()) {
                    row(g, e, s);
                }
            }
            g.flush();
        }
    }

    /**
     * Writes several evaluations as UTF-8 CSV (no byte-order mark) to a stream, which is flushed but not closed;
     * see {@link #toCsv(List)}.
     *
     * @param evaluations the evaluations
     * @param out         the stream
     * @throws IOException when the stream fails
     */
    public static void write(List<Evaluation> evaluations, OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(evaluations, w);
        w.flush();
    }

    private static void header(JsonGenerator g) throws IOException {
        g.writeStartObject();
        for (String c : COLUMNS) {
            g.writeStringField(c, c);
        }
        g.writeEndObject();
    }

    private static void row(JsonGenerator g, Evaluation e, Score s) throws IOException {
        // Only an OK score shows numbers, so that a row without a value never looks like a result (Score
        // itself already withholds n of a SUPPRESSED score).
        boolean ok = s.isOk();
        Interval i = ok ? s.interval() : null;
        Subject subject = s.subject();
        g.writeStartObject();
        text(g, "partnership", e.partnership());
        text(g, "asOf", e.asOf().toString());
        text(g, "strategy", s.strategy());
        text(g, "dimension", s.dimension().name());
        text(g, "subjectKind", subject.kind().name());
        if (subject instanceof Subject.PairSubject) {
            Subject.PairSubject pair = (Subject.PairSubject) subject;
            text(g, "from", pair.from());
            text(g, "to", pair.to());
        } else if (subject instanceof Subject.PartnerSubject) {
            text(g, "partner", ((Subject.PartnerSubject) subject).partner());
        } else if (subject instanceof Subject.GoalSubject) {
            text(g, "goal", ((Subject.GoalSubject) subject).goal());
        } else if (subject instanceof Subject.FactorSubject) {
            Subject.FactorSubject factor = (Subject.FactorSubject) subject;
            text(g, "instrument", factor.instrument());
            text(g, "factor", factor.factor());
            text(g, "category", factor.category());
        }
        text(g, "status", s.status().name());
        number(g, "value", ok ? s.value() : Double.NaN);
        number(g, "normalized", ok ? s.normalized() : Double.NaN);
        number(g, "low", i == null ? Double.NaN : i.low());
        number(g, "high", i == null ? Double.NaN : i.high());
        number(g, "level", i == null ? Double.NaN : i.level());
        number(g, "n", ok ? s.n() : Double.NaN);
        text(g, "band", ok ? s.band() : null);
        text(g, "explanation", s.explanation());
        // Columns not written in this row (other subject kinds' fields) are left empty by the schema.
        g.writeEndObject();
    }

    private static void text(JsonGenerator g, String column, String value) throws IOException {
        PrettyJsonOutput.stringOrNull(g, column, value == null ? null : neutralise(value));
    }

    private static void number(JsonGenerator g, String column, double value) throws IOException {
        // The JSON writer's own call, so a number has the same text in CSV and JSON; NaN becomes an empty cell.
        PrettyJsonOutput.numberOrNull(g, column, value);
    }

    /**
     * Returns the text a spreadsheet will show as text: prefixed with {@code '} when it starts with a character
     * that would make it a formula (OWASP CSV injection guidance).
     */
    static String neutralise(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
