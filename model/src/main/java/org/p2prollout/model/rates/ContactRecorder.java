package org.p2prollout.model.rates;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.model.contact.ContactListener;

/**
 * A {@link ContactListener} that records contacts in primitive arrays in the order they
 * started. Because a {@link org.p2prollout.model.contact.ContactTracker} reports starts in time
 * order and, within a step, in {@code (a, b)} order, {@link #contacts()} comes out sorted by
 * (start, a, b) without sorting: the multi-week traces' millions of contacts are never sorted
 * with object comparators. Contacts still open when {@link #contacts()} is called are an error:
 * call {@code tracker.finish()} first.
 */
public final class ContactRecorder implements ContactListener {
    private final Map<Long, Integer> open = new HashMap<>();
    private final org.p2prollout.model.contact.ContactStore store = new org.p2prollout.model.contact.ContactStore(1024);

    private static long key(int a, int b) {
        return ((long) a << 32) | (b & 0xffffffffL);
    }

    @Override
    public void contactStarted(int a, int b, double time) {
        if (open.putIfAbsent(key(a, b), store.size()) != null) {
            throw new IllegalStateException("contact " + a + "-" + b + " started twice without ending");
        }
        store.add(a, b, time, Double.NaN);
    }

    @Override
    public void contactEnded(int a, int b, double time) {
        Integer i = open.remove(key(a, b));
        if (i == null) {
            throw new IllegalStateException("contact " + a + "-" + b + " ended at " + time + " without a start");
        }
        store.setEnd(i, time);
    }

    /** Number of contacts started. */
    public int size() {
        return store.size();
    }

    /** The contacts in order of (start, a, b): an immutable view over the log's arrays. */
    public List<Contact> contacts() {
        if (!open.isEmpty()) {
            throw new IllegalStateException(open.size() + " contacts are still open; finish the tracker first");
        }
        Contact[] out = store.contacts().toArray(new Contact[0]);
        return new Frozen(out);
    }

    private static final class Frozen extends AbstractList<Contact> implements RandomAccess {
        private final Contact[] items;

        Frozen(Contact[] items) {
            this.items = items;
        }

        @Override
        public Contact get(int index) {
            return items[index];
        }

        @Override
        public int size() {
            return items.length;
        }
    }
}
