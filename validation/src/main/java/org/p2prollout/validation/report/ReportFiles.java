package org.p2prollout.validation.report;

import java.nio.file.Path;
import java.util.List;

/**
 * The files of a written report.
 *
 * @param html     the self-contained HTML page
 * @param markdown the Markdown page (refers to the chart files)
 * @param csv      the CSV tables
 * @param charts   the chart PNG files
 */
public record ReportFiles(Path html, Path markdown, List<Path> csv, List<Path> charts) {
    public ReportFiles {
        csv = List.copyOf(csv);
        charts = List.copyOf(charts);
    }
}
