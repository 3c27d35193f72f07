package dev.partnership.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Draws a JMH JSON result ({@code -rf json}) of {@link ScalingBenchmark} as an SVG log-log plot of time per operation
 * against input size: one line per benchmark method, a dashed line of slope 1 (cost exactly proportional to size)
 * through each series' smallest point, the growth factor of each step written beside it, labelled axes and a legend.
 *
 * <pre>{@code
 * java -cp jmh/target/benchmarks.jar dev.partnership.jmh.ScalingPlot scaling.json jmh/scaling.svg
 * }</pre>
 *
 * <p><b>Which records.</b> A record is plotted when its mode measures time per operation ({@code avgt},
 * {@code ss} or {@code sample}; unit {@code ns/op}, {@code us/op}, {@code ms/op} or {@code s/op}, converted to
 * milliseconds) and it has exactly one parameter, a positive integer: the size. Records of one benchmark method form
 * a series; other records (throughput, several parameters) are skipped, and {@link #main} names them on standard
 * error. On a log-log plot a cost {@code c·sizeᵏ} is a straight line of slope k, so a series parallel to its dashed
 * reference grows linearly.
 *
 * <p>Output is a pure function of the records: series in benchmark-name order, points in size order, numbers
 * formatted with {@link Locale#ROOT}. Stateless and thread-safe. Cost O(r log r) for r records.
 */
public final class ScalingPlot {
    /** Width of the SVG in pixels. */
    public static final int WIDTH = 760;
    /** Height of the SVG in pixels. */
    public static final int HEIGHT = 500;

    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 70;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"};
    private static final char[] SUPERSCRIPTS = {'⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'};

    private ScalingPlot() {
    }

    /**
     * One measured size.
     *
     * @param size   the input size (the benchmark's parameter), positive
     * @param millis time per operation in milliseconds, finite and positive
     * @param error  JMH's 99.9% error half-width in milliseconds, finite and non-negative, or {@code NaN} when JMH
     *               had too few iterations to give one
     */
    public record Point(long size, double millis, double error) {
        /** Validates the components. */
        public Point {
            if (size <= 0) {
                throw new IllegalArgumentException("size must be positive, was " + size);
            }
            if (!(millis > 0) || !Double.isFinite(millis)) {
                throw new IllegalArgumentException("time must be finite and positive, was " + millis);
            }
            if (!Double.isNaN(error) && (!(error >= 0) || !Double.isFinite(error))) {
                throw new IllegalArgumentException("error must be NaN or finite and non-negative, was " + error);
            }
        }
    }

    /**
     * The points of one benchmark method.
     *
     * @param benchmark the full JMH benchmark name, e.g. {@code dev.partnership.jmh.ScalingBenchmark.evaluate}
     * @param parameter the name of the size parameter, e.g. {@code signals}
     * @param points    the points by ascending size, sizes distinct, at least one
     */
    public record Series(String benchmark, String parameter, List<Point> points) {
        /** Validates and copies the components. */
        public Series {
            Objects.requireNonNull(benchmark, "benchmark");
            Objects.requireNonNull(parameter, "parameter");
            points = List.copyOf(points);
            if (points.isEmpty()) {
                throw new IllegalArgumentException("a series needs at least one point: " + benchmark);
            }
            for (int i = 1; i < points.size(); i++) {
                if (points.get(i).size() <= points.get(i - 1).size()) {
                    throw new IllegalArgumentException("sizes must ascend strictly in " + benchmark);
                }
            }
        }

        /**
         * Returns the method name, the last dot-separated part of the benchmark name.
         *
         * @return e.g. {@code evaluate}
         */
        public String method() {
            return benchmark.substring(benchmark.lastIndexOf('.') + 1);
        }

        /**
         * Returns how many times the cost grew from each point to the next, divided by how many times the size grew
         * as a power of ten, i.e. the cost factor per 10× more input: {@code (tᵢ₊₁/tᵢ)^(1/log₁₀(sᵢ₊₁/sᵢ))}. For
         * sizes a decade apart this is simply {@code tᵢ₊₁/tᵢ}; linear growth gives 10.
         *
         * @return one factor per step, {@code points().size() − 1} of them
         */
        public double[] factorsPerDecade() {
            double[] f = new double[points.size() - 1];
            for (int i = 0; i < f.length; i++) {
                Point a = points.get(i);
                Point b = points.get(i + 1);
                double decades = Math.log10((double) b.size() / a.size());
                f[i] = Math.pow(b.millis() / a.millis(), 1 / decades);
            }
            return f;
        }
    }

    /**
     * Reads the plottable series of a JMH JSON result.
     *
     * @param json    the text of a {@code -rf json} result file: an array of records
     * @param skipped receives one line per record that is not plotted, with the reason
     * @return the series, in benchmark-name order
     * @throws IllegalArgumentException when the text is not a JMH result array, a record is malformed, a size
     *                                  appears twice in one series, or no record is plottable
     */
    public static List<Series> read(String json, List<String> skipped) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("a JMH JSON result is an array of records; found "
                    + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        Map<String, String> parameterOf = new TreeMap<>();
        Map<String, TreeMap<Long, Point>> pointsOf = new TreeMap<>();
        for (int i = 0; i < root.size(); i++) {
            String where = "/" + i;
            JsonNode record = root.get(i);
            String benchmark = text(record, "benchmark", where);
            JsonNode metric = record.path("primaryMetric");
            if (!metric.isObject()) {
                throw new IllegalArgumentException(where + "/primaryMetric: missing");
            }
            String unit = text(metric, "scoreUnit", where + "/primaryMetric");
            double toMillis = millisPer(unit);
            if (Double.isNaN(toMillis)) {
                skipped.add(where + " " + benchmark + ": unit " + unit + " is not a time per operation");
                continue;
            }
            JsonNode params = record.path("params");
            if (!params.isObject() || params.size() != 1) {
                skipped.add(where + " " + benchmark + ": " + (params.isObject() ? params.size() : 0)
                        + " parameters, need exactly one (the size)");
                continue;
            }
            Map.Entry<String, JsonNode> param = params.properties().iterator().next();
            long size;
            try {
                size = Long.parseLong(param.getValue().asText());
            } catch (NumberFormatException e) {
                skipped.add(where + " " + benchmark + ": parameter " + param.getKey() + " = "
                        + param.getValue().asText() + " is not an integer size");
                continue;
            }
            String known = parameterOf.putIfAbsent(benchmark, param.getKey());
            if (known != null && !known.equals(param.getKey())) {
                throw new IllegalArgumentException(where + "/params: " + benchmark + " has size parameter "
                        + param.getKey() + " here but " + known + " before");
            }
            double score = number(metric.get("score"), where + "/primaryMetric/score");
            double error = number(metric.get("scoreError"), where + "/primaryMetric/scoreError");
            Point point;
            try {
                point = new Point(size, score * toMillis, error * toMillis);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
            if (pointsOf.computeIfAbsent(benchmark, b -> new TreeMap<>()).put(size, point) != null) {
                throw new IllegalArgumentException(where + ": " + benchmark + " has size " + size + " twice");
            }
        }
        if (pointsOf.isEmpty()) {
            throw new IllegalArgumentException("no record has a time per operation and exactly one size parameter");
        }
        List<Series> out = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Long, Point>> e : pointsOf.entrySet()) {
            out.add(new Series(e.getKey(), parameterOf.get(e.getKey()), new ArrayList<>(e.getValue().values())));
        }
        return out;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(where + "/" + field + ": missing or not a string");
        }
        return v.asText();
    }

    /** JMH writes NaN as the string "NaN" (e.g. the error of a single iteration). */
    private static double number(JsonNode v, String where) {
        if (v != null && v.isNumber()) {
            return v.asDouble();
        }
        if (v != null && v.isTextual() && v.asText().equals("NaN")) {
            return Double.NaN;
        }
        throw new IllegalArgumentException(where + ": missing or not a number");
    }

    private static double millisPer(String unit) {
        switch (unit) {
            case "ns/op":
                return 1e-6;
            case "us/op":
                return 1e-3;
            case "ms/op":
                return 1;
            case "s/op":
                return 1e3;
            default:
                return Double.NaN;
        }
    }

    /**
     * Draws the series as a standalone SVG document.
     *
     * @param series the series, at least one
     * @return the SVG text
     * @throws IllegalArgumentException when there is no series
     */
    public static String svg(List<Series> series) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("nothing to plot");
        }
        Axes axes = Axes.of(series);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" text-anchor=\"middle\" font-size=\"15\">"
                + "Cost against input size (log-log)</text>%n", WIDTH / 2));
        drawAxes(s, axes, series);
        for (int k = 0; k < series.size(); k++) {
            drawSeries(s, axes, series.get(k), COLOURS[k % COLOURS.length]);
        }
        drawLegend(s, series);
        s.append("</svg>\n");
        return s.toString();
    }

    /** The decades shown on each axis and the mapping from values to pixels. */
    private record Axes(int xMin, int xMax, int yMin, int yMax) {
        static Axes of(List<Series> series) {
            double sizeLo = Double.POSITIVE_INFINITY;
            double sizeHi = 0;
            double timeLo = Double.POSITIVE_INFINITY;
            double timeHi = 0;
            for (Series se : series) {
                Point first = se.points().get(0);
                for (Point p : se.points()) {
                    sizeLo = Math.min(sizeLo, p.size());
                    sizeHi = Math.max(sizeHi, p.size());
                    double reference = first.millis() * p.size() / first.size();
                    timeLo = Math.min(timeLo, Math.min(p.millis(), reference));
                    timeHi = Math.max(timeHi, Math.max(p.millis() + (Double.isNaN(p.error()) ? 0 : p.error()),
                            reference));
                }
            }
            int xMin = (int) Math.floor(Math.log10(sizeLo));
            int xMax = Math.max(xMin + 1, (int) Math.ceil(Math.log10(sizeHi)));
            int yMin = (int) Math.floor(Math.log10(timeLo));
            int yMax = Math.max(yMin + 1, (int) Math.ceil(Math.log10(timeHi)));
            return new Axes(xMin, xMax, yMin, yMax);
        }

        double x(double size) {
            return LEFT + (Math.log10(size) - xMin) / (xMax - xMin) * (WIDTH - LEFT - RIGHT);
        }

        double y(double millis) {
            return HEIGHT - BOTTOM - (Math.log10(millis) - yMin) / (yMax - yMin) * (HEIGHT - TOP - BOTTOM);
        }
    }

    private static void drawAxes(StringBuilder s, Axes a, List<Series> series) {
        int x0 = LEFT;
        int x1 = WIDTH - RIGHT;
        int y0 = HEIGHT - BOTTOM;
        int y1 = TOP;
        for (int k = a.xMin(); k <= a.xMax(); k++) {
            double x = a.x(Math.pow(10, k));
            s.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\" "
                    + "stroke=\"#dddddd\"/>%n", x, y0, x, y1));
            s.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.2f\" y=\"%d\" text-anchor=\"middle\">"
                    + "%s</text>%n", x, y0 + 18, powerOfTen(k)));
        }
        for (int k = a.yMin(); k <= a.yMax(); k++) {
            double y = a.y(Math.pow(10, k));
            s.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%.2f\" x2=\"%d\" y2=\"%.2f\" "
                    + "stroke=\"#dddddd\"/>%n", x0, y, x1, y));
            s.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%.2f\" text-anchor=\"end\" "
                    + "dominant-baseline=\"middle\">%s</text>%n", x0 - 8, y,
                    BigDecimal.ONE.scaleByPowerOfTen(k).toPlainString()));
        }
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"black\"/>%n", x0, y1, x1 - x0, y0 - y1));
        List<String> names = new ArrayList<>();
        for (Series se : series) {
            if (!names.contains(se.parameter())) {
                names.add(se.parameter());
            }
        }
        s.append(String.format(Locale.ROOT, "<text class=\"axis-label\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">"
                + "input size (%s)</text>%n", (x0 + x1) / 2, HEIGHT - 22, escape(String.join(", ", names))));
        s.append(String.format(Locale.ROOT, "<text class=\"axis-label\" x=\"22\" y=\"%d\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 22 %d)\">time per operation (ms)</text>%n", (y0 + y1) / 2, (y0 + y1) / 2));
    }

    private static void drawSeries(StringBuilder s, Axes a, Series se, String colour) {
        List<Point> ps = se.points();
        Point first = ps.get(0);
        Point last = ps.get(ps.size() - 1);
        // Slope 1 through the first point: where the series would be if cost were exactly proportional to size.
        s.append(String.format(Locale.ROOT, "<line class=\"reference\" x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" "
                + "y2=\"%.2f\" stroke=\"%s\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\" opacity=\"0.6\"/>%n",
                a.x(first.size()), a.y(first.millis()), a.x(last.size()),
                a.y(first.millis() * last.size() / first.size()), colour));
        StringBuilder pts = new StringBuilder();
        for (Point p : ps) {
            pts.append(String.format(Locale.ROOT, "%s%.2f,%.2f", pts.length() == 0 ? "" : " ", a.x(p.size()),
                    a.y(p.millis())));
        }
        s.append(String.format(Locale.ROOT, "<polyline class=\"series\" data-benchmark=\"%s\" points=\"%s\" "
                + "fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n", escape(se.benchmark()), pts, colour));
        for (Point p : ps) {
            double x = a.x(p.size());
            if (!Double.isNaN(p.error()) && p.error() > 0 && p.millis() - p.error() > 0) {
                s.append(String.format(Locale.ROOT, "<line class=\"error\" x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" "
                        + "y2=\"%.2f\" stroke=\"%s\"/>%n", x, a.y(p.millis() - p.error()), x,
                        a.y(p.millis() + p.error()), colour));
            }
            s.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.2f\" cy=\"%.2f\" r=\"4\" fill=\"%s\">"
                    + "<title>%s = %d: %s ms</title></circle>%n", x, a.y(p.millis()), colour,
                    escape(se.parameter()), p.size(), number(p.millis())));
        }
        double[] f = se.factorsPerDecade();
        for (int i = 0; i < f.length; i++) {
            Point p = ps.get(i);
            Point q = ps.get(i + 1);
            double x = (a.x(p.size()) + a.x(q.size())) / 2;
            double y = (a.y(p.millis()) + a.y(q.millis())) / 2;
            s.append(String.format(Locale.ROOT, "<text class=\"factor\" x=\"%.2f\" y=\"%.2f\" fill=\"%s\" "
                    + "text-anchor=\"end\" dx=\"-6\" dy=\"-6\">%s×</text>%n", x, y, colour, number(f[i])));
        }
    }

    private static void drawLegend(StringBuilder s, List<Series> series) {
        int x = LEFT + 14;
        int y = TOP + 18;
        for (int k = 0; k < series.size(); k++) {
            Series se = series.get(k);
            String colour = COLOURS[k % COLOURS.length];
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"2\"/>%n", x, y, x + 24, y, colour));
            s.append(String.format(Locale.ROOT, "<text class=\"legend\" x=\"%d\" y=\"%d\" "
                    + "dominant-baseline=\"middle\">%s against %s</text>%n", x + 32, y, escape(se.method()),
                    escape(se.parameter())));
            y += 20;
        }
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555555\" "
                + "stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>%n", x, y, x + 24, y));
        s.append(String.format(Locale.ROOT, "<text class=\"legend\" x=\"%d\" y=\"%d\" dominant-baseline=\"middle\">"
                + "ideal linear growth (slope 1) from the smallest size; labels: cost factor per 10× input</text>%n",
                x + 32, y));
    }

    /** 10 with a superscript exponent, e.g. 10⁵, 10⁻³. */
    static String powerOfTen(int k) {
        StringBuilder b = new StringBuilder("10");
        if (k < 0) {
            b.append('⁻');
        }
        for (char c : Integer.toString(Math.abs(k)).toCharArray()) {
            b.append(SUPERSCRIPTS[c - '0']);
        }
        return b.toString();
    }

    /** Three significant digits, plain notation, Locale.ROOT. */
    static String number(double v) {
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * Writes a summary table of the series: size, time and factor per decade.
     *
     * @param series the series
     * @param out    where to write
     */
    static void summarise(List<Series> series, PrintStream out) {
        for (Series se : series) {
            out.printf(Locale.ROOT, "%s (%s)%n", se.benchmark(), se.parameter());
            double[] f = se.factorsPerDecade();
            for (int i = 0; i < se.points().size(); i++) {
                Point p = se.points().get(i);
                out.printf(Locale.ROOT, "  %,14d  %12s ms  ± %-10s %s%n", p.size(), number(p.millis()),
                        Double.isNaN(p.error()) ? "NaN" : number(p.error()),
                        i == 0 ? "" : "×" + number(f[i - 1]) + " per 10× size");
            }
        }
    }

    /**
     * Reads a JMH JSON result and writes the SVG plot; prints a table of the figures to standard output and the
     * skipped records to standard error.
     *
     * @param args the JSON result file and the SVG file to write
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ScalingPlot <jmh-result.json> <plot.svg>");
            System.exit(2);
            return;
        }
        List<String> skipped = new ArrayList<>();
        List<Series> series = read(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8), skipped);
        for (String line : skipped) {
            System.err.println("skipped " + line);
        }
        Files.writeString(Path.of(args[1]), svg(series), StandardCharsets.UTF_8);
        summarise(series, System.out);
        System.out.println("wrote " + args[1]);
    }
}
