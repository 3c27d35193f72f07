package dev.partnership.metrics.trust;

import dev.partnership.SignalKind;
import dev.partnership.metrics.stats.ExponentialDecay;
import dev.partnership.spi.EvidenceIndex;

/**
 * Positive and negative evidence per ordered pair of partners and per partner, accumulated in one pass over the
 * engagement signals of an {@link EvidenceIndex}: the evidence rule shared by the trust strategies built on the Beta
 * distribution, {@link BetaReputation} and {@link SubjectiveLogic} (Jøsang, A. and Ismail, R. (2002), "The Beta
 * Reputation System", <i>Proceedings of the 15th Bled Electronic Commerce Conference</i>).
 *
 * <p><b>Rule.</b> A signal from {@code source} toward {@code target} is evidence about the source as seen by the
 * target, so it feeds the pair {@code (from = target, to = source)}; every signal, including one toward the whole
 * partnership, also feeds the partner {@code source}. Each signal weighs {@code value · decay} with
 * {@code decay = 2^(−age / halfLife)}, age = asOf − at in days (half-life 0 turns decay off). Kinds of positive
 * polarity add the weight to r, kinds of negative polarity to s; {@link SignalKind#FEEDBACK} adds {@code v · decay} to
 * r when its value v &gt; 0 and {@code |v| · decay} to s when v &lt; 0.
 *
 * <p><b>Cost.</b> One pass over the signal columns, with no allocation and no branch on the data in the loop: each
 * signal adds {@code |weight|} to one of two sums of its cell {@code [target · P + source]} (chosen by the weight's
 * sign bit; signals toward the whole partnership go to an extra row P) and counts itself there. The decay factor
 * comes from {@link ExponentialDecay}: one {@link StrictMath#exp} per coarse age step (a few hundred over years of
 * evidence) and a short polynomial per signal, the same bit for bit on every JVM. Partner sums are then the column
 * sums of the cells, rows in index order: O(n + P²) time and O(P²) memory for n signals and P partners. Signals are
 * summed in the index's time order, so the sums are the same bit for bit whatever order the evidence came in; a
 * partner's sums, added per cell and then over cells, may differ in the last bits from a straight running sum.
 *
 * <p>Immutable once built and thread-safe; the accessors are O(1) and do not allocate, except {@link #pair} and
 * {@link #partner}, which return a new {@link BetaEvidence}.
 */
public final class SignalEvidence {
    private static final double MILLIS_PER_DAY = 86_400_000.0;
    /** Sign each kind gives its value, by ordinal: +1 positive or signed, −1 negative. */
    private static final double[] SIGN = signs();

    private final int partners;
    /** Per cell {@code [row · P + source]} (row P: the whole partnership): r at 2·cell, s at 2·cell + 1. */
    private final double[] cellSums;
    /** Signals per cell. */
    private final int[] cellCounts;
    private final double[] partnerR;
    private final double[] partnerS;
    private final int[] partnerN;

    private SignalEvidence(int partners) {
        this.partners = partners;
        cellSums = new double[2 * (partners + 1) * partners];
        cellCounts = new int[(partners + 1) * partners];
        partnerR = new double[partners];
        partnerS = new double[partners];
        partnerN = new int[partners];
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
     * Accumulates the evidence of every signal in the index by the rule in the class description. Cost O(n + P²).
     *
     * @param evidence     the evidence index (only signals at or before its {@code asOf} are in it)
     * @param halfLifeDays age in days at which a signal counts half, in [0, {@value BetaReputation#MAX_HALF_LIFE_DAYS}];
     *                     0 turns decay off
     * @return the accumulated evidence
     * @throws IllegalArgumentException when the half-life is out of range
     */
    public static SignalEvidence of(EvidenceIndex evidence, double halfLifeDays) {
        checkHalfLife(halfLifeDays);
        SignalEvidence out = new SignalEvidence(evidence.partnerCount());
        out.accumulate(evidence, halfLifeDays);
        return out;
    }

    /**
     * Checks a half-life against the range the Beta strategies accept. Shared with
     * {@link IncrementalBetaReputation}.
     *
     * @param halfLifeDays the half-life in days
     * @throws IllegalArgumentException when it is outside [0, {@value BetaReputation#MAX_HALF_LIFE_DAYS}]
     */
    static void checkHalfLife(double halfLifeDays) {
        if (!(halfLifeDays >= 0 && halfLifeDays <= BetaReputation.MAX_HALF_LIFE_DAYS)) {
            throw new IllegalArgumentException("halfLifeDays must lie in [0, 36500], was " + halfLifeDays);
        }
    }

    /**
     * Returns the decay rate per millisecond, {@code ln 2 / (halfLife · 86,400,000)}, so that a signal aged
     * {@code a} milliseconds weighs {@code exp(−rate · a) = 2^(−age / halfLife)}; 0 when the half-life is 0 (decay
     * off). Shared with {@link IncrementalBetaReputation}.
     *
     * @param halfLifeDays a checked half-life in days
     * @return the rate, {@code >= 0}
     */
    static double decayRatePerMilli(double halfLifeDays) {
        return halfLifeDays == 0 ? 0 : Math.log(2) / (halfLifeDays * MILLIS_PER_DAY);
    }

    /**
     * Returns the sign a kind of signal gives its value: +1 for positive and signed kinds ({@link SignalKind#FEEDBACK}
     * carries its own sign in the value), −1 for negative kinds; {@code sign · value} &gt; 0 is positive evidence and
     * &lt; 0 negative. Shared with {@link IncrementalBetaReputation}; O(1), no allocation.
     *
     * @param kindOrdinal {@link SignalKind#ordinal()} of the kind
     * @return +1 or −1
     */
    static double sign(int kindOrdinal) {
        return SIGN[kindOrdinal];
    }

    private void accumulate(EvidenceIndex ev, double halfLifeDays) {
        long asOf = ev.asOfMillis();
        // decay = 2^(−age/h) = exp(−age · ln2 / h); the rate is per millisecond.
        double rate = decayRatePerMilli(halfLifeDays);
        ExponentialDecay decay = ExponentialDecay.ofRate(rate);
        int signals = ev.signalCount();
        int p = partners;
        if (rate == 0) {
            add(ev, 0, signals, null, 1);
        } else {
            // Signals are sorted by time, so those sharing a coarse decay factor form runs: one exp per run, and
            // the inner loop stays free of calls.
            int i = 0;
            while (i < signals) {
                long coarsePart = decay.coarsePart(asOf - ev.signalAt(i));
                int end = firstAfter(ev, asOf - coarsePart, i + 1, signals);
                add(ev, i, end, decay, decay.coarse(coarsePart));
                i = end;
            }
        }
        double[] sums = cellSums;
        int[] counts = cellCounts;
        for (int source = 0; source < p; source++) {
            double r = 0;
            double s = 0;
            int n = 0;
            for (int row = 0; row <= p; row++) {
                int cell = row * p + source;
                r += sums[2 * cell];
                s += sums[2 * cell + 1];
                n += counts[cell];
            }
            partnerR[source] = r;
            partnerS[source] = s;
            partnerN[source] = n;
        }
    }

    /** The first row in [from, to) whose time is after {@code at}, or {@code to}: rows are sorted by time. */
    private static int firstAfter(EvidenceIndex ev, long at, int from, int to) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ev.signalAt(mid) <= at) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Adds rows [from, to) to their cells, each weighed by {@code coarse · decay.fine(age)}, or undecayed when
     * {@code decay} is null. The rows must share the coarse part of their age.
     */
    private void add(EvidenceIndex ev, int from, int to, ExponentialDecay decay, double coarse) {
        long asOf = ev.asOfMillis();
        int p = partners;
        double[] sums = cellSums;
        int[] counts = cellCounts;
        for (int i = from; i < to; i++) {
            int source = ev.signalSource(i);
            int target = ev.signalTarget(i);
            double weight = SIGN[ev.signalKindOrdinal(i)] * ev.signalValue(i);
            // The sign bit picks r (0) or s (1): no data-dependent branch to mispredict. It is taken before the
            // (positive) decay so that the cell's address does not wait for the decay arithmetic.
            int negative = (int) (Double.doubleToRawLongBits(weight) >>> 63);
            if (decay != null) {
                weight *= coarse * decay.fine(asOf - ev.signalAt(i));
            }
            int cell = (target == EvidenceIndex.NONE ? p : target) * p + source;
            sums[2 * cell + negative] += Math.abs(weight);
            counts[cell]++;
        }
    }

    /**
     * Returns the number of partners P; partner arguments are interned indices in {@code [0, P)}.
     *
     * @return P
     */
    public int partnerCount() {
        return partners;
    }

    /**
     * Returns the positive evidence r of the pair: how well {@code to} acted toward {@code from}.
     *
     * @param from the partner who trusts (interned index)
     * @param to   the partner trusted (interned index)
     * @return r, decayed weight, {@code >= 0}
     */
    public double pairPositive(int from, int to) {
        return cellSums[2 * (from * partners + to)];
    }

    /**
     * Returns the negative evidence s of the pair: how badly {@code to} acted toward {@code from}.
     *
     * @param from the partner who trusts (interned index)
     * @param to   the partner trusted (interned index)
     * @return s, decayed weight, {@code >= 0}
     */
    public double pairNegative(int from, int to) {
        return cellSums[2 * (from * partners + to) + 1];
    }

    /**
     * Returns how many signals {@code to} sent toward {@code from}, whatever their weight.
     *
     * @param from the partner who trusts (interned index)
     * @param to   the partner trusted (interned index)
     * @return the signal count, 0 when they had no dealings in that direction
     */
    public int pairSignals(int from, int to) {
        return cellCounts[from * partners + to];
    }

    /**
     * Returns the pair's evidence as a {@link BetaEvidence}.
     *
     * @param from the partner who trusts (interned index)
     * @param to   the partner trusted (interned index)
     * @return (r, s) of the pair
     */
    public BetaEvidence pair(int from, int to) {
        int k = 2 * (from * partners + to);
        return new BetaEvidence(cellSums[k], cellSums[k + 1]);
    }

    /**
     * Returns the positive evidence about a partner from all its signals, toward partners and the whole partnership.
     *
     * @param partner interned index
     * @return r, {@code >= 0}
     */
    public double partnerPositive(int partner) {
        return partnerR[partner];
    }

    /**
     * Returns the negative evidence about a partner from all its signals.
     *
     * @param partner interned index
     * @return s, {@code >= 0}
     */
    public double partnerNegative(int partner) {
        return partnerS[partner];
    }

    /**
     * Returns how many signals a partner sent, toward partners and the whole partnership.
     *
     * @param partner interned index
     * @return the signal count
     */
    public int partnerSignals(int partner) {
        return partnerN[partner];
    }

    /**
     * Returns a partner's evidence as a {@link BetaEvidence}.
     *
     * @param partner interned index
     * @return (r, s) of the partner
     */
    public BetaEvidence partner(int partner) {
        return new BetaEvidence(partnerR[partner], partnerS[partner]);
    }
}
