package org.p2prollout.protocol.node;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.p2prollout.protocol.PeerId;
import org.p2prollout.protocol.manifest.Manifest;
import org.p2prollout.protocol.manifest.PieceData;
import org.p2prollout.protocol.manifest.SignedManifest;
import org.p2prollout.protocol.wire.Bitfield;

/**
 * A release being downloaded against its verified manifest: the verified pieces held, and which
 * peer each outstanding piece request went to (so a piece is asked of one peer at a time).
 */
final class Download {
    final SignedManifest signed;
    final Manifest manifest;
    final int startOrder;
    private final PieceData[] pieces;
    private final BitSet have = new BitSet();
    private final Map<Integer, PeerId> pending = new HashMap<>();
    /** Installation was attempted and rolled back; the pieces are kept and still served. */
    boolean installFailed;

    Download(SignedManifest signed, int startOrder) {
        this.signed = signed;
        this.manifest = signed.manifest();
        this.startOrder = startOrder;
        this.pieces = new PieceData[manifest.pieceCount()];
    }

    boolean has(int index) {
        return have.get(index);
    }

    PieceData piece(int index) {
        return pieces[index];
    }

    /** Stores a verified piece and clears its pending request. */
    void store(int index, PieceData data) {
        pieces[index] = data;
        have.set(index);
        pending.remove(index);
    }

    boolean complete() {
        return have.cardinality() == pieces.length;
    }

    Bitfield bitfield() {
        return Bitfield.of(pieces.length, have);
    }

    BitSet haveBits() {
        return have;
    }

    List<PieceData> pieces() {
        return List.of(pieces);
    }

    boolean isPending(int index) {
        return pending.containsKey(index);
    }

    PeerId pendingOwner(int index) {
        return pending.get(index);
    }

    void markPending(int index, PeerId peer) {
        pending.put(index, peer);
    }

    void clearPending(int index) {
        pending.remove(index);
    }

    /** Releases every request outstanding to {@code peer}. */
    void releasePeer(PeerId peer) {
        pending.values().removeIf(peer::equals);
    }

    /** Pieces neither held nor pending, as a new set. */
    BitSet wanted() {
        BitSet w = new BitSet(pieces.length);
        w.set(0, pieces.length);
        w.andNot(have);
        for (int i : pending.keySet()) {
            w.clear(i);
        }
        return w;
    }
}
