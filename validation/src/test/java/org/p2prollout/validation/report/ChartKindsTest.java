package org.p2prollout.validation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.internal.chartpart.Chart;
import org.p2prollout.model.chart.Charts;
import org.p2prollout.validation.suite.CaseResult;
import org.p2prollout.validation.suite.OffloadSeries;
import org.p2prollout.validation.suite.SuiteResult;
import org.w3c.dom.Document;

/** Every chart kind of the report, rendered to SVG and PNG: axes labelled in words with units, log where asked. */
class ChartKindsTest {
    private static final Pattern DESC = Pattern.compile(
            "x axis: (.+), (log|linear); y axis: (.+), (log|linear)");

    /** The axis description of an SVG, after checking it is well-formed XML of the chart's size. */
    static Matcher axes(Chart<?, ?> chart) throws Exception {
        byte[] svg = Charts.bytes(chart, Charts.Format.SVG);
        var f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals("0 0 " + Charts.WIDTH + " " + Charts.HEIGHT, doc.getDocumentElement().getAttribute("viewBox"));
        assertEquals(chart.getTitle(), doc.getElementsByTagName("title").item(0).getTextContent());
        assertTrue(doc.getElementsByTagName("path").getLength() > 5, "glyphs and lines are drawn");
        Matcher m = DESC.matcher(doc.getElementsByTagName("desc").item(0).getTextContent());
        assertTrue(m.matches(), new String(svg, 0, 600, StandardCharsets.UTF_8));
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Charts.bytes(chart, Charts.Format.PNG)));
        assertEquals(Charts.WIDTH * Charts.PNG_SCALE, png.getWidth());
        assertEquals(Charts.HEIGHT * Charts.PNG_SCALE, png.getHeight());
        assertTrue(Charts.bytes(chart, Charts.Format.PDF).length > 1000, "PDF written");
        for (String title : List.of(m.group(1), m.group(3))) {
            assertFalse(title.matches(".*[a-z][A-Z].*"), "no camelCase in '" + title + "'");
        }
        return m;
    }

    private static void assertAxes(Matcher m, String x, String xScale, String y, String yScale) {
        assertEquals(List.of(x, xScale, y, yScale), List.of(m.group(1), m.group(2), m.group(3), m.group(4)));
    }

    @Test
    void coverageIsLinearWithTimeInWholeMinutes() throws Exception {
        // the sample runs to 590 s: minutes, not seconds
        assertAxes(axes(ReportCharts.coverage(SampleSuites.passing()).orElseThrow()), "time since release (min)",
                "linear", "share of devices holding the update", "linear");
    }

    @Test
    void t1DistributionHasUnitsAndAxisEndsOnAStep() throws Exception {
        var chart = ReportCharts.t1Distribution(SampleSuites.passing()).orElseThrow();
        Matcher m = axes(chart);
        assertEquals("T_1, time until every device holds it (min)", m.group(1));
        // 592 s of model CDF = 9.87 min -> 1-2-5 step 2 min, axis to 10 min
        assertEquals(10.0, chart.getStyler().getXAxisMax(), 1e-12);
        assertEquals(0.0, chart.getStyler().getXAxisMin(), 1e-12);
    }

    @Test
    void dkwHalfWidthMatchesTheClosedForm() {
        // n = 7, 95 %: sqrt(ln(40) / 14) = 0.5133
        assertEquals(0.51332, ReportCharts.dkwHalfWidth(7, 0.95), 1e-5);
    }

    @Test
    void bytesPerKindIsLogWhenKindsSpanDecadesAndNamesKindsInWords() throws Exception {
        // 1.0e6 to 4.9e7 bytes: a log axis; announcements are zero in the model
        assertAxes(axes(ReportCharts.bytesPerKind(SampleSuites.passing()).orElseThrow()),
                "kind of traffic (zero, not drawn: announcements)", "linear", "bytes", "log");
        var camel = CaseResult.ran("c", "d", java.util.Map.of(), List.of(), 2, List.of(), List.of(),
                org.p2prollout.validation.suite.Curve.empty(), org.p2prollout.validation.suite.Curve.empty(),
                org.p2prollout.validation.suite.Curve.empty(), new double[0],
                java.util.Map.of("peerPayload", 100.0, "serverPayload", 150.0), java.util.Map.of(), 1.0);
        var chart = ReportCharts.bytesPerKind(camel).orElseThrow();
        assertEquals("linear", axes(chart).group(4), "100 to 150 bytes: linear");
        var labels = ((org.knowm.xchart.CategorySeries) chart.getSeriesMap().get("model")).getXData();
        assertTrue(List.copyOf(labels).containsAll(List.of("peer payload", "server payload")), labels.toString());
    }

    @Test
    void offloadIsLogInServerRateWhenItSpansDecades() throws Exception {
        double[] mu = {1e-4, 5e-4, 2e-3};
        SuiteResult suite = new SuiteResult("s", "d", List.of(), List.of(
                new OffloadSeries("P2P", mu, new double[] {0.9, 0.6, 0.3}, "model")), List.of(), 1);
        Matcher m = axes(ReportCharts.offload(suite).orElseThrow());
        assertEquals("server rate mu (per second)", m.group(1));
        assertEquals("log", m.group(2));
        // the sample suite includes mu = 0 and 0.001..0.01: log, the zero left out and said so
        var withZero = ReportCharts.offload(SampleSuites.suite()).orElseThrow();
        assertEquals("log", axes(withZero).group(2));
        assertTrue(withZero.getTitle().contains("mu = 0 not on the log axis"), withZero.getTitle());
        double[] narrow = {1e-3, 2e-3, 5e-3};
        SuiteResult lin = new SuiteResult("s", "d", List.of(), List.of(
                new OffloadSeries("P2P", narrow, new double[] {0.9, 0.6, 0.3}, "model")), List.of(), 1);
        assertEquals("linear", axes(ReportCharts.offload(lin).orElseThrow()).group(2), "5x: linear");
    }
}
