package dev.partnership.metrics.impact;

import dev.partnership.Dimension;
import dev.partnership.Goal;
import dev.partnership.Indicator;
import dev.partnership.Interval;
import dev.partnership.Measurement;
import dev.partnership.MeasurementGroup;
import dev.partnership.Score;
import dev.partnership.Subject;
import dev.partnership.Warning;
import dev.partnership.metrics.stats.Bootstrap;
import dev.partnership.metrics.stats.EffectSizes;
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
import java.util.TreeMap;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Impact as the standardized difference between the partnership group and a comparison group; strategy id
 * {@value #ID}.
 *
 * <p><b>Per goal</b> ({@code Subject.goal}). For a goal with an indicator, the {@code PARTNERSHIP} and
 * {@code COMPARISON} measurements at the latest instant at or before asOf where both groups were measured (several
 * of one group at that instant: the one with unit-level values, then most units, then the smallest mean, with
 * warning {@code EXCLUDED_INPUT}). When both have at least two unit-level values the means and SDs come from the
 * values (method {@code values}); otherwise from the measurements' mean, sd and n (method {@code summary}).
 * The effect sizes are those of {@link EffectSizes} (Hedges &amp; Olkin 1985; Borenstein et al. 2009, ch. 4):
 * Cohen's d with the pooled SD, Hedges' {@code g = J·d} with the exact J (value; the approximate
 * {@code 1 − 3/(4df − 1)} as detail {@code gApproximate}), Glass's Δ on the comparison SD, and their variances.
 * <ul>
 *   <li><b>Direction.</b> Means are multiplied by the indicator's {@link dev.partnership.Direction#sign()} first, so
 *       for a {@code LOWER_IS_BETTER} indicator the sign is flipped: <em>a positive effect is always an
 *       improvement</em> of the partnership group over the comparison group.</li>
 *   <li><b>Interval.</b> The normal interval {@code g ± z·sqrt(V_g)}, {@code V_g = J²V_d}. With unit-level values
 *       the score's interval is instead the BCa bootstrap interval of g (Efron 1987) over units resampled
 *       independently within each group ({@link Bootstrap#stratifiedBca}, the groups are the two strata, so every
 *       resample keeps n₁ and n₂), seeded with {@code seedFor("effect-size:" + goalId)}; both intervals are in
 *       the details. When the bootstrap yields no interval the normal one is used.</li>
 *   <li><b>Normalized.</b> {@code Φ(g/√2)}, the probability of superiority or common-language effect size
 *       (McGraw, K. O. and Wong, S. P. (1992), <i>Psychological Bulletin</i> 111:361–365): the chance that a
 *       random member of the partnership group does better than a random member of the comparison group, for
 *       normal outcomes with equal SDs. The interval is mapped the same way (Φ is increasing).</li>
 *   <li>No indicator, no time with both groups, a missing SD or n, fewer than two units in a group or no spread
 *       at all give {@code INSUFFICIENT_EVIDENCE} with the reason and a warning.</li>
 * </ul>
 *
 * <p><b>Partnership.</b> The fixed-effect inverse-variance weighted mean of the scored goals' g (Borenstein et al.
 * 2009, ch. 11): {@code w = 1/V_g}, {@code ḡ = Σwg/Σw}, {@code SE = 1/sqrt(Σw)}, normal interval, normalized
 * {@code Φ(ḡ/√2)}; Cochran's {@code Q = Σw(g − ḡ)²} as a detail. Fixed effect means the goals are taken to share
 * one true effect and to be independent; they may share units, in which case the interval is too narrow.
 *
 * <p>Explanations name Cohen's (1988) label (negligible below 0.2, small below 0.5, moderate below 0.8, else
 * large) and say "no clear difference" when the interval includes 0. Scores come in the order partnership, then
 * goals by id. Cost O(G + M + G·B·u) for G goals, M measurements and B resamples of u units. Immutable and
 * thread-safe; {@link #withBootstrapResamples(int)} returns a copy.
 */
public final class EffectSize implements ScoringStrategy {
    /** The strategy id. */
    public static final String ID = "effect-size";

    /** Default number of bootstrap resamples for goals with unit-level values. */
    public static final int DEFAULT_BOOTSTRAP_RESAMPLES = Bootstrap.DEFAULT_RESAMPLES;

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
    private static final double SQRT2 = Math.sqrt(2);

    private final int bootstrapResamples;

    /** Creates the strategy with the default number of bootstrap resamples. */
    public EffectSize() {
        this(DEFAULT_BOOTSTRAP_RESAMPLES);
    }

    private EffectSize(int bootstrapResamples) {
        if (bootstrapResamples < 0) {
            throw new IllegalArgumentException("bootstrapResamples must be >= 0, was " + bootstrapResamples);
        }
        this.bootstrapResamples = bootstrapResamples;
    }

    /**
     * Returns a copy with another number of bootstrap resamples; 0 turns the bootstrap off (normal intervals only).
     *
     * @param resamples resamples, {@code >= 0}
     * @return the copy
     * @throws IllegalArgumentException when {@code resamples < 0}
     */
    public EffectSize withBootstrapResamples(int resamples) {
        return new EffectSize(resamples);
    }

    /**
     * Returns the number of bootstrap resamples (0: off).
     *
     * @return the resamples
     */
    public int bootstrapResamples() {
        return bootstrapResamples;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.IMPACT;
    }

    /** A scored goal's contribution to the partnership score. */
    private record Effect(String goal, double g, double variance) {
    }

    /** One group's figures. */
    private record GroupStats(double mean, double sd, int n, double[] values) {
    }

    /**
     * Scores every goal and the partnership, as described in the class documentation.
     *
     * @param context the evidence and evaluation settings
     * @return the scores and warnings for goals that could not be scored
     */
    @Override
    public StrategyResult score(ScoringContext context) {
        EvidenceIndex ev = context.evidence();
        List<Score> goalScores = new ArrayList<>();
        List<Effect> effects = new ArrayList<>();
        List<String> notScored = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        for (int gi = 0; gi < ev.goalCount(); gi++) {
            Goal goal = ev.goal(gi);
            Effect[] effect = new Effect[1];
            goalScores.add(goalScore(goal, ev.measurements(gi), context, warnings, effect));
            if (effect[0] != null) {
                effects.add(effect[0]);
            } else {
                notScored.add(goal.id());
            }
        }
        List<Score> scores = new ArrayList<>(goalScores.size() + 1);
        scores.add(partnershipScore(effects, notScored, goalScores.size(), context, warnings));
        scores.addAll(goalScores);
        return new StrategyResult(scores, warnings);
    }

    private Score goalScore(Goal goal, List<Measurement> measurements, ScoringContext context,
                            List<Warning> warnings, Effect[] effect) {
        String id = goal.id();
        Score.Builder b = Score.builder(ID, Dimension.IMPACT, Subject.goal(id));
        Indicator ind = goal.indicator();
        if (ind == null) {
            String reason = "Goal " + id + " has no indicator, so there is nothing to compare.";
            warnings.add(new Warning(Warning.GOAL_DEFINITION, ID, reason));
            return b.insufficient(reason).explanation(reason).build();
        }
        b.detail("direction", ind.direction().name());
        Instant at = latestCommonInstant(measurements);
        if (at == null) {
            boolean anyPartnership = measurements.stream().anyMatch(m -> m.group() == MeasurementGroup.PARTNERSHIP);
            boolean anyComparison = measurements.stream().anyMatch(m -> m.group() == MeasurementGroup.COMPARISON);
            String missing = !anyComparison && !anyPartnership ? "no measurement"
                    : !anyComparison ? "no comparison-group measurement"
                    : !anyPartnership ? "no partnership-group measurement"
                    : "no instant at which both the partnership and the comparison group were measured";
            return insufficient(b, warnings, String.format(Locale.ROOT,
                    "Goal %s has %s at or before %s, so there is no comparison to make.", id, missing,
                    date(context.asOf())));
        }
        Measurement treated = pick(id, measurements, at, MeasurementGroup.PARTNERSHIP, warnings);
        Measurement comparison = pick(id, measurements, at, MeasurementGroup.COMPARISON, warnings);
        boolean fromValues = treated.values().size() >= 2 && comparison.values().size() >= 2;
        GroupStats s1 = fromValues ? ofValues(treated) : ofSummary(treated);
        GroupStats s2 = fromValues ? ofValues(comparison) : ofSummary(comparison);
        b.detail("at", at.toString()).detail("method", fromValues ? "values" : "summary");
        if (s1 == null || s2 == null) {
            return insufficient(b, warnings, String.format(Locale.ROOT,
                    "Goal %s: the %s measurement on %s lacks a standard deviation or a unit count (and has fewer "
                            + "than two unit values), so no standardized difference can be computed.",
                    id, s1 == null ? "partnership-group" : "comparison-group", date(at)));
        }
        if (s1.n() < 2 || s2.n() < 2) {
            return insufficient(b, warnings, String.format(Locale.ROOT,
                    "Goal %s: each group needs at least two units on %s, had %d and %d.", id, date(at), s1.n(),
                    s2.n()));
        }
        if (!Double.isFinite(s1.sd()) || !Double.isFinite(s2.sd())) {
            // An SD derived as se·√n (or from unit values) near Double.MAX_VALUE overflows.
            return insufficient(b, warnings, String.format(Locale.ROOT,
                    "Goal %s: a group's standard deviation on %s exceeds the range of a double, so no standardized "
                            + "difference can be computed.", id, date(at)));
        }
        if (!(EffectSizes.pooledSd(s1.sd(), s1.n(), s2.sd(), s2.n()) > 0)) {
            return insufficient(b, warnings, String.format(Locale.ROOT,
                    "Goal %s: neither group varies on %s (both SDs are 0), so a standardized difference is "
                            + "undefined.", id, date(at)));
        }
        int sign = ind.direction().sign();
        double standardized = (s1.mean() - s2.mean()) / EffectSizes.pooledSd(s1.sd(), s1.n(), s2.sd(), s2.n());
        if (!Double.isFinite(standardized * standardized)) {
            // Means near 1e300 over SDs near 1e-300: d, or its variance d²/(2(n₁+n₂)), exceeds the double range.
            return insufficient(b, warnings, String.format(Locale.ROOT,
                    "Goal %s: the difference of means on %s is too large relative to the SDs for a standardized "
                            + "difference to be represented.", id, date(at)));
        }
        EffectSizes.Estimate e = EffectSizes.compare(sign * s1.mean(), s1.sd(), s1.n(), sign * s2.mean(), s2.sd(),
                s2.n());
        double level = context.confidenceLevel();
        Interval normal = EffectSizes.normalInterval(e.g(), e.varianceG(), context.z(), level);
        b.detail("partnershipMean", s1.mean()).detail("comparisonMean", s2.mean())
                .detail("partnershipSd", s1.sd()).detail("comparisonSd", s2.sd())
                .detail("n1", s1.n()).detail("n2", s2.n()).detail("pooledSd", e.pooledSd())
                .detail("d", e.d()).detail("g", e.g()).detail("gApproximate", e.gApproximate())
                .detail("J", e.approximateJ()).detail("Jexact", e.exactJ())
                .detail("varianceD", e.varianceD()).detail("varianceG", e.varianceG())
                .detail("seD", e.standardErrorD()).detail("seG", e.standardErrorG())
                .detail("normalInterval", intervalDetail(normal));
        if (Double.isFinite(e.glassDelta())) {
            b.detail("glassDelta", e.glassDelta()).detail("varianceGlassDelta", e.varianceGlass())
                    .detail("seGlassDelta", e.standardErrorGlass());
        } else {
            b.detail("glassDeltaNote", "the comparison group's SD is 0, so Glass's delta is undefined");
        }
        Interval interval = normal;
        String intervalKind = "";
        if (fromValues) {
            if (bootstrapResamples == 0) {
                b.detail("bootstrapNote", "the bootstrap is off (bootstrapResamples = 0)");
            } else {
                Bootstrap.Result boot = bootstrap(s1.values(), s2.values(), sign, context.seedFor(ID + ":" + id),
                        level);
                b.detail("bootstrapResamples", bootstrapResamples)
                        .detail("bootstrapValidReplicates", boot.validReplicates());
                if (boot.interval() != null) {
                    interval = boot.interval();
                    intervalKind = " BCa";
                    b.detail("bcaInterval", intervalDetail(boot.interval()))
                            .detail("biasCorrection", boot.biasCorrection())
                            .detail("acceleration", boot.acceleration());
                } else {
                    b.detail("bootstrapNote", "the bootstrap gave no interval; the normal interval is used");
                }
            }
        }
        b.value(e.g()).normalized(superiority(e.g())).interval(interval)
                .normalizedInterval(new Interval(superiority(interval.low()), superiority(interval.high()), level))
                .n((double) s1.n() + s2.n()).detail("probabilityOfSuperiority", superiority(e.g()));
        b.explanation(String.format(Locale.ROOT, "Goal %s: on %s the partnership group shows %s (g = %s, %s%s "
                        + "interval %s to %s)%s.", id, date(at), words(e.g()),
                ExplanationNumbers.twoDecimals(e.g()), ExplanationNumbers.level(level), intervalKind,
                ExplanationNumbers.twoDecimals(interval.low()), ExplanationNumbers.twoDecimals(interval.high()),
                clarity(interval)));
        effect[0] = new Effect(id, e.g(), e.varianceG());
        return b.build();
    }

    private Bootstrap.Result bootstrap(double[] v1, double[] v2, int sign, long seed, double level) {
        return EffectSizes.bootstrapHedgesG(v1, v2, sign, new Bootstrap(bootstrapResamples), level, seed);
    }

    private static Score insufficient(Score.Builder b, List<Warning> warnings, String reason) {
        warnings.add(new Warning(Warning.INSUFFICIENT_EVIDENCE, ID, reason));
        return b.insufficient(reason).explanation(reason).build();
    }

    /** The latest instant at which both groups have a measurement, or null. */
    private static Instant latestCommonInstant(List<Measurement> measurements) {
        TreeMap<Instant, Integer> groupsSeen = new TreeMap<>();
        for (Measurement m : measurements) {
            int bit = m.group() == MeasurementGroup.PARTNERSHIP ? 1 : 2;
            groupsSeen.merge(m.at(), bit, (x, y) -> x | y);
        }
        for (Instant at : groupsSeen.descendingKeySet()) {
            if (groupsSeen.get(at) == 3) {
                return at;
            }
        }
        return null;
    }

    /**
     * Picks one measurement of a group at an instant: unit-level values first, then most units, then the smallest
     * mean, then the smallest SD; a warning when there were several.
     */
    private static Measurement pick(String goal, List<Measurement> measurements, Instant at, MeasurementGroup group,
                                    List<Warning> warnings) {
        Measurement best = null;
        int count = 0;
        for (Measurement m : measurements) {
            if (m.group() != group || !m.at().equals(at)) {
                continue;
            }
            count++;
            if (best == null || better(m, best)) {
                best = m;
            }
        }
        if (count > 1) {
            warnings.add(new Warning(Warning.EXCLUDED_INPUT, ID, String.format(Locale.ROOT,
                    "goal %s has %d %s measurements at %s; used the one with unit values or the most units",
                    goal, count, group.name().toLowerCase(Locale.ROOT), at)));
        }
        return best;
    }

    private static boolean better(Measurement a, Measurement b) {
        boolean va = a.values().size() >= 2;
        boolean vb = b.values().size() >= 2;
        if (va != vb) {
            return va;
        }
        if (a.count() != b.count()) {
            return a.count() > b.count();
        }
        if (a.mean() != b.mean()) {
            return a.mean() < b.mean();
        }
        double sa = a.sd() == null ? Double.POSITIVE_INFINITY : a.sd();
        double sb = b.sd() == null ? Double.POSITIVE_INFINITY : b.sd();
        return sa < sb;
    }

    private static GroupStats ofValues(Measurement m) {
        double[] v = new double[m.values().size()];
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = m.values().get(i);
            sum += v[i];
        }
        double mean = sum / v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return new GroupStats(mean, Math.sqrt(ss / (v.length - 1)), v.length, v);
    }

    /** Summary figures, or null when the SD or the unit count is missing. */
    private static GroupStats ofSummary(Measurement m) {
        if (m.values().size() >= 2) {
            return ofValues(m);
        }
        if (m.sd() == null || m.n() == null) {
            return null;
        }
        return new GroupStats(m.mean(), m.sd(), m.n(), null);
    }

    private static Score partnershipScore(List<Effect> effects, List<String> notScored, int goals,
                                          ScoringContext context, List<Warning> warnings) {
        Score.Builder b = Score.builder(ID, Dimension.IMPACT, Subject.partnership())
                .detail("goals", goals).detail("goalsScored", effects.size()).detail("goalsNotScored", notScored);
        if (effects.isEmpty()) {
            String reason = goals == 0 ? "The partnership has no goals, so there is no effect to estimate."
                    : String.format(Locale.ROOT, "None of the %d goals has comparable partnership and comparison "
                    + "measurements, so the overall effect is unknown.", goals);
            warnings.add(new Warning(Warning.INSUFFICIENT_EVIDENCE, ID, "partnership effect: " + reason));
            return b.insufficient(reason).explanation(reason).build();
        }
        double weightSum = 0;
        double weighted = 0;
        for (Effect e : effects) {
            double w = 1 / e.variance();
            weightSum += w;
            weighted += w * e.g();
        }
        double mean = weighted / weightSum;
        double q = 0;
        Map<String, Object> weights = new LinkedHashMap<>();
        for (Effect e : effects) {
            double w = 1 / e.variance();
            q += w * (e.g() - mean) * (e.g() - mean);
            weights.put(e.goal(), w / weightSum);
        }
        double variance = 1 / weightSum;
        double level = context.confidenceLevel();
        Interval interval = EffectSizes.normalInterval(mean, variance, context.z(), level);
        b.value(mean).normalized(superiority(mean)).interval(interval)
                .normalizedInterval(new Interval(superiority(interval.low()), superiority(interval.high()), level))
                .n(effects.size()).detail("g", mean).detail("varianceG", variance).detail("seG", Math.sqrt(variance))
                .detail("model", "fixed effect, inverse-variance weights").detail("weights", weights)
                .detail("heterogeneityQ", q).detail("probabilityOfSuperiority", superiority(mean));
        b.explanation(String.format(Locale.ROOT, "Across %d goal%s (fixed-effect, inverse-variance weighted), the "
                        + "partnership group shows %s (g = %s, %s interval %s to %s)%s.", effects.size(),
                effects.size() == 1 ? "" : "s", words(mean), ExplanationNumbers.twoDecimals(mean),
                ExplanationNumbers.level(level), ExplanationNumbers.twoDecimals(interval.low()),
                ExplanationNumbers.twoDecimals(interval.high()), clarity(interval)));
        return b.build();
    }

    /** Φ(g/√2): the probability of superiority (McGraw &amp; Wong 1992). */
    private static double superiority(double g) {
        return STANDARD_NORMAL.cumulativeProbability(g / SQRT2);
    }

    private static String words(double g) {
        String label = EffectSizes.cohenLabel(g);
        if (label.equals("negligible")) {
            return "a negligible difference from the comparison group";
        }
        return "a " + label + (g > 0 ? " improvement over" : " decline relative to") + " the comparison group";
    }

    private static String clarity(Interval interval) {
        return interval.contains(0) ? "; the interval includes 0, so there is no clear difference" : "";
    }

    private static Map<String, Object> intervalDetail(Interval interval) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("low", interval.low());
        m.put("high", interval.high());
        m.put("level", interval.level());
        return m;
    }

    private static String date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}
