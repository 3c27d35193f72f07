package dev.partnership.metrics.trust;

import dev.partnership.Dimension;
import dev.partnership.Interval;
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
import java.util.List;
import java.util.Locale;

/**
 * Trust as subjective opinions (Jøsang, A. (2016), <i>Subjective Logic: A Formalism for Reasoning Under
 * Uncertainty</i>, Springer), keeping apart what partners know of each other and what they do not; strategy id
 * {@value #ID}.
 *
 * <p><b>Evidence.</b> Exactly as {@link BetaReputation} ({@link SignalEvidence}): a signal from {@code source} toward
 * {@code target} is evidence about the source as seen by the target, feeding the pair (from = target, to = source),
 * weighted by its value and by half-life decay {@code 2^(−age / halfLifeDays)} (0 = no decay). A pair has
 * <i>dealings</i> when at least one signal passed in that direction, and <i>weighted dealings</i> when their evidence
 * {@code r + s > 0}.
 *
 * <p><b>Opinions.</b> Evidence (r, s) becomes the opinion (Jøsang 2016 §3.5, {@link Opinion#fromEvidence})
 * {@code b = r/(r + s + W)}, {@code d = s/(r + s + W)}, {@code u = W/(r + s + W)} with the non-informative prior
 * weight W ({@code priorWeight}, default 2) and base rate a ({@code baseRate}, default 0.5); its projected
 * probability {@code P = b + a · u} is the score's {@code value} and {@code normalized}. The interval is the
 * equal-tailed interval at the evaluation's level of the opinion's Beta distribution Beta(r + W·a, s + W·(1 − a))
 * (for a derived or fused opinion, r = W·b/u and s = W·d/u); for u = 1 that is the prior's interval.
 *
 * <p><b>Scores.</b>
 * <ul>
 *   <li>Every ordered pair (X, T) of distinct partners, in the order of {@code from}, then {@code to}; details
 *       {@code b, d, u, a, r, s}.
 *       <ul>
 *         <li>With dealings: the opinion from X's evidence about T, {@code n} = its signals.</li>
 *         <li>Without dealings and with derivation on ({@code derivePairs}, default true, for networks of at most
 *             {@code maxPartnersForDerivation} partners): for every intermediary Y with weighted dealings X → Y and
 *             Y → T, the classic discounting {@code ω_XY ⊗ ω_YT} ({@link Opinion#discount}), then the cumulative
 *             fusion of those over all Y ({@link Opinion#cumulativeFusion}); details {@code derived = true} and
 *             {@code via} (the intermediaries in id order), no {@code n}, and an explanation saying the opinion is
 *             derived through the named partners, not first-hand. A derived opinion keeps its own u.</li>
 *         <li>Otherwise the vacuous opinion (0, 0, 1, a): {@code P = a}, {@code n = 0}, and an explanation that says
 *             the view is "unknown: no dealings" — not distrust.</li>
 *       </ul></li>
 *   <li>Per partner T: the cumulative fusion of the first-hand opinions of all partners with weighted dealings
 *       with T (equal to pooling their evidence); details {@code b, d, u, a, r, s}, {@code opinions} (how many were
 *       fused) and {@code averagingFusion}, the P of their averaging fusion (Jøsang 2016 §12.5), for readers who take
 *       the partners' views as dependent. Signals toward the whole partnership do not count here (they are nobody's
 *       opinion). {@code INSUFFICIENT_EVIDENCE} when no partner has weighted dealings with T.</li>
 *   <li>Partnership: the mean P over the k pairs with weighted dealings (derived and unknown pairs excluded), with
 *       the interval of {@link BetaReputation}'s partnership score (Student t over pairs for k ≥ 2, clipped to
 *       [0, 1]; the pair's own interval for k = 1; {@code INSUFFICIENT_EVIDENCE} for k = 0); details
 *       {@code unknownShare} (the share of the P(P − 1) ordered pairs with no dealings) and {@code meanUncertainty}.
 *       This score has no {@code normalized} value, so it stays out of the TRUST summary: its mean P re-expresses the
 *       evidence {@code beta-reputation} already contributes (with W = 2 and a = 0.5 the two are equal), and counting
 *       it again would weigh behavioural evidence twice. What it adds is the uncertainty mass.</li>
 * </ul>
 *
 * <p><b>Cost.</b> O(n + P²) for the evidence, a Beta quantile search (about 25 evaluations of the incomplete beta
 * function) per pair, partner and derived opinion (one shared by all unknown pairs), O(P) per pair without dealings
 * for derivation (O(P³) at worst), skipped with one {@value BetaReputation#DERIVATION_SKIPPED} warning when P exceeds
 * {@code maxPartnersForDerivation}.
 *
 * <p>Immutable and thread-safe; {@code withX} methods return copies.
 */
public final class SubjectiveLogic implements ScoringStrategy {
    /** The strategy id. */
    public static final String ID = "subjective-logic";
    /** Default half-life of evidence, in days (as {@link BetaReputation}). */
    public static final double DEFAULT_HALF_LIFE_DAYS = BetaReputation.DEFAULT_HALF_LIFE_DAYS;
    /** Default non-informative prior weight W. */
    public static final double DEFAULT_PRIOR_WEIGHT = Opinion.DEFAULT_PRIOR_WEIGHT;
    /** Largest accepted prior weight W. */
    public static final double MAX_PRIOR_WEIGHT = 1e6;
    /** Default base rate a: without evidence, good and bad conduct are equally likely. */
    public static final double DEFAULT_BASE_RATE = 0.5;
    /** By default, opinions of partners not dealt with are derived through intermediaries. */
    public static final boolean DEFAULT_DERIVE_PAIRS = BetaReputation.DEFAULT_DERIVE_PAIRS;
    /** Default largest number of partners for which pairs are derived (the derivation costs O(P³)). */
    public static final int DEFAULT_MAX_PARTNERS_FOR_DERIVATION = BetaReputation.DEFAULT_MAX_PARTNERS_FOR_DERIVATION;

    private final double halfLifeDays;
    private final double priorWeight;
    private final double baseRate;
    private final boolean derivePairs;
    private final int maxPartnersForDerivation;

    /** Creates the strategy with the default parameters. */
    public SubjectiveLogic() {
        this(DEFAULT_HALF_LIFE_DAYS, DEFAULT_PRIOR_WEIGHT, DEFAULT_BASE_RATE, DEFAULT_DERIVE_PAIRS,
                DEFAULT_MAX_PARTNERS_FOR_DERIVATION);
    }

    /**
     * Creates the strategy.
     *
     * @param halfLifeDays             age in days at which a signal counts half, in
     *                                 [0, {@value BetaReputation#MAX_HALF_LIFE_DAYS}]; 0 turns decay off
     * @param priorWeight              W, in (0, {@value #MAX_PRIOR_WEIGHT}]
     * @param baseRate                 a, in (0, 1)
     * @param derivePairs              whether to derive opinions of partners not dealt with through intermediaries
     * @param maxPartnersForDerivation largest number of partners for which pairs are derived, at least 0
     * @throws IllegalArgumentException when a parameter is out of range
     */
    public SubjectiveLogic(double halfLifeDays, double priorWeight, double baseRate, boolean derivePairs,
                           int maxPartnersForDerivation) {
        if (!(halfLifeDays >= 0 && halfLifeDays <= BetaReputation.MAX_HALF_LIFE_DAYS)) {
            throw new IllegalArgumentException("halfLifeDays must lie in [0, 36500], was " + halfLifeDays);
        }
        if (!(priorWeight > 0 && priorWeight <= MAX_PRIOR_WEIGHT)) {
            throw new IllegalArgumentException("priorWeight must lie in (0, 1000000], was " + priorWeight);
        }
        if (!(baseRate > 0 && baseRate < 1)) {
            throw new IllegalArgumentException("baseRate must lie in (0, 1), was " + baseRate);
        }
        if (maxPartnersForDerivation < 0) {
            throw new IllegalArgumentException("maxPartnersForDerivation must be >= 0, was " + maxPartnersForDerivation);
        }
        this.halfLifeDays = halfLifeDays;
        this.priorWeight = priorWeight;
        this.baseRate = baseRate;
        this.derivePairs = derivePairs;
        this.maxPartnersForDerivation = maxPartnersForDerivation;
    }

    /**
     * Returns the half-life of evidence.
     *
     * @return days, 0 when decay is off
     */
    public double halfLifeDays() {
        return halfLifeDays;
    }

    /**
     * Returns the non-informative prior weight W.
     *
     * @return W
     */
    public double priorWeight() {
        return priorWeight;
    }

    /**
     * Returns the base rate a.
     *
     * @return a
     */
    public double baseRate() {
        return baseRate;
    }

    /**
     * Returns whether pairs without dealings are derived through intermediaries.
     *
     * @return {@code true} when derivation is on
     */
    public boolean derivePairs() {
        return derivePairs;
    }

    /**
     * Returns the largest number of partners for which pairs are derived.
     *
     * @return the limit
     */
    public int maxPartnersForDerivation() {
        return maxPartnersForDerivation;
    }

    /**
     * Returns a copy with another half-life.
     *
     * @param days in [0, {@value BetaReputation#MAX_HALF_LIFE_DAYS}], 0 for no decay
     * @return the copy
     */
    public SubjectiveLogic withHalfLifeDays(double days) {
        return new SubjectiveLogic(days, priorWeight, baseRate, derivePairs, maxPartnersForDerivation);
    }

    /**
     * Returns a copy with another prior weight.
     *
     * @param weight W in (0, {@value #MAX_PRIOR_WEIGHT}]
     * @return the copy
     */
    public SubjectiveLogic withPriorWeight(double weight) {
        return new SubjectiveLogic(halfLifeDays, weight, baseRate, derivePairs, maxPartnersForDerivation);
    }

    /**
     * Returns a copy with another base rate.
     *
     * @param rate a in (0, 1)
     * @return the copy
     */
    public SubjectiveLogic withBaseRate(double rate) {
        return new SubjectiveLogic(halfLifeDays, priorWeight, rate, derivePairs, maxPartnersForDerivation);
    }

    /**
     * Returns a copy that derives pairs without dealings, or not.
     *
     * @param derive whether to derive
     * @return the copy
     */
    public SubjectiveLogic withDerivePairs(boolean derive) {
        return new SubjectiveLogic(halfLifeDays, priorWeight, baseRate, derive, maxPartnersForDerivation);
    }

    /**
     * Returns a copy with another limit on the network size for derivation.
     *
     * @param partners at least 0
     * @return the copy
     */
    public SubjectiveLogic withMaxPartnersForDerivation(int partners) {
        return new SubjectiveLogic(halfLifeDays, priorWeight, baseRate, derivePairs, partners);
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
     * Scores pairs, partners and the partnership as described in the class documentation.
     *
     * @param context the evidence and evaluation settings
     * @return the scores, and warnings when the partnership has no score or derivation was skipped
     */
    @Override
    public StrategyResult score(ScoringContext context) {
        EvidenceIndex ev = context.evidence();
        SignalEvidence evidence = SignalEvidence.of(ev, halfLifeDays);
        int partners = ev.partnerCount();
        double level = context.confidenceLevel();

        Opinion[] direct = new Opinion[partners * partners];
        boolean[] weighted = new boolean[partners * partners];
        int strangers = 0;
        for (int from = 0; from < partners; from++) {
            for (int to = 0; to < partners; to++) {
                if (from == to) {
                    continue;
                }
                int k = from * partners + to;
                if (evidence.pairSignals(from, to) == 0) {
                    strangers++;
                    continue;
                }
                BetaEvidence e = evidence.pair(from, to);
                direct[k] = Opinion.fromEvidence(e, priorWeight, baseRate);
                weighted[k] = e.total() > 0;
            }
        }
        boolean derive = derivePairs && strangers > 0;
        Warning skipped = null;
        if (derive && partners > maxPartnersForDerivation) {
            derive = false;
            skipped = new Warning(BetaReputation.DERIVATION_SKIPPED, ID, String.format(Locale.ROOT,
                    "opinions for the %d pairs of partners without dealings were not derived through "
                            + "intermediaries: the network has %d partners, more than maxPartnersForDerivation = %d; "
                            + "they read as unknown", strangers, partners, maxPartnersForDerivation));
        }

        Opinion vacuous = Opinion.vacuous(baseRate);
        Interval prior = strangers > 0 ? vacuous.interval(priorWeight, level) : null;
        List<Score> pairScores = new ArrayList<>(partners * Math.max(0, partners - 1));
        double[] values = new double[partners * partners];
        double uncertaintySum = 0;
        int k = 0;
        int withDealings = 0;
        Score single = null;
        for (int from = 0; from < partners; from++) {
            for (int to = 0; to < partners; to++) {
                if (from == to) {
                    continue;
                }
                int at = from * partners + to;
                Opinion o = direct[at];
                if (o != null) {
                    withDealings++;
                    Score s = directPairScore(ev, evidence, from, to, o, level);
                    pairScores.add(s);
                    if (weighted[at]) {
                        values[k++] = s.value();
                        uncertaintySum += o.uncertainty();
                        single = s;
                    }
                } else {
                    Score s = derive ? derivedPairScore(ev, direct, weighted, from, to, level) : null;
                    pairScores.add(s != null ? s : unknownPairScore(ev.partnerId(from), ev.partnerId(to), vacuous,
                            prior));
                }
            }
        }

        List<Score> scores = new ArrayList<>(1 + partners + pairScores.size());
        List<Warning> warnings = new ArrayList<>();
        scores.add(partnershipScore(values, k, uncertaintySum, withDealings, strangers, partners, single, level,
                warnings));
        if (skipped != null) {
            warnings.add(skipped);
        }
        for (int t = 0; t < partners; t++) {
            scores.add(partnerScore(ev, evidence, direct, weighted, t, level));
        }
        scores.addAll(pairScores);
        return new StrategyResult(scores, warnings);
    }

    private Score directPairScore(EvidenceIndex ev, SignalEvidence evidence, int x, int t, Opinion o, double level) {
        String from = ev.partnerId(x);
        String to = ev.partnerId(t);
        int n = evidence.pairSignals(x, t);
        double r = evidence.pairPositive(x, t);
        double s = evidence.pairNegative(x, t);
        Interval interval = o.interval(priorWeight, level);
        String explanation;
        if (r + s == 0) {
            explanation = "The " + n + " signals of how " + to + " acted toward " + from + " carry no weight (zero "
                    + "values or fully decayed), so " + from + "'s opinion of " + to + " is still fully uncertain "
                    + "(u = 1) and its projected trust is the base rate " + ExplanationNumbers.twoDecimals(baseRate)
                    + "; this is not distrust.";
        } else {
            explanation = "From " + n + (n == 1 ? " signal" : " signals") + " of how " + to + " acted toward " + from
                    + ", " + from + "'s opinion of " + to + " is belief " + ExplanationNumbers.twoDecimals(o.belief())
                    + ", disbelief " + ExplanationNumbers.twoDecimals(o.disbelief()) + " and uncertainty "
                    + ExplanationNumbers.twoDecimals(o.uncertainty()) + "; with base rate "
                    + ExplanationNumbers.twoDecimals(baseRate) + ", " + from + " can expect " + to
                    + " to act in good faith with probability " + probabilityAndInterval(o, interval, level) + ".";
        }
        return opinionScore(Subject.pair(from, to), o, interval, r, s).n(n).detail("signals", n)
                .explanation(explanation).build();
    }

    /**
     * Derives X's opinion of T by discounting and cumulative fusion over the intermediaries, or returns {@code null}
     * when there is none. Cost O(P).
     */
    private Score derivedPairScore(EvidenceIndex ev, Opinion[] direct, boolean[] weighted, int x, int t,
                                   double level) {
        int partners = ev.partnerCount();
        List<Opinion> paths = null;
        List<String> via = null;
        for (int y = 0; y < partners; y++) {
            int xy = x * partners + y;
            int yt = y * partners + t;
            if (y == x || y == t || !weighted[xy] || !weighted[yt]) {
                continue;
            }
            if (paths == null) {
                paths = new ArrayList<>();
                via = new ArrayList<>();
            }
            paths.add(direct[xy].discount(direct[yt]));
            via.add(ev.partnerId(y));
        }
        if (paths == null) {
            return null;
        }
        Opinion o = Opinion.cumulativeFusion(paths);
        String from = ev.partnerId(x);
        String to = ev.partnerId(t);
        String names = PartnerNames.inWords(via);
        Interval interval = o.interval(priorWeight, level);
        BetaEvidence e = o.toEvidence(priorWeight);
        String explanation = "Derived through " + names + ", not first-hand: " + from + " has had no dealings with "
                + to + ", but discounting " + (via.size() == 1 ? "the opinion of " : "the opinions of ") + names
                + " about " + to + " by " + from + "'s trust in " + (via.size() == 1 ? "it" : "them")
                + " gives belief " + ExplanationNumbers.twoDecimals(o.belief()) + ", disbelief "
                + ExplanationNumbers.twoDecimals(o.disbelief()) + " and uncertainty "
                + ExplanationNumbers.twoDecimals(o.uncertainty()) + ": " + from + " can expect " + to
                + " to act in good faith with probability " + probabilityAndInterval(o, interval, level) + ".";
        return opinionScore(Subject.pair(from, to), o, interval, e.r(), e.s())
                .detail("derived", true).detail("via", via).explanation(explanation).build();
    }

    private Score unknownPairScore(String from, String to, Opinion vacuous, Interval prior) {
        String explanation = from + "'s view of " + to + " is unknown: no dealings. No signals show how " + to
                + " acted toward " + from + ", so " + from + "'s opinion is fully uncertain (u = 1) and its projected "
                + "trust is the base rate " + ExplanationNumbers.twoDecimals(baseRate) + "; this is not distrust.";
        return opinionScore(Subject.pair(from, to), vacuous, prior, 0, 0).n(0).detail("signals", 0)
                .explanation(explanation).build();
    }

    private Score partnerScore(EvidenceIndex ev, SignalEvidence evidence, Opinion[] direct, boolean[] weighted,
                               int t, double level) {
        int partners = ev.partnerCount();
        String partner = ev.partnerId(t);
        List<Opinion> opinions = new ArrayList<>();
        int signals = 0;
        for (int x = 0; x < partners; x++) {
            if (x != t && weighted[x * partners + t]) {
                opinions.add(direct[x * partners + t]);
                signals += evidence.pairSignals(x, t);
            }
        }
        if (opinions.isEmpty()) {
            String reason = "No partner has weighted dealings with " + partner + " (signals toward the whole "
                    + "partnership are nobody's opinion), so no partner holds an opinion of " + partner + ".";
            return Score.builder(ID, Dimension.TRUST, Subject.partner(partner)).insufficient(reason)
                    .explanation(reason).n(0).detail("opinions", 0).detail("signals", 0).build();
        }
        Opinion fused = Opinion.cumulativeFusion(opinions);
        Opinion averaged = Opinion.averagingFusion(opinions);
        Interval interval = fused.interval(priorWeight, level);
        BetaEvidence e = fused.toEvidence(priorWeight);
        return opinionScore(Subject.partner(partner), fused, interval, e.r(), e.s()).n(signals).detail("signals", signals).detail("opinions", opinions.size())
                .detail("averagingFusion", averaged.projectedProbability())
                .explanation("Fusing the opinions of " + opinions.size()
                        + (opinions.size() == 1 ? " partner" : " partners") + " who dealt with " + partner + " ("
                        + signals + (signals == 1 ? " signal" : " signals") + "), " + partner
                        + " can be expected to act in good faith with probability "
                        + probabilityAndInterval(fused, interval, level) + "; belief "
                        + ExplanationNumbers.twoDecimals(fused.belief()) + ", disbelief "
                        + ExplanationNumbers.twoDecimals(fused.disbelief()) + ", uncertainty "
                        + ExplanationNumbers.twoDecimals(fused.uncertainty())
                        + ". Averaging the opinions instead, as if they were not independent, gives "
                        + ExplanationNumbers.twoDecimals(averaged.projectedProbability()) + ".")
                .build();
    }

    /** A builder with the value, interval and opinion details every pair and partner score carries. */
    private static Score.Builder opinionScore(Subject subject, Opinion o, Interval interval, double r, double s) {
        double p = o.projectedProbability();
        return Score.builder(ID, Dimension.TRUST, subject).value(p).normalized(p)
                .interval(interval).normalizedInterval(interval)
                .detail("b", o.belief()).detail("d", o.disbelief()).detail("u", o.uncertainty())
                .detail("a", o.baseRate()).detail("r", r).detail("s", s);
    }

    private static String probabilityAndInterval(Opinion o, Interval interval, double level) {
        return ExplanationNumbers.twoDecimals(o.projectedProbability()) + " (" + ExplanationNumbers.level(level)
                + " credible interval " + ExplanationNumbers.twoDecimals(interval.low()) + " to "
                + ExplanationNumbers.twoDecimals(interval.high()) + ")";
    }

    private Score partnershipScore(double[] values, int k, double uncertaintySum, int withDealings, int strangers,
                                   int partners, Score single, double level, List<Warning> warnings) {
        Score.Builder b = Score.builder(ID, Dimension.TRUST, Subject.partnership())
                .detail("pairs", k).detail("pairsWithDealings", withDealings);
        String unknown = "";
        if (partners >= 2) {
            double share = strangers / (double) (partners * (partners - 1));
            b.detail("unknownShare", share);
            unknown = strangers == 0 ? " Every ordered pair of partners has had dealings."
                    : " " + ExplanationNumbers.percent(share) + " of ordered pairs of partners have had no dealings; "
                    + "their trust is unknown, not low.";
        }
        b.detail("halfLifeDays", halfLifeDays).detail("priorWeight", priorWeight).detail("baseRate", baseRate);
        if (k == 0) {
            String reason = withDealings == 0
                    ? "No signal passed between two partners, so no partner holds an opinion of another."
                    : "The signals between partners carry no weight (zero values or fully decayed), so every opinion "
                    + "is fully uncertain.";
            warnings.add(new Warning(Warning.INSUFFICIENT_EVIDENCE, ID, "partnership trust: " + reason));
            return b.insufficient(reason).explanation(reason + unknown).n(0).build();
        }
        b.detail("meanUncertainty", uncertaintySum / k);
        if (k == 1) {
            Subject.PairSubject pair = (Subject.PairSubject) single.subject();
            Interval interval = single.interval();
            return b.value(single.value()).interval(interval).n(1)
                    .detail("intervalNote", "one pair only: its Beta credible interval")
                    .explanation("Only one pair has weighted dealings: " + pair.from() + " can expect " + pair.to()
                            + " to act in good faith with probability " + ExplanationNumbers.twoDecimals(single.value())
                            + " (" + ExplanationNumbers.level(level) + " credible interval "
                            + ExplanationNumbers.twoDecimals(interval.low()) + " to "
                            + ExplanationNumbers.twoDecimals(interval.high()) + ")." + unknown)
                    .build();
        }
        StudentTInterval t = StudentTInterval.of(values, k, level);
        double mean = UnitInterval.clamp(t.mean());
        Interval interval = UnitInterval.clip(t.interval());
        return b.value(mean).interval(interval).n(k)
                .detail("standardDeviation", t.standardDeviation()).detail("tQuantile", t.quantile())
                .detail("intervalNote", "Student t interval over pairs: the spread of trust across pairs")
                .explanation("Across the " + k + " pairs of partners with dealings, partners can expect one another "
                        + "to act in good faith with probability " + ExplanationNumbers.twoDecimals(mean)
                        + " on average (" + ExplanationNumbers.level(level) + " interval "
                        + ExplanationNumbers.twoDecimals(interval.low()) + " to "
                        + ExplanationNumbers.twoDecimals(interval.high())
                        + ", reflecting how much trust varies between pairs)." + unknown)
                .build();
    }
}
