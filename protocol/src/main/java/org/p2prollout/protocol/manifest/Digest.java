package org.p2prollout.protocol.manifest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** An immutable SHA-256 digest (32 bytes): of a piece, or of a manifest's signed body. */
public final class Digest {
    /** Length of a SHA-256 digest in bytes. */
    public static final int LENGTH = 32;

    private final byte[] bytes;
    private final int hash;

    private Digest(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** Wraps (a copy of) 32 digest bytes. */
    public static Digest of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a SHA-256 digest is 32 bytes, got " + bytes.length);
        }
        return new Digest(bytes.clone());
    }

    /** SHA-256 of {@code data}. */
    public static Digest sha256(byte[] data) {
        return new Digest(newSha256().digest(data));
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    /** A copy of the 32 bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Digest d && Arrays.equals(bytes, d.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** The first 8 bytes in hex, enough to tell digests apart in logs. */
    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes, 0, 8);
    }
}
