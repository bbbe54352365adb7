package org.p2prollout.protocol;

/** Why a node rejected an item it received. Every rejection is counted, and all but
 * {@link #REFUSED_VERSION} make the node avoid the sender from then on. */
public enum RejectionKind {
    /** A manifest whose Ed25519 signature does not verify against the publisher's key, or whose
     * digest is not the one requested. */
    FORGED_MANIFEST,
    /** A piece whose SHA-256 (or length) does not match its manifest. */
    TAMPERED_PIECE,
    /** An announcement that names a release with another (typically newer) version than its
     * signed manifest says: an older version announced as new. */
    STALE_VERSION,
    /** A bitfield or inventory claim the sender cannot back: a piece it announced answered with
     * {@code NOT_HELD}, or a bitfield whose length differs from the manifest's piece count. */
    LYING_BITFIELD,
    /** A piece or manifest that was never requested from that sender. */
    UNSOLICITED,
    /** An install report holding an outcome that does not verify: no publisher certificate for
     * the device's key, a signature the certified device did not make, or a time in the future. */
    FORGED_REPORT,
    /** Pieces claimed but not delivered: a piece request left unanswered beyond
     * {@code pieceTimeoutSeconds}, or {@code NOT_SERVING} answered in a second contact after the
     * peer announced itself serving. */
    WITHHELD_PIECE,
    /** A validly signed manifest past its expiry or its root's, or issued in the future (freeze,
     * stale release): refused, the sender not blamed (an honest device may still hold it). */
    EXPIRED_MANIFEST,
    /** A peer whose first frame is not a hello under a publisher certificate for its own id
     * (with {@code authenticatePeers}): nothing it sends is used, and the ban sticks to the id. */
    UNAUTHENTICATED_PEER,
    /** A validly signed manifest whose version is above the root's version ceiling: refused,
     * the sender not blamed. */
    ABOVE_VERSION_CEILING,
    /** A release this device refuses because gossiped install reports show a failure share above
     * the threshold (not hostile: the sender is not avoided; counted once per release). */
    REFUSED_VERSION
}
