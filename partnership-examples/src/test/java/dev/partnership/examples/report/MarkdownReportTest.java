package dev.partnership.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.Dimension;
import dev.partnership.Direction;
import dev.partnership.DimensionSummary;
import dev.partnership.Evaluation;
import dev.partnership.Evaluator;
import dev.partnership.Goal;
import dev.partnership.Indicator;
import dev.partnership.Interval;
import dev.partnership.Partner;
import dev.partnership.PartnerType;
import dev.partnership.Partnership;
import dev.partnership.Score;
import dev.partnership.ScoreStatus;
import dev.partnership.StrategyCatalog;
import dev.partnership.Subject;
import dev.partnership.Warning;
import dev.partnership.examples.sample.SampleGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
    private static final Partnership SAMPLE = SampleGenerator.defaults().generate();
    private static final Evaluation SAMPLE_EVALUATION = Evaluator.builder().build().evaluate(SAMPLE);
    private static final String SAMPLE_REPORT = new MarkdownReport().render(SAMPLE_EVALUATION, SAMPLE);

    private static final Instant AS_OF = Instant.parse("2025-06-30T12:00:00Z");

    /** A tiny partnership whose names need escaping. */
    private static Partnership tiny() {
        return Partnership.builder("tiny", "Tiny *Pilot* Partnership", Instant.parse("2024-09-01T00:00:00Z"))
                .partner(new Partner("a", "Alpha | <b>Beta</b>", PartnerType.SCHOOL))
                .partner(new Partner("c", "Gamma College", PartnerType.COMMUNITY_COLLEGE))
                .goal(new Goal("g1", "Read by grade three", null, List.of("a"), null))
                .build();
    }

    private static Evaluation evaluation(List<Score> scores, List<Warning> warnings) {
        return new Evaluation("tiny", AS_OF, new Evaluation.Generator("partnership", "test"), scores, Map.of(),
                warnings);
    }

    @Test
    void sampleReportUsesNamesAndHeadlines() {
        String md = SAMPLE_REPORT;
        assertTrue(md.startsWith("# Riverbend Education Partnership: partnership evaluation\n"), md);
        assertTrue(md.contains("Evidence up to **2026-06-30**"), md);
        assertTrue(md.contains("**Least trusted partner: Keystone Fabrication.**"), md);
        assertTrue(md.contains("**Most contested goal: Grow our own teachers**"), md);
        assertTrue(md.contains("**Weakest relationships**"), md);
        assertTrue(md.contains("Goals ahead of expected progress:** More students earn college credit"), md);
        assertTrue(md.contains("Goals behind expected progress:**"), md);
        assertTrue(md.contains("| Riverbend Unified School District |"), md);
        assertTrue(md.contains("| Fewer students are chronically absent |"), md);
        assertFalse(md.contains("| keystone |"), "tables use names, not ids");
        assertTrue(md.contains("- **Trust: "), md);
        assertTrue(md.contains("- **Alignment: "), md);
        assertTrue(md.contains("- **Impact: "), md);
    }

    @Test
    void sampleReportCitesItsMethods() {
        String methods = SAMPLE_REPORT.substring(SAMPLE_REPORT.indexOf("## Methods"));
        assertTrue(methods.contains("Jøsang, A. and Ismail, R. (2002)"), methods);
        assertTrue(methods.contains("Kendall, M. G. and Babington Smith, B. (1939)"), methods);
        assertTrue(methods.contains("Siegel, S. and Castellan, N. J. (1988)"), methods);
        assertTrue(methods.contains("target attainment rule"), methods);
    }

    /**
     * Planted truth (c) in words: the sample report says the partnership made a measurable difference on the
     * effect goal and no clear difference on the null goal. Skipped, naming the strategy, while effect-size or
     * difference-in-differences is not on the class path.
     */
    @Test
    void sampleReportSaysWhereThePartnershipMadeADifference() {
        assumeAvailable(MarkdownReport.EFFECT_SIZE, MarkdownReport.DIFFERENCE_IN_DIFFERENCES);
        String headlines = headlines(SAMPLE_REPORT);
        String effect = line(headlines, "**The partnership made a measurable difference on \"More students earn "
                + "college credit in high school\"** (an improvement)");
        assertTrue(effect.contains("Hedges' g = ") && effect.contains("difference in differences = "), effect);
        assertFalse(effect.contains("no clear difference"), effect);
        String none = line(headlines, "**No clear difference on \"Fewer students are chronically absent\"**");
        assertTrue(none.contains("Hedges' g = ") && none.contains("difference in differences = "), none);
        assertFalse(headlines.contains("measurable difference on \"Fewer students are chronically absent"), headlines);
        String methods = SAMPLE_REPORT.substring(SAMPLE_REPORT.indexOf("## Methods"));
        assertTrue(methods.contains("Hedges, L. V. and Olkin, I. (1985)"), methods);
        assertTrue(methods.contains("Card, D. and Krueger, A. B. (1994)"), methods);
    }

    /** Skips the test, naming the first missing strategy, unless every one of them is on the class path. */
    private static void assumeAvailable(String... strategies) {
        Set<String> available = StrategyCatalog.discover().ids();
        for (String id : strategies) {
            Assumptions.assumeTrue(available.contains(id), "strategy " + id + " is not available yet");
        }
    }

    /** The headline findings section of a report, up to the details. */
    private static String headlines(String md) {
        return md.substring(md.indexOf("## Headline findings"), md.indexOf("## Details by strategy"));
    }

    /** The line of the text that starts with "- " followed by the given prefix; fails when there is none. */
    private static String line(String text, String prefix) {
        for (String l : text.split("\n")) {
            if (l.startsWith("- " + prefix)) {
                return l;
            }
        }
        throw new AssertionError("no line starting with \"- " + prefix + "\" in\n" + text);
    }

    @Test
    void suppressedValuesAreNeverPrinted() {
        Score suppressed = Score.builder("survey-thing", Dimension.INSTRUMENT,
                        Subject.factor("collaboration-factors", "history", "environment"))
                .status(ScoreStatus.SUPPRESSED).n(2).detail("mean", 4.3217)
                .explanation("mean 4.3217 from 2 respondents").build();
        Score suppressedOverall = Score.builder("survey-thing", Dimension.INSTRUMENT, Subject.partnership())
                .status(ScoreStatus.SUPPRESSED).detail("mean", 3.9876).explanation("mean 3.9876").build();
        String md = new MarkdownReport().render(evaluation(List.of(suppressedOverall, suppressed), List.of()), tiny());
        assertTrue(md.contains("suppressed"), md);
        assertFalse(md.contains("4.32"), md);
        assertFalse(md.contains("3.98") || md.contains("3.99"), md);
        assertFalse(md.contains("respondents\" "), md);
        assertTrue(md.contains("History of collaboration or cooperation in the community | Environment"), md);
    }

    @Test
    void anyStrategyIsRenderedWithNamesAndStatuses() {
        Score ok = Score.builder("future-strategy", Dimension.ENGAGEMENT, Subject.partner("a"))
                .value(0.123456).normalized(0.123456).interval(new Interval(0.05, 0.2, 0.9)).n(12).build();
        Score thin = Score.builder("future-strategy", Dimension.ENGAGEMENT, Subject.goal("g1"))
                .insufficient("only one measurement").build();
        Score pair = Score.builder("future-strategy", Dimension.ENGAGEMENT, Subject.pair("c", "a"))
                .value(3.5).band("HIGH").build();
        Warning w = new Warning(Warning.INSUFFICIENT_EVIDENCE, "future-strategy", "goal g1 has one measurement");
        String md = new MarkdownReport().render(evaluation(List.of(ok, thin, pair), List.of(w)), tiny());
        assertTrue(md.startsWith("# Tiny \\*Pilot\\* Partnership: partnership evaluation"), md);
        assertTrue(md.contains("Evidence up to **2025-06-30T12:00:00Z**"), md);
        assertTrue(md.contains("### Engagement: `future-strategy`"), md);
        assertTrue(md.contains("| Alpha \\| &lt;b&gt;Beta&lt;/b&gt; | 0.12 | 0.05 to 0.20 | 12 |"), md);
        assertTrue(md.contains("| Read by grade three | — |"), md);
        assertTrue(md.contains("insufficient evidence: only one measurement"), md);
        assertTrue(md.contains("| Gamma College | Alpha \\| &lt;b&gt;Beta&lt;/b&gt; | 3.50 |"), md);
        assertTrue(md.contains("| HIGH |"), md);
        assertTrue(md.contains("every interval is a 90% interval"), md);
        assertTrue(md.contains("- `INSUFFICIENT_EVIDENCE` (`future-strategy`): goal g1 has one measurement"), md);
        assertTrue(md.contains("- `future-strategy`: see `partnership strategies`"), md);
        assertTrue(md.contains("- **Engagement: no overall figure.**"), md);
        assertFalse(md.contains("<b>"), "no HTML from the data gets through");
    }

    @Test
    void summaryWordsFollowTheStatedSteps() {
        Score overall = Score.builder("future-strategy", Dimension.ENGAGEMENT, Subject.partnership())
                .value(0.8).normalized(0.8).build();
        for (double v : new double[] {0.8, 0.7999, 0.2, 0.1999}) {
            Evaluation e = new Evaluation("tiny", AS_OF, new Evaluation.Generator("partnership", "test"),
                    List.of(overall), Map.of(Dimension.ENGAGEMENT, new DimensionSummary(v, null,
                    List.of("future-strategy"))), List.of());
            String md = new MarkdownReport().render(e, tiny());
            String word = v >= 0.8 ? "strong" : v >= 0.6 ? "good" : v >= 0.2 ? "weak" : "very weak";
            assertTrue(md.contains("- **Engagement: " + word + "** (" + MarkdownReport.number(v) + ", no interval)"),
                    md);
        }
    }

    @Test
    void negativeZeroPrintsAsZero() {
        assertEquals("0.00", MarkdownReport.number(-0.0));
        assertEquals("0.00", MarkdownReport.number(0.0));
        assertEquals("-0.50", MarkdownReport.number(-0.5));
    }

    @Test
    void numbersIgnoreTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals(SAMPLE_REPORT, new MarkdownReport().render(SAMPLE_EVALUATION, SAMPLE));
        } finally {
            Locale.setDefault(before);
        }
        assertEquals("0.12", MarkdownReport.number(0.123456));
        assertEquals("1234", MarkdownReport.number(1234.4));
        assertEquals("123.4", MarkdownReport.number(123.44));
        assertEquals("0.0012", MarkdownReport.number(0.0012345));
        assertEquals("-0.50", MarkdownReport.number(-0.5));
    }

    @Test
    void longTablesShowTheLowestRowsAndSaySo() {
        MarkdownReport report = new MarkdownReport().withMaxRows(2);
        assertEquals(2, report.maxRows());
        String md = report.render(SAMPLE_EVALUATION, SAMPLE);
        assertTrue(md.contains("Showing the 2 lowest of 8;"), md);
        assertThrows(IllegalArgumentException.class, () -> new MarkdownReport().withMaxRows(0));
    }

    @Test
    void emptyEvaluationStillRenders() {
        String md = new MarkdownReport().render(evaluation(List.of(), List.of()), tiny());
        assertTrue(md.contains("No strategy produced a score"), md);
        assertTrue(md.endsWith("\n"));
    }

    @Test
    void escapesMarkdownAndHtml() {
        assertEquals("a\\|b \\*c\\* &lt;x&gt; &amp; d\\_e \\[f\\] g", MarkdownReport.esc("a|b *c* <x> & d_e [f]\ng"));
    }

    private static Score pair(String strategy, String from, String to, double value, Map<String, Object> details) {
        Score.Builder b = Score.builder(strategy, Dimension.TRUST, Subject.pair(from, to)).value(value)
                .normalized(value).interval(new Interval(Math.max(0, value - 0.1), Math.min(1, value + 0.1), 0.95))
                .explanation("pair " + from + " to " + to);
        details.forEach(b::detail);
        return b.build();
    }

    @Test
    void derivedPairsAreMarkedAndNeverNamedAsWeakestRelationships() {
        Partnership p = tiny();
        Score firstHand = pair(MarkdownReport.BETA_REPUTATION, "a", "c", 0.8, Map.of("r", 8.0, "s", 2.0));
        Score derived = pair(MarkdownReport.BETA_REPUTATION, "c", "a", 0.2,
                Map.of("derived", true, "via", List.of("a")));
        String md = new MarkdownReport().render(evaluation(List.of(derived, firstHand), List.of()), p);
        String weakest = md.lines().filter(l -> l.contains("**Weakest relationships**")).findFirst().orElseThrow();
        assertTrue(weakest.contains("0.80"), weakest);
        assertFalse(weakest.contains("0.20"), "a derived view is not a relationship: " + weakest);
        assertTrue(md.contains("| Basis |"), md);
        assertTrue(md.contains("derived via Alpha"), md);
        // First-hand rows come first even though the derived value is lower.
        assertTrue(md.indexOf("| 0.80 |") < md.indexOf("| 0.20 |"), md);
    }

    @Test
    void subjectiveLogicPairsWithoutDealingsReadAsUnknownNotLow() {
        Score known = pair(MarkdownReport.SUBJECTIVE_LOGIC, "a", "c", 0.7, Map.of("b", 0.6, "d", 0.2, "u", 0.2));
        Score unknown = pair(MarkdownReport.SUBJECTIVE_LOGIC, "c", "a", 0.5, Map.of("b", 0.0, "d", 0.0, "u", 1.0));
        String md = new MarkdownReport().render(evaluation(List.of(unknown, known), List.of()), tiny());
        assertTrue(md.contains("Projected trust"), md);
        assertTrue(md.contains("unknown: no dealings"), md);
        assertTrue(md.indexOf("| 0.70 |") < md.indexOf("| 0.50 |"), "unknown opinions sort after known ones: " + md);
    }

    @Test
    void alignmentHeadlinesNameTheLeastAlignedPartnerAndIncompleteGoals() {
        Score similarity = Score.builder(MarkdownReport.PRIORITY_SIMILARITY, Dimension.ALIGNMENT, Subject.partnership())
                .value(0.8).normalized(0.8).explanation("similarity").detail("leastAligned", "c")
                .detail("leastAlignedMeanCosine", 0.55).build();
        Score structure = Score.builder(MarkdownReport.GOAL_STRUCTURE, Dimension.ALIGNMENT, Subject.partnership())
                .value(0.0).normalized(0.0).explanation("structure").detail("passing", 0L).detail("goals", 1L).build();
        Score goal = Score.builder(MarkdownReport.GOAL_STRUCTURE, Dimension.ALIGNMENT, Subject.goal("g1"))
                .value(0.6).normalized(0.6).band("INCOMPLETE").explanation("goal")
                .detail("findings", List.of("No baseline: progress cannot be measured from a starting point.")).build();
        String md = new MarkdownReport().render(evaluation(List.of(similarity, structure, goal), List.of()), tiny());
        assertTrue(md.contains("**Least aligned with the others: Gamma College.**"), md);
        assertTrue(md.contains("mean cosine similarity of 0.55"), md);
        assertTrue(md.contains("**Goals not fully specified:** Read by grade three: No baseline"), md);
        assertFalse(md.contains("Every goal is fully specified"), md);
    }
    /** Two goals with indicators in percent, for the comparison-design headlines. */
    private static Partnership twoGoals() {
        return Partnership.builder("tiny", "Tiny Pilot", Instant.parse("2024-09-01T00:00:00Z"))
                .partner(new Partner("a", "Alpha School", PartnerType.SCHOOL))
                .goal(new Goal("g1", "More students earn credit",
                        new Indicator("credit rate", "%", Direction.HIGHER_IS_BETTER, 10.0, 20.0), List.of("a"), null))
                .goal(new Goal("g2", "Fewer absences",
                        new Indicator("absence rate", "%", Direction.LOWER_IS_BETTER, 20.0, 10.0), List.of("a"), null))
                .build();
    }

    private static Score goalScore(String strategy, String goal, double value, double low, double high) {
        return Score.builder(strategy, Dimension.IMPACT, Subject.goal(goal)).value(value)
                .interval(new Interval(low, high, 0.95)).explanation("effect on " + goal).build();
    }

    @Test
    void effectSizeHeadlinesSayWhereThePartnershipMadeADifference() {
        Score effect = goalScore(MarkdownReport.EFFECT_SIZE, "g1", 0.28, 0.19, 0.37);
        Score none = goalScore(MarkdownReport.EFFECT_SIZE, "g2", 0.01, -0.03, 0.05);
        String md = new MarkdownReport().render(evaluation(List.of(effect, none), List.of()), twoGoals());
        String headlines = headlines(md);
        assertTrue(headlines.contains("**The partnership made a measurable difference on \"More students earn "
                + "credit\"** (an improvement) against the comparison group: Hedges' g = 0.28 (95% interval 0.19 to "
                + "0.37)."), headlines);
        assertTrue(headlines.contains("**No clear difference on \"Fewer absences\"** between the partnership and "
                + "comparison groups: Hedges' g = 0.01 (95% interval -0.03 to 0.05)."), headlines);
        assertFalse(headlines.contains("measurable difference on \"Fewer absences"), headlines);
        assertFalse(headlines.contains("No clear difference on \"More students"), headlines);
        assertTrue(md.contains("| Goal | Hedges' g | Interval |"), md);
        String methods = md.substring(md.indexOf("## Methods"));
        assertTrue(methods.contains("Hedges, L. V. and Olkin, I. (1985)"), methods);
        assertFalse(methods.contains("`effect-size`: see `partnership strategies`"), methods);
    }

    @Test
    void differenceInDifferencesIsWordedInIndicatorUnitsAndWorseningIsNotAnImprovement() {
        Score did = goalScore(MarkdownReport.DIFFERENCE_IN_DIFFERENCES, "g1", 6.1, 3.2, 9.0);
        Score worse = goalScore(MarkdownReport.DIFFERENCE_IN_DIFFERENCES, "g2", -2.5, -4.0, -1.0);
        Score g2Effect = goalScore(MarkdownReport.EFFECT_SIZE, "g2", -0.02, -0.06, 0.02);
        Score thin = Score.builder(MarkdownReport.EFFECT_SIZE, Dimension.IMPACT, Subject.goal("g1"))
                .insufficient("no comparison group").build();
        String md = new MarkdownReport().render(evaluation(List.of(did, worse, g2Effect, thin), List.of()),
                twoGoals());
        assertTrue(md.contains("**The partnership made a measurable difference on \"More students earn credit\"** "
                + "(an improvement) against the comparison group: difference in differences = 6.10 percentage "
                + "points (95% interval 3.20 to 9.00)."), md);
        assertTrue(md.contains("**The partnership made a measurable difference on \"Fewer absences\"** (a change for "
                + "the worse) against the comparison group: difference in differences = -2.50 percentage points (95% "
                + "interval -4.00 to -1.00). By another measure there is no clear difference: Hedges' g = -0.02"), md);
        assertFalse(md.contains("No clear difference on"), "an insufficient score says nothing: " + md);
        assertTrue(md.contains("| Goal | Difference in differences | Interval |"), md);
        assertTrue(md.contains("Card, D. and Krueger, A. B. (1994)"), md);
    }

    @Test
    void timeSeriesAndGoalAttainmentScalingHaveHeadersAndCitations() {
        Score its = goalScore(MarkdownReport.INTERRUPTED_TIME_SERIES, "g1", 1.5, 0.5, 2.5);
        Score gas = Score.builder(MarkdownReport.GOAL_ATTAINMENT_SCALING, Dimension.IMPACT, Subject.partnership())
                .value(46.2).explanation("below expected").build();
        Score gasGoal = Score.builder(MarkdownReport.GOAL_ATTAINMENT_SCALING, Dimension.IMPACT, Subject.goal("g1"))
                .value(-1).build();
        String md = new MarkdownReport().render(evaluation(List.of(its, gas, gasGoal), List.of()), twoGoals());
        assertTrue(md.contains("| Goal | Level change | Interval |"), md);
        assertTrue(md.contains("**Whole partnership:** GAS T-score 46.20. below expected"), md);
        assertTrue(md.contains("| Goal | Attainment level (−2 to +2) | Interval |"), md);
        assertTrue(md.contains("Wagner, A. K., Soumerai, S. B., Zhang, F. and Ross-Degnan, D. (2002)"), md);
        assertTrue(md.contains("Kiresuk, T. J. and Sherman, R. E. (1968)"), md);
        assertTrue(md.contains("Turner-Stokes, L. (2009)"), md);
        assertFalse(md.contains("measurable difference") || md.contains("No clear difference"),
                "only effect-size and difference-in-differences compare groups: " + md);
    }

    // ------------------------------------------------------------------------------------------------ engagement

    private static Score participation(List<String> inactive, Double windowDays) {
        Score.Builder b = Score.builder(MarkdownReport.PARTICIPATION, Dimension.ENGAGEMENT, Subject.partnership())
                .value(0.5).normalized(0.5).interval(new Interval(0.1, 0.9, 0.95)).explanation("active share")
                .detail("inactivePartners", inactive);
        if (windowDays != null) {
            b.detail("activeWindowDays", windowDays);
        }
        return b.build();
    }

    private static Score exchange(String top, double share) {
        return Score.builder(MarkdownReport.RESOURCE_EXCHANGE, Dimension.ENGAGEMENT, Subject.partnership())
                .value(0.65).explanation("concentration").detail("topContributor", top).detail("topShare", share)
                .build();
    }

    private static final Warning SINGLE_FUNDER = new Warning(MarkdownReport.SINGLE_FUNDER_DEPENDENCE,
            MarkdownReport.RESOURCE_EXCHANGE, "one partner gives 78% of the resources");

    @Test
    void engagementHeadlinesNameTheInactivePartnerAndTheMainFunderInWords() {
        Score attendance = Score.builder(MarkdownReport.PARTICIPATION, Dimension.ENGAGEMENT, Subject.partner("a"))
                .value(0.9).normalized(0.9).interval(new Interval(0.8, 0.95, 0.95)).build();
        Score given = Score.builder(MarkdownReport.RESOURCE_EXCHANGE, Dimension.ENGAGEMENT, Subject.partner("a"))
                .value(0.78).build();
        Score equity = Score.builder(MarkdownReport.PARTICIPATION_EQUITY, Dimension.ENGAGEMENT, Subject.partner("c"))
                .value(0.2).build();
        Score cadence = Score.builder(MarkdownReport.COMMUNICATION_CADENCE, Dimension.ENGAGEMENT,
                Subject.partner("c")).value(0.7).build();
        String md = new MarkdownReport().render(evaluation(List.of(participation(List.of("c"), 90.0), attendance,
                exchange("a", 0.78), given, equity, cadence), List.of(SINGLE_FUNDER)), tiny());
        String headlines = headlines(md);
        assertTrue(headlines.contains("- **Inactive partner: Gamma College** — no activity in the last 90 days."),
                headlines);
        assertTrue(headlines.contains("- **The partnership leans on one funder: Alpha \\| &lt;b&gt;Beta&lt;/b&gt;** "
                + "gives 78% of shared resources (Herfindahl–Hirschman index 0.65)."), headlines);
        assertTrue(md.contains("| Partner | Attendance rate | Interval |"), md);
        assertTrue(md.contains("| Partner | Share of resources given |"), md);
        assertTrue(md.contains("| Partner | Inequality of participation (Gini) |"), md);
        assertTrue(md.contains("| Partner | Meeting regularity |"), md);
        String methods = md.substring(md.indexOf("## Methods"));
        for (String cited : List.of("Wilson, E. B. (1927)", "Newcombe, R. G. (1998)", "Gini, C. (1912)",
                "Theil, H. (1967)", "Herfindahl–Hirschman index", "coefficient of variation")) {
            assertTrue(methods.contains(cited), cited + " in " + methods);
        }
        for (String id : List.of(MarkdownReport.PARTICIPATION, MarkdownReport.PARTICIPATION_EQUITY,
                MarkdownReport.RESOURCE_EXCHANGE, MarkdownReport.COMMUNICATION_CADENCE)) {
            assertTrue(methods.contains("- **Engagement** (`" + id + "`): "), id);
            assertFalse(methods.contains("`" + id + "`: see `partnership strategies`"), id);
        }
    }

    @Test
    void severalInactivePartnersAreListedAndAMissingWindowIsNotInvented() {
        String md = new MarkdownReport().render(evaluation(List.of(participation(List.of("a", "c"), null)),
                List.of()), tiny());
        assertTrue(md.contains("- **Inactive partners: Alpha \\| &lt;b&gt;Beta&lt;/b&gt;, Gamma College** — no "
                + "activity in recent months."), md);
        assertFalse(md.contains("days."), md);
    }

    @Test
    void noEngagementHeadlinesWithoutTheirEvidence() {
        Score thin = Score.builder(MarkdownReport.PARTICIPATION, Dimension.ENGAGEMENT, Subject.partnership())
                .insufficient("no signals").build();
        // everyone active, a top contributor but no dependence warning, and a warning of another strategy
        Warning other = new Warning(MarkdownReport.SINGLE_FUNDER_DEPENDENCE, "someone-else", "not ours");
        for (List<Score> scores : List.of(List.of(thin), List.of(participation(List.of(), 90.0), exchange("a", 0.4)))) {
            String md = new MarkdownReport().render(evaluation(scores, List.of(other)), tiny());
            assertFalse(md.contains("Inactive partner"), md);
            assertFalse(md.contains("leans on one funder"), md);
        }
    }

    @Test
    void dependenceWarningWithoutDetailsFallsBackToItsMessage() {
        String md = new MarkdownReport().render(evaluation(List.of(participation(List.of(), 90.0)),
                List.of(SINGLE_FUNDER)), tiny());
        assertTrue(md.contains("- **The partnership leans on one funder:** one partner gives 78% of the resources"),
                md);
    }

    /**
     * Planted truths (d) and (e) in words: the sample report names the inactive partner and the main funder.
     * Skipped, naming the strategy, while participation or resource-exchange is not on the class path.
     */
    @Test
    void sampleReportNamesTheInactivePartnerAndTheMainFunder() {
        assumeAvailable(MarkdownReport.PARTICIPATION, MarkdownReport.RESOURCE_EXCHANGE);
        String headlines = headlines(SAMPLE_REPORT);
        String inactive = line(headlines, "**Inactive partner");
        assertTrue(inactive.contains("Bridges Mentoring Alliance") && inactive.contains("no activity in the last"),
                inactive);
        assertFalse(inactive.contains("Keystone"), inactive);
        String funder = line(headlines, "**The partnership leans on one funder: Mercy Valley Health**");
        assertTrue(funder.matches(".* gives [0-9]+% of shared resources.*"), funder);
    }
}
