package org.p2prollout.validation.report;

/**
 * A rendered chart of the report, in PNG (pages) and SVG (papers).
 *
 * @param file    PNG file name the Markdown report refers to, e.g. {@code "rw-single-coverage.png"};
 *                the SVG is {@link #svgFile()}
 * @param caption what it shows
 * @param png     the PNG bytes
 * @param svg     the SVG bytes
 */
public record ChartImage(String file, String caption, byte[] png, byte[] svg) {
    public ChartImage {
        if (!file.endsWith(".png")) {
            throw new IllegalArgumentException("chart file must end in .png, got " + file);
        }
        png = png.clone();
        svg = svg.clone();
    }

    @Override
    public byte[] png() {
        return png.clone();
    }

    @Override
    public byte[] svg() {
        return svg.clone();
    }

    /** The SVG file name: {@link #file()} with {@code .svg}. */
    public String svgFile() {
        return file.substring(0, file.length() - 4) + ".svg";
    }

    /** A {@code data:} URI with the PNG in base64, for a self-contained HTML page. */
    public String dataUri() {
        return "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png);
    }

    /** Renders a chart in both formats. */
    static ChartImage of(String file, String caption, org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        return new ChartImage(file, caption, org.p2prollout.model.chart.Charts.bytes(chart,
                org.p2prollout.model.chart.Charts.Format.PNG), org.p2prollout.model.chart.Charts.bytes(chart,
                org.p2prollout.model.chart.Charts.Format.SVG));
    }
}
