package org.p2prollout.validation.sim;

/** The kinds of bytes sent over the air that every simulation reports (PRODUCT.md §4.6). */
public enum ByteKind {
    /** Piece payload received intact from peers. */
    PEER_PAYLOAD("peerPayload"),
    /** Piece payload received from the infrastructure server. */
    SERVER_PAYLOAD("serverPayload"),
    /** Bytes of pieces cut off when a contact ended before their last byte. */
    PARTIAL_LOST("partialLost"),
    /** Pieces received whole but rejected (hash mismatch, hostile sender). */
    REJECTED("rejected"),
    /** Announcements (inventory, bitfield, recent peers) and install reports. */
    ANNOUNCEMENTS("announcements"),
    /** Manifest and piece requests. */
    REQUESTS("requests"),
    /** Signed manifests. */
    MANIFESTS("manifests");

    private final String key;

    ByteKind(String key) {
        this.key = key;
    }

    /** The name in JSON and CSV output. */
    public String key() {
        return key;
    }
}
