package dev.partnership.io;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.partnership.EngagementSignal;
import dev.partnership.Instrument;
import dev.partnership.Measurement;
import dev.partnership.Partnership;
import dev.partnership.Rating;
import dev.partnership.SurveyResponse;
import dev.partnership.io.internal.CsvDatasetBinder;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Exports a partnership as a JSON skeleton plus CSV evidence files, the layout {@link CsvDatasetReader} imports
 * (see {@code docs/csv-input.md}), so that export then import gives an equal {@link Partnership}.
 *
 * <p>{@value CsvDatasetReader#SKELETON_FILE} is written by {@link DatasetWriter} from a copy of the partnership
 * without the sections written as CSV. A section is written as CSV only when it has rows and every record fits
 * the CSV layout; otherwise it stays in the skeleton, whole, so that order and content survive: measurements with
 * unit-level {@code values}, and surveys of an instrument with an item id equal to a fixed column name, stay in
 * the skeleton. Rows keep the partnership's order. Cells: instants as {@link java.time.Instant#toString()},
 * numbers as {@link Double#toString(double)} (the shortest text that reads back to the same {@code double}),
 * absent values as empty cells; every signal's {@code value} is written. Surveys are wide: after the fixed
 * columns, one column per item of the instruments answered (in order of first use, items in instrument order).
 *
 * <p>Files are UTF-8 without a byte-order mark, RFC 4180 quoting (by Jackson's CSV generator), {@code "\n"} line
 * ends. Cells are not neutralised against spreadsheet formulas (unlike {@link EvaluationCsv}), because that would
 * change the ids on import; open the files in a spreadsheet as text.
 *
 * <p>Stateless and thread-safe; the same partnership always gives the same bytes. Cost O(size of the partnership).
 */
public final class CsvDatasetWriter {
    private static final CsvMapper MAPPER = new CsvMapper();
    private static final ObjectWriter ROWS = MAPPER.writerFor(String[].class)
            .with(CsvSchema.emptySchema().withoutHeader().withLineSeparator("\n"));

    private CsvDatasetWriter() {
    }

    /**
     * Returns the files an export writes, by file name, in the order skeleton, signals, ratings, surveys,
     * measurements (only the CSV files that have rows).
     *
     * @param p the partnership
     * @return file name to content
     */
    public static Map<String, String> toFiles(Partnership p) {
        Objects.requireNonNull(p, "partnership");
        List<String[]> signals = p.signals().isEmpty() ? null : signalRows(p.signals());
        List<String[]> ratings = p.ratings().isEmpty() ? null : ratingRows(p.ratings());
        List<String[]> surveys = p.surveys().isEmpty() ? null : surveyRows(p);
        List<String[]> measurements = p.measurements().isEmpty() ? null : measurementRows(p.measurements());
        Partnership skeleton = new Partnership(p.id(), p.name(), p.start(), p.partners(), p.goals(), p.priorities(),
                signals == null ? p.signals() : List.of(), ratings == null ? p.ratings() : List.of(),
                surveys == null ? p.surveys() : List.of(), measurements == null ? p.measurements() : List.of(),
                p.instruments());
        Map<String, String> files = new LinkedHashMap<>();
        files.put(CsvDatasetReader.SKELETON_FILE, DatasetWriter.toJson(skeleton));
        put(files, CsvDatasetReader.SIGNALS_FILE, signals);
        put(files, CsvDatasetReader.RATINGS_FILE, ratings);
        put(files, CsvDatasetReader.SURVEYS_FILE, surveys);
        put(files, CsvDatasetReader.MEASUREMENTS_FILE, measurements);
        return files;
    }

    /**
     * Writes the export into a directory (created when missing), replacing files of the same names.
     *
     * @param p         the partnership
     * @param directory the directory
     * @return the paths written, in the order of {@link #toFiles(Partnership)}
     * @throws IOException when writing fails
     */
    public static List<Path> write(Partnership p, Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        Map<String, String> files = toFiles(p);
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path target = directory.resolve(f.getKey());
            Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
            written.add(target);
        }
        return written;
    }

    private static void put(Map<String, String> files, String name, List<String[]> rows) {
        if (rows == null) {
            return;
        }
        StringWriter w = new StringWriter();
        try (SequenceWriter s = ROWS.writeValues(w)) {
            for (String[] row : rows) {
                s.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string failed", e);
        }
        files.put(name, w.toString());
    }

    private static String[] row(List<String> cells) {
        return cells.toArray(new String[0]);
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    private static List<String[]> signalRows(List<EngagementSignal> signals) {
        List<String[]> rows = new ArrayList<>();
        rows.add(row(CsvDatasetBinder.SIGNAL_COLUMNS));
        for (EngagementSignal s : signals) {
            rows.add(new String[] {s.at().toString(), s.source(), text(s.target()), text(s.goal()), s.kind().name(),
                Double.toString(s.value())});
        }
        return rows;
    }

    private static List<String[]> ratingRows(List<Rating> ratings) {
        List<String[]> rows = new ArrayList<>();
        rows.add(row(CsvDatasetBinder.RATING_COLUMNS));
        for (Rating r : ratings) {
            rows.add(new String[] {r.at().toString(), r.rater(), r.ratee(), r.dimension().name(),
                Double.toString(r.value())});
        }
        return rows;
    }

    /** Returns {@code null} when some instrument has an item id equal to a fixed column (it stays in JSON). */
    private static List<String[]> surveyRows(Partnership p) {
        Set<String> items = new LinkedHashSet<>();
        for (SurveyResponse r : p.surveys()) {
            Instrument ins = p.instrument(r.instrument()).orElseThrow();
            for (Instrument.Item item : ins.items()) {
                if (CsvDatasetBinder.SURVEY_COLUMNS.contains(item.id())) {
                    return null;
                }
                items.add(item.id());
            }
        }
        List<String> header = new ArrayList<>(CsvDatasetBinder.SURVEY_COLUMNS);
        header.addAll(items);
        List<String[]> rows = new ArrayList<>();
        rows.add(row(header));
        for (SurveyResponse r : p.surveys()) {
            List<String> cells = new ArrayList<>(List.of(r.instrument(), r.wave(), r.respondent(), text(r.partner())));
            for (String item : items) {
                cells.add(text(r.answers().get(item)));
            }
            rows.add(row(cells));
        }
        return rows;
    }

    /** Returns {@code null} when some measurement has unit-level values (they stay in JSON). */
    private static List<String[]> measurementRows(List<Measurement> measurements) {
        List<String[]> rows = new ArrayList<>();
        rows.add(row(CsvDatasetBinder.MEASUREMENT_COLUMNS));
        for (Measurement m : measurements) {
            if (!m.values().isEmpty()) {
                return null;
            }
            rows.add(new String[] {m.goal(), m.at().toString(), m.group().name(), Double.toString(m.mean()),
                text(m.sd()), text(m.n()), text(m.se())});
        }
        return rows;
    }
}
