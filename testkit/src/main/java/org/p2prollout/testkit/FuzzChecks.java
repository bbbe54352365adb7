package org.p2prollout.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.p2prollout.core.InvalidInputException;

/** The checks the fuzz properties share: bad input fails only as one line, and scratch folders go away. */
public final class FuzzChecks {
    private FuzzChecks() {
    }

    /** Work on a mutated input that may throw. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    /**
     * Runs {@code action}: it may return or throw {@link InvalidInputException} (bad input, exit 2)
     * whose message is one non-blank line; a blank or multi-line message is an {@link AssertionError},
     * any other exception passes through (and fails the case).
     *
     * @return whether the action returned (true) or rejected the input (false)
     */
    public static boolean onlyBadInput(Action action) throws Exception {
        try {
            action.run();
            return true;
        } catch (InvalidInputException e) {
            String m = e.getMessage();
            if (m == null || m.isBlank() || m.contains("\n")) {
                throw new AssertionError("a bad-input message is one non-blank line: " + m, e);
            }
            return false;
        }
    }

    /** Deletes {@code dir} and everything below it (deepest first); nothing if it is gone already. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
