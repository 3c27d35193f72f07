package dev.partnership.metrics.engagement;

import dev.partnership.Dimension;
import dev.partnership.Interval;
import dev.partnership.Partner;
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
 * Resources given and received between partners, the partnership's dependence on few funders, and free riders;
 * strategy id {@value #ID}.
 *
 * <p><b>Input.</b> {@link SignalKind#RESOURCE_SHARED} signals at or before {@code asOf}; the signal's value is the
 * amount. The source <i>gives</i> it; the target, when there is one, <i>receives</i> it. A signal toward the whole
 * partnership (no target) is given to the common pool and received by nobody. Per partner: given, received,
 * balance = given − received, share of the pool given = given / Σ given, share of benefits received = received /
 * Σ received (only when something was received by a named partner).
 *
 * <p><b>Dependence</b> is the Herfindahl–Hirschman index of contributions, H = Σ sᵢ² over the partners' shares of the
 * pool (Herfindahl 1950; Hirschman 1945), on [1/k, 1] for k contributors. A {@value #SINGLE_FUNDER_DEPENDENCE} warning
 * is raised when one partner gives more than {@code dependenceShare} (default {@value #DEFAULT_DEPENDENCE_SHARE}) of
 * the pool or when H exceeds {@code dependenceHhi} (default {@value #DEFAULT_DEPENDENCE_HHI}, the level above which the
 * U.S. Department of Justice and FTC 2010 Horizontal Merger Guidelines call a market highly concentrated).
 * <i>Free riders</i> are partners who received something but gave nothing ({@value #FREE_RIDERS} warning).
 *
 * <p><b>Capacity.</b> When a partner has the attribute {@value #CAPACITY_ATTRIBUTE} holding a positive finite number
 * (in the same unit as the amounts, e.g. an annual budget), its contribution relative to capacity, given / capacity,
 * is reported. A capacity that is not such a number is never silently ignored: an {@value #INVALID_CAPACITY} warning
 * names the partner and the value.
 *
 * <p><b>Scores.</b>
 * <ul>
 *   <li>PARTNERSHIP: {@code value} = H; {@code normalized} = 1 − H, the diversity of funding (1 − H = 0 when one
 *       partner gives everything, near 1 when many give alike; this is the stated mapping for the ENGAGEMENT summary);
 *       {@code interval} the percentile bootstrap of H over the contributing partners ({@value #RESAMPLES} resamples,
 *       seed {@code context.seedFor(id())}), {@code normalizedInterval} its mirror. Details {@code pool},
 *       {@code givenToPool}, {@code received}, {@code contributors}, {@code resourceSignals}, {@code topContributor},
 *       {@code topShare}, {@code freeRiders}, {@code dependent}, {@code dependenceShare}, {@code dependenceHhi} and,
 *       when any partner has a valid capacity, {@code givenPerCapacity} (partner → ratio).</li>
 *   <li>Per partner, every partner of the partnership in id order: {@code value} = share of the pool given, no
 *       {@code normalized} (a share is not a level of engagement); details {@code given}, {@code received},
 *       {@code balance}, {@code shareReceived} (when anything was received), {@code givenToPool}, {@code signals},
 *       {@code capacity} and {@code givenPerCapacity} when valid. No interval: the amounts are recorded, not
 *       sampled.</li>
 * </ul>
 * No {@code RESOURCE_SHARED} signal, or only signals of amount 0, gives a partnership score
 * {@code INSUFFICIENT_EVIDENCE} with a warning and no partner scores.
 *
 * <p><b>Cost.</b> O(s + P + B·k log k) for s signals, P partners, k contributors and B resamples.
 *
 * <p>Immutable and thread-safe; {@link #withDependenceShare(double)} and {@link #withDependenceHhi(double)} return
 * copies.
 */
public final class ResourceExchange implements ScoringStrategy {
    /** The strategy id. */
    public static final String ID = "resource-exchange";
    /** Warning code: the partnership depends on one or few funders. */
    public static final String SINGLE_FUNDER_DEPENDENCE = "SINGLE_FUNDER_DEPENDENCE";
    /** Warning code: partners received resources but gave none. */
    public static final String FREE_RIDERS = "FREE_RIDERS";
    /** Warning code: a partner's capacity attribute is not a positive finite number. */
    public static final String INVALID_CAPACITY = "INVALID_CAPACITY";
    /** The partner attribute holding its capacity to contribute. */
    public static final String CAPACITY_ATTRIBUTE = "capacity";
    /** Default share of the pool above which one partner's giving makes the partnership dependent on it. */
    public static final double DEFAULT_DEPENDENCE_SHARE = 0.5;
    /** Default HHI above which contributions count as concentrated. */
    public static final double DEFAULT_DEPENDENCE_HHI = 0.25;
    /** Bootstrap resamples for the interval of the HHI. */
    public static final int RESAMPLES = Bootstrap.DEFAULT_RESAMPLES;

    private static final Bootstrap BOOTSTRAP = new Bootstrap(RESAMPLES);

    private final double dependenceShare;
    private final double dependenceHhi;

    /** Creates the strategy with the default thresholds. */
    public ResourceExchange() {
        this(DEFAULT_DEPENDENCE_SHARE, DEFAULT_DEPENDENCE_HHI);
    }

    /**
     * Creates the strategy.
     *
     * @param dependenceShare share of the pool in [0, 1] above which one giver makes the partnership dependent
     * @param dependenceHhi   HHI in [0, 1] above which contributions count as concentrated
     * @throws IllegalArgumentException when either is outside [0, 1]
     */
    public ResourceExchange(double dependenceShare, double dependenceHhi) {
        if (!(dependenceShare >= 0 && dependenceShare <= 1)) {
            throw new IllegalArgumentException("dependenceShare must lie in [0, 1], was " + dependenceShare);
        }
        if (!(dependenceHhi >= 0 && dependenceHhi <= 1)) {
            throw new IllegalArgumentException("dependenceHhi must lie in [0, 1], was " + dependenceHhi);
        }
        this.dependenceShare = dependenceShare;
        this.dependenceHhi = dependenceHhi;
    }

    /**
     * Returns the share of the pool above which one giver makes the partnership dependent.
     *
     * @return the share
     */
    public double dependenceShare() {
        return dependenceShare;
    }

    /**
     * Returns the HHI above which contributions count as concentrated.
     *
     * @return the threshold
     */
    public double dependenceHhi() {
        return dependenceHhi;
    }

    /**
     * Returns a copy with another dependence share.
     *
     * @param share in [0, 1]
     * @return the copy
     */
    public ResourceExchange withDependenceShare(double share) {
        return new ResourceExchange(share, dependenceHhi);
    }

    /**
     * Returns a copy with another HHI threshold.
     *
     * @param hhi in [0, 1]
     * @return the copy
     */
    public ResourceExchange withDependenceHhi(double hhi) {
        return new ResourceExchange(dependenceShare, hhi);
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
     * Scores the partnership and every partner as described in the class documentation.
     *
     * @param context the evidence and evaluation settings
     * @return the partnership score, then one score per partner; warnings for dependence, free riders, capacities
     */
    @Override
    public StrategyResult score(ScoringContext context) {
        EvidenceIndex ev = context.evidence();
        int n = ev.partnerCount();
        double[] given = new double[n];
        double[] received = new double[n];
        double[] toPool = new double[n];
        int[] signalsBy = new int[n];
        int resourceSignals = 0;
        for (int i = 0, count = ev.signalCount(); i < count; i++) {
            if (ev.signalKind(i) != SignalKind.RESOURCE_SHARED) {
                continue;
            }
            resourceSignals++;
            int source = ev.signalSource(i);
            int target = ev.signalTarget(i);
            double amount = ev.signalValue(i);
            given[source] += amount;
            signalsBy[source]++;
            if (target == EvidenceIndex.NONE) {
                toPool[source] += amount;
            } else {
                received[target] += amount;
            }
        }
        double pool = 0;
        double totalReceived = 0;
        double totalToPool = 0;
        for (int p = 0; p < n; p++) {
            pool += given[p];
            totalReceived += received[p];
            totalToPool += toPool[p];
        }
        List<Warning> warnings = new ArrayList<>();
        Score.Builder b = Score.builder(ID, Dimension.ENGAGEMENT, Subject.partnership())
                .detail("resourceSignals", resourceSignals)
                .detail("dependenceShare", dependenceShare).detail("dependenceHhi", dependenceHhi);
        if (pool == 0) {
            String reason = resourceSignals == 0
                    ? "No partner recorded sharing a resource, so there is no exchange to describe."
                    : "Resources were recorded only with amount 0, so there is no exchange to describe.";
            warnings.add(new Warning(Warning.INSUFFICIENT_EVIDENCE, ID, "resource exchange: " + reason));
            return new StrategyResult(List.of(b.insufficient(reason).explanation(reason).n(resourceSignals).build()),
                    warnings);
        }

        // Capacities, checked for every partner so that a bad value is reported even for a partner who gave nothing.
        Map<String, Partner> partners = new TreeMap<>();
        for (Partner p : context.partnership().partners()) {
            partners.put(p.id(), p);
        }
        double[] capacity = new double[n];
        for (int p = 0; p < n; p++) {
            capacity[p] = Double.NaN;
            Partner partner = partners.get(ev.partnerId(p));
            String raw = partner == null ? null : partner.attributes().get(CAPACITY_ATTRIBUTE);
            if (raw == null) {
                continue;
            }
            double c = parseCapacity(raw);
            if (Double.isNaN(c)) {
                warnings.add(new Warning(INVALID_CAPACITY, ID, String.format(Locale.ROOT,
                        "partner '%s' has capacity '%s', which is not a positive finite number; its contribution "
                                + "relative to capacity is not reported", ev.partnerId(p), raw)));
            } else {
                capacity[p] = c;
            }
        }

        int contributors = 0;
        int top = -1;
        List<Object> freeRiders = new ArrayList<>();
        Map<String, Object> perCapacity = new LinkedHashMap<>();
        for (int p = 0; p < n; p++) {
            if (given[p] > 0) {
                contributors++;
                if (top < 0 || given[p] > given[top]) {
                    top = p;
                }
            } else if (received[p] > 0) {
                freeRiders.add(ev.partnerId(p));
            }
            if (!Double.isNaN(capacity[p])) {
                perCapacity.put(ev.partnerId(p), given[p] / capacity[p]);
            }
        }
        double[] contributions = new double[contributors];
        for (int p = 0, k = 0; p < n; p++) {
            if (given[p] > 0) {
                contributions[k++] = given[p];
            }
        }
        double hhi = Inequality.herfindahlHirschman(contributions);
        double topShare = given[top] / pool;
        String topId = ev.partnerId(top);
        boolean dependent = topShare > dependenceShare || hhi > dependenceHhi;
        if (dependent) {
            warnings.add(new Warning(SINGLE_FUNDER_DEPENDENCE, ID, String.format(Locale.ROOT,
                    "the partnership depends on few funders: %s gives %s of the pool (threshold %s) and the HHI of "
                            + "contributions is %.3f (threshold %s)", topId, ExplanationNumbers.percent(topShare),
                    ExplanationNumbers.percent(dependenceShare), hhi, ExplanationNumbers.plain(dependenceHhi))));
        }
        if (!freeRiders.isEmpty()) {
            warnings.add(new Warning(FREE_RIDERS, ID, String.format(Locale.ROOT,
                    "%d partner%s received resources but gave none: %s", freeRiders.size(),
                    freeRiders.size() == 1 ? "" : "s", String.join(", ", freeRiders.stream().map(Object::toString)
                            .toList()))));
        }

        double level = context.confidenceLevel();
        Interval interval = BOOTSTRAP.percentile(contributors,
                s -> Inequality.herfindahlHirschman(ParticipationEquity.resample(contributions, s)), level,
                context.seedFor(ID)).interval();
        b.value(hhi).normalized(UnitInterval.clamp(1 - hhi)).n(contributors)
                .detail("pool", pool).detail("givenToPool", totalToPool).detail("received", totalReceived)
                .detail("contributors", contributors).detail("hhi", hhi)
                .detail("topContributor", topId).detail("topShare", topShare)
                .detail("freeRiders", freeRiders).detail("dependent", dependent);
        if (!perCapacity.isEmpty()) {
            b.detail("givenPerCapacity", perCapacity);
        }
        if (interval != null) {
            b.interval(interval).normalizedInterval(ParticipationEquity.complement(interval));
        }
        String intervalText = interval == null ? ""
                : String.format(Locale.ROOT, " (%s bootstrap interval over contributors %.2f to %.2f)",
                ExplanationNumbers.level(level), interval.low(), interval.high());
        b.explanation(String.format(Locale.ROOT,
                "%d partner%s contributed a pool of %s; %s gave the largest share (%s). The HHI of contributions is "
                        + "%.2f%s, so the diversity of funding 1 - HHI is %.2f%s%s",
                contributors, contributors == 1 ? "" : "s", ExplanationNumbers.plain(pool), topId,
                ExplanationNumbers.percent(topShare), hhi, intervalText, 1 - hhi,
                dependent ? ": the partnership depends on few funders." : ".",
                freeRiders.isEmpty() ? "" : " Free riders (received, gave nothing): " + String.join(", ",
                        freeRiders.stream().map(Object::toString).toList()) + "."));

        List<Score> scores = new ArrayList<>(1 + n);
        scores.add(b.build());
        for (int p = 0; p < n; p++) {
            scores.add(partnerScore(ev.partnerId(p), given[p], received[p], toPool[p], signalsBy[p], capacity[p],
                    pool, totalReceived));
        }
        return new StrategyResult(scores, warnings);
    }

    private static Score partnerScore(String id, double given, double received, double toPool, int signals,
                                      double capacity, double pool, double totalReceived) {
        double share = given / pool;
        Score.Builder b = Score.builder(ID, Dimension.ENGAGEMENT, Subject.partner(id))
                .value(share).n(signals)
                .detail("given", given).detail("received", received).detail("balance", given - received)
                .detail("givenToPool", toPool).detail("signals", signals);
        String receivedText;
        if (totalReceived > 0) {
            b.detail("shareReceived", received / totalReceived);
            receivedText = "received " + ExplanationNumbers.plain(received) + " ("
                    + ExplanationNumbers.percent(received / totalReceived) + " of what partners received)";
        } else {
            receivedText = "received nothing (all resources went to the common pool)";
        }
        String capacityText = "";
        if (!Double.isNaN(capacity)) {
            b.detail("capacity", capacity).detail("givenPerCapacity", given / capacity);
            capacityText = " It gave " + ExplanationNumbers.percent(given / capacity) + " of its stated capacity.";
        }
        String role = given == 0 && received > 0 ? " It received without giving (a free rider)." : "";
        return b.explanation(id + " gave " + ExplanationNumbers.plain(given) + " ("
                + ExplanationNumbers.percent(share) + " of the pool) and " + receivedText + ", a balance of "
                + ExplanationNumbers.plain(given - received) + "." + role + capacityText).build();
    }

    /** Returns the capacity as a positive finite number, or {@code NaN} when the text is not one. */
    private static double parseCapacity(String raw) {
        try {
            double c = Double.parseDouble(raw.strip());
            return Double.isFinite(c) && c > 0 ? c : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
