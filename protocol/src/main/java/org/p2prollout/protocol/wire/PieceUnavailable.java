package org.p2prollout.protocol.wire;

import java.util.Objects;
import org.p2prollout.protocol.ByteWriter;
import org.p2prollout.protocol.manifest.Digest;

/**
 * The answer to a {@link PieceRequest} the peer will not fill. An honest device answers every
 * piece request, in order, with a {@link Piece} or with this. {@link Reason#NOT_HELD} for a piece
 * the sender announced as held is a lie (pieces are never discarded) and is counted as a lying
 * bitfield. Encoding: tag, digest, i32 index, u8 reason (38 bytes).
 */
public record PieceUnavailable(Digest manifestDigest, int index, Reason reason) implements Message {
    public static final int SIZE = 1 + Digest.LENGTH + 4 + 1;

    public enum Reason {
        /** The sender does not have the piece (or the release). */
        NOT_HELD,
        /** The sender does not upload (free rider, battery below its reserve). */
        NOT_SERVING
    }

    public PieceUnavailable {
        Objects.requireNonNull(manifestDigest, "manifestDigest");
        Objects.requireNonNull(reason, "reason");
        if (index < 0) {
            throw new IllegalArgumentException("piece index must be >= 0, got " + index);
        }
    }

    @Override
    public MessageKind kind() {
        return MessageKind.PIECE_UNAVAILABLE;
    }

    @Override
    public int encodedSize() {
        return SIZE;
    }

    @Override
    public void writeBody(ByteWriter w) {
        w.bytes(manifestDigest.toBytes()).i32(index).u8(reason.ordinal());
    }
}
