package org.p2prollout.protocol.wire;

import java.util.Arrays;
import java.util.BitSet;
import org.p2prollout.protocol.ByteReader;
import org.p2prollout.protocol.ByteWriter;
import org.p2prollout.protocol.MalformedMessageException;

/**
 * An immutable set of piece indices in {@code [0, pieceCount)}. Encoding: i32 piece count then
 * {@code ceil(pieceCount / 8)} bytes, piece {@code i} in byte {@code i / 8} at bit
 * {@code 7 - i % 8} (most significant first); padding bits must be zero.
 */
public final class Bitfield {
    private final int pieceCount;
    private final BitSet bits;

    private Bitfield(int pieceCount, BitSet bits) {
        this.pieceCount = pieceCount;
        this.bits = bits;
    }

    public static Bitfield empty(int pieceCount) {
        return new Bitfield(checkCount(pieceCount), new BitSet());
    }

    public static Bitfield full(int pieceCount) {
        BitSet b = new BitSet();
        b.set(0, checkCount(pieceCount));
        return new Bitfield(pieceCount, b);
    }

    /** A bitfield holding the set bits of {@code bits} (which must all be below {@code pieceCount}). */
    public static Bitfield of(int pieceCount, BitSet bits) {
        checkCount(pieceCount);
        if (bits.length() > pieceCount) {
            throw new IllegalArgumentException("bit " + (bits.length() - 1) + " is outside [0, " + pieceCount + ")");
        }
        return new Bitfield(pieceCount, (BitSet) bits.clone());
    }

    /** A bitfield holding {@code indices}. */
    public static Bitfield of(int pieceCount, int... indices) {
        BitSet b = new BitSet();
        for (int i : indices) {
            b.set(i);
        }
        return of(pieceCount, b);
    }

    private static int checkCount(int pieceCount) {
        if (pieceCount < 1) {
            throw new IllegalArgumentException("piece count must be >= 1, got " + pieceCount);
        }
        return pieceCount;
    }

    public int pieceCount() {
        return pieceCount;
    }

    public boolean has(int index) {
        return index >= 0 && index < pieceCount && bits.get(index);
    }

    /** Number of pieces held. */
    public int cardinality() {
        return bits.cardinality();
    }

    public boolean isComplete() {
        return bits.cardinality() == pieceCount;
    }

    /** A copy of the set bits. */
    public BitSet toBitSet() {
        return (BitSet) bits.clone();
    }

    public int encodedSize() {
        return 4 + (pieceCount + 7) / 8;
    }

    void writeTo(ByteWriter w) {
        w.i32(pieceCount);
        byte[] out = new byte[(pieceCount + 7) / 8];
        for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
            out[i >>> 3] |= (byte) (0x80 >>> (i & 7));
        }
        w.bytes(out);
    }

    static Bitfield read(ByteReader r) {
        int count = r.u31("bitfield piece count");
        if (count < 1 || count > org.p2prollout.protocol.manifest.Manifest.MAX_PIECES) {
            throw new MalformedMessageException("bitfield piece count must be in [1, "
                    + org.p2prollout.protocol.manifest.Manifest.MAX_PIECES + "], got " + count);
        }
        byte[] raw = r.bytes((count + 7) / 8, "bitfield");
        BitSet b = new BitSet(count);
        for (int i = 0; i < raw.length * 8; i++) {
            if ((raw[i >>> 3] & (0x80 >>> (i & 7))) != 0) {
                if (i >= count) {
                    throw new MalformedMessageException("bitfield padding bit " + i + " is set (piece count " + count + ")");
                }
                b.set(i);
            }
        }
        return new Bitfield(count, b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bitfield f && f.pieceCount == pieceCount && f.bits.equals(bits);
    }

    @Override
    public int hashCode() {
        return 31 * pieceCount + bits.hashCode();
    }

    @Override
    public String toString() {
        char[] c = new char[pieceCount];
        Arrays.fill(c, '0');
        for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
            c[i] = '1';
        }
        return new String(c);
    }
}
