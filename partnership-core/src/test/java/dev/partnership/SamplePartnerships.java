package dev.partnership;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small partnerships built in code, for tests of the model, the index and the evaluator. */
public final class SamplePartnerships {
    private SamplePartnerships() {
    }

    /** 2025-01-01T00:00:00Z. */
    public static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    /**
     * Returns an instant {@code days} after {@link #T0}.
     *
     * @param days whole days
     * @return the instant
     */
    public static Instant day(int days) {
        return T0.plusSeconds(86_400L * days);
    }

    /**
     * Three partners (a school district, a college, a nonprofit), two goals, priorities, signals on days 1-10,
     * ratings on days 2-3 and a measurement on day 5, given in the order listed.
     *
     * @return the partnership
     */
    public static Partnership small() {
        return builder(List.of(
                new EngagementSignal(day(1), "rcc", "rusd", "dual", SignalKind.COMMITMENT_KEPT),
                new EngagementSignal(day(2), "rusd", "rcc", null, SignalKind.REQUEST_ANSWERED),
                new EngagementSignal(day(2), "ngo", null, null, SignalKind.MEETING_ATTENDED),
                new EngagementSignal(day(4), "rcc", "rusd", "dual", SignalKind.COMMITMENT_BROKEN),
                new EngagementSignal(day(7), "ngo", "rusd", "absence", SignalKind.FEEDBACK, 0.5),
                new EngagementSignal(day(10), "rusd", "ngo", null, SignalKind.RESOURCE_SHARED, 250.0)))
                .build();
    }

    /**
     * The partners, goals, priorities, ratings and measurement of {@link #small()}, with the given signals.
     *
     * @param signals the signals, in the order to add them
     * @return the builder
     */
    public static Partnership.Builder builder(List<EngagementSignal> signals) {
        return Partnership.builder("riverbend", "Riverbend", T0)
                .partner(new Partner("rusd", "Riverbend Unified", PartnerType.SCHOOL_DISTRICT, Map.of("region", "north")))
                .partner(new Partner("rcc", "Riverbend Community College", PartnerType.COMMUNITY_COLLEGE))
                .partner(new Partner("ngo", "Family Network", PartnerType.NONPROFIT))
                .goal(new Goal("dual", "Dual enrollment", new Indicator("rate", "%", Direction.HIGHER_IS_BETTER, 12.0, 25.0),
                        List.of("rusd", "rcc"), day(900)))
                .goal(new Goal("absence", "Chronic absence", new Indicator("rate", "%", Direction.LOWER_IS_BETTER, 22.0, 15.0),
                        List.of("ngo"), null))
                .priority(new Priority("rusd", "dual", 5))
                .priority(new Priority("rcc", "dual", 4))
                .priority(new Priority("ngo", "absence", 5))
                .signals(signals)
                .rating(new Rating(day(3), "rusd", "rcc", RatingDimension.RELIABILITY, 3))
                .rating(new Rating(day(2), "rcc", "rusd", RatingDimension.RELIABILITY, 4))
                .measurement(Measurement.ofSummary("dual", day(5), MeasurementGroup.PARTNERSHIP, 13.1, 3.0, 400));
    }
}
