package org.p2prollout.protocol;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict big-endian reader over a byte array used by every decoder: each read checks that enough
 * bytes remain and throws {@link MalformedMessageException} naming the field and offset otherwise.
 */
public final class ByteReader {
    private final ByteBuffer buf;

    public ByteReader(byte[] bytes) {
        this.buf = ByteBuffer.wrap(bytes);
    }

    public int offset() {
        return buf.position();
    }

    public int remaining() {
        return buf.remaining();
    }

    private void need(int n, String field) {
        if (buf.remaining() < n) {
            throw new MalformedMessageException("truncated " + field + " at byte " + buf.position()
                    + ": need " + n + " bytes, " + buf.remaining() + " left");
        }
    }

    public int u8(String field) {
        need(1, field);
        return buf.get() & 0xFF;
    }

    public int u16(String field) {
        need(2, field);
        return buf.getShort() & 0xFFFF;
    }

    /** An unsigned 32-bit value that must fit in a non-negative int. */
    public int u31(String field) {
        need(4, field);
        int at = buf.position();
        int v = buf.getInt();
        if (v < 0) {
            throw new MalformedMessageException(field + " at byte " + at + " must be < 2^31, got " + (v & 0xFFFFFFFFL));
        }
        return v;
    }

    public int i32(String field) {
        need(4, field);
        return buf.getInt();
    }

    public long i64(String field) {
        need(8, field);
        return buf.getLong();
    }

    public byte[] bytes(int n, String field) {
        need(n, field);
        byte[] out = new byte[n];
        buf.get(out);
        return out;
    }

    /** A u8 length followed by that many bytes of strict UTF-8 (1..255 bytes). */
    public String shortString(String field) {
        int at = buf.position();
        int len = u8(field + " length");
        if (len == 0) {
            throw new MalformedMessageException(field + " at byte " + at + " must not be empty");
        }
        byte[] raw = bytes(len, field);
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new MalformedMessageException(field + " at byte " + at + " is not valid UTF-8");
        }
    }

    /** Throws unless every byte has been consumed. */
    public void expectEnd(String what) {
        if (buf.hasRemaining()) {
            throw new MalformedMessageException(what + ": " + buf.remaining() + " trailing bytes at byte " + buf.position());
        }
    }
}
