package dev.partnership.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.partnership.Dimension;
import dev.partnership.Evaluation;
import dev.partnership.Evaluator;
import dev.partnership.Interval;
import dev.partnership.SamplePartnerships;
import dev.partnership.Score;
import dev.partnership.ScoreStatus;
import dev.partnership.Subject;
import dev.partnership.TestStrategies;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationCsvTest {
    private static final String HEADER = "partnership,asOf,strategy,dimension,subjectKind,from,to,partner,goal,"
            + "instrument,factor,category,status,value,normalized,low,high,level,n,band,explanation\n";
    private static final Instant AS_OF = Instant.parse("2025-03-01T12:00:00Z");
    private static final List<String> NUMERIC = List.of("value", "normalized", "low", "high", "level", "n");

    private static Evaluation evaluation(String partnership, Instant asOf, List<Score> scores) {
        return new Evaluation(partnership, asOf, new Evaluation.Generator("test", "0"), scores, Map.of(), List.of());
    }

    /** OK, INSUFFICIENT_EVIDENCE and SUPPRESSED scores covering every subject kind. */
    private static List<Score> mixed() {
        return List.of(
                Score.builder("pair-trust", Dimension.TRUST, Subject.partnership()).value(0.625).normalized(0.625)
                        .interval(new Interval(0.5, 0.75, 0.95)).n(12).band("HIGH").explanation("trust is high")
                        .detail("r", 3.0).build(),
                Score.builder("pair-trust", Dimension.TRUST, Subject.pair("rusd", "rcc")).value(-0.25)
                        .interval(new Interval(-1.5, 1.0E-7, 0.9)).n(4).build(),
                Score.builder("rated", Dimension.TRUST, Subject.partner("ngo")).n(2).detail("k", 1.5)
                        .insufficient("only 2 ratings").explanation("No score: only 2 ratings.").build(),
                Score.builder("gas", Dimension.IMPACT, Subject.goal("dual")).value(53.25).n(3.0).build(),
                Score.builder("factors", Dimension.ALIGNMENT, Subject.factor("wilder", "trust", "relationships"))
                        .status(ScoreStatus.SUPPRESSED).n(2).detail("respondents", 2L)
                        .explanation("The score is withheld to protect respondents' privacy.").build(),
                Score.builder("factors", Dimension.ALIGNMENT, Subject.factor("wilder", null, "process"))
                        .value(3.5).n(7).build());
    }

    /** Parses the CSV with its header row as column names. */
    private static List<Map<String, String>> parse(String csv) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        return readAll(new CsvMapper().readerFor(Map.class).with(schema)
                .with(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS).readValues(csv));
    }

    /** Parses the CSV as plain rows of cells, header included, so that column count and order can be checked. */
    private static List<List<String>> cells(String csv) throws IOException {
        return readAll(new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).readerFor(List.class).readValues(csv));
    }

    private static <T> List<T> readAll(MappingIterator<T> it) throws IOException {
        try (it) {
            return it.readAll();
        }
    }

    @Test
    void headerIsExactAndMatchesColumns() {
        assertEquals(HEADER, EvaluationCsv.toCsv(evaluation("p", AS_OF, List.of())));
        assertEquals(HEADER, String.join(",", EvaluationCsv.COLUMNS) + "\n");
    }

    @Test
    void emptyListGivesHeaderOnly() {
        assertEquals(HEADER, EvaluationCsv.toCsv(List.of()));
    }

    @Test
    void rowsRoundTripThroughJacksonParser() throws IOException {
        String csv = EvaluationCsv.toCsv(evaluation("riverbend", AS_OF, mixed()));
        assertTrue(csv.startsWith(HEADER));
        assertTrue(csv.endsWith("\n"));
        assertFalse(csv.contains("\r"));
        List<List<String>> raw = cells(csv);
        assertEquals(7, raw.size());
        for (List<String> r : raw) {
            assertEquals(EvaluationCsv.COLUMNS.size(), r.size(), r.toString());
        }
        List<Map<String, String>> rows = parse(csv);
        assertEquals(6, rows.size());

        Map<String, String> ok = rows.get(0);
        assertEquals("riverbend", ok.get("partnership"));
        assertEquals("2025-03-01T12:00:00Z", ok.get("asOf"));
        assertEquals("pair-trust", ok.get("strategy"));
        assertEquals("TRUST", ok.get("dimension"));
        assertEquals("PARTNERSHIP", ok.get("subjectKind"));
        assertEquals("", ok.get("from") + ok.get("to") + ok.get("partner") + ok.get("goal") + ok.get("instrument")
                + ok.get("factor") + ok.get("category"));
        assertEquals("OK", ok.get("status"));
        assertEquals("0.625", ok.get("value"));
        assertEquals("0.625", ok.get("normalized"));
        assertEquals("0.5", ok.get("low"));
        assertEquals("0.75", ok.get("high"));
        assertEquals("0.95", ok.get("level"));
        assertEquals("12.0", ok.get("n"));
        assertEquals("HIGH", ok.get("band"));
        assertEquals("trust is high", ok.get("explanation"));
        assertFalse(ok.containsKey("details"));
        assertFalse(ok.containsKey("r"));

        Map<String, String> pair = rows.get(1);
        assertEquals("PAIR", pair.get("subjectKind"));
        assertEquals("rusd", pair.get("from"));
        assertEquals("rcc", pair.get("to"));
        assertEquals("", pair.get("partner"));
        assertEquals("-0.25", pair.get("value"), "a negative number stays a number");
        assertEquals("-1.5", pair.get("low"));
        assertEquals("1.0E-7", pair.get("high"));
        assertEquals("", pair.get("normalized"), "NaN is an empty cell");
        assertEquals("", pair.get("band"), "null is an empty cell");
        assertEquals("", pair.get("explanation"));

        Map<String, String> thin = rows.get(2);
        assertEquals("PARTNER", thin.get("subjectKind"));
        assertEquals("ngo", thin.get("partner"));
        assertEquals("INSUFFICIENT_EVIDENCE", thin.get("status"));
        for (String c : NUMERIC) {
            assertEquals("", thin.get(c), c);
        }
        assertEquals("No score: only 2 ratings.", thin.get("explanation"));

        Map<String, String> goal = rows.get(3);
        assertEquals("GOAL", goal.get("subjectKind"));
        assertEquals("dual", goal.get("goal"));
        assertEquals("53.25", goal.get("value"));
        assertEquals("3.0", goal.get("n"));

        Map<String, String> suppressed = rows.get(4);
        assertEquals("FACTOR", suppressed.get("subjectKind"));
        assertEquals("wilder", suppressed.get("instrument"));
        assertEquals("trust", suppressed.get("factor"));
        assertEquals("relationships", suppressed.get("category"));
        assertEquals("SUPPRESSED", suppressed.get("status"));

        Map<String, String> category = rows.get(5);
        assertEquals("", category.get("factor"));
        assertEquals("process", category.get("category"));
        assertEquals("3.5", category.get("value"));
    }

    @Test
    void suppressedScorePrintsNothingNumeric() throws IOException {
        Score s = Score.builder("factors", Dimension.ALIGNMENT, Subject.factor("wilder", "trust", null))
                .status(ScoreStatus.SUPPRESSED).n(2).detail("respondents", 2L).detail("mean", 4.5)
                .explanation("The score is withheld to protect respondents' privacy.").build();
        assertTrue(Double.isNaN(s.n()), "Score withholds the size of a suppressed cell");
        // A score short of evidence keeps its n; the CSV still shows no number on a row without a value.
        Score thin = Score.builder("factors", Dimension.ALIGNMENT, Subject.factor("wilder", "pace", null))
                .insufficient("too few").n(2).build();
        assertEquals(2.0, thin.n());
        String csv = EvaluationCsv.toCsv(evaluation("p", AS_OF, List.of(s)));
        Map<String, String> row = parse(csv).get(0);
        for (String c : NUMERIC) {
            assertEquals("", row.get(c), c);
        }
        Map<String, String> thinRow = parse(EvaluationCsv.toCsv(evaluation("p", AS_OF, List.of(thin)))).get(0);
        for (String c : NUMERIC) {
            assertEquals("", thinRow.get(c), c);
        }
        assertEquals("", row.get("band"));
        String dataLine = csv.substring(HEADER.length());
        String withoutAsOf = dataLine.replace("2025-03-01T12:00:00Z", "");
        assertFalse(withoutAsOf.matches("(?s).*[0-9].*"), "no digit in the suppressed row: " + dataLine);
    }

    @Test
    void formulaLikeTextIsNeutralisedButNumbersAreNot() throws IOException {
        List<Score> scores = List.of(
                Score.builder("=cmd", Dimension.TRUST, Subject.pair("@from", "+to")).value(-0.25).normalized(0.0)
                        .interval(new Interval(-3.5, -0.125, 0.95)).band("-low").explanation("=HYPERLINK(\"x\")").build(),
                Score.builder("s", Dimension.TRUST, Subject.goal("\tgoal")).value(1).explanation("\rcr").build(),
                Score.builder("s", Dimension.TRUST, Subject.partner("plain'=")).value(1).explanation("a = b").build());
        String csv = EvaluationCsv.toCsv(evaluation("-p", AS_OF, scores));
        List<Map<String, String>> rows = parse(csv);
        Map<String, String> r = rows.get(0);
        assertEquals("'-p", r.get("partnership"));
        assertEquals("'=cmd", r.get("strategy"));
        assertEquals("'@from", r.get("from"));
        assertEquals("'+to", r.get("to"));
        assertEquals("'-low", r.get("band"));
        assertEquals("'=HYPERLINK(\"x\")", r.get("explanation"));
        assertEquals("-0.25", r.get("value"));
        assertEquals("0.0", r.get("normalized"));
        assertEquals("-3.5", r.get("low"));
        assertEquals("-0.125", r.get("high"));
        assertTrue(csv.contains(",-0.25,0.0,-3.5,-0.125,0.95,"), csv);
        assertEquals("'\tgoal", rows.get(1).get("goal"));
        assertEquals("'\rcr", rows.get(1).get("explanation"));
        assertEquals("plain'=", rows.get(2).get("partner"), "only the first character matters");
        assertEquals("a = b", rows.get(2).get("explanation"));
    }

    @Test
    void commaQuoteAndNewlineAreQuotedAndParseBack() throws IOException {
        String text = "a, \"quoted\"\nsecond line";
        Score s = Score.builder("s", Dimension.IMPACT, Subject.partner("x,y")).value(2.5).explanation(text)
                .band("say \"hi\"").build();
        Score cr = Score.builder("s", Dimension.IMPACT, Subject.goal("a\rb")).value(1).build();
        String csv = EvaluationCsv.toCsv(evaluation("p", AS_OF, List.of(s, cr)));
        assertTrue(csv.contains(",\"a\rb\","), "a bare CR is quoted: " + csv);
        assertTrue(csv.contains("\"a, \"\"quoted\"\"\nsecond line\""), csv);
        assertTrue(csv.contains("\"x,y\""), csv);
        Map<String, String> row = parse(csv).get(0);
        assertEquals(text, row.get("explanation"));
        assertEquals("x,y", row.get("partner"));
        assertEquals("say \"hi\"", row.get("band"));
        assertEquals("2.5", row.get("value"));
        assertEquals("a\rb", parse(csv).get(1).get("goal"));
    }

    @Test
    void severalEvaluationsShareOneHeaderInOrder() throws IOException {
        Score a = Score.builder("s", Dimension.TRUST, Subject.partnership()).value(0.1).build();
        Score b = Score.builder("s", Dimension.TRUST, Subject.partnership()).value(0.2).build();
        Instant later = Instant.parse("2025-06-01T00:00:00Z");
        String csv = EvaluationCsv.toCsv(List.of(evaluation("p", AS_OF, List.of(a)),
                evaluation("p", later, List.of(b, a))));
        assertEquals(1, csv.split("partnership,asOf", -1).length - 1);
        List<Map<String, String>> rows = parse(csv);
        assertEquals(3, rows.size());
        assertEquals(List.of("2025-03-01T12:00:00Z", "2025-06-01T00:00:00Z", "2025-06-01T00:00:00Z"),
                rows.stream().map(r -> r.get("asOf")).toList());
        assertEquals(List.of("0.1", "0.2", "0.1"), rows.stream().map(r -> r.get("value")).toList());
    }

    @Test
    void writerAndStreamGiveTheSameTextAsToCsv() throws IOException {
        List<Evaluation> list = List.of(evaluation("p", AS_OF, mixed()));
        String expected = EvaluationCsv.toCsv(list);
        StringWriter w = new StringWriter();
        EvaluationCsv.write(list, w);
        assertEquals(expected, w.toString());
        Score s = Score.builder("s", Dimension.TRUST, Subject.partner("Zoë–ü")).value(1).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EvaluationCsv.write(List.of(evaluation("p", AS_OF, List.of(s))), out);
        assertEquals(EvaluationCsv.toCsv(evaluation("p", AS_OF, List.of(s))), out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Zoë–ü"));
    }

    @Test
    void numbersUseTheSameTextAsTheJsonWriterAndRoundTrip() {
        qt().forAll(doubles().any()).assuming(Double::isFinite).checkAssert(v -> {
            Score s = Score.builder("s", Dimension.TRUST, Subject.partnership()).value(v).build();
            Evaluation e = evaluation("p", AS_OF, List.of(s));
            try {
                String cell = parse(EvaluationCsv.toCsv(e)).get(0).get("value");
                assertEquals(v, Double.parseDouble(cell));
                String json = EvaluationJson.toJson(e);
                assertTrue(json.contains("\"value\": " + cell + ","), cell);
            } catch (IOException x) {
                throw new AssertionError(x);
            }
        });
    }

    @Test
    void anyTextParsesBackNeutralisedOnlyWhenFormulaLike() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 12)).checkAssert(text -> {
            Score s = Score.builder("s", Dimension.TRUST, Subject.partnership()).value(1).explanation(text).build();
            try {
                String cell = parse(EvaluationCsv.toCsv(evaluation("p", AS_OF, List.of(s)))).get(0).get("explanation");
                boolean formula = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
                assertEquals(formula ? "'" + text : text, cell);
            } catch (IOException x) {
                throw new AssertionError(x);
            }
        });
    }

    @Test
    void sampleEvaluationHasOneRowPerScore() throws IOException {
        Evaluation e = Evaluator.builder().discover(false)
                .register(new TestStrategies.SignalCountProvider())
                .register(new TestStrategies.PairTrustProvider())
                .register(new TestStrategies.ThinProvider())
                .build().evaluate(SamplePartnerships.small());
        assertFalse(e.scores().isEmpty());
        List<Map<String, String>> rows = parse(EvaluationCsv.toCsv(e));
        assertEquals(e.scores().size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Score s = e.scores().get(i);
            assertEquals(s.strategy(), rows.get(i).get("strategy"));
            assertEquals(s.status().name(), rows.get(i).get("status"));
            assertEquals(s.isOk() ? Double.toString(s.value()) : "", rows.get(i).get("value"));
        }
    }
}
