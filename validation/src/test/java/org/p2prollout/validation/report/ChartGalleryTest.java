package org.p2prollout.validation.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.internal.chartpart.Chart;
import org.p2prollout.model.chart.Charts;
import org.p2prollout.validation.suite.OffloadSeries;
import org.p2prollout.validation.suite.SuiteResult;

/**
 * Renders the report's chart kinds from the hand-made sample results into
 * {@code target/gallery}, or into {@code -Dgallery.dir=...} (docs/CHARTS.md:
 * {@code mvn -B -o -pl validation -am test -Dtest=ChartGalleryTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dgallery.dir=$PWD/docs/gallery}). The data are synthetic and say so in the chart titles.
 */
class ChartGalleryTest {
    @Test
    void rendersEveryReportChartKind() throws Exception {
        Path dir = Path.of(System.getProperty("gallery.dir", "target/gallery"));
        Files.createDirectories(dir);
        double[] mu = {1e-4, 2e-4, 5e-4, 1e-3, 2e-3};
        SuiteResult offload = new SuiteResult("gallery", "synthetic", List.of(), List.of(
                new OffloadSeries("P2P", mu, new double[] {0.97, 0.94, 0.86, 0.75, 0.6}, "model"),
                new OffloadSeries("P2P", mu, new double[] {0.96, 0.93, 0.87, 0.73, 0.62}, "simulation"),
                new OffloadSeries("client-server", mu, new double[] {0, 0, 0, 0, 0}, "definition"),
                new OffloadSeries("BitTorrent-like", mu, new double[] {0.9, 0.88, 0.8, 0.7, 0.55}, "fluid model")),
                List.of(), 1);
        var c = SampleSuites.passing();
        List<Chart<?, ?>> charts = List.of(ReportCharts.coverage(c).orElseThrow(),
                ReportCharts.t1Distribution(c).orElseThrow(), ReportCharts.bytesPerKind(c).orElseThrow(),
                ReportCharts.offload(offload).orElseThrow());
        List<String> names = List.of("coverage", "t1-distribution", "bytes-per-kind", "offload");
        for (int i = 0; i < charts.size(); i++) {
            charts.get(i).setTitle(charts.get(i).getTitle().replace("rw-single-piece", "synthetic sample"));
            List<Path> files = Charts.write(charts.get(i), dir.resolve(names.get(i)), java.util.Set.of(Charts.Format.PNG));
            assertTrue(Files.size(files.get(0)) > 5000, files.toString());
        }
    }
}
