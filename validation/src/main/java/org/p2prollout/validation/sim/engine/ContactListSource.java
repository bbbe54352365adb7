package org.p2prollout.validation.sim.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.model.contact.ContactListener;

/**
 * Replays a list of contacts (a contact trace, or contacts found by the rates pipeline from
 * positions), shifted by {@code -origin} seconds so that the trace's origin is the release.
 * Overlapping contacts of one pair are merged by the engine (the link stays up).
 */
public final class ContactListSource implements ContactFeed {
    private final List<Contact> contacts;
    private final double origin;
    private int next;

    public ContactListSource(List<Contact> contacts, double origin) {
        List<Contact> sorted = new ArrayList<>(contacts);
        sorted.sort(Comparator.comparingDouble(Contact::start).thenComparingInt(Contact::a).thenComparingInt(Contact::b));
        this.contacts = sorted;
        this.origin = origin;
    }

    @Override
    public double nextTime() {
        return next < contacts.size() ? contacts.get(next).start() - origin : Double.POSITIVE_INFINITY;
    }

    @Override
    public void advance(ContactListener listener) {
        double t = nextTime();
        while (next < contacts.size() && contacts.get(next).start() - origin <= t) {
            Contact c = contacts.get(next++);
            listener.contactStarted(c.a(), c.b(), c.start() - origin);
            listener.contactEnded(c.a(), c.b(), c.end() - origin);
        }
    }
}
