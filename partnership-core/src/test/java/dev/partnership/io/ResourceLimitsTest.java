package dev.partnership.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.InvalidConfigException;
import dev.partnership.InvalidDatasetException;
import dev.partnership.InvalidInputException;
import dev.partnership.Partner;
import dev.partnership.PartnerType;
import dev.partnership.Partnership;
import dev.partnership.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile documents against the readers' {@link ReadLimits}: 10,000-deep nesting, a 100 MB string, a number of
 * 10^6 digits, a document over {@link ReadLimits#maxDocumentBytes()} and more records than
 * {@link ReadLimits#maxRecords()}. Each must be rejected with a problem naming where and the bound, without reading
 * much of the input and without an {@link OutOfMemoryError}.
 *
 * <p>Run by its own surefire execution with {@code -Xmx256m} (see the module's pom), which is what makes "without
 * exhausting memory" meaningful: a reader that buffered a 100 MB string (200 MB of chars) would fail there. The
 * documents are generated lazily by {@link Generated}, so the test itself never holds them. The time bound is a
 * hang guard, not a performance measurement.
 */
class ResourceLimitsTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);
    private static final long HUNDRED_MB = 100L * 1000 * 1000;
    private static final String HEADER = "{\"format\": \"partnership-dataset/1\", "
            + "\"partnership\": {\"id\": \"p\", \"name\": \"P\", \"start\": \"2024-09-01\"}";
    private static final String PARTNER_OPEN = HEADER + ", \"partners\": [{\"id\": \"a\", \"name\": \"A\", "
            + "\"type\": \"SCHOOL\", \"attributes\": ";
    private static final String MEASUREMENT_OPEN = HEADER + ", \"measurements\": [{\"goal\": \"g\", "
            + "\"at\": \"2025-01-01\", \"group\": \"PARTNERSHIP\", \"mean\": ";
    private static final String SIGNAL = "{\"at\": \"2025-02-01\", \"source\": \"a\", \"kind\": \"MEETING_ATTENDED\"}";

    /**
     * Set by the constrained surefire execution; when it is, the heap really is small (a run from an IDE or with
     * {@code -Dtest} in the default execution still exercises the readers, with whatever heap it has).
     */
    @Test
    void runsUnderASmallHeapWhenTheBuildSaysSo() {
        if (Boolean.getBoolean("partnership.smallHeap")) {
            long max = Runtime.getRuntime().maxMemory();
            assertTrue(max <= 256L * 1024 * 1024, "max heap " + max);
        }
    }

    // ---- dataset reader ----

    @Test
    void datasetNestingTenThousandArraysDeepInAFieldIsRejected() {
        Generated doc = Generated.of(PARTNER_OPEN, "[", 10_000, "]".repeat(10_000) + "}]}");
        Problem p = rejectedDataset(DatasetReader.defaults(), doc);
        assertTrue(p.location().startsWith("/partners/0/attributes"), p.toString());
        assertTrue(p.message().contains("nesting depth (65) exceeds the maximum allowed (64)"), p.toString());
        assertTrue(p.message().contains("ReadLimits.maxNestingDepth"), p.toString());
        assertTrue(doc.consumed() < 1 << 20, "stopped early, read " + doc.consumed());
    }

    @Test
    void datasetNestingTenThousandObjectsDeepIsRejected() {
        Generated doc = Generated.of(HEADER + ", \"partners\": ", "{\"x\": ", 10_000, "1" + "}".repeat(10_001));
        Problem p = rejectedDataset(DatasetReader.defaults(), doc);
        assertTrue(p.location().startsWith("/partners/x/x"), p.toString());
        assertTrue(p.message().contains("nesting depth"), p.toString());
    }

    @Test
    void datasetHundredMegabyteStringIsRejectedAtItsValue() {
        // The prefix opens the name's string; everything after it is the 100 MB value.
        Generated named = Generated.of(HEADER + ", \"partners\": [{\"id\": \"a\", \"name\": \"", "n", HUNDRED_MB,
                "\"}]}");
        Problem p = rejectedDataset(DatasetReader.defaults(), named);
        assertEquals("/partners/0/name", p.location(), p.toString());
        assertTrue(p.message().contains("String value length"), p.toString());
        assertTrue(p.message().contains("(" + ReadLimits.DEFAULT_MAX_STRING_LENGTH + ")"), p.toString());
        assertTrue(p.message().contains("ReadLimits.maxStringLength"), p.toString());
        assertTrue(named.consumed() < 10L << 20, "stopped early, read " + named.consumed());
    }

    @Test
    void datasetMillionDigitNumberIsRejectedAtItsValue() {
        Generated doc = Generated.of(MEASUREMENT_OPEN, "7", 1_000_000, "}]}");
        Problem p = rejectedDataset(DatasetReader.defaults(), doc);
        assertEquals("/measurements/0/mean", p.location(), p.toString());
        assertTrue(p.message().contains("Number value length"), p.toString());
        assertTrue(p.message().contains("(" + ReadLimits.DEFAULT_MAX_NUMBER_LENGTH + ")"), p.toString());
        assertTrue(p.message().contains("ReadLimits.maxNumberLength"), p.toString());
    }

    @Test
    void datasetLargerThanTheDocumentBoundIsRejected() {
        ReadLimits limits = ReadLimits.DEFAULTS.withMaxDocumentBytes(1 << 20);
        Generated doc = Generated.of(HEADER + ", \"signals\": [" + SIGNAL, ", " + SIGNAL, 2_000_000, "]}");
        Problem p = rejectedDataset(DatasetReader.defaults().withLimits(limits), doc);
        assertTrue(p.location().startsWith("/signals"), p.toString());
        assertTrue(p.message().contains("larger than the limit of 1048576 bytes"), p.toString());
        assertTrue(p.message().contains("ReadLimits.maxDocumentBytes"), p.toString());
        assertTrue(doc.consumed() <= (1 << 20) + 65_536, "stopped at the bound, read " + doc.consumed());
    }

    @Test
    void datasetWithMoreSignalsThanTheRecordBoundIsRejectedAtTheArray() {
        ReadLimits limits = ReadLimits.DEFAULTS.withMaxRecords(1_000);
        Generated doc = Generated.of(HEADER + ", \"signals\": [" + SIGNAL, ", " + SIGNAL, 2_000_000, "]}");
        Problem p = rejectedDataset(DatasetReader.defaults().withLimits(limits), doc);
        assertEquals("/signals", p.location(), p.toString());
        assertTrue(p.message().contains("more than 1000 elements"), p.toString());
        assertTrue(p.message().contains("ReadLimits.maxRecords"), p.toString());
        assertTrue(doc.consumed() < 1 << 20, "stopped after the bound, read " + doc.consumed());
    }

    // ---- configuration reader (its limits are the defaults) ----

    @Test
    void configNestingTenThousandDeepIsRejected() {
        String json = "{\"format\": \"partnership-config/1\", \"weights\": " + "[".repeat(10_000) + "]".repeat(10_000)
                + "}";
        Problem p = rejectedConfig(() -> ConfigReader.read(json, "c.json"));
        assertTrue(p.location().startsWith("/weights/0"), p.toString());
        assertTrue(p.message().contains("nesting depth (65) exceeds the maximum allowed (64)"), p.toString());
    }

    @Test
    void configMillionDigitNumberIsRejected() {
        String json = "{\"format\": \"partnership-config/1\", \"weights\": {\"TRUST\": " + "9".repeat(1_000_000)
                + "}}";
        Problem p = rejectedConfig(() -> ConfigReader.read(json, "c.json"));
        assertEquals("/weights/TRUST", p.location(), p.toString());
        assertTrue(p.message().contains("Number value length"), p.toString());
    }

    @Test
    void configHundredMegabyteStringIsRejected(@TempDir Path dir) throws IOException {
        // ConfigReader reads files and strings only; the file is written from the generator, never held whole.
        Path file = dir.resolve("config.json");
        Generated doc = Generated.of("{\"format\": \"partnership-config/1\", \"enabled\": [\"", "s", HUNDRED_MB,
                "\"]}");
        try (OutputStream out = Files.newOutputStream(file)) {
            doc.transferTo(out);
        }
        Problem p = rejectedConfig(() -> ConfigReader.read(file));
        assertEquals("/enabled/0", p.location(), p.toString());
        assertTrue(p.message().contains("String value length"), p.toString());
    }

    // ---- xAPI reader ----

    @Test
    void xapiNestingTenThousandDeepIsRejected() {
        Generated doc = Generated.of("[{\"actor\": ", "[", 10_000, "]".repeat(10_000) + "}]");
        Problem p = rejectedXapi(new XapiReader(XapiMapping.defaults()), doc);
        assertTrue(p.location().startsWith("/0/actor/0"), p.toString());
        assertTrue(p.message().contains("nesting depth (65) exceeds"), p.toString());
    }

    @Test
    void xapiHundredMegabyteStringIsRejected() {
        Generated doc = Generated.of("{\"statements\": [{\"id\": \"", "i", HUNDRED_MB, "\"}]}");
        Problem p = rejectedXapi(new XapiReader(XapiMapping.defaults()), doc);
        assertEquals("/statements/0/id", p.location(), p.toString());
        assertTrue(p.message().contains("String value length"), p.toString());
        assertTrue(doc.consumed() < 10L << 20, "stopped early, read " + doc.consumed());
    }

    @Test
    void xapiMillionDigitNumberIsRejected() {
        Generated doc = Generated.of("[{\"result\": {\"score\": {\"raw\": ", "3", 1_000_000, "}}}]");
        Problem p = rejectedXapi(new XapiReader(XapiMapping.defaults()), doc);
        assertEquals("/0/result/score/raw", p.location(), p.toString());
        assertTrue(p.message().contains("Number value length"), p.toString());
    }

    @Test
    void xapiLargerThanTheDocumentBoundIsRejected() {
        XapiReader reader = new XapiReader(XapiMapping.defaults())
                .withLimits(ReadLimits.DEFAULTS.withMaxDocumentBytes(1 << 20));
        Generated doc = Generated.of("[{}", ", {}", 50_000_000, "]");
        Problem p = rejectedXapi(reader, doc);
        assertTrue(p.message().contains("larger than the limit of 1048576 bytes"), p.toString());
        assertTrue(doc.consumed() <= (1 << 20) + 65_536, "stopped at the bound, read " + doc.consumed());
    }

    @Test
    void xapiWithMoreStatementsThanTheRecordBoundIsRejectedAtTheArray() {
        XapiReader reader = new XapiReader(XapiMapping.defaults())
                .withLimits(ReadLimits.DEFAULTS.withMaxRecords(500));
        Generated wrapped = Generated.of("{\"statements\": [{}", ", {}", 50_000_000, "]}");
        Problem p = rejectedXapi(reader, wrapped);
        assertEquals("/statements", p.location(), p.toString());
        assertTrue(p.message().contains("more than 500 elements"), p.toString());
        assertTrue(wrapped.consumed() < 1 << 20, "stopped after the bound, read " + wrapped.consumed());
        Problem bare = rejectedXapi(reader, Generated.of("[{}", ", {}", 50_000_000, "]"));
        assertEquals("", bare.location(), bare.toString());
    }

    // ---- helpers ----

    private static Problem rejectedDataset(DatasetReader reader, Generated doc) {
        return first(assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(InvalidDatasetException.class,
                () -> reader.read(doc, "hostile.json"))));
    }

    private static Problem rejectedXapi(XapiReader reader, Generated doc) {
        Partnership skeleton = Partnership.builder("p", "P", Instant.parse("2024-01-01T00:00:00Z"))
                .partner(new Partner("a", "A", PartnerType.SCHOOL)).build();
        return first(assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(InvalidDatasetException.class,
                () -> reader.read(skeleton, doc, "hostile.json"))));
    }

    private static Problem rejectedConfig(ThrowingSupplier<?> read) {
        return first(assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(InvalidConfigException.class,
                read::get)));
    }

    private static Problem first(InvalidInputException e) {
        assertEquals(1, e.problems().size(), e.problems().toString());
        return e.problems().get(0);
    }

    /**
     * A document produced on demand: a prefix, a unit repeated {@code count} times, a suffix, all ASCII. Holds
     * only those three pieces and counts how many bytes were consumed, so a test can show that a reader stopped
     * early. Not thread-safe.
     */
    static final class Generated extends InputStream {
        private final byte[][] parts;
        private final long[] repeats;
        private int part;
        private long done;
        private int offset;
        private long consumed;

        private Generated(byte[] prefix, byte[] unit, long count, byte[] suffix) {
            this.parts = new byte[][] {prefix, unit, suffix};
            this.repeats = new long[] {1, count, 1};
        }

        static Generated of(String prefix, String unit, long count, String suffix) {
            // Batch short units into blocks of about 64 KiB so that copying is by block, not byte by byte.
            long perBlock = Math.max(1, Math.min(count, 65_536 / Math.max(1, unit.length())));
            return new Generated(prefix.getBytes(UTF_8), unit.repeat((int) perBlock).getBytes(UTF_8),
                    count / perBlock, (unit.repeat((int) (count % perBlock)) + suffix).getBytes(UTF_8));
        }

        long consumed() {
            return consumed;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int n = 0;
            while (n < len && part < parts.length) {
                byte[] piece = parts[part];
                if (done >= repeats[part] || piece.length == 0) {
                    part++;
                    done = 0;
                    offset = 0;
                    continue;
                }
                int k = Math.min(len - n, piece.length - offset);
                System.arraycopy(piece, offset, b, off + n, k);
                n += k;
                offset += k;
                if (offset == piece.length) {
                    offset = 0;
                    done++;
                }
            }
            consumed += n;
            return n == 0 ? -1 : n;
        }
    }
}
