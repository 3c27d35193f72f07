package dev.partnership.examples.report;

import static dev.partnership.examples.report.HtmlReport.escape;

import dev.partnership.Dimension;
import dev.partnership.DimensionSummary;
import dev.partnership.Evaluation;
import dev.partnership.Goal;
import dev.partnership.Instrument;
import dev.partnership.Interval;
import dev.partnership.Partner;
import dev.partnership.Partnership;
import dev.partnership.Score;
import dev.partnership.ScoreStatus;
import dev.partnership.Subject;
import dev.partnership.Trend;
import dev.partnership.Warning;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One rendering of an {@link HtmlReport}: the inputs and the page being built. Used once, by one thread; see
 * {@link HtmlReport} for what each chart shows.
 */
final class HtmlRendering {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String STRONG = "#1a7f37";
    private static final String MODERATE = "#b7791f";
    private static final String WEAK = "#c62828";
    private static final int CHART_WIDTH = 900;

    private static final String CSS = String.join("\n",
            "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;margin:0;"
                    + "color:#1b1f24;background:#fff;line-height:1.45}",
            "main{max-width:960px;margin:0 auto;padding:24px}",
            "h1{font-size:1.8em;margin:0 0 4px}",
            "h2{font-size:1.3em;margin:32px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}",
            ".lead{color:#57606a;margin:0 0 16px}",
            "svg.chart{display:block;max-width:100%;height:auto;margin:8px 0}",
            "svg text{font-family:inherit;font-size:12px;fill:#1b1f24}",
            "svg .muted{fill:#57606a}",
            "svg .strong-label{font-weight:600;font-size:13px}",
            "table{border-collapse:collapse;margin:8px 0;font-size:.92em;width:100%}",
            "th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}",
            "th{background:#f6f8fa}",
            "td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}",
            ".note{color:#57606a;font-size:.9em}",
            "footer{margin-top:32px;color:#57606a;font-size:.85em}");

    private final Evaluation evaluation;
    private final Trend trend;
    private final Partnership partnership;
    private final StringBuilder html = new StringBuilder(32_768);

    HtmlRendering(Evaluation evaluation, Trend trend, Partnership partnership) {
        this.evaluation = evaluation;
        this.trend = trend;
        this.partnership = partnership;
    }

    String render() {
        String asOf = MarkdownReport.date(evaluation.asOf());
        String name = escape(partnership.name());
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(escape(HtmlReport.CONTENT_SECURITY_POLICY)).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(name).append(": partnership evaluation as of ").append(asOf)
                .append("</title>\n<style>\n").append(CSS).append("\n</style>\n</head>\n<body>\n<main>\n");
        html.append("<h1>").append(name).append("</h1>\n");
        html.append("<p class=\"lead\">Partnership evaluation · evidence up to <strong>").append(asOf)
                .append("</strong> · ").append(partnership.partners().size())
                .append(partnership.partners().size() == 1 ? " partner · " : " partners · ")
                .append(partnership.goals().size()).append(partnership.goals().size() == 1 ? " goal" : " goals")
                .append(". Scores run from 0 to 1 unless stated otherwise;")
                .append(" whiskers show intervals.</p>\n");
        summary();
        if (trend != null) {
            trendChart();
        }
        network();
        factors();
        goals();
        warnings();
        html.append("<footer>Produced by ").append(escape(evaluation.generator().name())).append(' ')
                .append(escape(evaluation.generator().version()))
                .append(". This page is self-contained: it runs no script and loads nothing.</footer>\n")
                .append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    // ------------------------------------------------------------------------------------------------ summary

    private void summary() {
        html.append("<section id=\"summary\">\n<h2>Summary</h2>\n");
        List<Dimension> order = summaryOrder(evaluation.summary());
        if (order.isEmpty()) {
            html.append("<p>No strategy produced a partnership-level score: there is nothing to summarise.</p>\n")
                    .append("</section>\n");
            return;
        }
        int top = 30;
        int labelRight = 180;
        int x0 = 190;
        int trackWidth = 400;
        int height = top;
        for (Dimension d : order) {
            height += d == Dimension.HEALTH ? 44 : 30;
        }
        height += 8;
        StringBuilder desc = new StringBuilder();
        for (Dimension d : order) {
            desc.append(dimensionName(d)).append(' ').append(summaryText(evaluation.summary().get(d))).append(". ");
        }
        svgOpen("summary-chart", CHART_WIDTH, height, "Summary per dimension", desc.toString().trim());
        axis(x0, trackWidth, top, height - 4, 0, 1, 4, false);
        int y = top;
        for (Dimension d : order) {
            DimensionSummary s = evaluation.summary().get(d);
            boolean health = d == Dimension.HEALTH;
            int barHeight = health ? 24 : 14;
            html.append("<g><title>").append(escape(dimensionName(d) + ": " + summaryText(s))).append("</title>");
            text(labelRight, y + barHeight / 2.0 + 4, "end", health ? "strong-label" : null, dimensionName(d));
            rect(x0, y, trackWidth, barHeight, "#eef1f4");
            rect(x0, y, trackWidth * clamp(s.value()), barHeight, health ? "#24527a" : "#5b8cc0");
            if (s.interval() != null) {
                whisker(x0 + trackWidth * clamp(s.interval().low()), x0 + trackWidth * clamp(s.interval().high()),
                        y + barHeight / 2.0, barHeight + 6);
            }
            text(x0 + trackWidth + 12, y + barHeight / 2.0 + 4, "start", health ? "strong-label" : null,
                    summaryText(s));
            html.append("</g>\n");
            y += health ? 44 : 30;
        }
        html.append("</svg>\n");
        html.append("<table>\n<caption class=\"note\">Dimension summaries</caption>\n<thead><tr>")
                .append("<th scope=\"col\">Dimension</th><th scope=\"col\">Value</th><th scope=\"col\">Interval</th>")
                .append("<th scope=\"col\">Strategies</th></tr></thead>\n<tbody>\n");
        for (Dimension d : order) {
            DimensionSummary s = evaluation.summary().get(d);
            html.append("<tr><th scope=\"row\">").append(dimensionName(d)).append("</th><td class=\"num\">")
                    .append(MarkdownReport.number(s.value())).append("</td><td class=\"num\">")
                    .append(s.interval() == null ? "none" : intervalText(s.interval())).append("</td><td>")
                    .append(escape(String.join(", ", s.strategies()))).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static List<Dimension> summaryOrder(Map<Dimension, DimensionSummary> summary) {
        List<Dimension> order = new ArrayList<>();
        if (summary.containsKey(Dimension.HEALTH)) {
            order.add(Dimension.HEALTH);
        }
        for (Dimension d : Dimension.values()) {
            if (d != Dimension.HEALTH && summary.containsKey(d)) {
                order.add(d);
            }
        }
        return order;
    }

    private static String summaryText(DimensionSummary s) {
        return s.interval() == null ? MarkdownReport.number(s.value()) + " (no interval)"
                : MarkdownReport.number(s.value()) + " (" + intervalText(s.interval()) + ")";
    }

    private static String intervalText(Interval i) {
        return MarkdownReport.percent(i.level()) + " interval " + MarkdownReport.number(i.low()) + " to "
                + MarkdownReport.number(i.high());
    }

    private static String dimensionName(Dimension d) {
        return switch (d) {
            case HEALTH -> "Health index";
            case INSTRUMENT -> "Survey instruments";
            default -> d.name().charAt(0) + d.name().substring(1).toLowerCase(Locale.ROOT);
        };
    }

    // ------------------------------------------------------------------------------------------------ trend

    private void trendChart() {
        html.append("<section id=\"trend\">\n<h2>Trend</h2>\n");
        List<Instant> dates = trend.dates();
        List<Dimension> dims = new ArrayList<>();
        for (Dimension d : summaryOrder(allSummaries())) {
            dims.add(d);
        }
        if (dims.isEmpty()) {
            html.append("<p>No dimension summary at any date: there is no trend to draw.</p>\n</section>\n");
            return;
        }
        int left = 50;
        int plotWidth = 520;
        int top = 16;
        int plotHeight = 200;
        int height = top + plotHeight + 40;
        StringBuilder desc = new StringBuilder("Dimension summaries at ");
        for (int i = 0; i < dates.size(); i++) {
            desc.append(i == 0 ? "" : ", ").append(MarkdownReport.date(dates.get(i)));
        }
        desc.append(". ");
        for (Dimension d : dims) {
            desc.append(dimensionName(d)).append(':');
            for (Evaluation e : trend.evaluations()) {
                DimensionSummary s = e.summary().get(d);
                desc.append(' ').append(s == null ? "none" : MarkdownReport.number(s.value()));
            }
            desc.append(". ");
        }
        svgOpen("trend-chart", CHART_WIDTH, Math.max(height, 30 + 20 * dims.size()), "Trend of the dimension summaries",
                desc.toString().trim());
        for (int k = 0; k <= 4; k++) {
            double y = top + plotHeight - plotHeight * k / 4.0;
            line(left, y, left + plotWidth, y, "#d0d7de", 1, null);
            text(left - 6, y + 4, "end", "muted", MarkdownReport.number(k / 4.0));
        }
        long first = dates.get(0).getEpochSecond();
        long span = dates.get(dates.size() - 1).getEpochSecond() - first;
        double[] xs = new double[dates.size()];
        for (int i = 0; i < dates.size(); i++) {
            xs[i] = span == 0 ? left + plotWidth / 2.0
                    : left + 10 + (plotWidth - 20) * (double) (dates.get(i).getEpochSecond() - first) / span;
            text(xs[i], top + plotHeight + 18, "middle", "muted", MarkdownReport.date(dates.get(i)));
        }
        int legendY = top + 8;
        for (Dimension d : dims) {
            String colour = dimensionColour(d);
            double width = d == Dimension.HEALTH ? 3 : 1.75;
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < dates.size(); i++) {
                DimensionSummary s = trend.evaluations().get(i).summary().get(d);
                if (s != null) {
                    points.append(points.length() == 0 ? "" : " ").append(f(xs[i])).append(',')
                            .append(f(top + plotHeight * (1 - clamp(s.value()))));
                }
            }
            html.append("<g><title>").append(dimensionName(d)).append("</title>");
            html.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"")
                    .append(f(width)).append("\" points=\"").append(points).append("\"/>");
            for (int i = 0; i < dates.size(); i++) {
                DimensionSummary s = trend.evaluations().get(i).summary().get(d);
                if (s != null) {
                    html.append("<circle cx=\"").append(f(xs[i])).append("\" cy=\"")
                            .append(f(top + plotHeight * (1 - clamp(s.value())))).append("\" r=\"3.5\" fill=\"")
                            .append(colour).append("\"><title>").append(dimensionName(d)).append(" on ")
                            .append(MarkdownReport.date(dates.get(i))).append(": ")
                            .append(escape(summaryText(s))).append("</title></circle>");
                }
            }
            html.append("</g>\n");
            line(left + plotWidth + 30, legendY, left + plotWidth + 54, legendY, colour, width, null);
            text(left + plotWidth + 60, legendY + 4, "start", null, dimensionName(d));
            legendY += 20;
        }
        html.append("</svg>\n");
        html.append("<table>\n<caption class=\"note\">Dimension summaries by date</caption>\n<thead><tr>")
                .append("<th scope=\"col\">Dimension</th>");
        for (Instant t : dates) {
            html.append("<th scope=\"col\">").append(MarkdownReport.date(t)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (Dimension d : dims) {
            html.append("<tr><th scope=\"row\">").append(dimensionName(d)).append("</th>");
            for (Evaluation e : trend.evaluations()) {
                DimensionSummary s = e.summary().get(d);
                html.append("<td class=\"num\">").append(s == null ? "—" : MarkdownReport.number(s.value()))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private Map<Dimension, DimensionSummary> allSummaries() {
        Map<Dimension, DimensionSummary> all = new LinkedHashMap<>();
        for (Evaluation e : trend.evaluations()) {
            for (Map.Entry<Dimension, DimensionSummary> x : e.summary().entrySet()) {
                all.putIfAbsent(x.getKey(), x.getValue());
            }
        }
        return all;
    }

    private static String dimensionColour(Dimension d) {
        return switch (d) {
            case TRUST -> "#1f77b4";
            case ALIGNMENT -> "#e07b00";
            case IMPACT -> "#2ca02c";
            case ENGAGEMENT -> "#9467bd";
            case INSTRUMENT -> "#8c564b";
            default -> "#1b1f24";
        };
    }

    // ------------------------------------------------------------------------------------------------ network

    /** A first-hand trust edge: {@code from} trusts {@code to} with trust {@code value}. */
    private record Edge(int from, int to, Score score) {
    }

    private void network() {
        html.append("<section id=\"network\">\n<h2>Trust network</h2>\n");
        List<String> ids = partnership.partners().stream().map(Partner::id).toList();
        List<Edge> edges = new ArrayList<>();
        for (Score s : evaluation.scores(MarkdownReport.BETA_REPUTATION)) {
            if (s.isOk() && s.subject() instanceof Subject.PairSubject p
                    && !Boolean.TRUE.equals(s.details().get("derived"))) {
                int from = ids.indexOf(p.from());
                int to = ids.indexOf(p.to());
                if (from >= 0 && to >= 0 && from != to) {
                    edges.add(new Edge(from, to, s));
                }
            }
        }
        if (edges.isEmpty()) {
            html.append("<p>No first-hand pair trust scores (").append(MarkdownReport.BETA_REPUTATION)
                    .append("): there is no network to draw.</p>\n</section>\n");
            return;
        }
        // Wide (strong) arrows first so that the narrow, weak ones stay visible on top; ties by partner order.
        edges.sort(Comparator.comparingDouble((Edge e) -> -e.score().value()).thenComparingInt(Edge::from)
                .thenComparingInt(Edge::to));
        int n = ids.size();
        double cx = CHART_WIDTH / 2.0;
        double cy = 260;
        double radius = 175;
        double nodeRadius = 14;
        int height = 620;
        double[] nx = new double[n];
        double[] ny = new double[n];
        for (int i = 0; i < n; i++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i / n;
            nx[i] = n == 1 ? cx : cx + radius * Math.cos(angle);
            ny[i] = n == 1 ? cy : cy + radius * Math.sin(angle);
        }
        int strong = 0;
        int moderate = 0;
        Edge weakest = edges.get(edges.size() - 1);
        for (Edge e : edges) {
            String band = HtmlReport.trustBand(e.score().value());
            if (band.equals("strong")) {
                strong++;
            } else if (band.equals("moderate")) {
                moderate++;
            }
        }
        String desc = String.format(Locale.ROOT, "%d partners and %d first-hand trust relationships: %d strong, "
                        + "%d moderate, %d weak. Weakest: %s's trust in %s, %s.", n, edges.size(), strong, moderate,
                edges.size() - strong - moderate, partnerName(ids.get(weakest.from())),
                partnerName(ids.get(weakest.to())), MarkdownReport.number(weakest.score().value()));
        svgOpen("network-chart", CHART_WIDTH, height, "Trust network", desc);
        html.append("<defs>");
        for (String[] band : List.of(new String[] {"strong", STRONG}, new String[] {"moderate", MODERATE},
                new String[] {"weak", WEAK})) {
            html.append("<marker id=\"arrow-").append(band[0]).append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" ")
                    .append("markerWidth=\"9\" markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">")
                    .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"").append(band[1]).append("\"/></marker>");
        }
        html.append("</defs>\n");
        for (Edge e : edges) {
            double dx = nx[e.to()] - nx[e.from()];
            double dy = ny[e.to()] - ny[e.from()];
            double length = Math.hypot(dx, dy);
            double ux = dx / length;
            double uy = dy / length;
            // Offset each direction to its own side, so that a→b and b→a are two visible arrows.
            double ox = -uy * 4;
            double oy = ux * 4;
            double value = e.score().value();
            String band = HtmlReport.trustBand(value);
            String colour = band.equals("strong") ? STRONG : band.equals("moderate") ? MODERATE : WEAK;
            String from = partnerName(ids.get(e.from()));
            String to = partnerName(ids.get(e.to()));
            html.append("<line class=\"edge edge-").append(band).append("\" x1=\"")
                    .append(f(nx[e.from()] + ux * nodeRadius + ox)).append("\" y1=\"")
                    .append(f(ny[e.from()] + uy * nodeRadius + oy)).append("\" x2=\"")
                    .append(f(nx[e.to()] - ux * (nodeRadius + 2) + ox)).append("\" y2=\"")
                    .append(f(ny[e.to()] - uy * (nodeRadius + 2) + oy)).append("\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"").append(f(0.75 + 5 * clamp(value))).append('"')
                    .append(band.equals("weak") ? " stroke-dasharray=\"6 3\"" : "")
                    .append(" stroke-opacity=\"0.8\" marker-end=\"url(#arrow-").append(band).append(")\"><title>")
                    .append(escape(from + "'s trust in " + to + ": " + MarkdownReport.number(value) + " (" + band
                            + (e.score().interval() == null ? "" : "; " + intervalText(e.score().interval()))
                            + ")"))
                    .append("</title></line>\n");
        }
        for (int i = 0; i < n; i++) {
            String label = partnerName(ids.get(i));
            double angle = -Math.PI / 2 + 2 * Math.PI * i / n;
            double c = Math.cos(angle);
            double s = Math.sin(angle);
            String anchor = n == 1 || Math.abs(c) < 0.2 ? "middle" : c > 0 ? "start" : "end";
            double lx = nx[i] + (nodeRadius + 8) * c;
            double ly = ny[i] + (nodeRadius + 8) * s + 4 + (s > 0.5 ? 8 : s < -0.5 ? -4 : 0);
            html.append("<g class=\"node\"><title>").append(escape(label)).append("</title><circle cx=\"")
                    .append(f(nx[i])).append("\" cy=\"").append(f(ny[i])).append("\" r=\"").append(f(nodeRadius))
                    .append("\" fill=\"#ffffff\" stroke=\"#1b1f24\" stroke-width=\"1.5\"/>");
            text(lx, ly, anchor, "strong-label", label);
            html.append("</g>\n");
        }
        legend(height);
        html.append("</svg>\n");
        html.append("<p class=\"note\">Arrows point from the partner who trusts to the partner trusted (")
                .append(MarkdownReport.BETA_REPUTATION)
                .append(", first-hand evidence only); hover an arrow for its value.</p>\n</section>\n");
    }

    private void legend(int height) {
        double y = height - 62;
        String[][] bands = {
            {"strong", STRONG, "strong: trust ≥ " + MarkdownReport.number(HtmlReport.DEFAULT_STRONG_TRUST)},
            {"moderate", MODERATE, "moderate: " + MarkdownReport.number(HtmlReport.DEFAULT_MODERATE_TRUST) + " to "
                    + MarkdownReport.number(HtmlReport.DEFAULT_STRONG_TRUST)},
            {"weak", WEAK, "weak: below " + MarkdownReport.number(HtmlReport.DEFAULT_MODERATE_TRUST) + " (dashed)"}};
        html.append("<g class=\"legend\">");
        for (String[] b : bands) {
            line(20, y, 60, y, b[1], 3, b[0].equals("weak") ? "6 3" : null);
            text(68, y + 4, "start", null, b[2]);
            y += 18;
        }
        text(20, y + 4, "start", "muted", "Line width grows with trust.");
        html.append("</g>\n");
    }

    // ------------------------------------------------------------------------------------------------ factors

    private void factors() {
        Map<String, List<Score>> byInstrument = new LinkedHashMap<>();
        for (Score s : evaluation.scores(HtmlReport.COLLABORATION_FACTORS)) {
            if (s.subject() instanceof Subject.FactorSubject fs && fs.factor() != null) {
                byInstrument.computeIfAbsent(fs.instrument(), k -> new ArrayList<>()).add(s);
            }
        }
        if (byInstrument.isEmpty()) {
            return;
        }
        html.append("<section id=\"factors\">\n<h2>Collaboration factors</h2>\n");
        for (Map.Entry<String, List<Score>> e : byInstrument.entrySet()) {
            factorChart(e.getKey(), e.getValue());
        }
        html.append("</section>\n");
    }

    private void factorChart(String instrumentId, List<Score> scores) {
        Instrument instrument = partnership.instrument(instrumentId).orElse(null);
        double min = instrument == null ? 1 : instrument.scale().min();
        double max = instrument == null ? 5 : instrument.scale().max();
        List<Instrument.Band> bands = instrument == null || instrument.bands().isEmpty()
                ? List.of(new Instrument.Band("STRENGTH", 4.0), new Instrument.Band("BORDERLINE", 3.0),
                        new Instrument.Band("CONCERN", null))
                : instrument.bands();
        String title = instrument == null ? instrumentId : instrument.name();
        int top = 34;
        int rowHeight = 24;
        int x0 = 430;
        int trackWidth = 320;
        int height = top + rowHeight * scores.size() + 10;
        StringBuilder desc = new StringBuilder("Factor scores on the ").append(f0(min)).append(" to ").append(f0(max))
                .append(" scale against the bands");
        for (Instrument.Band b : bands) {
            desc.append(' ').append(b.label()).append(b.min() == null ? " (below)" : " (from " + f0(b.min()) + ")");
        }
        desc.append(". ");
        for (Score s : scores) {
            desc.append(factorName(instrument, s)).append(": ").append(factorValueText(s)).append(". ");
        }
        svgOpen("factors-" + instrumentId, CHART_WIDTH, height, title + ": factor scores", desc.toString().trim());
        double upper = max;
        for (int i = 0; i < bands.size(); i++) {
            Instrument.Band b = bands.get(i);
            double lower = b.min() == null ? min : Math.max(min, Math.min(max, b.min()));
            String fill = i == 0 ? "#e3f4e8" : i == bands.size() - 1 ? "#fbe3e3" : "#fdf3d8";
            double xa = x0 + trackWidth * (lower - min) / (max - min);
            double xb = x0 + trackWidth * (upper - min) / (max - min);
            if (xb > xa) {
                rect(xa, top - 6, xb - xa, height - top, fill);
                text((xa + xb) / 2, top - 12, "middle", "muted", b.label());
            }
            upper = lower;
        }
        for (int k = (int) Math.ceil(min); k <= max; k++) {
            double x = x0 + trackWidth * (k - min) / (max - min);
            line(x, top - 6, x, height - 4, "#c4ccd4", 0.75, null);
            text(x, height, "middle", "muted", f0(k));
        }
        int y = top;
        for (Score s : scores) {
            String name = factorName(instrument, s);
            html.append("<g><title>").append(escape(name + ": " + factorValueText(s))).append("</title>");
            text(x0 - 10, y + 11, "end", null, name);
            if (s.isOk()) {
                rect(x0, y + 2, trackWidth * clamp((s.value() - min) / (max - min)), 12, "#4a6fa5");
                if (s.interval() != null) {
                    whisker(x0 + trackWidth * clamp((s.interval().low() - min) / (max - min)),
                            x0 + trackWidth * clamp((s.interval().high() - min) / (max - min)), y + 8, 16);
                }
                text(x0 + trackWidth + 10, y + 12, "start", null, factorValueText(s));
            } else {
                text(x0 + 6, y + 12, "start", "muted", s.status() == ScoreStatus.SUPPRESSED ? "suppressed"
                        : "insufficient evidence");
            }
            html.append("</g>\n");
            y += rowHeight;
        }
        html.append("</svg>\n");
        if (scores.stream().anyMatch(s -> s.status() == ScoreStatus.SUPPRESSED)) {
            html.append("<p class=\"note\">A suppressed factor had too few respondents to report without risking "
                    + "their privacy; it shows no figure.</p>\n");
        }
    }

    private static String factorName(Instrument instrument, Score s) {
        Subject.FactorSubject fs = (Subject.FactorSubject) s.subject();
        if (instrument != null) {
            for (Instrument.Factor factor : instrument.factors()) {
                if (factor.id().equals(fs.factor())) {
                    return factor.name();
                }
            }
        }
        return fs.factor();
    }

    /** The figure of a factor score in words: never a number unless the score is OK. */
    private static String factorValueText(Score s) {
        if (s.status() == ScoreStatus.SUPPRESSED) {
            return "suppressed";
        }
        if (!s.isOk()) {
            return "insufficient evidence";
        }
        return MarkdownReport.number(s.value()) + (s.band() == null ? "" : " " + s.band());
    }

    // ------------------------------------------------------------------------------------------------ goals

    private void goals() {
        List<Score> scores = new ArrayList<>();
        for (Score s : evaluation.scores(MarkdownReport.TARGET_ATTAINMENT)) {
            if (s.subject() instanceof Subject.GoalSubject) {
                scores.add(s);
            }
        }
        if (scores.isEmpty()) {
            return;
        }
        html.append("<section id=\"goals\">\n<h2>Goal progress</h2>\n");
        int top = 30;
        int rowHeight = 28;
        int x0 = 340;
        int trackWidth = 340;
        int height = top + rowHeight * scores.size() + 40;
        StringBuilder desc = new StringBuilder("Share of the way covered from baseline to target, with the progress "
                + "expected by now. ");
        for (Score s : scores) {
            desc.append(goalTitle(s)).append(": ").append(goalText(s)).append(". ");
        }
        svgOpen("goals-chart", CHART_WIDTH, height, "Goal progress against expected progress",
                desc.toString().trim());
        axis(x0, trackWidth, top, top + rowHeight * scores.size(), 0, 1, 4, true);
        int y = top;
        for (Score s : scores) {
            String title = goalTitle(s);
            html.append("<g><title>").append(escape(title + ": " + goalText(s))).append("</title>");
            text(x0 - 10, y + 13, "end", null, title);
            rect(x0, y + 2, trackWidth, 16, "#eef1f4");
            if (s.isOk()) {
                double expected = s.detail("expectedProgress");
                boolean behind = !Double.isNaN(expected) && s.value() < expected;
                rect(x0, y + 2, trackWidth * clamp(s.value()), 16, behind ? "#c77700" : "#2e7d32");
                Interval interval = s.normalizedInterval() != null ? s.normalizedInterval() : s.interval();
                if (interval != null) {
                    whisker(x0 + trackWidth * clamp(interval.low()), x0 + trackWidth * clamp(interval.high()),
                            y + 10, 14);
                }
                if (!Double.isNaN(expected)) {
                    double x = x0 + trackWidth * clamp(expected);
                    line(x, y - 2, x, y + 22, "#1b1f24", 2.5, null);
                }
            }
            text(x0 + trackWidth + 10, y + 14, "start", null, goalText(s));
            html.append("</g>\n");
            y += rowHeight;
        }
        double ly = height - 14;
        line(20, ly - 8, 20, ly + 6, "#1b1f24", 2.5, null);
        text(30, ly + 3, "start", null, "expected progress by now");
        rect(210, ly - 6, 18, 12, "#2e7d32");
        text(234, ly + 3, "start", null, "on track");
        rect(310, ly - 6, 18, 12, "#c77700");
        text(334, ly + 3, "start", null, "behind");
        html.append("</svg>\n</section>\n");
    }

    private String partnerName(String id) {
        return partnership.partner(id).map(Partner::name).orElse(id);
    }

    private String goalTitle(Score s) {
        String id = ((Subject.GoalSubject) s.subject()).goal();
        return partnership.goal(id).map(Goal::title).orElse(id);
    }

    private static String goalText(Score s) {
        if (s.status() == ScoreStatus.SUPPRESSED) {
            return "suppressed";
        }
        if (!s.isOk()) {
            return "insufficient evidence";
        }
        double expected = s.detail("expectedProgress");
        String text = MarkdownReport.percent(s.value());
        if (!Double.isNaN(expected)) {
            text += " of " + MarkdownReport.percent(expected) + " expected, "
                    + (s.value() < expected ? "behind" : "on track");
        }
        return text;
    }

    // ------------------------------------------------------------------------------------------------ warnings

    private void warnings() {
        html.append("<section id=\"warnings\">\n<h2>Warnings</h2>\n");
        if (evaluation.warnings().isEmpty()) {
            html.append("<p>No warnings.</p>\n</section>\n");
            return;
        }
        html.append("<table>\n<thead><tr><th scope=\"col\">Code</th><th scope=\"col\">Strategy</th>")
                .append("<th scope=\"col\">Message</th></tr></thead>\n<tbody>\n");
        for (Warning w : evaluation.warnings()) {
            html.append("<tr><td>").append(escape(w.code())).append("</td><td>")
                    .append(w.strategy() == null ? "" : escape(w.strategy())).append("</td><td>")
                    .append(escape(w.message())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    // ------------------------------------------------------------------------------------------------ SVG

    private void svgOpen(String id, int width, int height, String title, String desc) {
        String safe = escape(id);
        html.append("<svg xmlns=\"").append(SVG_NS).append("\" class=\"chart\" id=\"").append(safe)
                .append("\" role=\"img\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" aria-labelledby=\"")
                .append(safe).append("-title ").append(safe).append("-desc\">\n<title id=\"").append(safe)
                .append("-title\">").append(escape(title)).append("</title>\n<desc id=\"").append(safe)
                .append("-desc\">").append(escape(desc)).append("</desc>\n");
    }

    /** Draws vertical grid lines with labels above {@code top}, from {@code from} to {@code to} in steps. */
    private void axis(int x0, int width, int top, int bottom, double from, double to, int steps, boolean percent) {
        for (int k = 0; k <= steps; k++) {
            double v = from + (to - from) * k / steps;
            double x = x0 + width * (double) k / steps;
            line(x, top - 6, x, bottom, "#d0d7de", 0.75, null);
            text(x, top - 10, "middle", "muted", percent ? MarkdownReport.percent(v) : MarkdownReport.number(v));
        }
    }

    private void whisker(double x1, double x2, double y, double capHeight) {
        line(x1, y, x2, y, "#1b1f24", 1.5, null);
        line(x1, y - capHeight / 2, x1, y + capHeight / 2, "#1b1f24", 1.5, null);
        line(x2, y - capHeight / 2, x2, y + capHeight / 2, "#1b1f24", 1.5, null);
    }

    private void rect(double x, double y, double width, double height, String fill) {
        html.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" width=\"")
                .append(f(Math.max(0, width))).append("\" height=\"").append(f(height)).append("\" fill=\"")
                .append(fill).append("\"/>");
    }

    private void line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
        html.append("<line x1=\"").append(f(x1)).append("\" y1=\"").append(f(y1)).append("\" x2=\"").append(f(x2))
                .append("\" y2=\"").append(f(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
                .append(f(width)).append('"').append(dash == null ? "" : " stroke-dasharray=\"" + dash + "\"")
                .append("/>");
    }

    /** Writes text from the data or the report, escaped. */
    private void text(double x, double y, String anchor, String cssClass, String content) {
        html.append("<text x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" text-anchor=\"")
                .append(anchor).append('"').append(cssClass == null ? "" : " class=\"" + cssClass + "\"").append('>')
                .append(escape(content)).append("</text>");
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** A coordinate with one decimal, {@link Locale#ROOT}; −0 prints as 0. */
    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v + 0.0);
    }

    private static String f0(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : MarkdownReport.number(v);
    }
}
