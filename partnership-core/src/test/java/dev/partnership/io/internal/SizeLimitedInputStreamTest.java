package dev.partnership.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class SizeLimitedInputStreamTest {

    @Test
    void readsUpToTheLimitAndFailsBeyondIt() throws IOException {
        SizeLimitedInputStream in = new SizeLimitedInputStream(new ByteArrayInputStream(new byte[10]), 10);
        assertEquals(10, in.read(new byte[20], 0, 20));
        assertEquals(-1, in.read());
        assertEquals(10, in.count());
        SizeLimitedInputStream small = new SizeLimitedInputStream(new ByteArrayInputStream(new byte[10]), 9);
        assertEquals(0, small.read());
        assertEquals(8, small.skip(8));
        assertThrows(SizeLimitedInputStream.DocumentTooLargeException.class, small::read);
        SizeLimitedInputStream bulk = new SizeLimitedInputStream(new ByteArrayInputStream(new byte[10]), 9);
        assertThrows(SizeLimitedInputStream.DocumentTooLargeException.class, () -> bulk.read(new byte[10], 0, 10));
        assertFalse(bulk.markSupported());
    }
}
