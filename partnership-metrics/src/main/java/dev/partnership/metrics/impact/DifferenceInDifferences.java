package dev.partnership.metrics.impact;

import dev.partnership.Dimension;
import dev.partnership.Direction;
import dev.partnership.Goal;
import dev.partnership.Indicator;
import dev.partnership.Interval;
import dev.partnership.Measurement;
import dev.partnership.MeasurementGroup;
import dev.partnership.Score;
import dev.partnership.Subject;
import dev.partnership.Warning;
import dev.partnership.metrics.stats.ExplanationNumbers;
import dev.partnership.spi.EvidenceIndex;
import dev.partnership.spi.ScoringContext;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.StrategyResult;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Impact as the change of the partnership group beyond the change of a comparison group over the same time: the
 * difference-in-differences estimator; strategy id {@value #ID}. Source: Card, D. &amp; Krueger, A. B. (1994),
 * "Minimum wages and employment: a case study of the fast-food industry in New Jersey and Pennsylvania",
 * <i>American Economic Review</i> 84(4):772–793, Table 3.
 *
 * <p><b>Per goal</b> ({@code Subject.goal}), for every goal with an indicator. For each group G of
 * {@code PARTNERSHIP} (P) and {@code COMPARISON} (C): {@code pre_G} is the latest measurement strictly before the
 * partnership's start and {@code post_G} the latest at or after the start and at or before asOf (several at one
 * instant: the one with most units, then the smallest standard error, then the smallest mean, with warning
 * {@code EXCLUDED_INPUT}). Without all four the score is {@code INSUFFICIENT_EVIDENCE} with a reason and a
 * warning; a goal without an indicator gives {@code INSUFFICIENT_EVIDENCE} with warning {@code GOAL_DEFINITION}.
 * <ul>
 *   <li>{@code Δ_G = mean(post_G) − mean(pre_G)}; {@code DiD = s · (Δ_P − Δ_C)} with {@code s = +1} for
 *       {@link Direction#HIGHER_IS_BETTER} and {@code −1} for {@link Direction#LOWER_IS_BETTER}, so a positive value
 *       always means the partnership group improved more than the comparison group, in indicator units.</li>
 *   <li>Standard error of {@code Δ_G}: independent samples {@code sqrt(se²_post + se²_pre)} with
 *       {@link Measurement#standardError()}; <b>paired (panel)</b> when both measurements carry unit-level values of
 *       the same count n ≥ 2, taking values at the same position as the same unit:
 *       {@code sd(post_i − pre_i) / √n}. {@code se(DiD) = sqrt(se²(Δ_P) + se²(Δ_C))} (groups independent); with
 *       independent samples throughout this is {@code sqrt(se²_Ppost + se²_Ppre + se²_Cpost + se²_Cpre)}.</li>
 *   <li>Interval {@code DiD ± z · se(DiD)}, z the normal quantile of the evaluation's level; none (detail
 *       {@code intervalNote}) when a standard error is unknown.</li>
 *   <li>Parallel-trends check, when each group has at least two pre-start measurements at two or more distinct
 *       times: least-squares slopes b_P, b_C of the pre-start means on time in years (365.25 days). With at least
 *       three points in each group, warning {@value #PARALLEL_TRENDS} when
 *       {@code |b_P − b_C| > } {@value #DEFAULT_TREND_TOLERANCE} {@code · sqrt(se²(b_P) + se²(b_C))}; when a
 *       group has exactly two points (no slope standard error) the warning is raised when {@code |b_P − b_C|}, the
 *       gap in drift accumulated over one year, exceeds {@code se(DiD)} (not checked when that is unknown).</li>
 *   <li>{@code value = DiD}; {@code normalized} is left unset: an effect in indicator units has no natural map
 *       to [0, 1] (effect-size and target-attainment give the normalized views).</li>
 * </ul>
 *
 * <p><b>Partnership.</b> No partnership-subject score is produced: the summary of impact is left to
 * {@code effect-size} and {@code target-attainment}, and averaging effects in different units would mean nothing.
 *
 * <p>Scores come in goal id order. Cost O(G + M) for G goals and M measurements (plus O(v) for unit values).
 * Immutable, stateless and thread-safe.
 */
public final class DifferenceInDifferences implements ScoringStrategy {
    /** The strategy id. */
    public static final String ID = "difference-in-differences";

    /** Warning code: the pre-start trends of the two groups differ, so the parallel-trends assumption is doubtful. */
    public static final String PARALLEL_TRENDS = "PARALLEL_TRENDS";

    /** Number of combined slope standard errors beyond which pre-start trends count as diverging. */
    public static final double DEFAULT_TREND_TOLERANCE = 2.0;

    private static final double MILLIS_PER_YEAR = 365.25 * 86_400_000.0;

    /** Creates the strategy; it has no parameters. */
    public DifferenceInDifferences() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.IMPACT;
    }

    /** One group's change from pre to post. */
    private record Change(Measurement pre, Measurement post, double change, double se, boolean paired) {
    }

    /** A least-squares slope in units per year; {@code se} is NaN with fewer than three points. */
    private record Trend(double slope, double se, int points) {
    }

    /**
     * Scores every goal, as described in the class documentation.
     *
     * @param context the evidence and evaluation settings
     * @return one score per goal, and warnings for goals not scored or with diverging pre-start trends
     */
    @Override
    public StrategyResult score(ScoringContext context) {
        EvidenceIndex ev = context.evidence();
        List<Score> scores = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        for (int gi = 0; gi < ev.goalCount(); gi++) {
            scores.add(goalScore(ev.goal(gi), ev.measurements(gi), context, warnings));
        }
        return new StrategyResult(scores, warnings);
    }

    private static Score goalScore(Goal goal, List<Measurement> measurements, ScoringContext context,
                                   List<Warning> warnings) {
        String id = goal.id();
        Score.Builder b = Score.builder(ID, Dimension.IMPACT, Subject.goal(id));
        Indicator ind = goal.indicator();
        if (ind == null) {
            String reason = "Goal " + id + " has no indicator, so there is nothing to compare before and after.";
            warnings.add(new Warning(Warning.GOAL_DEFINITION, ID, reason));
            return b.insufficient(reason).explanation(reason).build();
        }
        Instant start = context.partnership().start();
        Predicate<Measurement> before = m -> m.at().isBefore(start);
        Predicate<Measurement> after = m -> !m.at().isBefore(start);
        Measurement preP = MeasurementChoice.latest(ID, id, measurements, MeasurementGroup.PARTNERSHIP, before, warnings);
        Measurement postP = MeasurementChoice.latest(ID, id, measurements, MeasurementGroup.PARTNERSHIP, after, warnings);
        Measurement preC = MeasurementChoice.latest(ID, id, measurements, MeasurementGroup.COMPARISON, before, warnings);
        Measurement postC = MeasurementChoice.latest(ID, id, measurements, MeasurementGroup.COMPARISON, after, warnings);
        List<String> missing = new ArrayList<>();
        if (preP == null) {
            missing.add("a partnership-group measurement before the start");
        }
        if (postP == null) {
            missing.add("a partnership-group measurement since the start");
        }
        if (preC == null) {
            missing.add("a comparison-group measurement before the start");
        }
        if (postC == null) {
            missing.add("a comparison-group measurement since the start");
        }
        if (!missing.isEmpty()) {
            String reason = String.format(Locale.ROOT,
                    "Goal %s lacks %s (start %s, as of %s), so its difference-in-differences is unknown.",
                    id, String.join(" and ", missing), date(start), date(context.asOf()));
            warnings.add(new Warning(Warning.INSUFFICIENT_EVIDENCE, ID, reason));
            return b.insufficient(reason).explanation(reason).build();
        }
        int sign = ind.direction().sign();
        Change p = change(preP, postP);
        Change c = change(preC, postC);
        double raw = p.change() - c.change();
        double did = sign * raw;
        double se = Math.sqrt(p.se() * p.se() + c.se() * c.se());
        b.value(did).detail("direction", ind.direction().name()).detail("rawDifference", raw)
                .detail("partnership", groupDetails(p)).detail("comparison", groupDetails(c))
                .detail("changePartnership", p.change()).detail("changeComparison", c.change())
                .detail("method", "difference-in-differences of the latest means before the start and since it; "
                        + "group changes " + (p.paired() ? "paired" : "independent") + " (partnership), "
                        + (c.paired() ? "paired" : "independent") + " (comparison)");
        String intervalText;
        if (Double.isNaN(se)) {
            b.detail("intervalNote", "a measurement lacks a standard error (no se, no sd with n, fewer than two "
                    + "values), so the difference has no interval");
            intervalText = "";
        } else {
            double half = context.z() * se;
            Interval interval = new Interval(did - half, did + half, context.confidenceLevel());
            b.interval(interval).detail("standardError", se);
            intervalText = String.format(Locale.ROOT, " (%s interval %s to %s)",
                    ExplanationNumbers.level(context.confidenceLevel()), ExplanationNumbers.plain(interval.low()),
                    ExplanationNumbers.plain(interval.high()));
        }
        parallelTrends(id, measurements, start, se, b, warnings);
        b.explanation(String.format(Locale.ROOT,
                "On goal %s the partnership group went from %s to %s and the comparison group from %s to %s; the "
                        + "partnership group %s by %s %s more than the comparison group%s (positive means "
                        + "improvement; %s).",
                id, ExplanationNumbers.plain(preP.mean()), ExplanationNumbers.plain(postP.mean()),
                ExplanationNumbers.plain(preC.mean()), ExplanationNumbers.plain(postC.mean()),
                did >= 0 ? "improved" : "worsened", ExplanationNumbers.plain(Math.abs(did)),
                ind.unit() == null ? "units" : ind.unit(), intervalText,
                ind.direction() == Direction.HIGHER_IS_BETTER ? "higher is better" : "lower is better, so the sign "
                        + "of the raw difference is flipped"));
        return b.build();
    }

    /** Returns one group's change, paired when both measurements hold equally many unit values (n ≥ 2). */
    private static Change change(Measurement pre, Measurement post) {
        double delta = post.mean() - pre.mean();
        int n = pre.values().size();
        if (n >= 2 && post.values().size() == n) {
            double mean = 0;
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = post.values().get(i) - pre.values().get(i);
                mean += d[i];
            }
            mean /= n;
            double ss = 0;
            for (double v : d) {
                ss += (v - mean) * (v - mean);
            }
            return new Change(pre, post, delta, Math.sqrt(ss / (n - 1)) / Math.sqrt(n), true);
        }
        double sePre = pre.standardError();
        double sePost = post.standardError();
        return new Change(pre, post, delta, Math.sqrt(sePre * sePre + sePost * sePost), false);
    }

    private static Map<String, Object> groupDetails(Change c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("preMean", c.pre().mean());
        m.put("preAt", c.pre().at().toString());
        m.put("postMean", c.post().mean());
        m.put("postAt", c.post().at().toString());
        m.put("change", c.change());
        if (!Double.isNaN(c.se())) {
            m.put("standardError", c.se());
        }
        m.put("paired", c.paired());
        return m;
    }

    /** Compares the groups' pre-start slopes and records the outcome in details and warnings. */
    private static void parallelTrends(String goal, List<Measurement> measurements, Instant start, double didSe,
                                       Score.Builder b, List<Warning> warnings) {
        Trend p = preTrend(measurements, MeasurementGroup.PARTNERSHIP, start);
        Trend c = preTrend(measurements, MeasurementGroup.COMPARISON, start);
        if (p == null || c == null) {
            b.detail("parallelTrends", "not checked: each group needs two or more measurements before the start "
                    + "at distinct times");
            return;
        }
        double gap = Math.abs(p.slope() - c.slope());
        b.detail("preSlopePartnership", p.slope()).detail("preSlopeComparison", c.slope());
        double threshold;
        String rule;
        if (p.points() >= 3 && c.points() >= 3) {
            threshold = DEFAULT_TREND_TOLERANCE * Math.sqrt(p.se() * p.se() + c.se() * c.se());
            b.detail("preSlopeStandardErrorPartnership", p.se()).detail("preSlopeStandardErrorComparison", c.se());
            rule = "slopes differ by more than 2 combined standard errors";
        } else if (!Double.isNaN(didSe)) {
            threshold = didSe;
            rule = "with two points in a group, slopes (per year) differ by more than the DiD standard error";
        } else {
            b.detail("parallelTrends", "not checked: two points in a group and no DiD standard error");
            return;
        }
        boolean diverging = gap > threshold;
        b.detail("parallelTrends", diverging ? "diverging" : "consistent").detail("parallelTrendsRule", rule);
        if (diverging) {
            warnings.add(new Warning(PARALLEL_TRENDS, ID, String.format(Locale.ROOT,
                    "goal %s: before the start the partnership group moved %s per year and the comparison group %s "
                            + "per year (rule: %s), so the groups may not share a trend",
                    goal, ExplanationNumbers.plain(p.slope()), ExplanationNumbers.plain(c.slope()), rule)));
        }
    }

    /**
     * Fits a least-squares line to a group's measurements before the start, time in years since the start: the
     * slope and, with three or more points, its standard error {@code sqrt(SSE / (n − 2) / Sxx)}; NaN with two.
     * Returns {@code null} with fewer than two measurements at distinct times.
     */
    private static Trend preTrend(List<Measurement> measurements, MeasurementGroup group, Instant start) {
        List<double[]> points = new ArrayList<>();
        for (Measurement m : measurements) {
            if (m.group() == group && m.at().isBefore(start)) {
                points.add(new double[] {(m.at().toEpochMilli() - start.toEpochMilli()) / MILLIS_PER_YEAR, m.mean()});
            }
        }
        int n = points.size();
        if (n < 2) {
            return null;
        }
        double mx = 0;
        double my = 0;
        for (double[] pt : points) {
            mx += pt[0];
            my += pt[1];
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        for (double[] pt : points) {
            sxx += (pt[0] - mx) * (pt[0] - mx);
            sxy += (pt[0] - mx) * (pt[1] - my);
        }
        if (!(sxx > 0)) {
            return null;
        }
        double slope = sxy / sxx;
        double se = Double.NaN;
        if (n >= 3) {
            double sse = 0;
            for (double[] pt : points) {
                double e = pt[1] - my - slope * (pt[0] - mx);
                sse += e * e;
            }
            se = Math.sqrt(sse / (n - 2) / sxx);
        }
        return new Trend(slope, se, n);
    }

    private static String date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}
