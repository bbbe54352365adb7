package org.p2prollout.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void failedWriteLeavesNeitherPartialTargetNorTemporaryFile() throws IOException {
        Path target = dir.resolve("out.csv");
        assertThrows(IllegalStateException.class, () -> AtomicFile.writeText(target, w -> {
            w.write("state,probability\n0,0.5\n");
            throw new IllegalStateException("solver failed half-way");
        }));
        assertFalse(Files.exists(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void failedRewriteKeepsThePreviousContent() throws IOException {
        Path target = dir.resolve("out.csv");
        AtomicFile.writeString(target, "old\n");
        assertThrows(IOException.class, () -> AtomicFile.writeText(target, w -> {
            w.write("new");
            throw new IOException("disk full");
        }));
        assertEquals("old\n", Files.readString(target));
    }

    @Test
    void successfulWriteCreatesMissingDirectories() throws IOException {
        Path target = dir.resolve("a/b/c.txt");
        AtomicFile.writeString(target, "x");
        assertEquals("x", Files.readString(target));
    }

    @Test
    void writtenFileHasTheSamePermissionsAsAPlainlyCreatedOne() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions only");
        Path plain = dir.resolve("plain.txt");
        Files.writeString(plain, "x");
        Path atomic = dir.resolve("atomic.txt");
        AtomicFile.writeString(atomic, "x");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(atomic));
    }
}
