package org.p2prollout.model.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.core.InvalidInputException;

/**
 * Collects contacts with named devices, then numbers the devices in name order (numeric names
 * numerically), clips contacts to the window, merges overlapping contacts of a pair (contact
 * lists such as Haggle's repeat a contact seen by both devices), and applies the device filter.
 * For directed lists it also records which devices observe (appear as the first device of a
 * record) to apply {@code --experiment-only} and to warn when devices that never record dominate.
 */
final class ContactAccumulator {
    /** Seen-only devices above this share of the devices, or of the contacts, trigger a warning. */
    static final double SEEN_ONLY_WARNING_SHARE = 0.5;

    private final Map<String, Integer> index = new HashMap<>();
    private final java.util.Set<String> observers = new java.util.HashSet<>();
    private boolean reversed;   // some record has its observer after the seen device in name order
    private final List<String> names = new ArrayList<>();
    private final org.p2prollout.model.contact.ContactStore store = new org.p2prollout.model.contact.ContactStore(64);
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

    /**
     * Notes a well-formed record of a directed list, inside the window or not: {@code observer}
     * recorded it, {@code seen} was seen.
     */
    void observed(String observer, String seen) {
        observers.add(observer);
        if (!reversed && TraceBuilder.compareNames(observer, seen) > 0) {
            reversed = true;
        }
    }

    void add(int a, int b, double start, double end) {
        store.add(a, b, start, end);
        saw(start);
        saw(end);
    }

    /**
     * Freezes the contacts.
     *
     * @param directed whether records name an observer first ({@link #observed} was called); false
     *                 for undirected events (ONE connections)
     */
    ContactTrace build(String source, TraceFormat format, boolean detected, ReadOptions options, boolean directed,
                       TraceTimeUnit unit, long malformed, long openAtEnd) {
        double from = options.from();
        double to = options.to();
        DeviceFilter filter = options.devices();
        if (names.isEmpty()) {
            throw new InvalidInputException(source + ": the contact list has no contacts"
                    + (Double.isInfinite(from) && Double.isInfinite(to) ? "" : " inside the time window 'from'/'to'"));
        }
        // an undirected list carries no observer: every record has a before b in name order
        boolean hasObservers = directed && reversed;
        if (filter instanceof DeviceFilter.ExperimentOnly) {
            if (!directed) {
                throw new InvalidInputException(source + ": 'experimentOnly' needs a directed contact list (observer first);"
                        + " " + format.cliName() + " events are undirected; give the experiment's devices with 'devices' FILE|A..B");
            }
            if (!reversed) {
                throw new InvalidInputException(source + ": 'experimentOnly' needs a directed contact list (observer first),"
                        + " but every record has its first device before its second in name order, as in an undirected list;"
                        + " give the experiment's devices with 'devices' FILE|A..B");
            }
        }
        double lo = Double.isInfinite(from) ? first : from;
        double hi = Double.isInfinite(to) ? last : to;
        Integer[] order = new Integer[names.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> TraceBuilder.compareNames(names.get(p), names.get(q)));
        // rank = index in name order; kept devices keep their order, dropped ones map to -1
        int[] rank = new int[order.length];
        int[] remap = new int[order.length];        // by rank
        boolean[] seenOnly = new boolean[order.length];   // by rank
        List<String> sortedNames = new ArrayList<>(order.length);
        int devicesDropped = 0;
        int seenOnlyDevices = 0;
        for (int k = 0; k < order.length; k++) {
            rank[order[k]] = k;
            String name = names.get(order[k]);
            boolean observer = observers.contains(name);
            seenOnly[k] = !observer;
            seenOnlyDevices += observer ? 0 : 1;
            if (filter == null || filter.keeps(name, observer)) {
                remap[k] = sortedNames.size();
                sortedNames.add(name);
            } else {
                remap[k] = -1;
                devicesDropped++;
            }
        }
        int n = store.size();
        List<Contact> raw = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double s = Math.max(store.start(i), lo);
            double e = Math.min(store.end(i), hi);
            if (s <= e) {
                raw.add(Contact.of(rank[store.a(i)], rank[store.b(i)], s, e));
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
        List<Contact> kept = new ArrayList<>(merged.size());
        long contactsDropped = 0;
        long seenOnlyContacts = 0;
        for (Contact c : merged) {
            if (seenOnly[c.a()] || seenOnly[c.b()]) {
                seenOnlyContacts++;
            }
            int a = remap[c.a()];
            int b = remap[c.b()];
            if (a < 0 || b < 0) {
                contactsDropped++;
            } else {
                kept.add(Contact.of(a, b, c.start(), c.end()));
            }
        }
        if (sortedNames.size() < 2) {
            throw new InvalidInputException(source + ": " + (filter == null ? "the contact list has one device ('"
                    + sortedNames.get(0) + "')" : filter.describe() + " keeps " + sortedNames.size() + " of the "
                    + names.size() + " devices") + "; encounters need at least two");
        }
        kept.sort(Comparator.comparingDouble(Contact::start).thenComparingInt(Contact::a).thenComparingInt(Contact::b));
        List<String> warnings = new ArrayList<>();
        if (filter == null && hasObservers) {
            double deviceShare = (double) seenOnlyDevices / names.size();
            double contactShare = merged.isEmpty() ? 0 : (double) seenOnlyContacts / merged.size();
            if (deviceShare > SEEN_ONLY_WARNING_SHARE || contactShare > SEEN_ONLY_WARNING_SHARE) {
                warnings.add(String.format(java.util.Locale.ROOT,
                        "%d of the %d devices (%.0f %%) never record a contact themselves (they only appear as the seen,"
                                + " second device) and take part in %d of the %d contacts (%.0f %%): likely external"
                                + " devices seen by the experiment's devices; they count as fleet members and lower the"
                                + " rates. Give 'experimentOnly' to keep the %d recording devices, or 'devices' FILE|A..B",
                        seenOnlyDevices, names.size(), 100 * deviceShare, seenOnlyContacts, merged.size(),
                        100 * contactShare, names.size() - seenOnlyDevices));
            }
        }
        if (filter instanceof DeviceFilter.Listed l) {
            long absent = l.names().stream().filter(x -> !index.containsKey(x)).count();
            if (absent > 0) {
                warnings.add(absent + " of the " + l.names().size() + " devices listed in 'devices' " + l.source()
                        + " have no contact in the trace" + (Double.isInfinite(from) && Double.isInfinite(to) ? "" : " window")
                        + " and are not counted as devices (names must match exactly, e.g. '7' is not '07')");
            }
        }
        return new ContactTrace(source, format, detected, sortedNames, kept, lo, hi, malformed, openAtEnd, unit,
                filter == null ? null : filter.describe(), devicesDropped, contactsDropped, warnings);
    }
}
