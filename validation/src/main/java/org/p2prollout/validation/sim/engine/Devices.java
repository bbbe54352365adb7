package org.p2prollout.validation.sim.engine;

import java.util.Map;

/**
 * The fleet's protocol as the engine drives it: links come up and go down, frames arrive.
 * Device indices are {@code 0..N-1}; index {@code N} is the infrastructure server.
 * Implementations send through the {@link Air} they were built with.
 */
public interface Devices {
    /** A link between {@code a} and {@code b} came up (a contact or a server session). */
    void linkUp(int a, int b);

    /**
     * {@code frame} from {@code from} arrived whole at {@code to}.
     *
     * @return false when the receiver rejected it (its bytes are counted as rejected)
     */
    boolean deliver(int from, int to, Frame frame);

    /** The link between {@code a} and {@code b} went down; frames in flight are lost. */
    void linkDown(int a, int b);

    /** Whether {@code device} still needs something from the server (lacks the installed release). */
    boolean needsServer(int device);

    /** Rejected items per kind (e.g. "piece", "manifest"), counted at the receivers. */
    Map<String, Long> rejected();

    /** Installs of a tampered release; the protocol guarantees 0. */
    long tamperedInstalls();

    /**
     * Bytes a plain client-server download of one device sends with this protocol's encoding: a
     * manifest request, the manifest, and per piece a request and the piece, with frame headers.
     */
    long clientServerBytesPerDevice();
}
