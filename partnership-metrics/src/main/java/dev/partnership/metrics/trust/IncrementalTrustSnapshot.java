package dev.partnership.metrics.trust;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The evidence of an {@link IncrementalBetaReputation} decayed to one instant: every ordered pair of partners with
 * signals and every partner, with the Beta reputation expectation {@code E = (r + 1)/(r + s + 2)} of each (Jøsang, A.
 * and Ismail, R. (2002), "The Beta Reputation System", <i>Proceedings of the 15th Bled Electronic Commerce
 * Conference</i>).
 *
 * <p>A compact value rather than a {@link dev.partnership.spi.StrategyResult}: it holds primitive arrays (O(P + m)
 * memory for P partners and m pairs with signals) and builds no scores, explanations or credible intervals, which
 * would cost a Beta quantile search per pair at every read. A caller wanting those gets {@link #pair(int, int)} as a
 * {@link BetaEvidence} ({@link BetaEvidence#interval(double)}) and the signal counts to apply a minimum such as
 * {@link BetaReputation#DEFAULT_MIN_SIGNALS}.
 *
 * <p>Immutable and thread-safe. Pair lookups are O(log m) (binary search over pairs sorted by {@code from}, then
 * {@code to} index); partner lookups O(1).
 */
public final class IncrementalTrustSnapshot {
    private final List<String> partners;
    private final Instant asOf;
    private final double halfLifeDays;
    private final long[] pairKeys;
    private final double[] pairR;
    private final double[] pairS;
    private final long[] pairN;
    private final double[] partnerR;
    private final double[] partnerS;
    private final long[] partnerN;

    /** Takes ownership of the arrays; pair keys are {@code from · P + to}, sorted ascending. */
    IncrementalTrustSnapshot(List<String> partners, Instant asOf, double halfLifeDays, long[] pairKeys, double[] pairR,
                             double[] pairS, long[] pairN, double[] partnerR, double[] partnerS, long[] partnerN) {
        this.partners = partners;
        this.asOf = asOf;
        this.halfLifeDays = halfLifeDays;
        this.pairKeys = pairKeys;
        this.pairR = pairR;
        this.pairS = pairS;
        this.pairN = pairN;
        this.partnerR = partnerR;
        this.partnerS = partnerS;
        this.partnerN = partnerN;
    }

    /**
     * One ordered pair's evidence: how {@code to} acted toward {@code from}.
     *
     * @param from     id of the partner who trusts
     * @param to       id of the partner trusted
     * @param evidence the decayed evidence (r, s)
     * @param signals  how many signals {@code to} sent toward {@code from}, at least 1
     */
    public record PairTrust(String from, String to, BetaEvidence evidence, long signals) {
        /** Validates the components. */
        public PairTrust {
            if (from == null || to == null || evidence == null || signals < 1) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "a pair needs ids, evidence and at least one signal, was %s -> %s, %s, %d",
                        from, to, evidence, signals));
            }
        }

        /**
         * Returns {@code from}'s expectation that {@code to} acts in good faith, {@code E = (r + 1)/(r + s + 2)}.
         *
         * @return E in (0, 1)
         */
        public double expectation() {
            return evidence.expectation();
        }
    }

    /**
     * Returns the partners' ids, in index order.
     *
     * @return an unmodifiable list
     */
    public List<String> partners() {
        return partners;
    }

    /**
     * Returns the instant the evidence is decayed to.
     *
     * @return asOf
     */
    public Instant asOf() {
        return asOf;
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
     * Returns how many ordered pairs have signals.
     *
     * @return m
     */
    public int pairCount() {
        return pairKeys.length;
    }

    /**
     * Returns every ordered pair with signals, sorted by {@code from}, then {@code to} index. O(m).
     *
     * @return a new unmodifiable list
     */
    public List<PairTrust> pairs() {
        int count = partners.size();
        List<PairTrust> out = new ArrayList<>(pairKeys.length);
        for (int i = 0; i < pairKeys.length; i++) {
            out.add(new PairTrust(partners.get((int) (pairKeys[i] / count)), partners.get((int) (pairKeys[i] % count)),
                    new BetaEvidence(pairR[i], pairS[i]), pairN[i]));
        }
        return List.copyOf(out);
    }

    /**
     * Returns the decayed evidence of the pair {@code (from, to)}: how {@code to} acted toward {@code from}.
     *
     * @param from index of the partner who trusts
     * @param to   index of the partner trusted
     * @return (r, s), {@link BetaEvidence#NONE} when {@code to} never acted toward {@code from}
     * @throws IllegalArgumentException when an index is out of range
     */
    public BetaEvidence pair(int from, int to) {
        int i = pairIndex(from, to);
        return i < 0 ? BetaEvidence.NONE : new BetaEvidence(pairR[i], pairS[i]);
    }

    /**
     * Returns how many signals {@code to} sent toward {@code from}.
     *
     * @param from index of the partner who trusts
     * @param to   index of the partner trusted
     * @return the count, 0 when none
     * @throws IllegalArgumentException when an index is out of range
     */
    public long pairSignals(int from, int to) {
        int i = pairIndex(from, to);
        return i < 0 ? 0 : pairN[i];
    }

    /**
     * Returns {@code from}'s expectation that {@code to} acts in good faith, E of {@link #pair(int, int)}; 0.5 (the
     * uniform prior) without signals.
     *
     * @param from index of the partner who trusts
     * @param to   index of the partner trusted
     * @return E in (0, 1)
     * @throws IllegalArgumentException when an index is out of range
     */
    public double trust(int from, int to) {
        return pair(from, to).expectation();
    }

    /**
     * Returns the decayed evidence about a partner from every signal it sent, toward partners and the partnership.
     *
     * @param partner the partner's index
     * @return (r, s)
     * @throws IllegalArgumentException when the index is out of range
     */
    public BetaEvidence partner(int partner) {
        check(partner);
        return new BetaEvidence(partnerR[partner], partnerS[partner]);
    }

    /**
     * Returns how many signals a partner sent, toward partners and the partnership.
     *
     * @param partner the partner's index
     * @return the count
     * @throws IllegalArgumentException when the index is out of range
     */
    public long partnerSignals(int partner) {
        check(partner);
        return partnerN[partner];
    }

    /**
     * Returns a partner's trustworthiness as {@link BetaReputation} scores a partner: E of {@link #partner(int)}.
     *
     * @param partner the partner's index
     * @return E in (0, 1), 0.5 without signals
     * @throws IllegalArgumentException when the index is out of range
     */
    public double partnerTrust(int partner) {
        return partner(partner).expectation();
    }

    private int pairIndex(int from, int to) {
        check(from);
        check(to);
        int i = Arrays.binarySearch(pairKeys, (long) from * partners.size() + to);
        return i < 0 ? -1 : i;
    }

    private void check(int partner) {
        if (partner < 0 || partner >= partners.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "partner index %d is outside [0, %d)", partner, partners.size()));
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "IncrementalTrustSnapshot[asOf=%s, partners=%d, pairs=%d, halfLifeDays=%s]",
                asOf, partners.size(), pairKeys.length, halfLifeDays);
    }
}
