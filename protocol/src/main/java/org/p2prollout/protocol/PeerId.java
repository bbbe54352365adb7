package org.p2prollout.protocol;

/**
 * Identity of a device (or of the infrastructure server) as the protocol sees it. On the wire it
 * is 8 bytes (a signed 64-bit integer, big-endian).
 *
 * @param value any long; {@link #SERVER} ({@code -1}) is reserved for the infrastructure server
 */
public record PeerId(long value) {
    /** The infrastructure server: a peer that holds every release and never downloads. */
    public static final PeerId SERVER = new PeerId(-1);

    /** The peer id of device number {@code index} (0-based), as a simulator numbers its fleet. */
    public static PeerId of(long index) {
        return new PeerId(index);
    }

    public boolean isServer() {
        return value == -1;
    }

    @Override
    public String toString() {
        return isServer() ? "server" : "device-" + value;
    }
}
