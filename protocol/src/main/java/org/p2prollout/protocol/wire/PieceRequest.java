package org.p2prollout.protocol.wire;

import java.util.Objects;
import org.p2prollout.protocol.ByteWriter;
import org.p2prollout.protocol.manifest.Digest;

/** Asks for piece {@code index} of a release. Encoding: tag, digest, i32 index (37 bytes). */
public record PieceRequest(Digest manifestDigest, int index) implements Message {
    public static final int SIZE = 1 + Digest.LENGTH + 4;

    public PieceRequest {
        Objects.requireNonNull(manifestDigest, "manifestDigest");
        if (index < 0) {
            throw new IllegalArgumentException("piece index must be >= 0, got " + index);
        }
    }

    @Override
    public MessageKind kind() {
        return MessageKind.PIECE_REQUEST;
    }

    @Override
    public int encodedSize() {
        return SIZE;
    }

    @Override
    public void writeBody(ByteWriter w) {
        w.bytes(manifestDigest.toBytes()).i32(index);
    }
}
