package org.p2prollout.validation.sim.engine;

import org.p2prollout.model.contact.ContactListener;

/**
 * Where contacts come from: synthetic mobility through a contact detector, a contact process,
 * or a replayed trace. The engine wakes the source at {@link #nextTime()}; the source reports
 * contact starts and ends at times {@code >=} the wake-up time (a start and its end may both be
 * reported at once, the end in the future). Pairs never overlap: a pair's next start comes after
 * its previous end.
 *
 * <p>Not {@link org.p2prollout.model.mobility.ContactSource}: that one is driven (told to advance
 * to a time, as a rates run reads a trace); a feed schedules itself (it says when it next wants
 * to run, as every process of the discrete-event engine does). Feeds wrap sources.
 */
public interface ContactFeed extends AutoCloseable {
    /** Next time the source wants to run, seconds; +infinity when it has nothing more. */
    double nextTime();

    /** Runs the source at {@link #nextTime()}, reporting contacts to {@code listener}. */
    void advance(ContactListener listener);

    /**
     * Positions of the devices at the sample nearest the current time (x then y, metres), or null
     * when the source has no positions (contact processes, contact traces).
     */
    default double[][] positions() {
        return null;
    }

    /** Releases what the source holds (threads); called once when the run ends. */
    @Override
    default void close() {
    }
}
