package dev.partnership.metrics.trust;

import dev.partnership.Dimension;
import dev.partnership.Interval;
import dev.partnership.Score;
import dev.partnership.SignalKind;
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
 * Behavioural trust from engagement signals by the Beta reputation system (Jøsang, A. and Ismail, R. (2002),
 * "The Beta Reputation System", <i>Proceedings of the 15th Bled Electronic Commerce Conference</i>); strategy id
 * {@value #ID}.
 *
 * <p><b>Evidence.</b> A signal from {@code source} toward {@code target} is evidence about the source as seen by
 * the target, so it feeds the pair {@code Subject.pair(from = target, to = source)}. Each signal weighs
 * {@code value · decay} with {@code decay = 2^(−age / halfLife)}, age = asOf − at in days (half-life 0 turns decay
 * off). Positive kinds add the weight to r, negative kinds to s; {@link SignalKind#FEEDBACK} adds {@code v · decay}
 * to r when its value v &gt; 0 and {@code |v| · decay} to s when v &lt; 0 (see {@link SignalEvidence}).
 *
 * <p><b>Scores.</b>
 * <ul>
 *   <li>Per ordered pair with any evidence: {@code E = (r + 1)/(r + s + 2)} with the equal-tailed Beta(r + 1, s + 1)
 *       credible interval at the evaluation's level (see {@link BetaEvidence}).</li>
 *   <li>Per ordered pair (X, T) with no evidence at all, when derivation is on: X's view of T derived through every
 *       intermediary Y for which both X → Y and Y → T are {@code OK} pairs. Each path is discounted by
 *       {@link BetaEvidence#discount} ({@code r' = 2 r₁ r₂ / D}, {@code s' = 2 r₁ s₂ / D},
 *       {@code D = (s₁ + 2)(r₂ + s₂ + 2) + 2 r₁}, Jøsang &amp; Ismail 2002 §3.4) and the paths are combined by
 *       adding their evidence (§3.2, combining feedback): {@code r = Σ_Y r'_Y}, {@code s = Σ_Y s'_Y}. The score is
 *       E of that evidence with its Beta credible interval, status {@code OK}, details {@code derived = true} and
 *       {@code via} (the intermediaries' ids in id order), no {@code n} (no signal of its own), and an explanation
 *       that says it is derived through the named partners, not first-hand. When every X → Y link is all negative
 *       evidence the paths pass nothing on and the derived pair is {@code INSUFFICIENT_EVIDENCE}. A pair with no
 *       evidence and no intermediary is not reported: a stranger gets no invented 0.5. Derived pairs never enter
 *       the partner or partnership scores below.</li>
 *   <li>Per partner: the same from all evidence about the partner as a source, including signals toward the whole
 *       partnership (first-hand signals only). Every partner is reported.</li>
 *   <li>Partnership: the mean of the k first-hand pairs' E that are {@code OK} (derived pairs excluded). For k ≥ 2
 *       its interval is the Student t interval {@code mean ± t_{k−1} · sd / √k} clipped to [0, 1]; it describes the
 *       spread of trust across pairs, not the uncertainty of any one pair. For k = 1 it is that pair's credible
 *       interval; for k = 0 the score is {@code INSUFFICIENT_EVIDENCE}.</li>
 * </ul>
 * A first-hand pair or partner with fewer than {@code minSignals} signals, or whose signals weigh nothing (all
 * zero-valued or decayed to nothing), is {@code INSUFFICIENT_EVIDENCE}. {@code value} and {@code normalized} are
 * both E. Scores come in the order partnership, partners (by id), pairs (by {@code from}, then {@code to}, derived
 * pairs in their place).
 *
 * <p><b>Cost.</b> One pass over the signals ({@link SignalEvidence}: O(n + P²) time and O(P²) memory for n signals
 * and P partners, no allocation per signal), two Beta quantiles per reported score
 * ({@link dev.partnership.metrics.stats.BetaQuantile}: 3 to 5 Halley steps on the incomplete beta function each),
 * and for derivation O(P) per pair without evidence, O(P³) at worst. Derivation is skipped, with one
 * {@value #DERIVATION_SKIPPED} warning, when P exceeds {@code maxPartnersForDerivation}.
 *
 * <p>Immutable and thread-safe; {@code withX} methods return copies.
 */
public final class BetaReputation implements ScoringStrategy {
    /** The strategy id. */
    public static final String ID = "beta-reputation";
    /** Default half-life of evidence, in days. */
    public static final double DEFAULT_HALF_LIFE_DAYS = 365.0;
    /** Largest accepted half-life, in days (100 years). */
    public static final double MAX_HALF_LIFE_DAYS = 36_500.0;
    /** Default minimum number of signals behind a pair or partner score. */
    public static final int DEFAULT_MIN_SIGNALS = 3;
    /** By default, views of partners not dealt with are derived through intermediaries. */
    public static final boolean DEFAULT_DERIVE_PAIRS = true;
    /** Default largest number of partners for which pairs are derived (the derivation costs O(P³)). */
    public static final int DEFAULT_MAX_PARTNERS_FOR_DERIVATION = 500;
    /** Warning code raised once when derivation is on but skipped because the network is too large. */
    public static final String DERIVATION_SKIPPED = "DERIVATION_SKIPPED";

    private final double halfLifeDays;
    private final int minSignals;
    private final boolean derivePairs;
    private final int maxPartnersForDerivation;

    /** Creates the strategy with the default parameters. */
    public BetaReputation() {
        this(DEFAULT_HALF_LIFE_DAYS, DEFAULT_MIN_SIGNALS);
    }

    /**
     * Creates the strategy with the default derivation settings.
     *
     * @param halfLifeDays age in days at which a signal counts half, in [0, {@value #MAX_HALF_LIFE_DAYS}]; 0 turns
     *                     decay off
     * @param minSignals   fewest signals behind a pair or partner score, at least 1
     * @throws IllegalArgumentException when a parameter is out of range
     */
    public BetaReputation(double halfLifeDays, int minSignals) {
        this(halfLifeDays, minSignals, DEFAULT_DERIVE_PAIRS, DEFAULT_MAX_PARTNERS_FOR_DERIVATION);
    }

    /**
     * Creates the strategy.
     *
     * @param halfLifeDays             age in days at which a signal counts half, in
     *                                 [0, {@value #MAX_HALF_LIFE_DAYS}]; 0 turns decay off
     * @param minSignals               fewest signals behind a first-hand pair or partner score, at least 1
     * @param derivePairs              whether to derive pairs without evidence through intermediaries
     * @param maxPartnersForDerivation largest number of partners for which pairs are derived, at least 0
     * @throws IllegalArgumentException when a parameter is out of range
     */
    public BetaReputation(double halfLifeDays, int minSignals, boolean derivePairs, int maxPartnersForDerivation) {
        if (!(halfLifeDays >= 0 && halfLifeDays <= MAX_HALF_LIFE_DAYS)) {
            throw new IllegalArgumentException("halfLifeDays must lie in [0, 36500], was " + halfLifeDays);
        }
        if (minSignals < 1) {
            throw new IllegalArgumentException("minSignals must be >= 1, was " + minSignals);
        }
        if (maxPartnersForDerivation < 0) {
            throw new IllegalArgumentException("maxPartnersForDerivation must be >= 0, was " + maxPartnersForDerivation);
        }
        this.halfLifeDays = halfLifeDays;
        this.minSignals = minSignals;
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
     * Returns the minimum number of signals behind a pair or partner score.
     *
     * @return the minimum
     */
    public int minSignals() {
        return minSignals;
    }

    /**
     * Returns whether pairs without evidence are derived through intermediaries.
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
     * @param days half-life in [0, {@value #MAX_HALF_LIFE_DAYS}], 0 for no decay
     * @return the copy
     */
    public BetaReputation withHalfLifeDays(double days) {
        return new BetaReputation(days, minSignals, derivePairs, maxPartnersForDerivation);
    }

    /**
     * Returns a copy with another minimum number of signals.
     *
     * @param count at least 1
     * @return the copy
     */
    public BetaReputation withMinSignals(int count) {
        return new BetaReputation(halfLifeDays, count, derivePairs, maxPartnersForDerivation);
    }

    /**
     * Returns a copy that derives pairs without evidence, or not.
     *
     * @param derive whether to derive
     * @return the copy
     */
    public BetaReputation withDerivePairs(boolean derive) {
        return new BetaReputation(halfLifeDays, minSignals, derive, maxPartnersForDerivation);
    }

    /**
     * Returns a copy with another limit on the network size for derivation.
     *
     * @param partners largest number of partners for which pairs are derived, at least 0
     * @return the copy
     */
    public BetaReputation withMaxPartnersForDerivation(int partners) {
        return new BetaReputation(halfLifeDays, minSignals, derivePairs, partners);
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

        // Which first-hand pairs carry a score: the links derivation may go through.
        boolean[] okPair = new boolean[partners * partners];
        int strangers = 0;
        for (int from = 0; from < partners; from++) {
            for (int to = 0; to < partners; to++) {
                int n = evidence.pairSignals(from, to);
                okPair[from * partners + to] = n >= minSignals
                        && evidence.pairPositive(from, to) + evidence.pairNegative(from, to) > 0;
                if (n == 0 && from != to) {
                    strangers++;
                }
            }
        }
        boolean derive = derivePairs && strangers > 0;
        Warning skipped = null;
        if (derive && partners > maxPartnersForDerivation) {
            derive = false;
            skipped = new Warning(DERIVATION_SKIPPED, ID, String.format(Locale.ROOT,
                    "views of the %d pairs of partners without dealings were not derived through intermediaries: "
                            + "the network has %d partners, more than maxPartnersForDerivation = %d",
                    strangers, partners, maxPartnersForDerivation));
        }

        double level = context.confidenceLevel();
        // Written once: the same words end thousands of explanations.
        String levelText = ExplanationNumbers.level(level);
        List<Score> pairScores = new ArrayList<>();
        double[] okE = new double[partners * partners];
        int ok = 0;
        int firstHand = 0;
        long okSignals = 0;
        Score single = null;
        for (int from = 0; from < partners; from++) {
            for (int to = 0; to < partners; to++) {
                int n = evidence.pairSignals(from, to);
                if (n == 0) {
                    if (derive && from != to) {
                        Score derived = derivedPairScore(ev, evidence, okPair, from, to, level, levelText);
                        if (derived != null) {
                            pairScores.add(derived);
                        }
                    }
                    continue;
                }
                firstHand++;
                Score s = pairScore(ev.partnerId(from), ev.partnerId(to), evidence.pairPositive(from, to),
                        evidence.pairNegative(from, to), n, level, levelText);
                pairScores.add(s);
                if (s.isOk()) {
                    okE[ok++] = s.value();
                    okSignals += n;
                    single = s;
                }
            }
        }

        List<Score> scores = new ArrayList<>(1 + partners + pairScores.size());
        List<Warning> warnings = new ArrayList<>();
        scores.add(partnershipScore(okE, ok, okSignals, firstHand, single, level, warnings));
        if (skipped != null) {
            warnings.add(skipped);
        }
        for (int p = 0; p < partners; p++) {
            scores.add(partnerScore(ev.partnerId(p), evidence.partnerPositive(p), evidence.partnerNegative(p),
                    evidence.partnerSignals(p), level, levelText));
        }
        scores.addAll(pairScores);
        return new StrategyResult(scores, warnings);
    }

    /**
     * Derives X's view of T through every intermediary with OK links X → Y and Y → T, or returns {@code null} when
     * there is none. Cost O(P).
     */
    private Score derivedPairScore(EvidenceIndex ev, SignalEvidence evidence, boolean[] okPair, int x, int t,
                                   double level, String levelText) {
        int partners = ev.partnerCount();
        List<String> via = null;
        double r = 0;
        double s = 0;
        for (int y = 0; y < partners; y++) {
            if (y == x || y == t || !okPair[x * partners + y] || !okPair[y * partners + t]) {
                continue;
            }
            BetaEvidence path = BetaEvidence.discount(evidence.pair(x, y), evidence.pair(y, t));
            // Jøsang & Ismail's combining of feedback: independent opinions add their evidence.
            r += path.r();
            s += path.s();
            if (via == null) {
                via = new ArrayList<>();
            }
            via.add(ev.partnerId(y));
        }
        if (via == null) {
            return null;
        }
        String from = ev.partnerId(x);
        String to = ev.partnerId(t);
        String names = PartnerNames.inWords(via);
        Score.Builder b = Score.builder(ID, Dimension.TRUST, Subject.pair(from, to));
        if (r + s == 0) {
            String reason = "No signals show how " + to + " acted toward " + from + ", and " + from
                    + "'s own evidence about " + names + ", who dealt with " + to
                    + ", is all negative, so their views of " + to + " pass nothing on.";
            return b.insufficient(reason).explanation(reason)
                    .detail("r", 0.0).detail("s", 0.0).detail("derived", true).detail("via", via)
                    .detail("halfLifeDays", halfLifeDays).build();
        }
        BetaEvidence e = new BetaEvidence(r, s);
        Interval interval = e.interval(level);
        b.explanation("Derived through " + names + ", not first-hand: no signals show how " + to + " acted toward "
                + from + ", but discounting what " + names + " saw of " + to + " by " + from + "'s trust in "
                + (via.size() == 1 ? "it" : "them") + ", " + from + " can expect " + to
                + " to act in good faith with probability " + ExplanationNumbers.twoDecimals(e.expectation()) + " ("
                + levelText + " credible interval "
                + ExplanationNumbers.twoDecimals(interval.low()) + " to "
                + ExplanationNumbers.twoDecimals(interval.high()) + ").");
        return b.value(e.expectation()).normalized(e.expectation())
                .interval(interval).normalizedInterval(interval)
                .detail("r", e.r()).detail("s", e.s()).detail("reputation", e.reputation())
                .detail("derived", true).detail("via", via).detail("halfLifeDays", halfLifeDays)
                .build();
    }

    private Score pairScore(String from, String to, double r, double s, int n, double level, String levelText) {
        Score.Builder b = Score.builder(ID, Dimension.TRUST, Subject.pair(from, to));
        String shortage = shortage(r, s, n, "how " + to + " acted toward " + from);
        if (shortage != null) {
            return insufficient(b, shortage, r, s, n);
        }
        BetaEvidence e = new BetaEvidence(r, s);
        Interval interval = e.interval(level);
        // Concatenation, not String.format: a large network explains thousands of pairs.
        b.explanation("From " + n + " signals of how " + to + " acted toward " + from + ", " + from + " can expect "
                + to + " to act in good faith with probability " + ExplanationNumbers.twoDecimals(e.expectation())
                + " (" + levelText + " credible interval "
                + ExplanationNumbers.twoDecimals(interval.low()) + " to "
                + ExplanationNumbers.twoDecimals(interval.high()) + ").");
        return ok(b, e, interval, n);
    }

    private Score partnerScore(String partner, double r, double s, int n, double level, String levelText) {
        Score.Builder b = Score.builder(ID, Dimension.TRUST, Subject.partner(partner));
        String shortage = shortage(r, s, n, "how " + partner + " acted toward its partners and the partnership");
        if (shortage != null) {
            return insufficient(b, shortage, r, s, n);
        }
        BetaEvidence e = new BetaEvidence(r, s);
        Interval interval = e.interval(level);
        b.explanation("From " + n + " signals of how " + partner + " acted toward its partners and the partnership, "
                + partner + " can be expected to act in good faith with probability "
                + ExplanationNumbers.twoDecimals(e.expectation()) + " (" + levelText
                + " credible interval " + ExplanationNumbers.twoDecimals(interval.low()) + " to "
                + ExplanationNumbers.twoDecimals(interval.high()) + ").");
        return ok(b, e, interval, n);
    }

    /** Returns why the evidence is too thin for a score, or {@code null} when it suffices. */
    private String shortage(double r, double s, int n, String what) {
        if (n < minSignals) {
            String count = n == 0 ? "No signals show " : "Only " + n + (n == 1 ? " signal shows " : " signals show ");
            return count + what + "; at least " + minSignals
                    + (minSignals == 1 ? " is" : " are") + " needed for a trust score.";
        }
        if (r + s == 0) {
            return "The " + n + " signals showing " + what + " carry no weight (zero values or fully decayed), so "
                    + "they say nothing about trust.";
        }
        return null;
    }

    private Score insufficient(Score.Builder b, String reason, double r, double s, int n) {
        return b.insufficient(reason).explanation(reason).n(n)
                .detail("r", r).detail("s", s).detail("signals", n)
                .detail("halfLifeDays", halfLifeDays).detail("minSignals", minSignals)
                .build();
    }

    private Score ok(Score.Builder b, BetaEvidence e, Interval interval, int n) {
        return b.value(e.expectation()).normalized(e.expectation())
                .interval(interval).normalizedInterval(interval).n(n)
                .detail("r", e.r()).detail("s", e.s()).detail("signals", n)
                .detail("reputation", e.reputation()).detail("halfLifeDays", halfLifeDays)
                .build();
    }

    private Score partnershipScore(double[] okE, int k, long okSignals, int pairsWithEvidence, Score single,
                                   double level, List<Warning> warnings) {
        Score.Builder b = Score.builder(ID, Dimension.TRUST, Subject.partnership())
                .detail("pairs", k).detail("pairsWithEvidence", pairsWithEvidence)
                .detail("signals", okSignals).detail("halfLifeDays", halfLifeDays).detail("minSignals", minSignals);
        if (k == 0) {
            String reason = pairsWithEvidence == 0
                    ? "No signal passed between two partners, so there is no evidence of trust between them."
                    : String.format(Locale.ROOT,
                    "None of the %d pairs of partners with signals between them has enough evidence (at least %d "
                            + "signals) for a trust score.", pairsWithEvidence, minSignals);
            warnings.add(new Warning(Warning.INSUFFICIENT_EVIDENCE, ID, "partnership trust: " + reason));
            return b.insufficient(reason).explanation(reason).n(0).build();
        }
        if (k == 1) {
            Subject.PairSubject pair = (Subject.PairSubject) single.subject();
            Interval interval = single.interval();
            return b.value(single.value()).normalized(single.value())
                    .interval(interval).normalizedInterval(interval).n(1)
                    .detail("meanExpectation", single.value())
                    .detail("intervalNote", "one pair only: its Beta credible interval")
                    .explanation(String.format(Locale.ROOT,
                            "Only one pair has enough evidence: %s can expect %s to act in good faith with "
                                    + "probability %.2f (%s credible interval %.2f to %.2f).",
                            pair.from(), pair.to(), single.value(), ExplanationNumbers.level(level), interval.low(),
                            interval.high()))
                    .build();
        }
        StudentTInterval t = StudentTInterval.of(okE, k, level);
        double mean = UnitInterval.clamp(t.mean());
        Interval interval = UnitInterval.clip(t.interval());
        return b.value(mean).normalized(mean).interval(interval).normalizedInterval(interval).n(k)
                .detail("meanExpectation", mean).detail("standardDeviation", t.standardDeviation())
                .detail("tQuantile", t.quantile())
                .detail("intervalNote", "Student t interval over pairs: the spread of trust across pairs")
                .explanation(String.format(Locale.ROOT,
                        "Across the %d pairs of partners with enough evidence, partners can expect one another to act "
                                + "in good faith with probability %.2f on average (%s interval %.2f to %.2f, "
                                + "reflecting how much trust varies between pairs).",
                        k, mean, ExplanationNumbers.level(level), interval.low(), interval.high()))
                .build();
    }
}
