package org.p2prollout.model.spread;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.model.rates.IntervalSet;
import org.p2prollout.core.InvalidInputException;

/**
 * A temporal contact network, frozen: who was in contact with whom and when, and when each device
 * was present (observed, on duty). It is what the spread of an update over a trace is computed on
 * ({@link EarliestArrival}) and what every model is fitted from.
 *
 * <p>Devices are dense indices {@code 0..N-1}; times are seconds on the trace's clock. Contacts are
 * stored twice, once from each side, in compressed rows per device sorted by start time, so that
 * a device's contacts after a time are found by binary search. Memory: 40 bytes per contact.
 * Instances are immutable and safe to share between threads.
 */
public final class TemporalContacts {
    private final int devices;
    private final List<String> names;
    private final List<IntervalSet> presence;
    private final double from;
    private final double to;
    private final int contactCount;
    // per device, its contacts sorted by start: [rowStart[d], rowStart[d+1])
    private final int[] rowStart;
    private final int[] peer;
    private final double[] start;
    private final double[] end;
    private final double[] longest; // per device, its longest contact, seconds
    // every contact once, sorted by start: the time sweep of the spread engine
    private final int[] sweepA;
    private final int[] sweepB;
    private final double[] sweepStart;
    private final double[] sweepEnd;

    private TemporalContacts(int devices, List<String> names, List<IntervalSet> presence, double from, double to,
                             int contactCount, int[] rowStart, int[] peer, double[] start, double[] end, double[] longest) {
        this.devices = devices;
        this.names = names;
        this.presence = presence;
        this.from = from;
        this.to = to;
        this.contactCount = contactCount;
        this.rowStart = rowStart;
        this.peer = peer;
        this.start = start;
        this.end = end;
        this.longest = longest;
        int m = contactCount;
        sweepA = new int[m];
        sweepB = new int[m];
        sweepStart = new double[m];
        sweepEnd = new double[m];
        int i = 0;
        int[] index = new int[m];
        for (int d = 0; d < devices; d++) {
            for (int k = rowStart[d]; k < rowStart[d + 1]; k++) {
                if (d < peer[k]) {
                    index[i++] = k;
                }
            }
        }
        Integer[] order = new Integer[m];
        for (int j = 0; j < m; j++) {
            order[j] = index[j];
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(start[p], start[q]));
        int[] owner = new int[2 * m];
        for (int d = 0; d < devices; d++) {
            for (int k = rowStart[d]; k < rowStart[d + 1]; k++) {
                owner[k] = d;
            }
        }
        for (int j = 0; j < m; j++) {
            int k = order[j];
            sweepA[j] = owner[k];
            sweepB[j] = peer[k];
            sweepStart[j] = start[k];
            sweepEnd[j] = end[k];
        }
    }

    /**
     * @param names    device names, index = device ({@code >= 2} devices)
     * @param contacts contacts between devices of {@code names}, any order (not modified)
     * @param presence per device, when it was present; a contact outside its devices' presence is
     *                 kept (presence only decides who can be a source and who is counted)
     * @param from     start of the observed window, seconds
     * @param to       end of the observed window, seconds, {@code > from}
     */
    public static TemporalContacts of(List<String> names, List<Contact> contacts, List<IntervalSet> presence,
                                      double from, double to) {
        int n = names.size();
        if (n < 2) {
            throw new InvalidInputException("a contact network needs at least 2 devices, got " + n);
        }
        if (presence.size() != n) {
            throw new InvalidInputException("a contact network needs one presence set per device (" + n + "), got "
                    + presence.size());
        }
        if (!(from < to) || !Double.isFinite(from) || !Double.isFinite(to)) {
            throw new InvalidInputException("a contact network needs a finite window from < to (seconds), got ["
                    + from + ", " + to + "]");
        }
        int m = contacts.size();
        int[] degree = new int[n + 1];
        for (Contact c : contacts) {
            if (c.b() >= n) {
                throw new InvalidInputException("contact names device " + c.b() + " but there are only " + n + " devices");
            }
            degree[c.a() + 1]++;
            degree[c.b() + 1]++;
        }
        for (int d = 0; d < n; d++) {
            degree[d + 1] += degree[d];
        }
        int[] rowStart = degree.clone();
        int[] fill = Arrays.copyOf(degree, n);
        int[] peer = new int[2 * m];
        double[] start = new double[2 * m];
        double[] end = new double[2 * m];
        double[] longest = new double[n];
        for (Contact c : contacts) {
            put(c.a(), c.b(), c, fill, peer, start, end, longest);
            put(c.b(), c.a(), c, fill, peer, start, end, longest);
        }
        for (int d = 0; d < n; d++) {
            sortRow(rowStart[d], rowStart[d + 1], peer, start, end);
        }
        return new TemporalContacts(n, List.copyOf(names), List.copyOf(presence), from, to, m, rowStart, peer, start,
                end, longest);
    }

    private static void put(int self, int other, Contact c, int[] fill, int[] peer, double[] start, double[] end,
                            double[] longest) {
        int k = fill[self]++;
        peer[k] = other;
        start[k] = c.start();
        end[k] = c.end();
        longest[self] = Math.max(longest[self], c.end() - c.start());
    }

    private static void sortRow(int lo, int hi, int[] peer, double[] start, double[] end) {
        int len = hi - lo;
        if (len < 2) {
            return;
        }
        boolean sorted = true;
        for (int k = lo + 1; k < hi && sorted; k++) {
            sorted = start[k - 1] <= start[k];
        }
        if (sorted) {
            return;
        }
        Integer[] order = new Integer[len];
        for (int i = 0; i < len; i++) {
            order[i] = lo + i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(start[p], start[q]));
        int[] p2 = new int[len];
        double[] s2 = new double[len];
        double[] e2 = new double[len];
        for (int i = 0; i < len; i++) {
            p2[i] = peer[order[i]];
            s2[i] = start[order[i]];
            e2[i] = end[order[i]];
        }
        System.arraycopy(p2, 0, peer, lo, len);
        System.arraycopy(s2, 0, start, lo, len);
        System.arraycopy(e2, 0, end, lo, len);
    }

    /**
     * The same network with each contact's start and end times replaced, pair by pair: used for the
     * shuffle test (same per-pair contact counts and durations, times drawn anew).
     *
     * @param contacts the new contacts (same devices)
     */
    public TemporalContacts withContacts(List<Contact> contacts) {
        return of(names, contacts, presence, from, to);
    }

    /** Number of devices N. */
    public int devices() {
        return devices;
    }

    /** Device names, index = device. */
    public List<String> names() {
        return names;
    }

    /** When device {@code d} was present. */
    public IntervalSet presence(int d) {
        return presence.get(d);
    }

    /** All presence sets, index = device. */
    public List<IntervalSet> presence() {
        return presence;
    }

    /** Start of the observed window, seconds. */
    public double from() {
        return from;
    }

    /** End of the observed window, seconds. */
    public double to() {
        return to;
    }

    /** Number of contacts (each counted once). */
    public int contacts() {
        return contactCount;
    }

    /** The contacts, each once with {@code a < b}, sorted by start (a new list). */
    public List<Contact> contactList() {
        List<Contact> out = new ArrayList<>(contactCount);
        for (int d = 0; d < devices; d++) {
            for (int k = rowStart[d]; k < rowStart[d + 1]; k++) {
                if (d < peer[k]) {
                    out.add(new Contact(d, peer[k], start[k], end[k]));
                }
            }
        }
        out.sort((p, q) -> p.start() != q.start() ? Double.compare(p.start(), q.start())
                : p.a() != q.a() ? Integer.compare(p.a(), q.a()) : Integer.compare(p.b(), q.b()));
        return out;
    }

    /** True when device {@code d} is present at time {@code t}. */
    public boolean present(int d, double t) {
        return presence.get(d).contains(t);
    }

    /**
     * Mean number of distinct devices present at some time within {@code horizon} seconds after each
     * whole hour of the windows ({from, to} seconds): the devices a forecast's T_q counts.
     */
    public double meanPresentWithin(List<double[]> windows, double horizon) {
        double sum = 0;
        int n = 0;
        for (double[] w : windows) {
            for (double t = w[0]; t < w[1]; t += 3600) {
                int c = 0;
                for (int d = 0; d < devices(); d++) {
                    if (presentDuring(d, t, t + horizon)) {
                        c++;
                    }
                }
                sum += c;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** True when device {@code d} is present at some time in {@code [a, b]}. */
    public boolean presentDuring(int d, double a, double b) {
        IntervalSet s = presence.get(d);
        for (int i = 0; i < s.size(); i++) {
            if (s.start(i) > b) {
                return false;
            }
            if (s.end(i) >= a) {
                return true;
            }
        }
        return false;
    }

    // Package-private raw access for the spread engine: hot loops over millions of contacts.
    int rowStart(int d) {
        return rowStart[d];
    }

    int rowEnd(int d) {
        return rowStart[d + 1];
    }

    int peer(int k) {
        return peer[k];
    }

    double start(int k) {
        return start[k];
    }

    double end(int k) {
        return end[k];
    }

    double longest(int d) {
        return longest[d];
    }

    int sweepA(int j) {
        return sweepA[j];
    }

    int sweepB(int j) {
        return sweepB[j];
    }

    double sweepStart(int j) {
        return sweepStart[j];
    }

    double sweepEnd(int j) {
        return sweepEnd[j];
    }

    /** First index of the time sweep whose contact starts at or after {@code t}. */
    int firstSweepAtOrAfter(double t) {
        int lo = 0;
        int hi = contactCount;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sweepStart[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First index in device {@code d}'s row whose contact starts at or after {@code t}. */
    int firstStartingAtOrAfter(int d, double t) {
        int lo = rowStart[d];
        int hi = rowStart[d + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (start[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
