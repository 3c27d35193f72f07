package dev.partnership.examples.report;

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
import dev.partnership.Warning;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Renders an {@link Evaluation} as a Markdown report that a consortium coordinator can share: a title with the
 * partnership's name and the as-of date, a plain-language summary per dimension with its value and interval,
 * headline findings, one section per strategy with tables that use partner names and goal titles, the warnings,
 * and a short note on methods with their sources.
 *
 * <p>Any strategy's scores are rendered (grouped by subject kind, with value, interval, evidence count, band and
 * status), so strategies added later appear without changes here. The strategies known by id get headline
 * findings and wording of their own: {@value #BETA_REPUTATION} (least trusted partner, weakest relationships),
 * {@value #KENDALL_W} (agreement and the most contested goal), {@value #TARGET_ATTAINMENT} (goals ahead of and
 * behind the progress expected by now), and {@value #EFFECT_SIZE} and {@value #DIFFERENCE_IN_DIFFERENCES}: per goal,
 * "the partnership made a measurable difference" when an OK score's interval excludes 0, "no clear difference" when
 * it includes 0. These two read only a score's status, value, interval and subject, so any strategy with those ids
 * and the convention "positive = improvement" is worded correctly. {@value #INTERRUPTED_TIME_SERIES} and
 * {@value #GOAL_ATTAINMENT_SCALING} get a value header and a methods line. Engagement: {@value #PARTICIPATION}'s
 * partnership detail {@code inactivePartners} (ids) and {@code activeWindowDays} give "Inactive partner(s): names —
 * no activity in the last N days"; a {@value #SINGLE_FUNDER_DEPENDENCE} warning of {@value #RESOURCE_EXCHANGE}, with
 * its partnership details {@code topContributor} (id) and {@code topShare} (a fraction), gives "The partnership leans
 * on one funder: name gives X% of shared resources". These, {@value #PARTICIPATION_EQUITY} and
 * {@value #COMMUNICATION_CADENCE} get a value header, an explanation and a methods line; any of the four may be
 * absent.
 *
 * <p>Privacy: a {@link ScoreStatus#SUPPRESSED} score is shown only as "suppressed"; neither its value nor its
 * details are printed. {@link ScoreStatus#INSUFFICIENT_EVIDENCE} is shown as such, with the strategy's reason.
 * Text from the dataset (names, titles) is escaped so that it cannot break the Markdown or inject HTML. Numbers
 * are formatted with {@link Locale#ROOT}.
 *
 * <p>Immutable and thread-safe. Cost O(scores log scores).
 */
public final class MarkdownReport {

    /** Id of the composite health index, shown first in the summary with each dimension's contribution. */
    public static final String HEALTH_INDEX = "health-index";
    /** Id of the Beta reputation trust strategy, which gets headline findings. */
    public static final String BETA_REPUTATION = "beta-reputation";
    /** Id of the Kendall's W alignment strategy, which gets headline findings. */
    public static final String KENDALL_W = "kendall-w";
    /** Id of the target attainment impact strategy, which gets headline findings. */
    public static final String TARGET_ATTAINMENT = "target-attainment";
    /** Id of the effect-size impact strategy (Hedges' g per goal; positive = improvement): headline findings. */
    public static final String EFFECT_SIZE = "effect-size";
    /** Id of the difference-in-differences impact strategy (indicator units; positive = improvement). */
    public static final String DIFFERENCE_IN_DIFFERENCES = "difference-in-differences";
    /** Id of the interrupted-time-series impact strategy (level change at the start of the partnership). */
    public static final String INTERRUPTED_TIME_SERIES = "interrupted-time-series";
    /** Id of the goal-attainment-scaling impact strategy (partnership T-score). */
    public static final String GOAL_ATTAINMENT_SCALING = "goal-attainment-scaling";
    /** Id of the subjective-logic strategy, whose pair opinions may be unknown (no dealings). */
    public static final String SUBJECTIVE_LOGIC = "subjective-logic";
    /** Id of the rated-trust strategy. */
    public static final String RATED_TRUST = "rated-trust";
    /** Id of the eigentrust strategy. */
    public static final String EIGENTRUST = "eigentrust";
    /** Id of the priority-similarity strategy, whose least-aligned partner is a headline finding. */
    public static final String PRIORITY_SIMILARITY = "priority-similarity";
    /** Id of the goal-structure strategy, whose incomplete goals are a headline finding. */
    public static final String GOAL_STRUCTURE = "goal-structure";
    /** Id of the collaboration-levels strategy. */
    public static final String COLLABORATION_LEVELS = "collaboration-levels";
    /** Id of the network-structure strategy. */
    public static final String NETWORK_STRUCTURE = "network-structure";
    /** Id of the participation engagement strategy (attendance per partner, share of active partners). */
    public static final String PARTICIPATION = "participation";
    /** Id of the participation-equity engagement strategy (Gini and Theil of participation). */
    public static final String PARTICIPATION_EQUITY = "participation-equity";
    /** Id of the resource-exchange engagement strategy (shares of resources given, HHI dependence). */
    public static final String RESOURCE_EXCHANGE = "resource-exchange";
    /** Id of the communication-cadence engagement strategy (regularity of meetings). */
    public static final String COMMUNICATION_CADENCE = "communication-cadence";
    /** Warning code of {@value #RESOURCE_EXCHANGE} when one partner gives most of the shared resources. */
    public static final String SINGLE_FUNDER_DEPENDENCE = "SINGLE_FUNDER_DEPENDENCE";
    /** Default largest number of rows in one table; longer tables show the lowest values and say so. */
    public static final int DEFAULT_MAX_ROWS = 25;
    /** Default number of weakest relationships named in the headline findings. */
    public static final int DEFAULT_WEAKEST_PAIRS = 3;

    private final int maxRows;

    /** Creates a report with {@link #DEFAULT_MAX_ROWS} rows per table at most. */
    public MarkdownReport() {
        this(DEFAULT_MAX_ROWS);
    }

    private MarkdownReport(int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be >= 1, was " + maxRows);
        }
        this.maxRows = maxRows;
    }

    /**
     * Returns a copy showing at most {@code rows} rows per table.
     *
     * @param rows the largest number of rows, at least 1
     * @return the copy
     * @throws IllegalArgumentException when {@code rows < 1}
     */
    public MarkdownReport withMaxRows(int rows) {
        return new MarkdownReport(rows);
    }

    /**
     * Returns the largest number of rows per table.
     *
     * @return the row limit
     */
    public int maxRows() {
        return maxRows;
    }

    /**
     * Renders the report.
     *
     * @param evaluation  the evaluation
     * @param partnership the partnership it evaluated, for names, titles and evidence counts
     * @return the Markdown text, ending with a newline
     */
    public String render(Evaluation evaluation, Partnership partnership) {
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(partnership, "partnership");
        return new Rendering(evaluation, partnership, maxRows).render();
    }

    /**
     * Formats a number with a precision fitting its size ({@link Locale#ROOT}): no decimals from 1000, one from 100,
     * two below, two significant digits below 0.01.
     *
     * @param v the number
     * @return the text
     */
    static String number(double v) {
        v += 0.0; // −0.0 becomes 0.0, so that nothing prints as "-0.00"
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a != 0 && a < 0.01) {
            return String.format(Locale.ROOT, "%.2g", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /**
     * Escapes text from the data for Markdown and HTML: backslash-escapes the characters Markdown gives
     * meaning to, turns {@code <}, {@code >} and {@code &} into entities, and folds line breaks into spaces.
     *
     * @param s text from the data
     * @return the escaped text
     */
    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '#':
                    sb.append('\\').append(c);
                    break;
                case '<':
                    sb.append("&lt;");
                    break;
                case '>':
                    sb.append("&gt;");
                    break;
                case '&':
                    sb.append("&amp;");
                    break;
                case '\r':
                case '\n':
                    sb.append(' ');
                    break;
                default:
                    sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Formats a time as its UTC date when it is midnight UTC, else as the ISO instant.
     *
     * @param t the time
     * @return the text
     */
    static String date(Instant t) {
        ZonedDateTime z = t.atZone(ZoneOffset.UTC);
        return z.toLocalTime().equals(LocalTime.MIDNIGHT) ? z.toLocalDate().toString() : t.toString();
    }

    /**
     * Formats a fraction as a percentage: whole numbers and values from 10% without decimals, others with one.
     *
     * @param fraction the fraction, e.g. 0.95
     * @return the text, e.g. {@code 95%}
     */
    static String percent(double fraction) {
        double p = fraction * 100;
        return p == Math.rint(p) || Math.abs(p) >= 10 ? String.format(Locale.ROOT, "%.0f%%", p)
                : String.format(Locale.ROOT, "%.1f%%", p);
    }

    /** One rendering: the inputs and the text being built. Used once, by one thread. */
    private static final class Rendering {
        private final Evaluation evaluation;
        private final Partnership partnership;
        private final int maxRows;
        private final StringBuilder md = new StringBuilder();
        private final Map<String, String> partnerNames = new LinkedHashMap<>();
        private final Map<String, String> goalTitles = new LinkedHashMap<>();

        Rendering(Evaluation evaluation, Partnership partnership, int maxRows) {
            this.evaluation = evaluation;
            this.partnership = partnership;
            this.maxRows = maxRows;
            for (Partner p : partnership.partners()) {
                partnerNames.put(p.id(), p.name());
            }
            for (Goal g : partnership.goals()) {
                goalTitles.put(g.id(), g.title());
            }
        }

        String render() {
            title();
            summary();
            headlines();
            strategySections();
            warnings();
            methods();
            return md.toString();
        }

        // ------------------------------------------------------------------------------------------ title

        private void title() {
            line("# " + esc(partnership.name()) + ": partnership evaluation");
            line("");
            line(String.format(Locale.ROOT,
                    "Evidence up to **%s** · %d partners · %d goals · %d engagement signals · %d ratings · "
                            + "%d survey responses · %d goal measurements",
                    date(evaluation.asOf()), partnership.partners().size(), partnership.goals().size(),
                    partnership.signals().size(), partnership.ratings().size(), partnership.surveys().size(),
                    partnership.measurements().size()));
            line("");
            line(String.format(Locale.ROOT,
                    "Only evidence dated on or before %s counts. Scores run from 0 to 1 unless stated otherwise; "
                            + "every interval is a %s interval. Produced by %s %s.",
                    date(evaluation.asOf()), levelText(), esc(evaluation.generator().name()),
                    esc(evaluation.generator().version())));
            line("");
        }

        private String levelText() {
            for (Score s : evaluation.scores()) {
                if (s.interval() != null) {
                    return percent(s.interval().level());
                }
            }
            for (DimensionSummary d : evaluation.summary().values()) {
                if (d.interval() != null) {
                    return percent(d.interval().level());
                }
            }
            return "95%";
        }

        // ------------------------------------------------------------------------------------------ summary

        private void summary() {
            line("## Summary");
            line("");
            Map<Dimension, List<String>> strategiesByDimension = new EnumMap<>(Dimension.class);
            for (Score s : evaluation.scores()) {
                List<String> ids = strategiesByDimension.computeIfAbsent(s.dimension(), d -> new ArrayList<>());
                if (!ids.contains(s.strategy())) {
                    ids.add(s.strategy());
                }
            }
            if (strategiesByDimension.isEmpty()) {
                line("No strategy produced a score: there is nothing to summarise.");
                line("");
                return;
            }
            List<Map.Entry<Dimension, List<String>>> ordered = new ArrayList<>(strategiesByDimension.entrySet());
            // The composite comes first: it is the one figure a board reads.
            ordered.sort(Comparator.comparing((Map.Entry<Dimension, List<String>> e) -> e.getKey() != Dimension.HEALTH));
            for (Map.Entry<Dimension, List<String>> e : ordered) {
                Dimension d = e.getKey();
                DimensionSummary s = evaluation.summary().get(d);
                if (s == null) {
                    line(String.format(Locale.ROOT,
                            "- **%s: no overall figure.** None of %s produced a partnership-level score; see the "
                                    + "details below.", dimensionName(d), codeList(e.getValue())));
                    continue;
                }
                line(String.format(Locale.ROOT, "- **%s: %s** (%s%s). %s. Based on %s.", dimensionName(d),
                        strength(s.value()), number(s.value()),
                        s.interval() == null ? ", no interval" : ", " + intervalText(s.interval()),
                        dimensionMeaning(d), codeList(s.strategies())));
            }
            line("");
            line("Words used: strong ≥ 0.80, good ≥ 0.60, mixed ≥ 0.40, weak ≥ 0.20, very weak below.");
            line("");
        }

        private static String strength(double v) {
            return inWords(v, "strong", "good", "mixed", "weak", "very weak");
        }

        /** The word for a value in [0, 1] by steps of 0.2 from the top: ≥ 0.8, ≥ 0.6, ≥ 0.4, ≥ 0.2, below. */
        private static String inWords(double v, String... fromTop) {
            double[] steps = {0.8, 0.6, 0.4, 0.2};
            for (int i = 0; i < steps.length; i++) {
                if (v >= steps[i]) {
                    return fromTop[i];
                }
            }
            return fromTop[steps.length];
        }

        private static String dimensionName(Dimension d) {
            String n = d.name().toLowerCase(Locale.ROOT);
            return Character.toUpperCase(n.charAt(0)) + n.substring(1);
        }

        private static String dimensionMeaning(Dimension d) {
            switch (d) {
                case TRUST:
                    return "How far partners can rely on one another: their record of following through on "
                            + "meetings, commitments and requests, and how they rate one another's trustworthiness";
                case ALIGNMENT:
                    return "How far partners agree on which goals matter most, and how well the goals are defined";
                case IMPACT:
                    return "Progress on the shared goals";
                case ENGAGEMENT:
                    return "Who takes part, who gives and who benefits";
                case INSTRUMENT:
                    return "How members rate the conditions for collaboration";
                case HEALTH:
                    return "An overall index combining the other dimensions";
                default:
                    return d.name();
            }
        }

        // ------------------------------------------------------------------------------------------ headlines

        private void headlines() {
            List<String> findings = new ArrayList<>();
            trustFindings(findings);
            alignmentFindings(findings);
            impactFindings(findings);
            engagementFindings(findings);
            if (findings.isEmpty()) {
                return;
            }
            line("## Headline findings");
            line("");
            for (String f : findings) {
                line("- " + f);
            }
            line("");
        }

        private void trustFindings(List<String> findings) {
            List<Score> scores = evaluation.scores(BETA_REPUTATION);
            if (scores.isEmpty()) {
                return;
            }
            List<Score> partners = okSorted(scores, Subject.Kind.PARTNER);
            if (partners.size() >= 2) {
                Score least = partners.get(0);
                Score nextLowest = partners.get(1);
                Score highest = partners.get(partners.size() - 1);
                findings.add(String.format(Locale.ROOT,
                        "**Least trusted partner: %s.** Its record of meetings, commitments and requests gives an "
                                + "expected trustworthiness of %s (%s)%s; the other partners range from %s to %s.",
                        subjectName(least.subject()), number(least.value()), intervalText(least.interval()),
                        evidence(least), number(nextLowest.value()), number(highest.value())));
            }
            List<String> unjudged = new ArrayList<>();
            for (Score s : scores) {
                if (s.subject().kind() == Subject.Kind.PARTNER && s.status() == ScoreStatus.INSUFFICIENT_EVIDENCE) {
                    unjudged.add(subjectName(s.subject()));
                }
            }
            if (!unjudged.isEmpty()) {
                findings.add("Too little engagement evidence to judge the trustworthiness of "
                        + String.join(", ", unjudged) + ".");
            }
            // Only first-hand relationships: a derived view is a guess through intermediaries, not a relationship.
            List<Score> pairs = okSorted(scores, Subject.Kind.PAIR);
            pairs.removeIf(s -> basis(s) != Basis.FIRST_HAND);
            if (!pairs.isEmpty()) {
                List<String> weakest = new ArrayList<>();
                for (Score s : pairs.subList(0, Math.min(DEFAULT_WEAKEST_PAIRS, pairs.size()))) {
                    Subject.PairSubject pair = (Subject.PairSubject) s.subject();
                    weakest.add(String.format(Locale.ROOT, "%s trust in %s, %s (%s)",
                            possessive(partnerName(pair.from())),
                            partnerName(pair.to()), number(s.value()), intervalText(s.interval())));
                }
                findings.add("**Weakest relationships** (how far one partner can trust another): "
                        + String.join("; ", weakest) + ".");
            }
        }

        private void alignmentFindings(List<String> findings) {
            concordanceFinding(findings);
            evaluation.score(PRIORITY_SIMILARITY, Subject.partnership()).filter(Score::isOk).ifPresent(s -> {
                Object least = s.details().get("leastAligned");
                double mean = s.detail("leastAlignedMeanCosine");
                if (least instanceof String && !Double.isNaN(mean)) {
                    findings.add(String.format(Locale.ROOT,
                            "**Least aligned with the others: %s.** Its priorities have a mean cosine similarity of "
                                    + "%s to the other partners' (1 = the same proportions), against %s across all "
                                    + "pairs.", partnerName((String) least), number(mean), number(s.value())));
                }
            });
            evaluation.score(GOAL_STRUCTURE, Subject.partnership()).filter(Score::isOk).ifPresent(s -> {
                List<String> incomplete = new ArrayList<>();
                for (Score g : evaluation.scores(GOAL_STRUCTURE)) {
                    if (g.isOk() && g.subject() instanceof Subject.GoalSubject goal && g.value() < 1
                            && g.details().get("findings") instanceof List<?> list) {
                        List<String> said = new ArrayList<>();
                        list.forEach(x -> said.add(esc(String.valueOf(x))));
                        incomplete.add(goalTitle(goal.goal()) + ": " + String.join(" ", said));
                    }
                }
                if (incomplete.isEmpty()) {
                    findings.add(String.format(Locale.ROOT, "**Every goal is fully specified** (%.0f of %.0f pass the "
                            + "SMART checks: indicator with a unit, baseline, target, owner, deadline).",
                            s.detail("passing"), s.detail("goals")));
                } else {
                    findings.add("**Goals not fully specified:** " + String.join("; ", incomplete));
                }
            });
        }

        private void concordanceFinding(List<String> findings) {
            Optional<Score> w = evaluation.score(KENDALL_W, Subject.partnership());
            if (w.isEmpty()) {
                return;
            }
            Score s = w.get();
            if (!s.isOk()) {
                findings.add("**Alignment on goal priorities could not be measured:** " + reason(s));
                return;
            }
            StringBuilder f = new StringBuilder(String.format(Locale.ROOT,
                    "**Partners show %s agreement on goal priorities:** Kendall's W = %s (%s",
                    agreement(s.value()), number(s.value()),
                    s.interval() == null ? "no interval" : intervalText(s.interval())));
            double p = s.detail("pValue");
            if (!Double.isNaN(p)) {
                f.append("; ").append(pValue(p));
            }
            f.append(")");
            double raters = s.detail("raters");
            double goals = s.detail("goals");
            if (!Double.isNaN(raters) && !Double.isNaN(goals)) {
                f.append(String.format(Locale.ROOT, " across %.0f partners ranking %.0f goals", raters, goals));
            }
            f.append('.');
            Object contested = s.details().get("mostContestedGoal");
            if (contested instanceof String) {
                f.append(" **Most contested goal: ").append(goalTitle((String) contested)).append("**");
                double sd = rankSd(s, (String) contested);
                if (!Double.isNaN(sd)) {
                    f.append(String.format(Locale.ROOT, " (its rank varies most between partners, SD %s ranks)",
                            number(sd)));
                }
                f.append('.');
            }
            findings.add(f.toString());
        }

        private static double rankSd(Score s, String goal) {
            Object sds = s.details().get("rankSd");
            if (sds instanceof Map) {
                Object v = ((Map<?, ?>) sds).get(goal);
                if (v instanceof Number) {
                    return ((Number) v).doubleValue();
                }
            }
            return Double.NaN;
        }

        /** Words for W after the rule of thumb of Schmidt (1997): 0.1 very weak … 0.9 unusually strong. */
        private static String agreement(double w) {
            return inWords(w, "very strong", "strong", "moderate", "weak", "very weak");
        }

        private void impactFindings(List<String> findings) {
            List<String> ahead = new ArrayList<>();
            List<String> behind = new ArrayList<>();
            for (Score s : evaluation.scores(TARGET_ATTAINMENT)) {
                if (s.subject().kind() != Subject.Kind.GOAL || !s.isOk()) {
                    continue;
                }
                double expected = s.detail("expectedProgress");
                if (Double.isNaN(expected)) {
                    continue;
                }
                String text = String.format(Locale.ROOT, "%s, %s of the way to target%s where %s was expected by now%s",
                        subjectName(s.subject()), percent(s.value()),
                        // a zero-width interval (a census count) adds nothing to the sentence
                        s.interval() == null || s.interval().width() == 0 ? ""
                                : " (" + percentInterval(s.interval()) + ")", percent(expected),
                        withinMargin(s, expected) ? ", within the margin of error" : "");
                (s.value() >= expected ? ahead : behind).add(text);
            }
            if (!ahead.isEmpty()) {
                findings.add("**Goals ahead of expected progress:** " + String.join("; ", ahead) + ".");
            }
            if (!behind.isEmpty()) {
                findings.add("**Goals behind expected progress:** " + String.join("; ", behind) + ".");
            }
            comparisonFindings(findings);
            Optional<Score> overall = evaluation.score(TARGET_ATTAINMENT, Subject.partnership());
            if (overall.isPresent() && overall.get().isOk()) {
                Score s = overall.get();
                double expected = s.detail("expectedProgress");
                findings.add(String.format(Locale.ROOT,
                        "**Across all goals** (weighted): %s of the way from baseline to target%s%s.",
                        percent(s.value()), s.interval() == null ? "" : " (" + percentInterval(s.interval()) + ")",
                        Double.isNaN(expected) ? "" : ", against " + percent(expected) + " expected by now"));
            }
        }

        /**
         * Per goal, in the partnership's goal order: whether {@value #EFFECT_SIZE} and
         * {@value #DIFFERENCE_IN_DIFFERENCES} (OK goal scores with an interval; positive = improvement) show a
         * measurable difference (interval excludes 0) or no clear difference (interval includes 0).
         */
        private void comparisonFindings(List<String> findings) {
            for (Goal goal : partnership.goals()) {
                List<String> measurable = new ArrayList<>();
                List<String> unclear = new ArrayList<>();
                int improving = 0;
                int worsening = 0;
                for (String strategy : List.of(EFFECT_SIZE, DIFFERENCE_IN_DIFFERENCES)) {
                    Optional<Score> found = evaluation.score(strategy, Subject.goal(goal.id()));
                    if (found.isEmpty() || !found.get().isOk() || found.get().interval() == null
                            || Double.isNaN(found.get().value())) {
                        continue;
                    }
                    Score s = found.get();
                    String text = effectText(strategy, s, goal);
                    if (s.interval().contains(0.0)) {
                        unclear.add(text);
                    } else {
                        measurable.add(text);
                        if (s.value() > 0) {
                            improving++;
                        } else {
                            worsening++;
                        }
                    }
                }
                String title = goalTitle(goal.id());
                if (!measurable.isEmpty()) {
                    String direction = worsening == 0 ? "an improvement" : improving == 0 ? "a change for the worse"
                            : "in opposite directions by different measures";
                    findings.add(String.format(Locale.ROOT,
                            "**The partnership made a measurable difference on \"%s\"** (%s) against the comparison "
                                    + "group: %s.%s", title, direction, String.join("; ", measurable),
                            unclear.isEmpty() ? "" : " By another measure there is no clear difference: "
                                    + String.join("; ", unclear) + "."));
                } else if (!unclear.isEmpty()) {
                    findings.add(String.format(Locale.ROOT,
                            "**No clear difference on \"%s\"** between the partnership and comparison groups: %s.",
                            title, String.join("; ", unclear)));
                }
            }
        }

        /**
         * The inactive partners named by {@value #PARTICIPATION} (an OK partnership score whose detail
         * {@code inactivePartners} is a non-empty list of ids) and the dependence on one funder flagged by a
         * {@value #SINGLE_FUNDER_DEPENDENCE} warning of {@value #RESOURCE_EXCHANGE}.
         */
        private void engagementFindings(List<String> findings) {
            evaluation.score(PARTICIPATION, Subject.partnership()).filter(Score::isOk).ifPresent(s -> {
                if (s.details().get("inactivePartners") instanceof List<?> ids && !ids.isEmpty()) {
                    List<String> names = new ArrayList<>();
                    ids.forEach(id -> names.add(partnerName(String.valueOf(id))));
                    double days = s.detail("activeWindowDays");
                    findings.add(String.format(Locale.ROOT, "**Inactive partner%s: %s** — no activity in %s.",
                            names.size() == 1 ? "" : "s", String.join(", ", names),
                            Double.isNaN(days) ? "recent months" : "the last " + count(days) + " days"));
                }
            });
            boolean dependent = false;
            String message = null;
            for (Warning w : evaluation.warnings()) {
                if (w.code().equals(SINGLE_FUNDER_DEPENDENCE)
                        && (w.strategy() == null || w.strategy().equals(RESOURCE_EXCHANGE))) {
                    dependent = true;
                    message = message == null ? w.message() : message;
                }
            }
            if (!dependent) {
                return;
            }
            Optional<Score> exchange = evaluation.score(RESOURCE_EXCHANGE, Subject.partnership());
            Object top = exchange.map(s -> s.details().get("topContributor")).orElse(null);
            double share = exchange.map(s -> s.detail("topShare")).orElse(Double.NaN);
            if (top instanceof String id) {
                findings.add(String.format(Locale.ROOT,
                        "**The partnership leans on one funder: %s** gives %s of shared resources%s.",
                        partnerName(id), Double.isNaN(share) ? "most" : percent(share),
                        exchange.get().isOk() && !Double.isNaN(exchange.get().value())
                                ? " (Herfindahl–Hirschman index " + number(exchange.get().value()) + ")" : ""));
            } else {
                findings.add("**The partnership leans on one funder:** " + esc(message));
            }
        }

        /** "Hedges' g = 0.28 (95% interval 0.19 to 0.37)" or the difference in differences in indicator units. */
        private static String effectText(String strategy, Score s, Goal goal) {
            String unit = "";
            if (strategy.equals(DIFFERENCE_IN_DIFFERENCES) && goal.indicator() != null
                    && goal.indicator().unit() != null) {
                unit = goal.indicator().unit().equals("%") ? " percentage points" : " " + esc(goal.indicator().unit());
            }
            return String.format(Locale.ROOT, "%s = %s%s (%s interval %s to %s)",
                    strategy.equals(EFFECT_SIZE) ? "Hedges' g" : "difference in differences",
                    number(s.value()), unit, percent(s.interval().level()), number(s.interval().low()),
                    number(s.interval().high()));
        }

        /** Whether the score's interval contains the expected progress, so ahead or behind is not clear-cut. */
        private static boolean withinMargin(Score s, double expected) {
            return s.interval() != null && s.interval().contains(expected);
        }

        /** The OK scores about subjects of one kind, lowest value first, ties in the strategy's order. */
        private static List<Score> okSorted(List<Score> scores, Subject.Kind kind) {
            List<Score> out = new ArrayList<>();
            for (Score s : scores) {
                if (s.isOk() && s.subject().kind() == kind) {
                    out.add(s);
                }
            }
            out.sort(Comparator.comparingDouble(Score::value));
            return out;
        }

        // ------------------------------------------------------------------------------------------ details

        private void strategySections() {
            Map<String, List<Score>> byStrategy = new LinkedHashMap<>();
            evaluation.scores().stream()
                    .sorted(Comparator.comparing((Score s) -> s.dimension()).thenComparing(Score::strategy))
                    .forEach(s -> byStrategy.computeIfAbsent(s.strategy(), k -> new ArrayList<>()).add(s));
            if (byStrategy.isEmpty()) {
                return;
            }
            line("## Details by strategy");
            line("");
            for (Map.Entry<String, List<Score>> e : byStrategy.entrySet()) {
                strategySection(e.getKey(), e.getValue());
            }
        }

        private void strategySection(String strategy, List<Score> scores) {
            line("### " + dimensionName(scores.get(0).dimension()) + ": " + code(strategy));
            line("");
            String about = about(strategy);
            if (about != null) {
                line(about);
                line("");
            }
            for (Score s : scores) {
                if (s.subject().kind() == Subject.Kind.PARTNERSHIP) {
                    partnershipLine(s);
                }
            }
            if (strategy.equals(KENDALL_W)) {
                kendallTable(scores);
            }
            Map<Subject.Kind, List<Score>> byKind = new EnumMap<>(Subject.Kind.class);
            for (Score s : scores) {
                if (s.subject().kind() != Subject.Kind.PARTNERSHIP) {
                    byKind.computeIfAbsent(s.subject().kind(), k -> new ArrayList<>()).add(s);
                }
            }
            byKind.forEach((kind, list) -> table(strategy, kind, list));
        }

        private static String about(String strategy) {
            switch (strategy) {
                case BETA_REPUTATION:
                    return "Expected trustworthiness E = (r + 1) / (r + s + 2), where r and s weigh the positive "
                            + "signals (meetings attended, commitments kept, requests answered, resources and "
                            + "information shared, joint activities, conflicts resolved) and negative ones "
                            + "(meetings missed, commitments broken, requests ignored, conflicts), recent evidence "
                            + "counting more. 0.5 means no evidence either way; 1 means entirely reliable.";
                case KENDALL_W:
                    return "Kendall's W measures how similarly the partners rank the goals by their priorities: "
                            + "0 means no agreement, 1 means every partner ranks the goals in the same order.";
                case EFFECT_SIZE:
                    return "Hedges' g is the standardized difference between the partnership and comparison groups "
                            + "at their latest common measurement, in pooled standard deviations; positive means the "
                            + "partnership group is better off. About 0.2 is small, 0.5 medium, 0.8 large.";
                case DIFFERENCE_IN_DIFFERENCES:
                    return "The change of the partnership group from before to after the start of the partnership, "
                            + "minus the change of the comparison group over the same time, in the indicator's "
                            + "units; positive means the partnership group improved more.";
                case INTERRUPTED_TIME_SERIES:
                    return "The jump in the partnership group's indicator at the start of the partnership, beyond "
                            + "its trend before the start (segmented regression); positive means an improvement.";
                case GOAL_ATTAINMENT_SCALING:
                    return "Each goal's latest value is placed on its five attainment levels (−2 much less than "
                            + "expected … 0 as expected … +2 much more than expected); the T-score combines them: "
                            + "50 means the goals were met as expected on average, 10 points is one level.";
                case TARGET_ATTAINMENT:
                    return "Progress is the share of the way from each goal's baseline to its target covered by the "
                            + "latest measurement (0 = still at baseline, 1 = target reached; negative means worse "
                            + "than baseline). Expected progress is the share of the time from the start of the "
                            + "partnership to the goal's deadline that has passed.";
                case PARTICIPATION:
                    return "Each partner's share of the meetings it attended (attended / (attended + missed)); for "
                            + "the whole partnership, the share of partners that acted at least once in the recent "
                            + "window. An inactive partner sent no signal in that window.";
                case PARTICIPATION_EQUITY:
                    return "How unevenly participation is spread across partners: the Gini coefficient, 0 when "
                            + "every partner takes part equally, towards 1 when a few do everything.";
                case RESOURCE_EXCHANGE:
                    return "Each partner's share of all resources shared; for the whole partnership, the "
                            + "Herfindahl–Hirschman index of those shares, from 1/n when every partner gives "
                            + "equally to 1 when one partner gives everything.";
                case COMMUNICATION_CADENCE:
                    return "How regular the meetings are: 1 / (1 + CV), where CV is the coefficient of variation of "
                            + "the days between meetings; 1 means perfectly regular.";
                case HEALTH_INDEX:
                    return "The weighted mean of the trust, alignment, impact, engagement and instrument summaries "
                            + "(equal weights unless configured); the interval carries their uncertainty by Monte "
                            + "Carlo, and each dimension's contribution is its weight share times its summary.";
                default:
                    return null;
            }
        }

        private void partnershipLine(Score s) {
            String label = "**Whole partnership:** ";
            if (s.status() == ScoreStatus.SUPPRESSED) {
                line(label + "suppressed to protect respondents' privacy (too few respondents).");
            } else if (!s.isOk()) {
                line(label + "insufficient evidence. " + reason(s));
            } else {
                String text = label + (s.strategy().equals(GOAL_ATTAINMENT_SCALING) ? "GAS T-score " : "")
                        + number(s.value())
                        + (s.interval() == null ? "" : " (" + intervalText(s.interval()) + ")")
                        + (s.band() == null ? "" : ", " + esc(s.band())) + ".";
                // Kendall's explanation names goals by id; the headline and the rank table already say it with titles.
                if (s.explanation() != null && !s.strategy().equals(KENDALL_W)) {
                    text += " " + esc(s.explanation());
                }
                line(text);
            }
            line("");
        }

        /** Mean rank and rank spread of every goal, from kendall-w's details. */
        private void kendallTable(List<Score> scores) {
            for (Score s : scores) {
                if (!s.isOk() || s.subject().kind() != Subject.Kind.PARTNERSHIP
                        || !(s.details().get("meanRanks") instanceof Map)) {
                    continue;
                }
                Map<?, ?> means = (Map<?, ?>) s.details().get("meanRanks");
                List<Map.Entry<?, ?>> rows = new ArrayList<>(means.entrySet());
                rows.sort(Comparator.comparingDouble((Map.Entry<?, ?> e) -> ((Number) e.getValue()).doubleValue())
                        .thenComparing(e -> String.valueOf(e.getKey())));
                line("| Goal | Mean rank (1 = top priority) | Spread of ranks (SD) |");
                line("| --- | ---: | ---: |");
                for (Map.Entry<?, ?> e : rows) {
                    String goal = String.valueOf(e.getKey());
                    double sd = rankSd(s, goal);
                    line("| " + goalTitle(goal) + " | " + number(((Number) e.getValue()).doubleValue()) + " | "
                            + (Double.isNaN(sd) ? "" : number(sd)) + " |");
                }
                line("");
            }
        }

        private void table(String strategy, Subject.Kind kind, List<Score> scores) {
            // Lowest values first: they are the ones that need attention; scores without a value last.
            // First-hand values before derived and unknown ones, so that a guess never reads as the weakest link.
            List<Score> rows = new ArrayList<>(scores);
            rows.sort(Comparator.comparingInt((Score s) -> s.isOk() ? basis(s).ordinal() : Basis.values().length)
                    .thenComparingDouble(s -> s.isOk() ? s.value() : Double.POSITIVE_INFINITY));
            boolean truncated = rows.size() > maxRows;
            List<String> withheldBeyond = new ArrayList<>();
            if (truncated) {
                for (Score s : rows.subList(maxRows, rows.size())) {
                    if (s.status() == ScoreStatus.SUPPRESSED) {
                        withheldBeyond.add(subjectName(s.subject()));
                    }
                }
                rows = rows.subList(0, maxRows);
            }
            boolean statuses = strategy.equals(TARGET_ATTAINMENT) || rows.stream().anyMatch(s -> !s.isOk());
            boolean bands = rows.stream().anyMatch(s -> s.band() != null && s.isOk());
            boolean counts = rows.stream().anyMatch(s -> !Double.isNaN(s.n()) && s.status() != ScoreStatus.SUPPRESSED);
            boolean bases = rows.stream().anyMatch(s -> s.isOk() && basis(s) != Basis.FIRST_HAND);
            // A goal's GAS score is its attainment level; the T-score belongs to the partnership.
            String valueHeader = strategy.equals(GOAL_ATTAINMENT_SCALING) && kind == Subject.Kind.GOAL
                    ? "Attainment level (−2 to +2)" : valueHeader(strategy);
            StringBuilder header = new StringBuilder("| ");
            StringBuilder rule = new StringBuilder("| ");
            switch (kind) {
                case PAIR:
                    // Collaboration levels are mutual: the pair has no direction.
                    header.append(strategy.equals(BETA_REPUTATION) ? "Partner | trusts partner | "
                            : strategy.equals(COLLABORATION_LEVELS) ? "Partner | Partner | " : "From | To | ");
                    rule.append("--- | --- | ");
                    break;
                case FACTOR:
                    header.append("Factor | Category | ");
                    rule.append("--- | --- | ");
                    break;
                default:
                    header.append(kindName(kind)).append(" | ");
                    rule.append("--- | ");
            }
            header.append(valueHeader).append(" | Interval | ");
            rule.append("---: | --- | ");
            if (counts) {
                header.append("Evidence (n) | ");
                rule.append("---: | ");
            }
            if (bands) {
                header.append("Band | ");
                rule.append("--- | ");
            }
            if (bases) {
                header.append("Basis | ");
                rule.append("--- | ");
            }
            if (strategy.equals(TARGET_ATTAINMENT)) {
                header.append("Expected by now | ");
                rule.append("---: | ");
            }
            if (statuses) {
                header.append("Status | ");
                rule.append("--- | ");
            }
            line(header.toString().stripTrailing());
            line(rule.toString().stripTrailing());
            for (Score s : rows) {
                StringBuilder row = new StringBuilder("| ");
                row.append(subjectCells(s.subject())).append(" | ");
                boolean ok = s.isOk();
                boolean percentValues = strategy.equals(TARGET_ATTAINMENT);
                row.append(ok ? (percentValues ? percent(s.value()) : number(s.value())) : "—").append(" | ");
                row.append(ok && s.interval() != null
                        ? (percentValues ? percentInterval(s.interval()) : numberInterval(s.interval())) : "")
                        .append(" | ");
                if (counts) {
                    row.append(s.status() == ScoreStatus.SUPPRESSED || Double.isNaN(s.n()) ? "" : count(s.n()))
                            .append(" | ");
                }
                if (bands) {
                    row.append(ok && s.band() != null ? esc(s.band()) : "").append(" | ");
                }
                if (bases) {
                    row.append(ok ? basisText(s) : "").append(" | ");
                }
                if (strategy.equals(TARGET_ATTAINMENT)) {
                    double expected = s.detail("expectedProgress");
                    row.append(ok && !Double.isNaN(expected) ? percent(expected) : "").append(" | ");
                }
                if (statuses) {
                    row.append(statusCell(strategy, s)).append(" | ");
                }
                line(row.toString().stripTrailing());
            }
            line("");
            if (truncated) {
                line(String.format(Locale.ROOT,
                        "Showing the %d lowest of %d; the JSON output (`--format json`) lists them all.", maxRows,
                        scores.size()));
                line("");
                if (!withheldBeyond.isEmpty()) {
                    // A withheld score must not simply vanish: say what could not be shown, without any figure.
                    line("Also withheld to protect respondents' privacy (too few respondents): "
                            + String.join("; ", withheldBeyond) + ".");
                    line("");
                }
            }
        }

        /** What a pair's value rests on: first-hand evidence, a derivation through intermediaries, or nothing. */
        private enum Basis {
            FIRST_HAND, DERIVED, UNKNOWN
        }

        private static Basis basis(Score s) {
            if (Boolean.TRUE.equals(s.details().get("derived"))) {
                return Basis.DERIVED;
            }
            // A vacuous subjective-logic opinion: no dealings, all uncertainty.
            if (s.strategy().equals(SUBJECTIVE_LOGIC) && s.detail("u") == 1.0) {
                return Basis.UNKNOWN;
            }
            return Basis.FIRST_HAND;
        }

        private String basisText(Score s) {
            switch (basis(s)) {
                case DERIVED: {
                    List<String> via = new ArrayList<>();
                    if (s.details().get("via") instanceof List<?> ids) {
                        for (Object id : ids) {
                            via.add(partnerName(String.valueOf(id)));
                        }
                    }
                    return via.isEmpty() ? "derived" : "derived via " + String.join(", ", via);
                }
                case UNKNOWN:
                    return "unknown: no dealings";
                default:
                    return "first-hand";
            }
        }

        private static String valueHeader(String strategy) {
            switch (strategy) {
                case BETA_REPUTATION:
                    return "Expected trustworthiness";
                case SUBJECTIVE_LOGIC:
                    return "Projected trust";
                case RATED_TRUST:
                    return "Rated trust";
                case EIGENTRUST:
                    return "Global trust share";
                case COLLABORATION_LEVELS:
                    return "Collaboration level (0–5)";
                case NETWORK_STRUCTURE:
                    return "Degree (share of possible ties)";
                case TARGET_ATTAINMENT:
                    return "Progress to target";
                case EFFECT_SIZE:
                    return "Hedges' g";
                case DIFFERENCE_IN_DIFFERENCES:
                    return "Difference in differences";
                case INTERRUPTED_TIME_SERIES:
                    return "Level change";
                case GOAL_ATTAINMENT_SCALING:
                    return "GAS T-score";
                case PARTICIPATION:
                    return "Attendance rate";
                case PARTICIPATION_EQUITY:
                    return "Inequality of participation (Gini)";
                case RESOURCE_EXCHANGE:
                    return "Share of resources given";
                case COMMUNICATION_CADENCE:
                    return "Meeting regularity";
                default:
                    return "Value";
            }
        }

        private static String kindName(Subject.Kind kind) {
            switch (kind) {
                case PARTNER:
                    return "Partner";
                case GOAL:
                    return "Goal";
                default:
                    return "Subject";
            }
        }

        private String statusCell(String strategy, Score s) {
            switch (s.status()) {
                case SUPPRESSED:
                    return "suppressed (too few respondents to report)";
                case INSUFFICIENT_EVIDENCE:
                    return "insufficient evidence: " + reason(s);
                default:
                    if (strategy.equals(TARGET_ATTAINMENT)) {
                        double expected = s.detail("expectedProgress");
                        if (!Double.isNaN(expected)) {
                            return (s.value() >= expected ? "ahead" : "behind")
                                    + (withinMargin(s, expected) ? ", within the margin of error" : "");
                        }
                    }
                    return "OK";
            }
        }

        private String reason(Score s) {
            Object r = s.details().get("reason");
            if (r instanceof String) {
                return esc((String) r);
            }
            return s.explanation() == null ? "no reason given" : esc(s.explanation());
        }

        // ------------------------------------------------------------------------------------------ warnings

        private void warnings() {
            if (evaluation.warnings().isEmpty()) {
                return;
            }
            line("## Warnings");
            line("");
            for (Warning w : evaluation.warnings()) {
                line("- " + code(w.code()) + (w.strategy() == null ? "" : " (" + code(w.strategy()) + ")") + ": "
                        + esc(w.message()));
            }
            line("");
        }

        // ------------------------------------------------------------------------------------------ methods

        private void methods() {
            List<String> strategies = new ArrayList<>();
            for (Score s : evaluation.scores()) {
                if (!strategies.contains(s.strategy())) {
                    strategies.add(s.strategy());
                }
            }
            line("## Methods");
            line("");
            if (strategies.contains(BETA_REPUTATION)) {
                line("- **Trust** (" + code(BETA_REPUTATION) + "): the Beta reputation system, Jøsang, A. and "
                        + "Ismail, R. (2002), \"The Beta Reputation System\", *Proceedings of the 15th Bled "
                        + "Electronic Commerce Conference*. A signal from one partner toward another is evidence "
                        + "about the first as seen by the second; intervals are Beta credible intervals.");
            }
            if (strategies.contains(KENDALL_W)) {
                line("- **Alignment** (" + code(KENDALL_W) + "): Kendall's coefficient of concordance W with the "
                        + "correction for ties, Kendall, M. G. and Babington Smith, B. (1939), \"The problem of m "
                        + "rankings\", *Annals of Mathematical Statistics* 10(3), 275–287; Siegel, S. and "
                        + "Castellan, N. J. (1988), *Nonparametric Statistics for the Behavioral Sciences*, 2nd ed., "
                        + "section 9.4. The p value is from the χ² approximation; the interval is a BCa bootstrap "
                        + "over partners (Efron, B. (1987), \"Better bootstrap confidence intervals\", *Journal of the "
                        + "American Statistical Association* 82, 171–185). Words for W follow Schmidt, R. C. "
                        + "(1997), *Decision Sciences* 28(3), 763–774.");
            }
            if (strategies.contains(TARGET_ATTAINMENT)) {
                line("- **Impact** (" + code(TARGET_ATTAINMENT) + "): target attainment rule, progress = "
                        + "(latest − baseline) / (target − baseline) using the latest partnership-group "
                        + "measurement, "
                        + "positive when the indicator moves toward the target whichever its direction; its interval "
                        + "comes from the measurement's standard error. Expected progress = time elapsed since the "
                        + "start of the partnership / time from the start to the goal's deadline (straight-line "
                        + "progress). A goal is ahead when progress ≥ expected progress, behind otherwise; \"within "
                        + "the margin of error\" means the interval contains the expected progress.");
            }
            impactMethod(strategies, EFFECT_SIZE, "Hedges' g, the standardized mean difference with the "
                    + "small-sample correction, partnership versus comparison group at their latest common "
                    + "measurement, signed so that positive is an improvement; Hedges, L. V. and Olkin, I. "
                    + "(1985), *Statistical Methods for Meta-Analysis*, Academic Press. \"A measurable "
                    + "difference\" means its interval excludes 0.");
            impactMethod(strategies, DIFFERENCE_IN_DIFFERENCES, "difference in differences around the "
                    + "start of the partnership, (after − before) of the partnership group minus (after − "
                    + "before) of the comparison group, in indicator units, positive = improvement; the design "
                    + "of Card, D. and Krueger, A. B. (1994), \"Minimum Wages and Employment: A Case Study of the "
                    + "Fast-Food Industry in New Jersey and Pennsylvania\", *American Economic Review* 84(4), "
                    + "772–793. It assumes both groups would have moved in parallel without the partnership.");
            impactMethod(strategies, INTERRUPTED_TIME_SERIES, "segmented regression of the partnership "
                    + "group's measurements on time, with a level change and a trend change at the start (at "
                    + "least three measurements before and three after); Wagner, A. K., Soumerai, S. B., Zhang, "
                    + "F. and Ross-Degnan, D. (2002), \"Segmented regression analysis of interrupted time series "
                    + "studies in medication use research\", *Journal of Clinical Pharmacy and Therapeutics* "
                    + "27(4), 299–309.");
            impactMethod(strategies, GOAL_ATTAINMENT_SCALING, "Goal Attainment Scaling T-score from each "
                    + "goal's five attainment levels, Kiresuk, T. J. and Sherman, R. E. (1968), \"Goal "
                    + "attainment scaling: A general method for evaluating comprehensive community mental "
                    + "health programs\", *Community Mental Health Journal* 4(6), 443–453, with the correction "
                    + "of Turner-Stokes, L. (2009), \"Goal attainment scaling (GAS) in rehabilitation: a "
                    + "practical guide\", *Clinical Rehabilitation* 23(4), 362–370.");
            engagementMethod(strategies, PARTICIPATION, "attendance and responsiveness rates per partner with "
                    + "Wilson score intervals, Wilson, E. B. (1927), \"Probable inference, the law of succession, "
                    + "and statistical inference\", *Journal of the American Statistical Association* 22(158), "
                    + "209–212, the interval recommended by Newcombe, R. G. (1998), \"Two-sided confidence "
                    + "intervals for the single proportion: comparison of seven methods\", *Statistics in "
                    + "Medicine* 17(8), 857–872; the share of active partners has a Wilson interval too.");
            engagementMethod(strategies, PARTICIPATION_EQUITY, "inequality of participation across partners by "
                    + "the Gini coefficient, Gini, C. (1912), *Variabilità e mutabilità*, Bologna, and the Theil "
                    + "index, Theil, H. (1967), *Economics and Information Theory*, North-Holland.");
            engagementMethod(strategies, RESOURCE_EXCHANGE, "shares of the resources given, and dependence on "
                    + "few funders by the Herfindahl–Hirschman index H = Σ sᵢ² of the shares, Hirschman, A. O. "
                    + "(1945), *National Power and the Structure of Foreign Trade*, University of California "
                    + "Press; Herfindahl, O. C. (1950), *Concentration in the Steel Industry*, Columbia "
                    + "University.");
            engagementMethod(strategies, COMMUNICATION_CADENCE, "regularity of meetings as 1 / (1 + CV), the "
                    + "coefficient of variation CV = σ / mean of the gaps in days between meeting days, with a "
                    + "percentile bootstrap interval over the gaps (Efron, B. and Tibshirani, R. J. (1993), *An "
                    + "Introduction to the Bootstrap*, Chapman & Hall).");
            if (strategies.contains(HEALTH_INDEX)) {
                line("- **Health** (" + code(HEALTH_INDEX) + "): a weighted mean of the dimension summaries, in the "
                        + "spirit of composite indicators (OECD and JRC (2008), *Handbook on Constructing Composite "
                        + "Indicators*); its interval propagates the summaries' intervals by Monte Carlo (JCGM "
                        + "101:2008), treating the dimensions as independent.");
            }
            List<String> described = List.of(BETA_REPUTATION, KENDALL_W, TARGET_ATTAINMENT, EFFECT_SIZE,
                    DIFFERENCE_IN_DIFFERENCES, INTERRUPTED_TIME_SERIES, GOAL_ATTAINMENT_SCALING, PARTICIPATION,
                    PARTICIPATION_EQUITY, RESOURCE_EXCHANGE, COMMUNICATION_CADENCE, HEALTH_INDEX);
            for (String id : strategies) {
                if (!described.contains(id)) {
                    line("- " + code(id) + ": see `partnership strategies` for its method and parameters.");
                }
            }
            line("- **Summary per dimension:** the mean of the dimension's partnership-level scores on the 0–1 "
                    + "scale; its interval combines their standard errors as if independent.");
            line("- Scores resting on fewer survey respondents than the privacy threshold are suppressed and never "
                    + "shown; scores without enough evidence say so instead of guessing.");
        }

        /** A methods line "- **Impact** (`id`): text" when the strategy has scores in the evaluation. */
        private void impactMethod(List<String> strategies, String id, String text) {
            if (strategies.contains(id)) {
                line("- **Impact** (" + code(id) + "): " + text);
            }
        }

        /** A methods line "- **Engagement** (`id`): text" when the strategy has scores in the evaluation. */
        private void engagementMethod(List<String> strategies, String id, String text) {
            if (strategies.contains(id)) {
                line("- **Engagement** (" + code(id) + "): " + text);
            }
        }

        // ------------------------------------------------------------------------------------------ names

        private String subjectName(Subject subject) {
            switch (subject.kind()) {
                case PARTNERSHIP:
                    return esc(partnership.name());
                case PARTNER:
                    return partnerName(((Subject.PartnerSubject) subject).partner());
                case PAIR:
                    Subject.PairSubject pair = (Subject.PairSubject) subject;
                    return partnerName(pair.from()) + " → " + partnerName(pair.to());
                case GOAL:
                    return goalTitle(((Subject.GoalSubject) subject).goal());
                case FACTOR:
                    Subject.FactorSubject f = (Subject.FactorSubject) subject;
                    return f.factor() == null ? categoryName(f) : factorName(f);
                default:
                    return esc(subject.toString());
            }
        }

        /** The first columns of a table row for a subject (two for pairs and factors, one otherwise). */
        private String subjectCells(Subject subject) {
            switch (subject.kind()) {
                case PAIR:
                    Subject.PairSubject pair = (Subject.PairSubject) subject;
                    return partnerName(pair.from()) + " | " + partnerName(pair.to());
                case FACTOR:
                    Subject.FactorSubject f = (Subject.FactorSubject) subject;
                    return (f.factor() == null ? "(whole category)" : factorName(f)) + " | " + categoryName(f);
                default:
                    return subjectName(subject);
            }
        }

        private String partnerName(String id) {
            return esc(partnerNames.getOrDefault(id, id));
        }

        private String goalTitle(String id) {
            return esc(goalTitles.getOrDefault(id, id));
        }

        private String factorName(Subject.FactorSubject f) {
            Optional<Instrument> instrument = partnership.instrument(f.instrument());
            if (instrument.isPresent()) {
                for (Instrument.Factor factor : instrument.get().factors()) {
                    if (factor.id().equals(f.factor())) {
                        return esc(factor.name());
                    }
                }
            }
            return esc(f.factor());
        }

        private String categoryName(Subject.FactorSubject f) {
            if (f.category() == null) {
                return "";
            }
            Optional<Instrument> instrument = partnership.instrument(f.instrument());
            if (instrument.isPresent()) {
                for (Instrument.Category c : instrument.get().categories()) {
                    if (c.id().equals(f.category())) {
                        return esc(c.name());
                    }
                }
            }
            return esc(f.category());
        }

        private static String possessive(String name) {
            return name.endsWith("s") ? name + "'" : name + "'s";
        }

        private static String evidence(Score s) {
            return Double.isNaN(s.n()) ? "" : " from " + count(s.n()) + " signals";
        }

        // ------------------------------------------------------------------------------------------ formatting

        private void line(String text) {
            md.append(text).append('\n');
        }

        private static String count(double n) {
            return n == Math.rint(n) ? String.format(Locale.ROOT, "%.0f", n) : String.format(Locale.ROOT, "%.1f", n);
        }

        private static String intervalText(Interval i) {
            return percent(i.level()) + " interval " + number(i.low()) + " to " + number(i.high());
        }

        private static String numberInterval(Interval i) {
            return number(i.low()) + " to " + number(i.high());
        }

        private static String percentInterval(Interval i) {
            return percent(i.low()) + " to " + percent(i.high());
        }

        private static String pValue(double p) {
            return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
        }

        private static String code(String s) {
            return "`" + s.replace("`", "'") + "`";
        }

        private static String codeList(List<String> ids) {
            List<String> coded = new ArrayList<>();
            for (String id : ids) {
                coded.add(code(id));
            }
            return String.join(", ", coded);
        }
    }
}
