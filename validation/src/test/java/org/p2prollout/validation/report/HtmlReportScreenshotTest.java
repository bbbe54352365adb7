package org.p2prollout.validation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report in headless Chromium and checks from the screenshot that the charts
 * were drawn: the model's and the simulation's series colours appear in many pixels, and the
 * page has the many colours of anti-aliased charts. The control is the same page with the images
 * removed, where neither series colour appears. Skips when Chromium is not installed.
 */
class HtmlReportScreenshotTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    @Test
    void screenshotShowsTheCharts() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium not installed (apt-get install chromium)");
        ReportFiles files = ValidationReport.write(SampleSuites.suite(), dir.resolve("report"));
        BufferedImage page = screenshot(files.html(), "with-charts");
        String withoutImages = Files.readString(files.html()).replaceAll("src=\"data:image/png;base64,[^\"]*\"", "");
        Path bare = dir.resolve("bare.html");
        Files.writeString(bare, withoutImages);
        BufferedImage control = screenshot(bare, "without-charts");
        // kept for people (and CI artefacts) to look at
        Files.createDirectories(Path.of("target"));
        Files.copy(dir.resolve("with-charts.png"), Path.of("target/report-screenshot.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        int modelPixels = count(page, ReportCharts.MODEL);
        int simulationPixels = count(page, ReportCharts.SIMULATION);
        assertTrue(modelPixels > 500, "model series drawn: " + modelPixels + " pixels");
        assertTrue(simulationPixels > 500, "simulation series drawn: " + simulationPixels + " pixels");
        assertEquals(0, count(control, ReportCharts.MODEL), "control page has no model colour");
        assertEquals(0, count(control, ReportCharts.SIMULATION), "control page has no simulation colour");
        int colours = distinctColours(page);
        int controlColours = distinctColours(control);
        // text alone is anti-aliased into ~1500 colours; charts add well over a thousand more
        assertTrue(colours > controlColours + 1000, "colours: " + colours + ", without charts " + controlColours);
    }

    private BufferedImage screenshot(Path html, String name) throws Exception {
        Path png = dir.resolve(name + ".png");
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        List<String> command = List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile, "--screenshot=" + png,
                "--window-size=1400,2200", html.toUri().toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s");
        }
        assertTrue(Files.isRegularFile(png), () -> "no screenshot; chromium said: " + read(dir.resolve(name + ".log")));
        return ImageIO.read(png.toFile());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** Pixels within 8 of {@code colour} in each channel (allows for colour management). */
    static int count(BufferedImage image, Color colour) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xff) - colour.getRed()) <= 8
                        && Math.abs(((rgb >> 8) & 0xff) - colour.getGreen()) <= 8
                        && Math.abs((rgb & 0xff) - colour.getBlue()) <= 8) {
                    n++;
                }
            }
        }
        return n;
    }

    static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return colours.size();
    }
}
