package org.p2prollout.model.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads contact lists: ONE connection events ({@code time CONN a b up|down}), CSV
 * ({@code a,b,start,end}, an optional header line) and whitespace tables with a
 * {@link ContactColumns} mapping. Lines starting with {@code #} or {@code %} are comments.
 * Contacts are clipped to the window; without one the window is the first to the last event.
 *
 * <p>Times are converted from {@link ReadOptions#timeUnit()} to seconds (and refused when no unit
 * was given and they look like milliseconds: {@link TimeStamps}). CSV and tables are directed:
 * device a (the first device field) is the observer that recorded the record, as in Haggle's and
 * CRAWDAD's Bluetooth sighting tables; ONE connection events are undirected. The
 * {@link ReadOptions#devices() device filter} is applied after merging (see {@link DeviceFilter}).
 */
public final class ContactListReader {
    private ContactListReader() {
    }

    /** Reads {@code file} in {@code format} (one of the contact-list formats). */
    public static ContactTrace read(Path file, TraceFormat format, boolean detected, ReadOptions options) throws IOException {
        return switch (format) {
            case ONE_CONNECTIONS -> readOneConnections(file, detected, options);
            case CONTACTS_CSV -> readTable(file, format, detected, options, ',', ContactColumns.DEFAULT);
            case CONTACTS_TABLE -> readTable(file, format, detected, options, ' ', options.columns());
            default -> throw new IllegalArgumentException(format + " is not a contact-list format");
        };
    }

    private static boolean comment(LineFields f, int n) {
        return n == 0 || f.text(0).startsWith("#") || f.text(0).startsWith("%");
    }

    private static ContactTrace readTable(Path file, TraceFormat format, boolean detected, ReadOptions options,
                                          char sep, ContactColumns cols) throws IOException {
        ContactAccumulator acc = new ContactAccumulator();
        LineErrors errors = new LineErrors(options.lenient());
        LineFields f = new LineFields(sep);
        String name = file.toString();
        String expected = sep == ',' ? "'a,b,start,end'" : "fields a b start end at columns "
                + (cols.a() + 1) + "," + (cols.b() + 1) + "," + (cols.start() + 1) + "," + (cols.end() + 1);
        boolean firstLine = true;
        TimeStamps clock = new TimeStamps(options.timeUnit());
        try (BufferedReader r = TraceInput.openReader(file)) {
            String line;
            long no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                int n = f.split(line);
                if (comment(f, n) || (n == 1 && f.text(0).isEmpty())) {
                    continue;
                }
                boolean header = firstLine && n >= cols.width() && Double.isNaN(f.number(cols.start()));
                firstLine = false;
                if (header) {
                    continue;
                }
                if (n < cols.width()) {
                    errors.malformed(name, no, "expected " + expected + ", got " + n + " field" + (n == 1 ? "" : "s"));
                    continue;
                }
                double s = clock.seconds(f.number(cols.start()), name, no);
                double e = clock.seconds(f.number(cols.end()), name, no);
                String a = f.text(cols.a());
                String b = f.text(cols.b());
                if (Double.isNaN(s) || Double.isNaN(e) || s > e) {
                    errors.malformed(name, no, "expected start and end times in " + unitWord(clock)
                            + " with start <= end in " + expected);
                } else if (a.isEmpty() || b.isEmpty() || a.equals(b)) {
                    errors.malformed(name, no, "expected two different device ids in " + expected + ", got '" + a + "' and '" + b + "'");
                } else {
                    acc.observed(a, b);
                    if (e >= options.from() && s <= options.to()) {
                        acc.add(acc.device(a), acc.device(b), s, e);
                    }
                }
            }
        }
        clock.check();
        return acc.build(name, format, detected, options, true, clock.unit(), errors.skipped(), 0);
    }

    private static ContactTrace readOneConnections(Path file, boolean detected, ReadOptions options) throws IOException {
        ContactAccumulator acc = new ContactAccumulator();
        LineErrors errors = new LineErrors(options.lenient());
        LineFields f = new LineFields(' ');
        String name = file.toString();
        Map<Long, Double> open = new HashMap<>();
        java.util.List<long[]> downBeforeUp = new java.util.ArrayList<>();
        java.util.List<Double> downTimes = new java.util.ArrayList<>();
        TimeStamps clock = new TimeStamps(options.timeUnit());
        try (BufferedReader r = TraceInput.openReader(file)) {
            String line;
            long no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                int n = f.split(line);
                if (comment(f, n)) {
                    continue;
                }
                double t = n >= 1 ? clock.seconds(f.number(0), name, no) : Double.NaN;
                if (n != 5 || Double.isNaN(t) || !f.text(1).equals("CONN")) {
                    errors.malformed(name, no, "expected 'time CONN a b up|down'");
                    continue;
                }
                String state = f.text(4);
                String a = f.text(2);
                String b = f.text(3);
                if (a.equals(b) || !(state.equals("up") || state.equals("down"))) {
                    errors.malformed(name, no, "expected two different hosts and 'up' or 'down' in 'time CONN a b up|down'");
                    continue;
                }
                if (t < options.from() || t > options.to()) {
                    continue;
                }
                acc.saw(t);
                int ia = acc.device(a);
                int ib = acc.device(b);
                long key = ((long) Math.min(ia, ib) << 32) | Math.max(ia, ib);
                if (state.equals("up")) {
                    open.putIfAbsent(key, t); // a repeated 'up' continues the same contact
                } else {
                    Double s = open.remove(key);
                    if (s != null) {
                        acc.add(ia, ib, s, t);
                    } else {
                        downBeforeUp.add(new long[] {ia, ib});
                        downTimes.add(t); // up before the trace began: starts at the window start
                    }
                }
            }
        }
        clock.check();
        double lo = Double.isInfinite(options.from()) ? acc.firstTime() : options.from();
        double hi = Double.isInfinite(options.to()) ? acc.lastTime() : options.to();
        for (int i = 0; i < downBeforeUp.size(); i++) {
            acc.add((int) downBeforeUp.get(i)[0], (int) downBeforeUp.get(i)[1], lo, downTimes.get(i));
        }
        for (Map.Entry<Long, Double> e : open.entrySet()) {
            acc.add((int) (e.getKey() >>> 32), (int) (e.getKey() & 0xffffffffL), e.getValue(), hi);
        }
        return acc.build(name, TraceFormat.ONE_CONNECTIONS, detected, options, false, clock.unit(), errors.skipped(),
                open.size());
    }

    private static String unitWord(TimeStamps clock) {
        return switch (clock.unit()) {
            case SECONDS -> "seconds";
            case MILLISECONDS -> "milliseconds";
            case MICROSECONDS -> "microseconds";
        };
    }
}
