package org.p2prollout.validation.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2prollout.protocol.selection.PiecePolicy;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.validation.sim.scenario.Scenario;
import org.p2prollout.validation.sim.scenario.Scenario.ProtocolImplementation;
import org.p2prollout.validation.sim.scenario.ScenarioBuilder;

/**
 * Small cases worked out by hand for the idealised protocol, whose message sizes are the
 * reference protocol's encodings (IdealDevices javadoc, docs/PROTOCOL.md): header h = 16, name
 * "firmware" (L = 8), K = 4 pieces of 1000 bytes, 8 recent peers, bandwidth 1000 bytes/s, so
 * announcement 16+8+(39+8)+8*8 = 135 B (187 B while downloading: + 43+8+1), manifest request
 * 16+33 = 49 B, manifest 16+114+8+128 = 266 B, piece request 16+37 = 53 B, piece 16+41+1000 = 1057 B.
 *
 * <p>Timeline of one contact from 0 between holder H (device 0) and learner L (device 1), each
 * direction one frame at a time: announcements both ways arrive at 0.135 s; L's manifest request
 * arrives at 0.184; the manifest at 0.450; then per piece a request (0.053 s) and the piece
 * (1.057 s): pieces arrive at 1.560, 2.670, 3.780, 4.890 s.
 */
class HandCheckedIdealTest {

    static ScenarioBuilder twoDevices() {
        return Scenario.builder().devices(2).initialHolderIds(List.of(0)).bandwidth(1000).frameHeaderBytes(16)
                .releaseName("firmware").sizeBytes(4000).pieces(4).recentPeers(8)
                .implementation(ProtocolImplementation.IDEAL).durationSeconds(100).policy(PiecePolicy.SEQUENTIAL);
    }

    @Test
    void longContactCarriesTheWholeRelease() {
        ReplicationResult r = Simulator.replicate(twoDevices().build(), 1, 0, List.of(new Contact(0, 1, 0, 10)));
        // two announcements at the start, and the learner's after it installed (4.890 s, before the end)
        assertEquals(3 * 135L, r.bytes().get("announcements"));
        assertEquals(49L + 4 * 53, r.bytes().get("requests"));
        assertEquals(266L, r.bytes().get("manifests"));
        assertEquals(4 * 1057L, r.bytes().get("peerPayload"));
        assertEquals(0L, r.bytes().get("partialLost"));
        assertEquals(0L, r.bytes().get("serverPayload"));
        assertEquals(4.890, r.t100(), 1e-9);
        assertEquals(1.0, r.offload());
        // plain client-server of the one learner: 49 + 266 + 4 * (53 + 1057)
        assertEquals(49 + 266 + 4 * 1110L, r.clientServerBytes());
        long total = 3 * 135 + 49 + 4 * 53 + 266 + 4 * 1057;
        assertEquals((double) total / r.clientServerBytes(), r.overheadRatio(), 1e-12);
        assertEquals(1, r.contacts().size());
    }

    @Test
    void contactEndingMidPieceLosesThePartialBytes() {
        // cut at 3.0 s: pieces 1 and 2 arrived (1.560, 2.670); the third request arrived at 2.723 and
        // 277 bytes of the third piece were on the air when the contact ended
        ReplicationResult r = Simulator.replicate(twoDevices().build(), 1, 0, List.of(new Contact(0, 1, 0, 3.0)));
        assertEquals(2 * 1057L, r.bytes().get("peerPayload"));
        assertEquals(277L, r.bytes().get("partialLost"));
        assertEquals(49L + 3 * 53, r.bytes().get("requests"));
        assertTrue(Double.isNaN(r.t100()));
        // a second contact resumes: the learner, downloading, announces in 0.187 s and only then
        // can its request follow on its direction; the two missing pieces need 2 * 1.110 s
        ReplicationResult resumed = Simulator.replicate(twoDevices().build(), 1, 0,
                List.of(new Contact(0, 1, 0, 3.0), new Contact(0, 1, 50, 60)));
        assertEquals(4 * 1057L, resumed.bytes().get("peerPayload"));
        assertEquals(50 + 0.187 + 2 * 1.110, resumed.t100(), 1e-9);
        assertEquals(266L, resumed.bytes().get("manifests"));
    }

    @Test
    void pieceArrivingExactlyAtContactEndIsDelivered() {
        // K = 1: the manifest is 16 + 114 + 8 + 32 = 170 B, so the piece's last byte arrives at
        // 0.135 + 0.049 + 0.170 + 0.053 + 1.057 = 1.464 s
        ReplicationResult exact = Simulator.replicate(twoDevices().sizeBytes(1000).pieces(1).build(), 1, 0,
                List.of(new Contact(0, 1, 0, 1.435)));
        // ending at 1.435 cuts the piece 0.029 s early: 1057 - 29 bytes were on the air
        assertEquals(1028L, exact.bytes().get("partialLost"));
        ReplicationResult whole = Simulator.replicate(twoDevices().sizeBytes(1000).pieces(1).build(), 1, 0,
                List.of(new Contact(0, 1, 0, 1.464)));
        assertEquals(1057L, whole.bytes().get("peerPayload"));
        assertEquals(1.464, whole.t100(), 1e-9);
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
        assertEquals(1057L, r.bytes().get("rejected"));
        assertEquals(1057L, r.bytes().get("peerPayload"));
        assertEquals(0, r.tamperedInstalls());
        // from the honest holder: the learner, holding the manifest, announces its download
        // (135 + 52 B, 0.187 s), then request + piece
        assertEquals(20 + 0.187 + 0.053 + 1.057, r.t100(), 1e-9);
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
        assertEquals(2 * 170L, r.bytes().get("manifests"));
        assertEquals(1057L, r.bytes().get("peerPayload"));
        assertEquals(0, r.tamperedInstalls());
        assertEquals(2, r.installTimes().length);
    }

    /**
     * Defect 7 of issue 12: the ideal protocol's sizes are the reference's. The same two-device
     * contact under both implementations carries the same request, manifest and piece bytes, and
     * the same plain client-server figure (announcements differ: the reference lists the peers
     * it actually met).
     */
    @Test
    void idealSizesAreTheReferenceEncodings() {
        List<Contact> one = List.of(new Contact(0, 1, 0, 100));
        ReplicationResult ideal = Simulator.replicate(twoDevices().build(), 1, 0, one);
        ReplicationResult reference = Simulator.replicate(twoDevices()
                .implementation(ProtocolImplementation.REFERENCE).build(), 1, 0, one);
        for (String kind : List.of("requests", "manifests", "peerPayload")) {
            assertEquals(reference.bytes().get(kind), ideal.bytes().get(kind), kind);
        }
        assertEquals(reference.clientServerBytes(), ideal.clientServerBytes());
    }
}
