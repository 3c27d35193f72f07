package dev.partnership.io.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Counts the bytes read through it and fails with {@link DocumentTooLargeException} as soon as more than a limit
 * have been read, so that an oversized document is rejected while streaming, before it is held in memory.
 * Not thread-safe (like any stream). Cost O(1) per read call.
 */
public final class SizeLimitedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    /**
     * Wraps a stream.
     *
     * @param in    the stream to read; not closed by this class unless {@link #close()} is called
     * @param limit the most bytes allowed, {@code >= 0}
     */
    public SizeLimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    /**
     * Thrown when the stream holds more bytes than allowed.
     */
    public static final class DocumentTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        private DocumentTooLargeException(long limit) {
            super(String.format(Locale.ROOT, "the document is larger than the limit of %d bytes", limit));
        }
    }

    private int counted(int n) throws DocumentTooLargeException {
        if (n > 0) {
            count += n;
            if (count > limit) {
                throw new DocumentTooLargeException(limit);
            }
        }
        return n;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return counted(super.read(b, off, len));
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if (skipped > 0) {
            count += skipped;
            if (count > limit) {
                throw new DocumentTooLargeException(limit);
            }
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        // Re-reading after reset would count bytes twice; Jackson never needs mark.
        return false;
    }

    /**
     * Returns how many bytes were read so far.
     *
     * @return the byte count
     */
    public long count() {
        return count;
    }
}
