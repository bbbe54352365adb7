package org.p2prollout.protocol.wire;

import java.util.List;
import org.p2prollout.protocol.ByteWriter;
import org.p2prollout.protocol.PeerId;

/**
 * What a device tells each peer at the start of a contact: whether it serves pieces, its
 * installed software, its downloads in progress with their bitfields, and the devices it met
 * last (most recent first).
 *
 * <p>Encoding: tag, u8 flags (bit 0 = serving), u16 count + installed items, u16 count +
 * downloads, u16 count + 8 bytes per peer. Size:
 * {@code 8 + sum(item sizes) + sum(download sizes) + 8 * metLast}.
 *
 * @param serving false for a device that will answer every piece request with
 *                {@link PieceUnavailable.Reason#NOT_SERVING} (a free rider, a drained battery)
 * @param installed installed releases (at most 65535)
 * @param downloads downloads in progress (at most 65535)
 * @param metLast peers met most recently, most recent first (at most 65535)
 */
public record Announcement(boolean serving, List<InventoryItem> installed, List<DownloadState> downloads,
                           List<PeerId> metLast) implements Message {
    public Announcement {
        installed = List.copyOf(installed);
        downloads = List.copyOf(downloads);
        metLast = List.copyOf(metLast);
        if (installed.size() > 0xFFFF || downloads.size() > 0xFFFF || metLast.size() > 0xFFFF) {
            throw new IllegalArgumentException("announcement lists are limited to 65535 entries");
        }
    }

    @Override
    public MessageKind kind() {
        return MessageKind.ANNOUNCEMENT;
    }

    @Override
    public int encodedSize() {
        int n = 1 + 1 + 2 + 2 + 2 + 8 * metLast.size();
        for (InventoryItem i : installed) {
            n += i.encodedSize();
        }
        for (DownloadState d : downloads) {
            n += d.encodedSize();
        }
        return n;
    }

    @Override
    public void writeBody(ByteWriter w) {
        w.u8(serving ? 1 : 0);
        w.u16(installed.size());
        for (InventoryItem i : installed) {
            i.writeTo(w);
        }
        w.u16(downloads.size());
        for (DownloadState d : downloads) {
            d.writeTo(w);
        }
        w.u16(metLast.size());
        for (PeerId p : metLast) {
            w.i64(p.value());
        }
    }
}
