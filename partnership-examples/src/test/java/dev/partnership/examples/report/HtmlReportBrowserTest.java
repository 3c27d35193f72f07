package dev.partnership.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.Dimension;
import dev.partnership.DimensionSummary;
import dev.partnership.Evaluation;
import dev.partnership.Evaluator;
import dev.partnership.Partnership;
import dev.partnership.Trend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders the sample trend report to {@code target/html-report/riverbend.html} and opens it in headless Chromium:
 * the rendered DOM has the charts and the health figure, the browser logs no console message or refused load, and
 * a screenshot {@code target/html-report/riverbend.png} is kept as an artefact. Skipped, saying why, when Chromium
 * is missing and cannot be installed.
 */
class HtmlReportBrowserTest {
    private static final Path DIR = Path.of("target", "html-report").toAbsolutePath();
    private static final Path PAGE = DIR.resolve("riverbend.html");
    private static final Path SCREENSHOT = DIR.resolve("riverbend.png");

    private static HeadlessChromium chromium;
    private static Evaluation latest;
    private static String html;

    @BeforeAll
    static void renderAndFindBrowser() throws Exception {
        Files.createDirectories(DIR);
        Partnership sample = HtmlReportTest.bundledSample();
        Trend trend = Evaluator.builder().build().evaluateTrend(sample, List.of(
                Instant.parse("2024-06-30T00:00:00Z"), Instant.parse("2025-06-30T00:00:00Z"),
                Instant.parse("2026-06-30T00:00:00Z")));
        latest = trend.evaluations().get(trend.evaluations().size() - 1);
        html = new HtmlReport().render(trend, sample);
        Files.writeString(PAGE, html, StandardCharsets.UTF_8);
        chromium = new HeadlessChromium(DIR);
        Optional<String> unavailable = chromium.ensureInstalled();
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> "Chromium browser test skipped: " + unavailable.get());
    }

    @Test
    void renderedDomHasTheChartsAndTheHealthFigure() throws Exception {
        HeadlessChromium.Run run = chromium.run(PAGE, "--dump-dom");
        assertEquals(0, run.exitCode(), run.stderr());
        String dom = run.stdout();
        assertEquals(5, HtmlReportTest.count(dom, "<svg "), "summary, trend, network, factors, goals");
        for (String id : List.of("summary-chart", "trend-chart", "network-chart", "factors-collaboration-factors",
                "goals-chart")) {
            assertTrue(dom.contains("id=\"" + id + "\""), id);
        }
        DimensionSummary health = latest.summary().get(Dimension.HEALTH);
        assertTrue(dom.contains(">Health index</text>"), "health label");
        assertTrue(dom.contains(">" + MarkdownReport.number(health.value()) + " (95% interval "
                + MarkdownReport.number(health.interval().low()) + " to "
                + MarkdownReport.number(health.interval().high()) + ")</text>"), "health figure");
        assertTrue(dom.contains("<th scope=\"col\">2024-06-30</th>"), "trend table");
        assertTrue(run.consoleProblems().isEmpty(), String.join("\n", run.consoleProblems()));
    }

    @Test
    void screenshotIsTakenWithoutConsoleErrors() throws Exception {
        Files.deleteIfExists(SCREENSHOT);
        HeadlessChromium.Run run = chromium.run(PAGE, "--screenshot=" + SCREENSHOT, "--window-size=1280,4000",
                "--hide-scrollbars");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(Files.size(SCREENSHOT) > 10_000, "a real screenshot");
        byte[] head = new byte[8];
        System.arraycopy(Files.readAllBytes(SCREENSHOT), 0, head, 0, 8);
        assertEquals("\u0089PNG\r\n\u001a\n", new String(head, StandardCharsets.ISO_8859_1), "PNG signature");
        assertTrue(run.consoleProblems().isEmpty(), String.join("\n", run.consoleProblems()));
    }
}
