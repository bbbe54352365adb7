package org.p2prollout.validation.report;

/**
 * A rendered chart of the report.
 *
 * @param file    file name the Markdown report refers to, e.g. {@code "rw-single-coverage.png"}
 * @param caption what it shows
 * @param png     the PNG bytes
 */
public record ChartImage(String file, String caption, byte[] png) {
    public ChartImage {
        png = png.clone();
    }

    @Override
    public byte[] png() {
        return png.clone();
    }

    /** A {@code data:} URI with the image in base64, for a self-contained HTML page. */
    public String dataUri() {
        return "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png);
    }
}
