package dev.partnership.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.Dimension;
import dev.partnership.DimensionSummary;
import dev.partnership.Evaluation;
import dev.partnership.Evaluator;
import dev.partnership.Goal;
import dev.partnership.Interval;
import dev.partnership.Partner;
import dev.partnership.PartnerType;
import dev.partnership.Partnership;
import dev.partnership.Score;
import dev.partnership.ScoreStatus;
import dev.partnership.Subject;
import dev.partnership.Trend;
import dev.partnership.Warning;
import dev.partnership.examples.sample.SampleGenerator;
import dev.partnership.io.DatasetReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    static final Partnership SAMPLE = bundledSample();
    private static final Evaluation SAMPLE_EVALUATION = Evaluator.builder().build().evaluate(SAMPLE);
    private static final String SAMPLE_HTML = new HtmlReport().render(SAMPLE_EVALUATION, SAMPLE);
    private static final Instant AS_OF = Instant.parse("2025-06-30T00:00:00Z");
    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    /** Reads the bundled Riverbend sample, as the CLI's {@code --sample} does. */
    static Partnership bundledSample() {
        try (InputStream in = SampleGenerator.openBundledSample()) {
            return DatasetReader.defaults().read(in, SampleGenerator.BUNDLED_SAMPLE_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    /** Asserts the page is self-contained: no script, no URL but the SVG namespace, the CSP in place. */
    static void assertSelfContained(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script"), "no script");
        String withoutNamespace = lower.replace(SVG_NS, "");
        assertFalse(withoutNamespace.contains("http://"), "no http URL");
        assertFalse(withoutNamespace.contains("https://"), "no https URL");
        assertFalse(withoutNamespace.replaceAll("url\\(#arrow-[a-z]+\\)", "").contains("url("),
                "no url() other than the local arrow markers");
        assertFalse(lower.contains("<img") || lower.contains("<link") || lower.contains("@import")
                || lower.contains("@font-face") || lower.contains("<iframe"), "nothing fetched");
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; "
                + "style-src &#39;unsafe-inline&#39;; img-src data:\">"), "CSP meta");
    }

    @Test
    void sampleReportHasOneSvgPerChartAndIsSelfContained() {
        String html = SAMPLE_HTML;
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), html.substring(0, 40));
        assertTrue(html.endsWith("</html>\n"));
        assertSelfContained(html);
        // summary, trust network, collaboration factors, goal progress; no trend without a Trend
        assertEquals(4, count(html, "<svg "), "one svg per chart");
        for (String id : List.of("summary-chart", "network-chart", "factors-collaboration-factors", "goals-chart")) {
            assertTrue(html.contains("<svg xmlns=\"" + SVG_NS + "\" class=\"chart\" id=\"" + id + "\" role=\"img\""),
                    id);
            assertTrue(html.contains("<title id=\"" + id + "-title\">"), id + " title");
            assertTrue(html.contains("<desc id=\"" + id + "-desc\">"), id + " desc");
        }
        assertFalse(html.contains("trend-chart"));
        assertEquals(count(html, "<table>"), count(html, "<thead><tr><th scope=\"col\">"), "every table has headers");
    }

    @Test
    void sampleReportShowsTitleHealthFirstNetworkFactorsGoalsAndWarnings() {
        String html = SAMPLE_HTML;
        assertTrue(html.contains("<title>Riverbend Education Partnership: partnership evaluation as of 2026-06-30"
                + "</title>"), "title");
        assertTrue(html.contains("<h1>Riverbend Education Partnership</h1>"));
        DimensionSummary health = SAMPLE_EVALUATION.summary().get(Dimension.HEALTH);
        String healthText = MarkdownReport.number(health.value());
        int healthRow = html.indexOf(">Health index</text>");
        assertTrue(healthRow > 0 && healthRow < html.indexOf(">Trust</text>"), "health index first");
        assertTrue(html.contains(">" + healthText + " (95% interval "), "health figure " + healthText);

        // Network: one arrow per OK first-hand beta-reputation pair score, and a legend.
        long pairs = SAMPLE_EVALUATION.scores(MarkdownReport.BETA_REPUTATION).stream()
                .filter(s -> s.isOk() && s.subject().kind() == Subject.Kind.PAIR
                        && !Boolean.TRUE.equals(s.details().get("derived"))).count();
        assertTrue(pairs > 0);
        assertEquals(pairs, count(html, "<line class=\"edge edge-"));
        assertEquals(SAMPLE.partners().size(), count(html, "<g class=\"node\">"));
        assertTrue(html.contains("strong: trust ≥ 0.80") && html.contains("weak: below 0.60"), "legend");
        assertTrue(html.contains("Keystone Fabrication"), "partner names");

        // Factors and goals use names and titles from the data.
        assertTrue(html.contains(">Sufficient funds, staff, materials, and time</text>"), "factor name");
        assertTrue(html.contains(">2.53 CONCERN</text>"), "factor value and band");
        assertTrue(html.contains(">STRENGTH</text>") && html.contains(">BORDERLINE</text>")
                && html.contains(">CONCERN</text>"), "band regions labelled");
        assertTrue(html.contains(">Fewer students are chronically absent</text>"), "goal title");
        assertTrue(html.contains(">1.1% of 74% expected, behind</text>"), "goal progress against expected");

        assertTrue(html.contains("<th scope=\"col\">Message</th>"));
        assertEquals(SAMPLE_EVALUATION.warnings().size(),
                count(html.substring(html.indexOf("<section id=\"warnings\">")), "<tr><td>"));
    }

    @Test
    void renderingIsDeterministic() {
        Evaluation again = Evaluator.builder().build().evaluate(bundledSample());
        assertEquals(SAMPLE_HTML, new HtmlReport().render(again, bundledSample()));
        assertEquals(SAMPLE_HTML, new HtmlReport().render(SAMPLE_EVALUATION, SAMPLE));
    }

    @Test
    void trendChartAppearsOnlyWithATrend() {
        Evaluator evaluator = Evaluator.builder().build();
        Trend trend = evaluator.evaluateTrend(SAMPLE, List.of(Instant.parse("2025-06-30T00:00:00Z"),
                Instant.parse("2026-06-30T00:00:00Z")));
        String html = new HtmlReport().render(trend, SAMPLE);
        assertSelfContained(html);
        assertEquals(5, count(html, "<svg "));
        assertTrue(html.contains("id=\"trend-chart\" role=\"img\""));
        assertTrue(html.indexOf("id=\"trend-chart\"") < html.indexOf("id=\"network-chart\""));
        assertTrue(html.contains("<th scope=\"col\">2025-06-30</th><th scope=\"col\">2026-06-30</th>"));
        assertEquals(2, count(html.substring(html.indexOf("id=\"trend-chart\""), html.indexOf("</svg>",
                html.indexOf("id=\"trend-chart\""))), "<circle cx=\"") / count(html.substring(
                html.indexOf("id=\"trend-chart\""), html.indexOf("</svg>", html.indexOf("id=\"trend-chart\""))),
                "<polyline "), "one point per date");
        // the rest of the page is the latest evaluation's
        assertTrue(html.contains("partnership evaluation as of 2026-06-30</title>"));
        assertFalse(SAMPLE_HTML.contains("<section id=\"trend\">"));
    }

    // ------------------------------------------------------------------------------------------------ small cases

    private static final String SCRIPT = "<script>alert(1)</script>";

    /** Names that must be escaped in text and in attributes. */
    private static Partnership hostile() {
        return Partnership.builder("tiny", "Pilot \"<b>\" & 'co'", Instant.parse("2024-09-01T00:00:00Z"))
                .partner(new Partner("a", SCRIPT, PartnerType.SCHOOL))
                .partner(new Partner("b", "Beta \"quoted\" & <i>", PartnerType.COMMUNITY_COLLEGE))
                .partner(new Partner("c", "Gamma", PartnerType.NONPROFIT))
                .goal(new Goal("g1", "<img src=x onerror=alert(2)>", null, List.of("a"), null))
                .build();
    }

    private static Score pair(String from, String to, double value, boolean derived) {
        Score.Builder b = Score.builder(MarkdownReport.BETA_REPUTATION, Dimension.TRUST, Subject.pair(from, to))
                .value(value).normalized(value).interval(new Interval(value - 0.1, Math.min(1, value + 0.05), 0.95))
                .explanation("pair " + SCRIPT);
        if (derived) {
            b.detail("derived", true);
        }
        return b.build();
    }

    private static Score factor(String factor, ScoreStatus status, double value) {
        Score.Builder b = Score.builder(HtmlReport.COLLABORATION_FACTORS, Dimension.INSTRUMENT,
                Subject.factor(HtmlReport.COLLABORATION_FACTORS, factor, "environment")).value(value)
                .interval(new Interval(value - 0.2, value + 0.2, 0.95)).n(7).band("BORDERLINE");
        if (status != ScoreStatus.OK) {
            b.status(status);
        }
        return b.build();
    }

    private static Score goal(double progress, double expected) {
        return Score.builder(MarkdownReport.TARGET_ATTAINMENT, Dimension.IMPACT, Subject.goal("g1")).value(progress)
                .normalized(progress).interval(new Interval(progress - 0.1, progress + 0.1, 0.95))
                .detail("expectedProgress", expected).build();
    }

    private static Evaluation evaluation(List<Score> scores, List<Warning> warnings) {
        Map<Dimension, DimensionSummary> summary = Map.of(Dimension.TRUST,
                new DimensionSummary(0.7, new Interval(0.6, 0.8, 0.95), List.of(MarkdownReport.BETA_REPUTATION)));
        return new Evaluation("tiny", AS_OF, new Evaluation.Generator("partnership", "<test>"), scores, summary,
                warnings);
    }

    @Test
    void textFromTheDataIsEscapedInTextAndAttributes() {
        Evaluation e = evaluation(List.of(pair("a", "b", 0.9, false), pair("b", "a", 0.5, false), goal(0.4, 0.6)),
                List.of(new Warning("W<1>", "s\"x", "message " + SCRIPT + " 'quoted' & done")));
        String html = new HtmlReport().render(e, hostile());
        assertSelfContained(html);
        assertFalse(html.contains(SCRIPT), "the partner name renders as text");
        assertFalse(html.contains("<img") || html.contains("<b>") || html.contains("<i>") || html.contains("<test>"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "escaped name present");
        assertTrue(html.contains("<h1>Pilot &quot;&lt;b&gt;&quot; &amp; &#39;co&#39;</h1>"));
        assertTrue(html.contains("&lt;img src=x onerror=alert(2)&gt;"), "goal title escaped");
        assertTrue(html.contains("<td>W&lt;1&gt;</td><td>s&quot;x</td><td>message &lt;script&gt;alert(1)&lt;/script&gt;"
                + " &#39;quoted&#39; &amp; done</td>"), "warning row escaped");
        // No attribute is broken open: every quote inside a tag pairs up.
        Matcher tags = Pattern.compile("<[a-zA-Z][^<>]*>").matcher(html);
        while (tags.find()) {
            assertEquals(0, count(tags.group(), "\"") % 2, tags.group());
        }
    }

    @Test
    void networkDrawsFirstHandPairsOnlyWithWidthByTrustAndColourByBand() {
        Evaluation e = evaluation(List.of(pair("a", "b", 0.9, false), pair("b", "a", 0.7, false),
                pair("a", "c", 0.5, false), pair("c", "a", 0.2, true)), List.of());
        String html = new HtmlReport().render(e, hostile());
        assertEquals(3, count(html, "<line class=\"edge edge-"), "the derived pair is not an edge");
        // width = 0.75 + 5 * trust, one decimal rounded half up: 5.25 -> 5.3, 4.25 -> 4.3, 3.25 -> 3.3
        assertTrue(html.contains("<line class=\"edge edge-strong\"") && html.contains("stroke-width=\"5.3\""), html);
        assertTrue(html.contains("<line class=\"edge edge-moderate\"") && html.contains("stroke-width=\"4.3\""));
        assertTrue(html.contains("<line class=\"edge edge-weak\"") && html.contains("stroke-width=\"3.3\" "
                + "stroke-dasharray=\"6 3\""));
        assertFalse(html.contains("0.20 ("), "the derived value is not drawn");
        assertTrue(html.contains("3 partners and 3 first-hand trust relationships: 1 strong, 1 moderate, 1 weak."));
        assertEquals(HtmlReport.trustBand(0.8), "strong");
        assertEquals(HtmlReport.trustBand(0.6), "moderate");
        assertEquals(HtmlReport.trustBand(0.5999), "weak");
    }

    @Test
    void suppressedFactorsShowNoBarAndNoNumber() {
        Evaluation e = evaluation(List.of(factor("history", ScoreStatus.OK, 3.5),
                factor("climate", ScoreStatus.SUPPRESSED, 3.9)), List.of());
        String html = new HtmlReport().render(e, hostile());
        String chart = html.substring(html.indexOf("id=\"factors-collaboration-factors\""),
                html.indexOf("</svg>", html.indexOf("id=\"factors-collaboration-factors\"")));
        Matcher rows = Pattern.compile("<g><title>([^<]*)</title>(.*?)</g>").matcher(chart);
        int seen = 0;
        while (rows.find()) {
            seen++;
            String row = rows.group();
            if (rows.group(1).startsWith("Favorable political and social climate")) {
                assertEquals("Favorable political and social climate: suppressed", rows.group(1));
                assertFalse(row.contains("<rect"), "no bar: " + row);
                String text = row.replaceAll("<[^>]*>", " ");
                assertFalse(text.matches("(?s).*\\d.*"), "no number: " + text);
                assertTrue(text.contains("suppressed"));
            } else {
                assertTrue(row.contains("<rect") && row.contains(">3.50 BORDERLINE</text>"), row);
            }
        }
        assertEquals(2, seen);
        String desc = chart.substring(chart.indexOf("<desc"), chart.indexOf("</desc>"));
        assertTrue(desc.contains("Favorable political and social climate: suppressed."), desc);
        assertTrue(html.contains("too few respondents"));
    }

    @Test
    void goalBarsCarryTheExpectedProgressMarker() {
        String html = new HtmlReport().render(evaluation(List.of(goal(0.4, 0.6)), List.of()), hostile());
        String chart = html.substring(html.indexOf("id=\"goals-chart\""));
        // track x0 = 340, width 340: expected 0.6 at x = 544
        assertTrue(chart.contains("<line x1=\"544.0\" y1=\"28.0\" x2=\"544.0\" y2=\"52.0\" stroke=\"#1b1f24\" "
                + "stroke-width=\"2.5\"/>"), chart);
        assertTrue(chart.contains(">40% of 60% expected, behind</text>"));
        assertTrue(chart.contains("expected progress by now"), "legend");
    }

    @Test
    void emptyEvaluationStillRendersAPage() {
        Evaluation empty = new Evaluation("tiny", AS_OF, new Evaluation.Generator("p", "1"), List.of(), Map.of(),
                List.of());
        String html = new HtmlReport().render(empty, hostile());
        assertSelfContained(html);
        assertEquals(0, count(html, "<svg "));
        assertTrue(html.contains("nothing to summarise") && html.contains("No warnings."));
    }
}
