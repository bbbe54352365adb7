package org.p2prollout.protocol.manifest;

/**
 * The bytes of one piece, immutable. Its SHA-256 is computed once, on first use, and cached:
 * the same instance passed from device to device in a simulation is hashed once, while a piece
 * decoded from the wire is a new instance and is hashed when it is verified.
 */
public final class PieceData {
    private final byte[] bytes;
    private volatile Digest sha256;

    private PieceData(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A piece holding a copy of {@code bytes}. */
    public static PieceData copyOf(byte[] bytes) {
        return new PieceData(bytes.clone());
    }

    /** Wraps {@code bytes} without copying; the caller must never modify them afterwards. */
    public static PieceData wrap(byte[] bytes) {
        return new PieceData(bytes);
    }

    /** Length in bytes. */
    public int length() {
        return bytes.length;
    }

    /** SHA-256 of the bytes (computed once). */
    public Digest sha256() {
        Digest d = sha256;
        if (d == null) {
            d = Digest.sha256(bytes);
            sha256 = d;
        }
        return d;
    }

    /** A copy of the bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** Byte {@code i}, 0-based. */
    public byte byteAt(int i) {
        return bytes[i];
    }

    /** Content equality (same bytes). */
    @Override
    public boolean equals(Object o) {
        return o instanceof PieceData p && (p == this || java.util.Arrays.equals(bytes, p.bytes));
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bytes);
    }

    /** Appends the raw bytes to {@code out} (no length prefix). */
    public void writeTo(org.p2prollout.protocol.ByteWriter out) {
        out.bytes(bytes);
    }
}
