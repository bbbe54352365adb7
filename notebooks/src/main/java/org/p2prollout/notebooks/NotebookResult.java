package org.p2prollout.notebooks;

import java.nio.file.Path;

/**
 * The outcome of running one notebook.
 *
 * @param name      notebook name (file name without {@code .jsh})
 * @param output    the folder it wrote its tables and charts to
 * @param passed    true when every snippet ran without rejection, error or exception
 * @param cells     snippets run (all of them when passed; up to and including the failing one otherwise)
 * @param failedCell 1-based index of the failing snippet in the notebook, or 0 when passed
 *                  (negative values point into the runner's prelude)
 * @param snippet   source of the failing snippet, or empty
 * @param reason    why it failed, or empty
 * @param console   everything the notebook printed to stdout and stderr
 * @param seconds   wall-clock time, seconds
 */
public record NotebookResult(String name, Path output, boolean passed, int cells, int failedCell,
                             String snippet, String reason, String console, double seconds) {

    static NotebookResult passed(String name, Path output, int cells, String console, double seconds) {
        return new NotebookResult(name, output, true, cells, 0, "", "", console, seconds);
    }

    static NotebookResult failed(String name, Path output, int cell, String snippet, String reason,
                                 String console, double seconds) {
        return new NotebookResult(name, output, false, cell, cell, snippet, reason, console, seconds);
    }

    /** A message for a test failure: which cell, its source, the reason and the notebook's output. */
    public String describe() {
        if (passed) {
            return "notebook " + name + " passed: " + cells + " cells in " + String.format("%.1f s", seconds);
        }
        return "notebook " + name + " failed at cell " + failedCell + ":\n" + snippet.strip()
                + "\n--> " + reason + "\n--- notebook output ---\n" + console;
    }
}
