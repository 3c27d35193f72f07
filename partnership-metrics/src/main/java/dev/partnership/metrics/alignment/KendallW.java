package dev.partnership.metrics.alignment;

import dev.partnership.Dimension;
import dev.partnership.Goal;
import dev.partnership.Interval;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Goal alignment as the concordance of partners' goal priorities, Kendall's W with the tie correction (Kendall &amp;
 * Babington Smith 1939; Siegel &amp; Castellan 1988, section 9.4; arithmetic in {@link Concordance}); strategy id
 * {@value #ID}.
 *
 * <p><b>Input.</b> Raters are partners, objects are goals, and each rater ranks the goals by its priority weights
 * (rank 1 = the highest weight; equal weights share their midrank). Goals that no partner weighted are left out
 * (warning {@code EXCLUDED_INPUT}, detail {@code unrankedGoals}). Partners who weighted some but not all of the
 * remaining goals are excluded listwise (warning {@code EXCLUDED_INPUT}, detail {@code excludedPartners});
 * partners who weighted none are not raters (detail {@code partnersWithoutPriorities}).
 *
 * <p><b>Partnership score</b> (the headline, always first). {@code value = normalized = W}; details W, χ² =
 * m (n − 1) W, df = n − 1, its p value, raters m, goals n, the tie correction ΣT, each goal's mean rank
 * ({@code meanRanks}) and the standard deviation of its ranks across raters ({@code rankSd}, denominator m − 1),
 * and the most contested goal: the one whose ranks vary most, ties broken by goal id (absent when all raters rank
 * alike). Fewer than 2 raters or 2 goals, or every rater tying every goal (W undefined), give
 * {@code INSUFFICIENT_EVIDENCE} with the reason, and then no goal scores.
 *
 * <p><b>W per goal category.</b> Goals whose {@link Goal#category()} (attribute {@value Goal#CATEGORY}) is the same
 * form a subset; goals without a category belong to no subset (detail {@code goalsWithoutCategory}) and count only
 * in the overall W. For every category with at least {@value #MIN_CATEGORY_GOALS} ranked goals, W is computed on
 * that subset alone by the same rules: each partner's weights are ranked within the subset, partners who weighted
 * some but not all of its goals are excluded listwise within the subset (so a partner excluded overall may rate a
 * category it weighted fully), ties are corrected, and χ² and p are on (subset size − 1) df. Detail
 * {@code byCategory} maps each category, sorted, to {@code {W, chiSquared, df, pValue, goals, raters,
 * excludedPartners}}; {@code categoriesTooSmall} lists the categories with fewer ranked goals;
 * {@code categoriesInsufficient} maps a category with enough goals but fewer than 2 complete raters, or with W
 * undefined, to the reason. Category W carry no interval: one resampling loop serves the headline and the goals,
 * and a subset of few goals would give a wide, little-informative one; their χ² test says whether the agreement
 * within the category beats chance. These details appear on the partnership score, also when it is insufficient.
 *
 * <p><b>Goal scores</b> (one per ranked goal, subject {@link Subject#goal(String)}, in goal-id order after the
 * partnership score). {@code value} = sd, the standard deviation of the goal's ranks across the m raters
 * (denominator m − 1); {@code normalized} = agreement {@code 1 − sd / sdMax} on [0, 1], where
 * {@code sdMax = (n − 1) √(⌊m²/4⌋ / (m (m − 1)))} is the largest possible SD of m ranks on 1..n, reached when the
 * raters split as evenly as they can between rank 1 and rank n ({@code (n − 1) √(m / (4 (m − 1)))} for even m,
 * {@code (n − 1) √((m + 1) / (4 m))} for odd m; derivation at {@link Concordance#maxRankSd}). Agreement 1 means
 * every partner gives the goal the same rank, 0 that they are as divided as possible. The goal with the lowest
 * agreement is the most contested goal. Details {@code meanRank}, {@code rankSd}, {@code rankSdMax},
 * {@code raters}, {@code goals} and, when it has one, {@code category}. A goal score is not a level of alignment
 * of the partnership: the ALIGNMENT summary reads only the partnership score.
 *
 * <p><b>Intervals.</b> A seeded BCa bootstrap over raters ({@link Bootstrap#bca}: raters drawn with replacement,
 * {@code bootstrapResamples} times, seed {@code context.seedFor("kendall-w")}; bias correction and jackknife
 * acceleration per Efron 1987; type 7 quantiles, Hyndman &amp; Fan 1996). One resampling loop serves every
 * statistic ({@link Bootstrap#bca(int, int, Bootstrap.Statistics, double, long)}): W and every goal's rank SD are
 * computed on the same resample, so W and the goals see the same resampled raters. W's resamples on which it is undefined are dropped; a goal's SD
 * is defined on every resample. A resample that draws a rater twice inflates agreement (a rater always agrees with
 * itself), so the bootstrap distribution of W sits above W when raters are few; the plain percentile interval
 * would inherit that shift, and BCa's bias correction {@code z₀} removes it. Details
 * {@code bootstrapBiasCorrection} and {@code bootstrapAcceleration} report z₀ and a for W. A goal's interval is the
 * BCa interval of its SD (z₀ from its resampled SDs, acceleration from its leave-one-rater-out SDs, 0 when there
 * are only two raters), and its normalized interval the same interval mapped through {@code 1 − sd / sdMax}
 * (BCa respects monotone maps).
 *
 * <p><b>Cost.</b> O(P G) to read priorities, O(m n log n) to rank, O(B m n) time and O(B n) memory for B bootstrap
 * resamples, O(n B log B) for the goal intervals, O(m n log n) for the category subsets together.
 *
 * <p>Immutable and thread-safe; {@link #withBootstrapResamples(int)} returns a copy.
 */
public final class KendallW implements ScoringStrategy {
    /** The strategy id. */
    public static final String ID = "kendall-w";
    /** Default number of bootstrap resamples. */
    public static final int DEFAULT_BOOTSTRAP_RESAMPLES = Bootstrap.DEFAULT_RESAMPLES;
    /** Fewest bootstrap resamples accepted. */
    public static final int MIN_BOOTSTRAP_RESAMPLES = 100;
    /** Most bootstrap resamples accepted. */
    public static final int MAX_BOOTSTRAP_RESAMPLES = 100_000;
    /** Fewest ranked goals a category needs for its own W. */
    public static final int MIN_CATEGORY_GOALS = 2;

    private static final String AGREEMENT_SCALE =
            "1 = every partner gives it the same rank, 0 = partners split between first and last place";

    private final Bootstrap bootstrap;

    /** Creates the strategy with {@value #DEFAULT_BOOTSTRAP_RESAMPLES} bootstrap resamples. */
    public KendallW() {
        this(DEFAULT_BOOTSTRAP_RESAMPLES);
    }

    /**
     * Creates the strategy.
     *
     * @param bootstrapResamples resamples for the intervals, in [{@value #MIN_BOOTSTRAP_RESAMPLES},
     *                           {@value #MAX_BOOTSTRAP_RESAMPLES}]
     * @throws IllegalArgumentException when out of range
     */
    public KendallW(int bootstrapResamples) {
        if (bootstrapResamples < MIN_BOOTSTRAP_RESAMPLES || bootstrapResamples > MAX_BOOTSTRAP_RESAMPLES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "bootstrapResamples must lie in [%d, %d], was %d",
                    MIN_BOOTSTRAP_RESAMPLES, MAX_BOOTSTRAP_RESAMPLES, bootstrapResamples));
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
     * @param resamples in [{@value #MIN_BOOTSTRAP_RESAMPLES}, {@value #MAX_BOOTSTRAP_RESAMPLES}]
     * @return the copy
     */
    public KendallW withBootstrapResamples(int resamples) {
        return new KendallW(resamples);
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
     * Scores the concordance of the partners' priorities, as described in the class documentation.
     *
     * @param context the evidence and evaluation settings
     * @return the partnership score first, then one score per ranked goal, and warnings for excluded input or a
     *         missing score
     */
    @Override
    public StrategyResult score(ScoringContext context) {
        EvidenceIndex ev = context.evidence();
        int goals = ev.goalCount();
        List<Warning> warnings = new ArrayList<>();

        // Objects: goals that at least one partner weighted; raters: partners who weighted all of them (listwise).
        PrioritySelection selection = PrioritySelection.of(ev);
        List<Integer> objects = selection.goals();
        List<String> unrankedGoals = selection.unweightedGoals();
        int n = objects.size();
        List<Integer> raters = selection.complete();
        List<String> excluded = selection.partialIds(ev);
        int m = raters.size();
        warnings.addAll(selection.exclusionWarnings(ev, ID, "the concordance", "the concordance", ""));

        Map<String, String> categoryOf = new HashMap<>();
        for (Goal g : context.partnership().goals()) {
            if (g.category() != null) {
                categoryOf.put(g.id(), g.category());
            }
        }
        Map<String, Object> categoryDetails = categoryDetails(ev, objects, categoryOf);

        Score.Builder b = Score.builder(ID, Dimension.ALIGNMENT, Subject.partnership());
        String reason = null;
        if (n == 0) {
            reason = "No partner gave priorities for the goals, so there is nothing to compare.";
        } else if (n < 2) {
            reason = String.format(Locale.ROOT,
                    "Only one goal (%s) has priorities; agreement on priorities needs at least two goals to rank.",
                    ev.goalId(objects.get(0)));
        } else if (m < 2) {
            reason = String.format(Locale.ROOT,
                    "%s partner%s weighted all %d goals; agreement on priorities needs at least two.",
                    m == 0 ? "No" : "Only one", m == 1 ? "" : "s", n);
        }
        if (reason != null) {
            return insufficient(b, reason, m, n, ev, selection, categoryDetails, warnings);
        }

        double[][] ranks = ranks(ev, raters, objects);
        double[] ties = new double[m];
        for (int i = 0; i < m; i++) {
            ties[i] = Concordance.tieTerm(ranks[i]);
        }
        Optional<Concordance> maybe = Concordance.ofRanks(ranks);
        if (maybe.isEmpty()) {
            reason = String.format(Locale.ROOT,
                    "Each of the %d partners gave all %d goals the same weight, so there are no rankings to compare.",
                    m, n);
            return insufficient(b, reason, m, n, ev, selection, categoryDetails, warnings);
        }
        Concordance c = maybe.get();

        // Midranks are multiples of 1/2, so these sums are exact and nothing depends on the order of the raters.
        double[] sums = new double[n];
        double[] sumSquares = new double[n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                sums[j] += ranks[i][j];
                sumSquares[j] += ranks[i][j] * ranks[i][j];
            }
        }
        Map<String, Object> meanRanks = new LinkedHashMap<>();
        Map<String, Object> rankSd = new LinkedHashMap<>();
        double[] sd = new double[n];
        int mostContested = -1;
        for (int j = 0; j < n; j++) {
            sd[j] = Concordance.rankSd(sums[j], sumSquares[j], m);
            String goal = ev.goalId(objects.get(j));
            meanRanks.put(goal, sums[j] / m);
            rankSd.put(goal, sd[j]);
            if (sd[j] > (mostContested < 0 ? 0 : sd[mostContested])) {
                mostContested = j;
            }
        }

        double level = context.confidenceLevel();
        // One resampling loop: statistic 0 is W, statistic 1 + j the rank SD of goal j.
        List<Bootstrap.Result> boots = bootstrap.bca(m, 1 + n, (sample, out) -> {
            out[0] = Concordance.w(ranks, ties, sample);
            for (int j = 0; j < n; j++) {
                double sum = 0;
                double squares = 0;
                for (int i : sample) {
                    sum += ranks[i][j];
                    squares += ranks[i][j] * ranks[i][j];
                }
                out[1 + j] = sample.length < 2 ? Double.NaN : Concordance.rankSd(sum, squares, sample.length);
            }
        }, level, context.seedFor(ID));
        Bootstrap.Result boot = boots.get(0);

        b.value(c.w()).normalized(c.w()).n(m)
                .detail("W", c.w()).detail("chiSquared", c.chiSquared()).detail("df", c.degreesOfFreedom())
                .detail("pValue", c.pValue()).detail("raters", m).detail("goals", n)
                .detail("tieCorrection", c.tieCorrection()).detail("meanRanks", meanRanks).detail("rankSd", rankSd);
        if (mostContested >= 0) {
            b.detail("mostContestedGoal", ev.goalId(objects.get(mostContested)));
        }
        b.detail("excludedPartners", excluded).detail("partnersWithoutPriorities", selection.withoutPriorities())
                .detail("unrankedGoals", unrankedGoals);
        categoryDetails.forEach(b::detail);
        b.detail("bootstrapResamples", boot.resamples()).detail("bootstrapValidReplicates", boot.validReplicates());
        if (boot.interval() != null) {
            b.detail("bootstrapBiasCorrection", boot.biasCorrection())
                    .detail("bootstrapAcceleration", boot.acceleration());
        }
        String intervalText = "";
        if (boot.interval() != null) {
            Interval interval = UnitInterval.clip(boot.interval());
            b.interval(interval).normalizedInterval(interval);
            intervalText = String.format(Locale.ROOT, ", %s BCa bootstrap interval %.2f to %.2f",
                    ExplanationNumbers.level(level), interval.low(), interval.high());
        } else {
            b.detail("intervalNote", "no bootstrap interval: W was undefined on almost every resample");
        }
        String contested = mostContested < 0
                ? "they rank every goal in the same order"
                : "they differ most on goal " + ev.goalId(objects.get(mostContested));
        b.explanation(String.format(Locale.ROOT,
                "The %d partners who weighted all %d goals agree on their priorities with Kendall's W = %.2f "
                        + "(0 = no agreement, 1 = identical rankings; p = %.3f%s), and %s.",
                m, n, c.w(), c.pValue(), intervalText, contested));

        List<Score> scores = new ArrayList<>(n + 1);
        scores.add(b.build());
        double sdMax = Concordance.maxRankSd(m, n);
        for (int j = 0; j < n; j++) {
            String goal = ev.goalId(objects.get(j));
            Interval sdInterval = clamp(boots.get(1 + j).interval(), sdMax);
            scores.add(goalScore(goal, categoryOf.get(goal), j == mostContested, sums[j] / m, sd[j],
                    Concordance.rankAgreement(sums[j], sumSquares[j], m, n), sdMax, sdInterval, m, n));
        }
        return new StrategyResult(scores, warnings);
    }

    /** A goal's SD interval, kept within the SD's range [0, sdMax]; {@code null} stays {@code null}. */
    private static Interval clamp(Interval sd, double sdMax) {
        if (sd == null) {
            return null;
        }
        double low = Math.max(0, Math.min(sdMax, sd.low()));
        return new Interval(low, Math.max(low, Math.min(sdMax, sd.high())), sd.level());
    }

    /** Builds one goal's agreement score. */
    private static Score goalScore(String goal, String category, boolean mostContested, double meanRank, double sd,
                                   double agreement, double sdMax, Interval sdInterval, int m, int n) {
        Score.Builder g = Score.builder(ID, Dimension.ALIGNMENT, Subject.goal(goal))
                .value(sd).normalized(agreement).n(m)
                .detail("meanRank", meanRank).detail("rankSd", sd).detail("rankSdMax", sdMax)
                .detail("raters", m).detail("goals", n);
        if (category != null) {
            g.detail("category", category);
        }
        String intervalText = "";
        if (sdInterval != null) {
            // Agreement falls as the SD rises, so the SD's upper bound gives agreement's lower bound.
            Interval agreementInterval = new Interval(UnitInterval.clamp(1 - sdInterval.high() / sdMax),
                    UnitInterval.clamp(1 - sdInterval.low() / sdMax), sdInterval.level());
            g.interval(sdInterval).normalizedInterval(agreementInterval);
            intervalText = "; " + ExplanationNumbers.level(sdInterval.level()) + " BCa bootstrap interval "
                    + ExplanationNumbers.twoDecimals(agreementInterval.low()) + " to "
                    + ExplanationNumbers.twoDecimals(agreementInterval.high());
        } else {
            g.detail("intervalNote", "no bootstrap interval: the resamples could not be recorded");
        }
        String spread = "SD " + ExplanationNumbers.twoDecimals(sd) + " across the " + m + " partners";
        String outcome = ": agreement " + ExplanationNumbers.twoDecimals(agreement) + " (" + AGREEMENT_SCALE
                + intervalText + ").";
        if (mostContested) {
            g.explanation("Partners differ most on goal " + goal + " (mean rank "
                    + ExplanationNumbers.twoDecimals(meanRank) + " of " + n + ", " + spread + ")" + outcome);
        } else {
            g.explanation("Partners rank goal " + goal + " " + ExplanationNumbers.twoDecimals(meanRank) + " of " + n
                    + " on average (" + spread + ")" + outcome);
        }
        return g.build();
    }



    /**
     * Computes W on each category's goals; see the class documentation. Cost O(m n log n) over all categories.
     *
     * @return the details {@code byCategory}, {@code categoriesTooSmall}, {@code categoriesInsufficient} and
     *         {@code goalsWithoutCategory}, in that order
     */
    private static Map<String, Object> categoryDetails(EvidenceIndex ev, List<Integer> objects,
                                                       Map<String, String> categoryOf) {
        Map<String, List<Integer>> members = new TreeMap<>();
        List<String> withoutCategory = new ArrayList<>();
        for (int g : objects) {
            String category = categoryOf.get(ev.goalId(g));
            if (category == null) {
                withoutCategory.add(ev.goalId(g));
            } else {
                members.computeIfAbsent(category, k -> new ArrayList<>()).add(g);
            }
        }
        Map<String, Object> byCategory = new LinkedHashMap<>();
        List<String> tooSmall = new ArrayList<>();
        Map<String, Object> insufficient = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
            List<Integer> subset = e.getValue();
            int n = subset.size();
            if (n < MIN_CATEGORY_GOALS) {
                tooSmall.add(e.getKey());
                continue;
            }
            PrioritySelection selection = PrioritySelection.of(ev, subset);
            int m = selection.complete().size();
            if (m < 2) {
                insufficient.put(e.getKey(), String.format(Locale.ROOT,
                        "%s partner%s weighted all %d goals of the category; agreement needs at least two",
                        m == 0 ? "No" : "Only one", m == 1 ? "" : "s", n));
                continue;
            }
            Optional<Concordance> c = Concordance.ofRanks(ranks(ev, selection.complete(), subset));
            if (c.isEmpty()) {
                insufficient.put(e.getKey(), String.format(Locale.ROOT,
                        "each of the %d partners gave the %d goals of the category the same weight", m, n));
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("W", c.get().w());
            entry.put("chiSquared", c.get().chiSquared());
            entry.put("df", c.get().degreesOfFreedom());
            entry.put("pValue", c.get().pValue());
            entry.put("goals", n);
            entry.put("raters", m);
            entry.put("excludedPartners", selection.partialIds(ev));
            byCategory.put(e.getKey(), entry);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("byCategory", byCategory);
        details.put("categoriesTooSmall", tooSmall);
        details.put("categoriesInsufficient", insufficient);
        details.put("goalsWithoutCategory", withoutCategory);
        return details;
    }

    /**
     * Ranks each rater's weights of the given goals, highest weight first, with midranks for ties. Cost
     * O(m n log n).
     *
     * @return {@code ranks[rater][goal]} in the order of the arguments
     */
    private static double[][] ranks(EvidenceIndex ev, List<Integer> raters, List<Integer> goals) {
        double[][] ranks = new double[raters.size()][];
        for (int i = 0; i < ranks.length; i++) {
            double[] scores = new double[goals.size()];
            for (int j = 0; j < scores.length; j++) {
                // Negate so that the highest weight gets rank 1; adding to 0.0 turns -0.0 into 0.0 so they tie.
                scores[j] = 0.0 - ev.priority(raters.get(i), goals.get(j));
            }
            ranks[i] = Concordance.midranks(scores);
        }
        return ranks;
    }

    private static StrategyResult insufficient(Score.Builder b, String reason, int m, int n, EvidenceIndex ev,
                                               PrioritySelection selection, Map<String, Object> categoryDetails,
                                               List<Warning> warnings) {
        warnings.add(new Warning(Warning.INSUFFICIENT_EVIDENCE, ID, "goal-priority concordance: " + reason));
        b.insufficient(reason).explanation(reason).n(m)
                .detail("raters", m).detail("goals", n).detail("excludedPartners", selection.partialIds(ev))
                .detail("partnersWithoutPriorities", selection.withoutPriorities())
                .detail("unrankedGoals", selection.unweightedGoals());
        categoryDetails.forEach(b::detail);
        return new StrategyResult(List.of(b.build()), warnings);
    }


}
