package org.p2prollout.notebooks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every notebook under {@code notebooks/} (this module's folder) with the module's test
 * class path; a notebook fails the build when any cell is rejected, does not compile or throws,
 * and when it writes no CSV table or no PNG chart. Outputs go to
 * {@code target/notebook-output/<name>/}. Tagged {@code slow} (about 110 s): {@code mvn -B verify}
 * runs it; {@code -DexcludedGroups=slow} leaves it out locally.
 */
@Tag("slow")
class NotebooksTest {
    static final Path NOTEBOOKS = Path.of("notebooks");
    static final Path OUTPUT = Path.of("target/notebook-output");

    @Test
    void cabNotebookFallsBackToASyntheticTraceAndSaysSo() throws IOException {
        Path out = Path.of("target/notebook-output-without-data");
        NotebookResult r = new NotebookRunner(NotebookRunner.currentClassPath(), out, 300).withoutSharedData()
                .run(NOTEBOOKS.resolve("02-cab-encounter-rates.jsh"));
        assertTrue(r.passed(), r::describe);
        String summary = Files.readString(r.output().resolve("summary.csv"));
        assertTrue(summary.contains("SYNTHETIC city trace"), summary);
        assertTrue(r.console().contains("SYNTHETIC city trace"), r.console());
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsAndWritesTablesAndCharts() throws IOException {
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            notebooks = files.filter(p -> p.toString().endsWith(".jsh")).sorted().toList();
        }
        NotebookRunner runner = new NotebookRunner(NotebookRunner.currentClassPath(), OUTPUT, 300);
        return notebooks.stream().map(notebook -> DynamicTest.dynamicTest(NotebookRunner.nameOf(notebook), () -> {
            NotebookResult r = runner.run(notebook);
            assertTrue(r.passed(), r::describe);
            try (Stream<Path> written = Files.list(r.output())) {
                List<String> names = written.map(p -> p.getFileName().toString()).toList();
                assertTrue(names.stream().anyMatch(n -> n.endsWith(".csv")), () -> r.name() + " wrote no CSV: " + names);
                assertTrue(names.stream().anyMatch(n -> n.endsWith(".png")), () -> r.name() + " wrote no PNG: " + names);
            }
        }));
    }
}
