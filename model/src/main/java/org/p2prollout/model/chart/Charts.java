package org.p2prollout.model.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.p2prollout.core.AtomicFile;

/**
 * The one chart layer of the tool: every chart (rates, validation reports, sweeps) is styled and
 * written here, so that they share sizes, fonts, colours, tick rules and formats.
 *
 * <p>Size: {@link #WIDTH} x {@link #HEIGHT} drawing units with fonts of 12-15 units, so that a chart
 * scaled to one column of a two-column paper (3.5 in = 252 pt) sets its text at 6-8 pt. PNG is
 * drawn at twice that size ({@link #PNG_SCALE}) so it stays sharp when scaled; SVG and PDF are
 * vector (XChart's encoder over VectorGraphics2D) and keep text as text.
 *
 * <p>Axes: {@link #niceStep} gives 1-2-5 steps; {@link TimeScale} puts time axes in whole seconds,
 * minutes, hours or days; {@link #spansDecades} decides log axes; {@link #words} turns identifiers
 * into labels.
 */
public final class Charts {
    /** Drawing width, in drawing units (points in SVG and PDF). */
    public static final int WIDTH = 480;
    /** Drawing height, in drawing units. */
    public static final int HEIGHT = 320;
    /** PNG pixels per drawing unit. */
    public static final int PNG_SCALE = 2;
    /** Colour of model predictions. */
    public static final Color MODEL = new Color(31, 119, 180);
    /** Colour of simulation results and of the truth a forecast is checked against. */
    public static final Color SIMULATION = new Color(214, 39, 40);
    /** Colour of the simulation's or truth's interval band (translucent simulation colour). */
    public static final Color BAND = new Color(214, 39, 40, 56);
    /** Colour of a model's interval band (translucent model colour). */
    public static final Color MODEL_BAND = new Color(31, 119, 180, 56);
    /** Further series colours (colour-blind-safe tab10 order), model first, simulation last. */
    public static final List<Color> SERIES = List.of(MODEL, new Color(44, 160, 44), new Color(255, 127, 14),
            new Color(148, 103, 189), new Color(140, 86, 75), SIMULATION);
    /** A ratio max/min at or above which an axis of positive values is drawn logarithmic. */
    public static final double DECADES = 10;

    private static final String FONT = Font.SANS_SERIF;

    private Charts() {
    }

    /** An output format of a chart. */
    public enum Format {
        PNG("png"), SVG("svg"), PDF("pdf");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** The file name extension, without the dot. */
        public String extension() {
            return extension;
        }
    }

    /** Every format. */
    public static final Set<Format> ALL = Set.of(Format.PNG, Format.SVG, Format.PDF);
    /** The formats the tool writes chart files in: PNG for pages, SVG for papers (scalable, text kept as text). */
    public static final Set<Format> FILES = Set.of(Format.PNG, Format.SVG);

    /**
     * Applies the paper style: white background, no border, fonts for a two-column paper, legend
     * inside the plot when {@code legend} is not null.
     */
    public static <S extends Styler> S paper(S styler) {
        styler.setChartBackgroundColor(Color.WHITE).setPlotBorderVisible(false).setChartTitleBoxVisible(false);
        styler.setChartTitleFont(new Font(FONT, Font.BOLD, 15));
        styler.setLegendFont(new Font(FONT, Font.PLAIN, 12)).setLegendBorderColor(new Color(200, 200, 200))
                .setLegendPadding(4);
        styler.setAntiAlias(true);
        if (styler instanceof AxesChartStyler a) {
            a.setAxisTitleFont(new Font(FONT, Font.PLAIN, 14)).setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 13));
            a.setPlotGridLinesColor(new Color(225, 225, 225)).setPlotBackgroundColor(Color.WHITE);
            a.setLocale(Locale.ROOT); // tick labels with a decimal point whatever the machine's locale
        }
        return styler;
    }

    /** A 1-2-5 step (1, 2 or 5 times a power of ten) giving at most {@code maxTicks} intervals over {@code span}. */
    public static double niceStep(double span, int maxTicks) {
        if (!(span > 0) || !Double.isFinite(span)) {
            return 1;
        }
        double raw = span / Math.max(1, maxTicks);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= raw * (1 - 1e-12)) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** The smallest multiple of {@code step} at or above {@code value}. */
    public static double ceilTo(double value, double step) {
        return Math.ceil(value / step - 1e-9) * step;
    }

    /** Whether positive values from {@code min} to {@code max} span a decade or more, so a log axis shows them. */
    public static boolean spansDecades(double min, double max) {
        return min > 0 && max / min >= DECADES;
    }

    /**
     * An identifier in words: {@code "peerPayload"} and {@code "peer-payload"} become
     * {@code "peer payload"}; abbreviations in capitals stay ({@code "T_1"}).
     */
    public static String words(String identifier) {
        String spaced = identifier.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('-', ' ').replace('_', ' ').strip();
        StringBuilder out = new StringBuilder();
        for (String w : spaced.split("\\s+")) {
            if (out.length() > 0) {
                out.append(' ');
            }
            boolean acronym = w.length() > 1 && w.equals(w.toUpperCase(Locale.ROOT));
            out.append(acronym ? w : w.toLowerCase(Locale.ROOT));
        }
        return identifier.matches("T_[0-9.]+") ? identifier : out.toString();
    }

    /**
     * The unit of a time axis: whole seconds, minutes, hours or days, chosen so the axis's maximum
     * is at least 3 of them.
     *
     * @param name    unit name for axis titles, e.g. {@code "min"}
     * @param seconds seconds per unit
     */
    public record TimeScale(String name, double seconds) {
        /** The unit for an axis from 0 to {@code maxSeconds}. */
        public static TimeScale of(double maxSeconds) {
            if (maxSeconds >= 3 * 86400) {
                return new TimeScale("days", 86400);
            }
            if (maxSeconds >= 3 * 3600) {
                return new TimeScale("h", 3600);
            }
            if (maxSeconds >= 3 * 60) {
                return new TimeScale("min", 60);
            }
            return new TimeScale("s", 1);
        }

        /** Values in seconds, in this unit (a new array). */
        public double[] apply(double[] secondsValues) {
            double[] out = new double[secondsValues.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = secondsValues[i] / seconds;
            }
            return out;
        }
    }

    /**
     * Sets a linear axis from 0 (or {@code min}) to a nice ceiling of {@code max} with 1-2-5 ticks,
     * labelled with as few decimals as the step needs.
     *
     * @param x whether it is the x axis (else y)
     */
    public static void niceLinear(AxesChartStyler s, boolean x, double min, double max) {
        double step = niceStep(max - min, 6);
        double lo = Math.floor(min / step + 1e-9) * step;
        double hi = Math.max(lo + step, ceilTo(max, step));
        int decimals = Math.max(0, BigDecimal.valueOf(step).stripTrailingZeros().scale());
        java.util.function.Function<Double, String> label = v -> String.format(Locale.ROOT, "%,." + decimals + "f", v);
        if (x) {
            s.setXAxisMin(lo).setXAxisMax(hi);
            s.setxAxisTickLabelsFormattingFunction(label);
        } else {
            s.setYAxisMin(lo).setYAxisMax(hi);
            s.setyAxisTickLabelsFormattingFunction(label);
        }
    }

    /** Log-axis tick label: 1, 10, 100 ... and 0.1, 0.01; 10^k beyond a million either way. */
    public static String logLabel(double v) {
        double e = Math.log10(v);
        if (Math.abs(e - Math.rint(e)) < 1e-9 && Math.abs(e) >= 6) {
            return "1e" + (long) Math.rint(e);
        }
        return BigDecimal.valueOf(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** The bytes of a chart in a format. */
    public static byte[] bytes(Chart<?, ?> chart, Format format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            switch (format) {
                case PNG -> {
                    BufferedImage img = new BufferedImage(chart.getWidth() * PNG_SCALE, chart.getHeight() * PNG_SCALE,
                            BufferedImage.TYPE_INT_RGB);
                    Graphics2D g = img.createGraphics();
                    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                    g.scale(PNG_SCALE, PNG_SCALE);
                    chart.paint(g, chart.getWidth(), chart.getHeight());
                    g.dispose();
                    ImageIO.write(img, "png", out);
                }
                case SVG -> {
                    ByteArrayOutputStream svg = new ByteArrayOutputStream();
                    VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
                    out.write(withDescription(svg.toString(java.nio.charset.StandardCharsets.UTF_8), chart)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                case PDF -> VectorGraphicsEncoder.saveVectorGraphic(chart, out,
                        VectorGraphicsEncoder.VectorGraphicsFormat.PDF);
                default -> throw new IllegalArgumentException(format.name());
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render chart '" + chart.getTitle() + "' as " + format, e);
        }
    }

    /**
     * XChart draws all text as glyph outlines, which keeps the look in every viewer but leaves no
     * text in the file; so the SVG gets a {@code <title>} (the chart's) and a {@code <desc>} naming
     * each axis and its scale, for screen readers, search and checks:
     * {@code x axis: time since release (min), linear; y axis: ..., log}.
     */
    static String withDescription(String svg, Chart<?, ?> chart) {
        StringBuilder desc = new StringBuilder();
        desc.append("x axis: ").append(chart.getXAxisTitle());
        if (chart.getStyler() instanceof AxesChartStyler a) {
            desc.append(a.isXAxisLogarithmic() ? ", log" : ", linear");
        }
        desc.append("; y axis: ").append(chart.getYAxisTitle());
        if (chart.getStyler() instanceof AxesChartStyler a) {
            desc.append(a.isYAxisLogarithmic() ? ", log" : ", linear");
        }
        int open = svg.indexOf("<svg");
        int end = open < 0 ? -1 : svg.indexOf('>', open);
        if (end < 0) {
            throw new IllegalStateException("XChart wrote no <svg> element");
        }
        return svg.substring(0, end + 1) + "\n  <title>" + xml(chart.getTitle()) + "</title>\n  <desc>"
                + xml(desc.toString()) + "</desc>" + svg.substring(end + 1);
    }

    private static String xml(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Writes a chart atomically in each format, as {@code base.png}, {@code base.svg} ...
     *
     * @param base the file path without extension
     * @return the files written, in {@link Format} order
     */
    public static List<Path> write(Chart<?, ?> chart, Path base, Set<Format> formats) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Format f : Format.values()) {
            if (formats.contains(f)) {
                Path file = base.resolveSibling(base.getFileName() + "." + f.extension());
                byte[] data = bytes(chart, f);
                AtomicFile.write(file, out -> out.write(data));
                files.add(file);
            }
        }
        return files;
    }
}
