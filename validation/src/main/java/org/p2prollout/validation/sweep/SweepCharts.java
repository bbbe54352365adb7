package org.p2prollout.validation.sweep;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.p2prollout.model.chart.Charts;
import org.p2prollout.validation.report.ReportCharts;
import org.p2prollout.validation.sim.Estimate;

/**
 * Charts of a finished sweep, from the same numbers as summary.csv, each as PNG and SVG (through
 * the chart layer {@link Charts}). With one axis that takes several values: {@code times.png} (T_0.5, T_0.9, T_1 against it: the model's lines, the
 * simulation's means with their 95 % intervals as error bars) and {@code offload.png}. With two:
 * heat maps {@code heatmap-<source>-T_0.9.png} and {@code heatmap-<source>-offload.png} (the first
 * axis across, the second up; simulated cells show means). With more, no charts (a note says so).
 */
public final class SweepCharts {
    static final int WIDTH = Charts.WIDTH;
    static final int HEIGHT = Charts.HEIGHT;

    private SweepCharts() {
    }

    public static List<Path> write(SweepSpec spec, Map<Integer, List<SweepRow>> byPoint, Path dir, List<String> notes)
            throws IOException {
        List<Integer> varying = new ArrayList<>();
        for (int d = 0; d < spec.axes().size(); d++) {
            if (spec.axes().get(d).size() > 1) {
                varying.add(d);
            }
        }
        List<Path> files = new ArrayList<>();
        if (varying.isEmpty()) {
            notes.add("no charts: no axis takes more than one value");
        } else if (varying.size() == 1) {
            int d = varying.get(0);
            files.addAll(save(lines(spec, byPoint, d, List.of(0, 1, 2), "rollout time"), dir.resolve("times")));
            files.addAll(save(lines(spec, byPoint, d, List.of(3), "offload (share of payload from peers)"),
                    dir.resolve("offload")));
        } else if (varying.size() == 2) {
            for (String source : SweepFiles.sources(spec)) {
                for (int m : new int[] {1, 3}) {
                    String metric = Metrics.NAMES.get(m);
                    files.addAll(save(heatMap(spec, byPoint, varying.get(0), varying.get(1), source, m),
                            dir.resolve("heatmap-" + source + "-" + metric)));
                }
            }
        } else {
            notes.add("no charts: " + varying.size() + " axes take several values; charts show one axis (lines) or"
                    + " two (heat maps); summary.csv has every point");
        }
        return files;
    }

    private static List<Path> save(Chart<?, ?> chart, Path base) throws IOException {
        return Charts.write(chart, base, Charts.FILES);
    }

    /** The value of metric {@code m} at a point: the prediction, or the simulated mean. */
    private static double value(List<SweepRow> rows, String source, int m) {
        if (rows == null || rows.isEmpty()) {
            return Double.NaN;
        }
        if (source.equals("predict")) {
            return rows.get(0).predicted().values()[m];
        }
        return SweepFiles.estimates(rows).get(m).mean();
    }

    /** Points along axis d (the others take one value each), in axis order. */
    private static List<SweepPoint> along(SweepSpec spec, int d) {
        List<SweepPoint> out = new ArrayList<>();
        Axis axis = spec.axes().get(d);
        for (String label : axis.labels()) {
            for (SweepPoint p : spec.points()) {
                if (p.values().get(d).equals(label)) {
                    out.add(p);
                    break;
                }
            }
        }
        return out;
    }

    private static Chart<?, ?> lines(SweepSpec spec, Map<Integer, List<SweepRow>> byPoint, int d, List<Integer> metrics,
                                     String yTitle) {
        Axis axis = spec.axes().get(d);
        List<SweepPoint> points = along(spec, d);
        // times (metrics 0-2) in whole seconds, minutes or hours, by the largest value drawn
        double scale = 1;
        if (metrics.get(0) < 3) {
            double max = 0;
            for (String source : SweepFiles.sources(spec)) {
                for (int m : metrics) {
                    for (SweepPoint p : points) {
                        double v = value(byPoint.get(p.index()), source, m);
                        if (Double.isFinite(v)) {
                            max = Math.max(max, v);
                        }
                    }
                }
            }
            Charts.TimeScale unit = Charts.TimeScale.of(max);
            scale = unit.seconds();
            yTitle = yTitle + " (" + unit.name() + ")";
        }
        String xTitle = Charts.words(axis.key());
        String title = spec.name() + ": " + yTitle + " against " + xTitle;
        if (!axis.numeric()) {
            CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                    .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
            Charts.paper(chart.getStyler());
            chart.getStyler().setDefaultSeriesRenderStyle(
                    org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle.Line);
            chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
            chart.getStyler().setOverlapped(true);
            for (String source : SweepFiles.sources(spec)) {
                Color colour = source.equals("predict") ? ReportCharts.MODEL : ReportCharts.SIMULATION;
                for (int m : metrics) {
                    List<String> x = new ArrayList<>();
                    List<Double> y = new ArrayList<>();
                    for (SweepPoint p : points) {
                        double v = value(byPoint.get(p.index()), source, m);
                        x.add(p.values().get(d));
                        y.add(Double.isNaN(v) ? null : v / scale);
                    }
                    var series = chart.addSeries(source + " " + Metrics.NAMES.get(m), x, y);
                    series.setLineColor(shade(colour, metrics.indexOf(m), metrics.size()));
                    series.setMarkerColor(shade(colour, metrics.indexOf(m), metrics.size()));
                }
            }
            return chart;
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        Charts.paper(chart.getStyler());
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        double min = axis.values().stream().mapToDouble(v -> v.asDouble()).min().orElse(0);
        double max = axis.values().stream().mapToDouble(v -> v.asDouble()).max().orElse(0);
        chart.getStyler().setXAxisLogarithmic(Charts.spansDecades(min, max));
        int series = 0;
        for (String source : SweepFiles.sources(spec)) {
            Color colour = source.equals("predict") ? ReportCharts.MODEL : ReportCharts.SIMULATION;
            for (int m : metrics) {
                List<Double> x = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                List<Double> err = new ArrayList<>();
                for (SweepPoint p : points) {
                    List<SweepRow> rows = byPoint.get(p.index());
                    double v = value(rows, source, m);
                    if (Double.isFinite(v)) {
                        x.add(axis.values().get(axis.labels().indexOf(p.values().get(d))).asDouble());
                        y.add(v / scale);
                        if (source.equals("simulate")) {
                            Estimate e = SweepFiles.estimates(rows).get(m);
                            err.add(Double.isNaN(e.ciHigh()) ? 0 : (e.ciHigh() - e.mean()) / scale);
                        }
                    }
                }
                if (x.isEmpty()) {
                    continue;
                }
                String name = source + " " + Metrics.NAMES.get(m) + (source.equals("simulate") ? " (mean, 95 % CI)" : "");
                XYSeries s = source.equals("simulate") ? chart.addSeries(name, x, y, err) : chart.addSeries(name, x, y);
                s.setLineColor(shade(colour, metrics.indexOf(m), metrics.size()));
                s.setMarkerColor(shade(colour, metrics.indexOf(m), metrics.size()));
                s.setMarker(source.equals("predict") ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
                series++;
            }
        }
        if (series == 0) {
            chart.addSeries("no finite values", new double[] {min}, new double[] {0});
        }
        return chart;
    }

    /** The colour, lighter for later series of the same source. */
    private static Color shade(Color c, int i, int n) {
        if (n <= 1) {
            return c;
        }
        double f = 0.55 * i / (n - 1);
        return new Color((int) (c.getRed() + (255 - c.getRed()) * f), (int) (c.getGreen() + (255 - c.getGreen()) * f),
                (int) (c.getBlue() + (255 - c.getBlue()) * f));
    }

    /** Three significant digits, rounded outwards (legend ends). */
    private static double round(double v, java.math.RoundingMode mode) {
        return v == 0 ? 0 : new java.math.BigDecimal(v).round(new java.math.MathContext(3, mode)).doubleValue();
    }

    private static HeatMapChart heatMap(SweepSpec spec, Map<Integer, List<SweepRow>> byPoint, int dx, int dy,
                                        String source, int m) {
        Axis ax = spec.axes().get(dx);
        Axis ay = spec.axes().get(dy);
        String metric = Metrics.NAMES.get(m);
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT)
                .title(spec.name() + ": " + source + " " + metric + (source.equals("simulate") ? " (mean)" : ""))
                .xAxisTitle(Charts.words(ax.key())).yAxisTitle(Charts.words(ay.key())).build();
        Charts.paper(chart.getStyler());
        chart.getStyler().setShowValue(true);
        chart.getStyler().setValueFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11));
        chart.getStyler().setRangeColors(new Color[] {new Color(247, 251, 255), new Color(107, 174, 214),
            new Color(8, 48, 107)});
        List<Number[]> cells = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (SweepPoint p : spec.points()) {
            int xi = ax.labels().indexOf(p.values().get(dx));
            int yi = ay.labels().indexOf(p.values().get(dy));
            double v = value(byPoint.get(p.index()), source, m);
            if (Double.isFinite(v)) {
                cells.add(new Number[] {xi, yi, v});
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (cells.isEmpty()) {
            lo = 0;
            hi = 1;
        } else if (!(hi > lo)) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.01;
            lo -= pad;
            hi += pad;
        }
        lo = round(lo, java.math.RoundingMode.FLOOR);
        hi = round(hi, java.math.RoundingMode.CEILING);
        double span = Math.max(Math.abs(lo), Math.abs(hi));
        chart.getStyler().setHeatMapValueDecimalPattern(span >= 100 ? "0" : span >= 1 ? "0.0##" : "0.0###");
        chart.getStyler().setMin(lo);
        chart.getStyler().setMax(hi);
        chart.addSeries(source + " " + metric, ax.labels(), ay.labels(), cells);
        return chart;
    }
}
