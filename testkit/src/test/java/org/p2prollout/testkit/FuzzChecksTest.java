package org.p2prollout.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.p2prollout.core.InvalidInputException;

class FuzzChecksTest {
    @Test
    void acceptsReturnAndOneLineBadInputOnly() throws Exception {
        assertTrue(FuzzChecks.onlyBadInput(() -> { }));
        assertFalse(FuzzChecks.onlyBadInput(() -> {
            throw new InvalidInputException("x.tra line 3: rate -1 must be > 0");
        }));
        assertThrows(AssertionError.class, () -> FuzzChecks.onlyBadInput(() -> {
            throw new InvalidInputException("two\nlines");
        }));
        assertThrows(AssertionError.class, () -> FuzzChecks.onlyBadInput(() -> {
            throw new InvalidInputException(" ");
        }));
        assertThrows(NumberFormatException.class, () -> FuzzChecks.onlyBadInput(() -> Integer.parseInt("1e308")));
    }

    @Test
    void deleteTreeRemovesNestedFilesAndToleratesAMissingFolder() throws Exception {
        Path dir = Files.createTempDirectory("fuzz-checks");
        Files.writeString(Files.createDirectories(dir.resolve("a/b")).resolve("f.txt"), "x");
        FuzzChecks.deleteTree(dir);
        assertFalse(Files.exists(dir));
        FuzzChecks.deleteTree(dir);
    }
}
