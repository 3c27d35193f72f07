package dev.partnership.metrics;

import dev.partnership.Direction;
import dev.partnership.EngagementSignal;
import dev.partnership.Goal;
import dev.partnership.Indicator;
import dev.partnership.Measurement;
import dev.partnership.MeasurementGroup;
import dev.partnership.Partner;
import dev.partnership.PartnerType;
import dev.partnership.Partnership;
import dev.partnership.Priority;
import dev.partnership.Rating;
import dev.partnership.RatingDimension;
import dev.partnership.SignalKind;
import dev.partnership.SurveyResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Builds partnerships whose numbers sit at the edges of what the model accepts: magnitudes near 1e300, near
 * 1e−300, {@link Double#MAX_VALUE} (signal values up to their bound {@link SignalKind#MAX_VALUE}) and the subnormal
 * {@link Double#MIN_VALUE}, zero, unit counts of {@link Integer#MAX_VALUE}, zero variance, one partner, evidence
 * all at one instant or centuries apart, tied priorities and identical ratings and survey answers. A
 * {@link Recipe} names the choices; {@link #recipes()} draws them with QuickTheories and {@link #build(Recipe)}
 * turns one into a valid {@link Partnership}.
 *
 * <p>Stateless and thread-safe.
 */
final class ExtremePartnerships {
    /** Non-negative magnitudes, from the smallest subnormal to the largest finite double. */
    static final List<Double> MAGNITUDES = List.of(0.0, Double.MIN_VALUE, 1e-300, 1.0, 1e300, Double.MAX_VALUE);
    /**
     * Non-FEEDBACK signal values, up to the largest the model accepts ({@link SignalKind#MAX_VALUE}, which keeps
     * every sum of signal values finite).
     */
    static final List<Double> SIGNAL_WEIGHTS = List.of(0.0, Double.MIN_VALUE, 1e-300, 1.0, 1e10,
            SignalKind.MAX_VALUE);
    /** Strictly positive magnitudes (goal weights must be positive). */
    static final List<Double> POSITIVE_MAGNITUDES = List.of(Double.MIN_VALUE, 1e-300, 1.0, 1e300, Double.MAX_VALUE);
    /** Signed magnitudes, for means, baselines, targets and priority weights. */
    static final List<Double> SIGNED = List.of(-Double.MAX_VALUE, -1e300, -1.0, -1e-300, -Double.MIN_VALUE, 0.0,
            Double.MIN_VALUE, 1e-300, 1.0, 1e300, Double.MAX_VALUE);
    /** Feedback values on the scale FEEDBACK accepts ([−1, 1], see {@link SignalKind#accepts(double)}). */
    static final List<Double> FEEDBACK = List.of(-1.0, -1e-300, -Double.MIN_VALUE, 0.0, Double.MIN_VALUE, 1e-300,
            1.0);
    /** Unit counts, up to the largest the model can hold. */
    static final List<Integer> COUNTS = List.of(1, 2, 1_000_000, Integer.MAX_VALUE);

    /** When every generated partnership starts. */
    static final Instant START = Instant.parse("2000-01-01T00:00:00Z");

    /** How the evidence is spread in time. */
    enum Spacing {
        /** Everything at one instant. */
        SAME_INSTANT(Duration.ZERO),
        /** One nanosecond apart. */
        NANOSECONDS(Duration.ofNanos(1)),
        /** One day apart. */
        DAYS(Duration.ofDays(1)),
        /** Thirty years apart. */
        DECADES(Duration.ofDays(30L * 365));

        final Duration step;

        Spacing(Duration step) {
            this.step = step;
        }
    }

    /**
     * The choices behind one extreme partnership.
     *
     * @param partners        number of partners, at least 1
     * @param signals         number of engagement signals
     * @param spacing         how far apart consecutive pieces of evidence are
     * @param signalWeight    the value of every non-FEEDBACK signal
     * @param feedback        the value of every FEEDBACK signal
     * @param priority0       every partner's priority weight for goal g0
     * @param priority1       every partner's priority weight for goal g1 (equal to priority0 for ties)
     * @param goalWeight      the weight of goal g0
     * @param baseline        g0's baseline
     * @param target          g0's target
     * @param levels          whether g0 has attainment levels spanning ±{@code levelSpan}
     * @param levelSpan       outermost attainment level
     * @param mean            the partnership group's mean in every measurement
     * @param comparisonMean  the comparison group's mean, and the alternating partnership mean when not identical
     * @param identical       whether every partnership measurement is identical
     * @param sd              standard deviation, or null
     * @param n               unit count, or null
     * @param se              standard error, or null
     * @param withValues      whether measurements carry three identical unit values (zero variance)
     * @param measurements    number of measurement dates, at least 1
     * @param ratingValue     -1 for no ratings, 0 for every rating at its scale's minimum, 1 at its maximum
     * @param surveyAnswer    0 for no survey, else every collaboration-factors answer (1 to 5)
     */
    record Recipe(int partners, int signals, Spacing spacing, double signalWeight, double feedback, double priority0,
                  double priority1, double goalWeight, double baseline, double target, boolean levels,
                  double levelSpan, double mean, double comparisonMean, boolean identical, Double sd, Integer n,
                  Double se, boolean withValues, int measurements, int ratingValue, int surveyAnswer) {
        Recipe {
            if (partners < 1 || measurements < 1 || signals < 0) {
                throw new IllegalArgumentException("bad recipe");
            }
        }
    }

    private ExtremePartnerships() {
    }

    /**
     * Returns a generator of recipes covering every extreme above in combination.
     *
     * @return the generator
     */
    static Gen<Recipe> recipes() {
        Gen<Integer> partners = SourceDSL.integers().between(1, 4);
        Gen<Integer> signals = SourceDSL.integers().between(0, 30);
        Gen<Spacing> spacing = Generate.enumValues(Spacing.class);
        Gen<Double> magnitude = Generate.pick(MAGNITUDES);
        Gen<Double> signalWeight = Generate.pick(SIGNAL_WEIGHTS);
        Gen<Double> positive = Generate.pick(POSITIVE_MAGNITUDES);
        Gen<Double> signed = Generate.pick(SIGNED);
        Gen<Double> feedback = Generate.pick(FEEDBACK);
        Gen<Boolean> bool = SourceDSL.booleans().all();
        Gen<Double> span = Generate.pick(List.of(Double.MIN_VALUE, 1e-300, 1.0, 1e300, Double.MAX_VALUE));
        Gen<Double> optionalMagnitude = Generate.pick(MAGNITUDES).toOptionals(25).map(o -> o.orElse(null));
        Gen<Integer> optionalCount = Generate.pick(COUNTS).toOptionals(25).map(o -> o.orElse(null));
        Gen<Integer> measurementCount = SourceDSL.integers().between(1, 5);
        Gen<Integer> ratingValue = SourceDSL.integers().between(-1, 1);
        Gen<Integer> surveyAnswer = SourceDSL.integers().between(0, 5);
        return in -> {
            double p0 = signed.generate(in);
            boolean tie = bool.generate(in);
            double p1 = tie ? p0 : signed.generate(in);
            return new Recipe(partners.generate(in), signals.generate(in), spacing.generate(in),
                    signalWeight.generate(in), feedback.generate(in), p0, p1, positive.generate(in),
                    signed.generate(in), signed.generate(in), bool.generate(in), span.generate(in),
                    signed.generate(in), signed.generate(in), bool.generate(in), optionalMagnitude.generate(in),
                    optionalCount.generate(in), optionalMagnitude.generate(in), bool.generate(in),
                    measurementCount.generate(in), ratingValue.generate(in), surveyAnswer.generate(in));
        };
    }

    /**
     * Builds the partnership a recipe describes: partners {@code p0…}, goal {@code g0} (higher is better, with the
     * recipe's indicator, weight and levels) and {@code g1} (lower is better, no baseline or target), a priority of
     * every partner for both goals, signals cycling through every {@link SignalKind} and over sources (toward the
     * next partner, or the whole partnership every third signal or when alone), identical ratings over every
     * ordered pair and dimension, partnership and comparison measurements of both goals, and identical survey
     * answers from every partner.
     *
     * @param r the recipe
     * @return the partnership, valid by construction
     */
    static Partnership build(Recipe r) {
        Partnership.Builder b = Partnership.builder("extreme", "Extreme partnership", START);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < r.partners(); i++) {
            String id = "p" + i;
            ids.add(id);
            b.partner(new Partner(id, "Partner " + i, PartnerType.values()[i % PartnerType.values().length]));
        }
        List<Double> levels = r.levels()
                ? List.of(-r.levelSpan(), -r.levelSpan() / 2, 0.0, r.levelSpan() / 2, r.levelSpan())
                : List.of();
        if (r.levels() && r.levelSpan() / 2 == 0.0) {
            // Halving a subnormal span would collapse two levels; keep the levels strictly increasing.
            levels = List.of(-3 * r.levelSpan(), -r.levelSpan(), 0.0, r.levelSpan(), 3 * r.levelSpan());
        }
        b.goal(new Goal("g0", "Goal zero", new Indicator("indicator zero", "units", Direction.HIGHER_IS_BETTER,
                r.baseline(), r.target()), ids, START.plus(Duration.ofDays(365)), r.goalWeight(), levels));
        b.goal(new Goal("g1", "Goal one", new Indicator("indicator one", "units", Direction.LOWER_IS_BETTER,
                null, null), List.of(ids.get(0)), null));
        for (String id : ids) {
            b.priority(new Priority(id, "g0", r.priority0()));
            b.priority(new Priority(id, "g1", r.priority1()));
        }
        SignalKind[] kinds = SignalKind.values();
        for (int i = 0; i < r.signals(); i++) {
            SignalKind kind = kinds[i % kinds.length];
            String source = ids.get(i % ids.size());
            String target = ids.size() == 1 || i % 3 == 2 ? null : ids.get((i + 1) % ids.size());
            // A recipe's magnitude above the model's bound for signal values is taken at the bound.
            double value = kind == SignalKind.FEEDBACK ? r.feedback() : Math.min(SignalKind.MAX_VALUE, r.signalWeight());
            b.signal(new EngagementSignal(at(r, i), source, target, i % 2 == 0 ? "g0" : null, kind, value));
        }
        if (r.ratingValue() >= 0) {
            for (String rater : ids) {
                for (String ratee : ids) {
                    if (rater.equals(ratee)) {
                        continue;
                    }
                    for (RatingDimension d : RatingDimension.values()) {
                        b.rating(new Rating(at(r, 1), rater, ratee, d, r.ratingValue() == 0 ? d.min() : d.max()));
                    }
                }
            }
        }
        for (int m = 0; m < r.measurements(); m++) {
            Instant when = at(r, m);
            double own = r.identical() || m % 2 == 0 ? r.mean() : r.comparisonMean();
            for (String goal : List.of("g0", "g1")) {
                b.measurement(measurement(r, goal, when, MeasurementGroup.PARTNERSHIP, own));
                b.measurement(measurement(r, goal, when, MeasurementGroup.COMPARISON, r.comparisonMean()));
            }
        }
        if (r.surveyAnswer() > 0) {
            Map<String, Integer> answers = new TreeMap<>();
            for (int item = 1; item <= 40; item++) {
                answers.put(String.format(Locale.ROOT, "cf%02d", item), r.surveyAnswer());
            }
            for (String id : ids) {
                b.survey(new SurveyResponse("collaboration-factors", "w1", "r-" + id, id, answers));
            }
        }
        return b.build();
    }

    private static Measurement measurement(Recipe r, String goal, Instant when, MeasurementGroup group, double mean) {
        if (r.withValues()) {
            return new Measurement(goal, when, group, mean, r.sd(), null, r.se(), List.of(mean, mean, mean));
        }
        return new Measurement(goal, when, group, mean, r.sd(), r.n(), r.se(), List.of());
    }

    private static Instant at(Recipe r, int i) {
        return START.plus(r.spacing().step.multipliedBy(i));
    }
}
