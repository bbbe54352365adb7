package org.p2prollout.validation.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.validation.sim.scenario.Scenario;
import org.p2prollout.validation.sim.scenario.Scenario.AdversaryBehaviour;
import org.p2prollout.validation.sim.scenario.Scenario.ProtocolImplementation;
import org.p2prollout.validation.sim.scenario.ScenarioBuilder;

/**
 * Small cases for the reference protocol, checked against its documented wire encoding
 * (org.p2prollout.protocol.wire): a piece frame is header + 41 + payload bytes, a piece
 * request header + 37, a manifest request header + 33. Header 16, K = 4 pieces of 1000 bytes:
 * piece frame 1057 B, piece request 53 B, manifest request 49 B.
 */
class HandCheckedReferenceTest {
    static final long PIECE_FRAME = 16 + 41 + 1000;

    static ScenarioBuilder twoDevices() {
        return Scenario.builder().devices(2).initialHolderIds(List.of(0)).bandwidth(1000).frameHeaderBytes(16)
                .sizeBytes(4000).pieces(4).implementation(ProtocolImplementation.REFERENCE).durationSeconds(1000);
    }

    @Test
    void oneLongContactCarriesExactlyThePieces() {
        ReplicationResult r = Simulator.replicate(twoDevices().build(), 3, 0, List.of(new Contact(0, 1, 0, 100)));
        assertEquals(4 * PIECE_FRAME, r.bytes().get("peerPayload"));
        assertEquals(49L + 4 * 53, r.bytes().get("requests"));
        assertEquals(0L, r.bytes().get("partialLost"));
        assertEquals(0L, r.bytes().get("rejected"));
        assertTrue(r.bytes().get("manifests") > 64, "a signed manifest carries a 64-byte signature");
        assertEquals(2, r.installTimes().length);
        // at 1000 B/s the learner cannot finish before its pieces are on the air: 4 * 1.057 s
        assertTrue(r.t100() > 4 * 1.057 && r.t100() < 10, () -> "T100 " + r.t100());
        // every byte counted was on the air during the contact: at most 100 s per direction
        assertTrue(r.totalBytes() <= 2 * 100 * 1000);
        assertEquals(0, r.tamperedInstalls());
    }

    @Test
    void pieceCutByContactEndIsLostThenResumed() {
        ReplicationResult full = Simulator.replicate(twoDevices().build(), 3, 0, List.of(new Contact(0, 1, 0, 100)));
        // end the first contact half-way through the transfer of the third piece (by the full run's timeline:
        // the third piece's last byte arrives at installTime - 1.057 s, when no request waits)
        double cut = full.t100() - 1.057 - 0.5;
        ReplicationResult r = Simulator.replicate(twoDevices().build(), 3, 0,
                List.of(new Contact(0, 1, 0, cut), new Contact(0, 1, 200, 300)));
        long lost = r.bytes().get("partialLost");
        assertTrue(lost > 0 && lost < PIECE_FRAME, () -> "lost " + lost);
        // the cut piece is sent again in full on the second contact: every piece's frame exactly once intact
        assertEquals(4 * PIECE_FRAME, r.bytes().get("peerPayload"));
        assertTrue(r.t100() > 200 && r.t100() < 300, () -> "T100 " + r.t100());
    }

    @Test
    void tamperedPieceIsRejectedAndRefetchedFromAnHonestPeer() {
        Scenario sc = Scenario.builder().devices(3).initialHolderIds(List.of(0)).adversaryIds(List.of(2))
                .adversaryBehaviours(List.of(AdversaryBehaviour.TAMPERED_PIECES)).bandwidth(1000).frameHeaderBytes(16)
                .sizeBytes(1000).pieces(1).implementation(ProtocolImplementation.REFERENCE).durationSeconds(1000).build();
        ReplicationResult r = Simulator.replicate(sc, 3, 0,
                List.of(new Contact(1, 2, 0, 50), new Contact(0, 1, 100, 150)));
        assertEquals(1L, r.rejected().get("tampered-piece"));
        assertEquals(PIECE_FRAME, r.bytes().get("rejected"));
        assertEquals(PIECE_FRAME, r.bytes().get("peerPayload"));
        assertEquals(0, r.tamperedInstalls());
        assertEquals(2, r.installTimes().length, "holder and learner; the hostile device is not counted");
        assertTrue(r.t100() > 100 && r.t100() < 150, () -> "T100 " + r.t100());
    }

    @Test
    void forgedManifestIsNeverInstalled() {
        Scenario sc = Scenario.builder().devices(3).initialHolderIds(List.of(0)).adversaryIds(List.of(2))
                .adversaryBehaviours(List.of(AdversaryBehaviour.FORGED_MANIFEST)).bandwidth(1000).frameHeaderBytes(16)
                .sizeBytes(1000).pieces(1).implementation(ProtocolImplementation.REFERENCE).durationSeconds(1000).build();
        ReplicationResult r = Simulator.replicate(sc, 3, 0,
                List.of(new Contact(1, 2, 0, 50), new Contact(0, 1, 100, 150)));
        assertTrue(r.rejected().get("forged-manifest") >= 1, () -> "rejected " + r.rejected());
        assertEquals(0, r.tamperedInstalls());
        assertTrue(r.t100() > 100, () -> "T100 " + r.t100());
    }
}
