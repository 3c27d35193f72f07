package dev.partnership.metrics;

import dev.partnership.Direction;
import dev.partnership.EngagementSignal;
import dev.partnership.Goal;
import dev.partnership.Indicator;
import dev.partnership.Measurement;
import dev.partnership.MeasurementGroup;
import dev.partnership.Partner;
import dev.partnership.PartnerType;
import dev.partnership.Partnership;
import dev.partnership.Priority;
import dev.partnership.SignalKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A realistic test partnership: a school district, a community college, a university, a nonprofit, a business
 * and a family organisation pursuing five goals, with a year and a half of engagement signals drawn from a fixed
 * seed, priorities (one partner's incomplete, one partner's absent) and measurements (one goal without a standard
 * error, two goals with incomplete definitions).
 */
public final class Riverbend {
    /** When the partnership started. */
    public static final Instant START = Instant.parse("2024-09-01T00:00:00Z");

    private Riverbend() {
    }

    /**
     * Builds the partnership.
     *
     * @return the partnership
     */
    public static Partnership partnership() {
        Partnership.Builder b = Partnership.builder("riverbend", "Riverbend Education Partnership", START)
                .partner(new Partner("rusd", "Riverbend Unified", PartnerType.SCHOOL_DISTRICT))
                .partner(new Partner("rcc", "Riverbend Community College", PartnerType.COMMUNITY_COLLEGE))
                .partner(new Partner("ru", "Riverbend University", PartnerType.UNIVERSITY))
                .partner(new Partner("youthworks", "YouthWorks", PartnerType.NONPROFIT))
                .partner(new Partner("acme", "Acme Manufacturing", PartnerType.BUSINESS))
                .partner(new Partner("families", "Riverbend Families United", PartnerType.FAMILY_ORGANIZATION));

        b.goal(new Goal("dual-enrollment", "More students earn college credit in high school",
                new Indicator("dual enrollment rate", "%", Direction.HIGHER_IS_BETTER, 12.0, 25.0),
                List.of("rusd", "rcc"), Instant.parse("2027-06-30T00:00:00Z"), 2.0, List.of()));
        b.goal(new Goal("chronic-absence", "Fewer students chronically absent",
                new Indicator("chronic absence rate", "%", Direction.LOWER_IS_BETTER, 18.0, 10.0),
                List.of("rusd", "youthworks"), Instant.parse("2026-06-30T00:00:00Z")));
        b.goal(new Goal("fafsa", "More seniors complete the FAFSA",
                new Indicator("FAFSA completion", "%", Direction.HIGHER_IS_BETTER, 55.0, 75.0),
                List.of("rusd", "ru"), Instant.parse("2026-12-31T00:00:00Z")));
        b.goal(new Goal("mentoring", "Every ninth grader has a mentor",
                new Indicator("students mentored", "students", Direction.HIGHER_IS_BETTER, null, 400.0),
                List.of("youthworks"), null));
        b.goal(new Goal("stem-camp", "A summer STEM camp", null, List.of("acme", "ru"), null));

        String[] goals = {"dual-enrollment", "chronic-absence", "fafsa", "mentoring", "stem-camp"};
        double[][] weights = {
                {5, 4, 3, 2, 1},   // rusd
                {5, 2, 3, 1, 2},   // rcc
                {3, 2, 5, 2, 4},   // ru
                {2, 5, 3, 4, 1},   // youthworks
        };
        String[] raters = {"rusd", "rcc", "ru", "youthworks"};
        for (int i = 0; i < raters.length; i++) {
            for (int g = 0; g < goals.length; g++) {
                b.priority(new Priority(raters[i], goals[g], weights[i][g]));
            }
        }
        // acme weighted only two goals: excluded listwise by kendall-w. families gave no priorities.
        b.priority(new Priority("acme", "stem-camp", 5));
        b.priority(new Priority("acme", "dual-enrollment", 3));

        b.signals(signals());

        b.measurement(Measurement.ofSummary("dual-enrollment", Instant.parse("2024-06-30T00:00:00Z"),
                MeasurementGroup.PARTNERSHIP, 12.4, 3.1, 850));
        b.measurement(new Measurement("dual-enrollment", Instant.parse("2025-06-30T00:00:00Z"),
                MeasurementGroup.PARTNERSHIP, 16.0, null, null, 0.4, List.of()));
        b.measurement(new Measurement("dual-enrollment", Instant.parse("2025-06-30T00:00:00Z"),
                MeasurementGroup.COMPARISON, 12.9, null, null, 0.5, List.of()));
        b.measurement(Measurement.ofSummary("chronic-absence", Instant.parse("2025-10-15T00:00:00Z"),
                MeasurementGroup.PARTNERSHIP, 15.0, 9.0, 400));
        b.measurement(new Measurement("fafsa", Instant.parse("2025-12-01T00:00:00Z"),
                MeasurementGroup.PARTNERSHIP, 61.0, null, null, null, List.of()));
        b.measurement(new Measurement("mentoring", Instant.parse("2025-12-01T00:00:00Z"),
                MeasurementGroup.PARTNERSHIP, 180.0, null, null, null, List.of()));
        return b.build();
    }

    /** 600 signals over 18 months from a fixed seed; each partner has its own reliability. */
    private static List<EngagementSignal> signals() {
        String[] partners = {"rusd", "rcc", "ru", "youthworks", "acme", "families"};
        double[] reliability = {0.9, 0.8, 0.7, 0.85, 0.5, 0.6};
        SignalKind[] good = {SignalKind.MEETING_ATTENDED, SignalKind.COMMITMENT_KEPT, SignalKind.INFORMATION_SHARED,
                SignalKind.REQUEST_ANSWERED, SignalKind.JOINT_ACTIVITY};
        SignalKind[] bad = {SignalKind.MEETING_MISSED, SignalKind.COMMITMENT_BROKEN, SignalKind.REQUEST_IGNORED,
                SignalKind.CONFLICT};
        String[] goalIds = {"dual-enrollment", "chronic-absence", "fafsa", null};
        SplittableRandom random = new SplittableRandom(20240901L);
        long span = Duration.ofDays(540).toMinutes();
        ArrayList<EngagementSignal> out = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            // families is quiet: it acts rarely.
            int source = random.nextInt(12) == 0 ? 5 : random.nextInt(5);
            int target = random.nextInt(partners.length + 1);
            String targetId = target == partners.length || target == source ? null : partners[target];
            Instant at = START.plus(Duration.ofMinutes(random.nextLong(span)));
            String goal = goalIds[random.nextInt(goalIds.length)];
            double u = random.nextDouble();
            EngagementSignal s;
            if (u < 0.1) {
                s = new EngagementSignal(at, partners[source], targetId, goal, SignalKind.FEEDBACK,
                        Math.round((random.nextDouble() * 2 - 1) * 100) / 100.0);
            } else if (u < 0.15) {
                s = new EngagementSignal(at, partners[source], targetId, goal, SignalKind.RESOURCE_SHARED,
                        1 + random.nextInt(5));
            } else if (random.nextDouble() < reliability[source]) {
                s = new EngagementSignal(at, partners[source], targetId, goal, good[random.nextInt(good.length)]);
            } else {
                s = new EngagementSignal(at, partners[source], targetId, goal, bad[random.nextInt(bad.length)]);
            }
            out.add(s);
        }
        return out;
    }
}
