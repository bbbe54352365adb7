package org.p2prollout.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Big-endian writer used by every encoder; the counterpart of {@link ByteReader}. */
public final class ByteWriter {
    private final ByteArrayOutputStream out;

    public ByteWriter(int expectedSize) {
        this.out = new ByteArrayOutputStream(Math.max(16, expectedSize));
    }

    public ByteWriter u8(int v) {
        out.write(v);
        return this;
    }

    public ByteWriter u16(int v) {
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    public ByteWriter i32(int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    public ByteWriter i64(long v) {
        i32((int) (v >>> 32));
        return i32((int) v);
    }

    public ByteWriter bytes(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    public ByteWriter shortString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        u8(b.length);
        return bytes(b);
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
