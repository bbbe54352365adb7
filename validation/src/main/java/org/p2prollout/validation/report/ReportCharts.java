package org.p2prollout.validation.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.p2prollout.validation.suite.CaseResult;
import org.p2prollout.validation.suite.Curve;
import org.p2prollout.validation.suite.OffloadSeries;
import org.p2prollout.validation.suite.SuiteResult;

/**
 * The charts of a validation report, drawn with XChart: model in blue, simulation in red (its
 * 95 % band in light red). Colours are fixed so that readers (and the screenshot test) can tell
 * the series apart.
 */
public final class ReportCharts {
    /** Colour of model predictions. */
    public static final Color MODEL = new Color(31, 119, 180);
    /** Colour of simulation results. */
    public static final Color SIMULATION = new Color(214, 39, 40);
    /** Colour of the simulation's confidence band (translucent simulation colour). */
    public static final Color BAND = new Color(214, 39, 40, 64);
    private static final Color[] SCHEMES = {MODEL, new Color(44, 160, 44), new Color(255, 127, 14),
        new Color(148, 103, 189), SIMULATION};
    static final int WIDTH = 640;
    static final int HEIGHT = 400;

    private ReportCharts() {
    }

    /** Coverage (fraction of devices holding the update) over time: model against simulation with its band. */
    public static Optional<XYChart> coverage(CaseResult c) {
        if (c.predictedCoverage().isEmpty() && c.simulatedCoverage().isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = xy("Coverage: " + c.name(), "time since release (s)", "fraction holding the update");
        Curve sim = c.simulatedCoverage();
        if (sim.hasBand()) {
            double[] t = sim.times();
            double[] polyX = new double[2 * t.length];
            double[] polyY = new double[2 * t.length];
            double[] low = sim.low();
            double[] high = sim.high();
            for (int i = 0; i < t.length; i++) {
                polyX[i] = t[i];
                polyY[i] = high[i];
                polyX[2 * t.length - 1 - i] = t[i];
                polyY[2 * t.length - 1 - i] = low[i];
            }
            XYSeries band = chart.addSeries("simulation 95% band", polyX, polyY);
            band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            band.setFillColor(BAND);
            band.setLineColor(BAND);
            band.setMarker(SeriesMarkers.NONE);
        }
        if (!sim.isEmpty()) {
            line(chart, "simulation (mean)", sim.times(), sim.values(), SIMULATION);
        }
        Curve model = c.predictedCoverage();
        if (!model.isEmpty()) {
            line(chart, "model", model.times(), model.values(), MODEL);
        }
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setXAxisDecimalPattern("#,##0");
        return Optional.of(chart);
    }

    /** CDF of T_1: the model's against the empirical CDF of the replications. */
    public static Optional<XYChart> t1Distribution(CaseResult c) {
        double[] samples = c.simulatedT1();
        if (c.predictedT1Cdf().isEmpty() && samples.length == 0) {
            return Optional.empty();
        }
        XYChart chart = xy("T_1 distribution: " + c.name(), "T_1, time until every device holds it (s)", "P(T_1 <= t)");
        if (samples.length > 0) {
            Arrays.sort(samples);
            double[] x = new double[samples.length + 1];
            double[] y = new double[samples.length + 1];
            x[0] = samples[0];
            for (int i = 0; i < samples.length; i++) {
                x[i + 1] = samples[i];
                y[i + 1] = (i + 1.0) / samples.length;
            }
            XYSeries s = line(chart, "simulation (" + samples.length + " replications)", x, y, SIMULATION);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        }
        if (!c.predictedT1Cdf().isEmpty()) {
            line(chart, "model", c.predictedT1Cdf().times(), c.predictedT1Cdf().values(), MODEL);
        }
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setXAxisDecimalPattern("#,##0");
        return Optional.of(chart);
    }

    /** Bytes per kind (payload from peers, from the server, losses, signalling): model beside simulation. */
    public static Optional<CategoryChart> bytesPerKind(CaseResult c) {
        Set<String> kinds = new LinkedHashSet<>(c.predictedBytes().keySet());
        kinds.addAll(c.simulatedBytes().keySet());
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Bytes per kind: " + c.name()).xAxisTitle("kind").yAxisTitle("bytes").build();
        chart.getStyler().setXAxisLabelRotation(20);
        chart.getStyler().setChartBackgroundColor(Color.WHITE)
                .setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        List<String> names = new ArrayList<>(kinds);
        if (!c.predictedBytes().isEmpty()) {
            chart.addSeries("model", names, names.stream().map(k -> (Number) c.predictedBytes().getOrDefault(k, 0.0)).toList())
                    .setFillColor(MODEL);
        }
        if (!c.simulatedBytes().isEmpty()) {
            chart.addSeries("simulation (mean)", names,
                    names.stream().map(k -> (Number) c.simulatedBytes().getOrDefault(k, 0.0)).toList())
                    .setFillColor(SIMULATION);
        }
        return Optional.of(chart);
    }

    /** Offload against server rate, one line per scheme. */
    public static Optional<XYChart> offload(SuiteResult suite) {
        if (suite.offload().isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = xy("Offload against server rate", "server rate mu (per second)", "offload (share of payload from peers)");
        int i = 0;
        for (OffloadSeries s : suite.offload()) {
            XYSeries series = line(chart, s.scheme() + " (" + s.source() + ")", s.serverRates(), s.offload(),
                    SCHEMES[i++ % SCHEMES.length]);
            series.setMarker(SeriesMarkers.CIRCLE);
        }
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        return Optional.of(chart);
    }

    /**
     * The distribution of T_q of a forecast case: the truth of the held-out window (red) against each
     * model's forecast, as unconditional CDFs over releases (never reached = never), hours on x.
     */
    public static Optional<XYChart> forecastCdf(org.p2prollout.validation.suite.ForecastCaseResult c, String level) {
        var truth = c.truth().get(level);
        if (truth == null) {
            return Optional.empty();
        }
        XYChart chart = xy("T_" + level + ": " + c.name(), "hours since release", "share of releases that reached "
                + level);
        double tMax = 0;
        for (double t : truth.times()) {
            tMax = Math.max(tMax, t);
        }
        cdfSeries(chart, "trace truth (held out)", truth, SIMULATION);
        int i = 0;
        for (var o : c.outcomes()) {
            var s = o.samples().get(level);
            if (s != null) {
                cdfSeries(chart, o.model().cliName(), s, SCHEMES[i % (SCHEMES.length - 1)]);
                i++;
            }
        }
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setXAxisMin(0.0).setXAxisMax(Math.max(1, tMax / 3600 * 1.05));
        return Optional.of(chart);
    }

    private static void cdfSeries(XYChart chart, String name, org.p2prollout.model.spread.TimeSample s, Color colour) {
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
                    x[k + 1] = t[i] / 3600;
                    y[k + 1] = cum;
                    k++;
                }
            }
        }
        line(chart, name, java.util.Arrays.copyOf(x, k + 1), java.util.Arrays.copyOf(y, k + 1), colour);
    }

    /** PNG bytes of a chart. */
    public static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render chart " + chart.getTitle(), e);
        }
    }

    private static XYChart xy(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE)
                .setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE)
                .setMarkerSize(4);
        chart.getStyler().setXAxisDecimalPattern("#,##0.######");
        return chart;
    }

    private static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color colour) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setLineColor(colour);
        s.setMarkerColor(colour);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineWidth(2f);
        return s;
    }
}
