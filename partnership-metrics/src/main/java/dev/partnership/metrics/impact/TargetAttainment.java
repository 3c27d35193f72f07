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
import dev.partnership.metrics.stats.Bootstrap;
import dev.partnership.metrics.stats.ExplanationNumbers;
import dev.partnership.metrics.stats.UnitInterval;
import dev.partnership.spi.EvidenceIndex;
import dev.partnership.spi.ScoringContext;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.StrategyResult;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Impact as progress from each goal's baseline toward its target, against the progress expected by now; strategy
 * id {@value #ID}.
 *
 * <p><b>Per goal</b> ({@code Subject.goal}). The goal needs an indicator with a baseline b and a target t, with
 * t ≠ b on the improving side of b for the indicator's direction; otherwise the score is
 * {@code INSUFFICIENT_EVIDENCE} with warning {@code GOAL_DEFINITION}. The current value c is the mean of the
 * latest {@code PARTNERSHIP}-group measurement at or before asOf (several at that instant: the one with most
 * units, then the smallest standard error, then the smallest mean, with warning {@code EXCLUDED_INPUT}); without
 * one the score is {@code INSUFFICIENT_EVIDENCE} with warning {@code INSUFFICIENT_EVIDENCE}. Every goal is
 * reported.
 * <ul>
 *   <li>{@code progress = (c − b) / (t − b)}: 0 at the baseline, 1 at the target, negative when the indicator got
 *       worse, above 1 past the target; direction-aware by construction since t − b carries the direction.</li>
 *   <li>Interval, detail {@code intervalMethod}: when the measurement has at least two unit-level values,
 *       {@code "bootstrap-bca"}: the BCa bootstrap interval (Efron 1987; {@link Bootstrap#bca}) of the mean of the
 *       values, {@code bootstrapResamples} resamples (default {@value #DEFAULT_BOOTSTRAP_RESAMPLES}), seed
 *       {@code context.seedFor("target-attainment")}, mapped to progress by {@code (x − b)/(t − b)} (bounds swapped
 *       when t &lt; b); it is the interval of the values' mean, so it may sit off a declared {@code mean} that
 *       disagrees with the values. Otherwise {@code "standard-error"}: {@code progress ± z · se / |t − b|} with
 *       {@code se = Measurement#standardError()} and z the normal quantile of the evaluation's level; none when the
 *       standard error is unknown (detail {@code intervalNote}).</li>
 *   <li>{@code expectedProgress = clamp((asOf − start) / (deadline − start), 0, 1)} with the partnership's start:
 *       linear progress over the goal's time; absent (detail {@code expectedProgressNote}) when the goal has no
 *       deadline or its deadline is not after the start. Then {@code gap = progress − expectedProgress} and
 *       {@code onTrack = progress ≥ expectedProgress}.</li>
 *   <li>A deadline before asOf with progress &lt; 1 raises warning {@code PAST_DEADLINE}.</li>
 *   <li>{@code value = progress}; {@code normalized = clamp(progress, 0, 1)} with the interval clipped likewise.</li>
 * </ul>
 *
 * <p><b>Partnership.</b> The weighted mean of the scored goals' progress with weights {@link Goal#weight()}:
 * {@code P = Σ w p / Σ w}, {@code se = sqrt(Σ w² se_p²) / Σ w} with {@code se_p = se / |t − b|} from
 * {@link Measurement#standardError()} whichever interval the goal reports (goals taken as independent) and interval
 * {@code P ± z se}, none when any contributing goal has none; the weighted expected progress when every
 * contributing goal has one. No scored goal gives {@code INSUFFICIENT_EVIDENCE}.
 *
 * <p>Scores come in the order partnership, then goals by id. Cost O(G + M + B·V) for G goals, M measurements and
 * B resamples of the V unit values of the goals' latest measurements. Immutable and thread-safe;
 * {@link #withBootstrapResamples(int)} returns a copy.
 */
public final class TargetAttainment implements ScoringStrategy {
    /** The strategy id. */
    public static final String ID = "target-attainment";
    /** Default number of bootstrap resamples for goals measured with unit-level values. */
    public static final int DEFAULT_BOOTSTRAP_RESAMPLES = Bootstrap.DEFAULT_RESAMPLES;
    /** Fewest bootstrap resamples accepted. */
    public static final int MIN_BOOTSTRAP_RESAMPLES = 100;
    /** Most bootstrap resamples accepted. */
    public static final int MAX_BOOTSTRAP_RESAMPLES = 100_000;
    /** Detail value of {@code intervalMethod} for a BCa bootstrap interval of the unit values' mean. */
    public static final String INTERVAL_BOOTSTRAP_BCA = "bootstrap-bca";
    /** Detail value of {@code intervalMethod} for a normal interval from the standard error. */
    public static final String INTERVAL_STANDARD_ERROR = "standard-error";

    private final Bootstrap bootstrap;

    /** Creates the strategy with {@value #DEFAULT_BOOTSTRAP_RESAMPLES} bootstrap resamples. */
    public TargetAttainment() {
        this(DEFAULT_BOOTSTRAP_RESAMPLES);
    }

    /**
     * Creates the strategy.
     *
     * @param bootstrapResamples resamples of a measurement's unit values, in [{@value #MIN_BOOTSTRAP_RESAMPLES},
     *                           {@value #MAX_BOOTSTRAP_RESAMPLES}]
     * @throws IllegalArgumentException when the count is out of range
     */
    public TargetAttainment(int bootstrapResamples) {
        if (bootstrapResamples < MIN_BOOTSTRAP_RESAMPLES || bootstrapResamples > MAX_BOOTSTRAP_RESAMPLES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "bootstrapResamples must lie in [%d, %d], was %d", MIN_BOOTSTRAP_RESAMPLES,
                    MAX_BOOTSTRAP_RESAMPLES, bootstrapResamples));
        }
        this.bootstrap = new Bootstrap(bootstrapResamples);
    }

    /**
     * Returns the number of bootstrap resamples.
     *
     * @return resamples
     */
    public int bootstrapResamples() {
        return bootstrap.resamples();
    }

    /**
     * Returns a copy with another number of bootstrap resamples.
     *
     * @param count resamples
     * @return the copy
     */
    public TargetAttainment withBootstrapResamples(int count) {
        return new TargetAttainment(count);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.IMPACT;
    }

    /** What one goal contributes to the partnership score. */
    private record Attainment(String goal, double weight, double progress, double se, double expected) {
    }

    /** A goal's score and, when it has a value, its contribution. */
    private record GoalResult(Score score, Attainment attainment) {
    }

    /**
     * Scores every goal and the partnership, as described in the class documentation.
     *
     * @param context the evidence and evaluation settings
     * @return the scores, and warnings for goals that could not be scored or are past their deadline
     */
    @Override
    public StrategyResult score(ScoringContext context) {
        EvidenceIndex ev = context.evidence();
        double z = context.z();
        List<Score> goalScores = new ArrayList<>();
        List<Attainment> attained = new ArrayList<>();
        List<String> notScored = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        for (int gi = 0; gi < ev.goalCount(); gi++) {
            Goal goal = ev.goal(gi);
            GoalResult result = goalScore(bootstrap, goal, ev.measurements(gi), context, z, warnings);
            goalScores.add(result.score());
            if (result.attainment() != null) {
                attained.add(result.attainment());
            } else {
                notScored.add(goal.id());
            }
        }
        List<Score> scores = new ArrayList<>(goalScores.size() + 1);
        scores.add(partnershipScore(attained, notScored, goalScores.size(), context, z, warnings));
        scores.addAll(goalScores);
        return new StrategyResult(scores, warnings);
    }

    private static GoalResult goalScore(Bootstrap bootstrap, Goal goal, List<Measurement> measurements,
                                        ScoringContext context,
                                        double z, List<Warning> warnings) {
        String id = goal.id();
        Score.Builder b = Score.builder(ID, Dimension.IMPACT, Subject.goal(id)).detail("weight", goal.weight());
        Indicator ind = goal.indicator();
        String problem = definitionProblem(goal);
        if (problem != null) {
            warnings.add(new Warning(Warning.GOAL_DEFINITION, ID, problem));
            return new GoalResult(b.insufficient(problem).explanation(problem).build(), null);
        }
        double baseline = ind.baseline();
        double target = ind.target();
        b.detail("direction", ind.direction().name()).detail("baseline", baseline).detail("target", target);

        Measurement current = MeasurementChoice.latest(ID, id, measurements, MeasurementGroup.PARTNERSHIP, m -> true,
                warnings);
        if (current == null) {
            String reason = String.format(Locale.ROOT,
                    "Goal %s has no measurement of its partnership group at or before %s, so its progress is unknown.",
                    id, date(context.asOf()));
            warnings.add(new Warning(Warning.INSUFFICIENT_EVIDENCE, ID, reason));
            return new GoalResult(b.insufficient(reason).explanation(reason).build(), null);
        }

        double span = target - baseline;
        double progress = (current.mean() - baseline) / span;
        if (!Double.isFinite(progress)) {
            // Values near 1e300 over a span near 1e-300 (or a span that itself overflows): no number represents it.
            String reason = String.format(Locale.ROOT, "Goal %s: the distance of its latest measurement from the "
                    + "baseline is too large relative to the distance from baseline to target for its progress to be "
                    + "represented as a number.", id);
            warnings.add(new Warning(Warning.INSUFFICIENT_EVIDENCE, ID, reason));
            return new GoalResult(b.insufficient(reason).explanation(reason).build(), null);
        }
        double se = current.standardError();
        double progressSe = Double.isNaN(se) ? Double.NaN : se / Math.abs(span);
        if (!Double.isFinite(progress + z * progressSe) || !Double.isFinite(progress - z * progressSe)) {
            // An interval beyond the double range says nothing; report the progress without one.
            progressSe = Double.NaN;
        }
        b.value(progress).normalized(UnitInterval.clamp(progress))
                .detail("current", current.mean()).detail("currentAt", current.at().toString())
                .detail("progress", progress);
        if (current.count() > 0) {
            b.n(current.count());
        }
        Interval bootstrapped = bootstrapInterval(bootstrap, current, baseline, span, context);
        if (bootstrapped != null) {
            b.interval(bootstrapped).normalizedInterval(UnitInterval.clip(bootstrapped))
                    .detail("intervalMethod", INTERVAL_BOOTSTRAP_BCA)
                    .detail("bootstrapResamples", bootstrap.resamples());
            if (!Double.isNaN(se)) {
                b.detail("standardError", se);
            }
        } else if (Double.isNaN(progressSe)) {
            b.detail("intervalNote", "the latest measurement has no standard error (no se, no sd with n, and fewer "
                    + "than two values), so progress has no interval");
        } else {
            double half = z * progressSe;
            Interval interval = new Interval(progress - half, progress + half, context.confidenceLevel());
            b.interval(interval).normalizedInterval(UnitInterval.clip(interval)).detail("standardError", se)
                    .detail("intervalMethod", INTERVAL_STANDARD_ERROR);
        }

        double expected = expectedProgress(goal, context, b);
        String schedule;
        if (Double.isNaN(expected)) {
            schedule = goal.deadline() == null ? "; it has no deadline to compare against"
                    : "; its deadline is not after the partnership's start, so no progress is expected by a date";
        } else {
            boolean onTrack = progress >= expected;
            b.detail("expectedProgress", expected).detail("gap", progress - expected).detail("onTrack", onTrack);
            schedule = String.format(Locale.ROOT, ", against %s expected by now, so it is %s",
                    ExplanationNumbers.percent(expected), onTrack ? "on track" : "behind schedule");
        }
        Instant deadline = goal.deadline();
        if (deadline != null) {
            b.detail("deadline", deadline.toString());
            if (context.asOf().isAfter(deadline) && progress < 1) {
                b.detail("pastDeadline", true);
                warnings.add(new Warning(Warning.PAST_DEADLINE, ID, String.format(Locale.ROOT,
                        "goal %s passed its deadline %s having covered %s of the way to its target",
                        id, date(deadline), ExplanationNumbers.percent(progress))));
            }
        }
        b.explanation(String.format(Locale.ROOT,
                "Goal %s has covered %s of the way from its baseline %s to its target %s (latest value %s on %s)%s.",
                id, ExplanationNumbers.percent(progress), ExplanationNumbers.plain(baseline),
                ExplanationNumbers.plain(target), ExplanationNumbers.plain(current.mean()), date(current.at()),
                schedule));
        return new GoalResult(b.build(), new Attainment(id, goal.weight(), progress, progressSe, expected));
    }

    /**
     * Returns the BCa bootstrap interval of the mean of the measurement's unit values mapped to progress, or
     * {@code null} when there are fewer than two values or the bootstrap gives no interval.
     */
    private static Interval bootstrapInterval(Bootstrap bootstrap, Measurement current, double baseline, double span,
                                              ScoringContext context) {
        List<Double> values = current.values();
        if (values.size() < 2) {
            return null;
        }
        double[] x = new double[values.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = values.get(i);
        }
        Bootstrap.Result result = bootstrap.bca(x.length, sample -> {
            double sum = 0;
            for (int i : sample) {
                sum += x[i];
            }
            return sum / sample.length;
        }, context.confidenceLevel(), context.seedFor(ID));
        Interval mean = result.interval();
        if (mean == null) {
            return null;
        }
        double a = (mean.low() - baseline) / span;
        double c = (mean.high() - baseline) / span;
        if (!Double.isFinite(a) || !Double.isFinite(c)) {
            return null;
        }
        return new Interval(Math.min(a, c), Math.max(a, c), mean.level());
    }

    /** Returns why the goal's definition does not allow a progress score, or {@code null} when it does. */
    private static String definitionProblem(Goal goal) {
        Indicator ind = goal.indicator();
        if (ind == null) {
            return "Goal " + goal.id() + " has no indicator, so its progress cannot be measured.";
        }
        if (ind.baseline() == null || ind.target() == null) {
            return String.format(Locale.ROOT, "Goal %s has no %s, so its progress cannot be measured.", goal.id(),
                    ind.baseline() == null && ind.target() == null ? "baseline or target"
                            : ind.baseline() == null ? "baseline" : "target");
        }
        double baseline = ind.baseline();
        double target = ind.target();
        if (target == baseline) {
            return String.format(Locale.ROOT, "Goal %s has a target equal to its baseline (%s), so there is no "
                    + "distance to cover.", goal.id(), ExplanationNumbers.plain(baseline));
        }
        if (ind.direction().sign() * (target - baseline) < 0) {
            return String.format(Locale.ROOT, "Goal %s aims for %s from a baseline of %s although %s, so its target "
                            + "is on the worsening side.", goal.id(), ExplanationNumbers.plain(target),
                    ExplanationNumbers.plain(baseline), ind.direction() == Direction.HIGHER_IS_BETTER
                            ? "higher is better" : "lower is better");
        }
        return null;
    }

    /** Returns the expected progress by asOf, or NaN with a note in the details when it is undefined. */
    private static double expectedProgress(Goal goal, ScoringContext context, Score.Builder b) {
        Instant start = context.partnership().start();
        Instant deadline = goal.deadline();
        if (deadline == null) {
            b.detail("expectedProgressNote", "the goal has no deadline, so no progress is expected by a date");
            return Double.NaN;
        }
        if (!deadline.isAfter(start)) {
            b.detail("expectedProgressNote", String.format(Locale.ROOT,
                    "the deadline %s is not after the partnership's start %s", deadline, start));
            return Double.NaN;
        }
        double elapsed = context.asOf().toEpochMilli() - start.toEpochMilli();
        double total = deadline.toEpochMilli() - start.toEpochMilli();
        return UnitInterval.clamp(elapsed / total);
    }

    private static Score partnershipScore(List<Attainment> attained, List<String> notScored, int goals,
                                          ScoringContext context, double z, List<Warning> warnings) {
        Score.Builder b = Score.builder(ID, Dimension.IMPACT, Subject.partnership())
                .detail("goals", goals).detail("goalsScored", attained.size()).detail("goalsNotScored", notScored);
        if (attained.isEmpty()) {
            String reason = goals == 0 ? "The partnership has no goals, so there is no progress to measure."
                    : String.format(Locale.ROOT, "None of the %d goals has both a complete definition (baseline and "
                    + "target) and a measurement, so overall progress is unknown.", goals);
            warnings.add(new Warning(Warning.INSUFFICIENT_EVIDENCE, ID, "partnership progress: " + reason));
            return b.insufficient(reason).explanation(reason).build();
        }
        // Weights enter as ratios only; scaling them by a power of two near the largest's reciprocal keeps weights
        // near 1e300 or 1e-300 from overflowing or vanishing below, and is exact, so ordinary results are unchanged.
        double largest = 0;
        for (Attainment a : attained) {
            largest = Math.max(largest, a.weight());
        }
        double scale = Math.scalb(1.0, -Math.getExponent(largest));
        double weightSum = 0;
        double weighted = 0;
        double variance = 0;
        double expectedWeighted = 0;
        List<String> withoutSe = new ArrayList<>();
        List<String> withoutExpected = new ArrayList<>();
        for (Attainment a : attained) {
            double w = a.weight() * scale;
            weightSum += w;
            weighted += w * a.progress();
            if (Double.isNaN(a.se())) {
                withoutSe.add(a.goal());
            } else {
                variance += w * w * a.se() * a.se();
            }
            if (Double.isNaN(a.expected())) {
                withoutExpected.add(a.goal());
            } else {
                expectedWeighted += w * a.expected();
            }
        }
        double progress = weighted / weightSum;
        if (!Double.isFinite(progress)) {
            String reason = "The weighted progress of the goals exceeds the range of a double, so overall progress "
                    + "cannot be represented as a number.";
            warnings.add(new Warning(Warning.INSUFFICIENT_EVIDENCE, ID, "partnership progress: " + reason));
            return b.insufficient(reason).explanation(reason).build();
        }
        b.value(progress).normalized(UnitInterval.clamp(progress)).n(attained.size())
                .detail("weightTotal", Math.min(Double.MAX_VALUE, weightSum / scale)).detail("progress", progress);
        String intervalText = "";
        if (withoutSe.isEmpty()) {
            double se = Math.sqrt(variance) / weightSum;
            if (!Double.isFinite(progress - z * se) || !Double.isFinite(progress + z * se)) {
                // Standard errors near 1e300 square to infinity: report the progress without an interval.
                withoutSe.add("(standard error beyond the double range)");
            }
        }
        if (withoutSe.isEmpty()) {
            double se = Math.sqrt(variance) / weightSum;
            Interval interval = new Interval(progress - z * se, progress + z * se, context.confidenceLevel());
            b.interval(interval).normalizedInterval(UnitInterval.clip(interval)).detail("standardError", se);
            intervalText = String.format(Locale.ROOT, " (%s interval %s to %s)",
                    ExplanationNumbers.level(context.confidenceLevel()), ExplanationNumbers.percent(interval.low()),
                    ExplanationNumbers.percent(interval.high()));
        } else {
            b.detail("intervalNote", "no interval: goal" + (withoutSe.size() == 1 ? " " : "s ")
                    + String.join(", ", withoutSe) + (withoutSe.size() == 1 ? " lacks" : " lack") + " a standard error");
        }
        String schedule;
        if (withoutExpected.isEmpty()) {
            double expected = expectedWeighted / weightSum;
            boolean onTrack = progress >= expected;
            b.detail("expectedProgress", expected).detail("gap", progress - expected).detail("onTrack", onTrack);
            schedule = String.format(Locale.ROOT, ", against %s expected by now, so it is %s",
                    ExplanationNumbers.percent(expected), onTrack ? "on track" : "behind schedule");
        } else {
            b.detail("expectedProgressNote", "no expected progress: goal" + (withoutExpected.size() == 1 ? " " : "s ")
                    + String.join(", ", withoutExpected) + (withoutExpected.size() == 1 ? " lacks" : " lack")
                    + " a usable deadline");
            schedule = "";
        }
        b.explanation(String.format(Locale.ROOT,
                "Across %d measured goal%s weighted by importance, the partnership has covered %s of the way from "
                        + "baselines to targets%s%s.",
                attained.size(), attained.size() == 1 ? "" : "s", ExplanationNumbers.percent(progress), intervalText,
                schedule));
        return b.build();
    }

    private static String date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}
