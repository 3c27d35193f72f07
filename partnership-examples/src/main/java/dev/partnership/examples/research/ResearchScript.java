package dev.partnership.examples.research;

import dev.partnership.EvaluationConfig;
import dev.partnership.Evaluator;
import dev.partnership.Problem;
import dev.partnership.Trend;
import dev.partnership.examples.report.HtmlReport;
import dev.partnership.io.CsvDatasetReader;
import dev.partnership.io.EvaluationCsv;
import dev.partnership.io.TrendJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A researcher's evaluation script: import a partnership exported from other systems as CSV (a JSON skeleton and
 * {@code signals.csv}, {@code ratings.csv}, {@code surveys.csv}, {@code measurements.csv}), evaluate it at several
 * dates with a fixed seed, and write the results for analysis ({@code scores.csv}, one row per score and date),
 * for the record ({@code trend.json}, {@code partnership-trend/1}) and for partners ({@code report.html}).
 *
 * <p>Run: {@code java -cp partnership.jar dev.partnership.examples.research.ResearchScript IN_DIR OUT_DIR
 * DATE [DATE...]} with {@code IN_DIR} holding {@code skeleton.json} and the CSV files (as
 * {@code partnership sample --format csv --output IN_DIR} writes them). Rows that fail to import stop the script
 * with every problem listed; the same inputs always give byte-identical outputs. Stateless.
 */
public final class ResearchScript {
    /** The seed the script evaluates with: fixed and written down, so the intervals can be reproduced. */
    public static final long SEED = 20240901L;

    private ResearchScript() {
    }

    /**
     * Imports, evaluates at the dates and writes {@code scores.csv}, {@code trend.json} and {@code report.html}.
     *
     * @param in    directory with {@code skeleton.json} and the CSV files
     * @param out   directory for the results (created when missing)
     * @param dates the evaluation dates, strictly increasing
     * @param log   where to say what was done
     * @return the trend
     * @throws IOException when a file cannot be read or written
     */
    public static Trend run(Path in, Path out, List<Instant> dates, PrintStream log) throws IOException {
        CsvDatasetReader.Result imported = CsvDatasetReader.defaults()
                .read(in.resolve(CsvDatasetReader.SKELETON_FILE), CsvDatasetReader.CsvFiles.in(in));
        log.println("imported " + imported.rows());
        for (Problem p : imported.skipped()) {
            log.println("skipped " + p.location() + ": " + p.message());
        }
        Evaluator evaluator = Evaluator.builder().config(EvaluationConfig.defaults().withSeed(SEED)).build();
        Trend trend = evaluator.evaluateTrend(imported.partnership(), dates);
        Files.createDirectories(out);
        Files.writeString(out.resolve("scores.csv"), EvaluationCsv.toCsv(trend.evaluations()), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("trend.json"), TrendJson.toJson(trend), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("report.html"), new HtmlReport().render(trend, imported.partnership()),
                StandardCharsets.UTF_8);
        log.println("wrote scores.csv, trend.json and report.html to " + out);
        return trend;
    }

    /**
     * Runs the script.
     *
     * @param args {@code IN_DIR OUT_DIR DATE [DATE...]}, dates as ISO dates (start of day UTC)
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: ResearchScript IN_DIR OUT_DIR DATE [DATE...]");
            System.exit(2);
        }
        List<Instant> dates = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            dates.add(java.time.LocalDate.parse(args[i]).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        }
        run(Path.of(args[0]), Path.of(args[1]), dates, System.out);
    }
}
