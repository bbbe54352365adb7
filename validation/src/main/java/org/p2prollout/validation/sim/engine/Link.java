package org.p2prollout.validation.sim.engine;

import java.util.ArrayDeque;

/**
 * A radio link between devices {@code a < b} (b may be the server): two directions, each sending
 * one frame at a time at the link's bandwidth. The generation guards against completion events
 * of an earlier use of the same slot.
 */
final class Link {
    final int id;
    int a;
    int b;
    boolean up;
    boolean server;
    int generation;
    /** Contacts of the pair reported up and not yet ended (overlapping ones share the link). */
    int contacts;
    /** When the contact began, seconds. */
    double since;
    /** Bytes per second in each direction; +infinity for instantaneous transfers. */
    double bytesPerSecond;
    final Frame[] current = new Frame[2];
    final double[] sendingSince = new double[2];
    @SuppressWarnings({"unchecked", "rawtypes"})
    final ArrayDeque<Frame>[] queue = new ArrayDeque[2];

    Link(int id) {
        this.id = id;
    }

    /** Direction index of a frame sent by {@code from}: 0 for a to b, 1 for b to a. */
    int direction(int from) {
        return from == a ? 0 : 1;
    }

    int sender(int direction) {
        return direction == 0 ? a : b;
    }

    int receiver(int direction) {
        return direction == 0 ? b : a;
    }

    boolean idle() {
        return current[0] == null && current[1] == null;
    }
}
