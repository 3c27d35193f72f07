package dev.partnership.examples.cli;

import dev.partnership.EvaluationConfig;
import dev.partnership.InvalidConfigException;
import dev.partnership.InvalidDatasetException;
import dev.partnership.Partnership;
import dev.partnership.examples.sample.SampleGenerator;
import dev.partnership.io.ConfigReader;
import dev.partnership.io.DatasetReader;
import dev.partnership.io.DatasetWriter;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * How the command line reads its input files and writes its output: readable-file checks that name the path,
 * dataset and configuration reading that attach the file name to problems, and atomic output (a temporary file
 * moved into place, so a target is replaced only by complete output). Stateless.
 */
final class CommandFiles {
    private CommandFiles() {
    }


    static Path path(String name) throws FileAccessException {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            throw new FileAccessException("'" + name + "' is not a valid path: " + e.getReason(), e);
        }
    }

    static Partnership readDataset(Path path) throws IOException, FileAccessException {
        requireReadableFile(path);
        try {
            return DatasetReader.defaults().read(path);
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw fileProblem(path, e);
        } catch (InvalidDatasetException e) {
            throw e.source() != null ? e : new InvalidDatasetException(path.toString(), e.problems());
        }
    }

    static Partnership readBundledSample() throws IOException {
        try (InputStream in = SampleGenerator.openBundledSample()) {
            return DatasetReader.defaults().read(in, SampleGenerator.BUNDLED_SAMPLE_RESOURCE);
        }
    }

    static EvaluationConfig readConfig(Path path) throws IOException, FileAccessException {
        requireReadableFile(path);
        try {
            return ConfigReader.read(path);
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw fileProblem(path, e);
        } catch (InvalidConfigException e) {
            throw e.source() != null ? e : new InvalidConfigException(path.toString(), e.problems());
        }
    }

    static void requireReadableFile(Path path) throws FileAccessException {
        if (!Files.exists(path)) {
            throw new FileAccessException(path + ": no such file", null);
        }
        if (Files.isDirectory(path)) {
            throw new FileAccessException(path + ": is a directory, not a file", null);
        }
        if (!Files.isReadable(path)) {
            throw new FileAccessException(path + ": cannot be read (permission denied)", null);
        }
    }

    static FileAccessException fileProblem(Path path, FileSystemException e) {
        String why = e instanceof NoSuchFileException ? "no such file" : "permission denied";
        return new FileAccessException(path + ": " + why, e);
    }

    /** Something that writes the whole output to a stream. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes to a temporary file beside {@code target} and moves it into place, so that the target is either
     * left alone or replaced by complete output.
     */
    static void writeAtomically(Path target, Content content) throws IOException, FileAccessException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new FileAccessException(target + ": cannot write, no such directory " + dir, null);
        }
        if (Files.isDirectory(absolute)) {
            throw new FileAccessException(target + ": is a directory, not a file", null);
        }
        // Not Files.createTempFile: its owner-only permissions would carry over to the result.
        Path tmp = dir.resolve(String.format(Locale.ROOT, ".%s.%d-%d.tmp", absolute.getFileName(),
                ProcessHandle.current().pid(), System.nanoTime()));
        OutputStream file;
        try {
            file = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            throw new FileAccessException(target + ": cannot write (permission denied)", e);
        }
        try {
            try (OutputStream o = new BufferedOutputStream(file, 1 << 16)) {
                content.writeTo(new NonClosingOutputStream(o));
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            } catch (AccessDeniedException e) {
                throw new FileAccessException(target + ": cannot write (permission denied)", e);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Passes writes through but not {@link #close()}, so a writer that closes its stream leaves ours open. */
    static final class NonClosingOutputStream extends FilterOutputStream {
        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** Writes a dataset to a file atomically, or to standard output. */
    static void writeDataset(Partnership partnership, Path output, PrintStream out) throws IOException,
            FileAccessException {
        if (output == null) {
            OutputStream o = new BufferedOutputStream(new NonClosingOutputStream(out), 1 << 16);
            DatasetWriter.write(partnership, o);
            o.flush();
        } else {
            writeAtomically(output, o -> DatasetWriter.write(partnership, o));
        }
    }
}
