package org.p2prollout.protocol.node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.p2prollout.protocol.PeerId;
import org.p2prollout.protocol.manifest.Digest;
import org.p2prollout.protocol.wire.Announcement;
import org.p2prollout.protocol.wire.DownloadState;
import org.p2prollout.protocol.wire.InventoryItem;

/**
 * What a device remembers of the peers it met: the last announcement of each of the most
 * recently heard peers (bounded), and the devices it met last. Feeds rarest-first counts and
 * the encounter-aware policy's guess of whom it meets next.
 */
final class PeerMemory {
    private final PeerId self;
    private final int rememberedPeers;
    private final int metLastCount;
    private final LinkedHashMap<PeerId, Announcement> heard;
    private final Deque<PeerId> metLast = new ArrayDeque<>();

    PeerMemory(PeerId self, int rememberedPeers, int metLastCount) {
        this.self = self;
        this.rememberedPeers = rememberedPeers;
        this.metLastCount = metLastCount;
        this.heard = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<PeerId, Announcement> e) {
                return size() > PeerMemory.this.rememberedPeers;
            }
        };
    }

    /** A contact with {@code peer} began: it becomes the most recently met device. */
    void met(PeerId peer) {
        if (peer.isServer() || metLastCount == 0) {
            return;
        }
        metLast.remove(peer);
        metLast.addFirst(peer);
        while (metLast.size() > metLastCount) {
            metLast.removeLast();
        }
    }

    List<PeerId> metLast() {
        return new ArrayList<>(metLast);
    }

    void heard(PeerId peer, Announcement a) {
        if (peer.isServer() || rememberedPeers == 0) {
            return;
        }
        heard.remove(peer);
        heard.put(peer, a);
    }

    void forget(PeerId peer) {
        heard.remove(peer);
    }

    /** Per piece of {@code d}: how many remembered peers announced holding it. */
    int[] availability(Digest d, int pieceCount) {
        int[] count = new int[pieceCount];
        for (Announcement a : heard.values()) {
            BitSet b = held(a, d, pieceCount);
            if (b != null) {
                for (int i = b.nextSetBit(0); i >= 0; i = b.nextSetBit(i + 1)) {
                    count[i]++;
                }
            }
        }
        return count;
    }

    /**
     * Per piece of {@code d}: how many of the devices this one is likely to meet next still lack
     * it. Likely next = the devices it met last and those named in the met-last lists of the
     * announcements it remembers (people who meet the same people meet again); only those whose
     * own announcement is remembered can be judged, and {@code exclude} (the current peer) is left out.
     */
    int[] lackNearby(Digest d, int pieceCount, PeerId exclude) {
        Set<PeerId> likely = new LinkedHashSet<>(metLast);
        for (Announcement a : heard.values()) {
            likely.addAll(a.metLast());
        }
        likely.remove(self);
        likely.remove(exclude);
        int[] lack = new int[pieceCount];
        for (PeerId q : likely) {
            Announcement a = heard.get(q);
            if (a == null) {
                continue;
            }
            BitSet b = held(a, d, pieceCount);
            for (int i = 0; i < pieceCount; i++) {
                if (b == null || !b.get(i)) {
                    lack[i]++;
                }
            }
        }
        return lack;
    }

    /**
     * Pieces of {@code d} an announcement claims: all of them if installed, the bitfield if
     * downloading (ignored when its length disagrees with {@code pieceCount}), else null.
     */
    static BitSet held(Announcement a, Digest d, int pieceCount) {
        if (a == null) {
            return null;
        }
        for (InventoryItem i : a.installed()) {
            if (i.manifestDigest().equals(d)) {
                BitSet all = new BitSet(pieceCount);
                all.set(0, pieceCount);
                return all;
            }
        }
        for (DownloadState s : a.downloads()) {
            if (s.item().manifestDigest().equals(d) && s.pieces().pieceCount() == pieceCount) {
                return s.pieces().toBitSet();
            }
        }
        return null;
    }
}
