package dev.partnership.examples.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.partnership.Goal;
import dev.partnership.Partner;
import dev.partnership.Partnership;
import dev.partnership.examples.cli.PartnershipCommand;
import dev.partnership.examples.sample.SampleGenerator;
import dev.partnership.io.DatasetReader;
import dev.partnership.io.DatasetWriter;
import dev.partnership.io.EvaluationCsv;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text from the data cannot run in a reader's browser or spreadsheet: the sample with a partner named
 * {@code <script>alert(1)</script>}, another named like a spreadsheet formula and a goal titled with Markdown and
 * HTML markup goes through the CLI in HTML, Markdown and CSV; the HTML and Markdown show the text, escaped, and
 * no CSV text cell starts with a character a spreadsheet would evaluate.
 */
class OutputSafetyTest {
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"x\")";
    private static final String MARKUP = "Dual *enrollment* | <b>bold</b> [link](http://evil.example)";

    @TempDir
    static Path dir;
    private static Path dataset;

    @BeforeAll
    static void writeHostileDataset() throws IOException {
        Partnership sample;
        try (InputStream in = SampleGenerator.openBundledSample()) {
            sample = DatasetReader.defaults().read(in, "sample");
        }
        List<Partner> partners = new ArrayList<>();
        for (Partner p : sample.partners()) {
            String name = p.id().equals(SampleGenerator.UNRELIABLE_PARTNER) ? SCRIPT
                    : p.id().equals(SampleGenerator.MAIN_FUNDER) ? FORMULA : p.name();
            partners.add(new Partner(p.id(), name, p.type(), p.attributes()));
        }
        List<Goal> goals = new ArrayList<>();
        for (Goal g : sample.goals()) {
            goals.add(g.id().equals(SampleGenerator.EFFECT_GOAL) ? new Goal(g.id(), MARKUP, g.indicator(),
                    g.owners(), g.deadline(), g.weight(), g.attainmentLevels(), g.attributes()) : g);
        }
        Partnership hostile = new Partnership(sample.id(), sample.name(), sample.start(), partners, goals,
                sample.priorities(), sample.signals(), sample.ratings(), sample.surveys(), sample.measurements(),
                sample.instruments());
        dataset = dir.resolve("hostile.json");
        Files.writeString(dataset, DatasetWriter.toJson(hostile), StandardCharsets.UTF_8);
    }

    private static String evaluate(String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PartnershipCommand.run(new String[] {"evaluate", dataset.toString(), "--format", format},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(PartnershipCommand.EXIT_OK, status, () -> err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void htmlShowsHostileNamesAsText() {
        String html = evaluate("html");
        assertFalse(html.contains(SCRIPT), "the script tag never reaches the page");
        assertFalse(html.contains("<b>bold</b>"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the name is shown, escaped");
        assertEquals(0, html.split("<script", -1).length - 1, "no script element at all");
    }

    @Test
    void markdownEscapesMarkupFromTheData() {
        String md = evaluate("markdown");
        assertFalse(md.contains(SCRIPT));
        assertTrue(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the name is shown, escaped");
        assertFalse(md.contains("*enrollment*"), "emphasis from the data is escaped");
        assertFalse(md.contains("[link](http://evil.example)"), "links from the data are escaped");
    }

    @Test
    void csvTextCellsNeverStartWithAFormulaCharacter() throws IOException {
        String csv = evaluate("csv");
        Set<String> numeric = Set.of("value", "normalized", "low", "high", "level", "n");
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).readValues(csv)) {
            it.forEachRemaining(rows::add);
        }
        assertEquals(EvaluationCsv.COLUMNS, rows.get(0));
        boolean sawHostileName = false;
        for (List<String> row : rows.subList(1, rows.size())) {
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                sawHostileName |= cell.contains("HYPERLINK");
                if (!numeric.contains(EvaluationCsv.COLUMNS.get(c)) && !cell.isEmpty()) {
                    char first = cell.charAt(0);
                    assertFalse(first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                            || first == '\r', () -> "formula-like cell " + cell);
                }
            }
        }
        assertTrue(sawHostileName, "the formula-like name reaches the CSV (inside an explanation), neutralised");
    }
}
