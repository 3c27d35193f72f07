package dev.partnership.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@link ScalingPlot} on a small hand-written JMH result in the shape JMH 1.37 writes with {@code -rf json}. */
class ScalingPlotTest {
    private static final String EVALUATE = "dev.partnership.jmh.ScalingBenchmark.evaluate";
    private static final String EIGENTRUST = "dev.partnership.jmh.ScalingBenchmark.eigenTrust";

    private static String record(String benchmark, String mode, String params, String score, String error,
                                 String unit) {
        return String.format(Locale.ROOT, "{\"jmhVersion\":\"1.37\",\"benchmark\":\"%s\",\"mode\":\"%s\","
                + "\"threads\":1,\"forks\":1,\"params\":{%s},\"primaryMetric\":{\"score\":%s,\"scoreError\":%s,"
                + "\"scoreConfidence\":[0,0],\"scoreUnit\":\"%s\",\"rawData\":[[1.0]]},\"secondaryMetrics\":{}}",
                benchmark, mode, params, score, error, unit);
    }

    /** Evaluation grows 9.5× then 11×; EigenTrust (in µs) exactly linear; plus two records that are not plotted. */
    private static final List<String> RECORDS = List.of(
            record(EVALUATE, "avgt", "\"signals\":\"100000\"", "100.0", "5.0", "ms/op"),
            record(EVALUATE, "avgt", "\"signals\":\"1000000\"", "950.0", "50.0", "ms/op"),
            record(EVALUATE, "avgt", "\"signals\":\"10000000\"", "10450.0", "\"NaN\"", "ms/op"),
            record(EIGENTRUST, "avgt", "\"edges\":\"100000\"", "20000.0", "1000.0", "us/op"),
            record(EIGENTRUST, "avgt", "\"edges\":\"1000000\"", "200000.0", "1000.0", "us/op"),
            record(EIGENTRUST, "avgt", "\"edges\":\"10000000\"", "2000000.0", "1000.0", "us/op"),
            record("dev.partnership.jmh.BetaReputationBenchmark.score", "thrpt", "\"signals\":\"1000000\"", "9.0",
                    "1.0", "ops/s"),
            record("dev.partnership.jmh.EigenTrustBenchmark.score", "avgt",
                    "\"implementation\":\"eigentrust\",\"edges\":\"1000000\"", "150.0", "10.0", "ms/op"));

    private static String json(List<String> records) {
        return "[\n" + String.join(",\n", records) + "\n]\n";
    }

    @Test
    void readsOneSeriesPerMethodInNameOrderAndConvertsToMillis() {
        List<String> skipped = new ArrayList<>();
        List<ScalingPlot.Series> series = ScalingPlot.read(json(RECORDS), skipped);
        assertEquals(2, series.size());
        ScalingPlot.Series eigenTrust = series.get(0);
        ScalingPlot.Series evaluate = series.get(1);
        assertEquals(EIGENTRUST, eigenTrust.benchmark());
        assertEquals("eigenTrust", eigenTrust.method());
        assertEquals("edges", eigenTrust.parameter());
        assertEquals("signals", evaluate.parameter());
        assertEquals(List.of(100_000L, 1_000_000L, 10_000_000L),
                evaluate.points().stream().map(ScalingPlot.Point::size).toList());
        assertEquals(20.0, eigenTrust.points().get(0).millis(), 1e-12, "20,000 µs is 20 ms");
        assertEquals(1.0, eigenTrust.points().get(0).error(), 1e-12);
        assertTrue(Double.isNaN(evaluate.points().get(2).error()), "JMH's \"NaN\" error is read as NaN");
        assertEquals(2, skipped.size(), skipped.toString());
        assertTrue(skipped.get(0).contains("ops/s"), skipped.get(0));
        assertTrue(skipped.get(1).contains("2 parameters"), skipped.get(1));
    }

    @Test
    void recordOrderDoesNotMatter() {
        List<String> reversed = new ArrayList<>(RECORDS);
        java.util.Collections.reverse(reversed);
        assertEquals(ScalingPlot.svg(ScalingPlot.read(json(RECORDS), new ArrayList<>())),
                ScalingPlot.svg(ScalingPlot.read(json(reversed), new ArrayList<>())));
    }

    @Test
    void factorsPerDecade() {
        List<ScalingPlot.Series> series = ScalingPlot.read(json(RECORDS), new ArrayList<>());
        assertArrayEquals(new double[] {10, 10}, series.get(0).factorsPerDecade(), 1e-9);
        assertArrayEquals(new double[] {9.5, 11}, series.get(1).factorsPerDecade(), 1e-9);
        // Two decades at once: 100× the time over 100× the size is 10× per decade.
        ScalingPlot.Series wide = new ScalingPlot.Series("x.y", "n",
                List.of(new ScalingPlot.Point(1_000, 1, Double.NaN), new ScalingPlot.Point(100_000, 100, 0)));
        assertArrayEquals(new double[] {10}, wide.factorsPerDecade(), 1e-9);
    }

    @Test
    void svgIsWellFormedWithLabelledAxesLegendAndReferenceLines() throws Exception {
        String svg = ScalingPlot.svg(ScalingPlot.read(json(RECORDS), new ArrayList<>()));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals(2, byClass(doc, "polyline", "series").size());
        assertEquals(2, byClass(doc, "line", "reference").size());
        assertEquals(6, byClass(doc, "circle", "point").size());
        List<String> labels = byClass(doc, "text", "axis-label").stream().map(Element::getTextContent).toList();
        assertEquals(List.of("input size (edges, signals)", "time per operation (ms)"), labels);
        List<String> legend = byClass(doc, "text", "legend").stream().map(Element::getTextContent).toList();
        assertEquals("eigenTrust against edges", legend.get(0));
        assertEquals("evaluate against signals", legend.get(1));
        assertTrue(legend.get(2).startsWith("ideal linear growth (slope 1)"), legend.get(2));
        List<String> factors = byClass(doc, "text", "factor").stream().map(Element::getTextContent).toList();
        assertEquals(List.of("10×", "10×", "9.5×", "11×"), factors);
        List<String> ticks = byClass(doc, "text", "tick").stream().map(Element::getTextContent).toList();
        assertTrue(ticks.containsAll(List.of("10⁵", "10⁶", "10⁷", "10", "100", "1000", "10000")), ticks.toString());
    }

    @Test
    void axesAreLogarithmicAndALinearSeriesLiesOnItsReference() throws Exception {
        String svg = ScalingPlot.svg(ScalingPlot.read(json(RECORDS), new ArrayList<>()));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        List<Element> points = byClass(doc, "circle", "point");
        // The first three circles are eigenTrust's: 10⁵, 10⁶, 10⁷ edges and 20, 200, 2000 ms.
        double[] cx = new double[3];
        double[] cy = new double[3];
        for (int i = 0; i < 3; i++) {
            cx[i] = Double.parseDouble(points.get(i).getAttribute("cx"));
            cy[i] = Double.parseDouble(points.get(i).getAttribute("cy"));
        }
        assertEquals(cx[1] - cx[0], cx[2] - cx[1], 0.02, "each decade of size is as wide");
        assertEquals(cy[0] - cy[1], cy[1] - cy[2], 0.02, "each decade of time is as tall");
        assertTrue(cy[2] < cy[0], "larger times are higher up");
        Element reference = byClass(doc, "line", "reference").get(0);
        assertEquals(cx[0], Double.parseDouble(reference.getAttribute("x1")), 0.01);
        assertEquals(cy[0], Double.parseDouble(reference.getAttribute("y1")), 0.01);
        assertEquals(cx[2], Double.parseDouble(reference.getAttribute("x2")), 0.01);
        assertEquals(cy[2], Double.parseDouble(reference.getAttribute("y2")), 0.01, "linear: on the reference");
    }

    @Test
    void summaryListsEveryPointWithItsFactor() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ScalingPlot.summarise(ScalingPlot.read(json(RECORDS), new ArrayList<>()),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("10,000,000"), text);
        assertTrue(text.contains("×9.5 per 10× size"), text);
        assertTrue(text.contains("×11 per 10× size"), text);
    }

    @Test
    void powersOfTen() {
        assertEquals("10⁵", ScalingPlot.powerOfTen(5));
        assertEquals("10¹²", ScalingPlot.powerOfTen(12));
        assertEquals("10⁻³", ScalingPlot.powerOfTen(-3));
        assertEquals("10⁰", ScalingPlot.powerOfTen(0));
    }

    @Test
    void badInputSaysWhatAndWhere() {
        List<String> skipped = new ArrayList<>();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScalingPlot.read("{}", skipped))
                .getMessage().contains("array"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScalingPlot.read("[1,", skipped))
                .getMessage().startsWith("not JSON"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ScalingPlot.read("[{\"benchmark\":\"a.b\"}]", skipped)).getMessage()
                .contains("/0/primaryMetric"));
        String twice = json(List.of(RECORDS.get(0), RECORDS.get(0)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScalingPlot.read(twice, skipped))
                .getMessage().contains("/1: " + EVALUATE + " has size 100000 twice"));
        String zero = json(List.of(record(EVALUATE, "avgt", "\"signals\":\"10\"", "0.0", "0.0", "ms/op")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScalingPlot.read(zero, skipped))
                .getMessage().startsWith("/0: time must be finite and positive"));
        String noScore = json(List.of(RECORDS.get(0).replace("\"score\":100.0", "\"score\":\"x\"")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScalingPlot.read(noScore, skipped))
                .getMessage().contains("/0/primaryMetric/score"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ScalingPlot.read(json(List.of(RECORDS.get(6))), skipped)).getMessage()
                .contains("no record"));
        assertThrows(IllegalArgumentException.class, () -> ScalingPlot.svg(List.of()));
    }

    private static List<Element> byClass(Document doc, String tag, String cssClass) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (cssClass.equals(e.getAttribute("class"))) {
                out.add(e);
            }
        }
        return out;
    }
}
