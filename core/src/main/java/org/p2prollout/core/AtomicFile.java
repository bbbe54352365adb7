package org.p2prollout.core;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers never see a partial one: the content goes to a temporary file
 * in the same directory, which is renamed over the target only when writing succeeded. On any
 * failure the temporary file is deleted and the target is left as it was.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /** Writes bytes produced by {@code body}. */
    public interface StreamBody {
        void write(OutputStream out) throws IOException;
    }

    /** Writes text (UTF-8) produced by {@code body}. */
    public interface TextBody {
        void write(Writer out) throws IOException;
    }

    public static void write(Path target, StreamBody body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: that makes the file owner-only (0600) and the rename would
        // carry those permissions to the target. CREATE_NEW gives the umask's permissions.
        Path tmp = dir.resolve("." + absolute.getFileName() + "." + Long.toUnsignedString(System.nanoTime(), 36)
                + Thread.currentThread().getId() + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                body.write(out);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    public static void writeText(Path target, TextBody body) throws IOException {
        write(target, out -> {
            Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
            body.write(w);
            w.flush();
        });
    }

    /** Like {@link #writeText} with a fixed string, wrapping I/O errors as unchecked. */
    public static void writeString(Path target, String content) {
        try {
            writeText(target, w -> w.write(content));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
