package dev.partnership.metrics.health;

import dev.partnership.Dimension;
import dev.partnership.DimensionSummary;
import dev.partnership.EvaluationConfig;
import dev.partnership.Interval;
import dev.partnership.Score;
import dev.partnership.Subject;
import dev.partnership.Warning;
import dev.partnership.metrics.stats.ExplanationNumbers;
import dev.partnership.metrics.stats.Quantile;
import dev.partnership.spi.ScoringContext;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.StrategyResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The partnership health index ({@code health-index}, dimension HEALTH): the weighted mean of the dimension
 * summaries of trust, alignment, impact, engagement and the survey instruments, with an interval propagated from
 * theirs by seeded Monte Carlo.
 *
 * <p><b>Value.</b> With component summaries {@code x_i ∈ [0, 1]} and weights {@code w_i} (the configuration's
 * {@code weights}, {@link EvaluationConfig#weight(Dimension)}: 1 each unless configured, 0 leaves a dimension out),
 * over the components that have a summary, {@code H = Σ w_i x_i / Σ w_i}. A weighted component without a summary
 * (no usable score in that dimension) is left out, the remaining weights are renormalised, and a
 * {@value #COMPONENT_MISSING} warning names it. Fewer than {@code minComponents} components give
 * {@code INSUFFICIENT_EVIDENCE}: an index of one dimension would only repeat that dimension.
 *
 * <p><b>Interval.</b> Each component's summary interval is read, as the summaries themselves are formed
 * ({@link DimensionSummary}), as a normal interval at the evaluation's level: {@code σ_i = (high − low) / 2z}. For
 * each of {@code draws} Monte Carlo draws, every component is drawn independently as {@code x_i + σ_i Z} with
 * {@code Z} standard normal (Box–Muller on a {@link SplittableRandom} seeded with
 * {@link ScoringContext#seedFor(String)}; {@link StrictMath} keeps the draws bit-identical on every JVM), clipped
 * to [0, 1], and the weighted mean taken; the interval is the type-7 quantiles at {@code (1 − level) / 2} and
 * {@code (1 + level) / 2} of those means (Monte Carlo propagation of uncertainty, JCGM 101:2008, "Evaluation of
 * measurement data — Supplement 1 to the GUM: propagation of distributions using a Monte Carlo method"). The
 * components are taken as independent; dimensions computed from overlapping evidence are positively correlated in
 * practice, which would widen the index's interval, so read it as a lower bound on the uncertainty. When any
 * component has no interval, the index has none.
 *
 * <p><b>Details.</b> {@code components}: per dimension in {@link Dimension} order, its {@code value},
 * {@code weight} (as configured), {@code share} (its weight over the total weight used), {@code contribution}
 * ({@code share · value}; contributions sum to H) and {@code low}/{@code high} of its interval; {@code missing}:
 * the weighted dimensions without a summary; {@code draws}.
 *
 * <p>Cost: O(k · draws) for k components. Immutable and thread-safe.
 */
public final class HealthIndex implements ScoringStrategy {
    /** Strategy id. */
    public static final String ID = "health-index";
    /** Default number of Monte Carlo draws. */
    public static final int DEFAULT_DRAWS = 10_000;
    /** Default minimum number of components with a summary. */
    public static final int DEFAULT_MIN_COMPONENTS = 2;
    /** Warning code for a weighted dimension that has no summary and is left out of the index. */
    public static final String COMPONENT_MISSING = "HEALTH_COMPONENT_MISSING";

    private final int draws;
    private final int minComponents;

    /**
     * Creates the strategy.
     *
     * @param draws         Monte Carlo draws, in [1000, 1000000]
     * @param minComponents minimum number of component summaries, in [1, 5]
     * @throws IllegalArgumentException when a parameter is out of range
     */
    public HealthIndex(int draws, int minComponents) {
        if (draws < 1000 || draws > 1_000_000) {
            throw new IllegalArgumentException("draws must lie in [1000, 1000000], was " + draws);
        }
        if (minComponents < 1 || minComponents > EvaluationConfig.COMPOSITE_COMPONENTS.size()) {
            throw new IllegalArgumentException("minComponents must lie in [1, 5], was " + minComponents);
        }
        this.draws = draws;
        this.minComponents = minComponents;
    }

    /** Creates the strategy with the defaults. */
    public HealthIndex() {
        this(DEFAULT_DRAWS, DEFAULT_MIN_COMPONENTS);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.HEALTH;
    }

    @Override
    public boolean readsSummaries() {
        return true;
    }

    @Override
    public StrategyResult score(ScoringContext context) {
        List<Dimension> used = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        double totalWeight = 0;
        for (Dimension d : EvaluationConfig.COMPOSITE_COMPONENTS) {
            double w = context.weight(d);
            if (w == 0) {
                continue;
            }
            if (context.summaries().containsKey(d)) {
                used.add(d);
                totalWeight += w;
            } else {
                missing.add(d.name());
            }
        }
        Score.Builder b = Score.builder(ID, Dimension.HEALTH, Subject.partnership());
        if (!missing.isEmpty()) {
            warnings.add(new Warning(COMPONENT_MISSING, ID, String.format(Locale.ROOT,
                    "the health index leaves out %s: no usable score in %s", String.join(", ", missing),
                    missing.size() == 1 ? "that dimension" : "those dimensions")));
        }
        b.detail("missing", missing).detail("draws", draws);
        if (used.size() < minComponents) {
            return new StrategyResult(List.of(b.n(used.size()).insufficient(String.format(Locale.ROOT,
                    "%d of the weighted dimensions have a summary, fewer than the %d the index needs", used.size(),
                    minComponents)).explanation("No health index: too few dimensions could be scored.").build()),
                    warnings);
        }
        int k = used.size();
        double[] x = new double[k];
        double[] share = new double[k];
        double[] sigma = new double[k];
        boolean intervals = true;
        double z = context.z();
        double h = 0;
        Map<String, Object> components = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            Dimension d = used.get(i);
            DimensionSummary s = context.summaries().get(d);
            x[i] = s.value();
            share[i] = context.weight(d) / totalWeight;
            h += share[i] * x[i];
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("value", x[i]);
            c.put("weight", context.weight(d));
            c.put("share", share[i]);
            c.put("contribution", share[i] * x[i]);
            if (s.interval() == null) {
                intervals = false;
            } else {
                sigma[i] = s.interval().width() / (2 * z);
                c.put("low", s.interval().low());
                c.put("high", s.interval().high());
            }
            components.put(d.name(), c);
        }
        h = Math.min(1, Math.max(0, h));
        b.value(h).normalized(h).n(k).detail("components", components);
        Interval interval = null;
        if (intervals) {
            interval = monteCarlo(x, share, sigma, context.confidenceLevel(), context.seedFor(ID));
            b.interval(interval).normalizedInterval(interval);
        }
        return new StrategyResult(List.of(b.explanation(explain(h, interval, used, components, context)).build()),
                warnings);
    }

    /** Draws the weighted mean {@code draws} times and returns its central interval. */
    private Interval monteCarlo(double[] x, double[] share, double[] sigma, double level, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[draws];
        double[] pair = new double[2];
        int left = 0;
        for (int j = 0; j < draws; j++) {
            double m = 0;
            for (int i = 0; i < x.length; i++) {
                if (left == 0) {
                    boxMuller(random, pair);
                    left = 2;
                }
                double draw = x[i] + sigma[i] * pair[--left];
                m += share[i] * Math.min(1, Math.max(0, draw));
            }
            means[j] = m;
        }
        Arrays.sort(means);
        double alpha = (1 - level) / 2;
        double low = Math.max(0, Quantile.type7(means, alpha));
        double high = Math.min(1, Quantile.type7(means, 1 - alpha));
        return new Interval(low, high, level);
    }

    /** Fills {@code out} with two independent standard normal draws (Box and Muller 1958). */
    private static void boxMuller(SplittableRandom random, double[] out) {
        // 1 − U lies in (0, 1], so the logarithm is finite.
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        double t = 2.0 * StrictMath.PI * u2;
        out[0] = r * StrictMath.cos(t);
        out[1] = r * StrictMath.sin(t);
    }

    private static String explain(double h, Interval interval, List<Dimension> used, Map<String, Object> components,
                                  ScoringContext context) {
        Dimension largest = used.get(0);
        double best = -1;
        for (Dimension d : used) {
            @SuppressWarnings("unchecked")
            double c = (Double) ((Map<String, Object>) components.get(d.name())).get("contribution");
            if (c > best) {
                best = c;
                largest = d;
            }
        }
        List<String> names = new ArrayList<>();
        for (Dimension d : used) {
            names.add(d.name().toLowerCase(Locale.ROOT));
        }
        String range = interval == null ? "" : String.format(Locale.ROOT, " (%s interval %s to %s)",
                ExplanationNumbers.level(context.confidenceLevel()), ExplanationNumbers.twoDecimals(interval.low()),
                ExplanationNumbers.twoDecimals(interval.high()));
        return String.format(Locale.ROOT, "Partnership health is %s on a 0 to 1 scale%s, the weighted mean of %s; "
                        + "%s contributes most (%s).", ExplanationNumbers.twoDecimals(h), range,
                String.join(", ", names), largest.name().toLowerCase(Locale.ROOT), ExplanationNumbers.twoDecimals(best));
    }
}
