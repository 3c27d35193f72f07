package dev.partnership.metrics.engagement;

import dev.partnership.Dimension;
import dev.partnership.Interval;
import dev.partnership.Score;
import dev.partnership.SignalKind;
import dev.partnership.Subject;
import dev.partnership.Warning;
import dev.partnership.metrics.stats.Bootstrap;
import dev.partnership.metrics.stats.ExplanationNumbers;
import dev.partnership.metrics.stats.UnitInterval;
import dev.partnership.spi.EvidenceIndex;
import dev.partnership.spi.ScoringContext;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.StrategyResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The regularity of the partnership's meetings and information sharing, and how often conflicts arise and get
 * resolved; strategy id {@value #ID}.
 *
 * <p><b>Event days.</b> A kind's events are the distinct UTC calendar days (epoch day {@code ⌊t / 86 400 000 ms⌋})
 * with at least one signal of that kind at or before asOf: several partners attending one meeting make one event
 * day. For MEETING_ATTENDED and INFORMATION_SHARED separately: the gaps {@code gᵢ = dᵢ₊₁ − dᵢ} in days between
 * consecutive event days; their coefficient of variation {@code CV = σ / ḡ} with the <em>population</em> standard
 * deviation {@code σ = √(Σ(gᵢ − ḡ)² / k)} over the k gaps (the sample form, divisor k − 1, is reported as
 * {@code cvSample}); the longest silence {@code max(maxᵢ gᵢ, asOfDay − d_last)} in days; and the share of gaps longer
 * than 1.5 × {@code expectedMeetingDays}. Days (0,7,14,21,28,35) give CV 0; (0,7,14,60,61,90) give CV 0.9414986740
 * (sample form 1.0526275179).
 *
 * <p><b>Conflicts.</b> {@code conflictsPer90Days} = CONFLICT signals × 90 / days of evidence (from the
 * partnership's start, or the first signal if earlier, to asOf). A conflict between source s and target t is
 * resolved when a CONFLICT_RESOLVED signal between the same two partners, in either direction, falls at or after it
 * and at most {@code resolutionWindowDays} later; a conflict without a target is resolved by a CONFLICT_RESOLVED
 * without a target from the same source. One resolution may settle several such conflicts. Conflicts whose window
 * has not closed by asOf count as unresolved so far.
 *
 * <p><b>Score</b> (PARTNERSHIP): value = normalized = meeting regularity {@code 1 / (1 + CV)} of the meeting gaps,
 * in (0, 1], 1 = perfectly regular. Interval: the percentile bootstrap ({@link Bootstrap}, Efron &amp; Tibshirani
 * 1993, ch. 13; {@value Bootstrap#DEFAULT_RESAMPLES} resamples, seed {@code context.seedFor(id())}) of the gaps,
 * each replicate mapped through the same {@code 1 / (1 + CV)}. Fewer than 3 meeting days (2 gaps) give
 * INSUFFICIENT_EVIDENCE. The details carry every figure above.
 *
 * <p>Cost O(s log s + B·k) for s signals, B resamples and k gaps. Immutable and thread-safe; {@code withX} returns
 * a copy.
 */
public final class CommunicationCadence implements ScoringStrategy {
    /** The strategy id. */
    public static final String ID = "communication-cadence";
    /** Default expected days between meetings. */
    public static final double DEFAULT_EXPECTED_MEETING_DAYS = 30.0;
    /** Default days within which a conflict counts as resolved. */
    public static final double DEFAULT_RESOLUTION_WINDOW_DAYS = 60.0;
    /** A gap longer than this multiple of the expected cadence counts as overdue. */
    public static final double OVERDUE_FACTOR = 1.5;
    /** Minimum number of distinct meeting days for a score. */
    public static final int MIN_EVENT_DAYS = 3;

    private static final long DAY_MILLIS = 86_400_000L;
    private static final double RATE_DAYS = 90.0;

    private final double expectedMeetingDays;
    private final double resolutionWindowDays;

    /** Creates the strategy with the defaults. */
    public CommunicationCadence() {
        this(DEFAULT_EXPECTED_MEETING_DAYS, DEFAULT_RESOLUTION_WINDOW_DAYS);
    }

    /**
     * Creates the strategy.
     *
     * @param expectedMeetingDays  expected days between meetings, finite and {@code > 0}
     * @param resolutionWindowDays days within which a conflict counts as resolved, finite and {@code >= 0}
     * @throws IllegalArgumentException when a parameter is out of range
     */
    public CommunicationCadence(double expectedMeetingDays, double resolutionWindowDays) {
        if (!(expectedMeetingDays > 0) || !Double.isFinite(expectedMeetingDays)) {
            throw new IllegalArgumentException("expectedMeetingDays must be finite and > 0, was "
                    + expectedMeetingDays);
        }
        if (!(resolutionWindowDays >= 0) || !Double.isFinite(resolutionWindowDays)) {
            throw new IllegalArgumentException("resolutionWindowDays must be finite and >= 0, was "
                    + resolutionWindowDays);
        }
        this.expectedMeetingDays = expectedMeetingDays;
        this.resolutionWindowDays = resolutionWindowDays;
    }

    /**
     * Returns a copy with another expected cadence.
     *
     * @param days expected days between meetings, finite and {@code > 0}
     * @return the copy
     */
    public CommunicationCadence withExpectedMeetingDays(double days) {
        return new CommunicationCadence(days, resolutionWindowDays);
    }

    /**
     * Returns a copy with another resolution window.
     *
     * @param days days within which a conflict counts as resolved, finite and {@code >= 0}
     * @return the copy
     */
    public CommunicationCadence withResolutionWindowDays(double days) {
        return new CommunicationCadence(expectedMeetingDays, days);
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
     * The regularity of a sequence of event days.
     *
     * @param eventDays     distinct event days, ascending
     * @param gaps          days between consecutive event days
     * @param meanGap       mean gap in days
     * @param cv            coefficient of variation with the population SD
     * @param cvSample      coefficient of variation with the sample SD (divisor k − 1), {@code NaN} for one gap
     * @param longestSilence longest gap including the one from the last event day to asOf, in days
     * @param overdueShare  share of gaps longer than 1.5 × the expected cadence
     *
     * <p>The arrays are copied in and out; as for any record with array components, {@code equals} compares them
     * by identity, so compare the accessors' contents instead.
     */
    public record Regularity(long[] eventDays, double[] gaps, double meanGap, double cv, double cvSample,
                             double longestSilence, double overdueShare) {
        /** Validates the components: at least one gap, finite CV. */
        public Regularity {
            if (gaps.length < 1 || eventDays.length != gaps.length + 1) {
                throw new IllegalArgumentException("need at least two event days and one gap per pair");
            }
            if (!(cv >= 0) || !Double.isFinite(cv)) {
                throw new IllegalArgumentException("cv must be finite and >= 0, was " + cv);
            }
            eventDays = eventDays.clone();
            gaps = gaps.clone();
        }

        /**
         * Returns the regularity {@code 1 / (1 + CV)}, in (0, 1].
         *
         * @return the regularity
         */
        public double regularity() {
            return 1 / (1 + cv);
        }

        @Override
        public long[] eventDays() {
            return eventDays.clone();
        }

        @Override
        public double[] gaps() {
            return gaps.clone();
        }
    }

    /**
     * Returns the coefficient of variation of gaps, population form {@code σ / ḡ} with divisor k. O(k).
     *
     * @param gaps positive gaps, at least one
     * @return the CV, 0 when all gaps are equal
     * @throws IllegalArgumentException when there is no gap or the mean is not positive
     */
    public static double coefficientOfVariation(double[] gaps) {
        return cv(gaps, false);
    }

    /**
     * Returns the coefficient of variation of gaps, sample form with divisor k − 1. O(k).
     *
     * @param gaps positive gaps, at least two
     * @return the CV
     * @throws IllegalArgumentException when there are fewer than two gaps or the mean is not positive
     */
    public static double sampleCoefficientOfVariation(double[] gaps) {
        if (gaps.length < 2) {
            throw new IllegalArgumentException("the sample CV needs at least two gaps, got " + gaps.length);
        }
        return cv(gaps, true);
    }

    private static double cv(double[] gaps, boolean sample) {
        if (gaps.length < 1) {
            throw new IllegalArgumentException("need at least one gap");
        }
        double mean = 0;
        for (double g : gaps) {
            mean += g;
        }
        mean /= gaps.length;
        if (!(mean > 0)) {
            throw new IllegalArgumentException("mean gap must be > 0, was " + mean);
        }
        double ss = 0;
        for (double g : gaps) {
            ss += (g - mean) * (g - mean);
        }
        return Math.sqrt(ss / (sample ? gaps.length - 1 : gaps.length)) / mean;
    }

    /**
     * Computes the regularity of distinct, ascending event days. O(k).
     *
     * @param eventDays           distinct event days in ascending order, at least two
     * @param asOfDay             the day of asOf, {@code >=} the last event day
     * @param expectedMeetingDays expected cadence in days, {@code > 0}
     * @return the regularity
     * @throws IllegalArgumentException when the days are fewer than two, not strictly ascending, or after asOf
     */
    public static Regularity regularity(long[] eventDays, long asOfDay, double expectedMeetingDays) {
        if (eventDays.length < 2) {
            throw new IllegalArgumentException("need at least two event days, got " + eventDays.length);
        }
        double[] gaps = new double[eventDays.length - 1];
        double longest = 0;
        int overdue = 0;
        double sum = 0;
        for (int i = 0; i < gaps.length; i++) {
            if (eventDays[i + 1] <= eventDays[i]) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "event days must be strictly ascending: day %d follows %d", eventDays[i + 1], eventDays[i]));
            }
            gaps[i] = eventDays[i + 1] - eventDays[i];
            longest = Math.max(longest, gaps[i]);
            sum += gaps[i];
            if (gaps[i] > OVERDUE_FACTOR * expectedMeetingDays) {
                overdue++;
            }
        }
        long last = eventDays[eventDays.length - 1];
        if (asOfDay < last) {
            throw new IllegalArgumentException("asOf day " + asOfDay + " precedes the last event day " + last);
        }
        longest = Math.max(longest, asOfDay - last);
        double cvSample = gaps.length >= 2 ? cv(gaps, true) : Double.NaN;
        return new Regularity(eventDays, gaps, sum / gaps.length, cv(gaps, false), cvSample, longest,
                (double) overdue / gaps.length);
    }

    /**
     * Returns the distinct UTC days, ascending, with a signal of a kind. O(s).
     *
     * @param evidence the evidence (sorted by time)
     * @param kind     the kind
     * @return epoch days
     */
    public static long[] eventDays(EvidenceIndex evidence, SignalKind kind) {
        long[] days = new long[evidence.signalCount()];
        int n = 0;
        for (int i = 0; i < evidence.signalCount(); i++) {
            if (evidence.signalKind(i) == kind) {
                long d = Math.floorDiv(evidence.signalAt(i), DAY_MILLIS);
                if (n == 0 || days[n - 1] != d) {
                    days[n++] = d;
                }
            }
        }
        return Arrays.copyOf(days, n);
    }

    @Override
    public StrategyResult score(ScoringContext context) {
        EvidenceIndex e = context.evidence();
        long asOfMillis = e.asOfMillis();
        long asOfDay = Math.floorDiv(asOfMillis, DAY_MILLIS);
        Score.Builder b = Score.builder(ID, Dimension.ENGAGEMENT, Subject.partnership());
        b.detail("expectedMeetingDays", expectedMeetingDays).detail("resolutionWindowDays", resolutionWindowDays);

        long[] meetingDays = eventDays(e, SignalKind.MEETING_ATTENDED);
        long[] infoDays = eventDays(e, SignalKind.INFORMATION_SHARED);
        b.detail("meetingDays", meetingDays.length).detail("informationDays", infoDays.length);
        Regularity info = infoDays.length >= MIN_EVENT_DAYS ? regularity(infoDays, asOfDay, expectedMeetingDays) : null;
        if (info != null) {
            b.detail("information", describe(info));
        }
        conflicts(context, b);

        List<Warning> warnings = new ArrayList<>();
        if (meetingDays.length < MIN_EVENT_DAYS) {
            b.insufficient(String.format(Locale.ROOT, "%d distinct meeting day(s); at least %d are needed",
                    meetingDays.length, MIN_EVENT_DAYS))
                    .explanation("Too few meetings on record to judge how regularly the partners meet.");
            return new StrategyResult(List.of(b.build()), warnings);
        }
        Regularity meetings = regularity(meetingDays, asOfDay, expectedMeetingDays);
        b.detail("meetings", describe(meetings));
        double value = meetings.regularity();
        double[] gaps = meetings.gaps();
        double level = context.confidenceLevel();
        Bootstrap.Result boot = new Bootstrap(Bootstrap.DEFAULT_RESAMPLES).percentile(gaps.length, sample -> {
            double[] g = new double[sample.length];
            for (int i = 0; i < sample.length; i++) {
                g[i] = gaps[sample[i]];
            }
            return 1 / (1 + cv(g, false));
        }, level, context.seedFor(ID));
        b.value(value).normalized(value).n(gaps.length);
        if (boot.interval() != null) {
            Interval interval = UnitInterval.clip(boot.interval());
            b.interval(interval).normalizedInterval(interval);
        } else {
            warnings.add(new Warning(Warning.NO_INTERVAL, ID, "the bootstrap of the meeting gaps gave no interval"));
        }
        b.explanation(String.format(Locale.ROOT,
                "Meetings fell on %d distinct days, on average %s days apart (coefficient of variation %s, "
                        + "regularity 1/(1+CV) = %s, where 1 is perfectly regular); the longest silence was %s days "
                        + "and %s of gaps exceeded 1.5 times the expected %s days.", meetingDays.length,
                ExplanationNumbers.plain(meetings.meanGap()), ExplanationNumbers.twoDecimals(meetings.cv()),
                ExplanationNumbers.twoDecimals(value), ExplanationNumbers.plain(meetings.longestSilence()),
                ExplanationNumbers.percent(meetings.overdueShare()), ExplanationNumbers.plain(expectedMeetingDays)));
        return new StrategyResult(List.of(b.build()), warnings);
    }

    private static Map<String, Object> describe(Regularity r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eventDays", r.eventDays().length);
        m.put("gaps", r.gaps().length);
        m.put("meanGapDays", r.meanGap());
        m.put("cv", r.cv());
        if (!Double.isNaN(r.cvSample())) {
            m.put("cvSample", r.cvSample());
        }
        m.put("regularity", r.regularity());
        m.put("longestSilenceDays", r.longestSilence());
        m.put("overdueGapShare", r.overdueShare());
        return m;
    }

    /**
     * Adds the conflict rate and the resolved share to the details. Resolutions are grouped by the pair they settle
     * (unordered partners, or the source alone for one without a target), each group in time order, so a conflict
     * finds the first resolution at or after it by binary search: O(s + c log r) for s signals, c conflicts and r
     * resolutions.
     */
    private void conflicts(ScoringContext context, Score.Builder b) {
        EvidenceIndex e = context.evidence();
        long start = context.partnership().start().toEpochMilli();
        if (e.signalCount() > 0) {
            start = Math.min(start, e.signalAt(0));
        }
        double days = (e.asOfMillis() - start) / (double) DAY_MILLIS;
        long window = Math.round(resolutionWindowDays * DAY_MILLIS);
        int conflicts = 0;
        int resolutions = 0;
        // Lookup only, never iterated into output, so a HashMap keeps the result deterministic.
        Map<Long, TimeList> resolutionTimes = new HashMap<>();
        for (int i = 0; i < e.signalCount(); i++) {
            if (e.signalKind(i) == SignalKind.CONFLICT) {
                conflicts++;
            } else if (e.signalKind(i) == SignalKind.CONFLICT_RESOLVED) {
                resolutions++;
                resolutionTimes.computeIfAbsent(pairKey(e, i), k -> new TimeList()).add(e.signalAt(i));
            }
        }
        int resolved = 0;
        for (int i = 0; i < e.signalCount(); i++) {
            if (e.signalKind(i) == SignalKind.CONFLICT) {
                TimeList times = resolutionTimes.get(pairKey(e, i));
                if (times != null && times.anyWithin(e.signalAt(i), e.signalAt(i) + window)) {
                    resolved++;
                }
            }
        }
        b.detail("conflicts", conflicts).detail("conflictResolutions", resolutions);
        if (days > 0) {
            b.detail("conflictsPer90Days", conflicts * RATE_DAYS / days);
        }
        if (conflicts > 0) {
            b.detail("conflictsResolved", resolved).detail("resolvedShare", (double) resolved / conflicts);
        }
    }

    /**
     * The pair a conflict or resolution concerns: the unordered partners when it has a target, else the source
     * alone. Two signals settle each other exactly when their keys are equal.
     */
    private static long pairKey(EvidenceIndex e, int i) {
        int s = e.signalSource(i);
        int t = e.signalTarget(i);
        if (t == EvidenceIndex.NONE) {
            return ((long) s << 32) | 0xffffffffL;
        }
        return ((long) Math.min(s, t) << 32) | Math.max(s, t);
    }

    /** Times of one pair's resolutions, appended in ascending order (the index is sorted by time). */
    private static final class TimeList {
        private long[] times = new long[4];
        private int size;

        void add(long t) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
            }
            times[size++] = t;
        }

        /** Whether some time lies in [from, to]: binary search for the first time at or after from. */
        boolean anyWithin(long from, long to) {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (times[mid] < from) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo < size && times[lo] <= to;
        }
    }
}
