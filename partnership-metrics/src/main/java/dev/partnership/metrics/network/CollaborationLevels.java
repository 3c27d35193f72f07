package dev.partnership.metrics.network;

import dev.partnership.Dimension;
import dev.partnership.Interval;
import dev.partnership.RatingDimension;
import dev.partnership.Score;
import dev.partnership.Subject;
import dev.partnership.Warning;
import dev.partnership.metrics.stats.ExplanationNumbers;
import dev.partnership.metrics.stats.StudentTInterval;
import dev.partnership.spi.EvidenceIndex;
import dev.partnership.spi.ScoringContext;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.StrategyResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Levels of Collaboration between partners and their mutual strength (Frey, B. B., Lohmeier, J. H., Lee, S. W.
 * and Tollefson, N. (2006), "Measuring collaboration among grant partners", <i>American Journal of Evaluation</i>
 * 27(3), 383–392; mutual strength as in the NEES / Mathematica convention); strategy id {@value #ID}.
 *
 * <p><b>Input.</b> {@link RatingDimension#COLLABORATION_LEVEL} ratings at or before {@code asOf}, on the scale 0 (no
 * interaction), 1 networking, 2 cooperation, 3 coordination, 4 coalition, 5 collaboration. The directed level
 * {@code level(A → B)} is the mean of A's ratings of B over all occasions.
 *
 * <p><b>Mutual strength</b> of an unordered pair {A, B}: the mean of the two directions' levels,
 * {@code (level(A → B) + level(B → A)) / 2}, when both exist; when only one partner rated the other it is that one
 * level, and the score says so ({@code oneSided = true}). Examples: A rates B 2 and B rates A 3 give 2.5; A rates B
 * 2, 3 and 2 on three occasions and B rates A 4 give ((2 + 3 + 2)/3 + 4)/2 = 3.1666666667. A pair is
 * <i>asymmetric</i> when both directions exist and {@code |level(A → B) − level(B → A)| ≥ asymmetryThreshold}
 * (default 2 levels; a one-sided pair is never asymmetric, since there is no second view to differ from). The
 * comparison allows 1e-9 for rounding in the means, so a difference of exactly 2 counts.
 *
 * <p><b>Scores.</b>
 * <ul>
 *   <li>Per pair with at least one rating, as {@code Subject.pair(A, B)} with A before B by id (the subject is the
 *       unordered pair, not "A rates B"): {@code value} = mutual strength on 0–5, {@code normalized} = strength / 5,
 *       {@code band} = the name of the rounded level; details {@code levelAB} and {@code levelBA} (each only when that
 *       direction was rated), {@code occasionsAB}, {@code occasionsBA}, {@code asymmetric}, {@code oneSided}. No
 *       interval: a pair's level rests on one or a few ratings by each of two partners, with no sampling model
 *       behind them. Pairs without ratings are not reported.</li>
 *   <li>Partnership: {@code value} = the mean mutual strength over the k rated pairs (0–5), with no
 *       {@code normalized} value: how closely partners work together is not a level of trust, so it stays out of
 *       the TRUST summary; for k ≥ 2 the Student t interval over pairs ({@link StudentTInterval}), clipped to [0, 5], which
 *       describes the spread of collaboration across pairs; for k = 1 the value with no interval. Details
 *       {@code pairs}, {@code oneSidedPairs}, {@code ratings}, {@code asymmetricPairs} (each as {@code [A, B]}),
 *       {@code levelDistribution} (how many pairs' strength rounds, half up, to each level 0 … 5).</li>
 * </ul>
 * Asymmetric pairs are also listed in one {@link #ASYMMETRIC_COLLABORATION} warning, flagged for discussion. No
 * collaboration rating at all gives a partnership score {@code INSUFFICIENT_EVIDENCE} and a warning. Scores come in
 * the order partnership, then pairs by A, then B.
 *
 * <p><b>Cost.</b> O(r + P²) time and O(P²) memory for r ratings and P partners, plus one t quantile.
 *
 * <p>Immutable and thread-safe; {@link #withAsymmetryThreshold(double)} returns a copy.
 */
public final class CollaborationLevels implements ScoringStrategy {
    /** The strategy id. */
    public static final String ID = "collaboration-levels";
    /** Warning code for pairs whose two views of their collaboration differ by the threshold or more. */
    public static final String ASYMMETRIC_COLLABORATION = "ASYMMETRIC_COLLABORATION";
    /** Default difference in levels between the two directions that flags a pair. */
    public static final double DEFAULT_ASYMMETRY_THRESHOLD = 2.0;
    /** Highest level of the scale, and the largest threshold accepted. */
    public static final double MAX_LEVEL = 5.0;

    private static final String[] LEVEL_NAMES = {"none", "networking", "cooperation", "coordination", "coalition",
            "collaboration"};
    /** Slack for rounding in the mean levels when comparing a difference with the threshold. */
    private static final double TOLERANCE = 1e-9;

    private final double asymmetryThreshold;

    /** Creates the strategy with the default asymmetry threshold. */
    public CollaborationLevels() {
        this(DEFAULT_ASYMMETRY_THRESHOLD);
    }

    /**
     * Creates the strategy.
     *
     * @param asymmetryThreshold difference in levels that flags a pair, in [0, {@value #MAX_LEVEL}]
     * @throws IllegalArgumentException when out of range
     */
    public CollaborationLevels(double asymmetryThreshold) {
        if (!(asymmetryThreshold >= 0 && asymmetryThreshold <= MAX_LEVEL)) {
            throw new IllegalArgumentException("asymmetryThreshold must lie in [0, 5], was " + asymmetryThreshold);
        }
        this.asymmetryThreshold = asymmetryThreshold;
    }

    /**
     * Returns the difference in levels that flags a pair.
     *
     * @return the threshold
     */
    public double asymmetryThreshold() {
        return asymmetryThreshold;
    }

    /**
     * Returns a copy with another asymmetry threshold.
     *
     * @param threshold in [0, {@value #MAX_LEVEL}]
     * @return the copy
     */
    public CollaborationLevels withAsymmetryThreshold(double threshold) {
        return new CollaborationLevels(threshold);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.TRUST;
    }

    /**
     * Returns the mutual strength of a pair from its two directed levels: their mean when both exist, the one that
     * exists otherwise. O(1).
     *
     * @param levelAB the level A gives B, or {@code NaN} when A did not rate B
     * @param levelBA the level B gives A, or {@code NaN} when B did not rate A
     * @return the mutual strength, {@code NaN} when neither exists
     */
    public static double mutualStrength(double levelAB, double levelBA) {
        if (Double.isNaN(levelAB)) {
            return levelBA;
        }
        if (Double.isNaN(levelBA)) {
            return levelAB;
        }
        return (levelAB + levelBA) / 2;
    }

    /**
     * Returns the name of the level a strength rounds to, half up: 0 none, 1 networking, 2 cooperation,
     * 3 coordination, 4 coalition, 5 collaboration.
     *
     * @param strength a level in [0, 5]
     * @return the name
     * @throws IllegalArgumentException when the strength is outside [0, 5]
     */
    public static String levelName(double strength) {
        return LEVEL_NAMES[roundedLevel(strength)];
    }

    private static int roundedLevel(double strength) {
        if (!(strength >= 0 && strength <= MAX_LEVEL)) {
            throw new IllegalArgumentException("a collaboration level lies in [0, 5], was " + strength);
        }
        return (int) Math.floor(strength + 0.5);
    }

    /**
     * Scores every rated pair and the partnership, as described in the class documentation.
     *
     * @param context the evidence and evaluation settings
     * @return the partnership score, then the pair scores; warnings for asymmetric pairs or missing ratings
     */
    @Override
    public StrategyResult score(ScoringContext context) {
        EvidenceIndex ev = context.evidence();
        int partners = ev.partnerCount();
        double[] sum = new double[partners * partners];
        int[] occasions = new int[partners * partners];
        int ratings = 0;
        for (int i = 0, count = ev.ratingCount(); i < count; i++) {
            if (ev.ratingDimension(i) != RatingDimension.COLLABORATION_LEVEL) {
                continue;
            }
            int k = ev.ratingRater(i) * partners + ev.ratingRatee(i);
            sum[k] += ev.ratingValue(i);
            occasions[k]++;
            ratings++;
        }

        List<Score> pairScores = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        double[] strengths = new double[partners * (partners - 1) / 2 + 1];
        int pairs = 0;
        int oneSided = 0;
        int[] distribution = new int[LEVEL_NAMES.length];
        List<Object> asymmetricPairs = new ArrayList<>();
        List<String> asymmetricText = new ArrayList<>();
        for (int a = 0; a < partners; a++) {
            for (int b = a + 1; b < partners; b++) {
                int ab = a * partners + b;
                int ba = b * partners + a;
                if (occasions[ab] == 0 && occasions[ba] == 0) {
                    continue;
                }
                double levelAB = occasions[ab] == 0 ? Double.NaN : sum[ab] / occasions[ab];
                double levelBA = occasions[ba] == 0 ? Double.NaN : sum[ba] / occasions[ba];
                double strength = mutualStrength(levelAB, levelBA);
                boolean single = occasions[ab] == 0 || occasions[ba] == 0;
                boolean asymmetric = !single && Math.abs(levelAB - levelBA) >= asymmetryThreshold - TOLERANCE;
                String from = ev.partnerId(a);
                String to = ev.partnerId(b);
                pairScores.add(pairScore(from, to, levelAB, levelBA, occasions[ab], occasions[ba], strength,
                        asymmetric));
                strengths[pairs++] = strength;
                distribution[roundedLevel(strength)]++;
                if (single) {
                    oneSided++;
                }
                if (asymmetric) {
                    asymmetricPairs.add(List.of(from, to));
                    asymmetricText.add(from + " and " + to + " (" + ExplanationNumbers.twoDecimals(levelAB) + " vs "
                            + ExplanationNumbers.twoDecimals(levelBA) + ")");
                }
            }
        }
        if (!asymmetricText.isEmpty()) {
            warnings.add(new Warning(ASYMMETRIC_COLLABORATION, ID, String.format(Locale.ROOT,
                    "%d pair%s of partners see their collaboration differently by %s level%s or more, flagged for "
                            + "discussion: %s",
                    asymmetricText.size(), asymmetricText.size() == 1 ? "" : "s",
                    ExplanationNumbers.plain(asymmetryThreshold), asymmetryThreshold == 1 ? "" : "s",
                    String.join("; ", asymmetricText))));
        }

        Score.Builder b = Score.builder(ID, Dimension.TRUST, Subject.partnership())
                .detail("pairs", pairs).detail("oneSidedPairs", oneSided).detail("ratings", ratings);
        List<Score> scores = new ArrayList<>(1 + pairScores.size());
        if (pairs == 0) {
            String reason = "No partner rated its level of collaboration with another, so there is nothing to "
                    + "summarise.";
            warnings.add(new Warning(Warning.INSUFFICIENT_EVIDENCE, ID, "levels of collaboration: " + reason));
            scores.add(b.insufficient(reason).explanation(reason).n(0)
                    .detail("asymmetryThreshold", asymmetryThreshold).build());
            return new StrategyResult(scores, warnings);
        }
        Map<String, Object> levelDistribution = new LinkedHashMap<>();
        for (int level = 0; level < distribution.length; level++) {
            levelDistribution.put(Integer.toString(level), distribution[level]);
        }
        b.detail("asymmetricPairs", asymmetricPairs).detail("levelDistribution", levelDistribution)
                .detail("asymmetryThreshold", asymmetryThreshold).n(pairs);

        double level = context.confidenceLevel();
        String oneSidedText = oneSided == 0 ? ""
                : String.format(Locale.ROOT, " (%d of them rated by one side only)", oneSided);
        String asymmetricSentence = asymmetricPairs.isEmpty() ? ""
                : String.format(Locale.ROOT, " %d pair%s see%s it differently by %s levels or more.",
                asymmetricPairs.size(), asymmetricPairs.size() == 1 ? "" : "s", asymmetricPairs.size() == 1 ? "s" : "",
                ExplanationNumbers.plain(asymmetryThreshold));
        if (pairs == 1) {
            double strength = strengths[0];
            b.value(strength).band(levelName(strength))
                    .detail("meanStrength", strength)
                    .detail("intervalNote", "one pair only: no interval across pairs")
                    .explanation(String.format(Locale.ROOT,
                            "Only one pair of partners rated its collaboration%s: mutual strength %.2f on the 0-5 "
                                    + "Levels of Collaboration scale (%s).%s",
                            oneSidedText, strength, levelName(strength), asymmetricSentence));
        } else {
            StudentTInterval t = StudentTInterval.of(strengths, pairs, level);
            double mean = Math.min(MAX_LEVEL, Math.max(0, t.mean()));
            Interval interval = new Interval(Math.max(0, t.interval().low()),
                    Math.min(MAX_LEVEL, t.interval().high()), level);
            b.value(mean).band(levelName(mean))
                    .interval(interval)
                    .detail("meanStrength", mean).detail("standardDeviation", t.standardDeviation())
                    .detail("tQuantile", t.quantile())
                    .detail("intervalNote", "Student t interval over pairs: the spread of collaboration across pairs")
                    .explanation(String.format(Locale.ROOT,
                            "Across the %d pairs of partners who rated their collaboration%s, the mean mutual "
                                    + "strength is %.2f on the 0-5 Levels of Collaboration scale (%s; %s interval "
                                    + "%.2f to %.2f, reflecting how much collaboration varies between pairs).%s",
                            pairs, oneSidedText, mean, levelName(mean), ExplanationNumbers.level(level),
                            interval.low(), interval.high(), asymmetricSentence));
        }
        scores.add(b.build());
        scores.addAll(pairScores);
        return new StrategyResult(scores, warnings);
    }

    private Score pairScore(String from, String to, double levelAB, double levelBA, int occasionsAB,
                            int occasionsBA, double strength, boolean asymmetric) {
        Score.Builder b = Score.builder(ID, Dimension.TRUST, Subject.pair(from, to))
                .value(strength).normalized(strength / MAX_LEVEL).band(levelName(strength))
                .n(occasionsAB + occasionsBA);
        if (occasionsAB > 0) {
            b.detail("levelAB", levelAB);
        }
        if (occasionsBA > 0) {
            b.detail("levelBA", levelBA);
        }
        boolean oneSided = occasionsAB == 0 || occasionsBA == 0;
        b.detail("occasionsAB", occasionsAB).detail("occasionsBA", occasionsBA)
                .detail("asymmetric", asymmetric).detail("oneSided", oneSided);
        // Concatenation, not String.format: a large network explains many pairs.
        String strengthText = ExplanationNumbers.twoDecimals(strength) + " on the 0-5 Levels of Collaboration scale ("
                + levelName(strength) + ")";
        String text;
        if (oneSided) {
            String rater = occasionsAB > 0 ? from : to;
            String silent = occasionsAB > 0 ? to : from;
            int count = Math.max(occasionsAB, occasionsBA);
            text = "Only " + rater + " rated its collaboration with " + silent + " (" + count
                    + (count == 1 ? " occasion" : " occasions") + "); " + silent + " gave no rating, so the mutual "
                    + "strength " + strengthText + " is one side's view.";
        } else {
            text = from + " and " + to + " rate their collaboration " + strengthText + " on average: " + from
                    + " gives " + ExplanationNumbers.twoDecimals(levelAB) + " over " + occasionsAB
                    + (occasionsAB == 1 ? " occasion" : " occasions") + " and " + to + " gives "
                    + ExplanationNumbers.twoDecimals(levelBA) + " over " + occasionsBA
                    + (occasionsBA == 1 ? " occasion" : " occasions") + "."
                    + (asymmetric ? " Their views differ by " + ExplanationNumbers.plain(asymmetryThreshold)
                    + " levels or more, flagged for discussion." : "");
        }
        return b.explanation(text).detail("asymmetryThreshold", asymmetryThreshold).build();
    }
}
