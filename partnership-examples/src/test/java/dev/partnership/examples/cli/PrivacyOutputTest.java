package dev.partnership.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.partnership.Instrument;
import dev.partnership.Partnership;
import dev.partnership.SurveyResponse;
import dev.partnership.examples.sample.SampleGenerator;
import dev.partnership.io.DatasetReader;
import dev.partnership.io.DatasetWriter;
import dev.partnership.io.EvaluationCsv;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Privacy in every output format: a factor answered by only two respondents is suppressed in JSON, CSV and
 * Markdown (and in trends), and no respondent id of the sample appears in any output.
 */
class PrivacyOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSTRUMENT = "collaboration-factors";
    private static final String LATEST_WAVE = "2026-spring";
    private static final String TREND_DATES = "2024-06-30,2025-06-30,2026-06-30";

    @TempDir
    static Path dir;
    private static Path dataset;
    private static Instrument.Factor thinFactor;
    private static Set<String> respondents;

    /**
     * The bundled sample, except that in the latest wave only the two first respondents (by id) answered the
     * items of the instrument's first factor.
     */
    @BeforeAll
    static void writeDatasetWithAThinFactor() throws IOException {
        Partnership sample;
        try (InputStream in = SampleGenerator.openBundledSample()) {
            sample = DatasetReader.defaults().read(in, "sample");
        }
        Instrument instrument = Instrument.builtIn(INSTRUMENT).orElseThrow();
        thinFactor = instrument.factors().get(0);
        Set<String> items = new TreeSet<>();
        for (Instrument.Item item : instrument.items()) {
            if (item.factor().equals(thinFactor.id())) {
                items.add(item.id());
            }
        }
        Set<String> latest = new TreeSet<>();
        respondents = new TreeSet<>();
        for (SurveyResponse r : sample.surveys()) {
            respondents.add(r.respondent());
            if (r.wave().equals(LATEST_WAVE)) {
                latest.add(r.respondent());
            }
        }
        List<String> keep = new ArrayList<>(latest).subList(0, 2);
        List<SurveyResponse> surveys = new ArrayList<>();
        for (SurveyResponse r : sample.surveys()) {
            Map<String, Integer> answers = new LinkedHashMap<>(r.answers());
            if (r.wave().equals(LATEST_WAVE) && !keep.contains(r.respondent())) {
                answers.keySet().removeAll(items);
            }
            surveys.add(new SurveyResponse(r.instrument(), r.wave(), r.respondent(), r.partner(), answers));
        }
        Partnership thin = new Partnership(sample.id(), sample.name(), sample.start(), sample.partners(),
                sample.goals(), sample.priorities(), sample.signals(), sample.ratings(), surveys,
                sample.measurements(), sample.instruments());
        dataset = dir.resolve("thin-factor.json");
        Files.writeString(dataset, DatasetWriter.toJson(thin));
        assertTrue(respondents.size() >= 10, "the sample has respondents to look for");
    }

    private static String evaluate(String... extra) {
        List<String> args = new ArrayList<>(List.of("evaluate", dataset.toString()));
        args.addAll(List.of(extra));
        CapturedRun run = CapturedRun.of(args.toArray(new String[0]));
        assertEquals(PartnershipCommand.EXIT_OK, run.status(), run::toString);
        return run.out();
    }

    private static boolean isThinFactor(JsonNode score) {
        JsonNode subject = score.get("subject");
        return score.get("strategy").asText().equals(INSTRUMENT) && subject.get("kind").asText().equals("FACTOR")
                && subject.get("factor").asText().equals(thinFactor.id());
    }

    private static void assertSuppressedInJson(JsonNode evaluation) {
        int found = 0;
        for (JsonNode score : evaluation.get("scores")) {
            if (!isThinFactor(score)) {
                continue;
            }
            found++;
            assertEquals("SUPPRESSED", score.get("status").asText(), score::toString);
            for (String key : List.of("value", "normalized", "interval", "normalizedInterval", "n", "band")) {
                assertTrue(score.get(key).isNull(), () -> key + " must be null: " + score);
            }
            score.get("details").fields().forEachRemaining(d ->
                    assertFalse(d.getValue().isNumber(), () -> "no number in the details: " + score));
            assertFalse(score.get("details").toString().matches(".*\\b2 respondents.*"), score::toString);
        }
        assertEquals(1, found, "one score of the thin factor");
    }

    @Test
    void thinFactorIsSuppressedInJson() throws IOException {
        assertSuppressedInJson(JSON.readTree(evaluate("--format", "json")));
    }

    @Test
    void thinFactorIsSuppressedInTrendJson() throws IOException {
        JsonNode trend = JSON.readTree(evaluate("--format", "json", "--as-of", TREND_DATES));
        // Survey waves carry no dates, so every evaluation of the trend sees the thin latest wave.
        for (JsonNode evaluation : trend.get("evaluations")) {
            assertSuppressedInJson(evaluation);
        }
        for (JsonNode change : trend.get("changes")) {
            assertFalse(isThinFactor(change), () -> "a suppressed score has no change: " + change);
        }
    }

    @Test
    void thinFactorIsSuppressedInCsv() throws IOException {
        for (String csv : List.of(evaluate("--format", "csv"), evaluate("--format", "csv", "--as-of", TREND_DATES))) {
            List<List<String>> rows = new ArrayList<>();
            try (MappingIterator<List<String>> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                    .readerForListOf(String.class).readValues(csv)) {
                it.forEachRemaining(rows::add);
            }
            List<String> header = rows.get(0);
            assertEquals(EvaluationCsv.COLUMNS, header);
            int found = 0;
            for (List<String> row : rows.subList(1, rows.size())) {
                if (row.get(header.indexOf("strategy")).equals(INSTRUMENT)
                        && row.get(header.indexOf("factor")).equals(thinFactor.id())) {
                    found++;
                    assertEquals("SUPPRESSED", row.get(header.indexOf("status")), row::toString);
                    for (String numeric : List.of("value", "normalized", "low", "high", "level", "n", "band")) {
                        assertEquals("", row.get(header.indexOf(numeric)), () -> numeric + " empty: " + row);
                    }
                }
            }
            assertTrue(found >= 1, "the thin factor has a row");
        }
    }

    @Test
    void thinFactorIsSuppressedInMarkdown() {
        for (String md : List.of(evaluate(), evaluate("--as-of", TREND_DATES))) {
            // Suppressed rows sort last, so in a long table the factor is named in the "withheld" line instead.
            List<String> rows = md.lines().filter(l -> l.contains(thinFactor.name())).toList();
            assertEquals(1, rows.size(), () -> "one mention of " + thinFactor.name());
            String row = rows.get(0);
            assertTrue(row.contains("suppressed") || row.startsWith("Also withheld to protect respondents' privacy"),
                    row);
            assertFalse(Pattern.compile("\\d").matcher(row).find(), () -> "no number in " + row);
        }
    }

    @Test
    void thinFactorIsSuppressedInHtml() {
        for (String html : List.of(evaluate("--format", "html"), evaluate("--format", "html", "--as-of", TREND_DATES))) {
            // the factor's row in the chart: its label, then "suppressed" where a bar and figure would be
            int at = html.indexOf(">" + thinFactor.name() + "<");
            assertTrue(at > 0, "the factor is named");
            String rest = html.substring(at, html.indexOf("</g>", at) > 0 ? html.indexOf("</g>", at) : at + 400);
            assertTrue(rest.contains("suppressed"), rest);
            assertFalse(Pattern.compile(">[^<]*\\d[^<]*<").matcher(rest).find(), () -> "no figure in " + rest);
        }
    }

    @Test
    void noRespondentIdAppearsInAnyOutputOfTheSample() {
        List<String> outputs = new ArrayList<>();
        for (String format : List.of("markdown", "json", "csv", "html")) {
            outputs.add(run("--sample", "--format", format));
            outputs.add(run("--sample", "--format", format, "--as-of", TREND_DATES));
            outputs.add(evaluate("--format", format));
        }
        for (String out : outputs) {
            assertFalse(out.isEmpty());
            for (String id : respondents) {
                Pattern p = Pattern.compile("(?<![A-Za-z0-9_-])" + Pattern.quote(id) + "(?![A-Za-z0-9_-])");
                assertFalse(p.matcher(out).find(), () -> "respondent id " + id + " appears in output");
            }
        }
    }

    private static String run(String... args) {
        List<String> all = new ArrayList<>(List.of("evaluate"));
        all.addAll(List.of(args));
        CapturedRun run = CapturedRun.of(all.toArray(new String[0]));
        assertEquals(PartnershipCommand.EXIT_OK, run.status(), run::toString);
        return run.out();
    }
}
