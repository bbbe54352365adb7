package org.p2prollout.model.mobility;

import java.util.List;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.core.InvalidInputException;

/**
 * Contacts found over an observation window during which every device was observed: the input
 * of encounter-rate estimation for synthetic mobility (per pair, contacts / (to - from)).
 *
 * @param devices  number of devices
 * @param from     start of observation, seconds
 * @param to       end of observation, seconds, {@code >= from}
 * @param contacts the contacts, sorted by start, then a, then b; unmodifiable
 */
public record ContactLog(int devices, double from, double to, List<Contact> contacts) {
    public ContactLog {
        if (!(to >= from)) {
            throw new InvalidInputException("observation must end (" + to + ") at or after it starts (" + from + ")");
        }
        contacts = List.copyOf(contacts);
    }

    /** Seconds observed. */
    public double observedSeconds() {
        return to - from;
    }
}
