package org.p2prollout.protocol.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2prollout.protocol.Fixtures.FW;
import static org.p2prollout.protocol.Fixtures.FW1;
import static org.p2prollout.protocol.Fixtures.FW2;
import static org.p2prollout.protocol.Fixtures.V1;
import static org.p2prollout.protocol.Fixtures.V2;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.p2prollout.protocol.Fixtures;
import org.p2prollout.protocol.Outgoing;
import org.p2prollout.protocol.PeerId;
import org.p2prollout.protocol.manifest.Digest;
import org.p2prollout.protocol.selection.PiecePolicy;
import org.p2prollout.protocol.wire.Announcement;
import org.p2prollout.protocol.wire.Bitfield;
import org.p2prollout.protocol.wire.DownloadState;
import org.p2prollout.protocol.wire.InventoryItem;
import org.p2prollout.protocol.wire.ManifestResponse;
import org.p2prollout.protocol.wire.PieceRequest;

/**
 * The device hears W1 and W2 (each holding pieces 0 and 1 of fw 2.0.0), then Y (piece 2 only),
 * then Z (fw 1.0.0, no pieces), then meets holder A. It names 3 devices as met last, so W1 and W2
 * have dropped out of that list: likely next = {Y, Z}.
 * <ul>
 *   <li>holders heard: piece 0 and 1 by W1, W2, A = 3 each; piece 2 by Y, A = 2: rarest is 2</li>
 *   <li>likely next lacking: piece 0 and 1 by Y and Z = 2 each; piece 2 by Z = 1: encounter-aware
 *       takes 0 or 1, never 2</li>
 * </ul>
 */
class SelectionAtNodeTest {
    static final Digest D = FW2.digest();
    static final InventoryItem ITEM = new InventoryItem(FW, V2, D);

    private static PieceRequest firstRequest(PiecePolicy policy, long seed) {
        ProtocolConfig cfg = ProtocolConfig.builder().policy(policy).metLastCount(3).maxOutstandingPerPeer(1).build();
        DeviceNode v = DeviceNode.builder(PeerId.of(3), Fixtures.PUBLISHER.publicKey()).config(cfg)
                .random(new SplittableRandom(seed)).install(FW1).build();
        double t = 0;
        hear(v, 11, new Announcement(true, List.of(), List.of(new DownloadState(ITEM, Bitfield.of(3, 0, 1))), List.of()), t++);
        hear(v, 12, new Announcement(true, List.of(), List.of(new DownloadState(ITEM, Bitfield.of(3, 0, 1))), List.of()), t++);
        hear(v, 21, new Announcement(true, List.of(), List.of(new DownloadState(ITEM, Bitfield.of(3, 2))), List.of()), t++);
        hear(v, 22, new Announcement(true, List.of(new InventoryItem(FW, V1, FW1.digest())), List.of(), List.of()), t++);
        PeerId a = PeerId.of(1);
        v.contactStarted(a, t);
        v.receive(a, new Announcement(true, List.of(ITEM), List.of(), List.of()), t);
        List<Outgoing> out = v.receive(a, new ManifestResponse(FW2.manifest()), t);
        assertEquals(1, out.size());
        return (PieceRequest) out.get(0).message();
    }

    private static void hear(DeviceNode v, long peer, Announcement a, double t) {
        v.contactStarted(PeerId.of(peer), t);
        v.receive(PeerId.of(peer), a, t);
        v.contactEnded(PeerId.of(peer), t);
    }

    @Test
    void rarestFirstCountsWhatItHeard() {
        for (long seed = 0; seed < 20; seed++) {
            assertEquals(new PieceRequest(D, 2), firstRequest(PiecePolicy.RAREST_FIRST, seed));
        }
    }

    @Test
    void encounterAwareFavoursWhatTheLikelyNextPeersLack() {
        int[] chosen = new int[3];
        for (long seed = 0; seed < 40; seed++) {
            chosen[firstRequest(PiecePolicy.ENCOUNTER_AWARE, seed).index()]++;
        }
        assertEquals(0, chosen[2]);
        // pieces 0 and 1 tie (also in rarity): both occur; P(one never in 40 fair draws) = 2^-39
        assertTrue(chosen[0] > 0 && chosen[1] > 0, chosen[0] + " / " + chosen[1]);
    }

    @Test
    void sequentialTakesTheLowestIndex() {
        assertEquals(new PieceRequest(D, 0), firstRequest(PiecePolicy.SEQUENTIAL, 1));
    }
}
