package org.p2prollout.validation.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.validation.sim.scenario.Scenario;
import org.p2prollout.validation.sim.scenario.Scenario.ProtocolImplementation;
import org.p2prollout.validation.sim.scenario.ScenarioBuilder;

/**
 * Small cases worked out by hand for the idealised protocol, whose message sizes are fixed
 * (IdealDevices javadoc): header h = 16, name "firmware" (L = 8), K = 4 pieces of 1000 bytes,
 * 8 recent peers, bandwidth 1000 bytes/s, so
 * announcement 16+42+8+1+32 = 99 B, manifest request 16+6+8 = 30 B, manifest 16+115+8+128 = 267 B,
 * piece request 52 B, piece 1052 B.
 *
 * <p>Timeline of one contact from 0 between holder H (device 0) and learner L (device 1), each
 * direction one frame at a time: announcements both ways arrive at 0.099 s; L's manifest request
 * arrives at 0.129; the manifest at 0.396; then per piece a request (0.052 s) and the piece
 * (1.052 s): pieces arrive at 1.500, 2.604, 3.708, 4.812 s.
 */
class HandCheckedIdealTest {

    static ScenarioBuilder twoDevices() {
        return Scenario.builder().devices(2).initialHolderIds(List.of(0)).bandwidth(1000).frameHeaderBytes(16)
                .releaseName("firmware").sizeBytes(4000).pieces(4).recentPeers(8)
                .implementation(ProtocolImplementation.IDEAL).durationSeconds(100).policy(Scenario.PiecePolicy.SEQUENTIAL);
    }

    @Test
    void longContactCarriesTheWholeRelease() {
        ReplicationResult r = Simulator.replicate(twoDevices().build(), 1, 0, List.of(new Contact(0, 1, 0, 10)));
        // two announcements at the start, and the learner's after it installed (4.812 s, before the end)
        assertEquals(3 * 99L, r.bytes().get("announcements"));
        assertEquals(30L + 4 * 52, r.bytes().get("requests"));
        assertEquals(267L, r.bytes().get("manifests"));
        assertEquals(4 * 1052L, r.bytes().get("peerPayload"));
        assertEquals(0L, r.bytes().get("partialLost"));
        assertEquals(0L, r.bytes().get("serverPayload"));
        assertEquals(4.812, r.t100(), 1e-9);
        assertEquals(1.0, r.offload());
        // plain client-server of the one learner: 30 + 267 + 4 * (52 + 1052)
        assertEquals(30 + 267 + 4 * 1104L, r.clientServerBytes());
        long total = 3 * 99 + 30 + 4 * 52 + 267 + 4 * 1052;
        assertEquals((double) total / r.clientServerBytes(), r.overheadRatio(), 1e-12);
        assertEquals(1, r.contacts().size());
    }

    @Test
    void contactEndingMidPieceLosesThePartialBytes() {
        // cut at 3.0 s: pieces 1 and 2 arrived (1.500, 2.604); the third request arrived at 2.656 and
        // 344 bytes of the third piece were on the air when the contact ended
        ReplicationResult r = Simulator.replicate(twoDevices().build(), 1, 0, List.of(new Contact(0, 1, 0, 3.0)));
        assertEquals(2 * 1052L, r.bytes().get("peerPayload"));
        assertEquals(344L, r.bytes().get("partialLost"));
        assertEquals(30L + 3 * 52, r.bytes().get("requests"));
        assertTrue(Double.isNaN(r.t100()));
        // a second contact resumes: the two missing pieces need 0.099 (announce) + 2 * 1.104 s
        ReplicationResult resumed = Simulator.replicate(twoDevices().build(), 1, 0,
                List.of(new Contact(0, 1, 0, 3.0), new Contact(0, 1, 50, 60)));
        assertEquals(4 * 1052L, resumed.bytes().get("peerPayload"));
        assertEquals(50 + 0.099 + 2 * 1.104, resumed.t100(), 1e-9);
        assertEquals(267L, resumed.bytes().get("manifests"));
    }

    @Test
    void pieceArrivingExactlyAtContactEndIsDelivered() {
        // K = 1: the manifest is 16 + 115 + 8 + 32 = 171 B, so the piece's last byte arrives at
        // 0.099 + 0.030 + 0.171 + 0.052 + 1.052 = 1.404 s
        ReplicationResult exact = Simulator.replicate(twoDevices().sizeBytes(1000).pieces(1).build(), 1, 0,
                List.of(new Contact(0, 1, 0, 1.375)));
        // ending at 1.375 cuts the piece 0.029 s early: 1052 - 29 bytes were on the air
        assertEquals(1023L, exact.bytes().get("partialLost"));
        ReplicationResult whole = Simulator.replicate(twoDevices().sizeBytes(1000).pieces(1).build(), 1, 0,
                List.of(new Contact(0, 1, 0, 1.404)));
        assertEquals(1052L, whole.bytes().get("peerPayload"));
        assertEquals(1.404, whole.t100(), 1e-9);
    }

    @Test
    void tamperedPieceIsRejectedAndFetchedFromAnHonestPeer() {
        // device 2 is hostile and meets the learner (1) first; the honest holder (0) later
        Scenario sc = Scenario.builder().devices(3).initialHolderIds(List.of(0)).adversaryIds(List.of(2))
                .bandwidth(1000).frameHeaderBytes(16).releaseName("firmware").sizeBytes(1000).pieces(1)
                .recentPeers(8).implementation(ProtocolImplementation.IDEAL).durationSeconds(100).build();
        ReplicationResult r = Simulator.replicate(sc, 1, 0,
                List.of(new Contact(1, 2, 0, 10), new Contact(0, 1, 20, 30)));
        assertEquals(1L, r.rejected().get("tampered-piece"));
        assertEquals(1052L, r.bytes().get("rejected"));
        assertEquals(1052L, r.bytes().get("peerPayload"));
        assertEquals(0, r.tamperedInstalls());
        // from the honest holder: announcements (0.099), the manifest is already held, request + piece
        assertEquals(20 + 0.099 + 0.052 + 1.052, r.t100(), 1e-9);
        assertEquals(2, r.coverageFleet());
    }

    @Test
    void forgedManifestIsRejectedAndTheGenuineOneFetchedFromAPeerInContact() {
        // the learner (1) meets the forger (2) and the holder (0) at once: both announce the release;
        // the forged manifest is rejected, the genuine one and the piece come from the holder
        Scenario sc = Scenario.builder().devices(3).initialHolderIds(List.of(0)).adversaryIds(List.of(2))
                .adversaryBehaviours(List.of(Scenario.AdversaryBehaviour.FORGED_MANIFEST)).bandwidth(1000)
                .frameHeaderBytes(16).releaseName("firmware").sizeBytes(1000).pieces(1).recentPeers(8)
                .implementation(ProtocolImplementation.IDEAL).durationSeconds(100).build();
        ReplicationResult r = Simulator.replicate(sc, 1, 0,
                List.of(new Contact(1, 2, 0, 30), new Contact(0, 1, 0, 30)));
        assertEquals(1L, r.rejected().get("forged-manifest"));
        assertEquals(2 * 171L, r.bytes().get("manifests"));
        assertEquals(1052L, r.bytes().get("peerPayload"));
        assertEquals(0, r.tamperedInstalls());
        assertEquals(2, r.installTimes().length);
    }
}
