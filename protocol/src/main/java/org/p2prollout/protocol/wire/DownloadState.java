package org.p2prollout.protocol.wire;

import java.util.Objects;
import org.p2prollout.protocol.ByteReader;
import org.p2prollout.protocol.ByteWriter;

/**
 * A download in progress as an announcement names it: the release and the pieces held so far.
 * Encoding: the item then the bitfield.
 */
public record DownloadState(InventoryItem item, Bitfield pieces) {
    public DownloadState {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(pieces, "pieces");
    }

    public int encodedSize() {
        return item.encodedSize() + pieces.encodedSize();
    }

    void writeTo(ByteWriter w) {
        item.writeTo(w);
        pieces.writeTo(w);
    }

    static DownloadState read(ByteReader r) {
        return new DownloadState(InventoryItem.read(r), Bitfield.read(r));
    }
}
