package dev.partnership.metrics.impact;

import dev.partnership.Dimension;
import dev.partnership.Direction;
import dev.partnership.Goal;
import dev.partnership.Interval;
import dev.partnership.Measurement;
import dev.partnership.MeasurementGroup;
import dev.partnership.Score;
import dev.partnership.Subject;
import dev.partnership.Warning;
import dev.partnership.metrics.stats.ExplanationNumbers;
import dev.partnership.metrics.stats.Quantile;
import dev.partnership.spi.EvidenceIndex;
import dev.partnership.spi.ScoringContext;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.StrategyResult;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Impact as a Goal Attainment Scaling T-score; strategy id {@value #ID}.
 *
 * <p><b>Source.</b> Kiresuk, T. J. and Sherman, R. E. (1968), "Goal attainment scaling: a general method for
 * evaluating comprehensive community mental health programs", <i>Community Mental Health Journal</i> 4:443–453,
 * with the corrected formula of Turner-Stokes, L. (2009), "Goal attainment scaling (GAS) in rehabilitation: a
 * practical guide", <i>Clinical Rehabilitation</i> 23:362–370 (and its erratum):
 * <pre>  T = 50 + 10 Σ wᵢxᵢ / √((1 − ρ) Σ wᵢ² + ρ (Σ wᵢ)²)</pre>
 * with xᵢ ∈ {−2, …, +2} the attainment level of goal i, wᵢ its weight ({@link Goal#weight()}) and ρ the assumed
 * correlation between goals' scores (parameter {@code rho}, default {@value #DEFAULT_RHO}). T is 50 when goals are
 * met as expected on average and rises by about 10 per level above expectation; see {@link #tScore}.
 *
 * <p><b>Level of a goal.</b> A goal counts when it has {@link Goal#attainmentLevels()} (five indicator values for
 * levels −2 … +2) and a {@code PARTNERSHIP}-group measurement at or before asOf; its measured value c is the mean of
 * the latest one (several at that instant: the one with most units, then smallest standard error, then smallest
 * mean). The level is the highest level whose value c reaches in the improving direction
 * ({@code c ≥ value} when higher is better, {@code c ≤ value} when lower is better); a value short of level −2's
 * is level −2 ({@link #level}).
 *
 * <p><b>Scores.</b> Per scored goal ({@code Subject.goal}): {@code value} = the level xᵢ, details the level
 * values, the measured value and the weight; no normalized value and no interval (a level is a category, and
 * its uncertainty is carried by the partnership's interval). A goal with attainment levels but no measurement
 * gets an {@code INSUFFICIENT_EVIDENCE} score. Partnership: {@code value} = T; {@code normalized} = Φ((T − 50)/10),
 * the proportion of a normal distribution with mean 50 and SD 10 (the T-score's reference distribution) lying
 * below T; interval by seeded Monte Carlo: {@code simulations} times (default {@value #DEFAULT_SIMULATIONS}), draw
 * each goal's measured value from N(c, se²) with {@code se = Measurement#standardError()}, re-level it and
 * recompute T; the interval is the type 7 percentile interval (Hyndman &amp; Fan 1996) of those T at
 * {@code (1 ∓ L)/2}, with normalized interval its Φ image. The random stream is a {@link SplittableRandom} seeded
 * with {@code context.seedFor("goal-attainment-scaling")}, drawing goals in id order. It is a Monte Carlo
 * interval of measurement error only, not of the choice of goals or levels; there is none (detail
 * {@code intervalNote}) when any counted goal's standard error is unknown. Goals without attainment levels or
 * without a measurement are listed in the partnership's details ({@code goalsWithoutLevels},
 * {@code goalsWithoutMeasurement}) with a warning; no counted goal gives {@code INSUFFICIENT_EVIDENCE}.
 *
 * <p>Scores come in the order partnership, then goals by id. Cost O(G + M + S·G) for G goals, M measurements and S
 * simulations. Immutable and thread-safe; {@code withX} methods return copies.
 */
public final class GoalAttainmentScaling implements ScoringStrategy {
    /** The strategy id. */
    public static final String ID = "goal-attainment-scaling";
    /** Default correlation ρ between goals' scores, the value Kiresuk &amp; Sherman recommend. */
    public static final double DEFAULT_RHO = 0.3;
    /** Default number of Monte Carlo simulations for the interval. */
    public static final int DEFAULT_SIMULATIONS = 2000;
    /** Fewest simulations accepted. */
    public static final int MIN_SIMULATIONS = 100;
    /** Most simulations accepted. */
    public static final int MAX_SIMULATIONS = 1_000_000;
    /** The lowest attainment level. */
    public static final int LOWEST_LEVEL = -2;
    /** The highest attainment level. */
    public static final int HIGHEST_LEVEL = 2;

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private final double rho;
    private final int simulations;

    /** Creates the strategy with ρ = {@value #DEFAULT_RHO} and {@value #DEFAULT_SIMULATIONS} simulations. */
    public GoalAttainmentScaling() {
        this(DEFAULT_RHO, DEFAULT_SIMULATIONS);
    }

    /**
     * Creates the strategy.
     *
     * @param rho         correlation between goals' scores, in [0, 1)
     * @param simulations Monte Carlo simulations for the interval, in [{@value #MIN_SIMULATIONS},
     *                    {@value #MAX_SIMULATIONS}]
     * @throws IllegalArgumentException when a value is out of range
     */
    public GoalAttainmentScaling(double rho, int simulations) {
        if (!(rho >= 0 && rho < 1)) {
            throw new IllegalArgumentException("rho must lie in [0, 1), was " + rho);
        }
        if (simulations < MIN_SIMULATIONS || simulations > MAX_SIMULATIONS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "simulations must lie in [%d, %d], was %d", MIN_SIMULATIONS, MAX_SIMULATIONS, simulations));
        }
        this.rho = rho;
        this.simulations = simulations;
    }

    /**
     * Returns ρ.
     *
     * @return the correlation between goals' scores
     */
    public double rho() {
        return rho;
    }

    /**
     * Returns the number of Monte Carlo simulations.
     *
     * @return simulations
     */
    public int simulations() {
        return simulations;
    }

    /**
     * Returns a copy with another ρ.
     *
     * @param value correlation in [0, 1)
     * @return the copy
     */
    public GoalAttainmentScaling withRho(double value) {
        return new GoalAttainmentScaling(value, simulations);
    }

    /**
     * Returns a copy with another number of simulations.
     *
     * @param value simulations
     * @return the copy
     */
    public GoalAttainmentScaling withSimulations(int value) {
        return new GoalAttainmentScaling(rho, value);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.IMPACT;
    }

    /**
     * Returns the Goal Attainment Scaling T-score
     * {@code T = 50 + 10 Σ wᵢxᵢ / √((1 − ρ) Σ wᵢ² + ρ (Σ wᵢ)²)} (Kiresuk &amp; Sherman 1968, corrected per
     * Turner-Stokes 2009). Pure; cost O(n).
     *
     * @param levels  the goals' levels xᵢ, each finite in [−2, 2]
     * @param weights the goals' weights wᵢ, each finite and {@code > 0}, as many as levels
     * @param rho     correlation between goals' scores, in [0, 1)
     * @return T
     * @throws IllegalArgumentException when the arrays are empty or of different lengths, or a value is out of range
     */
    public static double tScore(double[] levels, double[] weights, double rho) {
        if (levels.length == 0 || levels.length != weights.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "need as many weights as levels, at least one: %d levels, %d weights", levels.length,
                    weights.length));
        }
        if (!(rho >= 0 && rho < 1)) {
            throw new IllegalArgumentException("rho must lie in [0, 1), was " + rho);
        }
        // T is unchanged by scaling every weight alike; a power of two near the largest's reciprocal keeps the
        // squares of weights near 1e300 or 1e-300 from overflowing or vanishing, and is exact, so ordinary results
        // are unchanged bit for bit.
        double largest = 0;
        for (double w : weights) {
            largest = Math.max(largest, w);
        }
        double scale = Double.isFinite(largest) && largest > 0 ? Math.scalb(1.0, -Math.getExponent(largest)) : 1.0;
        double weighted = 0;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < levels.length; i++) {
            double x = levels[i];
            double w = weights[i];
            if (!(x >= LOWEST_LEVEL && x <= HIGHEST_LEVEL)) {
                throw new IllegalArgumentException("levels[" + i + "] must lie in [-2, 2], was " + x);
            }
            if (!(Double.isFinite(w) && w > 0)) {
                throw new IllegalArgumentException("weights[" + i + "] must be finite and > 0, was " + w);
            }
            w *= scale;
            weighted += w * x;
            sum += w;
            squares += w * w;
        }
        return 50 + 10 * weighted / Math.sqrt((1 - rho) * squares + rho * sum * sum);
    }

    /**
     * Returns the attainment level of a measured value: the highest level k in −2 … +2 whose value the measurement
     * reaches in the improving direction ({@code value ≥ levelValues[k+2]} when higher is better, {@code ≤} when
     * lower is better), or −2 when it does not reach level −2's value. Pure; cost O(1).
     *
     * @param levelValues the five indicator values of levels −2 … +2, monotone in the direction
     * @param direction   which way the indicator improves
     * @param value       the measured value, finite
     * @return the level in [−2, 2]
     * @throws IllegalArgumentException when there are not five level values or the value is not finite
     */
    public static int level(List<Double> levelValues, Direction direction, double value) {
        if (levelValues.size() != Goal.ATTAINMENT_LEVELS) {
            throw new IllegalArgumentException("need five level values, got " + levelValues.size());
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("measured value must be finite, was " + value);
        }
        int sign = direction.sign();
        for (int k = HIGHEST_LEVEL; k > LOWEST_LEVEL; k--) {
            if (sign * (value - levelValues.get(k - LOWEST_LEVEL)) >= 0) {
                return k;
            }
        }
        return LOWEST_LEVEL;
    }

    /**
     * Returns Φ((T − 50)/10): the proportion of a normal distribution with mean 50 and SD 10 below T. Pure.
     *
     * @param t a T-score
     * @return the proportion in [0, 1]
     */
    public static double normalizedT(double t) {
        return STANDARD_NORMAL.cumulativeProbability((t - 50) / 10);
    }

    /** A goal counted in the T-score. */
    private record Counted(Goal goal, double measured, double se) {
    }

    /**
     * Scores the partnership and every goal with attainment levels, as described in the class documentation.
     *
     * @param context the evidence and evaluation settings
     * @return the scores and warnings
     */
    @Override
    public StrategyResult score(ScoringContext context) {
        EvidenceIndex ev = context.evidence();
        List<Warning> warnings = new ArrayList<>();
        List<Score> goalScores = new ArrayList<>();
        List<Counted> counted = new ArrayList<>();
        List<String> withoutLevels = new ArrayList<>();
        List<String> withoutMeasurement = new ArrayList<>();
        for (int gi = 0; gi < ev.goalCount(); gi++) {
            Goal goal = ev.goal(gi);
            if (goal.attainmentLevels().isEmpty()) {
                withoutLevels.add(goal.id());
                continue;
            }
            Score.Builder b = Score.builder(ID, Dimension.IMPACT, Subject.goal(goal.id()))
                    .detail("weight", goal.weight()).detail("levelValues", goal.attainmentLevels())
                    .detail("direction", goal.indicator().direction().name());
            Measurement m = MeasurementChoice.latest(ID, goal.id(), ev.measurements(gi), MeasurementGroup.PARTNERSHIP,
                    x -> true, warnings);
            if (m == null) {
                withoutMeasurement.add(goal.id());
                String reason = String.format(Locale.ROOT, "Goal %s has no measurement of its partnership group at "
                        + "or before %s, so its attainment level is unknown.", goal.id(), date(context));
                goalScores.add(b.insufficient(reason).explanation(reason).build());
                continue;
            }
            int x = level(goal.attainmentLevels(), goal.indicator().direction(), m.mean());
            b.value(x).detail("level", x).detail("measured", m.mean()).detail("measuredAt", m.at().toString());
            if (m.count() > 0) {
                b.n(m.count());
            }
            double se = m.standardError();
            if (!Double.isNaN(se)) {
                b.detail("standardError", se);
            }
            b.explanation(String.format(Locale.ROOT, "Goal %s measured %s, which reaches attainment level %+d "
                            + "(levels -2..+2 at %s).", goal.id(), ExplanationNumbers.plain(m.mean()), x,
                    levelText(goal.attainmentLevels())));
            goalScores.add(b.build());
            counted.add(new Counted(goal, m.mean(), se));
        }
        List<Score> scores = new ArrayList<>(goalScores.size() + 1);
        scores.add(partnershipScore(counted, withoutLevels, withoutMeasurement, ev.goalCount(), context, warnings));
        scores.addAll(goalScores);
        return new StrategyResult(scores, warnings);
    }

    private Score partnershipScore(List<Counted> counted, List<String> withoutLevels, List<String> withoutMeasurement,
                                   int goals, ScoringContext context, List<Warning> warnings) {
        Score.Builder b = Score.builder(ID, Dimension.IMPACT, Subject.partnership())
                .detail("goals", goals).detail("goalsCounted", counted.size()).detail("rho", rho)
                .detail("goalsWithoutLevels", withoutLevels).detail("goalsWithoutMeasurement", withoutMeasurement);
        if (!withoutLevels.isEmpty() || !withoutMeasurement.isEmpty()) {
            List<String> parts = new ArrayList<>();
            if (!withoutLevels.isEmpty()) {
                parts.add("without attainment levels: " + String.join(", ", withoutLevels));
            }
            if (!withoutMeasurement.isEmpty()) {
                parts.add("without a measurement: " + String.join(", ", withoutMeasurement));
            }
            warnings.add(new Warning(Warning.INSUFFICIENT_EVIDENCE, ID,
                    "goals left out of the T-score, " + String.join("; ", parts)));
        }
        if (counted.isEmpty()) {
            String reason = goals == 0 ? "The partnership has no goals, so there is no goal attainment to score."
                    : String.format(Locale.ROOT, "None of the %d goals has both attainment levels and a measurement, "
                    + "so the goal attainment T-score is unknown.", goals);
            return b.insufficient(reason).explanation(reason).build();
        }
        int g = counted.size();
        double[] levels = new double[g];
        double[] weights = new double[g];
        List<String> withoutSe = new ArrayList<>();
        for (int i = 0; i < g; i++) {
            Counted c = counted.get(i);
            levels[i] = level(c.goal().attainmentLevels(), c.goal().indicator().direction(), c.measured());
            weights[i] = c.goal().weight();
            if (Double.isNaN(c.se())) {
                withoutSe.add(c.goal().id());
            }
        }
        double t = tScore(levels, weights, rho);
        double normalized = normalizedT(t);
        b.value(t).normalized(normalized).n(g).detail("tScore", t);
        String intervalText = "";
        if (withoutSe.isEmpty()) {
            Interval interval = monteCarlo(counted, weights, context);
            b.interval(interval).normalizedInterval(new Interval(normalizedT(interval.low()),
                            normalizedT(interval.high()), interval.level()))
                    .detail("intervalMethod", "monte-carlo").detail("simulations", simulations);
            intervalText = String.format(Locale.ROOT, " (%s Monte Carlo interval %s to %s from measurement error)",
                    ExplanationNumbers.level(context.confidenceLevel()), ExplanationNumbers.twoDecimals(interval.low()),
                    ExplanationNumbers.twoDecimals(interval.high()));
        } else {
            b.detail("intervalNote", "no interval: goal" + (withoutSe.size() == 1 ? " " : "s ")
                    + String.join(", ", withoutSe) + (withoutSe.size() == 1 ? " lacks" : " lack")
                    + " a standard error");
        }
        b.explanation(String.format(Locale.ROOT, "Across %d goal%s with attainment levels, the weighted goal "
                        + "attainment T-score is %s%s: 50 means goals were met as expected, each 10 points about "
                        + "one level better; %s of a reference population would score lower.", g, g == 1 ? "" : "s",
                ExplanationNumbers.twoDecimals(t), intervalText, ExplanationNumbers.percent(normalized)));
        return b.build();
    }

    /** Returns the percentile interval of T over simulated measurements; goals drawn in id order. */
    private Interval monteCarlo(List<Counted> counted, double[] weights, ScoringContext context) {
        SplittableRandom random = new SplittableRandom(context.seedFor(ID));
        int g = counted.size();
        double[] levels = new double[g];
        double[] ts = new double[simulations];
        for (int s = 0; s < simulations; s++) {
            for (int i = 0; i < g; i++) {
                Counted c = counted.get(i);
                // A draw beyond the double range lies beyond every level value, as the largest finite one does.
                double drawn = Math.max(-Double.MAX_VALUE,
                        Math.min(Double.MAX_VALUE, c.measured() + c.se() * random.nextGaussian()));
                levels[i] = level(c.goal().attainmentLevels(), c.goal().indicator().direction(), drawn);
            }
            ts[s] = tScore(levels, weights, rho);
        }
        Arrays.sort(ts);
        double level = context.confidenceLevel();
        return new Interval(Quantile.type7(ts, (1 - level) / 2), Quantile.type7(ts, (1 + level) / 2), level);
    }

    private static String levelText(List<Double> values) {
        List<String> parts = new ArrayList<>(values.size());
        for (double v : values) {
            parts.add(ExplanationNumbers.plain(v));
        }
        return String.join(", ", parts);
    }

    private static String date(ScoringContext context) {
        return LocalDate.ofInstant(context.asOf(), ZoneOffset.UTC).toString();
    }
}
