package org.p2prollout.protocol.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2prollout.protocol.Fixtures.FW;
import static org.p2prollout.protocol.Fixtures.FW1;
import static org.p2prollout.protocol.Fixtures.FW2;
import static org.p2prollout.protocol.Fixtures.PUBLISHER;
import static org.p2prollout.protocol.Fixtures.V2;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.p2prollout.protocol.Fixtures;
import org.p2prollout.protocol.Outgoing;
import org.p2prollout.protocol.PeerId;
import org.p2prollout.protocol.RejectionKind;
import org.p2prollout.protocol.TestNetwork;
import org.p2prollout.protocol.adversary.HostileNode;
import org.p2prollout.protocol.manifest.DeviceIdentity;
import org.p2prollout.protocol.manifest.Publisher;
import org.p2prollout.protocol.wire.Hello;
import org.p2prollout.protocol.wire.WireCodec;

/**
 * Issue 13 item 5, Sybil: bans were per unauthenticated peer id, so one attacker under 20 fresh
 * ids got 20 tampered pieces checked (and 20 piece transfers wasted). With authenticatePeers a
 * peer id is bound to a publisher-certified key by a signed hello, so fresh ids need fresh
 * certificates, which only the publisher issues.
 */
class SybilTest {
    static final ProtocolConfig AUTH = DeviceScenariosTest.SEQ.toBuilder().authenticatePeers(true).build();
    static final Publisher ROGUE = Publisher.fromSeed(666);

    /** Device {@code id} tampering pieces of fw 2.0.0, with an identity from {@code certifier}. */
    static HostileNode tamperer(long id, ProtocolConfig cfg, Publisher certifier) {
        DeviceIdentity me = certifier.provision(PeerId.of(id), id);
        DeviceNode inner = DeviceNode.builder(PeerId.of(id), PUBLISHER.publicKey()).config(cfg)
                .random(new SplittableRandom(id)).identity(me).install(FW2).build();
        return HostileNode.tamperingPieces(inner, 0);
    }

    static int tamperedPiecesChecked(ProtocolConfig cfg) {
        DeviceNode v = Fixtures.device(3, cfg, FW1);
        for (long id = 100; id < 120; id++) {
            HostileNode sybil = tamperer(id, cfg, ROGUE);
            TestNetwork net = new TestNetwork(sybil, v);
            net.at(id);
            net.start(sybil.id(), v.id());
            net.run();
            net.end(sybil.id(), v.id());
        }
        DeviceNode holder = Fixtures.device(1, cfg, FW2);
        TestNetwork net = new TestNetwork(holder, v);
        net.at(200);
        net.start(holder.id(), v.id());
        net.run();
        assertTrue(v.hasInstalled(FW, V2));
        return (int) v.counters().rejected(RejectionKind.TAMPERED_PIECE);
    }

    @Test
    void twentyFreshIdsGetNoTamperedPieceCheckedOnceIdsAreBoundToCertifiedKeys() {
        assertEquals(20, tamperedPiecesChecked(DeviceScenariosTest.SEQ), "unauthenticated ids: one ban per id");
        assertEquals(0, tamperedPiecesChecked(AUTH));
    }

    @Test
    void aGenuineCertificateCannotSpeakForAnotherId() {
        DeviceNode v = Fixtures.device(3, AUTH, FW1);
        PeerId sybil = PeerId.of(100);
        v.contactStarted(sybil, 0);
        // the attacker owns device 5's genuine identity and signs a hello as id 100 with it
        Hello borrowed = Hello.from(Fixtures.identity(5), v.id());
        List<Outgoing> out = v.receive(sybil, WireCodec.decode(WireCodec.encode(borrowed)), 0);
        assertTrue(out.isEmpty());
        assertEquals(1, v.counters().rejected(RejectionKind.UNAUTHENTICATED_PEER));
        assertTrue(v.avoidedPeers().contains(sybil));
        // a genuine device authenticates and is served as before
        DeviceNode holder = Fixtures.device(1, AUTH, FW2);
        TestNetwork net = new TestNetwork(holder, v);
        net.at(1);
        net.start(holder.id(), v.id());
        net.run();
        assertTrue(v.hasInstalled(FW, V2));
        assertFalse(v.avoidedPeers().contains(holder.id()));
    }

    @Test
    void theBanSticksToTheCertifiedDevice() {
        // a compromised but certified device (tampering) is banned once and stays banned
        DeviceNode v = Fixtures.device(3, AUTH, FW1);
        HostileNode bad = tamperer(5, AUTH, PUBLISHER);
        for (int round = 0; round < 3; round++) {
            TestNetwork net = new TestNetwork(bad, v);
            net.at(round);
            net.start(bad.id(), v.id());
            net.run();
            net.end(bad.id(), v.id());
        }
        assertEquals(1, v.counters().rejected(RejectionKind.TAMPERED_PIECE));
    }
}
