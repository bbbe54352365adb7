package org.p2prollout.model.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.p2prollout.model.geo.LocalProjection;
import org.p2prollout.core.InvalidInputException;

/**
 * Collects raw fixes from a reader (mutable), then {@link #build} sorts, projects and filters
 * them into a frozen {@link Trace}. Fixes are stored in growable primitive arrays per device
 * (24 bytes per fix), never as objects, so that 11 million fixes fit in 2 GB of heap.
 */
public final class TraceBuilder {
    private final double from;
    private final double to;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<Growing> devices = new ArrayList<>();
    private long read;
    private long outsideWindow;
    private double[] bounds; // ONE header: minX, maxX, minY, maxY
    private boolean lonLat;

    /** Keeps fixes with {@code from <= time <= to} (seconds; infinite bounds keep everything). */
    public TraceBuilder(double from, double to) {
        this.from = from;
        this.to = to;
    }

    /** The dense index of device {@code name}, assigned on first sight. */
    public int device(String name) {
        Integer i = index.get(name);
        if (i == null) {
            i = devices.size();
            index.put(name, i);
            devices.add(new Growing(name));
        }
        return i;
    }

    /** Adds a fix: time in seconds, coordinates as read (lat/lon degrees or x/y metres). */
    public void add(int device, double time, double c1, double c2) {
        if (time < from || time > to) {
            outsideWindow++;
            return;
        }
        read++;
        devices.get(device).add(time, c1, c2);
    }

    /** Declares the plausible cartesian region (ONE movement header), metres. */
    public void bounds(double minX, double maxX, double minY, double maxY) {
        this.bounds = new double[] {minX, maxX, minY, maxY};
    }

    /**
     * Declares that geographic fixes were added as (longitude, latitude) rather than the default
     * (latitude, longitude); cartesian fixes are always (x, y).
     */
    public void lonLatOrder(boolean lonLatOrder) {
        this.lonLat = lonLatOrder;
    }

    /** Fixes read inside the time window so far. */
    public long read() {
        return read;
    }

    /** Fixes outside the time window (not counted as read). */
    public long outsideWindow() {
        return outsideWindow;
    }

    /** Smallest and largest first coordinate and second coordinate read, for unit detection. */
    double[] extent() {
        double[] e = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Growing g : devices) {
            for (int i = 0; i < g.n; i++) {
                e[0] = Math.min(e[0], g.c1[i]);
                e[1] = Math.max(e[1], g.c1[i]);
                e[2] = Math.min(e[2], g.c2[i]);
                e[3] = Math.max(e[3], g.c2[i]);
            }
        }
        return e;
    }

    /**
     * Freezes the trace. For {@link CoordinateKind#GEO} fixes {@code c1} is latitude and {@code c2}
     * longitude; they are projected with a {@link LocalProjection} about the median position.
     * Devices are numbered in the order of their names, so the numbering does not depend on the
     * order of files or lines.
     *
     * @throws InvalidInputException when fewer than two devices keep any fix
     */
    public Trace build(String source, TraceFormat format, boolean detected, CoordinateKind kind,
                       FilterOptions filter, long malformedLines) {
        if (read == 0) {
            throw new InvalidInputException(source + ": the trace has no fixes"
                    + (outsideWindow > 0 ? " inside the time window 'from'/'to' (" + outsideWindow + " outside)" : ""));
        }
        long droppedRegion = 0;
        LocalProjection projection = null;
        for (Growing g : devices) {
            g.sortByTime();
        }
        if (kind == CoordinateKind.GEO) {
            for (Growing g : devices) {
                if (lonLat) {
                    double[] swap = g.c1;
                    g.c1 = g.c2;
                    g.c2 = swap;
                }
                droppedRegion += g.keepIf((lat, lon) -> Math.abs(lat) <= 90 && Math.abs(lon) <= 180);
            }
            double[] centre = medianPosition();
            projection = new LocalProjection(centre[0], centre[1]);
            for (Growing g : devices) {
                g.project(projection);
            }
            double r2 = filter.maxRadius() * filter.maxRadius();
            for (Growing g : devices) {
                droppedRegion += g.keepIf((x, y) -> x * x + y * y <= r2);
            }
        } else if (bounds != null) {
            double[] b = bounds;
            for (Growing g : devices) {
                droppedRegion += g.keepIf((x, y) -> x >= b[0] && x <= b[1] && y >= b[2] && y <= b[3]);
            }
        }
        long droppedDuplicate = 0;
        long droppedSpeed = 0;
        for (Growing g : devices) {
            droppedDuplicate += g.dropDuplicateTimes();
            droppedSpeed += g.dropSpeedGlitches(filter.maxSpeed());
        }
        List<Growing> kept = new ArrayList<>();
        for (Growing g : devices) {
            if (g.n > 0) {
                kept.add(g);
            }
        }
        if (kept.size() < 2) {
            throw new InvalidInputException(source + ": the trace has " + kept.size() + " device"
                    + (kept.size() == 1 ? " ('" + kept.get(0).name + "')" : "s")
                    + " with usable fixes; encounters need at least two");
        }
        kept.sort((p, q) -> compareNames(p.name, q.name));
        List<Track> tracks = new ArrayList<>(kept.size());
        for (int d = 0; d < kept.size(); d++) {
            tracks.add(kept.get(d).freeze(d));
            kept.get(d).release(); // the raw arrays go now: never two full copies of a large trace
        }
        devices.clear();
        FixCounts counts = new FixCounts(read, droppedRegion, droppedSpeed, droppedDuplicate, malformedLines);
        return new Trace(source, format, detected, kind, projection, tracks, counts);
    }

    /** Numeric order when both names are integers, else lexicographic. */
    static int compareNames(String p, String q) {
        boolean pn = isInteger(p);
        boolean qn = isInteger(q);
        if (pn && qn) {
            int c = Integer.compare(p.length(), q.length());
            return c != 0 ? c : p.compareTo(q);
        }
        if (pn != qn) {
            return pn ? -1 : 1;
        }
        return p.compareTo(q);
    }

    private static boolean isInteger(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return s.length() == 1 || s.charAt(0) != '0';
    }

    /** Median latitude and longitude over (a systematic sample of at most 2^20) fixes. */
    private double[] medianPosition() {
        long total = 0;
        for (Growing g : devices) {
            total += g.n;
        }
        if (total == 0) {
            throw new InvalidInputException("the trace has no fix with a valid latitude/longitude");
        }
        int stride = (int) Math.max(1, total / (1 << 20));
        int size = (int) ((total + stride - 1) / stride);
        double[] lat = new double[size];
        double[] lon = new double[size];
        int k = 0;
        long seen = 0;
        for (Growing g : devices) {
            for (int i = 0; i < g.n; i++, seen++) {
                if (seen % stride == 0 && k < size) {
                    lat[k] = g.c1[i];
                    lon[k] = g.c2[i];
                    k++;
                }
            }
        }
        Arrays.sort(lat, 0, k);
        Arrays.sort(lon, 0, k);
        return new double[] {lat[k / 2], lon[k / 2]};
    }

    private interface PositionTest {
        boolean keep(double c1, double c2);
    }

    /** A device's fixes while reading: parallel growable arrays. */
    private static final class Growing {
        final String name;
        double[] t = new double[16];
        double[] c1 = new double[16];
        double[] c2 = new double[16];
        int n;

        Growing(String name) {
            this.name = name;
        }

        void add(double time, double a, double b) {
            if (n == t.length) {
                int cap = n + (n >> 1) + 16;
                t = Arrays.copyOf(t, cap);
                c1 = Arrays.copyOf(c1, cap);
                c2 = Arrays.copyOf(c2, cap);
            }
            t[n] = time;
            c1[n] = a;
            c2[n] = b;
            n++;
        }

        /** Sorts by time: a no-op when ascending, a reversal when descending (newest-first files), else a stable sort. */
        void sortByTime() {
            boolean ascending = true;
            boolean descending = true;
            for (int i = 1; i < n && (ascending || descending); i++) {
                ascending &= t[i - 1] <= t[i];
                descending &= t[i - 1] >= t[i];
            }
            if (ascending) {
                return;
            }
            if (descending) {
                reverse(t);
                reverse(c1);
                reverse(c2);
                return;
            }
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (p, q) -> Double.compare(t[p], t[q]));
            double[] nt = new double[n];
            double[] n1 = new double[n];
            double[] n2 = new double[n];
            for (int i = 0; i < n; i++) {
                nt[i] = t[order[i]];
                n1[i] = c1[order[i]];
                n2[i] = c2[order[i]];
            }
            t = nt;
            c1 = n1;
            c2 = n2;
        }

        private void reverse(double[] a) {
            for (int i = 0, j = n - 1; i < j; i++, j--) {
                double v = a[i];
                a[i] = a[j];
                a[j] = v;
            }
        }

        void project(LocalProjection p) {
            for (int i = 0; i < n; i++) {
                double lat = c1[i];
                double lon = c2[i];
                c1[i] = p.x(lat, lon);
                c2[i] = p.y(lat, lon);
            }
        }

        /** Keeps the fixes passing {@code test}; returns how many were dropped. */
        int keepIf(PositionTest test) {
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (test.keep(c1[i], c2[i])) {
                    move(i, k++);
                }
            }
            int dropped = n - k;
            n = k;
            return dropped;
        }

        private void move(int from, int to) {
            t[to] = t[from];
            c1[to] = c1[from];
            c2[to] = c2[from];
        }

        /** Keeps the first of fixes sharing a time. */
        int dropDuplicateTimes() {
            if (n == 0) {
                return 0;
            }
            int k = 1;
            for (int i = 1; i < n; i++) {
                if (t[i] > t[k - 1]) {
                    move(i, k++);
                }
            }
            int dropped = n - k;
            n = k;
            return dropped;
        }

        /**
         * Drops isolated glitches: a fix reachable from the last kept fix only faster than
         * {@code vmax} is dropped, unless it agrees with the next fix and with the fix kept before
         * the last one (or the last kept fix is the first): then the last kept fix was the glitch
         * and is replaced. Linear time.
         */
        int dropSpeedGlitches(double vmax) {
            if (n < 2) {
                return 0;
            }
            int k = 1;
            for (int i = 1; i < n; i++) {
                if (speed(k - 1, i) <= vmax) {
                    move(i, k++);
                } else if (i + 1 < n && speed(i, i + 1) <= vmax && (k < 2 || speed(k - 2, i) <= vmax)) {
                    move(i, k - 1); // the previous kept fix was the glitch
                }
            }
            int dropped = n - k;
            n = k;
            return dropped;
        }

        private double speed(int i, int j) {
            double dx = c1[j] - c1[i];
            double dy = c2[j] - c2[i];
            return Math.sqrt(dx * dx + dy * dy) / (t[j] - t[i]);
        }

        void release() {
            t = c1 = c2 = null;
            n = 0;
        }

        Track freeze(int device) {
            return new Track(device, name, Arrays.copyOf(t, n), Arrays.copyOf(c1, n), Arrays.copyOf(c2, n));
        }
    }
}
