package dev.partnership.io;

import dev.partnership.InvalidDatasetException;
import dev.partnership.Partnership;
import dev.partnership.Problem;
import dev.partnership.io.internal.CsvDatasetBinder;
import dev.partnership.io.internal.CsvTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Imports a dataset from a JSON skeleton (a {@code partnership-dataset/1} document with the partnership, partners,
 * goals, priorities and instruments, and possibly evidence) plus up to four CSV files of evidence: signals,
 * ratings, surveys (wide: one row per respondent, one column per item) and measurements. The columns are
 * documented in {@code docs/csv-input.md}; the CSV is parsed by Jackson's CSV data format.
 *
 * <p>Rows are appended, in file order, after the skeleton's own evidence of the same kind. Every problem is
 * located: in a CSV file at {@code "<file name>:<line>:<column>"} (1-based physical lines, the header is line 1;
 * header problems at line 1), in the skeleton at {@code "<skeleton file>#<JSON pointer>"}. All problems of all
 * files are collected and thrown together as one {@link InvalidDatasetException}, including the cross-reference
 * problems (unknown partner, duplicate respondent, answer off the scale...) found when the partnership is built,
 * which point at the offending CSV row. With {@link #withSkipBadRows(boolean) skipBadRows} a bad row is left out
 * and listed in {@link Result#skipped()} instead; problems of a whole file (size, encoding, header) and of the
 * skeleton still fail the import. Each file is bounded by {@link ReadLimits#maxDocumentBytes()}, its data rows by
 * {@link ReadLimits#maxRecords()} (a whole-file problem at the first row over the bound, where parsing stops) and
 * each cell by {@link ReadLimits#maxStringLength()}; the skeleton is read with the same limits.
 *
 * <pre>{@code
 * CsvDatasetReader.Result r = CsvDatasetReader.defaults().read(Path.of("skeleton.json"),
 *         CsvDatasetReader.CsvFiles.in(Path.of("export")));
 * }</pre>
 *
 * <p>Immutable and thread-safe. Cost O(total size of the files).
 */
public final class CsvDatasetReader {
    /** Conventional name of the signals file. */
    public static final String SIGNALS_FILE = "signals.csv";
    /** Conventional name of the ratings file. */
    public static final String RATINGS_FILE = "ratings.csv";
    /** Conventional name of the surveys file. */
    public static final String SURVEYS_FILE = "surveys.csv";
    /** Conventional name of the measurements file. */
    public static final String MEASUREMENTS_FILE = "measurements.csv";
    /** Conventional name of the skeleton file. */
    public static final String SKELETON_FILE = "skeleton.json";
    /** Default of {@link #skipBadRows()}: {@code false}, any bad row fails the import. */
    public static final boolean DEFAULT_SKIP_BAD_ROWS = false;

    private static final CsvDatasetReader DEFAULTS = new CsvDatasetReader(ReadLimits.DEFAULTS, DEFAULT_SKIP_BAD_ROWS);

    private final ReadLimits limits;
    private final boolean skipBadRows;

    private CsvDatasetReader(ReadLimits limits, boolean skipBadRows) {
        this.limits = limits;
        this.skipBadRows = skipBadRows;
    }

    /**
     * The CSV files to import; each is optional ({@code null} when not given).
     *
     * @param signals      the signals file, or {@code null}
     * @param ratings      the ratings file, or {@code null}
     * @param surveys      the surveys file, or {@code null}
     * @param measurements the measurements file, or {@code null}
     */
    public record CsvFiles(Path signals, Path ratings, Path surveys, Path measurements) {
        /**
         * Returns the files with the conventional names ({@value #SIGNALS_FILE} ...) that exist in a directory.
         *
         * @param directory the directory
         * @return the files found
         */
        public static CsvFiles in(Path directory) {
            return new CsvFiles(existing(directory.resolve(SIGNALS_FILE)), existing(directory.resolve(RATINGS_FILE)),
                    existing(directory.resolve(SURVEYS_FILE)), existing(directory.resolve(MEASUREMENTS_FILE)));
        }

        private static Path existing(Path p) {
            return Files.isRegularFile(p) ? p : null;
        }
    }

    /**
     * CSV files held in strings (for tests and for callers that already hold the text); each is optional
     * ({@code null} when not given) and located by the conventional file name.
     *
     * @param signals      the signals CSV, or {@code null}
     * @param ratings      the ratings CSV, or {@code null}
     * @param surveys      the surveys CSV, or {@code null}
     * @param measurements the measurements CSV, or {@code null}
     */
    public record CsvTexts(String signals, String ratings, String surveys, String measurements) {
    }

    /**
     * What an import gave.
     *
     * @param partnership the partnership: the skeleton with the imported rows appended
     * @param skipped     one problem per problem of a row left out (empty unless skipBadRows), by file and line
     * @param rows        per CSV file read (by file name, in the order signals, ratings, surveys, measurements),
     *                    the number of rows imported
     */
    public record Result(Partnership partnership, List<Problem> skipped, Map<String, Integer> rows) {
        /** Validates and copies the components. */
        public Result {
            Objects.requireNonNull(partnership, "partnership");
            skipped = List.copyOf(skipped);
            rows = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rows));
        }
    }

    /**
     * Returns the reader with {@link ReadLimits#DEFAULTS} that fails on any bad row.
     *
     * @return the shared default reader
     */
    public static CsvDatasetReader defaults() {
        return DEFAULTS;
    }

    /**
     * Returns whether bad rows are left out (and listed) rather than failing the import.
     *
     * @return the setting
     */
    public boolean skipBadRows() {
        return skipBadRows;
    }

    /**
     * Returns the limits enforced on each file.
     *
     * @return the limits
     */
    public ReadLimits limits() {
        return limits;
    }

    /**
     * Returns a copy that leaves bad rows out (listing them in {@link Result#skipped()}) or fails on them.
     *
     * @param skip whether to skip bad rows
     * @return the modified copy
     */
    public CsvDatasetReader withSkipBadRows(boolean skip) {
        return new CsvDatasetReader(limits, skip);
    }

    /**
     * Returns a copy enforcing other limits.
     *
     * @param newLimits the limits
     * @return the modified copy
     */
    public CsvDatasetReader withLimits(ReadLimits newLimits) {
        return new CsvDatasetReader(Objects.requireNonNull(newLimits, "limits"), skipBadRows);
    }

    /**
     * Imports files. Locations name each file by its file name (not its directory).
     *
     * @param skeletonJson the skeleton document
     * @param files        the CSV files
     * @return the result
     * @throws IOException             when a file cannot be read
     * @throws InvalidDatasetException listing every problem; {@code source()} is the skeleton's path
     */
    public Result read(Path skeletonJson, CsvFiles files) throws IOException {
        Objects.requireNonNull(skeletonJson, "skeletonJson");
        Objects.requireNonNull(files, "files");
        List<Problem> skeletonProblems = new ArrayList<>();
        Partnership skeleton;
        try {
            skeleton = DatasetReader.defaults().withLimits(limits).read(skeletonJson);
        } catch (InvalidDatasetException e) {
            skeleton = null;
            skeletonProblems.addAll(e.problems());
        }
        List<CsvTable> tables = new ArrayList<>();
        List<List<Problem>> fileProblems = new ArrayList<>();
        for (Path p : Arrays.asList(files.signals(), files.ratings(), files.surveys(), files.measurements())) {
            List<Problem> problems = new ArrayList<>();
            CsvTable table = null;
            if (p != null) {
                try (InputStream in = Files.newInputStream(p)) {
                    table = CsvTable.read(in, p.getFileName().toString(), limits.maxDocumentBytes(),
                            limits.maxRecords(), problems);
                }
            }
            tables.add(table);
            fileProblems.add(problems);
        }
        return finish(skeleton, skeletonJson.getFileName().toString(), skeletonJson.toString(), skeletonProblems,
                tables, fileProblems);
    }

    /**
     * Imports text; the CSV texts are located by the conventional names ({@value #SIGNALS_FILE} ...). Sizes are
     * counted in characters.
     *
     * @param skeletonJson the skeleton document
     * @param texts        the CSV texts
     * @return the result
     * @throws InvalidDatasetException listing every problem; {@code source()} is {@value #SKELETON_FILE}
     */
    public Result read(String skeletonJson, CsvTexts texts) {
        Objects.requireNonNull(skeletonJson, "skeletonJson");
        Objects.requireNonNull(texts, "texts");
        List<Problem> skeletonProblems = new ArrayList<>();
        Partnership skeleton;
        try {
            skeleton = DatasetReader.defaults().withLimits(limits).read(skeletonJson, SKELETON_FILE);
        } catch (InvalidDatasetException e) {
            skeleton = null;
            skeletonProblems.addAll(e.problems());
        }
        List<CsvTable> tables = new ArrayList<>();
        List<List<Problem>> fileProblems = new ArrayList<>();
        String[] names = {SIGNALS_FILE, RATINGS_FILE, SURVEYS_FILE, MEASUREMENTS_FILE};
        String[] text = {texts.signals(), texts.ratings(), texts.surveys(), texts.measurements()};
        for (int i = 0; i < names.length; i++) {
            List<Problem> problems = new ArrayList<>();
            tables.add(text[i] == null ? null : CsvTable.parse(text[i], names[i],
                    limits.maxDocumentBytes(), limits.maxRecords(), problems));
            fileProblems.add(problems);
        }
        return finish(skeleton, SKELETON_FILE, SKELETON_FILE, skeletonProblems, tables, fileProblems);
    }

    private Result finish(Partnership skeleton, String skeletonName, String source, List<Problem> skeletonProblems,
                          List<CsvTable> tables, List<List<Problem>> fileProblems) {
        CsvDatasetBinder.Outcome o = CsvDatasetBinder.bind(skeleton, skeletonName, skeletonProblems, tables,
                fileProblems, skipBadRows, limits.maxStringLength());
        if (o.partnership() == null) {
            throw new InvalidDatasetException(source, o.problems());
        }
        return new Result(o.partnership(), o.skipped(), o.rows());
    }
}
