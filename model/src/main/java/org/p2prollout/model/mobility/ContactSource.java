package org.p2prollout.model.mobility;

import org.p2prollout.model.contact.ContactListener;

/**
 * A stream of contact events, whether found from positions ({@link SampledContacts}) or drawn
 * directly ({@link ContactProcess}): what a simulator needs to turn encounters into radio links.
 * Events reach the listener in non-decreasing time order across calls. Not thread-safe.
 */
public interface ContactSource {
    /** Number of devices, indexed {@code 0..devices()-1}. */
    int devices();

    /**
     * Emits the events up to {@code until}, seconds, non-decreasing between calls. A source that
     * samples positions learns that a contact ended only at the next sample, so it may report an
     * end dated up to one sampling step before {@code until} on the following call; see the
     * implementation.
     */
    void advance(double until, ContactListener listener);

    /**
     * Ends every contact still open, at {@code time} ({@code >=} the last {@code until}), and
     * emits those ends. Nothing may follow.
     */
    void finish(double time, ContactListener listener);
}
