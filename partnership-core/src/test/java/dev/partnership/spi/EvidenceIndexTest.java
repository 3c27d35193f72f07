package dev.partnership.spi;

import static dev.partnership.SamplePartnerships.day;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.EngagementSignal;
import dev.partnership.PartnerType;
import dev.partnership.Partnership;
import dev.partnership.Rating;
import dev.partnership.RatingDimension;
import dev.partnership.SamplePartnerships;
import dev.partnership.SignalKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EvidenceIndexTest {

    @Test
    void partnersAndGoalsAreInternedInIdOrder() {
        EvidenceIndex x = EvidenceIndex.of(SamplePartnerships.small(), day(100));
        assertEquals(3, x.partnerCount());
        assertEquals(List.of("ngo", "rcc", "rusd"), List.of(x.partnerId(0), x.partnerId(1), x.partnerId(2)));
        assertEquals(PartnerType.SCHOOL_DISTRICT, x.partnerType(2));
        assertEquals(1, x.partnerIndex("rcc"));
        assertEquals(EvidenceIndex.NONE, x.partnerIndex("nobody"));
        assertEquals(List.of("absence", "dual"), List.of(x.goalId(0), x.goalId(1)));
        // The interned goal is the partnership's own record, in the same sorted order as its id.
        assertEquals(List.of("absence", "dual"), List.of(x.goal(0).id(), x.goal(1).id()));
        assertTrue(SamplePartnerships.small().goals().containsAll(List.of(x.goal(0), x.goal(1))));
        assertEquals(EvidenceIndex.NONE, x.goalIndex("nope"));
        assertEquals(day(100), x.asOf());
        assertEquals(day(100).toEpochMilli(), x.asOfMillis());
    }

    @Test
    void onlyEvidenceAtOrBeforeAsOfCountsAndTheRestIsCounted() {
        EvidenceIndex x = EvidenceIndex.of(SamplePartnerships.small(), day(2));
        assertEquals(3, x.signalCount(), "days 1, 2 and 2; day 2 itself is included");
        assertEquals(3, x.signalsAfterAsOf());
        assertEquals(1, x.ratingCount());
        assertEquals(1, x.ratingsAfterAsOf());
        assertEquals(List.of(), x.measurements(x.goalIndex("dual")));
        assertEquals(1, x.measurementsAfterAsOf());
        EvidenceIndex all = EvidenceIndex.of(SamplePartnerships.small(), day(10));
        assertEquals(6, all.signalCount());
        assertEquals(0, all.signalsAfterAsOf() + all.ratingsAfterAsOf() + all.measurementsAfterAsOf());
        assertEquals(1, all.measurements(all.goalIndex("dual")).size());
        assertEquals(0, all.surveys().size());
    }

    @Test
    void signalsAreSortedByTimeThenSourceAndColumnsMatchTheRecords() {
        EvidenceIndex x = EvidenceIndex.of(SamplePartnerships.small(), day(10));
        long[] times = new long[x.signalCount()];
        for (int i = 0; i < times.length; i++) {
            times[i] = x.signalAt(i);
            if (i > 0) {
                assertTrue(times[i - 1] <= times[i]);
            }
        }
        // Day 2 holds two signals: ngo (interned 0) sorts before rusd (interned 2).
        assertEquals("ngo", x.partnerId(x.signalSource(1)));
        assertEquals(EvidenceIndex.NONE, x.signalTarget(1));
        assertEquals(EvidenceIndex.NONE, x.signalGoal(1));
        assertEquals(SignalKind.MEETING_ATTENDED, x.signalKind(1));
        assertEquals("rusd", x.partnerId(x.signalSource(2)));
        assertEquals(SignalKind.REQUEST_ANSWERED.ordinal(), x.signalKindOrdinal(2));
        assertEquals(250.0, x.signalValue(5));
        assertEquals("dual", x.goalId(x.signalGoal(0)));
        assertEquals(RatingDimension.RELIABILITY, x.ratingDimension(0));
        assertEquals("rcc", x.partnerId(x.ratingRater(0)), "the earlier rating first");
        assertEquals("rusd", x.partnerId(x.ratingRatee(0)));
        assertEquals(4.0, x.ratingValue(0));
        assertEquals(day(2).toEpochMilli(), x.ratingAt(0));
    }

    @Test
    void prioritiesFormAMatrixWithNaNForMissing() {
        EvidenceIndex x = EvidenceIndex.of(SamplePartnerships.small(), day(10));
        assertEquals(5.0, x.priority(x.partnerIndex("rusd"), x.goalIndex("dual")));
        assertTrue(Double.isNaN(x.priority(x.partnerIndex("ngo"), x.goalIndex("dual"))));
    }

    private static Partnership build(List<EngagementSignal> signals, List<Rating> ratings) {
        Partnership.Builder b = SamplePartnerships.builder(signals);
        ratings.forEach(b::rating);
        return b.build();
    }

    @Test
    void permutedEvidenceGivesTheSameIndex() {
        List<EngagementSignal> signals = new ArrayList<>();
        Random r = new Random(1);
        SignalKind[] kinds = SignalKind.values();
        String[] ids = {"rusd", "rcc", "ngo"};
        for (int i = 0; i < 60; i++) {
            // Few distinct times, so that ties on time, source and target are common.
            String source = ids[r.nextInt(3)];
            String target = r.nextBoolean() ? null : ids[r.nextInt(3)];
            if (source.equals(target)) {
                target = null;
            }
            SignalKind kind = kinds[r.nextInt(kinds.length)];
            double value = kind == SignalKind.FEEDBACK ? r.nextInt(3) - 1 : r.nextInt(3);
            signals.add(new EngagementSignal(day(r.nextInt(3)), source, target, r.nextBoolean() ? null : "dual", kind, value));
        }
        List<Rating> ratings = new ArrayList<>();
        RatingDimension[] dimensions = RatingDimension.values();
        for (int i = 0; i < 30; i++) {
            int rater = r.nextInt(3);
            RatingDimension d = dimensions[r.nextInt(dimensions.length)];
            ratings.add(new Rating(day(r.nextInt(2)), ids[rater], ids[(rater + 1 + r.nextInt(2)) % 3], d,
                    d.min() + r.nextInt(d.max() - d.min() + 1)));
        }
        EvidenceIndex reference = EvidenceIndex.of(build(signals, ratings), day(5));
        for (int trial = 0; trial < 5; trial++) {
            List<EngagementSignal> shuffled = new ArrayList<>(signals);
            Collections.shuffle(shuffled, new Random(trial));
            List<Rating> shuffledRatings = new ArrayList<>(ratings);
            Collections.shuffle(shuffledRatings, new Random(100 + trial));
            EvidenceIndex x = EvidenceIndex.of(build(shuffled, shuffledRatings), day(5));
            assertEquals(reference.ratingCount(), x.ratingCount());
            for (int i = 0; i < x.ratingCount(); i++) {
                assertEquals(reference.ratingAt(i), x.ratingAt(i));
                assertEquals(reference.ratingRater(i), x.ratingRater(i));
                assertEquals(reference.ratingRatee(i), x.ratingRatee(i));
                assertEquals(reference.ratingDimension(i), x.ratingDimension(i));
                assertEquals(reference.ratingValue(i), x.ratingValue(i));
            }
            assertEquals(reference.signalCount(), x.signalCount());
            for (int i = 0; i < x.signalCount(); i++) {
                assertEquals(reference.signalAt(i), x.signalAt(i));
                assertEquals(reference.signalSource(i), x.signalSource(i));
                assertEquals(reference.signalTarget(i), x.signalTarget(i));
                assertEquals(reference.signalGoal(i), x.signalGoal(i));
                assertEquals(reference.signalKind(i), x.signalKind(i));
                assertEquals(reference.signalValue(i), x.signalValue(i));
            }
        }
    }
}
