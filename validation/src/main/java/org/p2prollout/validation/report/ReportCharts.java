package org.p2prollout.validation.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.p2prollout.model.chart.Charts;
import org.p2prollout.validation.suite.CaseResult;
import org.p2prollout.validation.suite.Curve;
import org.p2prollout.validation.suite.OffloadSeries;
import org.p2prollout.validation.suite.SuiteResult;

/**
 * The charts of a validation report, styled by the one chart layer {@link Charts}: model in blue,
 * simulation (or the trace's truth) in red with its 95 % interval as a light-red band. Time axes are
 * in whole seconds, minutes or hours with 1-2-5 ticks; axes of positive values spanning a decade or
 * more are logarithmic.
 */
public final class ReportCharts {
    /** Colour of model predictions. */
    public static final Color MODEL = Charts.MODEL;
    /** Colour of simulation results. */
    public static final Color SIMULATION = Charts.SIMULATION;
    /** Colour of the simulation's confidence band (translucent simulation colour). */
    public static final Color BAND = Charts.BAND;
    /** Two-sided level of the bands drawn around empirical CDFs (Dvoretzky-Kiefer-Wolfowitz). */
    static final double BAND_LEVEL = 0.95;

    private ReportCharts() {
    }

    /** Coverage (fraction of devices holding the update) over time: model against simulation with its band. */
    public static Optional<XYChart> coverage(CaseResult c) {
        if (c.predictedCoverage().isEmpty() && c.simulatedCoverage().isEmpty()) {
            return Optional.empty();
        }
        Curve sim = c.simulatedCoverage();
        Curve model = c.predictedCoverage();
        double tMax = Math.max(max(sim.times()), max(model.times()));
        Charts.TimeScale unit = Charts.TimeScale.of(tMax);
        XYChart chart = xy("Coverage: " + c.name(), "time since release (" + unit.name() + ")",
                "share of devices holding the update");
        if (sim.hasBand()) {
            band(chart, "simulation 95% interval", unit.apply(sim.times()), sim.low(), sim.high(), BAND);
        }
        if (!sim.isEmpty()) {
            line(chart, "simulation (mean)", unit.apply(sim.times()), sim.values(), SIMULATION);
        }
        if (!model.isEmpty()) {
            line(chart, "model", unit.apply(model.times()), model.values(), MODEL);
        }
        Charts.niceLinear(chart.getStyler(), true, 0, tMax / unit.seconds());
        Charts.niceLinear(chart.getStyler(), false, 0, 1);
        return Optional.of(chart);
    }

    /**
     * CDF of T_1: the model's against the empirical CDF of the replications, the latter with its
     * 95 % Dvoretzky-Kiefer-Wolfowitz band (half-width sqrt(ln(2/0.05) / (2 n))).
     */
    public static Optional<XYChart> t1Distribution(CaseResult c) {
        double[] samples = c.simulatedT1();
        if (c.predictedT1Cdf().isEmpty() && samples.length == 0) {
            return Optional.empty();
        }
        double tMax = Math.max(max(samples), max(c.predictedT1Cdf().times()));
        Charts.TimeScale unit = Charts.TimeScale.of(tMax);
        XYChart chart = xy("T_1 distribution: " + c.name(), "T_1, time until every device holds it ("
                + unit.name() + ")", "P(T_1 <= t)");
        if (samples.length > 0) {
            Arrays.sort(samples);
            int n = samples.length;
            double eps = dkwHalfWidth(n, BAND_LEVEL);
            // Step function as explicit corners, so the band and the line share one shape.
            double[] x = new double[2 * n];
            double[] y = new double[2 * n];
            for (int i = 0; i < n; i++) {
                x[2 * i] = samples[i] / unit.seconds();
                y[2 * i] = (double) i / n;
                x[2 * i + 1] = samples[i] / unit.seconds();
                y[2 * i + 1] = (i + 1.0) / n;
            }
            double[] lo = new double[y.length];
            double[] hi = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                lo[i] = Math.max(0, y[i] - eps);
                hi[i] = Math.min(1, y[i] + eps);
            }
            band(chart, "simulation 95% band (DKW)", x, lo, hi, BAND);
            line(chart, "simulation (" + n + (n == 1 ? " replication)" : " replications)"), x, y, SIMULATION);
        }
        if (!c.predictedT1Cdf().isEmpty()) {
            line(chart, "model", unit.apply(c.predictedT1Cdf().times()), c.predictedT1Cdf().values(), MODEL);
        }
        Charts.niceLinear(chart.getStyler(), true, 0, tMax / unit.seconds());
        Charts.niceLinear(chart.getStyler(), false, 0, 1);
        return Optional.of(chart);
    }

    /** Half-width of the two-sided DKW band at confidence {@code level} for {@code n} samples. */
    static double dkwHalfWidth(int n, double level) {
        return Math.sqrt(Math.log(2 / (1 - level)) / (2.0 * n));
    }

    /**
     * Bytes per kind (payload from peers, from the server, losses, signalling): a dot plot, model
     * beside simulation for each kind, kinds in words. The kinds differ by orders of magnitude, so
     * the byte axis is logarithmic when they span a decade; a log axis has no place for zero, so
     * kinds that are zero in a source are named in the axis title and not drawn for that source.
     */
    public static Optional<CategoryChart> bytesPerKind(CaseResult c) {
        Set<String> kinds = new LinkedHashSet<>(c.predictedBytes().keySet());
        kinds.addAll(c.simulatedBytes().keySet());
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>(kinds);
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (var m : List.of(c.predictedBytes(), c.simulatedBytes())) {
            for (double v : m.values()) {
                if (v > 0) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        boolean log = Charts.spansDecades(lo, hi);
        CategoryChart chart = new CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title("Bytes per kind: " + c.name()).xAxisTitle("kind of traffic").yAxisTitle("bytes").build();
        Charts.paper(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setMarkerSize(9);
        List<String> zero = new ArrayList<>();
        for (String k : names) {
            for (var m : List.of(c.predictedBytes(), c.simulatedBytes())) {
                if (log && !m.isEmpty() && !(m.getOrDefault(k, 0.0) > 0) && !zero.contains(k)) {
                    zero.add(k);
                }
            }
        }
        names.removeAll(zero);
        List<String> labels = names.stream().map(Charts::words).toList();
        int series = 0;
        for (var source : List.of(java.util.Map.entry("model", c.predictedBytes()),
                java.util.Map.entry("simulation (mean)", c.simulatedBytes()))) {
            if (source.getValue().isEmpty()) {
                continue;
            }
            List<Double> y = names.stream().map(k -> source.getValue().getOrDefault(k, 0.0)).toList();
            CategorySeries s = chart.addSeries(source.getKey(), labels, y);
            Color colour = series == 0 ? MODEL : SIMULATION;
            s.setMarkerColor(colour).setLineColor(colour).setFillColor(colour);
            s.setMarker(series == 0 ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
            series++;
        }
        if (log) {
            // XChart's own decade ticks (a label function would replace them with linear ones)
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(lo))))
                    .setYAxisMax(Math.pow(10, Math.ceil(Math.log10(hi))));
            chart.getStyler().setYAxisDecimalPattern("0.#E0");
        } else {
            Charts.niceLinear(chart.getStyler(), false, 0, Math.max(1, hi));
        }
        if (!zero.isEmpty()) {
            chart.setXAxisTitle("kind of traffic (zero, not drawn: "
                    + String.join(", ", zero.stream().map(Charts::words).toList()) + ")");
        }
        return Optional.of(chart);
    }

    /** Offload against server rate, one line per scheme; the rate axis is logarithmic when it spans a decade. */
    public static Optional<XYChart> offload(SuiteResult suite) {
        if (suite.offload().isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = xy("Offload against server rate", "server rate mu (per second)",
                "offload (share of payload from peers)");
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (OffloadSeries s : suite.offload()) {
            for (double r : s.serverRates()) {
                if (r > 0) {
                    lo = Math.min(lo, r);
                    hi = Math.max(hi, r);
                }
            }
        }
        // A log axis has no place for mu = 0 (no server): those points are left out and the title says so.
        boolean log = Charts.spansDecades(lo, hi);
        boolean dropped = false;
        int i = 0;
        for (OffloadSeries s : suite.offload()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int k = 0; k < s.serverRates().length; k++) {
                if (log && !(s.serverRates()[k] > 0)) {
                    dropped = true;
                } else {
                    x.add(s.serverRates()[k]);
                    y.add(s.offload()[k]);
                }
            }
            if (x.isEmpty()) {
                continue;
            }
            XYSeries series = line(chart, s.scheme() + " (" + s.source() + ")",
                    x.stream().mapToDouble(Double::doubleValue).toArray(), y.stream().mapToDouble(Double::doubleValue)
                            .toArray(), Charts.SERIES.get(i++ % Charts.SERIES.size()));
            series.setMarker(SeriesMarkers.CIRCLE);
        }
        if (log) {
            chart.getStyler().setXAxisLogarithmic(true);
        }
        if (dropped) {
            chart.setTitle(chart.getTitle() + " (mu = 0 not on the log axis)");
        }
        Charts.niceLinear(chart.getStyler(), false, 0, 1);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
        return Optional.of(chart);
    }

    /**
     * The distribution of T_q of a forecast case: the truth of the held-out window (red) against each
     * model's forecast, as unconditional CDFs over releases (never reached = never); time in whole
     * hours or days.
     */
    public static Optional<XYChart> forecastCdf(org.p2prollout.validation.suite.ForecastCaseResult c, String level) {
        var truth = c.truth().get(level);
        if (truth == null) {
            return Optional.empty();
        }
        double tMax = max(truth.times());
        Charts.TimeScale unit = tMax >= 3 * 86400 ? Charts.TimeScale.of(tMax) : new Charts.TimeScale("h", 3600);
        XYChart chart = xy("T_" + level + ": " + c.name(), "time since release (" + unit.name() + ")",
                "share of releases that reached " + level);
        cdfSeries(chart, "trace truth (held out)", truth, SIMULATION, unit);
        int i = 0;
        for (var o : c.outcomes()) {
            var s = o.samples().get(level);
            if (s != null) {
                cdfSeries(chart, o.model().cliName(), s, Charts.SERIES.get(i % (Charts.SERIES.size() - 1)), unit);
                i++;
            }
        }
        Charts.niceLinear(chart.getStyler(), true, 0, Math.max(1, tMax / unit.seconds() * 1.05));
        Charts.niceLinear(chart.getStyler(), false, 0, 1);
        return Optional.of(chart);
    }

    private static void cdfSeries(XYChart chart, String name, org.p2prollout.model.spread.TimeSample s, Color colour,
                                  Charts.TimeScale unit) {
        double[] t = s.times();
        double[] w = s.weights();
        int n = Math.min(t.length, 2000);
        double[] x = new double[n + 1];
        double[] y = new double[n + 1];
        double cum = 0;
        int k = 0;
        int stride = Math.max(1, t.length / n);
        for (int i = 0; i < t.length; i++) {
            cum += w[i];
            if (i % stride == stride - 1 || i == t.length - 1) {
                if (k < n) {
                    x[k + 1] = t[i] / unit.seconds();
                    y[k + 1] = cum;
                    k++;
                }
            }
        }
        XYSeries series = line(chart, name, Arrays.copyOf(x, k + 1), Arrays.copyOf(y, k + 1), colour);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
    }

    /** PNG bytes of a chart (see {@link Charts#bytes} for SVG and PDF). */
    public static byte[] png(Chart<?, ?> chart) {
        return Charts.bytes(chart, Charts.Format.PNG);
    }

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                m = Math.max(m, x);
            }
        }
        return m;
    }

    private static XYChart xy(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title(title).xAxisTitle(x)
                .yAxisTitle(y).build();
        Charts.paper(chart.getStyler()).setLegendPosition(Styler.LegendPosition.InsideSE).setMarkerSize(5);
        return chart;
    }

    /** A band between {@code low} and {@code high} over {@code x}, drawn as a closed polygon. */
    private static void band(XYChart chart, String name, double[] x, double[] low, double[] high, Color colour) {
        int n = x.length;
        double[] px = new double[2 * n];
        double[] py = new double[2 * n];
        for (int i = 0; i < n; i++) {
            px[i] = x[i];
            py[i] = high[i];
            px[2 * n - 1 - i] = x[i];
            py[2 * n - 1 - i] = low[i];
        }
        XYSeries band = chart.addSeries(name, px, py);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setFillColor(colour);
        band.setLineColor(colour);
        band.setMarker(SeriesMarkers.NONE);
    }

    private static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color colour) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setLineColor(colour);
        s.setMarkerColor(colour);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineWidth(1.8f);
        return s;
    }
}
