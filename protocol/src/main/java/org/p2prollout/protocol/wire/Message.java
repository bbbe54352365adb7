package org.p2prollout.protocol.wire;

import org.p2prollout.protocol.ByteWriter;

/**
 * A protocol message. Immutable. {@link #encodedSize()} is exactly the length of
 * {@link WireCodec#encode(Message)} (tag byte included); the bytes a link carries for it are
 * {@code encodedSize() + frameHeaderBytes} (see {@link WireCodec#frameBytes}).
 */
public sealed interface Message
        permits Announcement, ManifestRequest, ManifestResponse, PieceRequest, Piece, PieceUnavailable, InstallReport,
                Hello {

    MessageKind kind();

    /** Length in bytes of the binary encoding, tag byte included, frame header excluded. */
    int encodedSize();

    /** Writes the fields after the tag byte. */
    void writeBody(ByteWriter out);
}
