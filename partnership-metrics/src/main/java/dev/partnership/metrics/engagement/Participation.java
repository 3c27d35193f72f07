package dev.partnership.metrics.engagement;

import dev.partnership.Dimension;
import dev.partnership.Interval;
import dev.partnership.Score;
import dev.partnership.Subject;
import dev.partnership.Warning;
import dev.partnership.metrics.stats.ExplanationNumbers;
import dev.partnership.metrics.stats.WilsonInterval;
import dev.partnership.spi.EvidenceIndex;
import dev.partnership.spi.ScoringContext;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.StrategyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Participation of each partner (meeting attendance, responsiveness to requests, recent activity) and the share
 * of active partners; strategy id {@value #ID}.
 *
 * <p><b>Per partner</b> (subject {@code Subject.partner}), from the signals at or before asOf of which the partner
 * is the source, counting occurrences (a signal's {@code value} is ignored):
 * <ul>
 *   <li>attendance rate {@code A = attended / (attended + missed)} over MEETING_ATTENDED and MEETING_MISSED;</li>
 *   <li>responsiveness {@code R = answered / (answered + ignored)} over REQUEST_ANSWERED and REQUEST_IGNORED;</li>
 *   <li>each with the Wilson score interval at the context's level ({@link WilsonInterval}; Wilson 1927, method 3
 *       of Newcombe 1998, <i>Statistics in Medicine</i> 17:857–872);</li>
 *   <li>activity: {@code recentActivity} = the partner's signals in the window (asOf − activeWindowDays, asOf];
 *       {@code earlierRate} = its signals before the window per 90 days of earlier evidence, the earlier evidence
 *       running from the partnership's start (or the first signal, if earlier) to the window's start;
 *       {@code activityRatio} = (recentActivity per 90 days of window) / earlierRate, reported only where
 *       earlierRate &gt; 0.</li>
 * </ul>
 * The score's value and normalized value are the attendance rate and its interval the Wilson interval; the
 * responsiveness and its interval are details. A partner without meeting signals is INSUFFICIENT_EVIDENCE (its
 * responsiveness, when defined, and its activity are still reported in the details).
 *
 * <p><b>Partnership</b>: a partner is active when it is the source of at least {@code minActiveSignals} signals in
 * the window. Value = normalized = share of active partners, with the Wilson interval over the partners; details
 * {@code inactivePartners} (ids, sorted), {@code meanAttendance} (unweighted mean of the defined attendance rates).
 * A {@value #INACTIVE_PARTNERS} warning names the inactive partners. No signal at all at or before asOf gives
 * INSUFFICIENT_EVIDENCE. Adding a signal never lowers a partner's activity count (counts only grow).
 *
 * <p>Cost O(s + p) for s signals and p partners. Immutable and thread-safe; {@code withX} returns a copy.
 */
public final class Participation implements ScoringStrategy {
    /** The strategy id. */
    public static final String ID = "participation";
    /** Warning code naming the partners without enough signals in the window. */
    public static final String INACTIVE_PARTNERS = "INACTIVE_PARTNERS";
    /** Default length of the activity window, in days. */
    public static final double DEFAULT_ACTIVE_WINDOW_DAYS = 90.0;
    /** Default number of signals in the window that make a partner active. */
    public static final long DEFAULT_MIN_ACTIVE_SIGNALS = 1;

    private static final double DAY_MILLIS = 86_400_000.0;
    private static final double RATE_DAYS = 90.0;

    private final double activeWindowDays;
    private final long minActiveSignals;

    /** Creates the strategy with the defaults. */
    public Participation() {
        this(DEFAULT_ACTIVE_WINDOW_DAYS, DEFAULT_MIN_ACTIVE_SIGNALS);
    }

    /**
     * Creates the strategy.
     *
     * @param activeWindowDays length of the activity window in days, finite and {@code > 0}
     * @param minActiveSignals signals in the window that make a partner active, {@code >= 1}
     * @throws IllegalArgumentException when a parameter is out of range
     */
    public Participation(double activeWindowDays, long minActiveSignals) {
        if (!(activeWindowDays > 0) || !Double.isFinite(activeWindowDays)) {
            throw new IllegalArgumentException("activeWindowDays must be finite and > 0, was " + activeWindowDays);
        }
        if (minActiveSignals < 1) {
            throw new IllegalArgumentException("minActiveSignals must be >= 1, was " + minActiveSignals);
        }
        this.activeWindowDays = activeWindowDays;
        this.minActiveSignals = minActiveSignals;
    }

    /**
     * Returns a copy with another activity window.
     *
     * @param days window length in days, finite and {@code > 0}
     * @return the copy
     */
    public Participation withActiveWindowDays(double days) {
        return new Participation(days, minActiveSignals);
    }

    /**
     * Returns a copy with another activity threshold.
     *
     * @param count signals in the window that make a partner active, {@code >= 1}
     * @return the copy
     */
    public Participation withMinActiveSignals(long count) {
        return new Participation(activeWindowDays, count);
    }

    /**
     * Returns the activity window.
     *
     * @return days
     */
    public double activeWindowDays() {
        return activeWindowDays;
    }

    /**
     * Returns the activity threshold.
     *
     * @return signals
     */
    public long minActiveSignals() {
        return minActiveSignals;
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
     * One partner's counts of occurrences.
     *
     * @param attended       MEETING_ATTENDED signals
     * @param missed         MEETING_MISSED signals
     * @param answered       REQUEST_ANSWERED signals
     * @param ignored        REQUEST_IGNORED signals
     * @param recentActivity signals of any kind in the window
     * @param earlier        signals of any kind before the window
     */
    public record Tally(long attended, long missed, long answered, long ignored, long recentActivity, long earlier) {
        /** Validates the components: all counts {@code >= 0}. */
        public Tally {
            if (attended < 0 || missed < 0 || answered < 0 || ignored < 0 || recentActivity < 0 || earlier < 0) {
                throw new IllegalArgumentException("counts must be >= 0");
            }
        }
    }

    /**
     * Counts, for every partner (in the index's partner order), the signals at or before asOf of which it is the
     * source. O(s + p).
     *
     * @param evidence         the evidence
     * @param windowStartMillis start of the activity window (exclusive), epoch milliseconds
     * @return one tally per partner
     */
    public static List<Tally> tally(EvidenceIndex evidence, long windowStartMillis) {
        int p = evidence.partnerCount();
        long[][] c = new long[p][6];
        for (int i = 0; i < evidence.signalCount(); i++) {
            long[] row = c[evidence.signalSource(i)];
            switch (evidence.signalKind(i)) {
                case MEETING_ATTENDED -> row[0]++;
                case MEETING_MISSED -> row[1]++;
                case REQUEST_ANSWERED -> row[2]++;
                case REQUEST_IGNORED -> row[3]++;
                default -> {
                    // Other kinds count toward activity only.
                }
            }
            if (evidence.signalAt(i) > windowStartMillis) {
                row[4]++;
            } else {
                row[5]++;
            }
        }
        List<Tally> out = new ArrayList<>(p);
        for (long[] row : c) {
            out.add(new Tally(row[0], row[1], row[2], row[3], row[4], row[5]));
        }
        return out;
    }

    @Override
    public StrategyResult score(ScoringContext context) {
        EvidenceIndex e = context.evidence();
        double level = context.confidenceLevel();
        long asOf = e.asOfMillis();
        long windowStart = asOf - Math.round(activeWindowDays * DAY_MILLIS);
        long evidenceStart = context.partnership().start().toEpochMilli();
        if (e.signalCount() > 0) {
            evidenceStart = Math.min(evidenceStart, e.signalAt(0));
        }
        double earlierDays = (windowStart - evidenceStart) / DAY_MILLIS;
        List<Tally> tallies = tally(e, windowStart);
        List<Score> scores = new ArrayList<>();
        List<String> inactive = new ArrayList<>();
        double attendanceSum = 0;
        int attendanceCount = 0;
        for (int p = 0; p < e.partnerCount(); p++) {
            String id = e.partnerId(p);
            Tally t = tallies.get(p);
            Score.Builder b = Score.builder(ID, Dimension.ENGAGEMENT, Subject.partner(id));
            long meetings = t.attended() + t.missed();
            long requests = t.answered() + t.ignored();
            b.detail("attended", t.attended()).detail("missed", t.missed());
            b.detail("answered", t.answered()).detail("ignored", t.ignored());
            String responsiveText = "";
            if (requests > 0) {
                WilsonInterval r = WilsonInterval.of(t.answered(), requests, level);
                b.detail("responsiveness", r.proportion());
                b.detail("responsivenessLow", r.interval().low()).detail("responsivenessHigh", r.interval().high());
                responsiveText = String.format(Locale.ROOT, "; it answered %d of %d requests (%s)", t.answered(),
                        requests, ExplanationNumbers.percent(r.proportion()));
            }
            b.detail("recentActivity", t.recentActivity()).detail("earlierSignals", t.earlier());
            if (earlierDays > 0) {
                double earlierRate = t.earlier() * RATE_DAYS / earlierDays;
                b.detail("earlierRate", earlierRate);
                if (earlierRate > 0) {
                    b.detail("activityRatio", t.recentActivity() * RATE_DAYS / activeWindowDays / earlierRate);
                }
            }
            if (t.recentActivity() < minActiveSignals) {
                inactive.add(id);
            }
            if (meetings == 0) {
                b.insufficient("no MEETING_ATTENDED or MEETING_MISSED signal from " + id)
                        .explanation(id + " has no meeting attendance on record" + responsiveText + ".");
            } else {
                WilsonInterval a = WilsonInterval.of(t.attended(), meetings, level);
                attendanceSum += a.proportion();
                attendanceCount++;
                b.value(a.proportion()).normalized(a.proportion()).interval(a.interval())
                        .normalizedInterval(a.interval()).n(meetings)
                        .explanation(String.format(Locale.ROOT,
                                "%s attended %d of %d meetings (%s, %s interval %s to %s)%s; %d signals in the last "
                                        + "%s days.", id, t.attended(), meetings,
                                ExplanationNumbers.percent(a.proportion()), ExplanationNumbers.level(level),
                                ExplanationNumbers.percent(a.interval().low()),
                                ExplanationNumbers.percent(a.interval().high()), responsiveText, t.recentActivity(),
                                ExplanationNumbers.plain(activeWindowDays)));
            }
            scores.add(b.build());
        }
        List<Warning> warnings = new ArrayList<>();
        Score.Builder b = Score.builder(ID, Dimension.ENGAGEMENT, Subject.partnership());
        b.detail("activeWindowDays", activeWindowDays).detail("minActiveSignals", minActiveSignals);
        if (e.partnerCount() == 0 || e.signalCount() == 0) {
            b.insufficient("no engagement signal at or before asOf")
                    .explanation("No partner has any engagement signal yet, so participation cannot be judged.");
        } else {
            int partners = e.partnerCount();
            int active = partners - inactive.size();
            WilsonInterval share = WilsonInterval.of(active, partners, level);
            Interval interval = share.interval();
            b.value(share.proportion()).normalized(share.proportion()).interval(interval)
                    .normalizedInterval(interval).n(partners);
            b.detail("activePartners", active).detail("partners", partners)
                    .detail("inactivePartners", List.copyOf(inactive));
            if (attendanceCount > 0) {
                b.detail("meanAttendance", attendanceSum / attendanceCount);
            }
            b.explanation(String.format(Locale.ROOT,
                    "%d of %d partners (%s, %s interval %s to %s) were the source of at least %d signal(s) in the "
                            + "last %s days%s.", active, partners, ExplanationNumbers.percent(share.proportion()),
                    ExplanationNumbers.level(level), ExplanationNumbers.percent(interval.low()),
                    ExplanationNumbers.percent(interval.high()), minActiveSignals,
                    ExplanationNumbers.plain(activeWindowDays),
                    inactive.isEmpty() ? "" : "; inactive: " + String.join(", ", inactive)));
            if (!inactive.isEmpty()) {
                warnings.add(new Warning(INACTIVE_PARTNERS, ID, String.format(Locale.ROOT,
                        "%d partner(s) had fewer than %d signal(s) in the last %s days: %s", inactive.size(),
                        minActiveSignals, ExplanationNumbers.plain(activeWindowDays), String.join(", ", inactive))));
            }
        }
        scores.add(b.build());
        return new StrategyResult(scores, warnings);
    }
}
