package org.p2prollout.model.contact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link ContactListener} that turns start/end events into {@link Contact} records. Open
 * contacts are kept in a primitive table (16 bytes each); closed ones in a list.
 * Call {@link ContactTracker#finish()} before {@link #contacts()} so that no contact is left open.
 */
public final class ContactCollector implements ContactListener {
    private final PairMap startOf = new PairMap();
    private final List<Contact> closed = new ArrayList<>();

    @Override
    public void contactStarted(int a, int b, double time) {
        if (!startOf.put(PairMap.key(a, b), Double.doubleToRawLongBits(time))) {
            throw new IllegalStateException("contact " + a + "-" + b + " started twice without ending");
        }
    }

    @Override
    public void contactEnded(int a, int b, double time) {
        long key = PairMap.key(a, b);
        int slot = startOf.find(key);
        if (slot < 0) {
            throw new IllegalStateException("contact " + a + "-" + b + " ended at " + time + " without a start");
        }
        double start = Double.longBitsToDouble(startOf.valueAt(slot));
        startOf.remove(key);
        closed.add(new Contact(a, b, start, time));
    }

    /** Contacts started and not yet ended. */
    public int openContacts() {
        return startOf.size();
    }

    /** Number of closed contacts. */
    public int size() {
        return closed.size();
    }

    /**
     * The closed contacts sorted by start time, then {@code a}, then {@code b}: a new list, so
     * the caller may keep it. Contacts still open are not included (see {@link #openContacts()}).
     */
    public List<Contact> contacts() {
        List<Contact> sorted = new ArrayList<>(closed);
        sorted.sort(Comparator.comparingDouble(Contact::start).thenComparingInt(Contact::a)
                .thenComparingInt(Contact::b));
        return sorted;
    }
}
