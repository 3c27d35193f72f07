package dev.partnership.metrics.alignment;

import dev.partnership.Dimension;
import dev.partnership.Interval;
import dev.partnership.Score;
import dev.partnership.Subject;
import dev.partnership.Warning;
import dev.partnership.metrics.stats.ExplanationNumbers;
import dev.partnership.metrics.stats.Bootstrap;
import dev.partnership.metrics.stats.UnitInterval;
import dev.partnership.spi.EvidenceIndex;
import dev.partnership.spi.ScoringContext;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.StrategyResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
 * <p><b>Score</b> (one, about the partnership). {@code value = normalized = W}; details W, χ², df, p value, raters
 * m, goals n, the tie correction ΣT, each goal's mean rank and the standard deviation of its ranks across raters
 * (denominator m − 1), and the most contested goal: the one whose ranks vary most, ties broken by goal id (absent
 * when all raters rank alike). Fewer than 2 raters or 2 goals, or every rater tying every goal (W undefined), give
 * {@code INSUFFICIENT_EVIDENCE} with the reason.
 *
 * <p><b>Interval.</b> A seeded BCa bootstrap over raters ({@link Bootstrap#bca}: raters drawn with replacement, W
 * recomputed, {@code bootstrapResamples} times, seed {@code context.seedFor("kendall-w")}; bias correction and
 * jackknife acceleration per Efron 1987; type 7 quantiles, Hyndman &amp; Fan 1996). Resamples on which W is
 * undefined are dropped. A resample that draws a rater twice inflates agreement (a rater always agrees with
 * itself), so the bootstrap distribution of W sits above W when raters are few; the plain percentile interval
 * would inherit that shift, and BCa's bias correction {@code z₀} removes it. Details {@code bootstrapBiasCorrection}
 * and {@code bootstrapAcceleration} report z₀ and a.
 *
 * <p><b>Cost.</b> O(P G) to read priorities, O(m n log n) to rank, O(B m n) for B bootstrap resamples.
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

    private final Bootstrap bootstrap;

    /** Creates the strategy with {@value #DEFAULT_BOOTSTRAP_RESAMPLES} bootstrap resamples. */
    public KendallW() {
        this(DEFAULT_BOOTSTRAP_RESAMPLES);
    }

    /**
     * Creates the strategy.
     *
     * @param bootstrapResamples resamples for the interval, in [{@value #MIN_BOOTSTRAP_RESAMPLES},
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
     * @return one partnership score, and warnings for excluded input or a missing score
     */
    @Override
    public StrategyResult score(ScoringContext context) {
        EvidenceIndex ev = context.evidence();
        int partners = ev.partnerCount();
        int goals = ev.goalCount();
        List<Warning> warnings = new ArrayList<>();

        // Objects: goals that at least one partner weighted, in goal-id order.
        List<Integer> objects = new ArrayList<>();
        List<String> unrankedGoals = new ArrayList<>();
        for (int g = 0; g < goals; g++) {
            boolean any = false;
            for (int p = 0; p < partners && !any; p++) {
                any = !Double.isNaN(ev.priority(p, g));
            }
            if (any) {
                objects.add(g);
            } else {
                unrankedGoals.add(ev.goalId(g));
            }
        }
        int n = objects.size();

        // Raters: partners who weighted every object; partial raters are excluded listwise.
        List<Integer> raters = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        int withoutPriorities = 0;
        for (int p = 0; p < partners; p++) {
            int given = 0;
            for (int g : objects) {
                if (!Double.isNaN(ev.priority(p, g))) {
                    given++;
                }
            }
            if (given == 0) {
                withoutPriorities++;
            } else if (given < n) {
                excluded.add(ev.partnerId(p));
            } else {
                raters.add(p);
            }
        }
        int m = raters.size();

        if (!unrankedGoals.isEmpty() && n > 0) {
            warnings.add(new Warning(Warning.EXCLUDED_INPUT, ID, String.format(Locale.ROOT,
                    "no partner gave a priority for goal%s %s, so %s left out of the concordance",
                    unrankedGoals.size() == 1 ? "" : "s", String.join(", ", unrankedGoals),
                    unrankedGoals.size() == 1 ? "it was" : "they were")));
        }
        if (!excluded.isEmpty()) {
            warnings.add(new Warning(Warning.EXCLUDED_INPUT, ID, String.format(Locale.ROOT,
                    "partner%s %s weighted some but not all of the %d goals and %s left out of the concordance "
                            + "(listwise deletion)",
                    excluded.size() == 1 ? "" : "s", String.join(", ", excluded), n,
                    excluded.size() == 1 ? "was" : "were")));
        }

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
            return insufficient(b, reason, m, n, excluded, withoutPriorities, unrankedGoals, warnings);
        }

        double[][] ranks = new double[m][n];
        double[] ties = new double[m];
        for (int i = 0; i < m; i++) {
            double[] scores = new double[n];
            for (int j = 0; j < n; j++) {
                // Negate so that the highest weight gets rank 1; adding to 0.0 turns -0.0 into 0.0 so they tie.
                scores[j] = 0.0 - ev.priority(raters.get(i), objects.get(j));
            }
            ranks[i] = Concordance.midranks(scores);
            ties[i] = Concordance.tieTerm(ranks[i]);
        }
        Optional<Concordance> maybe = Concordance.ofRanks(ranks);
        if (maybe.isEmpty()) {
            reason = String.format(Locale.ROOT,
                    "Each of the %d partners gave all %d goals the same weight, so there are no rankings to compare.",
                    m, n);
            return insufficient(b, reason, m, n, excluded, withoutPriorities, unrankedGoals, warnings);
        }
        Concordance c = maybe.get();

        Map<String, Object> meanRanks = new LinkedHashMap<>();
        Map<String, Object> rankSd = new LinkedHashMap<>();
        String mostContested = null;
        double largestSd = 0;
        for (int j = 0; j < n; j++) {
            // Midranks are multiples of 1/2, so these sums are exact and the SD does not depend on rater order.
            double sum = 0;
            double sumSquares = 0;
            for (int i = 0; i < m; i++) {
                sum += ranks[i][j];
                sumSquares += ranks[i][j] * ranks[i][j];
            }
            double variance = Math.max(0, (m * sumSquares - sum * sum) / ((double) m * (m - 1)));
            double sd = Math.sqrt(variance);
            String goal = ev.goalId(objects.get(j));
            meanRanks.put(goal, sum / m);
            rankSd.put(goal, sd);
            if (sd > largestSd) {
                largestSd = sd;
                mostContested = goal;
            }
        }

        double level = context.confidenceLevel();
        Bootstrap.Result boot = bootstrap.bca(m, sample -> Concordance.w(ranks, ties, sample), level,
                context.seedFor(ID));

        b.value(c.w()).normalized(c.w()).n(m)
                .detail("W", c.w()).detail("chiSquared", c.chiSquared()).detail("df", c.degreesOfFreedom())
                .detail("pValue", c.pValue()).detail("raters", m).detail("goals", n)
                .detail("tieCorrection", c.tieCorrection()).detail("meanRanks", meanRanks).detail("rankSd", rankSd);
        if (mostContested != null) {
            b.detail("mostContestedGoal", mostContested);
        }
        b.detail("excludedPartners", excluded).detail("partnersWithoutPriorities", withoutPriorities)
                .detail("unrankedGoals", unrankedGoals)
                .detail("bootstrapResamples", boot.resamples())
                .detail("bootstrapValidReplicates", boot.validReplicates());
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
        String contested = mostContested == null
                ? "they rank every goal in the same order"
                : "they differ most on goal " + mostContested;
        b.explanation(String.format(Locale.ROOT,
                "The %d partners who weighted all %d goals agree on their priorities with Kendall's W = %.2f "
                        + "(0 = no agreement, 1 = identical rankings; p = %.3f%s), and %s.",
                m, n, c.w(), c.pValue(), intervalText, contested));
        return new StrategyResult(List.of(b.build()), warnings);
    }

    private static StrategyResult insufficient(Score.Builder b, String reason, int m, int n, List<String> excluded,
                                               int withoutPriorities, List<String> unrankedGoals,
                                               List<Warning> warnings) {
        warnings.add(new Warning(Warning.INSUFFICIENT_EVIDENCE, ID, "goal-priority concordance: " + reason));
        Score s = b.insufficient(reason).explanation(reason).n(m)
                .detail("raters", m).detail("goals", n).detail("excludedPartners", excluded)
                .detail("partnersWithoutPriorities", withoutPriorities).detail("unrankedGoals", unrankedGoals)
                .build();
        return new StrategyResult(List.of(s), warnings);
    }
}
