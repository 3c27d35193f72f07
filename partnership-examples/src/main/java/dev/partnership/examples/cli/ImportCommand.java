package dev.partnership.examples.cli;

import dev.partnership.InvalidConfigException;
import dev.partnership.InvalidDatasetException;
import dev.partnership.Partnership;
import dev.partnership.Problem;
import dev.partnership.io.CsvDatasetReader;
import dev.partnership.io.XapiMapping;
import dev.partnership.io.XapiReader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code partnership import csv|xapi ...}: turns data exported from other systems into a {@code partnership-dataset/1}
 * document, written to standard output or {@code --output}. What was imported is counted on standard error; a row
 * left out with {@code --skip-bad-rows} is listed there with its location, never dropped silently. Stateless.
 */
final class ImportCommand {
    static final String USAGE = String.join("\n",
            "Usage: partnership import xapi --skeleton FILE --statements FILE [--mapping FILE] [--strict]",
            "                               [--output FILE]",
            "       partnership import csv --skeleton FILE [--dir DIR] [--signals FILE] [--ratings FILE]",
            "                              [--surveys FILE] [--measurements FILE] [--skip-bad-rows] [--output FILE]",
            "",
            "Builds a partnership-dataset/1 document from a JSON skeleton (partnership, partners, goals,",
            "priorities, instruments) and CSV files of evidence, described in docs/csv-input.md.",
            "",
            "  --skeleton FILE      a partnership-dataset/1 file holding at least the partnership and its partners",
            "  --dir DIR            read signals.csv, ratings.csv, surveys.csv and measurements.csv from DIR",
            "                       (those that exist); a file option below replaces the one found there",
            "  --signals FILE       engagement signals: at, source, target, goal, kind, value",
            "  --ratings FILE       ratings: at, rater, ratee, dimension, value",
            "  --surveys FILE       survey responses, one row per respondent: instrument, wave, respondent,",
            "                       partner, then one column per item",
            "  --measurements FILE  goal measurements: goal, at, group, mean, sd, n, se",
            "  --skip-bad-rows      import the good rows and list the bad ones on standard error; without it, any",
            "                       bad row stops the import and nothing is written",
            "  --output FILE        write to FILE instead of standard output",
            "",
            "xapi: adds engagement signals from xAPI 1.0.3 statements (a JSON array or an LRS response) to the",
            "skeleton, described in docs/xapi.md.",
            "",
            "  --statements FILE    the statements",
            "  --mapping FILE       a partnership-xapi-mapping/1 file: which actor is which partner, extra verbs,",
            "                       goals; ADL's common verbs are mapped by default",
            "  --strict             fail (exit 2) when any statement cannot be mapped; without it such statements",
            "                       are counted and listed on standard error",
            "");

    private ImportCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty() || args.get(0).equals("--help")) {
            if (args.isEmpty()) {
                throw new UsageException("'import' needs a kind of input: csv or xapi");
            }
            out.print(USAGE);
            return PartnershipCommand.EXIT_OK;
        }
        String kind = args.get(0);
        switch (kind) {
            case "csv":
                return csv(args.subList(1, args.size()), out, err);
            case "xapi":
                return xapi(args.subList(1, args.size()), out, err);
            default:
                throw new UsageException("unknown input '" + kind + "' for import; kinds: csv, xapi");
        }
    }

    private static int csv(List<String> args, PrintStream out, PrintStream err) throws Exception {
        ArgumentParser.Arguments a = ArgumentParser.forCommand("import csv")
                .option("--skeleton", "FILE").option("--dir", "DIR").option("--signals", "FILE")
                .option("--ratings", "FILE").option("--surveys", "FILE").option("--measurements", "FILE")
                .option("--output", "FILE").flag("--skip-bad-rows").flag("--help").parse(args);
        if (a.flag("--help")) {
            out.print(USAGE);
            return PartnershipCommand.EXIT_OK;
        }
        Path skeleton = CommandFiles.path(a.option("--skeleton")
                .orElseThrow(() -> new UsageException("'import csv' needs --skeleton FILE")));
        CommandFiles.requireReadableFile(skeleton);
        CsvDatasetReader.CsvFiles found = new CsvDatasetReader.CsvFiles(null, null, null, null);
        if (a.option("--dir").isPresent()) {
            Path dir = CommandFiles.path(a.option("--dir").get());
            if (!Files.isDirectory(dir)) {
                throw new FileAccessException(dir + ": no such directory", null);
            }
            found = CsvDatasetReader.CsvFiles.in(dir);
        }
        CsvDatasetReader.CsvFiles files = new CsvDatasetReader.CsvFiles(
                file(a, "--signals", found.signals()), file(a, "--ratings", found.ratings()),
                file(a, "--surveys", found.surveys()), file(a, "--measurements", found.measurements()));
        if (files.signals() == null && files.ratings() == null && files.surveys() == null
                && files.measurements() == null) {
            throw new UsageException("'import csv' found no CSV file to import: give --dir or a file option");
        }
        Path output = a.option("--output").isPresent() ? CommandFiles.path(a.option("--output").get()) : null;
        CsvDatasetReader.Result result;
        try {
            result = CsvDatasetReader.defaults().withSkipBadRows(a.flag("--skip-bad-rows")).read(skeleton, files);
        } catch (InvalidDatasetException e) {
            throw e.source() != null ? e : new InvalidDatasetException(skeleton.toString(), e.problems());
        }
        CommandFiles.writeDataset(result.partnership(), output, out);
        StringBuilder counts = new StringBuilder();
        for (Map.Entry<String, Integer> e : result.rows().entrySet()) {
            counts.append(counts.length() == 0 ? "" : ", ").append(e.getValue()).append(" rows from ").append(e.getKey());
        }
        err.println("imported " + counts);
        if (!result.skipped().isEmpty()) {
            err.println(String.format(Locale.ROOT, "skipped %d bad row problem(s):", result.skipped().size()));
            for (Problem p : result.skipped()) {
                err.println("  " + p.location() + ": " + p.message());
            }
        }
        return PartnershipCommand.EXIT_OK;
    }

    private static int xapi(List<String> args, PrintStream out, PrintStream err) throws Exception {
        ArgumentParser.Arguments a = ArgumentParser.forCommand("import xapi")
                .option("--skeleton", "FILE").option("--statements", "FILE").option("--mapping", "FILE")
                .option("--output", "FILE").flag("--strict").flag("--help").parse(args);
        if (a.flag("--help")) {
            out.print(USAGE);
            return PartnershipCommand.EXIT_OK;
        }
        Path skeletonFile = CommandFiles.path(a.option("--skeleton")
                .orElseThrow(() -> new UsageException("'import xapi' needs --skeleton FILE")));
        Path statements = file(a, "--statements", null);
        if (statements == null) {
            throw new UsageException("'import xapi' needs --statements FILE");
        }
        Path mappingFile = file(a, "--mapping", null);
        Path output = a.option("--output").isPresent() ? CommandFiles.path(a.option("--output").get()) : null;
        Partnership skeleton = CommandFiles.readDataset(skeletonFile);
        XapiMapping mapping;
        try {
            mapping = mappingFile == null ? XapiMapping.defaults() : XapiMapping.read(mappingFile);
        } catch (InvalidConfigException e) {
            throw e.source() != null ? e : new InvalidConfigException(mappingFile.toString(), e.problems());
        }
        XapiReader.Result result;
        try {
            result = new XapiReader(mapping).read(skeleton, statements);
        } catch (InvalidDatasetException e) {
            throw e.source() != null ? e : new InvalidDatasetException(statements.toString(), e.problems());
        }
        if (a.flag("--strict") && !result.unmapped().isEmpty()) {
            List<Problem> problems = new ArrayList<>();
            for (XapiReader.Unmapped u : result.unmapped()) {
                problems.add(new Problem("/statements/" + u.index(), unmappedText(u)));
            }
            throw new InvalidDatasetException(statements.toString(), problems);
        }
        CommandFiles.writeDataset(result.partnership(), output, out);
        err.println("imported xAPI statements: " + result.summary());
        for (XapiReader.Unmapped u : result.unmapped()) {
            err.println("  statement " + u.index() + ": " + unmappedText(u));
        }
        return PartnershipCommand.EXIT_OK;
    }

    private static String unmappedText(XapiReader.Unmapped u) {
        return (u.statementId() == null ? "" : "id " + u.statementId() + ": ") + u.reason()
                + (u.detail() == null ? "" : " (" + u.detail() + ")");
    }

    private static Path file(ArgumentParser.Arguments a, String option, Path fallback) throws Exception {
        if (a.option(option).isEmpty()) {
            return fallback;
        }
        Path p = CommandFiles.path(a.option(option).get());
        CommandFiles.requireReadableFile(p);
        return p;
    }
}
