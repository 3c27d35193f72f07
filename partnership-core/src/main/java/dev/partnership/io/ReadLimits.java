package dev.partnership.io;

import java.util.Locale;

/**
 * Bounds on untrusted input, enforced while reading so that a hostile or broken document is rejected with a
 * {@link dev.partnership.Problem} rather than exhausting memory or the stack.
 *
 * <p>The string, nesting and number bounds are applied through Jackson's
 * {@link com.fasterxml.jackson.core.StreamReadConstraints}; the document size is counted on the raw bytes of a
 * stream or file (and on the characters of a {@code String} document); the record bound is counted on the elements
 * of every JSON array while it is parsed (the sections of a dataset such as {@code signals}, {@code ratings},
 * {@code surveys} and {@code measurements}, an xAPI statement array) and on the data rows of every CSV file. Each
 * breach is reported where it happens (JSON pointer of the array, or {@code <file>:<line>} of the first row over
 * the bound) with the bound and the component to raise, and reading stops there. Immutable and thread-safe.
 *
 * @param maxDocumentBytes largest document accepted, in bytes ({@code >= 1})
 * @param maxStringLength  longest string value or property name, in characters ({@code >= 1})
 * @param maxNestingDepth  deepest nesting of arrays and objects ({@code >= 1})
 * @param maxNumberLength  longest number token, in characters ({@code >= 1})
 * @param maxRecords       most elements in any one JSON array, and most data rows in any one CSV file
 *                         ({@code >= 1})
 */
public record ReadLimits(long maxDocumentBytes, int maxStringLength, int maxNestingDepth, int maxNumberLength,
        int maxRecords) {

    /** Default document size bound: 1 GiB. */
    public static final long DEFAULT_MAX_DOCUMENT_BYTES = 1L << 30;
    /** Default string length bound: 1 Mi characters. */
    public static final int DEFAULT_MAX_STRING_LENGTH = 1 << 20;
    /** Default nesting depth bound: 64 (the formats nest at most 6 deep, evaluation details a little more). */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 64;
    /** Default number token length bound: 100 characters (a double needs at most 24). */
    public static final int DEFAULT_MAX_NUMBER_LENGTH = 100;
    /**
     * Default record bound: 10,000,000 elements per array or rows per CSV file, well above any real partnership's
     * evidence (a 1 GiB document holds at most about 10 million signals of 100 bytes) yet small enough that the
     * list of records it admits fits in a few GiB.
     */
    public static final int DEFAULT_MAX_RECORDS = 10_000_000;

    /**
     * The defaults: 1 GiB documents, 1 Mi-character strings, depth 64, 100-character numbers, 10,000,000 records.
     */
    public static final ReadLimits DEFAULTS = new ReadLimits(DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_STRING_LENGTH,
            DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_NUMBER_LENGTH, DEFAULT_MAX_RECORDS);

    /** Validates the components: every bound is at least 1. */
    public ReadLimits {
        if (maxDocumentBytes < 1 || maxStringLength < 1 || maxNestingDepth < 1 || maxNumberLength < 1
                || maxRecords < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "read limits must all be >= 1: document %d bytes, string %d, depth %d, number %d, records %d",
                    maxDocumentBytes, maxStringLength, maxNestingDepth, maxNumberLength, maxRecords));
        }
    }

    /**
     * Creates limits with the {@linkplain #DEFAULT_MAX_RECORDS default record bound}.
     *
     * @param maxDocumentBytes largest document accepted, in bytes ({@code >= 1})
     * @param maxStringLength  longest string value or property name, in characters ({@code >= 1})
     * @param maxNestingDepth  deepest nesting of arrays and objects ({@code >= 1})
     * @param maxNumberLength  longest number token, in characters ({@code >= 1})
     */
    public ReadLimits(long maxDocumentBytes, int maxStringLength, int maxNestingDepth, int maxNumberLength) {
        this(maxDocumentBytes, maxStringLength, maxNestingDepth, maxNumberLength, DEFAULT_MAX_RECORDS);
    }

    /**
     * Returns a copy with another document size bound.
     *
     * @param bytes largest document accepted, in bytes
     * @return the modified copy
     */
    public ReadLimits withMaxDocumentBytes(long bytes) {
        return new ReadLimits(bytes, maxStringLength, maxNestingDepth, maxNumberLength, maxRecords);
    }

    /**
     * Returns a copy with another string length bound.
     *
     * @param length longest string value or property name, in characters
     * @return the modified copy
     */
    public ReadLimits withMaxStringLength(int length) {
        return new ReadLimits(maxDocumentBytes, length, maxNestingDepth, maxNumberLength, maxRecords);
    }

    /**
     * Returns a copy with another nesting depth bound.
     *
     * @param depth deepest nesting of arrays and objects
     * @return the modified copy
     */
    public ReadLimits withMaxNestingDepth(int depth) {
        return new ReadLimits(maxDocumentBytes, maxStringLength, depth, maxNumberLength, maxRecords);
    }

    /**
     * Returns a copy with another number length bound.
     *
     * @param length longest number token, in characters
     * @return the modified copy
     */
    public ReadLimits withMaxNumberLength(int length) {
        return new ReadLimits(maxDocumentBytes, maxStringLength, maxNestingDepth, length, maxRecords);
    }

    /**
     * Returns a copy with another record bound.
     *
     * @param records most elements in any one JSON array, and most data rows in any one CSV file
     * @return the modified copy
     */
    public ReadLimits withMaxRecords(int records) {
        return new ReadLimits(maxDocumentBytes, maxStringLength, maxNestingDepth, maxNumberLength, records);
    }
}
