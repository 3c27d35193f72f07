package dev.partnership.examples.report;

import dev.partnership.Dimension;
import dev.partnership.DimensionSummary;
import dev.partnership.Evaluation;
import dev.partnership.Interval;
import dev.partnership.Partner;
import dev.partnership.Partnership;
import dev.partnership.Score;
import dev.partnership.Subject;
import dev.partnership.Trend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Renders a {@link Trend} as Markdown: each dimension summary at every date with its change over the last step,
 * headline findings on the partners whose trust fell most, a per-partner table for each per-partner trust
 * strategy, and then the full {@link MarkdownReport} of the latest date.
 *
 * <p>Wording of a change: "fell" or "rose" when the interval of the change ({@link Trend.Change#interval()})
 * excludes 0, "no clear change" when it includes 0, and "changed" with no judgement when there is no interval.
 * Partner trust findings use the strategies {@value MarkdownReport#BETA_REPUTATION} (behavioural trust) and
 * {@value MarkdownReport#RATED_TRUST} (trust as rated by partners): for each, the partner with the largest fall
 * over any step is named with the dates, the values and the interval of the change, and whether that interval
 * excludes 0; a partner with the largest fall on both is named once more.
 *
 * <p>Privacy as in {@link MarkdownReport}: only {@code OK} scores have numbers; a suppressed score is shown as
 * "suppressed". Text from the data is escaped. Immutable and thread-safe. Cost O(scores · dates).
 */
public final class TrendReport {
    private static final Map<String, String> TRUST_STRATEGIES = new LinkedHashMap<>();

    static {
        TRUST_STRATEGIES.put(MarkdownReport.BETA_REPUTATION, "behavioural trust");
        TRUST_STRATEGIES.put(MarkdownReport.RATED_TRUST, "trust as partners rate it");
    }

    private final MarkdownReport latest;

    /** Creates a report that renders the latest evaluation with a default {@link MarkdownReport}. */
    public TrendReport() {
        this(new MarkdownReport());
    }

    /**
     * Creates a report that renders the latest evaluation with the given report.
     *
     * @param latestReport the report for the latest evaluation
     */
    public TrendReport(MarkdownReport latestReport) {
        this.latest = Objects.requireNonNull(latestReport, "latestReport");
    }

    /**
     * Renders the trend.
     *
     * @param trend       the trend
     * @param partnership the partnership it evaluated, for names
     * @return the Markdown text, ending with a newline
     */
    public String render(Trend trend, Partnership partnership) {
        Objects.requireNonNull(trend, "trend");
        Objects.requireNonNull(partnership, "partnership");
        Map<String, String> names = new LinkedHashMap<>();
        for (Partner p : partnership.partners()) {
            names.put(p.id(), p.name());
        }
        List<Evaluation> evaluations = trend.evaluations();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(MarkdownReport.esc(partnership.name())).append(": partnership trend\n\n");
        md.append(String.format(Locale.ROOT, "Evaluated at %d dates: %s. Each column counts only the evidence dated "
                        + "on or before its date. A change is judged clear when its interval excludes 0; the "
                        + "interval treats the two dates as independent, so it is conservative.\n\n",
                evaluations.size(), String.join(", ", trend.dates().stream().map(MarkdownReport::date).toList())));
        summaryTable(md, trend);
        headlines(md, trend, names);
        for (Map.Entry<String, String> e : TRUST_STRATEGIES.entrySet()) {
            partnerTable(md, trend, e.getKey(), e.getValue(), names);
        }
        md.append("---\n\n");
        md.append(latest.render(evaluations.get(evaluations.size() - 1), partnership));
        return md.toString();
    }

    private static void summaryTable(StringBuilder md, Trend trend) {
        md.append("## Summary over time\n\n");
        List<Evaluation> evaluations = trend.evaluations();
        StringBuilder header = new StringBuilder("| Dimension |");
        StringBuilder rule = new StringBuilder("| --- |");
        for (Instant d : trend.dates()) {
            header.append(' ').append(MarkdownReport.date(d)).append(" |");
            rule.append(" ---: |");
        }
        md.append(header).append(" Last change |\n").append(rule).append(" --- |\n");
        boolean any = false;
        for (Dimension d : summaryOrder()) {
            if (evaluations.stream().noneMatch(e -> e.summary().containsKey(d))) {
                continue;
            }
            any = true;
            md.append("| ").append(dimensionName(d)).append(" |");
            for (Evaluation e : evaluations) {
                DimensionSummary s = e.summary().get(d);
                md.append(' ').append(s == null ? "—" : MarkdownReport.number(s.value())
                        + (s.interval() == null ? "" : " (" + range(s.interval()) + ")")).append(" |");
            }
            List<Trend.Change> changes = trend.summaryChanges(d);
            md.append(' ').append(changes.isEmpty() ? "—" : changeText(changes.get(changes.size() - 1))).append(" |\n");
        }
        if (!any) {
            md.append("| no dimension could be summarised at any date |");
            md.append(" |".repeat(evaluations.size() + 1)).append('\n');
        }
        md.append('\n');
    }

    private static void headlines(StringBuilder md, Trend trend, Map<String, String> names) {
        List<String> findings = new ArrayList<>();
        List<String> fallers = new ArrayList<>();
        for (Map.Entry<String, String> e : TRUST_STRATEGIES.entrySet()) {
            Trend.Change worst = null;
            for (Trend.Change c : trend.changes()) {
                if (e.getKey().equals(c.strategy()) && c.subject().kind() == Subject.Kind.PARTNER
                        && c.difference() < 0 && (worst == null || c.difference() < worst.difference())) {
                    worst = c;
                }
            }
            if (worst != null) {
                findings.add(fall(worst, e.getValue(), names));
                fallers.add(((Subject.PartnerSubject) worst.subject()).partner());
            }
        }
        if (fallers.size() == TRUST_STRATEGIES.size() && fallers.stream().distinct().count() == 1) {
            String id = fallers.get(0);
            findings.add(String.format(Locale.ROOT, "**%s** shows the largest fall on both measures of trust: "
                    + "a decline worth raising with the partner.", MarkdownReport.esc(names.getOrDefault(id, id))));
        }
        md.append("## Headlines\n\n");
        if (findings.isEmpty()) {
            md.append("- No partner's trust fell between these dates.\n");
        }
        for (String f : findings) {
            md.append("- ").append(f).append('\n');
        }
        md.append('\n');
    }

    /** The largest fall of one trust strategy, said in words, with whether its interval excludes 0. */
    private static String fall(Trend.Change c, String what, Map<String, String> names) {
        String partner = ((Subject.PartnerSubject) c.subject()).partner();
        String clear;
        if (c.interval() == null) {
            clear = "no interval";
        } else if (c.interval().high() < 0) {
            clear = intervalText(c.interval()) + ": a clear fall";
        } else {
            clear = intervalText(c.interval()) + ", which includes 0: not clear on its own";
        }
        return String.format(Locale.ROOT, "**%s**: %s fell from %s to %s between %s and %s (change %s, %s), the "
                        + "largest fall of any partner.", MarkdownReport.esc(names.getOrDefault(partner, partner)),
                what, MarkdownReport.number(c.before()), MarkdownReport.number(c.after()), MarkdownReport.date(c.from()),
                MarkdownReport.date(c.to()), signed(c.difference()), clear);
    }

    private static void partnerTable(StringBuilder md, Trend trend, String strategy, String what,
                                     Map<String, String> names) {
        List<Evaluation> evaluations = trend.evaluations();
        Map<String, Map<Integer, Score>> byPartner = new LinkedHashMap<>();
        for (int i = 0; i < evaluations.size(); i++) {
            for (Score s : evaluations.get(i).scores(strategy)) {
                if (s.subject() instanceof Subject.PartnerSubject) {
                    String id = ((Subject.PartnerSubject) s.subject()).partner();
                    byPartner.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(i, s);
                }
            }
        }
        if (byPartner.isEmpty()) {
            return;
        }
        md.append(String.format(Locale.ROOT, "## Trust by partner: %s (`%s`)\n\n", what, strategy));
        StringBuilder header = new StringBuilder("| Partner |");
        StringBuilder rule = new StringBuilder("| --- |");
        for (Instant d : trend.dates()) {
            header.append(' ').append(MarkdownReport.date(d)).append(" |");
            rule.append(" ---: |");
        }
        md.append(header).append(" Last change |\n").append(rule).append(" --- |\n");
        byPartner.keySet().stream().sorted(java.util.Comparator.comparing((String id) -> names.getOrDefault(id, id))
                .thenComparing(id -> id)).forEach(id -> {
            md.append("| ").append(MarkdownReport.esc(names.getOrDefault(id, id))).append(" |");
            for (int i = 0; i < evaluations.size(); i++) {
                Score s = byPartner.get(id).get(i);
                md.append(' ').append(cell(s)).append(" |");
            }
            List<Trend.Change> changes = trend.changes(strategy, Subject.partner(id));
            Optional<Trend.Change> last = changes.isEmpty() ? Optional.empty()
                    : Optional.of(changes.get(changes.size() - 1));
            md.append(' ').append(last.map(TrendReport::changeText).orElse("—")).append(" |\n");
        });
        md.append('\n');
    }

    private static String cell(Score s) {
        if (s == null) {
            return "—";
        }
        switch (s.status()) {
            case OK:
                return MarkdownReport.number(s.value());
            case SUPPRESSED:
                return "suppressed";
            default:
                return "not enough evidence";
        }
    }

    private static String changeText(Trend.Change c) {
        Interval i = c.interval();
        String verdict;
        if (i == null) {
            verdict = "changed";
        } else if (i.high() < 0) {
            verdict = "fell";
        } else if (i.low() > 0) {
            verdict = "rose";
        } else {
            verdict = "no clear change";
        }
        return signed(c.difference()) + (i == null ? "" : " (" + range(i) + ")") + ", " + verdict;
    }

    private static List<Dimension> summaryOrder() {
        List<Dimension> order = new ArrayList<>();
        order.add(Dimension.HEALTH);
        for (Dimension d : Dimension.values()) {
            if (d != Dimension.HEALTH) {
                order.add(d);
            }
        }
        return order;
    }

    private static String dimensionName(Dimension d) {
        String n = d.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    private static String signed(double v) {
        String t = MarkdownReport.number(v);
        return v > 0 && !t.startsWith("+") ? "+" + t : t.replace('-', '−');
    }

    private static String range(Interval i) {
        return MarkdownReport.number(i.low()).replace('-', '−') + " to " + MarkdownReport.number(i.high()).replace('-', '−');
    }

    private static String intervalText(Interval i) {
        return MarkdownReport.percent(i.level()) + " interval " + range(i);
    }

}
