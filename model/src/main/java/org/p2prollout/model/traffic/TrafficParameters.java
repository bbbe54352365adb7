package org.p2prollout.model.traffic;

import org.p2prollout.core.Checks;

/**
 * Sizes and rates that turn a rollout into bytes (PRODUCT.md section 4.6).
 *
 * @param updateBytes        B, bytes of the update (&gt; 0)
 * @param pieces             K &gt;= 1; a piece is B / K bytes
 * @param perContact         most pieces a device tries to receive per contact, &gt;= 1
 * @param manifestBytes      bytes of the signed manifest, fetched once per device that gets the update
 * @param requestBytes       bytes of one piece request
 * @param announcementBytes  bytes of one announcement
 * @param announcementRate   announcements per device per second
 * @param contact            contact durations and bandwidth (cut pieces), or null: no piece is ever cut
 * @param rejectedShare      rejected pieces (failed verification) per accepted peer piece, &gt;= 0
 */
public record TrafficParameters(double updateBytes, int pieces, int perContact, double manifestBytes,
        double requestBytes, double announcementBytes, double announcementRate, ContactTransfer contact,
        double rejectedShare) {
    public TrafficParameters {
        Checks.positive("updateBytes", updateBytes);
        Checks.inRange("pieces", pieces, 1, Integer.MAX_VALUE);
        Checks.inRange("perContact", perContact, 1, Integer.MAX_VALUE);
        Checks.nonNegative("manifestBytes", manifestBytes);
        Checks.nonNegative("requestBytes", requestBytes);
        Checks.nonNegative("announcementBytes", announcementBytes);
        Checks.nonNegative("announcementRate", announcementRate);
        Checks.nonNegative("rejected share", rejectedShare);
    }

    /** Typical sizes: 1 KiB manifest, 64-byte requests, 256-byte announcements every 10 s, no cuts, no rejects. */
    public static TrafficParameters typical(double updateBytes, int pieces, int perContact) {
        return new TrafficParameters(updateBytes, pieces, perContact, 1024, 64, 256, 0.1, null, 0);
    }

    public double pieceBytes() {
        return updateBytes / pieces;
    }
}
