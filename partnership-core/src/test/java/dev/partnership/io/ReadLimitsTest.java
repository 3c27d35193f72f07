package dev.partnership.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReadLimitsTest {

    @Test
    void defaultsAreSafeAndDocumented() {
        assertEquals(new ReadLimits(1L << 30, 1 << 20, 64, 100, 10_000_000), ReadLimits.DEFAULTS);
        assertEquals(ReadLimits.DEFAULT_MAX_DOCUMENT_BYTES, ReadLimits.DEFAULTS.maxDocumentBytes());
        assertEquals(ReadLimits.DEFAULT_MAX_STRING_LENGTH, ReadLimits.DEFAULTS.maxStringLength());
        assertEquals(ReadLimits.DEFAULT_MAX_NESTING_DEPTH, ReadLimits.DEFAULTS.maxNestingDepth());
        assertEquals(ReadLimits.DEFAULT_MAX_NUMBER_LENGTH, ReadLimits.DEFAULTS.maxNumberLength());
        assertEquals(ReadLimits.DEFAULT_MAX_RECORDS, ReadLimits.DEFAULTS.maxRecords());
    }

    @Test
    void fourBoundConstructorKeepsTheDefaultRecordBound() {
        assertEquals(ReadLimits.DEFAULTS, new ReadLimits(1L << 30, 1 << 20, 64, 100));
        assertEquals(ReadLimits.DEFAULT_MAX_RECORDS, new ReadLimits(10, 11, 12, 13).maxRecords());
    }

    @Test
    void withersChangeOneBoundEach() {
        ReadLimits l = ReadLimits.DEFAULTS.withMaxDocumentBytes(10).withMaxStringLength(11).withMaxNestingDepth(12)
                .withMaxNumberLength(13).withMaxRecords(14);
        assertEquals(new ReadLimits(10, 11, 12, 13, 14), l);
        assertEquals(new ReadLimits(10, 11, 12, 13, 15), l.withMaxRecords(15));
        assertEquals(new ReadLimits(9, 11, 12, 13, 14), l.withMaxDocumentBytes(9), "the record bound is kept");
        assertEquals(new ReadLimits(1L << 30, 1 << 20, 64, 100, 10_000_000), ReadLimits.DEFAULTS, "defaults unchanged");
    }

    @Test
    void boundsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new ReadLimits(0, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ReadLimits(1, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ReadLimits(1, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ReadLimits(1, 1, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> new ReadLimits(1, 1, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> ReadLimits.DEFAULTS.withMaxRecords(-5));
    }
}
