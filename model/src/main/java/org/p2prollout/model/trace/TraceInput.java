package org.p2prollout.model.trace;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.p2prollout.core.InvalidInputException;

/**
 * Opens trace files for streaming. Gzip is recognised by its magic bytes (not the file name), so
 * {@code .gz} works everywhere and a mis-named file still reads.
 */
public final class TraceInput {
    private static final int BUFFER = 1 << 16;

    private TraceInput() {
    }

    /** A buffered byte stream of the file's content, decompressed when it is gzip. */
    public static InputStream openStream(Path file) throws IOException {
        return openStream(file, null);
    }

    /**
     * Like {@link #openStream(Path)}, adding the number of bytes read from the file (before
     * decompression) to {@code counter} as reading proceeds, for progress over huge files.
     */
    public static InputStream openStream(Path file, java.util.concurrent.atomic.AtomicLong counter) throws IOException {
        InputStream source = Files.newInputStream(file);
        if (counter != null) {
            source = new java.io.FilterInputStream(source) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        counter.incrementAndGet();
                    }
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = super.read(buf, off, len);
                    if (n > 0) {
                        counter.addAndGet(n);
                    }
                    return n;
                }
            };
        }
        InputStream raw = new BufferedInputStream(source, BUFFER);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            try {
                return new BufferedInputStream(new CorruptGzipIsBadInput(new GZIPInputStream(raw, BUFFER), file), BUFFER);
            } catch (java.io.EOFException | java.util.zip.ZipException e) {
                raw.close();
                throw CorruptGzipIsBadInput.badInput(file, e);
            }
        }
        return raw;
    }

    /**
     * A truncated or corrupt gzip file is bad input (exit 2, naming the file), not an I/O failure
     * of the machine: {@link GZIPInputStream} reports both as {@link java.io.EOFException} or
     * {@link java.util.zip.ZipException}, which this turns into {@link InvalidInputException}.
     */
    private static final class CorruptGzipIsBadInput extends java.io.FilterInputStream {
        private final Path file;

        CorruptGzipIsBadInput(InputStream in, Path file) {
            super(in);
            this.file = file;
        }

        static InvalidInputException badInput(Path file, IOException e) {
            return new InvalidInputException(file + ": truncated or corrupt gzip data ("
                    + org.p2prollout.core.InputText.printable(String.valueOf(e.getMessage()))
                    + "); check the download, e.g. with 'gzip -t'", e);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (java.io.EOFException | java.util.zip.ZipException e) {
                throw badInput(file, e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (java.io.EOFException | java.util.zip.ZipException e) {
                throw badInput(file, e);
            }
        }
    }

    /** A UTF-8 line reader; {@link BufferedReader#readLine()} accepts LF, CRLF and CR endings. */
    public static BufferedReader openReader(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(openStream(file), StandardCharsets.UTF_8), BUFFER);
    }

    /** The first {@code maxLines} non-blank lines (fewer at end of file), for format detection. */
    public static java.util.List<String> head(Path file, int maxLines) throws IOException {
        java.util.List<String> lines = new java.util.ArrayList<>();
        try (BufferedReader r = openReader(file)) {
            String line;
            while (lines.size() < maxLines && (line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
        }
        return lines;
    }
}
