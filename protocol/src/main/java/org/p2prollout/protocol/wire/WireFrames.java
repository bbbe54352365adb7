package org.p2prollout.protocol.wire;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.p2prollout.protocol.MalformedMessageException;

/**
 * Messages over a byte stream (TCP): each frame is a big-endian u32 length then the message's
 * encoding, so the frame header is 4 bytes ({@code frameHeaderBytes = 4}). The reader checks
 * the declared length against {@link WireCodec#MAX_MESSAGE_BYTES} before it allocates: a peer
 * declaring 2 GiB costs 4 bytes read, not 2 GiB of memory.
 */
public final class WireFrames {
    /** Bytes of the length prefix. */
    public static final int HEADER_BYTES = 4;

    private WireFrames() {
    }

    /** Writes one frame; returns the bytes written (header included). Does not flush. */
    public static int write(DataOutputStream out, Message m) throws IOException {
        byte[] b = WireCodec.encode(m);
        out.writeInt(b.length);
        out.write(b);
        return HEADER_BYTES + b.length;
    }

    /**
     * Reads one frame's encoding (without the header).
     *
     * @throws MalformedMessageException if the declared length is not in [1, MAX_MESSAGE_BYTES]
     * @throws java.io.EOFException if the stream ends first
     */
    public static byte[] read(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 1 || length > WireCodec.MAX_MESSAGE_BYTES) {
            throw new MalformedMessageException("frame declares " + Integer.toUnsignedString(length)
                    + " bytes; a message holds 1 to " + WireCodec.MAX_MESSAGE_BYTES);
        }
        byte[] frame = new byte[length];
        in.readFully(frame);
        return frame;
    }
}
