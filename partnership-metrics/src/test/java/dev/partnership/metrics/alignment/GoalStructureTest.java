package dev.partnership.metrics.alignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.Direction;
import dev.partnership.Goal;
import dev.partnership.Indicator;
import dev.partnership.Partner;
import dev.partnership.PartnerType;
import dev.partnership.Partnership;
import dev.partnership.Priority;
import dev.partnership.Score;
import dev.partnership.ScoreStatus;
import dev.partnership.Subject;
import dev.partnership.Warning;
import dev.partnership.metrics.Riverbend;
import dev.partnership.metrics.ScoringStrategyContractTest;
import dev.partnership.metrics.stats.WilsonInterval;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests {@link GoalStructure} and {@link GoalStructureProvider}. */
class GoalStructureTest extends ScoringStrategyContractTest {
    private static final Instant START = Riverbend.START;
    private static final Instant LATER = Instant.parse("2027-06-30T00:00:00Z");

    @Override
    protected ScoringStrategyProvider provider() {
        return new GoalStructureProvider();
    }

    @Override
    protected Partnership realisticPartnership() {
        return Riverbend.partnership();
    }

    @Override
    protected boolean judgesDefinitionsNotEvidence() {
        return true;
    }

    @Override
    protected void checkSinglePartner(StrategyResult result) {
        // The goals are assessed as written, however many partners there are so far.
        Score s = find(result, Subject.partnership());
        assertEquals(ScoreStatus.OK, s.status());
        assertEquals(1, s.detail("partners"), 0);
        assertEquals(Riverbend.partnership().goals().size() + 1, result.scores().size(), "one score per goal too");
    }

    private static Goal goal(Indicator indicator, List<String> owners, Instant deadline) {
        return new Goal("g", "A goal", indicator, owners, deadline);
    }

    private static Indicator indicator(String unit, Direction direction, Double baseline, Double target) {
        return new Indicator("rate", unit, direction, baseline, target);
    }

    private static Score find(StrategyResult result, Subject subject) {
        return result.scores().stream().filter(s -> s.subject().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no score for " + subject));
    }

    @Test
    void completeGoalPassesEveryCheck() {
        GoalStructure.Assessment a = GoalStructure.assess(goal(indicator("%", Direction.HIGHER_IS_BETTER, 12.0, 25.0),
                List.of("p1"), LATER), START);
        assertTrue(a.isSmart());
        assertEquals(5, a.checksPassed());
        assertEquals(1.0, a.share(), 0);
        assertTrue(a.findings().isEmpty());
        // Lower is better: a target below the baseline improves.
        assertTrue(GoalStructure.assess(goal(indicator("%", Direction.LOWER_IS_BETTER, 18.0, 10.0), List.of("p1"),
                LATER), START).isSmart());
    }

    @Test
    void emptyGoalFailsEveryCheckButTheOnesItHas() {
        GoalStructure.Assessment a = GoalStructure.assess(goal(null, List.of(), null), START);
        assertEquals(0, a.checksPassed());
        assertEquals(List.of(
                "No indicator: there is no measure of progress toward the goal.",
                "No baseline: progress cannot be measured from a starting point.",
                "No target: there is no stated level that counts as success.",
                "No owner: no partner is accountable for the goal.",
                "No deadline: the goal has no time frame."), a.findings());
        for (GoalStructure.Check c : GoalStructure.Check.values()) {
            assertFalse(a.passes(c), c.name());
        }
    }

    @Test
    void indicatorNeedsAUnit() {
        for (String unit : new String[] {null, " "}) {
            GoalStructure.Assessment a = GoalStructure.assess(goal(indicator(unit, Direction.HIGHER_IS_BETTER, 1.0,
                    2.0), List.of("p1"), LATER), START);
            assertFalse(a.passes(GoalStructure.Check.INDICATOR));
            assertEquals(4, a.checksPassed());
            assertEquals(List.of("No unit for the indicator 'rate': its values cannot be read or compared."),
                    a.findings());
        }
    }

    @Test
    void targetMustLieOnTheImprovingSideOfTheBaseline() {
        GoalStructure.Assessment same = GoalStructure.assess(goal(indicator("%", Direction.HIGHER_IS_BETTER, 12.0,
                12.0), List.of("p1"), LATER), START);
        assertFalse(same.passes(GoalStructure.Check.TARGET));
        assertEquals(List.of("Target equals the baseline (12): the goal asks for no change."), same.findings());

        GoalStructure.Assessment down = GoalStructure.assess(goal(indicator("%", Direction.HIGHER_IS_BETTER, 12.0,
                10.0), List.of("p1"), LATER), START);
        assertFalse(down.passes(GoalStructure.Check.TARGET));
        assertEquals(List.of("Target 10 is on the worsening side of the baseline 12 (higher is better): reaching it "
                + "would be a decline."), down.findings());

        GoalStructure.Assessment up = GoalStructure.assess(goal(indicator("%", Direction.LOWER_IS_BETTER, 18.0,
                20.5), List.of("p1"), LATER), START);
        assertFalse(up.passes(GoalStructure.Check.TARGET));
        assertTrue(up.findings().get(0).contains("lower is better"), up.findings().toString());
    }

    @Test
    void targetWithoutBaselineFailsOnlyTheBaselineCheck() {
        GoalStructure.Assessment a = GoalStructure.assess(goal(indicator("students", Direction.HIGHER_IS_BETTER,
                null, 400.0), List.of("p1"), LATER), START);
        assertFalse(a.passes(GoalStructure.Check.BASELINE));
        assertTrue(a.passes(GoalStructure.Check.TARGET));
        assertEquals(4, a.checksPassed());
    }

    @Test
    void deadlineMustBeAfterTheStart() {
        Indicator ok = indicator("%", Direction.HIGHER_IS_BETTER, 1.0, 2.0);
        GoalStructure.Assessment atStart = GoalStructure.assess(goal(ok, List.of("p1"), START), START);
        assertFalse(atStart.passes(GoalStructure.Check.DEADLINE));
        assertEquals(List.of("Deadline 2024-09-01 is not after the partnership's start 2024-09-01: the goal has no "
                + "time frame within the partnership."), atStart.findings());
        assertFalse(GoalStructure.assess(goal(ok, List.of("p1"), START.minusSeconds(86400)), START)
                .passes(GoalStructure.Check.DEADLINE));
        assertTrue(GoalStructure.assess(goal(ok, List.of("p1"), START.plusSeconds(1)), START)
                .passes(GoalStructure.Check.DEADLINE));
    }

    @Test
    void riverbendGoalsAndCoverage() {
        StrategyResult result = run(strategy(), Riverbend.partnership());
        // dual-enrollment, chronic-absence and fafsa are complete; mentoring lacks a baseline and a deadline;
        // stem-camp has only owners.
        Score mentoring = find(result, Subject.goal("mentoring"));
        assertEquals(0.6, mentoring.value(), 1e-15);
        assertEquals(0.6, mentoring.normalized(), 1e-15);
        assertEquals(GoalStructure.INCOMPLETE, mentoring.band());
        assertEquals(false, mentoring.details().get("baseline"));
        assertEquals(true, mentoring.details().get("target"));
        assertEquals(false, mentoring.details().get("deadline"));
        assertEquals(List.of("No baseline: progress cannot be measured from a starting point.",
                "No deadline: the goal has no time frame."), mentoring.details().get("findings"));
        assertTrue(mentoring.explanation().contains("3 of 5") && mentoring.explanation().contains("No baseline"),
                mentoring.explanation());
        Score stem = find(result, Subject.goal("stem-camp"));
        assertEquals(0.2, stem.value(), 1e-15);
        assertEquals(true, stem.details().get("owner"));
        Score fafsa = find(result, Subject.goal("fafsa"));
        assertEquals(1.0, fafsa.value(), 0);
        assertEquals(GoalStructure.SMART, fafsa.band());
        assertEquals(List.of(), fafsa.details().get("findings"));

        Score whole = result.scores().get(0);
        assertEquals(Subject.partnership(), whole.subject());
        assertEquals(0.6, whole.value(), 1e-15);
        assertEquals(whole.value(), whole.normalized(), 0);
        assertEquals(3, whole.detail("passing"), 0);
        assertEquals(5, whole.detail("goals"), 0);
        assertEquals(5, whole.n(), 0);
        assertEquals(List.of("mentoring", "stem-camp"), whole.details().get("incompleteGoals"));
        // Wilson interval of 3/5 at 95%: (0.2307, 0.8824).
        assertEquals(WilsonInterval.of(3, 5, 0.95).interval(), whole.interval());
        assertEquals(0.2307242813, whole.interval().low(), 1e-9);
        assertEquals(0.8823792258, whole.interval().high(), 1e-9);
        assertEquals(whole.interval(), whole.normalizedInterval());
        // families owns nothing and gave no priorities; everyone else owns a goal.
        assertEquals(5.0 / 6, whole.detail("ownershipCoverage"), 1e-15);
        assertEquals(List.of("families"), whole.details().get("uncoveredPartners"));
        @SuppressWarnings("unchecked")
        Map<String, Object> byCheck = (Map<String, Object>) whole.details().get("checksPassedByCheck");
        assertEquals(Map.of("indicator", 4L, "baseline", 3L, "target", 4L, "owner", 5L, "deadline", 3L), byCheck);
        Warning w = result.warnings().stream().filter(x -> x.code().equals(GoalStructure.UNCOVERED_PARTNERS))
                .findFirst().orElseThrow();
        assertTrue(w.message().startsWith("families owns no goal"), w.message());
        assertTrue(whole.explanation().contains("Riverbend Families United (families)"), whole.explanation());
        // Goal scores follow in goal-id order.
        assertEquals(List.of(Subject.partnership(), Subject.goal("chronic-absence"), Subject.goal("dual-enrollment"),
                Subject.goal("fafsa"), Subject.goal("mentoring"), Subject.goal("stem-camp")),
                result.scores().stream().map(Score::subject).toList());
    }

    private static Partnership.Builder twoPartners() {
        return Partnership.builder("t", "Two", START)
                .partner(new Partner("a", "Alpha", PartnerType.NONPROFIT))
                .partner(new Partner("b", "Beta", PartnerType.BUSINESS));
    }

    @Test
    void onlyAPositivePriorityCoversAPartner() {
        Goal owned = new Goal("g1", "One", indicator("%", Direction.HIGHER_IS_BETTER, 1.0, 2.0), List.of("a"), LATER);
        Score zero = run(strategy(), twoPartners().goal(owned).priority(new Priority("b", "g1", 0)).build(), START)
                .scores().get(0);
        assertEquals(0.5, zero.detail("ownershipCoverage"), 0);
        assertEquals(List.of("b"), zero.details().get("uncoveredPartners"));
        StrategyResult positive = run(strategy(), twoPartners().goal(owned).priority(new Priority("b", "g1", 2))
                .build(), START);
        assertEquals(1.0, positive.scores().get(0).detail("ownershipCoverage"), 0);
        assertTrue(positive.warnings().isEmpty(), positive.warnings().toString());
        // One SMART goal out of one: Wilson's upper bound is exactly 1.
        assertEquals(1.0, positive.scores().get(0).value(), 0);
        assertEquals(1.0, positive.scores().get(0).interval().high(), 0);
    }

    @Test
    void noGoalsIsInsufficient() {
        StrategyResult result = run(strategy(), twoPartners().build(), START);
        assertEquals(1, result.scores().size());
        Score s = result.scores().get(0);
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, s.status());
        assertTrue(((String) s.details().get("reason")).contains("no goals"));
        assertEquals(Warning.INSUFFICIENT_EVIDENCE, result.warnings().get(0).code());
    }

    @Test
    void resultIsTheSameAtEveryAsOf() {
        Partnership p = Riverbend.partnership();
        StrategyResult atStart = run(strategy(), p, START);
        assertEquals(atStart, run(strategy(), p, p.latestEvidence()));
        assertEquals(atStart, run(strategy(), p, LATER.plusSeconds(86_400L * 365)));
        assertTrue(atStart.scores().get(0).isOk());
    }

    @Test
    void assessmentRejectsBadInput() {
        assertThrows(NullPointerException.class, () -> GoalStructure.assess(null, START));
        assertThrows(NullPointerException.class, () -> GoalStructure.assess(goal(null, List.of(), null), null));
        assertThrows(IllegalArgumentException.class,
                () -> new GoalStructure.Assessment("g", Map.of(GoalStructure.Check.OWNER, true), List.of()));
    }
}
