package dev.partnership.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The corpus of invalid datasets in {@code bad-datasets/} (test resources, also shipped in core's test-jar for
 * other modules): one kind of problem per file, listed in {@code bad-datasets/index.tsv} as
 * {@code file<TAB>expected JSON pointer<TAB>message fragment} after a header line.
 */
public final class BadDatasets {
    /** Class-path directory of the corpus. */
    public static final String DIRECTORY = "bad-datasets/";

    private BadDatasets() {
    }

    /**
     * One corpus entry.
     *
     * @param file     file name inside {@link #DIRECTORY}
     * @param pointer  the JSON pointer a problem must have
     * @param fragment text the same problem's message must contain
     */
    public record Entry(String file, String pointer, String fragment) {
        /**
         * Returns the class-path resource name.
         *
         * @return {@code bad-datasets/<file>}
         */
        public String resource() {
            return DIRECTORY + file;
        }

        @Override
        public String toString() {
            return file;
        }
    }

    /**
     * Reads the index.
     *
     * @return the entries in index order
     */
    public static List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        try (InputStream in = BadDatasets.class.getClassLoader().getResourceAsStream(DIRECTORY + "index.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine(); // header
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length != 3) {
                    throw new IllegalStateException("index.tsv line needs 3 tab-separated columns: " + line);
                }
                out.add(new Entry(cols[0], cols[1], cols[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Returns an entry's bytes, wherever the corpus is (a directory, or core's test-jar for other modules).
     *
     * @param entry the entry
     * @return the file's content
     */
    public static byte[] bytes(Entry entry) {
        try (InputStream in = BadDatasets.class.getClassLoader().getResourceAsStream(entry.resource())) {
            if (in == null) {
                throw new IllegalStateException("missing corpus file " + entry.resource());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns an entry's file as a path; only possible when the corpus is a directory on the class path (core's
     * own tests), not inside a jar.
     *
     * @param entry the entry
     * @return the path
     */
    public static Path path(Entry entry) {
        URL url = BadDatasets.class.getClassLoader().getResource(entry.resource());
        if (url == null) {
            throw new IllegalStateException("missing corpus file " + entry.resource());
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
