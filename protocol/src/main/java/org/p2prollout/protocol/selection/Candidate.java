package org.p2prollout.protocol.selection;

import java.util.BitSet;
import java.util.Objects;
import org.p2prollout.protocol.manifest.Digest;

/**
 * A release being downloaded, as piece selection sees it for one peer.
 *
 * @param release manifest digest
 * @param dependencyRank 0 if another download in progress needs this release as a dependency
 *                       (directly or transitively), 1 otherwise; lower goes first where policies
 *                       care about dependencies
 * @param startOrder position of the download among those in progress (0 = started first)
 * @param priority the manifest's priority (higher is more urgent)
 * @param requestable pieces the peer offers that this device lacks and has not requested elsewhere;
 *                    policies remove the pieces they choose
 * @param availability per piece: how many remembered peers (from their last announcements) hold
 *                     it; null if the policy does not need it
 * @param lackNearby per piece: how many of the peers this device is likely to meet next still
 *                   lack it; null if the policy does not need it
 */
public record Candidate(Digest release, int dependencyRank, int startOrder, int priority, BitSet requestable,
                        int[] availability, int[] lackNearby) {
    public Candidate {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(requestable, "requestable");
    }
}
