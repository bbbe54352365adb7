package org.p2prollout.validation.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2prollout.validation.suite.CaseResult;
import org.p2prollout.validation.suite.SuiteResult;

/**
 * Every chart of a suite's report rendered once to PNG and SVG, so that the HTML page (embedded) and the
 * Markdown page (files) show the same pictures.
 *
 * @param perCase charts of each case, by case name (coverage, T_1 distribution, bytes per kind)
 * @param suite   suite-wide charts (offload against server rate)
 */
public record RenderedCharts(Map<String, List<ChartImage>> perCase, List<ChartImage> suite) {

    public static RenderedCharts of(SuiteResult result) {
        Map<String, List<ChartImage>> perCase = new LinkedHashMap<>();
        for (CaseResult c : result.cases()) {
            String slug = Format.slug(c.name());
            List<ChartImage> images = new ArrayList<>();
            ReportCharts.coverage(c).ifPresent(chart -> images.add(ChartImage.of(slug + "-coverage.png",
                    "Coverage over time: model against simulation mean with its 95% band", chart)));
            ReportCharts.t1Distribution(c).ifPresent(chart -> images.add(ChartImage.of(slug + "-t1.png",
                    "Distribution of T_1: model CDF against the empirical CDF of the replications", chart)));
            ReportCharts.bytesPerKind(c).ifPresent(chart -> images.add(ChartImage.of(slug + "-bytes.png",
                    "Bytes per kind: model against simulation mean", chart)));
            perCase.put(c.name(), images);
        }
        for (var f : result.forecasts()) {
            String slug = Format.slug(f.name());
            List<ChartImage> images = new ArrayList<>();
            for (String level : f.truth().keySet()) {
                ReportCharts.forecastCdf(f, level).ifPresent(chart -> images.add(ChartImage.of(slug + "-t" + level
                        .replace(".", "") + ".png", "Distribution of T_" + level + " over releases: the held-out truth"
                        + " against each model", chart)));
            }
            perCase.put(f.name(), images);
        }
        List<ChartImage> suiteCharts = new ArrayList<>();
        ReportCharts.offload(result).ifPresent(chart -> suiteCharts.add(ChartImage.of("offload.png",
                "Offload against server rate: P2P, client-server and BitTorrent-like", chart)));
        return new RenderedCharts(perCase, suiteCharts);
    }

    /** Every image, suite charts first. */
    public List<ChartImage> all() {
        List<ChartImage> all = new ArrayList<>(suite);
        perCase.values().forEach(all::addAll);
        return all;
    }
}
