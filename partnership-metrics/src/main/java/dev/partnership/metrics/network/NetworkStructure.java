package dev.partnership.metrics.network;

import dev.partnership.Dimension;
import dev.partnership.Interval;
import dev.partnership.RatingDimension;
import dev.partnership.Score;
import dev.partnership.Subject;
import dev.partnership.Warning;
import dev.partnership.metrics.stats.Bootstrap;
import dev.partnership.metrics.stats.ExplanationNumbers;
import dev.partnership.spi.EvidenceIndex;
import dev.partnership.spi.ScoringContext;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.StrategyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shape of the partners' tie network: density, Freeman degree centralization and reciprocity; strategy id
 * {@value #ID}. The measures are computed by {@link TieNetwork}, which states their formulas and sources (Freeman,
 * L. C. (1978), "Centrality in social networks: conceptual clarification", <i>Social Networks</i> 1(3), 215–239;
 * normalisers as in igraph's {@code centralization.c}).
 *
 * <p><b>Ties.</b> Within the window — evidence dated {@code asOf − windowDays < at ≤ asOf} — partner i is tied to
 * partner j (i → j) when i acted toward j in at least {@code minSignals} signals (source i, target j, of any kind:
 * a tie is interaction, not approval), or, when {@code includeRatings} is on, when i rated j on any dimension.
 * A {@link RatingDimension#COLLABORATION_LEVEL} rating makes a tie only when it is at least 1, since 0 means no
 * interaction. Signals toward the whole partnership make no tie.
 *
 * <p><b>Scores</b> (descriptive: {@code normalized} is left unset because none of them is a level of trust).
 * <ul>
 *   <li>Partnership: {@code value} = the directed density L / (n(n − 1)) for L ties among n partners. Details: the
 *       directed and undirected densities; in-, out-, total and undirected degree centralization; edge-based and
 *       dyad-based reciprocity; the counts of ties, mutual and asymmetric dyads, partners, signals and ratings
 *       used; the isolates (partners with no tie, by id) and the parameters. A measure that is undefined is left
 *       out and a note says why: total and undirected centralization need at least 3 partners (their normaliser
 *       (n − 1)(n − 2) is 0 below that), reciprocity needs a tie.</li>
 *   <li>Per partner: {@code value} = total degree / (2(n − 1)), the share of possible incoming and outgoing ties
 *       that exist; details {@code inDegree} and {@code outDegree}. No interval: the degree is counted, not
 *       estimated.</li>
 * </ul>
 * Fewer than 2 partners, or no signal between partners and no qualifying rating in the window, give
 * {@code INSUFFICIENT_EVIDENCE}: with nothing observed an empty network would be a made-up result. Scores come in
 * the order partnership, then partners by id.
 *
 * <p><b>Interval.</b> A seeded node bootstrap (Snijders, T. A. B. and Borgatti, S. P. (1999), "Non-parametric
 * standard errors and tests for network statistics", <i>Connections</i> 22(2), 161–170): partners are resampled
 * with replacement, the density of the induced network (ties between copies of distinct partners kept, pairs of
 * copies of one partner treated as missing; see {@link TieNetwork#resampledDensity(int[])}) is recomputed
 * {@code bootstrapResamples} times, and the percentile interval of the replicates is reported
 * ({@link Bootstrap#percentile}, type 7 quantiles, seed {@code context.seedFor("network-structure")}). The same
 * resamples give a percentile interval for edge-based reciprocity (details {@code reciprocityLow} and
 * {@code reciprocityHigh}). The interval describes how the measure would vary over networks of partners drawn like
 * these; with few partners it is wide and need not contain the estimate. Resamples that draw one partner only are
 * dropped (detail {@code bootstrapValidReplicates}).
 *
 * <p><b>Cost.</b> O(s + r) to read s signals and r ratings, O(P²) to build the network of P partners, O(B (P + L))
 * for B bootstrap resamples over L ties; memory O(P²).
 *
 * <p>Immutable and thread-safe; {@code withX} methods return copies.
 */
public final class NetworkStructure implements ScoringStrategy {
    /** The strategy id. */
    public static final String ID = "network-structure";
    /** Default window of evidence, in days before {@code asOf}. */
    public static final double DEFAULT_WINDOW_DAYS = 365.0;
    /** Shortest window accepted, in days. */
    public static final double MIN_WINDOW_DAYS = 1.0;
    /** Longest window accepted, in days (100 years). */
    public static final double MAX_WINDOW_DAYS = 36_500.0;
    /** Default number of signals from i toward j that make the tie i → j. */
    public static final int DEFAULT_MIN_SIGNALS = 1;
    /** Whether ratings make ties by default. */
    public static final boolean DEFAULT_INCLUDE_RATINGS = true;
    /** Default number of bootstrap resamples. */
    public static final int DEFAULT_BOOTSTRAP_RESAMPLES = Bootstrap.DEFAULT_RESAMPLES;
    /** Fewest bootstrap resamples accepted. */
    public static final int MIN_BOOTSTRAP_RESAMPLES = 100;
    /** Most bootstrap resamples accepted. */
    public static final int MAX_BOOTSTRAP_RESAMPLES = 100_000;

    private static final double MILLIS_PER_DAY = 86_400_000.0;

    private final double windowDays;
    private final int minSignals;
    private final boolean includeRatings;
    private final Bootstrap bootstrap;

    /** Creates the strategy with the default window, minimum, rating rule and resamples. */
    public NetworkStructure() {
        this(DEFAULT_WINDOW_DAYS, DEFAULT_MIN_SIGNALS, DEFAULT_INCLUDE_RATINGS, DEFAULT_BOOTSTRAP_RESAMPLES);
    }

    /**
     * Creates the strategy.
     *
     * @param windowDays         how far back evidence counts, in days, in [{@value #MIN_WINDOW_DAYS},
     *                           {@value #MAX_WINDOW_DAYS}]
     * @param minSignals         fewest signals from i toward j that make the tie i → j, at least 1
     * @param includeRatings     whether a rating of j by i makes the tie i → j
     * @param bootstrapResamples resamples for the intervals, in [{@value #MIN_BOOTSTRAP_RESAMPLES},
     *                           {@value #MAX_BOOTSTRAP_RESAMPLES}]
     * @throws IllegalArgumentException when a parameter is out of range
     */
    public NetworkStructure(double windowDays, int minSignals, boolean includeRatings, int bootstrapResamples) {
        if (!(windowDays >= MIN_WINDOW_DAYS && windowDays <= MAX_WINDOW_DAYS)) {
            throw new IllegalArgumentException("windowDays must lie in [1, 36500], was " + windowDays);
        }
        if (minSignals < 1) {
            throw new IllegalArgumentException("minSignals must be >= 1, was " + minSignals);
        }
        if (bootstrapResamples < MIN_BOOTSTRAP_RESAMPLES || bootstrapResamples > MAX_BOOTSTRAP_RESAMPLES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "bootstrapResamples must lie in [%d, %d], was %d",
                    MIN_BOOTSTRAP_RESAMPLES, MAX_BOOTSTRAP_RESAMPLES, bootstrapResamples));
        }
        this.windowDays = windowDays;
        this.minSignals = minSignals;
        this.includeRatings = includeRatings;
        this.bootstrap = new Bootstrap(bootstrapResamples);
    }

    /**
     * Returns the window of evidence.
     *
     * @return days before {@code asOf}
     */
    public double windowDays() {
        return windowDays;
    }

    /**
     * Returns the fewest signals from i toward j that make the tie i → j.
     *
     * @return the minimum
     */
    public int minSignals() {
        return minSignals;
    }

    /**
     * Returns whether ratings make ties.
     *
     * @return {@code true} when a rating of j by i makes the tie i → j
     */
    public boolean includeRatings() {
        return includeRatings;
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
     * Returns a copy with another window.
     *
     * @param days in [{@value #MIN_WINDOW_DAYS}, {@value #MAX_WINDOW_DAYS}]
     * @return the copy
     */
    public NetworkStructure withWindowDays(double days) {
        return new NetworkStructure(days, minSignals, includeRatings, bootstrap.resamples());
    }

    /**
     * Returns a copy with another minimum number of signals per tie.
     *
     * @param count at least 1
     * @return the copy
     */
    public NetworkStructure withMinSignals(int count) {
        return new NetworkStructure(windowDays, count, includeRatings, bootstrap.resamples());
    }

    /**
     * Returns a copy that does or does not let ratings make ties.
     *
     * @param include whether a rating of j by i makes the tie i → j
     * @return the copy
     */
    public NetworkStructure withIncludeRatings(boolean include) {
        return new NetworkStructure(windowDays, minSignals, include, bootstrap.resamples());
    }

    /**
     * Returns a copy with another number of bootstrap resamples.
     *
     * @param resamples in [{@value #MIN_BOOTSTRAP_RESAMPLES}, {@value #MAX_BOOTSTRAP_RESAMPLES}]
     * @return the copy
     */
    public NetworkStructure withBootstrapResamples(int resamples) {
        return new NetworkStructure(windowDays, minSignals, includeRatings, resamples);
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
     * Builds the tie network of the evidence in the window, as described in the class documentation. Node i is
     * the partner interned as i ({@link EvidenceIndex#partnerId(int)}). Cost O(s + r + P²).
     *
     * @param evidence the evidence index
     * @return the network
     */
    public TieNetwork network(EvidenceIndex evidence) {
        return read(evidence).network;
    }

    /** The tie network and what was read to build it. */
    private static final class Reading {
        TieNetwork network;
        int signals;
        int ratings;
        /** Signals and ratings in the window that involve each partner, either way. */
        int[] evidenceByPartner;
    }

    private Reading read(EvidenceIndex ev) {
        int partners = ev.partnerCount();
        long windowStart = ev.asOfMillis() - Math.round(windowDays * MILLIS_PER_DAY);
        int[] signalCount = new int[partners * partners];
        boolean[] rated = new boolean[partners * partners];
        Reading reading = new Reading();
        reading.evidenceByPartner = new int[partners];
        for (int i = 0, count = ev.signalCount(); i < count; i++) {
            int target = ev.signalTarget(i);
            if (target == EvidenceIndex.NONE || ev.signalAt(i) <= windowStart) {
                continue;
            }
            int source = ev.signalSource(i);
            signalCount[source * partners + target]++;
            reading.signals++;
            reading.evidenceByPartner[source]++;
            reading.evidenceByPartner[target]++;
        }
        if (includeRatings) {
            for (int i = 0, count = ev.ratingCount(); i < count; i++) {
                if (ev.ratingAt(i) <= windowStart) {
                    continue;
                }
                // Level 0 on the Levels of Collaboration scale means "no interaction": no tie.
                if (ev.ratingDimension(i) == RatingDimension.COLLABORATION_LEVEL && ev.ratingValue(i) < 1) {
                    continue;
                }
                int rater = ev.ratingRater(i);
                int ratee = ev.ratingRatee(i);
                rated[rater * partners + ratee] = true;
                reading.ratings++;
                reading.evidenceByPartner[rater]++;
                reading.evidenceByPartner[ratee]++;
            }
        }
        boolean[][] adjacency = new boolean[partners][partners];
        for (int i = 0; i < partners; i++) {
            for (int j = 0; j < partners; j++) {
                int k = i * partners + j;
                adjacency[i][j] = signalCount[k] >= minSignals || rated[k];
            }
        }
        reading.network = TieNetwork.fromAdjacency(adjacency);
        return reading;
    }

    /**
     * Scores the tie network's structure, as described in the class documentation.
     *
     * @param context the evidence and evaluation settings
     * @return the partnership score, then one score per partner; a warning when the network is not known
     */
    @Override
    public StrategyResult score(ScoringContext context) {
        EvidenceIndex ev = context.evidence();
        int partners = ev.partnerCount();
        List<Score> scores = new ArrayList<>(1 + partners);
        List<Warning> warnings = new ArrayList<>();
        String window = windowText();

        String reason = null;
        Reading reading = null;
        if (partners < 2) {
            reason = (partners == 0 ? "There are no partners" : "There is only one partner")
                    + ", so there is no network of ties to describe.";
        } else {
            reading = read(ev);
            if (reading.signals + reading.ratings == 0) {
                reason = "No partner acted toward or rated another in the " + window + " before the evaluation, "
                        + "so the network of ties is unknown.";
            }
        }
        if (reason != null) {
            warnings.add(new Warning(Warning.INSUFFICIENT_EVIDENCE, ID, "network structure: " + reason));
            scores.add(parameters(Score.builder(ID, Dimension.TRUST, Subject.partnership())
                    .insufficient(reason).explanation(reason).n(0).detail("partners", partners)).build());
            for (int p = 0; p < partners; p++) {
                String why = "No partner acted toward or rated another in the " + window
                        + " before the evaluation, so the ties of " + ev.partnerId(p) + " are unknown.";
                scores.add(Score.builder(ID, Dimension.TRUST, Subject.partner(ev.partnerId(p)))
                        .insufficient(partners < 2 ? reason : why).explanation(partners < 2 ? reason : why)
                        .n(0).build());
            }
            return new StrategyResult(scores, warnings);
        }

        TieNetwork network = reading.network;
        scores.add(partnershipScore(context, ev, reading));
        double possible = 2.0 * (partners - 1);
        for (int p = 0; p < partners; p++) {
            String id = ev.partnerId(p);
            int in = network.inDegree(p);
            int out = network.outDegree(p);
            double share = (in + out) / possible;
            scores.add(Score.builder(ID, Dimension.TRUST, Subject.partner(id))
                    .value(share).n(reading.evidenceByPartner[p])
                    .detail("inDegree", in).detail("outDegree", out).detail("totalDegree", in + out)
                    .detail("evidence", reading.evidenceByPartner[p])
                    .explanation(id + " is tied to " + out + " and tied from " + in + " of its " + (partners - 1)
                            + " partners in the " + window + " before the evaluation: "
                            + ExplanationNumbers.percent(share) + " of the ties it could have.")
                    .build());
        }
        return new StrategyResult(scores, warnings);
    }

    private Score partnershipScore(ScoringContext context, EvidenceIndex ev, Reading reading) {
        TieNetwork network = reading.network;
        int n = network.nodes();
        double level = context.confidenceLevel();
        long seed = context.seedFor(ID);
        double density = network.density();
        Score.Builder b = Score.builder(ID, Dimension.TRUST, Subject.partnership())
                .value(density).n(reading.signals + reading.ratings)
                .detail("density", density).detail("undirectedDensity", network.undirectedDensity());

        List<String> undefined = new ArrayList<>();
        addCentralization(b, network, TieNetwork.Mode.IN, "centralizationIn", undefined);
        addCentralization(b, network, TieNetwork.Mode.OUT, "centralizationOut", undefined);
        addCentralization(b, network, TieNetwork.Mode.TOTAL, "centralizationTotal", undefined);
        addCentralization(b, network, TieNetwork.Mode.UNDIRECTED, "centralizationUndirected", undefined);
        if (!undefined.isEmpty()) {
            b.detail("centralizationStatus", "INSUFFICIENT_EVIDENCE").detail("centralizationNote", String.format(
                    Locale.ROOT, "%s centralization need%s at least 3 partners: with %d the normaliser "
                            + "(n - 1)(n - 2) is 0.",
                    String.join(" and ", undefined), undefined.size() == 1 ? "s" : "", n));
        }

        Bootstrap.Result densityBoot = bootstrap.percentile(n, network::resampledDensity, level, seed);
        double reciprocity = network.edgeReciprocity();
        Interval reciprocityInterval = null;
        if (Double.isNaN(reciprocity)) {
            b.detail("reciprocityNote", "Reciprocity is undefined: there are no ties to return.");
        } else {
            b.detail("edgeReciprocity", reciprocity).detail("dyadReciprocity", network.dyadReciprocity());
            // The same seed draws the same partner resamples as for density: the two intervals are paired.
            reciprocityInterval = bootstrap.percentile(n, network::resampledEdgeReciprocity, level, seed).interval();
            if (reciprocityInterval != null) {
                b.detail("reciprocityLow", reciprocityInterval.low()).detail("reciprocityHigh",
                        reciprocityInterval.high());
            }
        }
        List<String> isolates = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            if (network.isIsolate(p)) {
                isolates.add(ev.partnerId(p));
            }
        }
        b.detail("mutualDyads", network.mutualDyads()).detail("asymmetricDyads", network.asymmetricDyads())
                .detail("ties", network.ties()).detail("partners", n).detail("isolates", isolates)
                .detail("signals", reading.signals).detail("ratings", reading.ratings);
        parameters(b).detail("bootstrapValidReplicates", densityBoot.validReplicates());

        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "In the %s before the evaluation, %d of the %d possible directed ties among the %d partners exist "
                        + "(density %.2f", windowText(), network.ties(), n * (n - 1), n, density));
        if (densityBoot.interval() != null) {
            Interval interval = densityBoot.interval();
            b.interval(interval);
            text.append(String.format(Locale.ROOT, ", %s bootstrap interval %.2f to %.2f",
                    ExplanationNumbers.level(level), interval.low(), interval.high()));
        } else {
            b.detail("intervalNote", "no bootstrap interval: density was undefined on almost every resample");
        }
        text.append(')');
        if (!Double.isNaN(reciprocity)) {
            text.append(String.format(Locale.ROOT, "; %s of ties are returned", ExplanationNumbers.percent(reciprocity)));
        }
        double outCentralization = network.centralization(TieNetwork.Mode.OUT);
        double undirected = network.centralization(TieNetwork.Mode.UNDIRECTED);
        if (!Double.isNaN(undirected)) {
            text.append(String.format(Locale.ROOT, "; degree centralization is %.2f (0 = every partner as connected "
                    + "as the next, 1 = one hub tied to all and the rest only to it)", undirected));
        } else if (!Double.isNaN(outCentralization)) {
            text.append(String.format(Locale.ROOT, "; out-degree centralization is %.2f", outCentralization));
        }
        if (!isolates.isEmpty()) {
            text.append("; without ties: ").append(String.join(", ", isolates));
        }
        text.append('.');
        return b.explanation(text.toString()).build();
    }

    private static void addCentralization(Score.Builder b, TieNetwork network, TieNetwork.Mode mode, String name,
                                          List<String> undefined) {
        double c = network.centralization(mode);
        if (Double.isNaN(c)) {
            undefined.add(mode.name().toLowerCase(Locale.ROOT));
        } else {
            b.detail(name, c);
        }
    }

    private Score.Builder parameters(Score.Builder b) {
        return b.detail("windowDays", windowDays).detail("minSignals", minSignals)
                .detail("includeRatings", includeRatings).detail("bootstrapResamples", bootstrap.resamples());
    }

    private String windowText() {
        return ExplanationNumbers.plain(windowDays) + (windowDays == 1 ? " day" : " days");
    }
}
