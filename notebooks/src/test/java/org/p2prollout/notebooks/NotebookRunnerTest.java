package org.p2prollout.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner itself: a passing notebook passes and writes its files; each kind of broken cell fails. */
class NotebookRunnerTest {
    @TempDir
    Path out;

    private NotebookResult run(String fixture) throws Exception {
        Path notebook = Path.of("src/test/resources/runner", fixture);
        return new NotebookRunner(NotebookRunner.currentClassPath(), out, 120).run(notebook);
    }

    @Test
    void passingNotebookRunsEveryCellAndWritesItsTableAndChart() throws Exception {
        NotebookResult r = run("passing.jsh");
        assertTrue(r.passed(), r::describe);
        assertEquals(8, r.cells(), r::describe);
        // H_4 = 1 + 1/2 + 1/3 + 1/4 = 25/12
        assertTrue(r.console().contains("H_4 = " + (1 + 0.5 + 1.0 / 3 + 0.25)), r.console());
        List<String> csv = Files.readAllLines(out.resolve("passing/harmonic.csv"));
        assertEquals(List.of("n,H_n", "1,1", "2,1.5", "3," + (1 + 0.5 + 1.0 / 3), "4," + (1 + 0.5 + 1.0 / 3 + 0.25)), csv);
        byte[] png = Files.readAllBytes(out.resolve("passing/harmonic.png"));
        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG file");
    }

    @Test
    void exceptionInACellFailsAtThatCell() throws Exception {
        NotebookResult r = run("throws.jsh");
        assertFalse(r.passed());
        assertEquals(3, r.failedCell(), r::describe);
        assertTrue(r.reason().contains("ArrayIndexOutOfBoundsException"), r::describe);
    }

    @Test
    void compileErrorFails() throws Exception {
        NotebookResult r = run("compile-error.jsh");
        assertFalse(r.passed());
        assertEquals(2, r.failedCell(), r::describe);
        assertTrue(r.reason().startsWith("compile error"), r::describe);
    }

    @Test
    void unresolvedReferenceFails() throws Exception {
        NotebookResult r = run("unresolved.jsh");
        assertFalse(r.passed());
        assertEquals(1, r.failedCell(), r::describe);
        assertTrue(r.reason().contains("undefinedHelper"), r::describe);
    }

    @Test
    void systemExitInACellFailsInsteadOfEndingQuietly() throws Exception {
        NotebookResult r = run("exits.jsh");
        assertFalse(r.passed(), r::describe);
        assertEquals(2, r.failedCell(), r::describe);
    }

    @Test
    void unfinishedLastSnippetIsRejected() throws Exception {
        Path notebook = out.resolve("unfinished.jsh");
        Files.writeString(notebook, "int x = 1;\nint y = (2 + \n");
        NotebookResult r = new NotebookRunner(NotebookRunner.currentClassPath(), out, 60).run(notebook);
        assertFalse(r.passed());
        assertEquals(2, r.failedCell(), r::describe);
    }
}
