package org.p2prollout.validation.sim.engine;

/**
 * What the engine offers the devices' protocol: sending on an open link, the clock, the fleet's
 * physical state (free riders, batteries) and the place to report installs.
 */
public interface Air {
    /** Current simulated time, seconds since release. */
    double now();

    /**
     * Queues {@code frame} on the link from {@code from} to {@code to}; frames in one direction go
     * one at a time in order. Ignored when no link is up between them.
     */
    void send(int from, int to, Frame frame);

    /** Whether {@code device} may upload pieces now: not a free rider, battery above reserve. */
    boolean serves(int device);

    /** Reports that {@code device} installed the release now. */
    void installed(int device);
}
