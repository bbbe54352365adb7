package org.p2prollout.validation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2prollout.validation.suite.SuiteResult;

class ValidationReportTest {
    @TempDir
    Path dir;

    @Test
    void htmlIsSelfContainedWithEveryChartEmbeddedAsPng() throws Exception {
        SuiteResult suite = SampleSuites.suite();
        ReportFiles files = ValidationReport.write(suite, dir);
        String html = Files.readString(files.html());
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.contains("<link"), "no linked resources");
        assertFalse(Pattern.compile("(src|href)=\"(?!data:|#)").matcher(html).find(), "only data: and in-page references");
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        int images = 0;
        while (m.find()) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
            assertEquals(org.p2prollout.model.chart.Charts.WIDTH * org.p2prollout.model.chart.Charts.PNG_SCALE, image.getWidth());
            assertEquals(org.p2prollout.model.chart.Charts.HEIGHT * org.p2prollout.model.chart.Charts.PNG_SCALE, image.getHeight());
            images++;
        }
        // the offload chart, and coverage, T_1 and bytes of the passing case; the others have no curves
        assertEquals(4, images);
        assertEquals(8, files.charts().size(), "each chart as PNG and SVG");
        assertTrue(html.contains("1 passed, 1 failed, 1 not run"), "summary counts");
        assertTrue(html.contains("Trace-driven case &lt;cabs&gt;."), "text is escaped");
        assertTrue(html.contains("the trace reader is not available"), "reason a case did not run");
        assertTrue(html.contains("T_1: predicted 400 s outside the 95% CI [280, 320]"), "failed case keeps its numbers");
    }

    @Test
    void csvTablesCarryThePredictedAndSimulatedValues() throws Exception {
        ReportFiles files = ValidationReport.write(SampleSuites.suite(), dir);
        List<String> cases = Files.readAllLines(dir.resolve("cases.csv"));
        assertEquals(4, cases.size());
        assertTrue(cases.get(1).startsWith("rw-single-piece,PASS,20,260,275,262,288,"), cases.get(1));
        assertTrue(cases.get(2).startsWith("rarest-first K=8,FAIL,10,400,300,280,320,"), cases.get(2));
        assertTrue(cases.get(3).startsWith("cab traces,NOT_RUN,0,,,,,,"), cases.get(3));
        List<String> comparisons = Files.readAllLines(dir.resolve("comparisons.csv"));
        // passing case: 3 comparisons + 3 checks; failing: 1 + 1
        assertEquals(1 + 6 + 2, comparisons.size());
        assertTrue(comparisons.contains("rw-single-piece,T_0.5,s,105,110,100,120,0.045454545454545456,0.15,true,true"),
                comparisons::toString);
    }

    @Test
    void markdownRefersToChartFilesThatExist() throws Exception {
        ReportFiles files = ValidationReport.write(SampleSuites.suite(), dir);
        String md = Files.readString(files.markdown());
        Matcher m = Pattern.compile("!\\[[^]]*]\\(([^)]+)\\)").matcher(md);
        int refs = 0;
        while (m.find()) {
            assertTrue(Files.isRegularFile(dir.resolve(m.group(1))), m.group(1));
            refs++;
        }
        assertEquals(4, refs);
        assertTrue(md.contains("| rw-single-piece | PASS | 260 | 275 | [262, 288] | 5.5% | 0.12 | 0.05 | 0.01 |"), md);
    }
}
