package org.p2prollout.validation.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.p2prollout.core.AtomicFile;
import org.p2prollout.validation.suite.SuiteResult;

/**
 * Writes a suite's report into a folder: {@code report.html} (self-contained),
 * {@code report.md} with {@code charts/*.png} (and the same charts as {@code charts/*.svg}), {@code cases.csv} and {@code comparisons.csv}.
 * Every file is written atomically.
 */
public final class ValidationReport {
    public static final String HTML = "report.html";
    public static final String MARKDOWN = "report.md";
    public static final String CHARTS = "charts";

    private ValidationReport() {
    }

    public static ReportFiles write(SuiteResult suite, Path folder) {
        RenderedCharts charts = RenderedCharts.of(suite);
        List<Path> chartFiles = new ArrayList<>();
        for (ChartImage image : charts.all()) {
            Path file = folder.resolve(CHARTS).resolve(image.file());
            Path svg = folder.resolve(CHARTS).resolve(image.svgFile());
            try {
                AtomicFile.write(file, out -> out.write(image.png()));
                AtomicFile.write(svg, out -> out.write(image.svg()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
            chartFiles.add(file);
            chartFiles.add(svg);
        }
        Path cases = folder.resolve("cases.csv");
        Path comparisons = folder.resolve("comparisons.csv");
        AtomicFile.writeString(cases, CsvReport.cases(suite));
        AtomicFile.writeString(comparisons, CsvReport.comparisons(suite));
        List<Path> csv = new ArrayList<>(List.of(cases, comparisons));
        if (!suite.forecasts().isEmpty()) {
            Path forecasts = folder.resolve("forecasts.csv");
            AtomicFile.writeString(forecasts, ForecastSections.csv(suite));
            csv.add(forecasts);
        }
        Path markdown = folder.resolve(MARKDOWN);
        AtomicFile.writeString(markdown, MarkdownReport.render(suite, charts, CHARTS));
        Path html = folder.resolve(HTML);
        AtomicFile.writeString(html, HtmlReport.render(suite, charts));
        return new ReportFiles(html, markdown, csv, chartFiles);
    }
}
