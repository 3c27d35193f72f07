package dev.partnership.metrics.network;

import dev.partnership.Dimension;
import dev.partnership.Interval;
import dev.partnership.Score;
import dev.partnership.SignalKind;
import dev.partnership.Subject;
import dev.partnership.Warning;
import dev.partnership.metrics.stats.Bootstrap;
import dev.partnership.metrics.stats.ExplanationNumbers;
import dev.partnership.metrics.stats.Quantile;
import dev.partnership.metrics.trust.BetaReputation;
import dev.partnership.spi.EvidenceIndex;
import dev.partnership.spi.ScoringContext;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.StrategyResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Network-wide trust per partner by EigenTrust (Kamvar, S. D., Schlosser, M. T. and Garcia-Molina, H. (2003), "The
 * EigenTrust algorithm for reputation management in P2P networks", <i>Proceedings of the 12th International World
 * Wide Web Conference (WWW '03)</i>, 640–651); strategy id {@value #ID}. The algorithm itself is
 * {@link EigenTrust}; this class turns engagement signals into its local trust and its result into scores.
 *
 * <p><b>Local trust.</b> The evidence rule of {@code beta-reputation}: a signal from {@code source} toward
 * {@code target} is evidence about the source as seen by the target, so it feeds the pair {@code i = target},
 * {@code j = source}. It weighs {@code value · 2^(−age / halfLife)}, age = asOf − at in days (half-life 0 turns
 * decay off), and counts as positive evidence r for positive kinds, negative evidence s for negative kinds, and by
 * the sign of its value for {@link SignalKind#FEEDBACK}. The satisfaction of i with j is
 * {@code s_ij = r_ij − s_ij}, the local trust {@code c_ij = max(s_ij, 0) / Σ_j max(s_ij, 0)}, and a partner with no
 * positive satisfaction with anyone trusts as the pre-trusted distribution does (the zero-row rule). Signals toward
 * the whole partnership say nothing about one partner's view of another and are not used. A relationship is an
 * ordered pair with at least one signal.
 *
 * <p><b>Pre-trust and iteration.</b> {@code p} is uniform over the partners named in {@code preTrusted}, or over all
 * partners when none is named. Parameters are checked before the partnership is known, so ids that name no partner
 * cannot be rejected as configuration errors: they are ignored with an {@link Warning#EXCLUDED_INPUT} warning (and
 * when none is left, p is uniform over all partners). Then {@code t(0) = p},
 * {@code t(k+1) = (1 − a) Cᵀ t(k) + a p} until the L1 change is within the tolerance or the iteration limit is
 * reached; not converging is a {@value #NOT_CONVERGED} warning and every score says {@code converged: false}.
 *
 * <p><b>Scores.</b> Partnership first, then every partner by id.
 * <ul>
 *   <li>Per partner: {@code value = t_i}, the partner's share of global trust (the shares sum to 1).
 *       {@code normalized} is not set: a share is not a level of trust (with more partners every share shrinks),
 *       so it must not enter the trust summary. Details: {@code iterations}, {@code converged}, {@code residual},
 *       {@code damping}, {@code rank} (1 = most trusted; equal shares share the best rank), {@code relative}
 *       {@code = t_i · P} (1 = an equal share), {@code preTrusted}; {@code n} is the number of partners with
 *       signals about the partner.</li>
 *   <li>Partnership: {@code value} = the largest share, a simple summary of how concentrated trust is (1/P when
 *       even); {@code normalized} not set. Details: {@code iterations}, {@code converged}, {@code residual},
 *       {@code partners}, {@code relationships}, {@code mostTrusted} (the partner with the largest share, the
 *       first by id on a tie), and the settings; {@code n} is the number of relationships.</li>
 * </ul>
 * With fewer than 2 partners, or no relationship with positive satisfaction, every score is
 * {@code INSUFFICIENT_EVIDENCE}: global trust would only repeat the pre-trust.
 *
 * <p><b>Interval.</b> A seeded percentile bootstrap over relationships ({@link Bootstrap#percentile}, seed
 * {@link ScoringContext#seedFor(String)}): {@code bootstrapResamples} times, draw the relationships with
 * replacement (a relationship drawn twice counts twice), rebuild C and recompute t; the interval of each share and
 * of the largest share is the replicates' type-7 quantiles at {@code (1 ∓ level)/2}. It shows how much global trust
 * rests on a few relationships. Each resample costs a full computation, so the bootstrap runs only when
 * {@code bootstrapResamples > 0} and the partnership has at most {@code maxPartnersForBootstrap} partners; otherwise
 * scores have no interval and the detail {@code intervalNote} says why.
 *
 * <p><b>Cost.</b> O(n) over n signals to build the local trust, O(k (P + m)) for k iterations over P partners and m
 * relationships, plus O(B k (P + m) + B P) for B resamples and O(P log P) for ranks; memory O(n + P + m + B P).
 *
 * <p>Immutable and thread-safe; {@code withX} methods return copies.
 */
public final class EigenTrustStrategy implements ScoringStrategy {
    /** The strategy id. */
    public static final String ID = "eigentrust";
    /** Warning code raised when the iteration reaches its limit before the tolerance. */
    public static final String NOT_CONVERGED = "NOT_CONVERGED";
    /** Default half-life of evidence, in days: that of {@code beta-reputation}. */
    public static final double DEFAULT_HALF_LIFE_DAYS = BetaReputation.DEFAULT_HALF_LIFE_DAYS;
    /** Largest accepted half-life, in days: that of {@code beta-reputation}. */
    public static final double MAX_HALF_LIFE_DAYS = BetaReputation.MAX_HALF_LIFE_DAYS;
    /** Default number of bootstrap resamples. */
    public static final int DEFAULT_BOOTSTRAP_RESAMPLES = 200;
    /** Default largest number of partners for which the bootstrap runs. */
    public static final int DEFAULT_MAX_PARTNERS_FOR_BOOTSTRAP = 2000;

    private static final double MILLIS_PER_DAY = 86_400_000.0;

    private final double halfLifeDays;
    private final List<String> preTrusted;
    private final EigenTrust algorithm;
    private final int bootstrapResamples;
    private final int maxPartnersForBootstrap;

    /** Creates the strategy with every default: uniform pre-trust, damping 0.15, a 365-day half-life. */
    public EigenTrustStrategy() {
        this(DEFAULT_HALF_LIFE_DAYS, List.of(), new EigenTrust(), DEFAULT_BOOTSTRAP_RESAMPLES,
                DEFAULT_MAX_PARTNERS_FOR_BOOTSTRAP);
    }

    /**
     * Creates the strategy.
     *
     * @param halfLifeDays            age in days at which a signal counts half, in [0, {@value #MAX_HALF_LIFE_DAYS}];
     *                                0 turns decay off
     * @param preTrusted              ids of the pre-trusted partners; empty for uniform pre-trust
     * @param algorithm               the EigenTrust damping, tolerance and iteration limit
     * @param bootstrapResamples      resamples of the bootstrap interval, {@code >= 0}; 0 turns it off
     * @param maxPartnersForBootstrap largest partnership the bootstrap runs on, {@code >= 0}
     * @throws IllegalArgumentException when a number is out of range
     * @throws NullPointerException     when a list, an id or the algorithm is null
     */
    public EigenTrustStrategy(double halfLifeDays, List<String> preTrusted, EigenTrust algorithm,
                              int bootstrapResamples, int maxPartnersForBootstrap) {
        if (!(halfLifeDays >= 0 && halfLifeDays <= MAX_HALF_LIFE_DAYS)) {
            throw new IllegalArgumentException("halfLifeDays must lie in [0, 36500], was " + halfLifeDays);
        }
        if (bootstrapResamples < 0) {
            throw new IllegalArgumentException("bootstrapResamples must be >= 0, was " + bootstrapResamples);
        }
        if (maxPartnersForBootstrap < 0) {
            throw new IllegalArgumentException("maxPartnersForBootstrap must be >= 0, was " + maxPartnersForBootstrap);
        }
        this.halfLifeDays = halfLifeDays;
        this.preTrusted = List.copyOf(preTrusted);
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.bootstrapResamples = bootstrapResamples;
        this.maxPartnersForBootstrap = maxPartnersForBootstrap;
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
     * Returns the configured pre-trusted partner ids.
     *
     * @return the ids, empty for uniform pre-trust
     */
    public List<String> preTrusted() {
        return preTrusted;
    }

    /**
     * Returns the algorithm settings.
     *
     * @return damping, tolerance and iteration limit
     */
    public EigenTrust algorithm() {
        return algorithm;
    }

    /**
     * Returns the number of bootstrap resamples.
     *
     * @return resamples, 0 when off
     */
    public int bootstrapResamples() {
        return bootstrapResamples;
    }

    /**
     * Returns the largest partnership the bootstrap runs on.
     *
     * @return the partner count
     */
    public int maxPartnersForBootstrap() {
        return maxPartnersForBootstrap;
    }

    /**
     * Returns a copy with another half-life.
     *
     * @param days in [0, {@value #MAX_HALF_LIFE_DAYS}], 0 for no decay
     * @return the copy
     */
    public EigenTrustStrategy withHalfLifeDays(double days) {
        return new EigenTrustStrategy(days, preTrusted, algorithm, bootstrapResamples, maxPartnersForBootstrap);
    }

    /**
     * Returns a copy with other pre-trusted partners.
     *
     * @param ids partner ids, empty for uniform pre-trust
     * @return the copy
     */
    public EigenTrustStrategy withPreTrusted(List<String> ids) {
        return new EigenTrustStrategy(halfLifeDays, ids, algorithm, bootstrapResamples, maxPartnersForBootstrap);
    }

    /**
     * Returns a copy with other algorithm settings.
     *
     * @param settings damping, tolerance and iteration limit
     * @return the copy
     */
    public EigenTrustStrategy withAlgorithm(EigenTrust settings) {
        return new EigenTrustStrategy(halfLifeDays, preTrusted, settings, bootstrapResamples, maxPartnersForBootstrap);
    }

    /**
     * Returns a copy with another number of bootstrap resamples.
     *
     * @param count {@code >= 0}, 0 for no interval
     * @return the copy
     */
    public EigenTrustStrategy withBootstrapResamples(int count) {
        return new EigenTrustStrategy(halfLifeDays, preTrusted, algorithm, count, maxPartnersForBootstrap);
    }

    /**
     * Returns a copy with another bootstrap size limit.
     *
     * @param partners the largest partner count the bootstrap runs on, {@code >= 0}
     * @return the copy
     */
    public EigenTrustStrategy withMaxPartnersForBootstrap(int partners) {
        return new EigenTrustStrategy(halfLifeDays, preTrusted, algorithm, bootstrapResamples, partners);
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
     * Scores every partner and the partnership as described in the class documentation.
     *
     * @param context the evidence and evaluation settings
     * @return the scores, and warnings for ignored pre-trusted ids, thin evidence or no convergence
     */
    @Override
    public StrategyResult score(ScoringContext context) {
        EvidenceIndex ev = context.evidence();
        int partners = ev.partnerCount();
        List<Warning> warnings = new ArrayList<>();
        boolean[] preTrustedFlags = preTrustedPartners(ev, warnings);
        if (partners < 2) {
            return insufficient(ev, String.format(Locale.ROOT,
                    "Global trust needs at least two partners; the partnership has %d.", partners), 0, preTrustedFlags,
                    warnings);
        }
        EigenTrustMatrix matrix = localTrust(ev);
        if (matrix.positiveRelationships() == 0) {
            String reason = matrix.relationships() == 0
                    ? "No signal passed between two partners, so no partner has a view of another to build global "
                    + "trust from."
                    : String.format(Locale.ROOT, "None of the %d relationships between partners shows more positive "
                    + "than negative evidence, so there is no local trust to build global trust from.",
                    matrix.relationships());
            return insufficient(ev, reason, matrix.relationships(), preTrustedFlags, warnings);
        }

        double[] pretrust = pretrust(preTrustedFlags);
        EigenTrust.Result result = algorithm.compute(matrix, pretrust);
        if (!result.converged()) {
            warnings.add(new Warning(NOT_CONVERGED, ID, String.format(Locale.ROOT,
                    "global trust did not converge within %d iterations (last L1 change %s, tolerance %s); the "
                            + "shares are the last iterate", result.iterations(), result.residual(),
                    algorithm.tolerance())));
        }
        double level = context.confidenceLevel();
        Intervals intervals = intervals(matrix, pretrust, level, context.seedFor(ID));
        return new StrategyResult(scores(ev, matrix, result, preTrustedFlags, intervals, level), warnings);
    }

    /** Marks the configured pre-trusted partners; ids naming no partner become one warning. */
    private boolean[] preTrustedPartners(EvidenceIndex ev, List<Warning> warnings) {
        boolean[] trusted = new boolean[ev.partnerCount()];
        TreeSet<String> unknown = new TreeSet<>();
        for (String id : preTrusted) {
            int p = ev.partnerIndex(id);
            if (p == EvidenceIndex.NONE) {
                unknown.add(id);
            } else {
                trusted[p] = true;
            }
        }
        if (!unknown.isEmpty()) {
            warnings.add(new Warning(Warning.EXCLUDED_INPUT, ID, "preTrusted names "
                    + (unknown.size() == 1 ? "a partner" : unknown.size() + " partners")
                    + " not in the partnership, ignored: " + String.join(", ", unknown)));
        }
        return trusted;
    }

    private static double[] pretrust(boolean[] trusted) {
        double[] p = new double[trusted.length];
        boolean any = false;
        for (int i = 0; i < trusted.length; i++) {
            if (trusted[i]) {
                p[i] = 1;
                any = true;
            }
        }
        // EigenTrust divides by the sum, so ones over the pre-trusted partners are the uniform distribution on them.
        return any ? p : EigenTrust.uniform(trusted.length);
    }

    /** Builds C from the signals between partners: entry (target, source) with the signed decayed weight. */
    private EigenTrustMatrix localTrust(EvidenceIndex ev) {
        int signals = ev.signalCount();
        int between = 0;
        for (int k = 0; k < signals; k++) {
            if (ev.signalTarget(k) != EvidenceIndex.NONE) {
                between++;
            }
        }
        int[] from = new int[between];
        int[] to = new int[between];
        double[] weight = new double[between];
        long asOf = ev.asOfMillis();
        // 2^(−age/h) = exp(−age · ln 2 / h), the rate per millisecond; 0 when decay is off.
        double rate = halfLifeDays == 0 ? 0 : Math.log(2) / (halfLifeDays * MILLIS_PER_DAY);
        int e = 0;
        for (int k = 0; k < signals; k++) {
            int target = ev.signalTarget(k);
            if (target == EvidenceIndex.NONE) {
                continue;
            }
            double signed = ev.signalKind(k).polarity() == SignalKind.Polarity.NEGATIVE
                    ? -ev.signalValue(k) : ev.signalValue(k);
            from[e] = target;
            to[e] = ev.signalSource(k);
            weight[e] = rate == 0 ? signed : signed * Math.exp(-rate * (asOf - ev.signalAt(k)));
            e++;
        }
        return EigenTrustMatrix.of(ev.partnerCount(), from, to, weight);
    }

    /** Bootstrap intervals per partner and for the largest share, or why there are none. */
    private record Intervals(Interval[] partner, Interval largest, String note, int resamples, int valid) {
    }

    private Intervals intervals(EigenTrustMatrix matrix, double[] pretrust, double level, long seed) {
        int partners = matrix.nodes();
        if (bootstrapResamples == 0) {
            return new Intervals(null, null, "no interval: the bootstrap is off (bootstrapResamples = 0)", 0, 0);
        }
        if (partners > maxPartnersForBootstrap) {
            return new Intervals(null, null, String.format(Locale.ROOT, "no interval: %d partners exceed "
                    + "maxPartnersForBootstrap (%d), and each of the %d resamples would recompute global trust",
                    partners, maxPartnersForBootstrap, bootstrapResamples), 0, 0);
        }
        int m = matrix.relationships();
        int[] from = new int[m];
        int[] to = new int[m];
        double[] weight = new double[m];
        double[] replicates = new double[bootstrapResamples * partners];
        int[] rows = {0};
        Bootstrap.Statistic largestShare = sample -> {
            for (int q = 0; q < sample.length; q++) {
                int k = sample[q];
                from[q] = matrix.relationFrom(k);
                to[q] = matrix.relationTo(k);
                weight[q] = matrix.satisfaction(k);
            }
            EigenTrust.Result r = algorithm.compute(EigenTrustMatrix.of(partners, from, to, weight), pretrust);
            // Every share of this resample is kept, so that one resampling serves all partners' intervals.
            int offset = rows[0]++ * partners;
            double largest = 0;
            for (int i = 0; i < partners; i++) {
                double t = r.trust(i);
                replicates[offset + i] = t;
                largest = Math.max(largest, t);
            }
            return largest;
        };
        Bootstrap.Result largest = new Bootstrap(bootstrapResamples).percentile(m, largestShare, level, seed);
        if (largest.interval() == null) {
            return new Intervals(null, null, String.format(Locale.ROOT,
                    "no interval: %d resample is too few for a percentile interval", bootstrapResamples), 0, 0);
        }
        int valid = rows[0];
        Interval[] partner = new Interval[partners];
        double[] column = new double[valid];
        for (int i = 0; i < partners; i++) {
            for (int b = 0; b < valid; b++) {
                column[b] = replicates[b * partners + i];
            }
            Arrays.sort(column);
            double low = Quantile.type7(column, (1 - level) / 2);
            double high = Quantile.type7(column, (1 + level) / 2);
            partner[i] = new Interval(low, Math.max(low, high), level);
        }
        String note = String.format(Locale.ROOT, "percentile bootstrap over the %d relationships, %d resamples", m,
                valid);
        return new Intervals(partner, largest.interval(), note, bootstrapResamples, valid);
    }

    private List<Score> scores(EvidenceIndex ev, EigenTrustMatrix matrix, EigenTrust.Result result,
                               boolean[] preTrustedFlags, Intervals intervals, double level) {
        int partners = ev.partnerCount();
        double[] sorted = result.trust();
        Arrays.sort(sorted);
        int[] trustedBy = new int[partners];
        for (int k = 0; k < matrix.relationships(); k++) {
            trustedBy[matrix.relationTo(k)]++;
        }
        int top = 0;
        for (int i = 1; i < partners; i++) {
            if (result.trust(i) > result.trust(top)) {
                top = i;
            }
        }
        List<Score> scores = new ArrayList<>(partners + 1);
        scores.add(partnershipScore(ev, matrix, result, top, preTrustedFlags, intervals, level));
        String levelText = ExplanationNumbers.level(level);
        for (int i = 0; i < partners; i++) {
            String id = ev.partnerId(i);
            double share = result.trust(i);
            int rank = 1 + partners - upperBound(sorted, share);
            double relative = share * partners;
            Interval interval = intervals.partner() == null ? null : intervals.partner()[i];
            Score.Builder b = Score.builder(ID, Dimension.TRUST, Subject.partner(id))
                    .value(share).interval(interval).n(trustedBy[i]);
            common(b, result).detail("rank", rank).detail("relative", relative)
                    .detail("preTrusted", preTrustedFlags[i]).detail("intervalNote", intervals.note());
            // Concatenation, not String.format: a large network explains thousands of partners.
            StringBuilder text = new StringBuilder(160).append(id).append(" holds ")
                    .append(ExplanationNumbers.plain(share)).append(" of the partnership's global trust (EigenTrust), ")
                    .append(ExplanationNumbers.twoDecimals(relative)).append(" times an equal share; it ranks ")
                    .append(rank).append(" of ").append(partners);
            if (interval != null) {
                text.append(" (").append(levelText).append(" bootstrap interval ")
                        .append(ExplanationNumbers.plain(interval.low())).append(" to ")
                        .append(ExplanationNumbers.plain(interval.high())).append(')');
            }
            scores.add(b.explanation(text.append('.').toString()).build());
        }
        return scores;
    }

    private Score partnershipScore(EvidenceIndex ev, EigenTrustMatrix matrix, EigenTrust.Result result, int top,
                                   boolean[] preTrustedFlags, Intervals intervals, double level) {
        int partners = ev.partnerCount();
        double largest = result.trust(top);
        Score.Builder b = Score.builder(ID, Dimension.TRUST, Subject.partnership())
                .value(largest).interval(intervals.largest()).n(matrix.relationships());
        common(b, result).detail("partners", partners).detail("relationships", matrix.relationships())
                .detail("positiveRelationships", matrix.positiveRelationships())
                .detail("partnersTrustingNobody", matrix.zeroRows())
                .detail("mostTrusted", ev.partnerId(top));
        settings(b, ev, preTrustedFlags).detail("intervalNote", intervals.note());
        if (intervals.largest() != null) {
            b.detail("bootstrapResamples", intervals.resamples()).detail("validReplicates", intervals.valid());
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Across %d partners and %d relationships, %s holds the largest share of global trust (EigenTrust), "
                        + "%s, against an equal share of %s", partners, matrix.relationships(), ev.partnerId(top),
                ExplanationNumbers.plain(largest), ExplanationNumbers.plain(1.0 / partners)));
        if (intervals.largest() != null) {
            text.append(String.format(Locale.ROOT, " (%s bootstrap interval %s to %s)", ExplanationNumbers.level(level),
                    ExplanationNumbers.plain(intervals.largest().low()),
                    ExplanationNumbers.plain(intervals.largest().high())));
        }
        text.append('.');
        if (!result.converged()) {
            text.append(String.format(Locale.ROOT, " The iteration stopped at its limit of %d iterations before "
                    + "converging, so the shares are approximate.", result.iterations()));
        }
        return b.explanation(text.toString()).build();
    }

    private Score.Builder common(Score.Builder b, EigenTrust.Result result) {
        return b.detail("iterations", result.iterations()).detail("converged", result.converged())
                .detail("residual", result.residual()).detail("damping", algorithm.damping());
    }

    private Score.Builder settings(Score.Builder b, EvidenceIndex ev, boolean[] preTrustedFlags) {
        List<String> used = new ArrayList<>();
        for (int i = 0; i < preTrustedFlags.length; i++) {
            if (preTrustedFlags[i]) {
                used.add(ev.partnerId(i));
            }
        }
        return b.detail("preTrust", used.isEmpty() ? "uniform over all partners" : "uniform over preTrusted")
                .detail("preTrusted", used).detail("tolerance", algorithm.tolerance())
                .detail("maxIterations", algorithm.maxIterations()).detail("halfLifeDays", halfLifeDays);
    }

    /** Returns the number of entries of an ascending array that are at most {@code x}. */
    private static int upperBound(double[] ascending, double x) {
        int low = 0;
        int high = ascending.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ascending[mid] <= x) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private StrategyResult insufficient(EvidenceIndex ev, String reason, int relationships, boolean[] preTrustedFlags,
                                        List<Warning> warnings) {
        warnings.add(new Warning(Warning.INSUFFICIENT_EVIDENCE, ID, "global trust: " + reason));
        List<Score> scores = new ArrayList<>(ev.partnerCount() + 1);
        Score.Builder b = Score.builder(ID, Dimension.TRUST, Subject.partnership()).insufficient(reason)
                .explanation(reason).n(relationships)
                .detail("partners", ev.partnerCount()).detail("relationships", relationships)
                .detail("damping", algorithm.damping());
        scores.add(settings(b, ev, preTrustedFlags).build());
        for (int i = 0; i < ev.partnerCount(); i++) {
            scores.add(Score.builder(ID, Dimension.TRUST, Subject.partner(ev.partnerId(i))).insufficient(reason)
                    .explanation(reason).build());
        }
        return new StrategyResult(scores, warnings);
    }
}
