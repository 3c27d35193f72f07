package dev.partnership.metrics.engagement;

import dev.partnership.Dimension;
import dev.partnership.Interval;
import dev.partnership.PartnerType;
import dev.partnership.Score;
import dev.partnership.SignalKind;
import dev.partnership.Subject;
import dev.partnership.Warning;
import dev.partnership.metrics.stats.Bootstrap;
import dev.partnership.metrics.stats.ExplanationNumbers;
import dev.partnership.metrics.stats.Inequality;
import dev.partnership.metrics.stats.UnitInterval;
import dev.partnership.spi.EvidenceIndex;
import dev.partnership.spi.ScoringContext;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.StrategyResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How evenly participation and contributions are spread across partners and partner types; strategy id
 * {@value #ID}.
 *
 * <p><b>Input.</b> Participation of a partner = the number of signals of any kind it is the source of, at or before
 * {@code asOf}; contribution = the sum of the values of its {@link SignalKind#RESOURCE_SHARED} signals. Every partner
 * of the partnership counts, including those with nothing (a silent partner is exactly what inequality measures).
 *
 * <p><b>Indices</b> ({@link Inequality}): Gini in its population form Σ|xᵢ − xⱼ|/(2n²μ) (Gini 1912) and its
 * small-sample form G·n/(n−1), and Theil's T (Theil 1967), for participation and, when any resource was shared, for
 * contributions. Across partner types, Theil's T splits exactly into a between-type and a within-type part
 * (Shorrocks, A. F. (1980), "The class of additively decomposable inequality measures", <i>Econometrica</i> 48(3),
 * 613–625): T_between = Σ_g (n_g/n)(μ_g/μ) ln(μ_g/μ) over types g with n_g partners and mean μ_g, T_within = T −
 * T_between. A type is <i>under-represented</i> when its share of participation falls short of its share of partners
 * by more than {@code underRepresentationRatio} (default {@value #DEFAULT_UNDER_REPRESENTATION_RATIO}) of that share,
 * i.e. participationShare &lt; (1 − ratio) · partnerShare.
 *
 * <p><b>Intervals.</b> Percentile bootstrap over partners ({@link Bootstrap#percentile}, {@value #RESAMPLES}
 * resamples, seed {@code context.seedFor(id())}): the partners are treated as a sample of the organisations that
 * could have taken part, so the interval says how much the index depends on which partners happen to be in.
 *
 * <p><b>Score</b> (one, PARTNERSHIP): {@code value} = population Gini of participation; {@code normalized} =
 * 1 − Gini, so 1 means perfectly even participation and higher is better (the stated mapping for the ENGAGEMENT
 * summary); {@code interval} the bootstrap interval of the Gini and {@code normalizedInterval} its mirror
 * [1 − high, 1 − low]. Details: {@code partners}, {@code signals}, {@code participationGini},
 * {@code participationGiniSmallSample}, {@code participationTheil} with {@code ...Low}/{@code ...High} bounds,
 * {@code theilBetweenTypes}, {@code theilWithinTypes}, the same for contributions ({@code contribution...}, only when
 * any resource was shared), {@code types} (per type: partners, partnerShare, participation, participationShare,
 * contributionShare, underRepresented), {@code underRepresentedTypes}, {@code underRepresentationRatio}.
 * Fewer than two partners, or no signal at all, gives {@code INSUFFICIENT_EVIDENCE} with a warning: inequality needs
 * at least two parties and something to share out.
 *
 * <p><b>Cost.</b> O(s + B·n log n) for s signals, n partners and B resamples.
 *
 * <p>Immutable and thread-safe; {@link #withUnderRepresentationRatio(double)} returns a copy.
 */
public final class ParticipationEquity implements ScoringStrategy {
    /** The strategy id. */
    public static final String ID = "participation-equity";
    /** Default fraction of its partner share by which a type's participation share must fall short to be flagged. */
    public static final double DEFAULT_UNDER_REPRESENTATION_RATIO = 0.5;
    /** Bootstrap resamples for the intervals. */
    public static final int RESAMPLES = Bootstrap.DEFAULT_RESAMPLES;

    private static final Bootstrap BOOTSTRAP = new Bootstrap(RESAMPLES);

    private final double underRepresentationRatio;

    /** Creates the strategy with the default ratio. */
    public ParticipationEquity() {
        this(DEFAULT_UNDER_REPRESENTATION_RATIO);
    }

    /**
     * Creates the strategy.
     *
     * @param underRepresentationRatio fraction in [0, 1] of a type's partner share by which its participation share
     *                                 must fall short for the type to be flagged
     * @throws IllegalArgumentException when outside [0, 1]
     */
    public ParticipationEquity(double underRepresentationRatio) {
        if (!(underRepresentationRatio >= 0 && underRepresentationRatio <= 1)) {
            throw new IllegalArgumentException("underRepresentationRatio must lie in [0, 1], was "
                    + underRepresentationRatio);
        }
        this.underRepresentationRatio = underRepresentationRatio;
    }

    /**
     * Returns the under-representation ratio.
     *
     * @return the ratio in [0, 1]
     */
    public double underRepresentationRatio() {
        return underRepresentationRatio;
    }

    /**
     * Returns a copy with another under-representation ratio.
     *
     * @param ratio in [0, 1]
     * @return the copy
     */
    public ParticipationEquity withUnderRepresentationRatio(double ratio) {
        return new ParticipationEquity(ratio);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.ENGAGEMENT;
    }

    /**
     * Returns the between-type part of Theil's T: Σ_g (n_g/n)(μ_g/μ) ln(μ_g/μ) (Shorrocks 1980). O(n).
     *
     * @param values non-negative amounts per unit
     * @param groups group index per unit, in [0, groupCount)
     * @param groupCount number of groups
     * @return the between-group part, or {@code NaN} when the values sum to zero or are empty
     */
    public static double theilBetweenGroups(double[] values, int[] groups, int groupCount) {
        if (values.length != groups.length) {
            throw new IllegalArgumentException("values and groups differ in length: " + values.length + " vs "
                    + groups.length);
        }
        int n = values.length;
        double[] sum = new double[groupCount];
        int[] size = new int[groupCount];
        double total = 0;
        for (int i = 0; i < n; i++) {
            sum[groups[i]] += values[i];
            size[groups[i]]++;
            total += values[i];
        }
        if (n == 0 || total == 0) {
            return Double.NaN;
        }
        double mean = total / n;
        double t = 0;
        for (int g = 0; g < groupCount; g++) {
            if (size[g] > 0 && sum[g] > 0) {
                // A subnormal total divided by n can underflow to a mean of 0; shares of the total are then exact.
                double r = mean >= Double.MIN_NORMAL ? sum[g] / size[g] / mean
                        : sum[g] / total * ((double) n / size[g]);
                t += (double) size[g] / n * r * Math.log(r);
            }
        }
        return Math.max(0, t);
    }

    /**
     * Scores the partnership as described in the class documentation.
     *
     * @param context the evidence and evaluation settings
     * @return one PARTNERSHIP score and any warnings
     */
    @Override
    public StrategyResult score(ScoringContext context) {
        EvidenceIndex ev = context.evidence();
        int n = ev.partnerCount();
        double[] participation = new double[n];
        double[] contribution = new double[n];
        int signals = ev.signalCount();
        int resourceSignals = 0;
        for (int i = 0; i < signals; i++) {
            int source = ev.signalSource(i);
            participation[source]++;
            if (ev.signalKind(i) == SignalKind.RESOURCE_SHARED) {
                contribution[source] += ev.signalValue(i);
                resourceSignals++;
            }
        }
        Score.Builder b = Score.builder(ID, Dimension.ENGAGEMENT, Subject.partnership())
                .detail("partners", n).detail("signals", signals)
                .detail("underRepresentationRatio", underRepresentationRatio);
        List<Warning> warnings = new ArrayList<>();
        if (n < 2 || signals == 0) {
            String reason = n < 2
                    ? "Inequality of participation needs at least two partners; the partnership has " + n + "."
                    : "No partner sent any engagement signal, so there is no participation to compare.";
            warnings.add(new Warning(Warning.INSUFFICIENT_EVIDENCE, ID, "participation equity: " + reason));
            return new StrategyResult(List.of(b.insufficient(reason).explanation(reason).n(signals).build()),
                    warnings);
        }

        double level = context.confidenceLevel();
        long seed = context.seedFor(ID);
        int[] typeOf = new int[n];
        TreeMap<PartnerType, Integer> typeIndex = new TreeMap<>();
        for (int p = 0; p < n; p++) {
            typeIndex.putIfAbsent(ev.partnerType(p), 0);
        }
        PartnerType[] types = typeIndex.keySet().toArray(PartnerType[]::new);
        for (int g = 0; g < types.length; g++) {
            typeIndex.put(types[g], g);
        }
        for (int p = 0; p < n; p++) {
            typeOf[p] = typeIndex.get(ev.partnerType(p));
        }

        double gini = Inequality.gini(participation);
        double theil = Inequality.theil(participation);
        Interval giniInterval = describe(b, "participation", participation, typeOf, types.length, level, seed);

        double totalContribution = 0;
        for (double c : contribution) {
            totalContribution += c;
        }
        boolean contributions = totalContribution > 0;
        if (contributions) {
            describe(b, "contribution", contribution, typeOf, types.length, level, seed);
        } else {
            b.detail("contributionNote", resourceSignals == 0 ? "no resource was shared"
                    : "resources were shared with value 0 only");
        }

        double[] typeParticipation = new double[types.length];
        double[] typeContribution = new double[types.length];
        int[] typePartners = new int[types.length];
        for (int p = 0; p < n; p++) {
            typeParticipation[typeOf[p]] += participation[p];
            typeContribution[typeOf[p]] += contribution[p];
            typePartners[typeOf[p]]++;
        }
        Map<String, Object> typeDetails = new LinkedHashMap<>();
        List<Object> underRepresented = new ArrayList<>();
        List<String> underText = new ArrayList<>();
        for (int g = 0; g < types.length; g++) {
            double partnerShare = (double) typePartners[g] / n;
            double participationShare = typeParticipation[g] / signals;
            boolean under = participationShare < (1 - underRepresentationRatio) * partnerShare;
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("partners", typePartners[g]);
            t.put("partnerShare", partnerShare);
            t.put("participation", typeParticipation[g]);
            t.put("participationShare", participationShare);
            if (contributions) {
                t.put("contributionShare", typeContribution[g] / totalContribution);
            }
            t.put("underRepresented", under);
            typeDetails.put(types[g].name(), t);
            if (under) {
                underRepresented.add(types[g].name());
                underText.add(types[g].name() + " (" + ExplanationNumbers.percent(participationShare)
                        + " of participation, " + ExplanationNumbers.percent(partnerShare) + " of partners)");
            }
        }
        b.detail("types", typeDetails).detail("underRepresentedTypes", underRepresented);

        b.value(gini).normalized(UnitInterval.clamp(1 - gini)).n(n);
        if (giniInterval != null) {
            b.interval(giniInterval).normalizedInterval(complement(giniInterval));
        }
        String intervalText = giniInterval == null ? ""
                : String.format(Locale.ROOT, " (%s bootstrap interval over partners %.2f to %.2f)",
                ExplanationNumbers.level(level), giniInterval.low(), giniInterval.high());
        String underSentence = underText.isEmpty()
                ? " No partner type is under-represented."
                : " Under-represented partner types: " + String.join("; ", underText) + ".";
        b.explanation(String.format(Locale.ROOT,
                "Participation across the %d partners has a Gini coefficient of %.2f%s and a Theil index of %.2f; "
                        + "1 - Gini = %.2f, where 1 would mean every partner took part equally.%s",
                n, gini, intervalText, theil, 1 - gini, underSentence));
        return new StrategyResult(List.of(b.build()), warnings);
    }

    /**
     * Adds the indices of one quantity with their bootstrap bounds to the details; returns the Gini interval.
     */
    private static Interval describe(Score.Builder b, String prefix, double[] x, int[] typeOf, int typeCount,
                                     double level, long seed) {
        double gini = Inequality.gini(x);
        double theil = Inequality.theil(x);
        double between = theilBetweenGroups(x, typeOf, typeCount);
        b.detail(prefix + "Gini", gini)
                .detail(prefix + "GiniSmallSample", Inequality.giniSmallSample(x))
                .detail(prefix + "Theil", theil)
                .detail(prefix + "TheilBetweenTypes", between)
                .detail(prefix + "TheilWithinTypes", Math.max(0, theil - between));
        Interval giniInterval = BOOTSTRAP.percentile(x.length, s -> Inequality.gini(resample(x, s)), level, seed)
                .interval();
        Interval theilInterval = BOOTSTRAP.percentile(x.length, s -> Inequality.theil(resample(x, s)), level, seed)
                .interval();
        if (giniInterval != null) {
            b.detail(prefix + "GiniLow", giniInterval.low()).detail(prefix + "GiniHigh", giniInterval.high());
        }
        if (theilInterval != null) {
            b.detail(prefix + "TheilLow", theilInterval.low()).detail(prefix + "TheilHigh", theilInterval.high());
        }
        return giniInterval;
    }

    /** Returns the interval of 1 − x for an interval of an index x on [0, 1]: [1 − high, 1 − low]. */
    static Interval complement(Interval interval) {
        return new Interval(UnitInterval.clamp(1 - interval.high()), UnitInterval.clamp(1 - interval.low()),
                interval.level());
    }

    /** Returns the values of a bootstrap sample's units. */
    static double[] resample(double[] x, int[] sample) {
        double[] out = new double[sample.length];
        for (int i = 0; i < sample.length; i++) {
            out[i] = x[sample[i]];
        }
        return out;
    }
}
