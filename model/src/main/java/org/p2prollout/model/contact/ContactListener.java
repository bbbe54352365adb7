package org.p2prollout.model.contact;

/**
 * Receives contact events in time order as a contact detector finds them: the simulator turns
 * them into radio links, the rates pipeline into {@link Contact} records. Device indices are
 * dense ({@code 0..N-1}) with {@code a < b}; times in seconds.
 */
public interface ContactListener {
    void contactStarted(int a, int b, double time);

    void contactEnded(int a, int b, double time);
}
