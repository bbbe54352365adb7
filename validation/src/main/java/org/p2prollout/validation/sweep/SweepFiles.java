package org.p2prollout.validation.sweep;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.AtomicFile;
import org.p2prollout.validation.sim.Estimate;

/**
 * The sweep's tables, written atomically with {@link java.util.Locale#ROOT}-free formatting (Java's
 * shortest decimal of each double, so a value reads back exactly; empty for NaN):
 *
 * <ul>
 *   <li>{@code points.csv}: {@code point, <axis keys...>, replication, seed}, then per computed
 *       source ({@code predict}, {@code simulate}) {@code <source>_T_0.5, _T_0.9, _T_1} (seconds),
 *       {@code _offload} (share), {@code _overhead} (ratio), {@code _server_bytes} (bytes); one row
 *       per point and replication, sorted by point then replication, so that the bytes depend only
 *       on the sweep, not on the runner;</li>
 *   <li>{@code summary.csv}: {@code point, <axis keys...>, replications}, the prediction's values
 *       and, per simulated metric, {@code _mean, _low, _high, _n} (the 95 % Student-t interval of
 *       {@link Estimate}, over the replications that reached the value).</li>
 * </ul>
 */
public final class SweepFiles {
    public static final String POINTS = "points.csv";
    public static final String SUMMARY = "summary.csv";

    private SweepFiles() {
    }

    /** The header of points.csv. */
    public static List<String> pointsHeader(SweepSpec spec) {
        List<String> h = new ArrayList<>();
        h.add("point");
        spec.axes().forEach(a -> h.add(a.key()));
        h.add("replication");
        h.add("seed");
        for (String source : sources(spec)) {
            Metrics.NAMES.forEach(m -> h.add(source + "_" + m));
        }
        return h;
    }

    /** The header of summary.csv. */
    public static List<String> summaryHeader(SweepSpec spec) {
        List<String> h = new ArrayList<>();
        h.add("point");
        spec.axes().forEach(a -> h.add(a.key()));
        h.add("replications");
        if (spec.compute().predicts()) {
            Metrics.NAMES.forEach(m -> h.add("predict_" + m));
        }
        if (spec.compute().simulates()) {
            for (String m : Metrics.NAMES) {
                for (String s : List.of("mean", "low", "high", "n")) {
                    h.add("simulate_" + m + "_" + s);
                }
            }
        }
        return h;
    }

    static List<String> sources(SweepSpec spec) {
        List<String> s = new ArrayList<>();
        if (spec.compute().predicts()) {
            s.add("predict");
        }
        if (spec.compute().simulates()) {
            s.add("simulate");
        }
        return s;
    }

    /** Rows keyed by (point, replication) as {@code point * R + replication}. */
    static long key(SweepSpec spec, int point, int replication) {
        return (long) point * spec.replications() + replication;
    }

    /** Writes points.csv with every row, sorted. */
    public static void writePoints(SweepSpec spec, Collection<SweepRow> rows, Path file) throws IOException {
        TreeMap<Long, SweepRow> sorted = new TreeMap<>();
        rows.forEach(r -> sorted.put(key(spec, r.point(), r.replication()), r));
        AtomicFile.writeText(file, w -> {
            line(w, pointsHeader(spec));
            for (SweepRow r : sorted.values()) {
                SweepPoint p = spec.points().get(r.point());
                List<String> cells = new ArrayList<>();
                cells.add(Integer.toString(r.point()));
                cells.addAll(p.values());
                cells.add(Integer.toString(r.replication()));
                cells.add(Long.toString(p.seed()));
                if (spec.compute().predicts()) {
                    for (double v : r.predicted().values()) {
                        cells.add(number(v));
                    }
                }
                if (spec.compute().simulates()) {
                    for (double v : r.simulated().values()) {
                        cells.add(number(v));
                    }
                }
                line(w, cells);
            }
        });
    }

    /**
     * Reads the rows of an earlier run of the same sweep from points.csv (resuming).
     *
     * @throws InvalidInputException when the file belongs to another sweep (other columns, or a
     *                               row whose parameters or seed differ from this sweep's point)
     */
    public static List<SweepRow> readPoints(SweepSpec spec, Path file) throws IOException {
        List<SweepRow> rows = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return rows;
        }
        List<String> lines = Files.readAllLines(file);
        String other = file + " holds the results of another sweep (%s): give another 'out', or delete it to start"
                + " afresh";
        if (lines.isEmpty() || !parse(lines.get(0)).equals(pointsHeader(spec))) {
            throw new InvalidInputException(String.format(java.util.Locale.ROOT, other, "its columns differ"));
        }
        int axes = spec.axes().size();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                continue;
            }
            List<String> c = parse(lines.get(i));
            try {
                int point = Integer.parseInt(c.get(0));
                int replication = Integer.parseInt(c.get(axes + 1));
                long seed = Long.parseLong(c.get(axes + 2));
                if (point < 0 || point >= spec.points().size() || replication < 0
                        || replication >= spec.replications() || c.size() != pointsHeader(spec).size()) {
                    throw new InvalidInputException(String.format(java.util.Locale.ROOT, other, "line " + (i + 1) + " is not one of its"
                            + " points"));
                }
                SweepPoint p = spec.points().get(point);
                if (!c.subList(1, axes + 1).equals(p.values()) || seed != p.seed()) {
                    throw new InvalidInputException(String.format(java.util.Locale.ROOT, other, "line " + (i + 1) + " has other parameters"
                            + " or another seed for point " + point));
                }
                int at = axes + 3;
                Metrics predicted = null;
                Metrics simulated = null;
                if (spec.compute().predicts()) {
                    predicted = metrics(c, at);
                    at += Metrics.NAMES.size();
                }
                if (spec.compute().simulates()) {
                    simulated = metrics(c, at);
                }
                rows.add(new SweepRow(point, replication, predicted, simulated));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                throw new InvalidInputException(String.format(java.util.Locale.ROOT, other, "line " + (i + 1) + " does not parse"));
            }
        }
        return rows;
    }

    private static Metrics metrics(List<String> cells, int from) {
        double[] v = new double[Metrics.NAMES.size()];
        for (int i = 0; i < v.length; i++) {
            String s = cells.get(from + i);
            v[i] = s.isEmpty() ? Double.NaN : Double.parseDouble(s);
        }
        return Metrics.of(v);
    }

    /** Writes summary.csv from every row (each point complete). */
    public static void writeSummary(SweepSpec spec, Map<Integer, List<SweepRow>> byPoint, Path file)
            throws IOException {
        AtomicFile.writeText(file, w -> {
            line(w, summaryHeader(spec));
            for (SweepPoint p : spec.points()) {
                List<SweepRow> rows = byPoint.getOrDefault(p.index(), List.of());
                List<String> cells = new ArrayList<>();
                cells.add(Integer.toString(p.index()));
                cells.addAll(p.values());
                cells.add(Integer.toString(rows.size()));
                if (spec.compute().predicts()) {
                    double[] v = rows.isEmpty() ? nan() : rows.get(0).predicted().values();
                    for (double x : v) {
                        cells.add(number(x));
                    }
                }
                if (spec.compute().simulates()) {
                    for (Estimate e : estimates(rows)) {
                        cells.add(number(e.mean()));
                        cells.add(number(e.ciLow()));
                        cells.add(number(e.ciHigh()));
                        cells.add(Integer.toString(e.n()));
                    }
                }
                line(w, cells);
            }
        });
    }

    /** Mean and 95 % interval of each simulated metric over a point's replications. */
    public static List<Estimate> estimates(List<SweepRow> rows) {
        List<Estimate> out = new ArrayList<>();
        for (int m = 0; m < Metrics.NAMES.size(); m++) {
            double[] v = new double[rows.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = rows.get(i).simulated().values()[m];
            }
            out.add(Estimate.of(v));
        }
        return out;
    }

    private static double[] nan() {
        double[] v = new double[Metrics.NAMES.size()];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }

    /** A double as written: Java's shortest round-trip decimal, empty for NaN. */
    static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static void line(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(quote(cells.get(i)));
        }
        w.write('\n');
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Splits one CSV line as {@link #line} writes it. */
    static List<String> parse(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    b.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    b.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(b.toString());
                b.setLength(0);
            } else {
                b.append(ch);
            }
        }
        cells.add(b.toString());
        return cells;
    }
}
