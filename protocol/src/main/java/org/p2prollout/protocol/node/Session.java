package org.p2prollout.protocol.node;

import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.p2prollout.protocol.PeerId;
import org.p2prollout.protocol.manifest.Digest;
import org.p2prollout.protocol.wire.Announcement;
import org.p2prollout.protocol.wire.DownloadState;
import org.p2prollout.protocol.wire.InventoryItem;

/** What a device knows about one peer during one contact. */
final class Session {
    /** A piece requested from the peer. */
    record PieceKey(Digest release, int index) {
    }

    final PeerId peer;
    Announcement announcement;
    /** False once the peer said it does not serve (or announced so). */
    boolean peerServing = true;
    final Set<PieceKey> outstanding = new HashSet<>();
    /** Manifests requested from this peer, with the item the peer announced for each. */
    final Map<Digest, InventoryItem> manifestsRequested = new LinkedHashMap<>();
    /** When each outstanding piece was requested (seconds), for the request timeout. */
    final Map<PieceKey, Double> requestedAt = new HashMap<>();
    /** Whether this contact's NOT_SERVING-after-announcing-serving was counted already. */
    boolean notServingCounted;
    /** Whether the peer's hello verified (or authentication is off, or the peer is the server). */
    boolean authenticated;
    /** Install outcomes taken from this peer in this contact (capped per sender). */
    int outcomesTaken;

    Session(PeerId peer) {
        this.peer = peer;
    }

    /** The item the peer announced (installed or downloading) with this digest, or null. */
    InventoryItem announced(Digest d) {
        if (announcement == null) {
            return null;
        }
        for (InventoryItem i : announcement.installed()) {
            if (i.manifestDigest().equals(d)) {
                return i;
            }
        }
        for (DownloadState s : announcement.downloads()) {
            if (s.item().manifestDigest().equals(d)) {
                return s.item();
            }
        }
        return null;
    }

    /** Pieces of release {@code d} (of {@code pieceCount}) the peer announced, or null if none. */
    BitSet offered(Digest d, int pieceCount) {
        return PeerMemory.held(announcement, d, pieceCount);
    }

    /** Whether the peer announced piece {@code index} of {@code d} as held. */
    boolean claims(Digest d, int index, int pieceCount) {
        BitSet b = offered(d, pieceCount);
        return b != null && b.get(index);
    }
}
