package org.p2prollout.model.rates;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.core.AtomicFile;

/**
 * Writes a rates run to a directory, each file atomically: {@code contacts.csv}
 * ({@code a,b,start,end} with device names, readable again as {@code --format contacts-csv}),
 * {@code pairs.csv} (per pair with a contact), {@code summary.json} (the {@link RatesSummary})
 * and {@code intercontact-ccdf.png} and {@code .svg} (log-log CCDF of pooled inter-contact times with the
 * exponential of the same mean for comparison).
 */
public final class RatesFiles {
    public static final String CONTACTS = "contacts.csv";
    public static final String PAIRS = "pairs.csv";
    public static final String SUMMARY = "summary.json";
    public static final String CCDF_CHART = "intercontact-ccdf.png";

    private RatesFiles() {
    }

    /** The JSON mapper for summaries (indented; records by component; NaN and infinities as null). */
    public static ObjectMapper mapper() {
        return org.p2prollout.model.io.FiniteJson.mapper();
    }

    /** Writes {@code summary} as JSON to {@code file} (atomically): the one writer of {@code summary.json}. */
    public static void writeSummary(Path file, RatesSummary summary) throws IOException {
        AtomicFile.write(file, out -> {
            mapper().writeValue(new NonClosing(out), summary);
            out.write('\n');
        });
    }

    /**
     * Reads a {@code summary.json}: the one reader, the inverse of {@link #writeSummary}. Names the
     * summary does not know are ignored (newer writers); names it lacks are null, false or 0 (older
     * or hand-written files); {@code null} numbers are NaN's spelling and stay null.
     *
     * @throws InvalidInputException when the file is not JSON of that shape (names the file and line)
     */
    public static RatesSummary readSummary(Path file) throws IOException {
        try {
            return new ObjectMapper()
                    .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(file.toFile(), RatesSummary.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new org.p2prollout.core.InvalidInputException(file + ":"
                    + (e.getLocation() == null ? 1 : e.getLocation().getLineNr()) + ": not valid JSON ("
                    + e.getOriginalMessage() + "); expected the summary.json of 'rollout rates'");
        }
    }

    /** Writes the four files into {@code dir} (created if needed); returns their paths. */
    public static List<Path> write(Path dir, RatesRun run) {
        List<Path> written = new ArrayList<>();
        try {
            List<String> names = run.deviceNames();
            Path contacts = dir.resolve(CONTACTS);
            AtomicFile.writeText(contacts, w -> {
                w.write("a,b,start,end\n");
                for (Contact c : run.contacts()) {
                    w.write(csv(names.get(c.a())) + "," + csv(names.get(c.b())) + "," + num(c.start()) + "," + num(c.end()) + "\n");
                }
            });
            written.add(contacts);
            Path pairs = dir.resolve(PAIRS);
            AtomicFile.writeText(pairs, w -> writePairs(w, run));
            written.add(pairs);
            Path summary = dir.resolve(SUMMARY);
            writeSummary(summary, run.summary());
            written.add(summary);
            String base = CCDF_CHART.substring(0, CCDF_CHART.length() - ".png".length());
            written.addAll(org.p2prollout.model.chart.Charts.write(ccdfChart(run.rates().interContact()),
                    dir.resolve(base), org.p2prollout.model.chart.Charts.FILES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write rates to " + dir + ": " + e.getMessage(), e);
        }
        return written;
    }

    private static void writePairs(Writer w, RatesRun run) throws IOException {
        List<String> names = run.deviceNames();
        int[] cls = run.rates().classes().deviceClass();
        w.write("a,b,contacts,observed_seconds,rate_per_second,inter_contacts,mean_inter_contact_seconds,ks_p_value,class_a,class_b\n");
        for (EncounterRates.PairRate p : run.rates().pairs()) {
            w.write(csv(names.get(p.a())) + "," + csv(names.get(p.b())) + "," + p.contacts() + "," + num(p.observedSeconds())
                    + "," + num(p.rate()) + "," + p.interContacts() + "," + num(p.meanInterContact()) + "," + num(p.ksPValue())
                    + "," + cls[p.a()] + "," + cls[p.b()] + "\n");
        }
    }

    /** The log-log CCDF chart of inter-contact times (empty chart with a note when there are none). */
    public static XYChart ccdfChart(EncounterRates.InterContact ic) {
        XYChart chart = new XYChartBuilder().width(org.p2prollout.model.chart.Charts.WIDTH)
                .height(org.p2prollout.model.chart.Charts.HEIGHT)
                .title("Inter-contact times (" + ic.count() + ", censored gaps excluded)")
                .xAxisTitle("inter-contact time t (s)").yAxisTitle("P(T > t)").build();
        org.p2prollout.model.chart.Charts.paper(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true).setLegendVisible(true)
                .setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSW);
        List<Double> xs = new ArrayList<>();
        List<Double> ps = new ArrayList<>();
        for (int k = 0; k < ic.ccdfSeconds().length; k++) {
            if (ic.ccdf()[k] > 0 && ic.ccdfSeconds()[k] > 0) {
                xs.add(ic.ccdfSeconds()[k]);
                ps.add(ic.ccdf()[k]);
            }
        }
        if (xs.size() < 2) {
            chart.setTitle("Inter-contact times: too few to plot (" + ic.count() + ")");
            chart.getStyler().setXAxisLogarithmic(false).setYAxisLogarithmic(false);
            chart.addSeries("none", new double[] {0, 1}, new double[] {0, 0}).setMarker(SeriesMarkers.NONE);
            return chart;
        }
        XYSeries s = chart.addSeries("empirical CCDF", xs, ps);
        s.setMarker(SeriesMarkers.NONE);
        List<Double> ex = new ArrayList<>();
        List<Double> ey = new ArrayList<>();
        double floor = ps.get(ps.size() - 1);
        for (double x : xs) {
            double y = Math.exp(-x / ic.mean());
            if (y >= floor) {
                ex.add(x);
                ey.add(y);
            }
        }
        if (ex.size() >= 2) {
            chart.addSeries(String.format(Locale.ROOT, "exponential, mean %.0f s", ic.mean()), ex, ey).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Jackson closes the stream it writes to; AtomicFile must close it itself. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
