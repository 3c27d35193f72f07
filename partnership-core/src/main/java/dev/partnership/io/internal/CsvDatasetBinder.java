package dev.partnership.io.internal;

import dev.partnership.EngagementSignal;
import dev.partnership.Instrument;
import dev.partnership.InvalidDatasetException;
import dev.partnership.Measurement;
import dev.partnership.MeasurementGroup;
import dev.partnership.Partnership;
import dev.partnership.Problem;
import dev.partnership.Rating;
import dev.partnership.RatingDimension;
import dev.partnership.SignalKind;
import dev.partnership.SurveyResponse;
import dev.partnership.internal.PartnershipValidator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Binds the rows of the CSV evidence files to the model and merges them with a dataset skeleton, locating every
 * problem at {@code "<file>:<line>:<column>"} (header problems at line 1; a problem in the skeleton at
 * {@code "<skeleton>#<JSON pointer>"}).
 *
 * <p>Order of work: each table's header is checked (duplicate, missing required and unknown columns; a file with
 * a bad header binds no rows); each row's cells are bound (cell count, required cells, numbers, whole numbers,
 * timestamps by {@link TreeBinder#parseTimestamp(String)}, enum names) and checked with the model's own rule
 * methods ({@link SignalKind#accepts(double)}, {@link RatingDimension#accepts(double)}) and record constructors;
 * the rows that bound are appended to the skeleton's own evidence and the cross-references are checked by
 * {@link PartnershipValidator}, whose JSON pointers are mapped back to CSV lines. With {@code skipBadRows}, rows
 * with problems are left out (and the cross-references re-checked until none remain); file-level problems are
 * always fatal.
 *
 * <p>Not thread-safe; one instance binds one import.
 */
public final class CsvDatasetBinder {
    /** The signals file's columns, in documentation order; {@code target}, {@code goal}, {@code value} optional. */
    public static final List<String> SIGNAL_COLUMNS = List.of("at", "source", "target", "goal", "kind", "value");
    /** The ratings file's columns, in documentation order; all required. */
    public static final List<String> RATING_COLUMNS = List.of("at", "rater", "ratee", "dimension", "value");
    /** The surveys file's fixed columns, before one column per item id; {@code partner} optional. */
    public static final List<String> SURVEY_COLUMNS = List.of("instrument", "wave", "respondent", "partner");
    /** The measurements file's columns, in documentation order; {@code sd}, {@code n}, {@code se} optional. */
    public static final List<String> MEASUREMENT_COLUMNS = List.of("goal", "at", "group", "mean", "sd", "n", "se");

    private static final List<String> SIGNAL_REQUIRED = List.of("at", "source", "kind");
    private static final List<String> RATING_REQUIRED = RATING_COLUMNS;
    private static final List<String> SURVEY_REQUIRED = List.of("instrument", "wave", "respondent");
    private static final List<String> MEASUREMENT_REQUIRED = List.of("goal", "at", "group", "mean");

    /** A decimal number as written by spreadsheets and {@link Double#toString(double)}; no NaN, no hex. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

    /** Where the sections come in problem order. */
    private static final List<String> SECTIONS = List.of("signals", "ratings", "surveys", "measurements");

    /**
     * A bound row.
     *
     * @param <T>    the record type
     * @param line   the 1-based line of the row in its file
     * @param record the record
     */
    private record Located<T>(int line, T record) {
    }

    /** A problem with its sort key. */
    private record Issue(int section, int line, int seq, Problem problem) {
    }

    /**
     * What an import gave.
     *
     * @param partnership the merged partnership, or {@code null} when {@code problems} is not empty
     * @param problems    the problems that make the import fail, sorted by file and line
     * @param skipped     the problems of rows left out (only with {@code skipBadRows}), sorted by file and line
     * @param rows        per CSV file name read, the number of rows imported
     */
    public record Outcome(Partnership partnership, List<Problem> problems, List<Problem> skipped,
                          Map<String, Integer> rows) {
    }

    private final boolean skipBadRows;
    private final int maxCellLength;
    private final List<Issue> fatal = new ArrayList<>();
    private final List<Issue> rowIssues = new ArrayList<>();
    private final String[] fileNames = new String[5];
    private String skeletonName;
    private int seq;

    private CsvDatasetBinder(boolean skipBadRows, int maxCellLength) {
        this.skipBadRows = skipBadRows;
        this.maxCellLength = maxCellLength;
    }

    /**
     * Binds the tables and merges them with the skeleton.
     *
     * @param skeleton         the skeleton, or {@code null} when it did not read
     * @param skeletonName     the skeleton's file name, for locations
     * @param skeletonProblems the skeleton's problems (JSON pointers), empty when it read
     * @param tables           per section ({@code signals}, {@code ratings}, {@code surveys}, {@code measurements},
     *                         in that order) the table, or {@code null} when the file is not given or did not read
     * @param fileProblems     per section (same order as {@code tables}) the problems found while reading its file;
     *                         always fatal
     * @param skipBadRows      whether bad rows are left out instead of failing the import
     * @param maxCellLength    the longest cell accepted, in characters
     * @return the outcome
     */
    public static Outcome bind(Partnership skeleton, String skeletonName, List<Problem> skeletonProblems,
                               List<CsvTable> tables, List<List<Problem>> fileProblems, boolean skipBadRows,
                               int maxCellLength) {
        return new CsvDatasetBinder(skipBadRows, maxCellLength).run(skeleton, skeletonName, skeletonProblems, tables,
                fileProblems);
    }

    private Outcome run(Partnership skeleton, String skeletonName, List<Problem> skeletonProblems,
                        List<CsvTable> tables, List<List<Problem>> fileProblems) {
        this.skeletonName = skeletonName;
        for (Problem p : skeletonProblems) {
            fatal.add(new Issue(0, 0, seq++, new Problem(skeletonName + "#" + p.location(), p.message())));
        }
        for (int s = 0; s < fileProblems.size(); s++) {
            for (Problem p : fileProblems.get(s)) {
                fatal.add(new Issue(s + 1, 1, seq++, p));
            }
        }
        CsvTable signalTable = tables.get(0);
        CsvTable ratingTable = tables.get(1);
        CsvTable surveyTable = tables.get(2);
        CsvTable measurementTable = tables.get(3);
        for (int s = 0; s < 4; s++) {
            fileNames[s + 1] = tables.get(s) == null ? null : tables.get(s).file();
        }
        Set<String> itemIds = skeleton == null ? null : itemIds(skeleton);

        List<Located<EngagementSignal>> signals = header(1, signalTable, SIGNAL_COLUMNS, SIGNAL_REQUIRED, null)
                ? rows(1, signalTable, this::signal) : new ArrayList<>();
        List<Located<Rating>> ratings = header(2, ratingTable, RATING_COLUMNS, RATING_REQUIRED, null)
                ? rows(2, ratingTable, this::rating) : new ArrayList<>();
        List<Located<SurveyResponse>> surveys = header(3, surveyTable, SURVEY_COLUMNS, SURVEY_REQUIRED, itemIds)
                ? rows(3, surveyTable, this::survey) : new ArrayList<>();
        List<Located<Measurement>> measurements = header(4, measurementTable, MEASUREMENT_COLUMNS,
                MEASUREMENT_REQUIRED, null) ? rows(4, measurementTable, this::measurement) : new ArrayList<>();

        if (skeleton != null) {
            crossReferences(skeleton, signals, ratings, surveys, measurements);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        count(counts, signalTable, signals);
        count(counts, ratingTable, ratings);
        count(counts, surveyTable, surveys);
        count(counts, measurementTable, measurements);
        if (!fatal.isEmpty() || (!skipBadRows && !rowIssues.isEmpty())) {
            List<Issue> all = new ArrayList<>(fatal);
            all.addAll(rowIssues);
            return new Outcome(null, sorted(all), List.of(), counts);
        }
        Partnership merged;
        try {
            merged = new Partnership(skeleton.id(), skeleton.name(), skeleton.start(), skeleton.partners(),
                    skeleton.goals(), skeleton.priorities(), concat(skeleton.signals(), signals),
                    concat(skeleton.ratings(), ratings), concat(skeleton.surveys(), surveys),
                    concat(skeleton.measurements(), measurements), skeleton.instruments());
        } catch (InvalidDatasetException e) {
            // Unreachable when the cross-reference check above passed; reported rather than lost.
            List<Issue> all = new ArrayList<>();
            for (Problem p : e.problems()) {
                all.add(new Issue(0, 0, seq++, new Problem(skeletonName + "#" + p.location(), p.message())));
            }
            return new Outcome(null, sorted(all), List.of(), counts);
        }
        return new Outcome(merged, List.of(), sorted(rowIssues), counts);
    }

    private static <T> void count(Map<String, Integer> counts, CsvTable table, List<Located<T>> rows) {
        if (table != null) {
            counts.put(table.file(), rows.size());
        }
    }

    private static List<Problem> sorted(List<Issue> issues) {
        return issues.stream()
                .sorted(Comparator.comparingInt(Issue::section).thenComparingInt(Issue::line)
                        .thenComparingInt(Issue::seq))
                .map(Issue::problem)
                .collect(Collectors.toList());
    }

    private static <T> List<T> concat(List<T> head, List<Located<T>> tail) {
        List<T> out = new ArrayList<>(head);
        for (Located<T> l : tail) {
            out.add(l.record());
        }
        return out;
    }

    private static Set<String> itemIds(Partnership skeleton) {
        Set<String> ids = new LinkedHashSet<>();
        for (Instrument ins : Instrument.builtIns().values()) {
            ins.items().forEach(i -> ids.add(i.id()));
        }
        for (Instrument ins : skeleton.instruments()) {
            ins.items().forEach(i -> ids.add(i.id()));
        }
        return ids;
    }

    // ---- headers

    private boolean header(int section, CsvTable t, List<String> columns, List<String> required, Set<String> items) {
        if (t == null) {
            return false;
        }
        int before = fatal.size();
        Set<String> seen = new LinkedHashSet<>();
        for (int c = 0; c < t.header().size(); c++) {
            String name = t.header().get(c);
            String at = t.file() + ":1:" + (name.isBlank() ? String.valueOf(c + 1) : name);
            if (!seen.add(name)) {
                fatal(section, 1, at, "duplicate column '" + name + "'");
            } else if (!columns.contains(name) && !isItemColumn(section, name, items)) {
                fatal(section, 1, at, String.format(Locale.ROOT, "unknown column '%s'; allowed: %s%s", name,
                        String.join(", ", columns), section == 3
                                ? " and the item ids of the built-in and declared instruments" : ""));
            }
        }
        for (String r : required) {
            if (!seen.contains(r)) {
                fatal(section, 1, t.file() + ":1:" + r, String.format(Locale.ROOT,
                        "missing required column '%s'; the header needs %s", r, String.join(", ", required)));
            }
        }
        return fatal.size() == before;
    }

    /** A survey column beyond the fixed ones names an item; unknowable (so allowed) when the skeleton failed. */
    private static boolean isItemColumn(int section, String name, Set<String> items) {
        return section == 3 && (items == null || items.contains(name));
    }

    private void fatal(int section, int line, String at, String message) {
        fatal.add(new Issue(section, line, seq++, new Problem(at, message)));
    }

    // ---- rows

    @FunctionalInterface
    private interface RowBinder<T> {
        T bind(Cells cells);
    }

    private <T> List<Located<T>> rows(int section, CsvTable t, RowBinder<T> binder) {
        List<Located<T>> out = new ArrayList<>();
        for (CsvTable.Row row : t.rows()) {
            Cells cells = new Cells(section, t, row);
            T record = cells.shapeOk() ? binder.bind(cells) : null;
            if (record != null && cells.problems == 0) {
                out.add(new Located<>(row.line(), record));
            }
        }
        return out;
    }

    /** The cells of one row, read by column name; every problem is reported at the row's line and the column. */
    private final class Cells {
        private final int section;
        private final CsvTable table;
        private final CsvTable.Row row;
        private int problems;

        Cells(int section, CsvTable table, CsvTable.Row row) {
            this.section = section;
            this.table = table;
            this.row = row;
        }

        String at(String column) {
            return table.file() + ":" + row.line() + ":" + column;
        }

        void report(String column, String message) {
            problems++;
            rowIssues.add(new Issue(section, row.line(), seq++, new Problem(at(column), message)));
        }

        boolean shapeOk() {
            int expected = table.header().size();
            int found = row.cells().size();
            if (found < expected) {
                report(table.header().get(found), String.format(Locale.ROOT,
                        "too few cells: the header has %d columns, the row %d", expected, found));
            } else if (found > expected) {
                report(String.valueOf(expected + 1), String.format(Locale.ROOT,
                        "too many cells: the header has %d columns, the row %d", expected, found));
            } else {
                for (int c = 0; c < found; c++) {
                    if (row.cells().get(c).length() > maxCellLength) {
                        report(table.header().get(c), String.format(Locale.ROOT,
                                "the cell is longer than the limit of %d characters", maxCellLength));
                    }
                }
            }
            return problems == 0;
        }

        /** The cell's text, or {@code null} when the column is absent or the cell empty. */
        String cell(String column) {
            int c = table.column(column);
            if (c < 0) {
                return null;
            }
            String text = row.cells().get(c);
            return text.isEmpty() ? null : text;
        }

        String required(String column) {
            String text = cell(column);
            if (text == null) {
                report(column, "missing required value");
            }
            return text;
        }

        Instant instant(String column) {
            String text = required(column);
            if (text == null) {
                return null;
            }
            Instant parsed = TreeBinder.parseTimestamp(text.strip());
            if (parsed == null) {
                report(column, "unparseable timestamp '" + text + "': expected an ISO-8601 instant with Z or an"
                        + " offset (2025-09-03T15:00:00Z) or a date (2025-09-03, read as the start of that day UTC)");
            }
            return parsed;
        }

        <E extends Enum<E>> E enumValue(String column, Class<E> type, String what) {
            String text = required(column);
            if (text == null) {
                return null;
            }
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(text.strip())) {
                    return e;
                }
            }
            report(column, String.format(Locale.ROOT, "unknown %s '%s'; allowed: %s", what, text,
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
            return null;
        }

        Double number(String column, boolean required) {
            String text = required ? required(column) : cell(column);
            if (text == null) {
                return null;
            }
            String t = text.strip();
            if (!NUMBER.matcher(t).matches()) {
                report(column, "expected a number, found '" + text + "'");
                return null;
            }
            double d = Double.parseDouble(t);
            if (!Double.isFinite(d)) {
                report(column, "the number is not finite: its magnitude exceeds the largest double (about 1.8e308)");
                return null;
            }
            return d;
        }

        Integer integer(String column) {
            Double d = number(column, false);
            if (d == null) {
                return null;
            }
            if (d != Math.rint(d) || d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
                report(column, "expected a whole number within [" + Integer.MIN_VALUE + ", " + Integer.MAX_VALUE
                        + "], found '" + cell(column) + "'");
                return null;
            }
            return (int) (double) d;
        }

        /**
         * Runs a record constructor; what it rejects is reported at the column its message names (the model's
         * messages start with the field's name), else at the first column.
         */
        <T> T construct(Supplier<T> constructor, Map<String, String> columnByMessageStart) {
            try {
                return constructor.get();
            } catch (IllegalArgumentException | NullPointerException e) {
                String message = TreeBinder.messageOf(e);
                String column = table.header().get(0);
                for (Map.Entry<String, String> m : columnByMessageStart.entrySet()) {
                    if (message.startsWith(m.getKey())) {
                        column = m.getValue();
                        break;
                    }
                }
                report(column, message);
                return null;
            }
        }
    }

    private static Map<String, String> columns(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static final Map<String, String> SIGNAL_MESSAGES = columns("signal source", "source",
            "signal target", "target", "signal goal", "goal", "signal value", "value");
    private static final Map<String, String> RATING_MESSAGES = columns("rater", "rater", "ratee", "ratee",
            "a partner cannot rate itself", "ratee", "rating value", "value");
    private static final Map<String, String> SURVEY_MESSAGES = columns("instrument", "instrument", "wave", "wave",
            "respondent", "respondent", "partner", "partner");
    private static final Map<String, String> MEASUREMENT_MESSAGES = columns("measurement goal", "goal",
            "mean", "mean", "sd", "sd", "se", "se", "n ", "n");

    private EngagementSignal signal(Cells c) {
        Instant at = c.instant("at");
        String source = c.required("source");
        String target = c.cell("target");
        String goal = c.cell("goal");
        SignalKind kind = c.enumValue("kind", SignalKind.class, "signal kind");
        Double value = c.number("value", false);
        // An empty value cell means one occurrence, as EngagementSignal's five-argument constructor does.
        double v = value == null ? 1.0 : value;
        if (kind != null && !kind.accepts(v)) {
            c.report("value", "signal value for " + kind + " must be " + kind.acceptedValues() + ", was " + v);
        }
        if (c.problems > 0) {
            return null;
        }
        return c.construct(() -> new EngagementSignal(at, source, target, goal, kind, v), SIGNAL_MESSAGES);
    }

    private Rating rating(Cells c) {
        Instant at = c.instant("at");
        String rater = c.required("rater");
        String ratee = c.required("ratee");
        RatingDimension dimension = c.enumValue("dimension", RatingDimension.class, "rating dimension");
        Double value = c.number("value", true);
        if (dimension != null && value != null && !dimension.accepts(value)) {
            c.report("value", "rating value for " + dimension + " must be on its scale " + dimension.scale()
                    + ", was " + value);
        }
        if (c.problems > 0) {
            return null;
        }
        return c.construct(() -> new Rating(at, rater, ratee, dimension, value), RATING_MESSAGES);
    }

    private SurveyResponse survey(Cells c) {
        String instrument = c.required("instrument");
        String wave = c.required("wave");
        String respondent = c.required("respondent");
        String partner = c.cell("partner");
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (String column : c.table.header()) {
            if (!SURVEY_COLUMNS.contains(column) && c.cell(column) != null) {
                Integer answer = c.integer(column);
                if (answer != null) {
                    answers.put(column, answer);
                }
            }
        }
        if (c.problems > 0) {
            return null;
        }
        return c.construct(() -> new SurveyResponse(instrument, wave, respondent, partner, answers), SURVEY_MESSAGES);
    }

    private Measurement measurement(Cells c) {
        String goal = c.required("goal");
        Instant at = c.instant("at");
        MeasurementGroup group = c.enumValue("group", MeasurementGroup.class, "measurement group");
        Double mean = c.number("mean", true);
        Double sd = c.number("sd", false);
        Integer n = c.integer("n");
        Double se = c.number("se", false);
        if (c.problems > 0) {
            return null;
        }
        return c.construct(() -> new Measurement(goal, at, group, mean, sd, n, se, List.of()), MEASUREMENT_MESSAGES);
    }

    // ---- cross-references

    private void crossReferences(Partnership skeleton, List<Located<EngagementSignal>> signals,
                                 List<Located<Rating>> ratings, List<Located<SurveyResponse>> surveys,
                                 List<Located<Measurement>> measurements) {
        List<List<? extends Located<?>>> located = List.of(signals, ratings, surveys, measurements);
        int[] offsets = {skeleton.signals().size(), skeleton.ratings().size(), skeleton.surveys().size(),
            skeleton.measurements().size()};
        while (true) {
            List<Problem> problems = PartnershipValidator.crossReferenceProblems(skeleton.partners(),
                    skeleton.goals(), skeleton.priorities(), concat(skeleton.signals(), signals),
                    concat(skeleton.ratings(), ratings), concat(skeleton.surveys(), surveys),
                    concat(skeleton.measurements(), measurements), skeleton.instruments());
            if (problems.isEmpty()) {
                return;
            }
            List<Set<Integer>> bad = List.of(new java.util.TreeSet<>(), new java.util.TreeSet<>(),
                    new java.util.TreeSet<>(), new java.util.TreeSet<>());
            for (Problem p : problems) {
                String[] parts = p.location().split("/", -1);
                int section = parts.length >= 3 ? SECTIONS.indexOf(parts[1]) : -1;
                int index = section >= 0 ? Integer.parseInt(parts[2]) - offsets[section] : -1;
                if (index < 0) {
                    fatal(0, 0, skeletonName + "#" + p.location(), p.message());
                    continue;
                }
                Located<?> row = located.get(section).get(index);
                String column = parts.length >= 5 && parts[3].equals("answers") ? unescape(parts[4])
                        : parts.length >= 4 ? parts[3] : section == 2 ? "respondent" : "";
                rowIssues.add(new Issue(section + 1, row.line(), seq++,
                        new Problem(fileNames[section + 1] + ":" + row.line() + ":" + column, p.message())));
                bad.get(section).add(index);
            }
            if (!skipBadRows || !fatal.isEmpty()) {
                return;
            }
            removeAll(signals, bad.get(0));
            removeAll(ratings, bad.get(1));
            removeAll(surveys, bad.get(2));
            removeAll(measurements, bad.get(3));
        }
    }

    private static void removeAll(List<?> list, Set<Integer> indexes) {
        List<Integer> descending = new ArrayList<>(indexes);
        descending.sort(Comparator.reverseOrder());
        for (int i : descending) {
            list.remove(i);
        }
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
