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
 * to r when its value v &gt; 0 and {@code |v| · decay} to s when v &lt; 0.
 *
 * <p><b>Scores.</b>
 * <ul>
 *   <li>Per ordered pair with any evidence: {@code E = (r + 1)/(r + s + 2)} with the equal-tailed Beta(r + 1, s + 1)
 *       credible interval at the evaluation's level (see {@link BetaEvidence}). Pairs without evidence are not
 *       reported: a stranger gets no invented 0.5.</li>
 *   <li>Per partner: the same from all evidence about the partner as a source, including signals toward the whole
 *       partnership. Every partner is reported.</li>
 *   <li>Partnership: the mean of the k pairs' E that are {@code OK}. For k ≥ 2 its interval is the Student t
 *       interval {@code mean ± t_{k−1} · sd / √k} clipped to [0, 1]; it describes the spread of trust across
 *       pairs, not the uncertainty of any one pair. For k = 1 it is that pair's credible interval; for k = 0 the
 *       score is {@code INSUFFICIENT_EVIDENCE}.</li>
 * </ul>
 * A pair or partner with fewer than {@code minSignals} signals, or whose signals weigh nothing (all zero-valued
 * or decayed to nothing), is {@code INSUFFICIENT_EVIDENCE}. {@code value} and {@code normalized} are both E.
 * Scores come in the order partnership, partners (by id), pairs (by {@code from}, then {@code to}).
 *
 * <p><b>Cost.</b> One pass over the signal columns into primitive arrays indexed {@code [from · P + to]} and
 * {@code [partner]}, with at most one {@link Math#exp} per signal (none for a signal at the same instant as the
 * one before) and no allocation in the loop: O(n + P²) time and O(P²) memory for n signals and P partners, plus a
 * Beta quantile search (about 25 evaluations of the incomplete beta function) per reported score.
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

    private static final double MILLIS_PER_DAY = 86_400_000.0;
    /** Sign each kind gives its value, by ordinal: +1 positive or signed, −1 negative. */
    private static final double[] SIGN = signs();

    private final double halfLifeDays;
    private final int minSignals;

    /** Creates the strategy with the default half-life and minimum number of signals. */
    public BetaReputation() {
        this(DEFAULT_HALF_LIFE_DAYS, DEFAULT_MIN_SIGNALS);
    }

    /**
     * Creates the strategy.
     *
     * @param halfLifeDays age in days at which a signal counts half, in [0, {@value #MAX_HALF_LIFE_DAYS}]; 0 turns
     *                     decay off
     * @param minSignals   fewest signals behind a pair or partner score, at least 1
     * @throws IllegalArgumentException when a parameter is out of range
     */
    public BetaReputation(double halfLifeDays, int minSignals) {
        if (!(halfLifeDays >= 0 && halfLifeDays <= MAX_HALF_LIFE_DAYS)) {
            throw new IllegalArgumentException("halfLifeDays must lie in [0, 36500], was " + halfLifeDays);
        }
        if (minSignals < 1) {
            throw new IllegalArgumentException("minSignals must be >= 1, was " + minSignals);
        }
        this.halfLifeDays = halfLifeDays;
        this.minSignals = minSignals;
    }

    private static double[] signs() {
        SignalKind[] kinds = SignalKind.values();
        double[] signs = new double[kinds.length];
        for (SignalKind k : kinds) {
            signs[k.ordinal()] = k.polarity() == SignalKind.Polarity.NEGATIVE ? -1.0 : 1.0;
        }
        return signs;
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
     * Returns a copy with another half-life.
     *
     * @param days half-life in [0, {@value #MAX_HALF_LIFE_DAYS}], 0 for no decay
     * @return the copy
     */
    public BetaReputation withHalfLifeDays(double days) {
        return new BetaReputation(days, minSignals);
    }

    /**
     * Returns a copy with another minimum number of signals.
     *
     * @param count at least 1
     * @return the copy
     */
    public BetaReputation withMinSignals(int count) {
        return new BetaReputation(halfLifeDays, count);
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
     * @return the scores, and a warning when the partnership has no score
     */
    @Override
    public StrategyResult score(ScoringContext context) {
        EvidenceIndex ev = context.evidence();
        int partners = ev.partnerCount();
        double[] pairR = new double[partners * partners];
        double[] pairS = new double[partners * partners];
        int[] pairN = new int[partners * partners];
        double[] partnerR = new double[partners];
        double[] partnerS = new double[partners];
        int[] partnerN = new int[partners];

        long asOf = ev.asOfMillis();
        // decay = 2^(−age/h) = exp(−age · ln2 / h); the rate is per millisecond.
        double rate = halfLifeDays == 0 ? 0 : Math.log(2) / (halfLifeDays * MILLIS_PER_DAY);
        int signals = ev.signalCount();
        // Signals are sorted by time, so runs of equal timestamps reuse the last decay factor.
        long lastAt = Long.MIN_VALUE;
        double decay = 1;
        for (int i = 0; i < signals; i++) {
            int source = ev.signalSource(i);
            int target = ev.signalTarget(i);
            double weight = SIGN[ev.signalKindOrdinal(i)] * ev.signalValue(i);
            if (rate != 0) {
                long at = ev.signalAt(i);
                if (at != lastAt) {
                    decay = Math.exp(-rate * (asOf - at));
                    lastAt = at;
                }
                weight *= decay;
            }
            double positive = weight > 0 ? weight : 0;
            double negative = weight < 0 ? -weight : 0;
            partnerR[source] += positive;
            partnerS[source] += negative;
            partnerN[source]++;
            if (target != EvidenceIndex.NONE) {
                int k = target * partners + source;
                pairR[k] += positive;
                pairS[k] += negative;
                pairN[k]++;
            }
        }

        double level = context.confidenceLevel();
        List<Score> pairScores = new ArrayList<>();
        double[] okE = new double[partners * partners];
        int ok = 0;
        long okSignals = 0;
        Score single = null;
        for (int from = 0; from < partners; from++) {
            for (int to = 0; to < partners; to++) {
                int k = from * partners + to;
                if (pairN[k] == 0) {
                    continue;
                }
                Score s = pairScore(ev.partnerId(from), ev.partnerId(to), pairR[k], pairS[k], pairN[k], level);
                pairScores.add(s);
                if (s.isOk()) {
                    okE[ok++] = s.value();
                    okSignals += pairN[k];
                    single = s;
                }
            }
        }

        List<Score> scores = new ArrayList<>(1 + partners + pairScores.size());
        List<Warning> warnings = new ArrayList<>();
        scores.add(partnershipScore(okE, ok, okSignals, pairScores.size(), single, level, warnings));
        for (int p = 0; p < partners; p++) {
            scores.add(partnerScore(ev.partnerId(p), partnerR[p], partnerS[p], partnerN[p], level));
        }
        scores.addAll(pairScores);
        return new StrategyResult(scores, warnings);
    }

    private Score pairScore(String from, String to, double r, double s, int n, double level) {
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
                + " (" + ExplanationNumbers.level(level) + " credible interval "
                + ExplanationNumbers.twoDecimals(interval.low()) + " to "
                + ExplanationNumbers.twoDecimals(interval.high()) + ").");
        return ok(b, e, interval, n);
    }

    private Score partnerScore(String partner, double r, double s, int n, double level) {
        Score.Builder b = Score.builder(ID, Dimension.TRUST, Subject.partner(partner));
        String shortage = shortage(r, s, n, "how " + partner + " acted toward its partners and the partnership");
        if (shortage != null) {
            return insufficient(b, shortage, r, s, n);
        }
        BetaEvidence e = new BetaEvidence(r, s);
        Interval interval = e.interval(level);
        b.explanation("From " + n + " signals of how " + partner + " acted toward its partners and the partnership, "
                + partner + " can be expected to act in good faith with probability "
                + ExplanationNumbers.twoDecimals(e.expectation()) + " (" + ExplanationNumbers.level(level)
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
