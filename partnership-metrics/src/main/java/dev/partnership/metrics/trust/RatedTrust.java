package dev.partnership.metrics.trust;

import dev.partnership.Dimension;
import dev.partnership.Interval;
import dev.partnership.Partner;
import dev.partnership.RatingDimension;
import dev.partnership.Score;
import dev.partnership.Subject;
import dev.partnership.Warning;
import dev.partnership.metrics.stats.ExplanationNumbers;
import dev.partnership.metrics.stats.StudentTInterval;
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
import java.util.TreeSet;

/**
 * Perceived trust and value from partners' ratings of one another, as in the PARTNER tool; strategy id
 * {@value #ID}.
 *
 * <p><b>Source.</b> Varda, D. M., Chandra, A., Stern, S. A. and Lurie, N. (2008), "Core dimensions of connectivity
 * in public health collaboratives", <i>Journal of Public Health Management and Practice</i> 14(5), E1–E7; and the
 * PARTNER Tool (Varda, Center on Network Science, University of Colorado Denver). Each partner rates each partner
 * it works with on three trust dimensions ({@link RatingDimension#RELIABILITY},
 * {@link RatingDimension#MISSION_SUPPORT}, {@link RatingDimension#OPENNESS}) and three value dimensions
 * ({@link RatingDimension#POWER}, {@link RatingDimension#INVOLVEMENT}, {@link RatingDimension#RESOURCES}), each on
 * 1–4; which dimension belongs to which family is {@link RatingDimension#group()}.
 * {@link RatingDimension#COLLABORATION_LEVEL} ratings are not read.
 *
 * <p><b>Which ratings count.</b> Ratings at or before asOf, from the {@link EvidenceIndex}. When a rater rated a
 * ratee on a dimension more than once, only the <em>latest</em> rating counts: a later survey wave replaces an
 * earlier answer. Ratings of the same rater, ratee and dimension at the same instant are taken in the index's
 * total order (time, rater, ratee, dimension, value) and the last counts, which is the highest of the tied values.
 *
 * <p><b>Missing ratings</b> ({@link MissingRatings}), an explicit policy:
 * <ul>
 *   <li>{@code ignore} (default): a missing rating is left out. A <em>missing pair</em> is an ordered pair (A, B)
 *       where A gave B no trust or value rating at all although B rated A on at least one; these are counted in
 *       the detail {@code missingPairs} (network and per ratee B).</li>
 *   <li>{@code reciprocal}: Varda's reciprocal reconstruction of non-response, the reconstruction by reciprocity
 *       of network survey data (Stork, D. and Richards, W. D. (1992), "Nonrespondents in communication network
 *       studies", <i>Sociological Methods &amp; Research</i> 21(2), 193–209; Huisman, M. (2009), "Imputation of
 *       missing network data: some simple procedures", <i>Journal of Social Structure</i> 10(1)): a missing rating
 *       of B by A on a dimension is filled with B's rating of A on that dimension, when B gave one. Only observed
 *       ratings are mirrored, never reconstructed ones. Every reconstructed value is counted in the detail
 *       {@code reconstructed} and reported by a warning with code {@value #RECONSTRUCTED_RATINGS}.
 *       {@code missingPairs} still counts the pairs as they were before reconstruction.</li>
 * </ul>
 *
 * <p><b>Scale conventions</b> ({@link Scale}), both named explicitly, map a mean rating m on 1–4 to a fraction:
 * {@code percent-of-max} (default) {@code m / 4}, how the PARTNER tool reports trust and value percentages (1 gives
 * 25%, 4 gives 100%); {@code rescaled} {@code (m − 1) / 3}, so that 1 gives 0 and 4 gives 1. Since
 * {@code m/4 − (m−1)/3 = (4 − m)/12 ≥ 0} on [1, 4], percent-of-max is never below rescaled.
 *
 * <p><b>Per partner</b> ({@code Subject.partner(ratee)}, every partner reported, by id). For each rater A of
 * ratee B, A's trust mean is the mean of A's (latest, possibly reconstructed) ratings of B on the trust dimensions
 * A answered; the ratee's {@code trustMean} is the mean over raters of those rater-level means. Rater-level means
 * come first so that a rater who answered more dimensions does not weigh more. {@code valueMean} likewise over the
 * value dimensions. With k raters of trust, k ≥ {@code minRaters}: {@code value = normalized =} the trust mean
 * under the chosen convention, a level of trust on [0, 1]; the interval is the Student t interval over the k
 * rater-level means ({@link StudentTInterval}, {@code mean ± t_{k−1} · sd / √k} on 1–4), mapped through the
 * convention and clipped to [0, 1]; {@code n = k}. Fewer than {@code minRaters} raters of trust give
 * {@code INSUFFICIENT_EVIDENCE}; fewer than {@code minRaters} raters of value leave the value figures out (detail
 * {@code valueNote}). Details: {@code trustMean} and {@code valueMean} (1–4), {@code trustPercent} and
 * {@code valuePercent} (fractions under the convention, 0.58 = 58%), {@code raters}, {@code valueRaters},
 * {@code dimensionMeans} (mean over raters per dimension, 1–4), {@code convention}, {@code missing},
 * {@code reconstructed}, {@code missingPairs}, {@code standardDeviation} (of the rater-level means, 1–4),
 * {@code tQuantile}, {@code minRaters}.
 *
 * <p><b>Network</b> ({@code Subject.partnership()}, first). Over the p ordered pairs (A, B) in which A rated B's
 * trust, the mean of the pair-level trust means (each the mean of A's trust ratings of B); the value likewise
 * over pairs with value ratings. {@code value = normalized =} the trust mean under the chosen convention; for
 * p ≥ 2 the interval is the Student t interval over the pairs' means, mapped and clipped as above: it describes the
 * spread of trust across pairs, not the uncertainty of any one pair. One pair gives a value without an interval
 * (detail {@code intervalNote}); no trust rating at all gives {@code INSUFFICIENT_EVIDENCE} with a warning. Details
 * give both conventions' numbers for transparency: {@code trustPercentOfMax}, {@code trustRescaled},
 * {@code valuePercentOfMax}, {@code valueRescaled}; and {@code trustMean}, {@code valueMean}, {@code pairs},
 * {@code valuePairs}, {@code raters} (distinct raters of trust), {@code missing}, {@code reconstructed},
 * {@code missingPairs}. Pairs get no scores of their own.
 *
 * <p><b>Cost.</b> O(n log n) time and O(n + P) memory for n ratings and P partners (the latest rating per rater,
 * ratee and dimension is kept in a sorted map, so sparse networks of many partners cost no P² arrays), plus one
 * t quantile per scored partner.
 *
 * <p>Immutable and thread-safe; {@code withX} methods return copies.
 */
public final class RatedTrust implements ScoringStrategy {
    /** The strategy id. */
    public static final String ID = "rated-trust";
    /**
     * Warning code raised when the {@code reciprocal} policy filled in missing ratings: the scores rest partly on
     * reconstructed, not observed, ratings.
     */
    public static final String RECONSTRUCTED_RATINGS = "RECONSTRUCTED_RATINGS";
    /** Default fewest raters behind a partner's trust (and value) figure. */
    public static final int DEFAULT_MIN_RATERS = 2;
    /** Default scale convention: percent of the maximum rating, as the PARTNER tool reports. */
    public static final Scale DEFAULT_SCALE = Scale.PERCENT_OF_MAX;
    /** Default missing-rating policy: leave missing ratings out. */
    public static final MissingRatings DEFAULT_MISSING = MissingRatings.IGNORE;

    /** The lowest and highest PARTNER rating. */
    private static final double LOWEST = 1.0;
    private static final double HIGHEST = 4.0;
    /** The PARTNER trust and value dimensions, in enum order; a dimension's position is its slot in a cell key. */
    private static final RatingDimension[] SLOTS = partnerDimensions();
    /** Slot by {@link RatingDimension#ordinal()}, −1 for dimensions this strategy does not read. */
    private static final int[] SLOT_BY_ORDINAL = slotsByOrdinal();

    /** How a mean rating on 1–4 becomes a fraction on [0, 1]. */
    public enum Scale {
        /** {@code m / 4}: percent of the top rating, as the PARTNER tool reports trust and value (1 → 0.25). */
        PERCENT_OF_MAX("percent-of-max", "of the top rating"),
        /** {@code (m − 1) / 3}: position between the lowest and the highest rating (1 → 0, 4 → 1). */
        RESCALED("rescaled", "of the way from the lowest rating to the top");

        private final String id;
        private final String phrase;

        Scale(String id, String phrase) {
            this.id = id;
            this.phrase = phrase;
        }

        /**
         * Returns the convention's name as written in configurations and details.
         *
         * @return {@code percent-of-max} or {@code rescaled}
         */
        public String id() {
            return id;
        }

        /**
         * Maps a mean rating to a fraction. O(1).
         *
         * @param mean a mean rating; 1–4 gives a fraction in [0, 1], values outside are mapped by the same line
         * @return {@code mean / 4} or {@code (mean − 1) / 3}
         */
        public double fraction(double mean) {
            return this == PERCENT_OF_MAX ? mean / HIGHEST : (mean - LOWEST) / (HIGHEST - LOWEST);
        }

        /**
         * Returns the convention with a name.
         *
         * @param id {@code percent-of-max} or {@code rescaled}
         * @return the convention
         * @throws IllegalArgumentException when no convention has that name
         */
        public static Scale fromId(String id) {
            for (Scale s : values()) {
                if (s.id.equals(id)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown scale convention '" + id
                    + "'; expected percent-of-max or rescaled");
        }
    }

    /** What to do when a rater did not rate a ratee on a dimension. */
    public enum MissingRatings {
        /** Leave the rating out; pairs rated in one direction only are counted in {@code missingPairs}. */
        IGNORE("ignore"),
        /** Varda's reciprocal reconstruction: fill A's missing rating of B with B's rating of A. */
        RECIPROCAL("reciprocal");

        private final String id;

        MissingRatings(String id) {
            this.id = id;
        }

        /**
         * Returns the policy's name as written in configurations and details.
         *
         * @return {@code ignore} or {@code reciprocal}
         */
        public String id() {
            return id;
        }

        /**
         * Returns the policy with a name.
         *
         * @param id {@code ignore} or {@code reciprocal}
         * @return the policy
         * @throws IllegalArgumentException when no policy has that name
         */
        public static MissingRatings fromId(String id) {
            for (MissingRatings m : values()) {
                if (m.id.equals(id)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown missing-rating policy '" + id
                    + "'; expected ignore or reciprocal");
        }
    }

    private final Scale scale;
    private final MissingRatings missing;
    private final int minRaters;

    /** Creates the strategy with the default convention, policy and minimum number of raters. */
    public RatedTrust() {
        this(DEFAULT_SCALE, DEFAULT_MISSING, DEFAULT_MIN_RATERS);
    }

    /**
     * Creates the strategy.
     *
     * @param scale     how mean ratings become fractions
     * @param missing   what to do with missing ratings
     * @param minRaters fewest raters behind a partner's trust or value figure, at least 2 (a t interval needs 2)
     * @throws IllegalArgumentException when {@code minRaters < 2}
     * @throws NullPointerException     when {@code scale} or {@code missing} is null
     */
    public RatedTrust(Scale scale, MissingRatings missing, int minRaters) {
        this.scale = Objects.requireNonNull(scale, "scale");
        this.missing = Objects.requireNonNull(missing, "missing");
        if (minRaters < 2) {
            throw new IllegalArgumentException("minRaters must be >= 2, was " + minRaters);
        }
        this.minRaters = minRaters;
    }

    private static RatingDimension[] partnerDimensions() {
        return Arrays.stream(RatingDimension.values())
                .filter(d -> d.group() == RatingDimension.Group.TRUST || d.group() == RatingDimension.Group.VALUE)
                .toArray(RatingDimension[]::new);
    }

    private static int[] slotsByOrdinal() {
        int[] slots = new int[RatingDimension.values().length];
        Arrays.fill(slots, -1);
        for (int s = 0; s < SLOTS.length; s++) {
            slots[SLOTS[s].ordinal()] = s;
        }
        return slots;
    }

    /**
     * Returns the scale convention.
     *
     * @return the convention
     */
    public Scale scale() {
        return scale;
    }

    /**
     * Returns the missing-rating policy.
     *
     * @return the policy
     */
    public MissingRatings missingRatings() {
        return missing;
    }

    /**
     * Returns the fewest raters behind a partner's trust or value figure.
     *
     * @return the minimum, at least 2
     */
    public int minRaters() {
        return minRaters;
    }

    /**
     * Returns a copy with another scale convention.
     *
     * @param convention the convention
     * @return the copy
     */
    public RatedTrust withScale(Scale convention) {
        return new RatedTrust(convention, missing, minRaters);
    }

    /**
     * Returns a copy with another missing-rating policy.
     *
     * @param policy the policy
     * @return the copy
     */
    public RatedTrust withMissingRatings(MissingRatings policy) {
        return new RatedTrust(scale, policy, minRaters);
    }

    /**
     * Returns a copy with another minimum number of raters.
     *
     * @param count at least 2
     * @return the copy
     */
    public RatedTrust withMinRaters(int count) {
        return new RatedTrust(scale, missing, count);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.TRUST;
    }

    /** One rater's latest (possibly reconstructed) ratings of one ratee; NaN where there is none. */
    private record PairRatings(int rater, int ratee, double[] bySlot, int reconstructed, double trustMean,
                               double valueMean) {
    }

    /**
     * Scores every partner and the network as described in the class documentation.
     *
     * @param context the evidence and evaluation settings
     * @return the network score, then one score per partner by id; a warning when ratings were reconstructed and
     *         one when the network has no score
     */
    @Override
    public StrategyResult score(ScoringContext context) {
        EvidenceIndex ev = context.evidence();
        int partners = ev.partnerCount();
        TreeMap<Long, Double> observed = latestRatings(ev);

        // Missing pairs: A gave B nothing although B rated A. Counted on the observed ratings, before any filling.
        TreeSet<Long> ratedPairs = new TreeSet<>();
        for (Long key : observed.keySet()) {
            ratedPairs.add(key / SLOTS.length);
        }
        int[] missingByRatee = new int[partners];
        int missingPairs = 0;
        for (Long pair : ratedPairs) {
            int rater = (int) (pair / partners);
            int ratee = (int) (pair % partners);
            if (!ratedPairs.contains((long) ratee * partners + rater)) {
                // The reverse pair (ratee rates rater) is missing; its ratee is this pair's rater.
                missingByRatee[rater]++;
                missingPairs++;
            }
        }

        TreeMap<Long, Double> cells = observed;
        TreeSet<Long> reconstructed = new TreeSet<>();
        if (missing == MissingRatings.RECIPROCAL) {
            cells = new TreeMap<>(observed);
            for (Map.Entry<Long, Double> e : observed.entrySet()) {
                long key = e.getKey();
                long pair = key / SLOTS.length;
                long reverse = ((pair % partners) * partners + pair / partners) * SLOTS.length + key % SLOTS.length;
                if (!observed.containsKey(reverse)) {
                    cells.put(reverse, e.getValue());
                    reconstructed.add(reverse);
                }
            }
        }

        List<PairRatings> pairs = pairRatings(cells, reconstructed, partners);
        List<List<PairRatings>> byRatee = new ArrayList<>(partners);
        for (int p = 0; p < partners; p++) {
            byRatee.add(new ArrayList<>());
        }
        for (PairRatings pr : pairs) {
            byRatee.get(pr.ratee()).add(pr);
        }

        String[] names = names(context, ev);
        double level = context.confidenceLevel();
        List<Warning> warnings = new ArrayList<>();
        if (!reconstructed.isEmpty()) {
            warnings.add(new Warning(RECONSTRUCTED_RATINGS, ID, String.format(Locale.ROOT,
                    "%d missing ratings were reconstructed from the reverse direction of their pair (missing = "
                            + "reciprocal): where a partner did not rate another on a dimension, the other's rating "
                            + "of it on that dimension was used.", reconstructed.size())));
        }
        List<Score> scores = new ArrayList<>(1 + partners);
        scores.add(networkScore(pairs, partners, reconstructed.size(), missingPairs, level, warnings));
        for (int p = 0; p < partners; p++) {
            scores.add(partnerScore(ev.partnerId(p), names[p], byRatee.get(p), missingByRatee[p], level));
        }
        return new StrategyResult(scores, warnings);
    }

    /**
     * Keeps the latest rating per (rater, ratee, PARTNER dimension), keyed by
     * {@code (rater · P + ratee) · 6 + slot}: rows come in the index's total order, so a later put replaces an
     * earlier one.
     */
    private static TreeMap<Long, Double> latestRatings(EvidenceIndex ev) {
        int partners = ev.partnerCount();
        TreeMap<Long, Double> latest = new TreeMap<>();
        for (int i = 0; i < ev.ratingCount(); i++) {
            int slot = SLOT_BY_ORDINAL[ev.ratingDimension(i).ordinal()];
            if (slot < 0) {
                continue;
            }
            long key = ((long) ev.ratingRater(i) * partners + ev.ratingRatee(i)) * SLOTS.length + slot;
            latest.put(key, ev.ratingValue(i));
        }
        return latest;
    }

    /** Groups cells (sorted by key, so by rater, ratee, slot) into pairs in (rater, ratee) order. */
    private static List<PairRatings> pairRatings(TreeMap<Long, Double> cells, TreeSet<Long> reconstructed,
                                                 int partners) {
        List<PairRatings> out = new ArrayList<>();
        long current = -1;
        double[] bySlot = null;
        int filled = 0;
        for (Map.Entry<Long, Double> e : cells.entrySet()) {
            long key = e.getKey();
            long pair = key / SLOTS.length;
            if (pair != current) {
                if (bySlot != null) {
                    out.add(pairOf(current, bySlot, filled, partners));
                }
                current = pair;
                bySlot = new double[SLOTS.length];
                Arrays.fill(bySlot, Double.NaN);
                filled = 0;
            }
            bySlot[(int) (key % SLOTS.length)] = e.getValue();
            if (reconstructed.contains(key)) {
                filled++;
            }
        }
        if (bySlot != null) {
            out.add(pairOf(current, bySlot, filled, partners));
        }
        return out;
    }

    private static PairRatings pairOf(long pair, double[] bySlot, int filled, int partners) {
        return new PairRatings((int) (pair / partners), (int) (pair % partners), bySlot, filled,
                groupMean(bySlot, RatingDimension.Group.TRUST), groupMean(bySlot, RatingDimension.Group.VALUE));
    }

    /** Mean of the present ratings of one family, NaN when there is none. */
    private static double groupMean(double[] bySlot, RatingDimension.Group group) {
        double sum = 0;
        int count = 0;
        for (int s = 0; s < SLOTS.length; s++) {
            if (SLOTS[s].group() == group && !Double.isNaN(bySlot[s])) {
                sum += bySlot[s];
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** Display names by interned partner index. */
    private static String[] names(ScoringContext context, EvidenceIndex ev) {
        String[] names = new String[ev.partnerCount()];
        for (int p = 0; p < names.length; p++) {
            names[p] = ev.partnerId(p);
        }
        for (Partner partner : context.partnership().partners()) {
            int p = ev.partnerIndex(partner.id());
            if (p != EvidenceIndex.NONE) {
                names[p] = partner.name();
            }
        }
        return names;
    }

    private Score partnerScore(String id, String name, List<PairRatings> ratings, int missingPairs, double level) {
        Score.Builder b = Score.builder(ID, Dimension.TRUST, Subject.partner(id));
        double[] trust = new double[ratings.size()];
        int k = 0;
        double valueSum = 0;
        int valueRaters = 0;
        int filled = 0;
        for (PairRatings pr : ratings) {
            if (!Double.isNaN(pr.trustMean())) {
                trust[k++] = pr.trustMean();
            }
            if (!Double.isNaN(pr.valueMean())) {
                valueSum += pr.valueMean();
                valueRaters++;
            }
            filled += pr.reconstructed();
        }
        if (k < minRaters) {
            String who = k == 0 ? "No partner has" : k == 1 ? "Only 1 partner has" : "Only " + k + " partners have";
            String reason = who + " rated " + name
                    + "'s trustworthiness (reliability, support of the mission, openness); at least " + minRaters
                    + " are needed for a trust score.";
            return b.insufficient(reason).explanation(reason).n(k)
                    .detail("raters", k).detail("valueRaters", valueRaters)
                    .detail("convention", scale.id()).detail("missing", missing.id())
                    .detail("reconstructed", filled).detail("missingPairs", missingPairs)
                    .detail("minRaters", minRaters)
                    .build();
        }
        StudentTInterval t = StudentTInterval.of(trust, k, level);
        double trustMean = t.mean();
        double trustPercent = UnitInterval.clamp(scale.fraction(trustMean));
        Interval interval = mapped(t.interval());
        b.value(trustPercent).normalized(trustPercent).interval(interval).normalizedInterval(interval).n(k)
                .detail("trustMean", trustMean).detail("trustPercent", trustPercent);
        String valueText;
        if (valueRaters >= minRaters) {
            double valueMean = valueSum / valueRaters;
            double valuePercent = UnitInterval.clamp(scale.fraction(valueMean));
            b.detail("valueMean", valueMean).detail("valuePercent", valuePercent);
            valueText = " and its value to the partnership at " + ExplanationNumbers.percent(valuePercent) + ".";
        } else {
            String note = "fewer than " + minRaters + " partners rated " + name + "'s value";
            b.detail("valueNote", note);
            valueText = "; " + note + ", so there is no value figure.";
        }
        String reconstructedText = filled == 0 ? ""
                : " " + filled + (filled == 1 ? " rating of " : " ratings of ") + name
                + (filled == 1 ? " was" : " were") + " filled in from its own ratings of partners who had not rated it on that point.";
        b.detail("raters", k).detail("valueRaters", valueRaters)
                .detail("dimensionMeans", dimensionMeans(ratings))
                .detail("convention", scale.id()).detail("missing", missing.id())
                .detail("reconstructed", filled).detail("missingPairs", missingPairs)
                .detail("standardDeviation", t.standardDeviation()).detail("tQuantile", t.quantile())
                .detail("minRaters", minRaters);
        b.explanation("Partners rate " + name + "'s trustworthiness at " + ExplanationNumbers.percent(trustPercent)
                + " " + scale.phrase + " (average " + ExplanationNumbers.twoDecimals(trustMean)
                + " on the 1-4 scale from " + k + " partners; " + ExplanationNumbers.level(level) + " interval "
                + ExplanationNumbers.percent(interval.low()) + " to " + ExplanationNumbers.percent(interval.high())
                + ")" + valueText + reconstructedText);
        return b.build();
    }

    /** Mean over raters per PARTNER dimension, in enum order, for the dimensions the ratee was rated on. */
    private static Map<String, Object> dimensionMeans(List<PairRatings> ratings) {
        Map<String, Object> means = new LinkedHashMap<>();
        for (int s = 0; s < SLOTS.length; s++) {
            double sum = 0;
            int count = 0;
            for (PairRatings pr : ratings) {
                if (!Double.isNaN(pr.bySlot()[s])) {
                    sum += pr.bySlot()[s];
                    count++;
                }
            }
            if (count > 0) {
                means.put(SLOTS[s].name(), sum / count);
            }
        }
        return means;
    }

    /** Maps an interval on the 1–4 scale through the convention and clips it to [0, 1]. */
    private Interval mapped(Interval onScale) {
        return new Interval(UnitInterval.clamp(scale.fraction(onScale.low())),
                UnitInterval.clamp(scale.fraction(onScale.high())), onScale.level());
    }

    private Score networkScore(List<PairRatings> pairs, int partners, int reconstructed, int missingPairs,
                               double level, List<Warning> warnings) {
        Score.Builder b = Score.builder(ID, Dimension.TRUST, Subject.partnership());
        double[] trust = new double[pairs.size()];
        boolean[] isRater = new boolean[partners];
        int k = 0;
        int raters = 0;
        double valueSum = 0;
        int valuePairs = 0;
        for (PairRatings pr : pairs) {
            if (!Double.isNaN(pr.trustMean())) {
                trust[k++] = pr.trustMean();
                if (!isRater[pr.rater()]) {
                    isRater[pr.rater()] = true;
                    raters++;
                }
            }
            if (!Double.isNaN(pr.valueMean())) {
                valueSum += pr.valueMean();
                valuePairs++;
            }
        }
        if (k == 0) {
            String reason = "No partner has rated another's trustworthiness (reliability, support of the mission, "
                    + "openness), so there is no perceived trust to report.";
            warnings.add(new Warning(Warning.INSUFFICIENT_EVIDENCE, ID, "network perceived trust: " + reason));
            return b.insufficient(reason).explanation(reason).n(0)
                    .detail("pairs", 0).detail("valuePairs", valuePairs).detail("raters", 0)
                    .detail("convention", scale.id()).detail("missing", missing.id())
                    .detail("reconstructed", reconstructed).detail("missingPairs", missingPairs)
                    .build();
        }
        double trustMean;
        Interval interval = null;
        String intervalText;
        if (k >= 2) {
            StudentTInterval t = StudentTInterval.of(trust, k, level);
            trustMean = t.mean();
            interval = mapped(t.interval());
            b.detail("standardDeviation", t.standardDeviation()).detail("tQuantile", t.quantile())
                    .detail("intervalNote", "Student t interval over pairs: the spread of trust across pairs");
            intervalText = "; " + ExplanationNumbers.level(level) + " interval "
                    + ExplanationNumbers.percent(interval.low()) + " to " + ExplanationNumbers.percent(interval.high())
                    + ", reflecting how much trust varies between pairs)";
        } else {
            trustMean = trust[0];
            b.detail("intervalNote", "one rated pair only: no interval");
            intervalText = "; one pair only, so no interval)";
        }
        double trustPercent = UnitInterval.clamp(scale.fraction(trustMean));
        b.value(trustPercent).normalized(trustPercent).interval(interval).normalizedInterval(interval).n(k)
                .detail("trustMean", trustMean)
                .detail("trustPercentOfMax", UnitInterval.clamp(Scale.PERCENT_OF_MAX.fraction(trustMean)))
                .detail("trustRescaled", UnitInterval.clamp(Scale.RESCALED.fraction(trustMean)));
        String valueText;
        if (valuePairs > 0) {
            double valueMean = valueSum / valuePairs;
            b.detail("valueMean", valueMean)
                    .detail("valuePercentOfMax", UnitInterval.clamp(Scale.PERCENT_OF_MAX.fraction(valueMean)))
                    .detail("valueRescaled", UnitInterval.clamp(Scale.RESCALED.fraction(valueMean)));
            valueText = " and one another's value to the partnership at "
                    + ExplanationNumbers.percent(UnitInterval.clamp(scale.fraction(valueMean))) + ".";
        } else {
            b.detail("valueNote", "no partner rated another's value (power, involvement, resources)");
            valueText = "; no partner rated another's value.";
        }
        b.detail("convention", scale.id()).detail("pairs", k).detail("valuePairs", valuePairs)
                .detail("raters", raters).detail("missing", missing.id())
                .detail("reconstructed", reconstructed).detail("missingPairs", missingPairs);
        String gaps;
        if (reconstructed > 0) {
            gaps = " " + reconstructed + (reconstructed == 1 ? " missing rating was" : " missing ratings were")
                    + " filled in from the other partner's rating in the same pair.";
        } else if (missingPairs > 0) {
            gaps = " In " + missingPairs + (missingPairs == 1 ? " pair" : " pairs")
                    + " only one partner rated the other; the missing direction was left out.";
        } else {
            gaps = "";
        }
        b.explanation("Across " + k + (k == 1 ? " rated pair" : " rated pairs") + " of partners, partners rate one "
                + "another's trustworthiness at " + ExplanationNumbers.percent(trustPercent) + " " + scale.phrase
                + " (mean " + ExplanationNumbers.twoDecimals(trustMean) + " on the 1-4 scale"
                + intervalText + valueText + gaps);
        return b.build();
    }
}
