package dev.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PartnershipTest {
    private static final Instant T0 = SamplePartnerships.T0;

    @Test
    void everyCrossReferenceProblemIsReportedAtOnceWithDatasetPointers() {
        Partnership.Builder b = Partnership.builder("p", "P", T0)
                .partner(new Partner("a", "A", PartnerType.SCHOOL))
                .partner(new Partner("a", "A again", PartnerType.SCHOOL))
                .goal(new Goal("g", "G", null, List.of("a", "x", "a"), null))
                .priority(new Priority("a", "g", 1))
                .priority(new Priority("a", "g", 2))
                .priority(new Priority("a", "h", 2))
                .signal(new EngagementSignal(T0, "a", "y", "h", SignalKind.CONFLICT))
                .rating(new Rating(T0, "z", "a", RatingDimension.POWER, 2))
                .survey(new SurveyResponse("collaboration-factors", "w", "r", "q", Map.of("cf01", 9, "cf77", 1)))
                .survey(new SurveyResponse("collaboration-factors", "w", "r", null, Map.of()))
                .survey(new SurveyResponse("unknown-instrument", "w", "r", null, Map.of()))
                .measurement(Measurement.ofSummary("h", T0, MeasurementGroup.PARTNERSHIP, 1, 1, 1));
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, b::build);
        assertNull(e.source());
        assertEquals(List.of(
                new Problem("/partners/1/id", "duplicate partner id 'a'"),
                new Problem("/goals/0/owners/1", "unknown partner 'x'"),
                new Problem("/goals/0/owners/2", "owner 'a' is listed twice"),
                new Problem("/priorities/1", "partner 'a' already has a priority for goal 'g'"),
                new Problem("/priorities/2/goal", "unknown goal 'h'"),
                new Problem("/signals/0/target", "unknown partner 'y'"),
                new Problem("/signals/0/goal", "unknown goal 'h'"),
                new Problem("/ratings/0/rater", "unknown partner 'z'"),
                new Problem("/surveys/0/partner", "unknown partner 'q'"),
                new Problem("/surveys/0/answers/cf01", "answer 9 is outside the scale 1-5"),
                new Problem("/surveys/0/answers/cf77", "instrument 'collaboration-factors' has no item 'cf77'"),
                new Problem("/surveys/1", "respondent 'r' already answered instrument 'collaboration-factors' in wave 'w'"),
                new Problem("/surveys/2/instrument",
                        "unknown instrument 'unknown-instrument' (neither built in nor declared under /instruments)"),
                new Problem("/measurements/0/goal", "unknown goal 'h'")), e.problems());
    }

    @Test
    void declaredInstrumentsMayNotShadowBuiltInsOrRepeat() {
        Instrument mine = new Instrument("mine", "Mine", new Instrument.Scale(1, 3, 0),
                List.of(new Instrument.Item("m1", "f", false)), List.of(new Instrument.Factor("f", "F", "c")),
                List.of(new Instrument.Category("c", "C")), List.of());
        Instrument shadow = new Instrument("collaboration-factors", "Mine", mine.scale(), mine.items(), mine.factors(),
                mine.categories(), List.of());
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> Partnership.builder("p", "P", T0)
                .instrument(mine).instrument(mine).instrument(shadow).build());
        assertEquals(List.of(new Problem("/instruments/1/id", "duplicate instrument id 'mine'"),
                new Problem("/instruments/2/id", "instrument id 'collaboration-factors' is a built-in instrument; "
                        + "declare yours under another id")), e.problems());
        Partnership ok = Partnership.builder("p", "P", T0).instrument(mine)
                .survey(new SurveyResponse("mine", "w", "r", null, Map.of("m1", 0))).build();
        assertEquals(Optional.of(mine), ok.instrument("mine"));
        assertTrue(ok.instrument("collaboration-factors").isPresent());
        assertEquals(Optional.empty(), ok.instrument("nope"));
    }

    @Test
    void latestEvidenceIsTheLatestSignalRatingOrMeasurementElseTheStart() {
        Partnership p = SamplePartnerships.small();
        assertEquals(SamplePartnerships.day(10), p.latestEvidence());
        assertEquals(T0, Partnership.builder("p", "P", T0).build().latestEvidence());
        Partnership late = SamplePartnerships.builder(List.of())
                .measurement(Measurement.ofSummary("dual", SamplePartnerships.day(99), MeasurementGroup.COMPARISON, 1, 1, 2))
                .build();
        assertEquals(SamplePartnerships.day(99), late.latestEvidence());
    }

    @Test
    void lookupsAndImmutability() {
        Partnership p = SamplePartnerships.small();
        assertEquals("Family Network", p.partner("ngo").orElseThrow().name());
        assertEquals(Optional.empty(), p.partner("none"));
        assertEquals("Chronic absence", p.goal("absence").orElseThrow().title());
        assertEquals(Optional.empty(), p.goal("none"));
        assertThrows(UnsupportedOperationException.class, () -> p.signals().clear());
        assertEquals(p, SamplePartnerships.small(), "value equality");
    }

    @Test
    void headerIsValidated() {
        assertThrows(IllegalArgumentException.class, () -> Partnership.builder(" ", "P", T0).build());
        assertThrows(IllegalArgumentException.class, () -> Partnership.builder("p", "", T0).build());
        assertThrows(NullPointerException.class, () -> Partnership.builder("p", "P", null).build());
        assertThrows(NullPointerException.class, () -> Partnership.builder("p", "P", T0).signal(null));
    }
}
