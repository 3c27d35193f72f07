package dev.partnership.metrics.trust;

import dev.partnership.EngagementSignal;
import dev.partnership.SignalKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collector;

/**
 * The evidence of {@link BetaReputation} kept up to date one signal at a time: a mergeable accumulator
 * ({@code add}, {@code merge}, {@code result}) for an application that sees engagement signals as they happen, such
 * as an LMS plugin, and wants trust at any moment without re-reading its history (Jøsang, A. and Ismail, R. (2002),
 * "The Beta Reputation System", <i>Proceedings of the 15th Bled Electronic Commerce Conference</i>).
 *
 * <p><b>Rule.</b> The same as {@link SignalEvidence}, whose sign and decay rules it calls: a signal from
 * {@code source} toward {@code target} feeds the pair {@code (from = target, to = source)}, and every signal,
 * including one toward the whole partnership ({@link #NO_TARGET}), feeds the partner {@code source}. It weighs
 * {@code value · 2^(−age / halfLife)} at the time asked about, age in days (half-life 0 turns decay off); positive
 * kinds add it to r, negative kinds to s, {@link SignalKind#FEEDBACK} to r or s by the sign of its value. The
 * expectation is {@code E = (r + 1) / (r + s + 2)} ({@link BetaEvidence#expectation()}), 0.5 without evidence.
 *
 * <p><b>Partners.</b> Fixed when created: a list of distinct ids whose positions are the indices taken by
 * {@link #add(long, int, int, SignalKind, double)}; {@link #indexOf(String)} maps an id to its index. Pairs are kept
 * sparsely (only pairs that exchanged signals take memory), so thousands of partners are fine.
 *
 * <p><b>Scaled storage.</b> Decaying every stored value at each signal would cost O(pairs). Instead each value is
 * stored multiplied by {@code 2^((t − t_ref) / h)} for a reference time {@code t_ref}: adding a signal at t adds
 * {@code w · 2^((t − t_ref) / h)}, and reading at asOf multiplies by {@code 2^(−(asOf − t_ref) / h)}, which gives
 * exactly {@code Σ w · 2^(−(asOf − t) / h)}. When a new signal's exponent {@code (t − t_ref) / h} would exceed
 * {@value #MAX_SCALE_DOUBLINGS} half-lives, every stored value is multiplied by {@code 2^(−(t − t_ref) / h)} and
 * {@code t_ref} moves to t (a rebase, O(pairs), at most once per {@value #MAX_SCALE_DOUBLINGS} half-lives of signal
 * time), so a stored value never exceeds {@code 2^256 · Σ value} and nothing overflows however long it runs. Signals
 * older than {@code t_ref} (out of order) are exact too: their exponent is just negative.
 *
 * <p><b>Numerical error.</b> Each weight carries the rounding of two {@link Math#exp} arguments of magnitude at most
 * {@code 256 · ln 2 ≈ 177}, a relative error below about {@code 177 · 2^−52 ≈ 4e−14} per signal, plus ordinary
 * summation rounding; the tests compare r, s and E with {@link BetaReputation} within 1e−9 relative and merged with
 * sequential results within 1e−12. Evidence more than about 1,000 half-lives older than {@code t_ref} may underflow to
 * 0 where the batch value would be a subnormal number: its absolute size is below 1e−300, so E is unaffected.
 *
 * <p><b>Cost.</b> {@code add} is O(1) amortized: at most one {@link Math#exp} (none for a signal at the same
 * instant as the one before), one probe of an open-addressing table keyed by the pair, and no allocation except when
 * the table grows (doubling, amortized O(1)) or a rebase. Reading one pair or partner is O(1); {@link #result} is
 * O(m log m) for m pairs with signals. Memory O(P + m): 24 bytes per partner and 64 to 128 bytes per pair with
 * signals; at most 2^27 such pairs (an {@link IllegalStateException} beyond).
 *
 * <p><b>Thread safety.</b> NOT thread-safe: {@code add} and {@code merge} mutate it without synchronization. Use one
 * instance per thread and {@link #merge} them at the end (as {@link #collector(List, double)} does for parallel
 * streams), or guard every call with one external lock. {@link IncrementalTrustSnapshot}s returned by {@link #result}
 * are immutable and thread-safe.
 *
 * <p><b>Merging.</b> {@link #merge} adds another accumulator's evidence after rebasing both to the later reference
 * time; it is associative and commutative up to rounding, so splitting a stream of signals arbitrarily and merging
 * the parts in any order gives the sequential result.
 *
 * <p><b>Scope.</b> First-hand evidence only: the pairs derived through intermediaries and the partnership score of
 * {@link BetaReputation} need the whole network and are not kept incrementally; neither is {@code minSignals}
 * (snapshots report signal counts so a caller can apply it).
 */
public final class IncrementalBetaReputation {
    /** Target index of a signal toward the whole partnership rather than one partner. */
    public static final int NO_TARGET = -1;
    /** Half-lives of signal time after which stored values are rebased to a new reference time. */
    public static final int MAX_SCALE_DOUBLINGS = 256;

    /** Most partners accepted: pair keys {@code from · P + to} must be exact as doubles (below 2^53). */
    public static final int MAX_PARTNERS = 1 << 24;

    /** Most pairs with signals: the table (4 doubles per slot, at most half full) must fit one Java array. */
    private static final int MAX_PAIRS = 1 << 27;
    private static final double MAX_EXPONENT = MAX_SCALE_DOUBLINGS * Math.log(2);
    private static final double EMPTY = -1;
    private static final int INITIAL_SLOTS = 16;
    /**
     * Doubles per pair slot: key, r, s, signal count. One array with the key beside its values costs one cache miss
     * per signal where parallel arrays cost several; key and count are exact as doubles (below 2^53).
     */
    private static final int SLOT = 4;
    /** Doubles per partner: r, s, signal count. */
    private static final int PARTNER = 3;

    private final List<String> partners;
    private final Map<String, Integer> index;
    private final int partnerCount;
    private final double halfLifeDays;
    private final double rate;

    private final double[] partnerCells;

    private double[] table;
    private int slots;
    private int shift;
    private int size;

    private long signals;
    private long refMillis;
    private long newestMillis = Long.MIN_VALUE;
    private long lastAt;
    private double lastScale = 1;

    /**
     * Creates an empty accumulator with the default half-life {@value BetaReputation#DEFAULT_HALF_LIFE_DAYS} days.
     *
     * @param partnerIds the partners' ids, distinct and non-null; their positions are the partner indices
     * @throws IllegalArgumentException when the list is null, empty, longer than {@value #MAX_PARTNERS} or has a null
     *                                  or repeated id
     */
    public IncrementalBetaReputation(List<String> partnerIds) {
        this(partnerIds, BetaReputation.DEFAULT_HALF_LIFE_DAYS);
    }

    /**
     * Creates an empty accumulator.
     *
     * @param partnerIds   the partners' ids, distinct and non-null; their positions are the partner indices
     * @param halfLifeDays age in days at which a signal counts half, in [0, {@value BetaReputation#MAX_HALF_LIFE_DAYS}];
     *                     0 turns decay off
     * @throws IllegalArgumentException when the list is null, empty, longer than {@value #MAX_PARTNERS} or has a null
     *                                  or repeated id, or the half-life is out of range
     */
    public IncrementalBetaReputation(List<String> partnerIds, double halfLifeDays) {
        this(checkedPartners(partnerIds), null, halfLifeDays);
    }

    /** Creates an empty accumulator; {@code index} is shared with a prototype, or built when {@code null}. */
    private IncrementalBetaReputation(List<String> partners, Map<String, Integer> index, double halfLifeDays) {
        SignalEvidence.checkHalfLife(halfLifeDays);
        this.partners = partners;
        this.index = index != null ? index : indexOf(partners);
        this.partnerCount = partners.size();
        this.halfLifeDays = halfLifeDays;
        this.rate = SignalEvidence.decayRatePerMilli(halfLifeDays);
        partnerCells = new double[PARTNER * partnerCount];
        allocateTable(INITIAL_SLOTS);
    }

    private static Map<String, Integer> indexOf(List<String> partners) {
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < partners.size(); i++) {
            ids.put(partners.get(i), i);
        }
        return Collections.unmodifiableMap(ids);
    }

    private static List<String> checkedPartners(List<String> partnerIds) {
        if (partnerIds == null || partnerIds.isEmpty() || partnerIds.size() > MAX_PARTNERS) {
            throw new IllegalArgumentException("partner ids must be a non-empty list of at most " + MAX_PARTNERS
                    + " ids");
        }
        List<String> copy = new ArrayList<>(partnerIds.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < partnerIds.size(); i++) {
            String id = partnerIds.get(i);
            if (id == null) {
                throw new IllegalArgumentException("partner id at position " + i + " is null");
            }
            if (!seen.add(id)) {
                throw new IllegalArgumentException("partner id '" + id + "' at position " + i + " is repeated");
            }
            copy.add(id);
        }
        return List.copyOf(copy);
    }

    /**
     * Returns a collector that feeds every signal of a stream into an accumulator for these partners, merging the
     * accumulators of a parallel stream; use it as {@code signals.parallelStream().collect(collector(ids, 365))
     * .result(asOf)}. Unordered: the result does not depend on the order of the signals, up to rounding.
     *
     * @param partnerIds   the partners' ids, distinct and non-null (every signal's source and target must be one)
     * @param halfLifeDays age in days at which a signal counts half, in [0, {@value BetaReputation#MAX_HALF_LIFE_DAYS}]
     * @return the collector; each use creates fresh accumulators
     * @throws IllegalArgumentException at once when the partners or half-life are invalid; during collection when a
     *                                  signal names an unknown partner
     */
    public static Collector<EngagementSignal, IncrementalBetaReputation, IncrementalBetaReputation> collector(
            List<String> partnerIds, double halfLifeDays) {
        IncrementalBetaReputation prototype = new IncrementalBetaReputation(partnerIds, halfLifeDays);
        return Collector.of(
                () -> new IncrementalBetaReputation(prototype.partners, prototype.index, prototype.halfLifeDays),
                IncrementalBetaReputation::add, IncrementalBetaReputation::merge, Collector.Characteristics.UNORDERED);
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
     * Returns the half-life of evidence.
     *
     * @return days, 0 when decay is off
     */
    public double halfLifeDays() {
        return halfLifeDays;
    }

    /**
     * Returns how many signals have been added, directly or through {@link #merge}.
     *
     * @return the count
     */
    public long signalCount() {
        return signals;
    }

    /**
     * Returns the time of the newest signal added, the earliest {@code asOf} that can be asked about.
     *
     * @return epoch milliseconds, {@link Long#MIN_VALUE} when no signal was added
     */
    public long newestMillis() {
        return newestMillis;
    }

    /**
     * Returns a partner's index. O(1).
     *
     * @param partnerId the partner's id
     * @return its index in {@link #partners()}
     * @throws IllegalArgumentException when the id is not one of the partners
     */
    public int indexOf(String partnerId) {
        Integer i = partnerId == null ? null : index.get(partnerId);
        if (i == null) {
            throw new IllegalArgumentException("'" + partnerId + "' is not one of the " + partnerCount + " partners");
        }
        return i;
    }

    /**
     * Adds one signal: {@code source} did something of {@code kind} toward {@code target} at {@code epochMillis}.
     * O(1) amortized and allocation-free unless the pair table grows or a rebase happens (see the class description).
     * Signals may come in any time order.
     *
     * @param epochMillis when it happened, epoch milliseconds
     * @param sourceIndex index of the partner who acted
     * @param targetIndex index of the partner acted toward, or {@link #NO_TARGET} for the whole partnership; never
     *                    the source
     * @param kind        what happened
     * @param value       the signal's weight, acceptable for the kind ({@link SignalKind#accepts(double)})
     * @throws IllegalArgumentException when an index is out of range, the target is the source, the kind is null or
     *                                  the value is not acceptable for it; nothing is added then
     */
    public void add(long epochMillis, int sourceIndex, int targetIndex, SignalKind kind, double value) {
        if (sourceIndex < 0 || sourceIndex >= partnerCount) {
            throw badIndex("source", sourceIndex);
        }
        if (targetIndex != NO_TARGET && (targetIndex < 0 || targetIndex >= partnerCount || targetIndex == sourceIndex)) {
            throw targetIndex == sourceIndex
                    ? new IllegalArgumentException("signal target must differ from its source " + sourceIndex)
                    : badIndex("target", targetIndex);
        }
        if (kind == null) {
            throw new IllegalArgumentException("signal kind must not be null");
        }
        if (!kind.accepts(value)) {
            throw new IllegalArgumentException("signal value for " + kind + " must be " + kind.acceptedValues()
                    + ", was " + value);
        }
        double weight = SignalEvidence.sign(kind.ordinal()) * value * scaleAt(epochMillis);
        // Branch-free: the sign of a stream of mixed signals is unpredictable.
        double positive = Math.max(weight, 0);
        double negative = Math.max(-weight, 0);
        int q = PARTNER * sourceIndex;
        partnerCells[q] += positive;
        partnerCells[q + 1] += negative;
        partnerCells[q + 2] += 1;
        if (targetIndex != NO_TARGET) {
            int c = slotFor((long) targetIndex * partnerCount + sourceIndex);
            table[c + 1] += positive;
            table[c + 2] += negative;
            table[c + 3] += 1;
        }
        signals++;
        if (epochMillis > newestMillis) {
            newestMillis = epochMillis;
        }
    }

    /**
     * Adds one signal given as a model object; looks its partners up by id (O(1)).
     *
     * @param signal the signal (already validated by its record constructor)
     * @throws IllegalArgumentException when the signal is null or its source or target is not one of the partners
     */
    public void add(EngagementSignal signal) {
        if (signal == null) {
            throw new IllegalArgumentException("signal must not be null");
        }
        int source = indexOf(signal.source());
        int target = signal.target() == null ? NO_TARGET : indexOf(signal.target());
        add(signal.at().toEpochMilli(), source, target, signal.kind(), signal.value());
    }

    private IllegalArgumentException badIndex(String role, int i) {
        return new IllegalArgumentException(String.format(Locale.ROOT,
                "signal %s index %d is outside [0, %d)", role, i, partnerCount));
    }

    /** Returns 2^((t − t_ref)/h), rebasing first when it would exceed 2^256; 1 when decay is off. */
    private double scaleAt(long t) {
        if (rate == 0) {
            return 1;
        }
        if (signals == 0) {
            // The first signal sets the reference time; nothing is stored yet.
            refMillis = t;
            lastAt = t;
            lastScale = 1;
            return 1;
        }
        if (t == lastAt) {
            return lastScale;
        }
        double exponent = rate * (t - refMillis);
        if (exponent > MAX_EXPONENT) {
            rebase(t);
            exponent = 0;
        }
        lastAt = t;
        lastScale = Math.exp(exponent);
        return lastScale;
    }

    /** Multiplies every stored value by 2^(−(t − t_ref)/h) and moves the reference time to t. O(P + slots). */
    private void rebase(long t) {
        double factor = Math.exp(-rate * (t - refMillis));
        for (int q = 0; q < partnerCells.length; q += PARTNER) {
            partnerCells[q] *= factor;
            partnerCells[q + 1] *= factor;
        }
        for (int c = 0; c < table.length; c += SLOT) {
            if (table[c] != EMPTY) {
                table[c + 1] *= factor;
                table[c + 2] *= factor;
            }
        }
        refMillis = t;
        lastAt = t;
        lastScale = 1;
    }

    /**
     * Adds another accumulator's evidence to this one and returns this one; the other is left unchanged. Both are
     * first brought to the later of their reference times, so the result equals, up to rounding, one accumulator fed
     * both streams of signals; merge is associative and commutative in that sense. O(P + m) for m pairs in the other.
     *
     * @param other an accumulator for the same partners (same ids in the same order) and the same half-life
     * @return this accumulator
     * @throws IllegalArgumentException when the other is null, this one, or has other partners or another half-life
     */
    public IncrementalBetaReputation merge(IncrementalBetaReputation other) {
        if (other == null || other == this) {
            throw new IllegalArgumentException("can only merge another, non-null accumulator");
        }
        if (!partners.equals(other.partners) || Double.compare(halfLifeDays, other.halfLifeDays) != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "can only merge accumulators with the same partners and half-life: %d partners and %s days "
                            + "against %d partners and %s days", partnerCount, halfLifeDays, other.partnerCount,
                    other.halfLifeDays));
        }
        if (other.signals == 0) {
            return this;
        }
        double factor = 1;
        if (rate != 0) {
            if (signals == 0) {
                refMillis = other.refMillis;
                lastAt = refMillis;
                lastScale = 1;
            } else if (other.refMillis > refMillis) {
                rebase(other.refMillis);
            }
            // other's reference is at or before ours: its values shrink by 2^(−(t_ref − t_ref')/h) ≤ 1.
            factor = Math.exp(-rate * (refMillis - other.refMillis));
        }
        double[] otherPartners = other.partnerCells;
        for (int q = 0; q < partnerCells.length; q += PARTNER) {
            partnerCells[q] += otherPartners[q] * factor;
            partnerCells[q + 1] += otherPartners[q + 1] * factor;
            partnerCells[q + 2] += otherPartners[q + 2];
        }
        double[] otherTable = other.table;
        for (int o = 0; o < otherTable.length; o += SLOT) {
            if (otherTable[o] != EMPTY) {
                int c = slotFor((long) otherTable[o]);
                table[c + 1] += otherTable[o + 1] * factor;
                table[c + 2] += otherTable[o + 2] * factor;
                table[c + 3] += otherTable[o + 3];
            }
        }
        signals += other.signals;
        newestMillis = Math.max(newestMillis, other.newestMillis);
        return this;
    }

    /**
     * Returns {@code from}'s expectation that {@code to} acts in good faith at {@code asOfMillis},
     * {@code E = (r + 1)/(r + s + 2)} of the pair's decayed evidence; 0.5 (the uniform prior) when {@code to} never
     * acted toward {@code from}. O(1).
     *
     * @param from       index of the partner who trusts
     * @param to         index of the partner trusted
     * @param asOfMillis when, epoch milliseconds, at or after {@link #newestMillis()}
     * @return E in (0, 1)
     * @throws IllegalArgumentException when an index is out of range or asOf precedes the newest signal
     */
    public double trust(int from, int to, long asOfMillis) {
        return pairEvidence(from, to, asOfMillis).expectation();
    }

    /**
     * Returns the decayed evidence (r, s) of the pair {@code (from, to)} at {@code asOfMillis}. O(1).
     *
     * @param from       index of the partner who trusts
     * @param to         index of the partner trusted
     * @param asOfMillis when, epoch milliseconds, at or after {@link #newestMillis()}
     * @return the evidence, {@link BetaEvidence#NONE} when there is none
     * @throws IllegalArgumentException when an index is out of range or asOf precedes the newest signal
     */
    public BetaEvidence pairEvidence(int from, int to, long asOfMillis) {
        checkPartner(from, "from");
        checkPartner(to, "to");
        double decay = decayTo(asOfMillis);
        int c = find((long) from * partnerCount + to);
        if (c < 0) {
            return BetaEvidence.NONE;
        }
        return new BetaEvidence(table[c + 1] * decay, table[c + 2] * decay);
    }

    /**
     * Returns a partner's trustworthiness at {@code asOfMillis} as {@link BetaReputation} scores a partner: E of the
     * decayed evidence of every signal it sent, toward partners and toward the whole partnership; 0.5 without any.
     * O(1).
     *
     * @param partner    the partner's index
     * @param asOfMillis when, epoch milliseconds, at or after {@link #newestMillis()}
     * @return E in (0, 1)
     * @throws IllegalArgumentException when the index is out of range or asOf precedes the newest signal
     */
    public double partnerTrust(int partner, long asOfMillis) {
        return partnerEvidence(partner, asOfMillis).expectation();
    }

    /**
     * Returns the decayed evidence (r, s) about a partner at {@code asOfMillis}. O(1).
     *
     * @param partner    the partner's index
     * @param asOfMillis when, epoch milliseconds, at or after {@link #newestMillis()}
     * @return the evidence
     * @throws IllegalArgumentException when the index is out of range or asOf precedes the newest signal
     */
    public BetaEvidence partnerEvidence(int partner, long asOfMillis) {
        checkPartner(partner, "partner");
        double decay = decayTo(asOfMillis);
        int q = PARTNER * partner;
        return new BetaEvidence(partnerCells[q] * decay, partnerCells[q + 1] * decay);
    }

    /**
     * Returns an immutable snapshot of all evidence decayed to {@code asOf}: every pair with signals (sorted by
     * {@code from}, then {@code to} index) and every partner. O(P + m log m) for m pairs; later {@code add} or
     * {@code merge} calls do not change it.
     *
     * @param asOf when, at or after {@link #newestMillis()}
     * @return the snapshot
     * @throws IllegalArgumentException when asOf is null or precedes the newest signal
     */
    public IncrementalTrustSnapshot result(Instant asOf) {
        if (asOf == null) {
            throw new IllegalArgumentException("asOf must not be null");
        }
        long asOfMillis = asOf.toEpochMilli();
        double decay = decayTo(asOfMillis);
        long[] sorted = new long[size];
        int k = 0;
        for (int c = 0; c < table.length; c += SLOT) {
            if (table[c] != EMPTY) {
                sorted[k++] = (long) table[c];
            }
        }
        Arrays.sort(sorted);
        double[] r = new double[size];
        double[] s = new double[size];
        long[] n = new long[size];
        for (int i = 0; i < size; i++) {
            int c = find(sorted[i]);
            r[i] = table[c + 1] * decay;
            s[i] = table[c + 2] * decay;
            n[i] = (long) table[c + 3];
        }
        double[] pr = new double[partnerCount];
        double[] ps = new double[partnerCount];
        long[] pn = new long[partnerCount];
        for (int p = 0; p < partnerCount; p++) {
            pr[p] = partnerCells[PARTNER * p] * decay;
            ps[p] = partnerCells[PARTNER * p + 1] * decay;
            pn[p] = (long) partnerCells[PARTNER * p + 2];
        }
        return new IncrementalTrustSnapshot(partners, asOf, halfLifeDays, sorted, r, s, n, pr, ps, pn);
    }

    private void checkPartner(int i, String role) {
        if (i < 0 || i >= partnerCount) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s index %d is outside [0, %d)", role, i, partnerCount));
        }
    }

    /** Returns 2^(−(asOf − t_ref)/h), the factor from stored to decayed values, after checking asOf. */
    private double decayTo(long asOfMillis) {
        if (signals > 0 && asOfMillis < newestMillis) {
            // Signals after asOf cannot be taken out again, and the batch strategy would not count them.
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "asOf %s precedes the newest signal added, %s", Instant.ofEpochMilli(asOfMillis),
                    Instant.ofEpochMilli(newestMillis)));
        }
        return rate == 0 || signals == 0 ? 1 : Math.exp(-rate * (asOfMillis - refMillis));
    }

    private void allocateTable(int count) {
        slots = count;
        table = new double[SLOT * count];
        for (int c = 0; c < table.length; c += SLOT) {
            table[c] = EMPTY;
        }
        shift = Long.numberOfLeadingZeros(count - 1L);
        size = 0;
    }

    /** Fibonacci hashing: the high bits of key · 2^64/φ pick the home slot. */
    private int home(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    /** Returns the table offset of a pair key's slot, or −1 when the pair has no signals. */
    private int find(long key) {
        double k = key;
        int mask = slots - 1;
        for (int slot = home(key); ; slot = (slot + 1) & mask) {
            double stored = table[SLOT * slot];
            if (stored == k) {
                return SLOT * slot;
            }
            if (stored == EMPTY) {
                return -1;
            }
        }
    }

    /** Returns the table offset of a pair key's slot, inserting it (growing the table past half full) when new. */
    private int slotFor(long key) {
        double k = key;
        int mask = slots - 1;
        for (int slot = home(key); ; slot = (slot + 1) & mask) {
            int c = SLOT * slot;
            double stored = table[c];
            if (stored == k) {
                return c;
            }
            if (stored == EMPTY) {
                if (2 * (size + 1) > slots) {
                    grow();
                    return slotFor(key);
                }
                table[c] = k;
                size++;
                return c;
            }
        }
    }

    private void grow() {
        if (slots > MAX_PAIRS) {
            throw new IllegalStateException("more than " + MAX_PAIRS + " pairs of partners have signals, the most "
                    + "one accumulator holds");
        }
        double[] old = table;
        allocateTable(slots * 2);
        for (int o = 0; o < old.length; o += SLOT) {
            if (old[o] != EMPTY) {
                int c = slotFor((long) old[o]);
                System.arraycopy(old, o + 1, table, c + 1, SLOT - 1);
            }
        }
    }
}
