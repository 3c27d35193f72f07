package dev.partnership.metrics.alignment;

import dev.partnership.Dimension;
import dev.partnership.Direction;
import dev.partnership.Goal;
import dev.partnership.Indicator;
import dev.partnership.Interval;
import dev.partnership.Partner;
import dev.partnership.Score;
import dev.partnership.Subject;
import dev.partnership.Warning;
import dev.partnership.metrics.stats.ExplanationNumbers;
import dev.partnership.metrics.stats.WilsonInterval;
import dev.partnership.spi.EvidenceIndex;
import dev.partnership.spi.ScoringContext;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.StrategyResult;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Goal alignment as the structure of the shared goals: a SMART completeness check of each goal (Doran, G. T.
 * (1981), "There's a S.M.A.R.T. way to write management's goals and objectives", <i>Management Review</i> 70(11),
 * 35–36: specific, measurable, assignable, realistic, time-related) and the coverage of the partners by goal
 * ownership; strategy id {@value #ID}.
 *
 * <p><b>The five checks</b> ({@link #assess(Goal, Instant)}), each pass or fail:
 * <ol>
 *   <li>{@link Check#INDICATOR}: an indicator is present and has a unit (measurable);</li>
 *   <li>{@link Check#BASELINE}: the indicator has a baseline (a starting point);</li>
 *   <li>{@link Check#TARGET}: the indicator has a target and, when a baseline is present, the target lies strictly
 *       on the improving side of it for the indicator's {@link Direction}; without a baseline only the target's
 *       presence can be checked (the missing baseline fails its own check, and is not counted twice);</li>
 *   <li>{@link Check#OWNER}: at least one partner owns the goal (assignable);</li>
 *   <li>{@link Check#DEADLINE}: a deadline after the partnership's start (time-related).</li>
 * </ol>
 *
 * <p><b>Scores.</b> Per goal ({@code Subject.goal}, in goal-id order): {@code value = normalized =} the share of
 * the 5 checks passed; band {@value #SMART} when all pass, else {@value #INCOMPLETE}; details one boolean per check
 * (named as in {@link Check#detailName()}), {@code checksPassed} and {@code findings}, a sentence in words for each
 * failed check. Partnership (first): {@code value = normalized = x / n}, the share of the n goals that pass every
 * check, with the Wilson score interval of that proportion ({@link WilsonInterval}; Wilson 1927) as
 * {@code interval} and {@code normalizedInterval}; details {@code passing}, {@code goals}, {@code incompleteGoals},
 * {@code checksPassedByCheck}, {@code ownershipCoverage} (the share of partners that own at least one goal or gave
 * at least one goal a positive priority) and {@code uncoveredPartners} (their ids), with a warning
 * {@value #UNCOVERED_PARTNERS} listing uncovered partners. The interval treats the goals as a sample of the goals
 * such a partnership would set; it says how firmly n goals establish the share.
 *
 * <p><b>Evidence.</b> The strategy reads only the goals, the partners and the priorities, none of which carry a
 * time, so it applies at any {@code asOf} and gives the same result at every {@code asOf}. It judges how the goals
 * are written, so it needs goals and nothing else: even a partnership with one partner so far has its goals
 * assessed. A partnership with no goals gives one {@code INSUFFICIENT_EVIDENCE} partnership score.
 *
 * <p><b>Cost.</b> O(G (P + o)) time for G goals, P partners and o owners per goal; O(P + G) memory.
 *
 * <p>Immutable and stateless; thread-safe.
 */
public final class GoalStructure implements ScoringStrategy {
    /** The strategy id. */
    public static final String ID = "goal-structure";
    /** Warning code for partners that own no goal and gave no goal a positive priority. */
    public static final String UNCOVERED_PARTNERS = "UNCOVERED_PARTNERS";
    /** Band of a goal that passes every check. */
    public static final String SMART = "SMART";
    /** Band of a goal that fails at least one check. */
    public static final String INCOMPLETE = "INCOMPLETE";

    /** One SMART check. */
    public enum Check {
        /** An indicator with a unit. */
        INDICATOR("indicator"),
        /** A baseline. */
        BASELINE("baseline"),
        /** A target on the improving side of the baseline. */
        TARGET("target"),
        /** At least one owner. */
        OWNER("owner"),
        /** A deadline after the partnership's start. */
        DEADLINE("deadline");

        private final String detailName;

        Check(String detailName) {
            this.detailName = detailName;
        }

        /**
         * Returns the name of the check's boolean in a goal score's details.
         *
         * @return the detail name, for example {@code baseline}
         */
        public String detailName() {
            return detailName;
        }
    }

    /** Number of checks per goal. */
    public static final int CHECKS = Check.values().length;

    /**
     * The outcome of the checks on one goal. Immutable and thread-safe.
     *
     * @param goal     the goal's id
     * @param passed   whether each check passed, for every {@link Check}, in check order
     * @param findings one sentence in words per failed check, in check order
     */
    public record Assessment(String goal, Map<Check, Boolean> passed, List<String> findings) {
        /** Validates and copies the components. */
        public Assessment {
            Objects.requireNonNull(goal, "goal");
            passed = Collections.unmodifiableMap(new EnumMap<>(passed));
            if (passed.size() != CHECKS) {
                throw new IllegalArgumentException("an assessment needs every check, had " + passed.keySet());
            }
            findings = List.copyOf(findings);
        }

        /**
         * Returns whether one check passed.
         *
         * @param check the check
         * @return {@code true} when it passed
         */
        public boolean passes(Check check) {
            return passed.get(check);
        }

        /**
         * Returns how many checks passed.
         *
         * @return a count in [0, 5]
         */
        public int checksPassed() {
            int n = 0;
            for (boolean b : passed.values()) {
                n += b ? 1 : 0;
            }
            return n;
        }

        /**
         * Returns the share of checks passed.
         *
         * @return {@code checksPassed() / 5}
         */
        public double share() {
            return (double) checksPassed() / CHECKS;
        }

        /**
         * Returns whether every check passed.
         *
         * @return {@code true} for a SMART goal
         */
        public boolean isSmart() {
            return checksPassed() == CHECKS;
        }
    }

    /** Creates the strategy; it has no parameters. */
    public GoalStructure() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.ALIGNMENT;
    }

    /**
     * Runs the five checks on one goal, as described in the class documentation. Cost O(1).
     *
     * @param goal  the goal
     * @param start the partnership's start; the deadline must be after it
     * @return the checks' outcomes and a finding per failure
     */
    public static Assessment assess(Goal goal, Instant start) {
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(start, "start");
        Map<Check, Boolean> passed = new EnumMap<>(Check.class);
        List<String> findings = new ArrayList<>();
        Indicator ind = goal.indicator();

        if (ind == null) {
            fail(passed, findings, Check.INDICATOR, "No indicator: there is no measure of progress toward the goal.");
        } else if (ind.unit() == null || ind.unit().isBlank()) {
            fail(passed, findings, Check.INDICATOR, String.format(Locale.ROOT,
                    "No unit for the indicator '%s': its values cannot be read or compared.", ind.name()));
        } else {
            passed.put(Check.INDICATOR, true);
        }

        Double baseline = ind == null ? null : ind.baseline();
        Double target = ind == null ? null : ind.target();
        if (baseline == null) {
            fail(passed, findings, Check.BASELINE, "No baseline: progress cannot be measured from a starting point.");
        } else {
            passed.put(Check.BASELINE, true);
        }

        if (target == null) {
            fail(passed, findings, Check.TARGET, "No target: there is no stated level that counts as success.");
        } else if (baseline != null && target.doubleValue() == baseline.doubleValue()) {
            fail(passed, findings, Check.TARGET, String.format(Locale.ROOT,
                    "Target equals the baseline (%s): the goal asks for no change.",
                    ExplanationNumbers.plain(target)));
        } else if (baseline != null && ind.direction().sign() * (target - baseline) < 0) {
            fail(passed, findings, Check.TARGET, String.format(Locale.ROOT,
                    "Target %s is on the worsening side of the baseline %s (%s): reaching it would be a decline.",
                    ExplanationNumbers.plain(target), ExplanationNumbers.plain(baseline),
                    ind.direction() == Direction.HIGHER_IS_BETTER ? "higher is better" : "lower is better"));
        } else {
            passed.put(Check.TARGET, true);
        }

        if (goal.owners().isEmpty()) {
            fail(passed, findings, Check.OWNER, "No owner: no partner is accountable for the goal.");
        } else {
            passed.put(Check.OWNER, true);
        }

        Instant deadline = goal.deadline();
        if (deadline == null) {
            fail(passed, findings, Check.DEADLINE, "No deadline: the goal has no time frame.");
        } else if (!deadline.isAfter(start)) {
            fail(passed, findings, Check.DEADLINE, String.format(Locale.ROOT,
                    "Deadline %s is not after the partnership's start %s: the goal has no time frame within the "
                            + "partnership.", date(deadline), date(start)));
        } else {
            passed.put(Check.DEADLINE, true);
        }
        return new Assessment(goal.id(), passed, findings);
    }

    private static void fail(Map<Check, Boolean> passed, List<String> findings, Check check, String finding) {
        passed.put(check, false);
        findings.add(finding);
    }

    /**
     * Scores the structure of the partnership's goals, as described in the class documentation.
     *
     * @param context the evidence and evaluation settings
     * @return the partnership score, then one score per goal in goal-id order; a warning for uncovered partners
     */
    @Override
    public StrategyResult score(ScoringContext context) {
        EvidenceIndex ev = context.evidence();
        int partners = ev.partnerCount();
        int goalCount = ev.goalCount();
        List<Warning> warnings = new ArrayList<>();
        Score.Builder pb = Score.builder(ID, Dimension.ALIGNMENT, Subject.partnership())
                .detail("goals", goalCount).detail("partners", partners);
        String reason = null;
        if (goalCount == 0) {
            reason = "The partnership has no goals, so there is no goal structure to assess.";
        }
        if (reason != null) {
            warnings.add(new Warning(Warning.INSUFFICIENT_EVIDENCE, ID, "goal structure: " + reason));
            return new StrategyResult(List.of(pb.insufficient(reason).explanation(reason).build()), warnings);
        }

        Map<String, String> names = new TreeMap<>();
        for (Partner p : context.partnership().partners()) {
            names.put(p.id(), p.name());
        }
        Instant start = context.partnership().start();

        boolean[] covered = new boolean[partners];
        Map<Check, Integer> passCounts = new EnumMap<>(Check.class);
        for (Check c : Check.values()) {
            passCounts.put(c, 0);
        }
        List<Score> goalScores = new ArrayList<>(goalCount);
        List<String> incomplete = new ArrayList<>();
        int passing = 0;
        for (int gi = 0; gi < goalCount; gi++) {
            Goal goal = ev.goal(gi);
            for (String owner : goal.owners()) {
                int p = ev.partnerIndex(owner);
                if (p != EvidenceIndex.NONE) {
                    covered[p] = true;
                }
            }
            for (int p = 0; p < partners; p++) {
                // NaN (no priority) compares false: only a positive priority covers a partner.
                if (ev.priority(p, gi) > 0) {
                    covered[p] = true;
                }
            }
            Assessment a = assess(goal, start);
            for (Check c : Check.values()) {
                if (a.passes(c)) {
                    passCounts.merge(c, 1, Integer::sum);
                }
            }
            if (a.isSmart()) {
                passing++;
            } else {
                incomplete.add(goal.id());
            }
            goalScores.add(goalScore(goal, a));
        }

        List<String> uncovered = new ArrayList<>();
        for (int p = 0; p < partners; p++) {
            if (!covered[p]) {
                uncovered.add(ev.partnerId(p));
            }
        }
        double coverage = (double) (partners - uncovered.size()) / partners;
        if (!uncovered.isEmpty()) {
            warnings.add(new Warning(UNCOVERED_PARTNERS, ID, String.format(Locale.ROOT,
                    "%s %s no goal and gave no goal a positive priority, so the goals record nothing %s "
                            + "contributes to or cares about", listInWords(uncovered),
                    uncovered.size() == 1 ? "owns" : "own", uncovered.size() == 1 ? "this partner" : "these partners")));
        }

        double share = (double) passing / goalCount;
        double level = context.confidenceLevel();
        Interval interval = WilsonInterval.of(passing, goalCount, level).interval();
        Map<String, Object> byCheck = new LinkedHashMap<>();
        for (Check c : Check.values()) {
            byCheck.put(c.detailName(), passCounts.get(c));
        }
        String coverageText = uncovered.isEmpty()
                ? String.format(Locale.ROOT, "all %d partners own or prioritise at least one goal", partners)
                : String.format(Locale.ROOT, "%d of %d partners own or prioritise at least one goal, leaving out %s",
                partners - uncovered.size(), partners, listInWords(labels(uncovered, names)));
        pb.value(share).normalized(share).interval(interval).normalizedInterval(interval).n(goalCount)
                .detail("passing", passing).detail("incompleteGoals", incomplete)
                .detail("checksPassedByCheck", byCheck).detail("ownershipCoverage", coverage)
                .detail("uncoveredPartners", uncovered)
                .explanation(String.format(Locale.ROOT,
                        "%d of %d goals (%s) pass every SMART check: indicator with a unit, baseline, target on "
                                + "the improving side, owner and deadline (%s Wilson interval %s to %s); %s.",
                        passing, goalCount, ExplanationNumbers.percent(share), ExplanationNumbers.level(level),
                        ExplanationNumbers.twoDecimals(interval.low()), ExplanationNumbers.twoDecimals(interval.high()),
                        coverageText));
        List<Score> scores = new ArrayList<>(goalCount + 1);
        scores.add(pb.build());
        scores.addAll(goalScores);
        return new StrategyResult(scores, warnings);
    }

    private static Score goalScore(Goal goal, Assessment a) {
        Score.Builder b = Score.builder(ID, Dimension.ALIGNMENT, Subject.goal(goal.id()));
        for (Check c : Check.values()) {
            b.detail(c.detailName(), a.passes(c));
        }
        int passed = a.checksPassed();
        b.value(a.share()).normalized(a.share()).band(a.isSmart() ? SMART : INCOMPLETE)
                .detail("checksPassed", passed).detail("findings", a.findings());
        String what = String.format(Locale.ROOT, "Goal %s (%s)", goal.id(), goal.title());
        if (a.isSmart()) {
            b.explanation(what + " passes all " + CHECKS + " SMART checks: it has an indicator with a unit, a "
                    + "baseline, a target on the improving side, an owner and a deadline.");
        } else {
            b.explanation(String.format(Locale.ROOT, "%s passes %d of %d SMART checks. %s", what, passed, CHECKS,
                    String.join(" ", a.findings())));
        }
        return b.build();
    }

    private static List<String> labels(List<String> ids, Map<String, String> names) {
        List<String> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            String name = names.get(id);
            out.add(name == null || name.equals(id) ? id : name + " (" + id + ")");
        }
        return out;
    }

    /** Writes items as {@code a}, {@code a and b}, {@code a, b and c}. */
    private static String listInWords(List<String> items) {
        int n = items.size();
        if (n == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, n - 1)) + " and " + items.get(n - 1);
    }

    private static String date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}
