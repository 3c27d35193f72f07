package dev.partnership.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnership.examples.sample.SampleGenerator;
import dev.partnership.io.JsonSchemas;
import dev.partnership.io.TrendJson;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@code evaluate --as-of D1,D2,...}: a trend in every format, showing the sample's planted decline. */
class TrendCommandTest {
    private static final String DATES = "2024-06-30,2025-06-30,2026-06-30";

    private static String ok(String... args) {
        CapturedRun run = CapturedRun.of(args);
        assertEquals(PartnershipCommand.EXIT_OK, run.status(), run::toString);
        assertEquals("", run.err(), run::toString);
        return run.out();
    }

    @Test
    void markdownTrendNamesThePlantedDecliningPartner() {
        String md = ok("evaluate", "--sample", "--as-of", DATES);
        assertTrue(md.startsWith("# Riverbend Education Partnership: partnership trend"), md);
        assertTrue(md.contains("| Dimension | 2024-06-30 | 2025-06-30 | 2026-06-30 | Last change |"), md);
        assertTrue(md.contains("| Health |"), "the health index is summarised over time");
        List<String> headlines = md.lines().dropWhile(l -> !l.equals("## Headlines"))
                .takeWhile(l -> !l.startsWith("## Trust by partner")).toList();
        String city = "**City of Riverbend Youth Services**";
        assertTrue(headlines.stream().anyMatch(l -> l.contains(city) && l.contains("behavioural trust fell")
                && l.contains("between 2025-06-30 and 2026-06-30")), headlines::toString);
        assertTrue(headlines.stream().anyMatch(l -> l.contains(city) && l.contains("trust as partners rate it fell")),
                headlines::toString);
        assertTrue(headlines.stream().anyMatch(l -> l.contains(city) && l.contains("on both measures")),
                headlines::toString);
        // the city's row of behavioural trust falls from the second to the third date
        String row = md.lines().dropWhile(l -> !l.startsWith("## Trust by partner: behavioural"))
                .filter(l -> l.startsWith("| City of Riverbend Youth Services |")).findFirst().orElseThrow();
        String[] cells = row.split("\\|");
        assertTrue(Double.parseDouble(cells[4].strip()) < Double.parseDouble(cells[3].strip()) - 0.04, row);
        // and the full report of the latest date follows
        assertTrue(md.contains("# Riverbend Education Partnership: partnership evaluation"), md);
        assertTrue(md.contains("Evidence up to **2026-06-30**"), md);
    }

    @Test
    void jsonTrendValidatesAgainstItsSchema() throws IOException {
        String json = ok("evaluate", "--sample", "--as-of", DATES, "--format", "json");
        assertEquals(Set.of(), JsonSchemas.validate(JsonSchemas.TREND, json));
        JsonNode root = new ObjectMapper().readTree(json);
        assertEquals(TrendJson.FORMAT, root.get("format").asText());
        assertEquals(3, root.get("evaluations").size());
        boolean cityFalls = false;
        for (JsonNode c : root.get("changes")) {
            if ("beta-reputation".equals(c.get("strategy").asText(null))
                    && "PARTNER".equals(c.get("subject").get("kind").asText())
                    && SampleGenerator.DECLINING_PARTNER.equals(c.get("subject").get("partner").asText())
                    && c.get("to").asText().startsWith("2026-06-30")) {
                cityFalls = c.get("change").asDouble() < -0.04;
            }
        }
        assertTrue(cityFalls, "the declining partner's behavioural trust falls in the last step");
    }

    @Test
    void csvTrendHasOneBlockOfRowsPerDate() {
        String csv = ok("evaluate", "--sample", "--as-of", DATES, "--format", "csv");
        List<String> lines = csv.lines().toList();
        assertTrue(lines.get(0).startsWith("partnership,asOf,strategy,"), lines.get(0));
        Set<String> dates = new TreeSet<>();
        for (String l : lines.subList(1, lines.size())) {
            dates.add(l.split(",", 3)[1]);
        }
        assertEquals(Set.of("2024-06-30T00:00:00Z", "2025-06-30T00:00:00Z", "2026-06-30T00:00:00Z"), dates);
        assertEquals(1, lines.stream().filter(l -> l.startsWith("partnership,")).count(), "one header");
    }

    @Test
    void oneDateIsAnOrdinaryEvaluation() {
        String json = ok("evaluate", "--sample", "--as-of", "2025-06-30", "--format", "json");
        assertTrue(json.contains("\"format\" : \"partnership-evaluation/1\"")
                || json.contains("\"format\": \"partnership-evaluation/1\""), json.substring(0, 200));
    }

    @Test
    void badDateListsAreUsageErrors() {
        for (String bad : List.of("2025-06-30,2024-06-30", "2025-06-30,2025-06-30", "2025-06-30,,2026-06-30",
                "2025-06-30,", "2025-06-30,soon")) {
            CapturedRun run = CapturedRun.of("evaluate", "--sample", "--as-of", bad);
            assertEquals(PartnershipCommand.EXIT_BAD_INPUT, run.status(), run::toString);
            assertEquals("", run.out());
            assertTrue(run.err().contains("--as-of"), run::toString);
            assertFalse(run.errHasStackTrace(), run::toString);
        }
    }

    @Test
    void parseInstantsReadsIncreasingLists() throws UsageException {
        assertEquals(List.of(Instant.parse("2024-06-30T00:00:00Z"), Instant.parse("2025-06-30T12:00:00Z")),
                PartnershipCommand.parseInstants("2024-06-30, 2025-06-30T12:00:00Z"));
        assertThrows(UsageException.class, () -> PartnershipCommand.parseInstants(""));
    }

    @Test
    void progressBarGoesToStandardErrorAndIsErasedAtTheEnd() {
        CapturedRun plain = CapturedRun.of("evaluate", "--sample", "--format", "json");
        CapturedRun run = CapturedRun.of("evaluate", "--sample", "--format", "json", "--progress", "--as-of", DATES);
        assertEquals(PartnershipCommand.EXIT_OK, run.status(), run::toString);
        assertEquals("", plain.err(), "no bar unless asked for or on a terminal");
        assertTrue(run.err().contains("] 1/"), run.err());
        assertTrue(run.err().contains("health-index"), run.err());
        assertTrue(run.err().endsWith("\r"), "the last redraw erases the bar");
        assertFalse(run.out().contains("#"), "the report is untouched");
    }

    @Test
    void htmlReportIsOnePageWithoutScriptsForOneDateOrATrend() {
        String one = ok("evaluate", "--sample", "--format", "html");
        String trend = ok("evaluate", "--sample", "--format", "html", "--as-of", DATES);
        for (String html : List.of(one, trend)) {
            assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 40));
            assertFalse(html.contains("<script"), "no scripts");
            assertTrue(html.contains("Riverbend Education Partnership"));
        }
        assertTrue(trend.split("<svg", -1).length > one.split("<svg", -1).length, "the trend adds a chart");
    }
}
