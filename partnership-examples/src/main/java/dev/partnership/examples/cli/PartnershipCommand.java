package dev.partnership.examples.cli;

import dev.partnership.EvaluationConfig;
import dev.partnership.Evaluation;
import dev.partnership.Evaluator;
import dev.partnership.InvalidConfigException;
import dev.partnership.InvalidDatasetException;
import dev.partnership.InvalidInputException;
import dev.partnership.Partnership;
import dev.partnership.Problem;
import dev.partnership.ProgressListener;
import dev.partnership.StrategyCatalog;
import dev.partnership.Trend;
import dev.partnership.examples.report.HtmlReport;
import dev.partnership.examples.report.MarkdownReport;
import dev.partnership.examples.report.TrendReport;
import dev.partnership.examples.sample.SampleGenerator;
import dev.partnership.examples.sample.XapiStatements;
import dev.partnership.io.CsvDatasetWriter;
import dev.partnership.io.DatasetWriter;
import dev.partnership.io.EvaluationCsv;
import dev.partnership.io.EvaluationJson;
import dev.partnership.io.TrendJson;
import dev.partnership.spi.ParameterSpec;
import dev.partnership.spi.ScoringStrategyProvider;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code partnership} command line.
 *
 * <pre>
 * partnership evaluate (DATASET | --sample) [--as-of DATE[,DATE...]] [--config FILE]
 *                     [--format markdown|json|csv|html] [--output FILE] [--progress]
 * partnership validate DATASET
 * partnership strategies
 * partnership sample [--size small|large] [--seed N] [--output FILE]
 * partnership help [COMMAND] | --help | --version
 * </pre>
 *
 * <p>Exit status: {@link #EXIT_OK} on success; {@link #EXIT_BAD_INPUT} for a usage mistake, a missing or
 * unreadable file, or an invalid dataset or configuration, with every problem ({@code location: message}) on
 * standard error; {@link #EXIT_INTERNAL_ERROR} for anything else, as one line {@code internal error: ...} (the
 * stack trace follows only with {@code --debug}). Output is produced whole or not at all: a result is computed
 * before anything is written, and {@code --output} is written to a temporary file that replaces the target only
 * once complete.
 *
 * <p>{@link #run(String[], PrintStream, PrintStream)} is the whole program without {@link System#exit}, for
 * tests and embedding; it keeps no state between calls and is safe to call from several threads with different
 * streams.
 */
public final class PartnershipCommand {

    /** Exit status on success. */
    public static final int EXIT_OK = 0;
    /** Exit status for an internal error (a bug or an environment failure). */
    public static final int EXIT_INTERNAL_ERROR = 1;
    /** Exit status for bad input: a usage mistake, an unusable file, an invalid dataset or configuration. */
    public static final int EXIT_BAD_INPUT = 2;

    /** The values of {@code evaluate --format}. */
    private static final List<String> FORMATS = List.of("markdown", "json", "csv", "html");

    private static final String USAGE = String.join("\n",
            "partnership: scores trust, goal alignment and impact in educational partnerships",
            "",
            "Usage:",
            "  partnership evaluate (DATASET | --sample) [--as-of DATE[,DATE...]] [--config FILE]",
            "                       [--format markdown|json|csv|html] [--output FILE]",
            "  partnership validate DATASET",
            "  partnership strategies",
            "  partnership sample [--size small|large] [--seed N] [--format json|csv|xapi] [--output FILE]",
            "  partnership import csv --skeleton FILE (--dir DIR | --signals FILE ...) [--skip-bad-rows]",
            "  partnership import xapi --skeleton FILE --statements FILE [--mapping FILE] [--strict]",
            "  partnership help [COMMAND] | --help | --version",
            "",
            "Commands:",
            "  evaluate    score a partnership-dataset/1 file (or the bundled sample) and write a Markdown or HTML",
            "              report, partnership-evaluation/1 JSON or CSV; with several --as-of dates, a trend",
            "  validate    check a dataset and print what it holds",
            "  strategies  list the scoring strategies with their parameters and defaults",
            "  sample      write the synthetic Riverbend sample dataset",
            "  import      build a dataset from CSV files (import csv) or xAPI statements (import xapi)",
            "",
            "Add --debug to any command to see the stack trace of an internal error.",
            "Exit status: 0 success, 1 internal error, 2 bad input or usage.",
            "");

    private static final Map<String, String> COMMAND_USAGE = Map.of(
            "evaluate", String.join("\n",
                    "Usage: partnership evaluate (DATASET | --sample) [--as-of DATE[,DATE...]] [--config FILE]",
                    "                            [--format markdown|json|csv|html] [--output FILE]",
                    "",
                    "Scores a partnership-dataset/1 file with every available strategy (or those a configuration",
                    "enables) and writes a report.",
                    "",
                    "  DATASET            a partnership-dataset/1 JSON file",
                    "  --sample           evaluate the bundled Riverbend sample instead of a file",
                    "  --as-of DATE       count only evidence up to DATE: an ISO date (start of day UTC, e.g.",
                    "                     2025-06-30) or instant (2025-06-30T12:00:00Z); default the latest evidence.",
                    "                     Several dates, comma-separated and increasing, evaluate at each and",
                    "                     report the trend: how every score and summary changed between dates",
                    "  --config FILE      a partnership-config/1 file: strategies, parameters, weights of the health",
                    "                     index, confidence level, seed, privacy threshold",
                    "  --format FORMAT    markdown (default), json (partnership-evaluation/1, or partnership-trend/1",
                    "                     for several dates), csv (one row per score and date) or html (one",
                    "                     self-contained page with charts)",
                    "  --output FILE      write to FILE instead of standard output",
                    "  --progress         show a progress bar on standard error (shown anyway on a terminal)",
                    ""),
            "validate", String.join("\n",
                    "Usage: partnership validate DATASET",
                    "",
                    "Checks a partnership-dataset/1 file; prints one line counting what it holds, or every problem",
                    "with its JSON pointer.",
                    ""),
            "strategies", String.join("\n",
                    "Usage: partnership strategies",
                    "",
                    "Lists the scoring strategies found on the class path: id, dimension, description and",
                    "parameters with their defaults.",
                    ""),
            "sample", String.join("\n",
                    "Usage: partnership sample [--size small|large] [--seed N] [--format json|csv|xapi] [--output FILE]",
                    "",
                    "Writes the synthetic Riverbend Education Partnership dataset (partnership-dataset/1).",
                    "",
                    "  --size SIZE    small (default: 8 partners, three school years) or large (50 partners,",
                    "                 1,000,000 signals)",
                    "  --seed N       random seed (default " + SampleGenerator.DEFAULT_SEED + ")",
                    "  --format F     json (default); csv: skeleton.json and the CSV files that 'import csv' reads;",
                    "                 xapi: skeleton.json (no signals), statements.json (one xAPI statement per",
                    "                 signal) and mapping.json, for 'import xapi'; csv and xapi write into the",
                    "                 directory given by --output",
                    "  --output FILE  write to FILE (a directory for csv) instead of standard output",
                    ""),
            "import", ImportCommand.USAGE);

    private PartnershipCommand() {
    }

    /**
     * Runs the command line and exits the JVM with its status.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command line. Results go to {@code out} (or to the {@code --output} file), messages to
     * {@code err}; nothing is written to {@code out} when the command fails.
     *
     * @param args the arguments, as given to {@code main}
     * @param out  standard output
     * @param err  standard error
     * @return the exit status: {@link #EXIT_OK}, {@link #EXIT_BAD_INPUT} or {@link #EXIT_INTERNAL_ERROR}
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> all = Arrays.asList(args.clone());
        boolean debug = all.contains("--debug");
        String command = null;
        try {
            List<String> rest = all.stream().filter(a -> !a.equals("--debug")).toList();
            if (rest.isEmpty()) {
                err.print(USAGE);
                return EXIT_BAD_INPUT;
            }
            command = rest.get(0);
            List<String> commandArgs = rest.subList(1, rest.size());
            switch (command) {
                case "--help":
                case "-h":
                case "help":
                    return help(commandArgs, out);
                case "--version":
                    ArgumentParser.forCommand("--version").parse(commandArgs);
                    out.println(Evaluator.GENERATOR_NAME + " " + Evaluator.VERSION);
                    return EXIT_OK;
                case "evaluate":
                    return evaluate(commandArgs, out, err);
                case "validate":
                    return validate(commandArgs, out);
                case "strategies":
                    return strategies(commandArgs, out);
                case "sample":
                    return sample(commandArgs, out);
                case "import":
                    return ImportCommand.run(commandArgs, out, err);
                default:
                    String what = command.startsWith("-") ? "unknown option " + command
                            : "unknown command '" + command + "'";
                    command = null;
                    throw new UsageException(what + "; commands: evaluate, validate, strategies, sample, import, help");
            }
        } catch (UsageException e) {
            err.println("partnership: " + e.getMessage());
            err.println(command == null || !COMMAND_USAGE.containsKey(command)
                    ? "Run 'partnership --help' for usage."
                    : "Run 'partnership " + command + " --help' for usage.");
            return EXIT_BAD_INPUT;
        } catch (FileAccessException e) {
            err.println("partnership: " + e.getMessage());
            return EXIT_BAD_INPUT;
        } catch (InvalidInputException e) {
            printProblems(e, err);
            return EXIT_BAD_INPUT;
        } catch (Exception | Error e) {
            // A bug or an environment failure (out of memory, a strategy that throws): one line, trace on request.
            err.println("internal error: " + oneLine(e));
            if (debug) {
                e.printStackTrace(err);
            }
            return EXIT_INTERNAL_ERROR;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int help(List<String> args, PrintStream out) throws UsageException {
        ArgumentParser.Arguments a = ArgumentParser.forCommand("help").positionals("COMMAND", 1).parse(args);
        if (a.positionals().isEmpty()) {
            out.print(USAGE);
            return EXIT_OK;
        }
        String usage = COMMAND_USAGE.get(a.positionals().get(0));
        if (usage == null) {
            throw new UsageException("no help for unknown command '" + a.positionals().get(0)
                    + "'; commands: evaluate, validate, strategies, sample, import");
        }
        out.print(usage);
        return EXIT_OK;
    }

    /** Parses a command's arguments; {@code --help} and {@code --debug} are accepted by every command. */
    private static Optional<ArgumentParser.Arguments> parse(ArgumentParser parser, String command, List<String> args,
                                                            PrintStream out) throws UsageException {
        ArgumentParser.Arguments a = parser.flag("--help").parse(args);
        if (a.flag("--help")) {
            out.print(COMMAND_USAGE.get(command));
            return Optional.empty();
        }
        return Optional.of(a);
    }

    // ------------------------------------------------------------------------------------------------ evaluate

    private static int evaluate(List<String> args, PrintStream out, PrintStream err) throws Exception {
        ArgumentParser parser = ArgumentParser.forCommand("evaluate")
                .option("--as-of", "DATE[,DATE...]")
                .option("--config", "FILE")
                .option("--format", "markdown|json|csv|html")
                .option("--output", "FILE")
                .flag("--sample")
                .flag("--progress")
                .positionals("DATASET", 1);
        Optional<ArgumentParser.Arguments> parsed = parse(parser, "evaluate", args, out);
        if (parsed.isEmpty()) {
            return EXIT_OK;
        }
        ArgumentParser.Arguments a = parsed.get();
        boolean sample = a.flag("--sample");
        if (sample && !a.positionals().isEmpty()) {
            throw new UsageException("give either a DATASET or --sample, not both");
        }
        if (!sample && a.positionals().isEmpty()) {
            throw new UsageException("'evaluate' needs a DATASET file or --sample");
        }
        String format = a.option("--format").orElse("markdown");
        if (!FORMATS.contains(format)) {
            throw new UsageException("option --format must be one of " + String.join(", ", FORMATS) + ", found '"
                    + format + "'");
        }
        List<Instant> asOfs = a.option("--as-of").isPresent() ? parseInstants(a.option("--as-of").get()) : List.of();
        Path outputPath = a.option("--output").isPresent() ? CommandFiles.path(a.option("--output").get()) : null;

        EvaluationConfig config = EvaluationConfig.defaults();
        String configName = null;
        if (a.option("--config").isPresent()) {
            Path configPath = CommandFiles.path(a.option("--config").get());
            configName = configPath.toString();
            config = CommandFiles.readConfig(configPath);
        }
        Evaluator evaluator;
        try {
            evaluator = Evaluator.builder().config(config).build();
        } catch (InvalidConfigException e) {
            throw e.source() != null || configName == null ? e : new InvalidConfigException(configName, e.problems());
        }
        Partnership partnership = sample ? CommandFiles.readBundledSample() : CommandFiles.readDataset(CommandFiles.path(a.positionals().get(0)));
        ProgressListener progress = a.flag("--progress") || ProgressBar.interactive() ? new ProgressBar(err)
                : ProgressListener.NONE;
        String text;
        if (asOfs.size() > 1) {
            Trend trend = evaluator.evaluateTrend(partnership, asOfs, progress);
            text = format.equals("json") ? TrendJson.toJson(trend)
                    : format.equals("csv") ? EvaluationCsv.toCsv(trend.evaluations())
                    : format.equals("html") ? new HtmlReport().render(trend, partnership)
                    : new TrendReport().render(trend, partnership);
        } else {
            Evaluation evaluation = evaluator.evaluate(partnership,
                    asOfs.isEmpty() ? partnership.latestEvidence() : asOfs.get(0), progress);
            text = format.equals("json") ? EvaluationJson.toJson(evaluation)
                    : format.equals("csv") ? EvaluationCsv.toCsv(evaluation)
                    : format.equals("html") ? new HtmlReport().render(evaluation, partnership)
                    : new MarkdownReport().render(evaluation, partnership);
        }
        if (!text.endsWith("\n")) {
            text += "\n";
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (outputPath == null) {
            out.write(bytes);
        } else {
            CommandFiles.writeAtomically(outputPath, o -> o.write(bytes));
        }
        return EXIT_OK;
    }

    /**
     * Reads a comma-separated {@code --as-of} list: one or more dates ({@link #parseInstant}), strictly increasing.
     */
    static List<Instant> parseInstants(String text) throws UsageException {
        List<Instant> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String t = part.strip();
            if (t.isEmpty()) {
                throw new UsageException("option --as-of has an empty date in '" + text + "'");
            }
            Instant at = parseInstant(t);
            if (!out.isEmpty() && !out.get(out.size() - 1).isBefore(at)) {
                throw new UsageException("option --as-of dates must increase: '" + t + "' is not after the date "
                        + "before it");
            }
            out.add(at);
        }
        return out;
    }

    /**
     * Reads {@code --as-of}: an ISO date (start of that day, UTC), an instant ({@code ...Z}) or a date-time with
     * an offset.
     */
    static Instant parseInstant(String text) throws UsageException {
        try {
            return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notAnInstant) {
                throw new UsageException("option --as-of needs an ISO date (2026-06-30) or instant "
                        + "(2026-06-30T12:00:00Z), found '" + text + "'");
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ validate

    private static int validate(List<String> args, PrintStream out) throws Exception {
        Optional<ArgumentParser.Arguments> parsed = parse(
                ArgumentParser.forCommand("validate").positionals("DATASET", 1), "validate", args, out);
        if (parsed.isEmpty()) {
            return EXIT_OK;
        }
        if (parsed.get().positionals().isEmpty()) {
            throw new UsageException("'validate' needs a DATASET file");
        }
        Path path = CommandFiles.path(parsed.get().positionals().get(0));
        Partnership p = CommandFiles.readDataset(path);
        out.printf(Locale.ROOT, "%s: valid partnership-dataset/1 '%s' (%s): %d partners, %d goals, %d signals, "
                        + "%d ratings, %d surveys, %d measurements%n",
                path, p.id(), p.name(), p.partners().size(), p.goals().size(), p.signals().size(),
                p.ratings().size(), p.surveys().size(), p.measurements().size());
        return EXIT_OK;
    }

    // ------------------------------------------------------------------------------------------------ strategies

    private static int strategies(List<String> args, PrintStream out) throws UsageException {
        if (parse(ArgumentParser.forCommand("strategies"), "strategies", args, out).isEmpty()) {
            return EXIT_OK;
        }
        StringBuilder sb = new StringBuilder();
        List<ScoringStrategyProvider> providers = StrategyCatalog.discover().providers();
        if (providers.isEmpty()) {
            sb.append("no scoring strategies found on the class path\n");
        }
        for (ScoringStrategyProvider p : providers) {
            sb.append(p.id()).append(" (").append(p.dimension()).append(")\n");
            sb.append("    ").append(p.description()).append('\n');
            if (p.parameters().isEmpty()) {
                sb.append("    parameters: none\n");
            } else {
                sb.append("    parameters:\n");
                for (ParameterSpec s : p.parameters()) {
                    sb.append("      ").append(describe(s)).append('\n');
                }
            }
        }
        out.print(sb);
        return EXIT_OK;
    }

    /** One line: {@code name = default (type, range): description}. */
    static String describe(ParameterSpec s) {
        StringBuilder sb = new StringBuilder(s.name());
        sb.append(" = ").append(s.defaultValue() == null ? "unset" : formatDefault(s.defaultValue()));
        sb.append(" (");
        switch (s.type()) {
            case NUMBER:
            case INTEGER:
                sb.append(s.type() == ParameterSpec.Type.NUMBER ? "number" : "integer");
                sb.append(range(s.min(), s.max()));
                break;
            case BOOLEAN:
                sb.append("true or false");
                break;
            case CHOICE:
                sb.append("one of ").append(String.join(", ", s.choices()));
                break;
            case STRING_LIST:
                sb.append("list of strings");
                break;
            default:
                sb.append(s.type().name().toLowerCase(Locale.ROOT));
        }
        sb.append("): ").append(s.description());
        return sb.toString();
    }

    private static String formatDefault(Object v) {
        if (v instanceof Double) {
            double d = (Double) v;
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
        if (v instanceof List) {
            return ((List<?>) v).isEmpty() ? "[]" : v.toString();
        }
        return String.valueOf(v);
    }

    /** A range in words; a bound at or beyond the int range counts as none (integers declared with MAX_VALUE). */
    private static String range(double min, double max) {
        boolean low = min > Integer.MIN_VALUE;
        boolean high = max < Integer.MAX_VALUE;
        if (low && high) {
            return " in [" + formatDefault(min) + ", " + formatDefault(max) + "]";
        }
        if (low) {
            return " >= " + formatDefault(min);
        }
        if (high) {
            return " <= " + formatDefault(max);
        }
        return "";
    }

    // ------------------------------------------------------------------------------------------------ sample

    private static int sample(List<String> args, PrintStream out) throws Exception {
        ArgumentParser parser = ArgumentParser.forCommand("sample")
                .option("--size", "small|large")
                .option("--seed", "N")
                .option("--format", "json|csv|xapi")
                .option("--output", "FILE");
        Optional<ArgumentParser.Arguments> parsed = parse(parser, "sample", args, out);
        if (parsed.isEmpty()) {
            return EXIT_OK;
        }
        ArgumentParser.Arguments a = parsed.get();
        SampleGenerator generator = SampleGenerator.defaults();
        String size = a.option("--size").orElse("small");
        switch (size) {
            case "small":
                generator = generator.withSize(SampleGenerator.Size.SMALL);
                break;
            case "large":
                generator = generator.withSize(SampleGenerator.Size.LARGE);
                break;
            default:
                throw new UsageException("option --size must be small or large, found '" + size + "'");
        }
        if (a.option("--seed").isPresent()) {
            try {
                generator = generator.withSeed(Long.parseLong(a.option("--seed").get()));
            } catch (NumberFormatException e) {
                throw new UsageException("option --seed needs a whole number, found '" + a.option("--seed").get()
                        + "'");
            }
        }
        Path outputPath = a.option("--output").isPresent() ? CommandFiles.path(a.option("--output").get()) : null;
        String format = a.option("--format").orElse("json");
        if (!List.of("json", "csv", "xapi").contains(format)) {
            throw new UsageException("option --format must be json, csv or xapi, found '" + format + "'");
        }
        if (!format.equals("json") && outputPath == null) {
            throw new UsageException("'sample --format " + format + "' writes several files: give --output DIR");
        }
        Partnership partnership = generator.generate();
        if (format.equals("csv")) {
            Files.createDirectories(outputPath);
            CsvDatasetWriter.write(partnership, outputPath);
        } else if (format.equals("xapi")) {
            Files.createDirectories(outputPath);
            Partnership skeleton = partnership.withSignals(List.of());
            CommandFiles.writeAtomically(outputPath.resolve("skeleton.json"), o -> DatasetWriter.write(skeleton, o));
            CommandFiles.writeAtomically(outputPath.resolve("statements.json"),
                    o -> XapiStatements.write(partnership, o));
            String mapping = XapiStatements.mapping(partnership).toJson();
            CommandFiles.writeAtomically(outputPath.resolve("mapping.json"),
                    o -> o.write(mapping.getBytes(StandardCharsets.UTF_8)));
        } else {
            CommandFiles.writeDataset(partnership, outputPath, out);
        }
        return EXIT_OK;
    }

    // ------------------------------------------------------------------------------------------------ messages

    private static void printProblems(InvalidInputException e, PrintStream err) {
        String what = e instanceof InvalidConfigException ? "configuration"
                : e instanceof InvalidDatasetException ? "dataset" : "input";
        List<Problem> problems = e.problems();
        err.printf(Locale.ROOT, "partnership: invalid %s%s: %d %s%n", what,
                e.source() == null ? "" : " " + e.source(), problems.size(),
                problems.size() == 1 ? "problem" : "problems");
        for (Problem p : problems) {
            err.println("  " + p);
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
