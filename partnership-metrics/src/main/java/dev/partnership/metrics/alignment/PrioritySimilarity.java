package dev.partnership.metrics.alignment;

import dev.partnership.Dimension;
import dev.partnership.Interval;
import dev.partnership.Partner;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Goal alignment as the similarity of partners' priority vectors: pairwise cosine similarity and weighted Jaccard
 * index (arithmetic and sources in {@link PrioritySimilarityMeasures}), the mean similarity of each partner to the
 * others, the partnership's mean and its least-aligned partner; strategy id {@value #ID}.
 *
 * <p><b>Input.</b> Each partner's vector holds its priority weights over the goals ({@code EvidenceIndex.priority},
 * {@code NaN} when the partner gave none). Priorities carry no time, so {@code asOf} does not affect the result.
 * Partners who gave no priority at all are not compared (detail {@code partnersWithoutPriorities}, warning
 * {@code EXCLUDED_INPUT}).
 *
 * <p><b>Missing priorities: pairwise deletion.</b> A pair is compared on its <i>shared goals</i>, the goals both
 * partners weighted; a goal only one of them weighted is left out of that pair's comparison (detail
 * {@code excludedGoals}). A pair with fewer than {@value #MIN_SHARED_GOALS} shared goals is
 * {@code INSUFFICIENT_EVIDENCE}, as is a pair where either partner gives weight 0 to every shared goal (the cosine
 * of a zero vector is undefined).
 *
 * <p><b>Negative weights: parameter {@code negativeWeights}</b>, default {@code clip}. The weighted Jaccard index
 * needs non-negative weights, and a negative cosine would leave [0, 1], so a negative priority is handled by an
 * explicit policy before any comparison:
 * <ul>
 *   <li>{@code clip}: the weight becomes 0 (the goal counts as unimportant), with a warning
 *       {@value #NEGATIVE_PRIORITY} naming the partners and goals;</li>
 *   <li>{@code shift}: every weight of a partner with a negative weight is raised by |its lowest weight|, so that
 *       its lowest goal weighs 0 and the differences between its goals are kept; warning {@value #NEGATIVE_PRIORITY}
 *       naming the partners and the shift;</li>
 *   <li>{@code reject}: the strategy gives one {@code INSUFFICIENT_EVIDENCE} partnership score and a warning
 *       naming the partners and goals.</li>
 * </ul>
 *
 * <p><b>Scores.</b>
 * <ul>
 *   <li>Per unordered pair ({@code Subject.pair(a, b)} with {@code a < b} by id), for every two partners with
 *       priorities: {@code value = normalized = cos}, details {@code jaccard} (raw weights),
 *       {@code jaccardNormalized} (each vector divided by its sum over the shared goals), {@code sharedGoals} and
 *       {@code excludedGoals}; n = shared goals. Cosine is scale invariant, so it is the same raw or normalised;
 *       the raw Jaccard index is not, which is why both Jaccard figures are given.</li>
 *   <li>Per partner ({@code Subject.partner}): {@code value = normalized =} the mean cosine to the partners it
 *       could be compared with; details {@code meanJaccard}, {@code meanJaccardNormalized},
 *       {@code comparedWith}; n = compared pairs.</li>
 *   <li>Partnership: {@code value = normalized =} the mean cosine over compared pairs; details
 *       {@code meanJaccard}, {@code meanJaccardNormalized}, counts, the symmetric {@code cosineMatrix} (partner →
 *       partner → cosine, compared pairs only), {@code leastAligned} (the partner with the lowest mean cosine,
 *       ties broken by id) and {@code leastAlignedMeanCosine}.</li>
 * </ul>
 * Cosine on non-negative weights lies in [0, 1]: 1 when two partners weight the shared goals in the same
 * proportions, 0 when no goal has positive weight from both.
 *
 * <p><b>Interval</b> (partnership score only). A seeded node bootstrap over partners ({@link Bootstrap#percentile},
 * type 7 quantiles; seed {@code context.seedFor("priority-similarity")}, {@code bootstrapResamples} resamples):
 * the compared partners are drawn with replacement and the mean cosine is recomputed over the pairs of distinct
 * drawn partners. A pair of a partner with its own copy is left out, because a partner always agrees with itself
 * and counting it would inflate similarity; a resample with no such pair is dropped. It needs at least
 * {@value #MIN_PARTNERS_FOR_INTERVAL} compared partners: with two, every usable resample is the same pair and the
 * interval would have zero width. It describes how the mean would vary over partnerships drawn like this one.
 * Pair and partner scores have no interval: priorities are declared, not sampled, so a single comparison has no
 * sampling error to report.
 *
 * <p><b>Cost.</b> O(P² G) time for P partners and G goals, O(P²) memory, plus O(B u²) for B resamples of u
 * compared partners.
 *
 * <p>Immutable and thread-safe; {@link #withBootstrapResamples(int)} and {@link #withNegativeWeights} return copies.
 */
public final class PrioritySimilarity implements ScoringStrategy {
    /** The strategy id. */
    public static final String ID = "priority-similarity";
    /** Warning code for negative priority weights that were clipped or shifted. */
    public static final String NEGATIVE_PRIORITY = "NEGATIVE_PRIORITY";
    /** Default number of bootstrap resamples. */
    public static final int DEFAULT_BOOTSTRAP_RESAMPLES = Bootstrap.DEFAULT_RESAMPLES;
    /** Fewest bootstrap resamples accepted. */
    public static final int MIN_BOOTSTRAP_RESAMPLES = 100;
    /** Most bootstrap resamples accepted. */
    public static final int MAX_BOOTSTRAP_RESAMPLES = 100_000;
    /** Default policy for negative weights. */
    public static final NegativeWeights DEFAULT_NEGATIVE_WEIGHTS = NegativeWeights.CLIP;
    /** Fewest shared goals on which a pair is compared. */
    public static final int MIN_SHARED_GOALS = 2;
    /** Fewest compared partners for a bootstrap interval. */
    public static final int MIN_PARTNERS_FOR_INTERVAL = 3;

    /** What to do with a negative priority weight; see the class documentation. */
    public enum NegativeWeights {
        /** Give no similarity scores while any weight is negative. */
        REJECT("reject"),
        /** Raise all of a partner's weights by |its lowest weight|. */
        SHIFT("shift"),
        /** Replace a negative weight by 0. */
        CLIP("clip");

        private final String parameterValue;

        NegativeWeights(String parameterValue) {
            this.parameterValue = parameterValue;
        }

        /**
         * Returns the value of the {@code negativeWeights} parameter that selects this policy.
         *
         * @return {@code reject}, {@code shift} or {@code clip}
         */
        public String parameterValue() {
            return parameterValue;
        }

        /**
         * Returns the policy a parameter value names.
         *
         * @param value {@code reject}, {@code shift} or {@code clip}
         * @return the policy
         * @throws IllegalArgumentException for any other value
         */
        public static NegativeWeights fromParameter(String value) {
            for (NegativeWeights n : values()) {
                if (n.parameterValue.equals(value)) {
                    return n;
                }
            }
            throw new IllegalArgumentException("negativeWeights must be reject, shift or clip, was " + value);
        }
    }

    private final Bootstrap bootstrap;
    private final NegativeWeights negativeWeights;

    /** Creates the strategy with the defaults. */
    public PrioritySimilarity() {
        this(DEFAULT_BOOTSTRAP_RESAMPLES, DEFAULT_NEGATIVE_WEIGHTS);
    }

    /**
     * Creates the strategy.
     *
     * @param bootstrapResamples resamples for the interval, in [{@value #MIN_BOOTSTRAP_RESAMPLES},
     *                           {@value #MAX_BOOTSTRAP_RESAMPLES}]
     * @param negativeWeights    the policy for negative weights
     * @throws IllegalArgumentException when the resamples are out of range
     */
    public PrioritySimilarity(int bootstrapResamples, NegativeWeights negativeWeights) {
        if (bootstrapResamples < MIN_BOOTSTRAP_RESAMPLES || bootstrapResamples > MAX_BOOTSTRAP_RESAMPLES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "bootstrapResamples must lie in [%d, %d], was %d",
                    MIN_BOOTSTRAP_RESAMPLES, MAX_BOOTSTRAP_RESAMPLES, bootstrapResamples));
        }
        this.bootstrap = new Bootstrap(bootstrapResamples);
        this.negativeWeights = Objects.requireNonNull(negativeWeights, "negativeWeights");
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
     * Returns the policy for negative weights.
     *
     * @return the policy
     */
    public NegativeWeights negativeWeights() {
        return negativeWeights;
    }

    /**
     * Returns a copy with another number of bootstrap resamples.
     *
     * @param resamples in [{@value #MIN_BOOTSTRAP_RESAMPLES}, {@value #MAX_BOOTSTRAP_RESAMPLES}]
     * @return the copy
     */
    public PrioritySimilarity withBootstrapResamples(int resamples) {
        return new PrioritySimilarity(resamples, negativeWeights);
    }

    /**
     * Returns a copy with another policy for negative weights.
     *
     * @param policy the policy
     * @return the copy
     */
    public PrioritySimilarity withNegativeWeights(NegativeWeights policy) {
        return new PrioritySimilarity(bootstrap.resamples(), policy);
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
     * Scores the similarity of the partners' priorities, as described in the class documentation.
     *
     * @param context the evidence and evaluation settings
     * @return the partnership score, then pair scores, then partner scores, each group in id order; warnings for
     *         adjusted or excluded input and missing scores
     */
    @Override
    public StrategyResult score(ScoringContext context) {
        EvidenceIndex ev = context.evidence();
        int partners = ev.partnerCount();
        int goals = ev.goalCount();
        List<Warning> warnings = new ArrayList<>();
        Map<String, String> names = new TreeMap<>();
        for (Partner p : context.partnership().partners()) {
            names.put(p.id(), p.name());
        }

        double[][] weights = new double[partners][goals];
        boolean[] hasPriorities = new boolean[partners];
        List<String> withoutPriorities = new ArrayList<>();
        for (int p = 0; p < partners; p++) {
            for (int g = 0; g < goals; g++) {
                weights[p][g] = ev.priority(p, g);
                hasPriorities[p] |= !Double.isNaN(weights[p][g]);
            }
            if (!hasPriorities[p]) {
                withoutPriorities.add(ev.partnerId(p));
            }
        }

        int adjusted = applyNegativePolicy(ev, weights, warnings);
        if (adjusted < 0) {
            String reason = "Some priority weights are negative and the policy negativeWeights = reject allows no "
                    + "comparison; see the warnings for the partners and goals.";
            Score s = Score.builder(ID, Dimension.ALIGNMENT, Subject.partnership()).insufficient(reason)
                    .explanation(reason).detail("negativeWeights", negativeWeights.parameterValue()).build();
            return new StrategyResult(List.of(s), warnings);
        }
        if (!withoutPriorities.isEmpty() && withoutPriorities.size() < partners) {
            warnings.add(new Warning(Warning.EXCLUDED_INPUT, ID, String.format(Locale.ROOT,
                    "%s gave no goal priorities and %s left out of the priority comparison",
                    listInWords(withoutPriorities), withoutPriorities.size() == 1 ? "was" : "were")));
        }

        // Pairs a < b (interned order is id order) among partners with priorities.
        double[][] cosine = new double[partners][partners];
        double[][] jaccard = new double[partners][partners];
        double[][] jaccardNormalized = new double[partners][partners];
        for (double[] row : cosine) {
            Arrays.fill(row, Double.NaN);
        }
        List<Score> pairScores = new ArrayList<>();
        List<String> notCompared = new ArrayList<>();
        int pairs = 0;
        for (int a = 0; a < partners; a++) {
            if (!hasPriorities[a]) {
                continue;
            }
            for (int b = a + 1; b < partners; b++) {
                if (!hasPriorities[b]) {
                    continue;
                }
                pairs++;
                Score s = pairScore(ev, names, weights, a, b, cosine, jaccard, jaccardNormalized);
                if (!s.isOk()) {
                    notCompared.add(ev.partnerId(a) + "–" + ev.partnerId(b));
                }
                pairScores.add(s);
            }
        }
        if (!notCompared.isEmpty()) {
            warnings.add(new Warning(Warning.INSUFFICIENT_EVIDENCE, ID, String.format(Locale.ROOT,
                    "%d of %d pairs of partners could not be compared (fewer than %d goals weighted by both, or "
                            + "all-zero weights on them): %s", notCompared.size(), pairs, MIN_SHARED_GOALS,
                    listInWords(notCompared))));
        }

        List<Score> partnerScores = new ArrayList<>();
        double[] meanCosine = new double[partners];
        Arrays.fill(meanCosine, Double.NaN);
        for (int p = 0; p < partners; p++) {
            partnerScores.add(partnerScore(ev, names, hasPriorities[p], p, cosine, jaccard, jaccardNormalized,
                    meanCosine));
        }

        List<Score> scores = new ArrayList<>(1 + pairScores.size() + partnerScores.size());
        scores.add(partnershipScore(context, names, cosine, jaccard, jaccardNormalized, meanCosine, pairs,
                withoutPriorities, adjusted, warnings));
        scores.addAll(pairScores);
        scores.addAll(partnerScores);
        return new StrategyResult(scores, warnings);
    }

    /**
     * Applies the negative-weight policy in place. Returns how many weights it changed, or −1 when the policy
     * rejects the input.
     */
    private int applyNegativePolicy(EvidenceIndex ev, double[][] weights, List<Warning> warnings) {
        List<String> negatives = new ArrayList<>();
        for (int p = 0; p < weights.length; p++) {
            for (int g = 0; g < weights[p].length; g++) {
                if (weights[p][g] < 0) {
                    negatives.add(String.format(Locale.ROOT, "%s on %s (%s)", ev.partnerId(p), ev.goalId(g),
                            ExplanationNumbers.plain(weights[p][g])));
                }
            }
        }
        if (negatives.isEmpty()) {
            return 0;
        }
        String listed = String.join(", ", negatives);
        switch (negativeWeights) {
            case REJECT:
                warnings.add(new Warning(Warning.INSUFFICIENT_EVIDENCE, ID,
                        "negative priority weights and negativeWeights = reject, so priorities were not compared: "
                                + listed));
                return -1;
            case CLIP:
                for (double[] row : weights) {
                    for (int g = 0; g < row.length; g++) {
                        if (row[g] < 0) {
                            row[g] = 0;
                        }
                    }
                }
                warnings.add(new Warning(NEGATIVE_PRIORITY, ID,
                        "negative priority weights were clipped to 0 (negativeWeights = clip): " + listed));
                return negatives.size();
            case SHIFT: {
                List<String> shifts = new ArrayList<>();
                int changed = 0;
                for (int p = 0; p < weights.length; p++) {
                    double min = 0;
                    for (double w : weights[p]) {
                        if (w < min) {
                            min = w;
                        }
                    }
                    if (min < 0) {
                        for (int g = 0; g < weights[p].length; g++) {
                            if (!Double.isNaN(weights[p][g])) {
                                weights[p][g] -= min;
                                changed++;
                            }
                        }
                        shifts.add(ev.partnerId(p) + " by " + ExplanationNumbers.plain(-min));
                    }
                }
                warnings.add(new Warning(NEGATIVE_PRIORITY, ID, String.format(Locale.ROOT,
                        "negative priority weights (%s) were handled by raising each such partner's weights so its "
                                + "lowest is 0 (negativeWeights = shift): %s", listed, String.join(", ", shifts))));
                return changed;
            }
            default:
                throw new IllegalStateException("unhandled policy " + negativeWeights);
        }
    }

    private static Score pairScore(EvidenceIndex ev, Map<String, String> names, double[][] weights, int a, int b,
                                   double[][] cosine, double[][] jaccard, double[][] jaccardNormalized) {
        String idA = ev.partnerId(a);
        String idB = ev.partnerId(b);
        int goals = weights[a].length;
        double[] x = new double[goals];
        double[] y = new double[goals];
        int shared = 0;
        int excluded = 0;
        for (int g = 0; g < goals; g++) {
            boolean hasA = !Double.isNaN(weights[a][g]);
            boolean hasB = !Double.isNaN(weights[b][g]);
            if (hasA && hasB) {
                x[shared] = weights[a][g];
                y[shared] = weights[b][g];
                shared++;
            } else if (hasA || hasB) {
                excluded++;
            }
        }
        Score.Builder s = Score.builder(ID, Dimension.ALIGNMENT, Subject.pair(idA, idB)).n(shared)
                .detail("sharedGoals", shared).detail("excludedGoals", excluded);
        if (shared < MIN_SHARED_GOALS) {
            String reason = String.format(Locale.ROOT,
                    "%s and %s both weighted %s; comparing their priorities needs at least %d shared goals.",
                    label(idA, names), label(idB, names), shared == 0 ? "no goal" : "only one goal",
                    MIN_SHARED_GOALS);
            return s.insufficient(reason).explanation(reason).build();
        }
        x = Arrays.copyOf(x, shared);
        y = Arrays.copyOf(y, shared);
        double c = PrioritySimilarityMeasures.cosine(x, y);
        if (Double.isNaN(c)) {
            String zero = isZero(x) && isZero(y) ? "Both " + label(idA, names) + " and " + label(idB, names)
                    + " give" : (isZero(x) ? label(idA, names) : label(idB, names)) + " gives";
            String reason = String.format(Locale.ROOT,
                    "%s weight 0 to every one of the %d goals they share, so the cosine of their priorities is "
                            + "undefined.", zero, shared);
            return s.insufficient(reason).explanation(reason).build();
        }
        double j = PrioritySimilarityMeasures.weightedJaccard(x, y);
        double jn = PrioritySimilarityMeasures.normalizedWeightedJaccard(x, y);
        cosine[a][b] = c;
        cosine[b][a] = c;
        jaccard[a][b] = j;
        jaccard[b][a] = j;
        jaccardNormalized[a][b] = jn;
        jaccardNormalized[b][a] = jn;
        return s.value(c).normalized(c).detail("jaccard", j).detail("jaccardNormalized", jn)
                .explanation(String.format(Locale.ROOT,
                        "On the %d goals both weighted, %s and %s have priorities with cosine similarity %s "
                                + "(1 = the same proportions, 0 = no goal both care about) and weighted Jaccard %s "
                                + "(%s on shares of attention).", shared, label(idA, names), label(idB, names),
                        ExplanationNumbers.twoDecimals(c), ExplanationNumbers.twoDecimals(j),
                        ExplanationNumbers.twoDecimals(jn)))
                .build();
    }

    private static Score partnerScore(EvidenceIndex ev, Map<String, String> names, boolean hasPriorities, int p,
                                      double[][] cosine, double[][] jaccard, double[][] jaccardNormalized,
                                      double[] meanCosine) {
        String id = ev.partnerId(p);
        Score.Builder s = Score.builder(ID, Dimension.ALIGNMENT, Subject.partner(id));
        if (!hasPriorities) {
            String reason = label(id, names) + " gave no goal priorities, so it cannot be compared with the others.";
            return s.insufficient(reason).explanation(reason).detail("comparedWith", 0).build();
        }
        double sumC = 0;
        double sumJ = 0;
        double sumJn = 0;
        int k = 0;
        for (int q = 0; q < cosine.length; q++) {
            if (q != p && !Double.isNaN(cosine[p][q])) {
                sumC += cosine[p][q];
                sumJ += jaccard[p][q];
                sumJn += jaccardNormalized[p][q];
                k++;
            }
        }
        s.detail("comparedWith", k);
        if (k == 0) {
            String reason = "The priorities of " + label(id, names) + " could not be compared with any other "
                    + "partner's (no other partner weighted at least " + MIN_SHARED_GOALS
                    + " of the same goals with some positive weight).";
            return s.insufficient(reason).explanation(reason).build();
        }
        double mean = UnitInterval.clamp(sumC / k);
        meanCosine[p] = mean;
        return s.value(mean).normalized(mean).n(k).detail("meanJaccard", sumJ / k)
                .detail("meanJaccardNormalized", sumJn / k)
                .explanation(String.format(Locale.ROOT,
                        "The priorities of %s have a mean cosine similarity of %s with the %d partner%s it could "
                                + "be compared with (1 = the same proportions).", label(id, names),
                        ExplanationNumbers.twoDecimals(mean), k, k == 1 ? "" : "s"))
                .build();
    }

    private Score partnershipScore(ScoringContext context, Map<String, String> names, double[][] cosine,
                                   double[][] jaccard, double[][] jaccardNormalized, double[] meanCosine, int pairs,
                                   List<String> withoutPriorities, int adjusted, List<Warning> warnings) {
        EvidenceIndex ev = context.evidence();
        int partners = cosine.length;
        Score.Builder b = Score.builder(ID, Dimension.ALIGNMENT, Subject.partnership());
        double sumC = 0;
        double sumJ = 0;
        double sumJn = 0;
        int compared = 0;
        Map<String, Object> matrix = new LinkedHashMap<>();
        List<Integer> units = new ArrayList<>();
        for (int a = 0; a < partners; a++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 0; c < partners; c++) {
                if (c != a && !Double.isNaN(cosine[a][c])) {
                    row.put(ev.partnerId(c), cosine[a][c]);
                    if (a < c) {
                        sumC += cosine[a][c];
                        sumJ += jaccard[a][c];
                        sumJn += jaccardNormalized[a][c];
                        compared++;
                    }
                }
            }
            if (!row.isEmpty()) {
                matrix.put(ev.partnerId(a), row);
                units.add(a);
            }
        }
        b.detail("pairsCompared", compared).detail("pairsNotCompared", pairs - compared)
                .detail("partnersCompared", units.size()).detail("partnersWithoutPriorities", withoutPriorities)
                .detail("negativeWeights", negativeWeights.parameterValue()).detail("adjustedWeights", adjusted);
        if (compared == 0) {
            String reason = pairs == 0
                    ? "Fewer than two partners gave goal priorities, so there is no pair to compare."
                    : String.format(Locale.ROOT, "None of the %d pairs of partners with priorities weighted at least "
                    + "%d of the same goals with some positive weight, so no pair could be compared.", pairs,
                    MIN_SHARED_GOALS);
            warnings.add(new Warning(Warning.INSUFFICIENT_EVIDENCE, ID, "priority similarity: " + reason));
            return b.insufficient(reason).explanation(reason).n(0).build();
        }
        double mean = UnitInterval.clamp(sumC / compared);
        int least = -1;
        for (int p = 0; p < partners; p++) {
            // Strictly lower: ties keep the earlier (smaller) id.
            if (!Double.isNaN(meanCosine[p]) && (least < 0 || meanCosine[p] < meanCosine[least])) {
                least = p;
            }
        }
        String leastId = ev.partnerId(least);
        b.value(mean).normalized(mean).n(compared).detail("meanJaccard", sumJ / compared)
                .detail("meanJaccardNormalized", sumJn / compared).detail("cosineMatrix", matrix)
                .detail("leastAligned", leastId).detail("leastAlignedMeanCosine", meanCosine[least]);

        double level = context.confidenceLevel();
        String intervalText = "";
        if (units.size() >= MIN_PARTNERS_FOR_INTERVAL) {
            int u = units.size();
            double[][] unitCosine = new double[u][u];
            for (int i = 0; i < u; i++) {
                for (int j = 0; j < u; j++) {
                    unitCosine[i][j] = cosine[units.get(i)][units.get(j)];
                }
            }
            Bootstrap.Result boot = bootstrap.percentile(u, sample -> meanOverDistinct(unitCosine, sample), level,
                    context.seedFor(ID));
            b.detail("bootstrapResamples", boot.resamples()).detail("bootstrapValidReplicates",
                    boot.validReplicates());
            if (boot.interval() != null) {
                Interval interval = UnitInterval.clip(boot.interval());
                b.interval(interval).normalizedInterval(interval);
                intervalText = String.format(Locale.ROOT, "; %s bootstrap interval over partners %s to %s",
                        ExplanationNumbers.level(level), ExplanationNumbers.twoDecimals(interval.low()),
                        ExplanationNumbers.twoDecimals(interval.high()));
            } else {
                b.detail("intervalNote", "no bootstrap interval: fewer than two resamples had a pair to compare");
            }
        } else {
            b.detail("intervalNote", String.format(Locale.ROOT, "no bootstrap interval: it needs at least %d compared "
                    + "partners, there were %d", MIN_PARTNERS_FOR_INTERVAL, units.size()));
        }
        b.explanation(String.format(Locale.ROOT,
                "Across %d compared pair%s of partners, priorities have a mean cosine similarity of %s (1 = every "
                        + "pair weights its shared goals in the same proportions%s); the least aligned partner is "
                        + "%s, with a mean cosine of %s to the others.", compared, compared == 1 ? "" : "s",
                ExplanationNumbers.twoDecimals(mean), intervalText, label(leastId, names),
                ExplanationNumbers.twoDecimals(meanCosine[least])));
        return b.build();
    }

    /**
     * Returns the mean cosine over pairs of positions {@code i < j} in the sample that hold distinct partners with
     * a defined cosine, or NaN when there is none. Cost O(k²) for a sample of k.
     */
    static double meanOverDistinct(double[][] cosine, int[] sample) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < sample.length; i++) {
            for (int j = i + 1; j < sample.length; j++) {
                if (sample[i] != sample[j]) {
                    double c = cosine[sample[i]][sample[j]];
                    if (!Double.isNaN(c)) {
                        sum += c;
                        count++;
                    }
                }
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private static boolean isZero(double[] v) {
        for (double x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    /** Names a partner in words: its name with its id, or the id alone when the name is the id. */
    private static String label(String id, Map<String, String> names) {
        String name = names.get(id);
        return name == null || name.equals(id) ? id : name + " (" + id + ")";
    }

    /** Writes ids as {@code a}, {@code a and b}, {@code a, b and c}. */
    private static String listInWords(List<String> items) {
        int n = items.size();
        if (n == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, n - 1)) + " and " + items.get(n - 1);
    }
}
