package dev.partnership.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.partnership.Goal;
import dev.partnership.Measurement;
import dev.partnership.MeasurementGroup;
import dev.partnership.Partner;
import dev.partnership.PartnerType;
import dev.partnership.Priority;
import dev.partnership.Problem;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartnershipValidatorTest {

    @Test
    void consistentPartsHaveNoProblems() {
        List<Partner> partners = List.of(new Partner("a", "A", PartnerType.SCHOOL));
        List<Goal> goals = List.of(new Goal("g", "G", null, List.of("a"), null));
        assertEquals(List.of(), PartnershipValidator.crossReferenceProblems(partners, goals,
                List.of(new Priority("a", "g", 1)), List.of(), List.of(), List.of(),
                List.of(Measurement.ofSummary("g", Instant.EPOCH, MeasurementGroup.PARTNERSHIP, 1, 1, 1)), List.of()));
        assertEquals(List.of(), PartnershipValidator.crossReferenceProblems(List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of()));
    }

    @Test
    void problemsComeInDocumentOrderWithDatasetPointers() {
        List<Partner> partners = List.of(new Partner("a", "A", PartnerType.SCHOOL), new Partner("a", "B", PartnerType.SCHOOL));
        List<Goal> goals = List.of(new Goal("g", "G", null, List.of("zz"), null), new Goal("g", "H", null, List.of(), null));
        assertEquals(List.of(new Problem("/partners/1/id", "duplicate partner id 'a'"),
                new Problem("/goals/1/id", "duplicate goal id 'g'"),
                new Problem("/goals/0/owners/0", "unknown partner 'zz'"),
                new Problem("/priorities/0/goal", "unknown goal 'h'")),
                PartnershipValidator.crossReferenceProblems(partners, goals, List.of(new Priority("a", "h", 1)), List.of(),
                        List.of(), List.of(), List.of(), List.of()));
    }
}
