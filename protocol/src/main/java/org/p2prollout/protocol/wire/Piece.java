package org.p2prollout.protocol.wire;

import java.util.Objects;
import org.p2prollout.protocol.ByteWriter;
import org.p2prollout.protocol.manifest.Digest;
import org.p2prollout.protocol.manifest.PieceData;

/**
 * Piece {@code index} of a release. Encoding: tag, digest, i32 index, i32 length, the bytes:
 * {@code 41 + data.length()} bytes ({@link #OVERHEAD} + payload).
 */
public record Piece(Digest manifestDigest, int index, PieceData data) implements Message {
    /** Bytes of a piece message besides the payload itself. */
    public static final int OVERHEAD = 1 + Digest.LENGTH + 4 + 4;

    public Piece {
        Objects.requireNonNull(manifestDigest, "manifestDigest");
        Objects.requireNonNull(data, "data");
        if (index < 0) {
            throw new IllegalArgumentException("piece index must be >= 0, got " + index);
        }
    }

    @Override
    public MessageKind kind() {
        return MessageKind.PIECE;
    }

    @Override
    public int encodedSize() {
        return OVERHEAD + data.length();
    }

    @Override
    public void writeBody(ByteWriter w) {
        w.bytes(manifestDigest.toBytes()).i32(index).i32(data.length());
        data.writeTo(w);
    }
}
