package org.p2prollout.model.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the ONE simulator's external movement format: a header line
 * {@code minTime maxTime minX maxX minY maxY}, then lines {@code time id x y} (seconds, metres).
 * The header's x/y bounds are the plausible region: fixes outside are dropped and counted.
 */
public final class OneMovementReader {
    private OneMovementReader() {
    }

    /** Streams {@code file} into {@code sink}, times in seconds (refusing millisecond-looking times); returns malformed lines skipped. */
    public static long read(Path file, TraceBuilder sink, boolean lenient) throws IOException {
        return read(file, sink, lenient, null);
    }

    /**
     * Streams {@code file} into {@code sink}, converting times from {@code unit} to seconds
     * ({@code null}: seconds, refusing times that look like milliseconds, see {@link TimeStamps});
     * returns malformed lines skipped. The header's times are not used.
     */
    public static long read(Path file, TraceBuilder sink, boolean lenient, TraceTimeUnit unit) throws IOException {
        TimeStamps clock = new TimeStamps(unit);
        LineErrors errors = new LineErrors(lenient);
        LineFields f = new LineFields(' ');
        String name = file.toString();
        boolean header = false;
        try (BufferedReader r = TraceInput.openReader(file)) {
            String line;
            long no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                int n = f.split(line);
                if (n == 0 || f.text(0).startsWith("#")) {
                    continue;
                }
                if (!header) {
                    header = true;
                    double[] h = new double[6];
                    boolean ok = n == 6;
                    for (int i = 0; ok && i < 6; i++) {
                        h[i] = f.number(i);
                        ok = !Double.isNaN(h[i]);
                    }
                    if (!ok || h[2] > h[3] || h[4] > h[5]) {
                        errors.malformed(name, no, "expected header 'minTime maxTime minX maxX minY maxY' (6 numbers, min <= max)");
                        continue;
                    }
                    sink.bounds(h[2], h[3], h[4], h[5]);
                    continue;
                }
                if (n != 4) {
                    errors.malformed(name, no, "expected 4 fields 'time id x y', got " + n);
                    continue;
                }
                double t = clock.seconds(f.number(0), name, no);
                double x = f.number(2);
                double y = f.number(3);
                if (Double.isNaN(t) || Double.isNaN(x) || Double.isNaN(y)) {
                    errors.malformed(name, no, "expected numbers for time, x and y in 'time id x y'");
                    continue;
                }
                sink.add(sink.device(f.text(1)), t, x, y);
            }
        }
        clock.check();
        return errors.skipped();
    }
}
