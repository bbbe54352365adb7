package org.p2prollout.validation.sim.engine;

/**
 * One protocol message on the air.
 *
 * @param kind    what it is, for byte accounting
 * @param bytes   encoded size including the frame header, bytes, >= 1
 * @param message the protocol's own message object, opaque to the engine
 */
public record Frame(Kind kind, int bytes, Object message) {
    /** Message kinds as the byte accounting sees them. */
    public enum Kind { ANNOUNCEMENT, REQUEST, MANIFEST, PIECE, REPORT }
}
