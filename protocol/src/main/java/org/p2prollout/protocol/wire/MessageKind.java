package org.p2prollout.protocol.wire;

/**
 * The kinds of message, with the tag byte that starts each encoding and the traffic category of
 * PRODUCT.md §4.6 its bytes are counted under.
 */
public enum MessageKind {
    ANNOUNCEMENT(1, TrafficCategory.ANNOUNCEMENTS),
    MANIFEST_REQUEST(2, TrafficCategory.REQUESTS),
    MANIFEST_RESPONSE(3, TrafficCategory.MANIFESTS),
    PIECE_REQUEST(4, TrafficCategory.REQUESTS),
    PIECE(5, TrafficCategory.PAYLOAD),
    PIECE_UNAVAILABLE(6, TrafficCategory.REQUESTS),
    INSTALL_REPORT(7, TrafficCategory.INSTALL_REPORTS),
    HELLO(8, TrafficCategory.ANNOUNCEMENTS);

    private final int tag;
    private final TrafficCategory category;

    MessageKind(int tag, TrafficCategory category) {
        this.tag = tag;
        this.category = category;
    }

    /** The first byte of every encoding of this kind. */
    public int tag() {
        return tag;
    }

    public TrafficCategory category() {
        return category;
    }

    /** The kind with this tag byte, or null. */
    public static MessageKind ofTag(int tag) {
        for (MessageKind k : values()) {
            if (k.tag == tag) {
                return k;
            }
        }
        return null;
    }

    /**
     * Byte categories of PRODUCT.md §4.6 that a message can fall under. Payload is split further
     * by its sender (server or peer) by whoever counts it; lost partial pieces and rejected
     * pieces are not message kinds: the transport counts the former, the receiving node the latter.
     */
    public enum TrafficCategory {
        PAYLOAD, ANNOUNCEMENTS, REQUESTS, MANIFESTS, INSTALL_REPORTS
    }
}
