package org.p2prollout.model.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.solver.InvalidInputException;

/**
 * Collects contacts with named devices, then numbers the devices in name order (numeric names
 * numerically), clips contacts to the window, and merges overlapping contacts of a pair (contact
 * lists such as Haggle's repeat a contact seen by both devices).
 */
final class ContactAccumulator {
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private int[] as = new int[64];
    private int[] bs = new int[64];
    private double[] starts = new double[64];
    private double[] ends = new double[64];
    private int n;
    private double first = Double.POSITIVE_INFINITY;
    private double last = Double.NEGATIVE_INFINITY;

    int device(String name) {
        Integer i = index.get(name);
        if (i == null) {
            i = names.size();
            index.put(name, i);
            names.add(name);
        }
        return i;
    }

    /** Notes an event time, extending the default observation window. */
    void saw(double time) {
        first = Math.min(first, time);
        last = Math.max(last, time);
    }

    double firstTime() {
        return first;
    }

    double lastTime() {
        return last;
    }

    void add(int a, int b, double start, double end) {
        if (n == as.length) {
            int cap = n * 2;
            as = Arrays.copyOf(as, cap);
            bs = Arrays.copyOf(bs, cap);
            starts = Arrays.copyOf(starts, cap);
            ends = Arrays.copyOf(ends, cap);
        }
        as[n] = a;
        bs[n] = b;
        starts[n] = start;
        ends[n] = end;
        n++;
        saw(start);
        saw(end);
    }

    ContactTrace build(String source, TraceFormat format, boolean detected, double from, double to,
                       long malformed, long openAtEnd) {
        if (names.isEmpty()) {
            throw new InvalidInputException(source + ": the contact list has no contacts");
        }
        if (names.size() < 2) {
            throw new InvalidInputException(source + ": the contact list has one device ('" + names.get(0)
                    + "'); encounters need at least two");
        }
        double lo = Double.isInfinite(from) ? first : from;
        double hi = Double.isInfinite(to) ? last : to;
        Integer[] order = new Integer[names.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> TraceBuilder.compareNames(names.get(p), names.get(q)));
        int[] remap = new int[order.length];
        List<String> sortedNames = new ArrayList<>(order.length);
        for (int k = 0; k < order.length; k++) {
            remap[order[k]] = k;
            sortedNames.add(names.get(order[k]));
        }
        List<Contact> raw = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double s = Math.max(starts[i], lo);
            double e = Math.min(ends[i], hi);
            if (s <= e) {
                raw.add(Contact.of(remap[as[i]], remap[bs[i]], s, e));
            }
        }
        raw.sort(Comparator.comparingInt(Contact::a).thenComparingInt(Contact::b).thenComparingDouble(Contact::start));
        List<Contact> merged = new ArrayList<>(raw.size());
        for (Contact c : raw) {
            Contact prev = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (prev != null && prev.a() == c.a() && prev.b() == c.b() && c.start() <= prev.end()) {
                merged.set(merged.size() - 1, new Contact(c.a(), c.b(), prev.start(), Math.max(prev.end(), c.end())));
            } else {
                merged.add(c);
            }
        }
        merged.sort(Comparator.comparingDouble(Contact::start).thenComparingInt(Contact::a).thenComparingInt(Contact::b));
        return new ContactTrace(source, format, detected, sortedNames, merged, lo, hi, malformed, openAtEnd);
    }
}
