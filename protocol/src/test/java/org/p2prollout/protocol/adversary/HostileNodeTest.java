package org.p2prollout.protocol.adversary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2prollout.protocol.Fixtures.FW;
import static org.p2prollout.protocol.Fixtures.FW1;
import static org.p2prollout.protocol.Fixtures.FW2;
import static org.p2prollout.protocol.Fixtures.V1;
import static org.p2prollout.protocol.Fixtures.V2;
import static org.p2prollout.protocol.Fixtures.device;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.p2prollout.protocol.NodeCounters;
import org.p2prollout.protocol.PeerId;
import org.p2prollout.protocol.RejectionKind;
import org.p2prollout.protocol.TestNetwork;
import org.p2prollout.protocol.Version;
import org.p2prollout.protocol.manifest.Publisher;
import org.p2prollout.protocol.manifest.Release;
import org.p2prollout.protocol.node.DeviceNode;
import org.p2prollout.protocol.node.ProtocolConfig;
import org.p2prollout.protocol.selection.PiecePolicy;
import org.p2prollout.protocol.wire.MessageKind;

/**
 * One hostile device per attack meets a victim (fw 1.0.0), then an honest holder of fw 2.0.0
 * comes along: the attack is rejected and counted once under its kind, the attacker avoided,
 * and the victim ends with the genuine release installed.
 */
class HostileNodeTest {
    static final ProtocolConfig SEQ = ProtocolConfig.builder().policy(PiecePolicy.SEQUENTIAL).build();
    static final Publisher ATTACKER = Publisher.fromSeed(666);
    static final Version V9 = Version.of(9, 0, 0);

    private static void assertOnlyRejection(DeviceNode v, RejectionKind expected) {
        NodeCounters c = v.counters();
        for (RejectionKind k : RejectionKind.values()) {
            assertEquals(k == expected ? 1 : 0, c.rejected(k), k.name());
        }
    }

    /** Victim meets the attacker, then the honest holder; returns the victim. */
    private static DeviceNode attackThenHonest(HostileNode h) {
        DeviceNode v = device(3, SEQ, FW1);
        DeviceNode honest = device(1, SEQ, FW2);
        TestNetwork net = new TestNetwork(h, v, honest);
        net.start(h.id(), v.id());
        net.run();
        assertTrue(v.avoidedPeers().contains(h.id()), "attacker avoided");
        net.at(10);
        net.start(honest.id(), v.id());
        net.run();
        assertTrue(v.hasInstalled(FW, V2));
        assertEquals(FW2.manifest().manifest().version(), v.installedVersion(FW).orElseThrow());
        assertEquals(3, v.piecesHeld(FW2.digest()), "the genuine release (by digest) is installed");
        return v;
    }

    @Test
    void forgedManifestIsRejectedBeforeAnyPieceIsRequested() {
        Release forged = HostileNode.forgedRelease(ATTACKER, FW, V9, 2500, 1000);
        HostileNode h = HostileNode.forgingManifests(device(9, SEQ, FW1), 0, forged);
        DeviceNode v = attackThenHonest(h);
        assertOnlyRejection(v, RejectionKind.FORGED_MANIFEST);
        // manifest response: 1 + 4 + (45 + 2 + 3 * 32) + 64 = 212 bytes rejected
        assertEquals(212, v.counters().rejectedBytes(RejectionKind.FORGED_MANIFEST));
        assertFalse(v.hasInstalled(FW, V9));
        assertEquals(0, h.counters().messagesReceived(MessageKind.PIECE_REQUEST));
    }

    @Test
    void substitutedManifestIsRejected() {
        HostileNode h = HostileNode.substitutingManifests(device(9, SEQ, FW2), 0, ATTACKER);
        DeviceNode v = attackThenHonest(h);
        assertOnlyRejection(v, RejectionKind.FORGED_MANIFEST);
        assertEquals(0, h.counters().messagesReceived(MessageKind.PIECE_REQUEST));
    }

    @Test
    void tamperedPieceIsRejectedAndNeverInstalled() {
        HostileNode h = HostileNode.tamperingPieces(device(9, SEQ, FW2), 0);
        DeviceNode v = attackThenHonest(h);
        assertOnlyRejection(v, RejectionKind.TAMPERED_PIECE);
        // piece 0 (1000 bytes) was the first to arrive: 41 + 1000 rejected bytes
        assertEquals(1041, v.counters().rejectedBytes(RejectionKind.TAMPERED_PIECE));
        assertEquals(1041, v.rejectedBytes());
        assertEquals(1, v.counters().rejected());
        assertEquals(3, v.counters().piecesFromPeers(), "all three genuine pieces came from the honest device");
    }

    @Test
    void olderVersionAnnouncedAsNewIsRejectedWhenTheManifestIsKnown() {
        // the attacker holds fw 1.0.0 (which the victim also has) and announces it as 101.0.0
        HostileNode h = HostileNode.announcingStaleVersions(device(9, SEQ, FW1), 0);
        DeviceNode v = attackThenHonest(h);
        assertOnlyRejection(v, RejectionKind.STALE_VERSION);
        assertEquals(0, v.counters().rejectedBytes(RejectionKind.FORGED_MANIFEST));
    }

    @Test
    void staleVersionIsRejectedWhenTheFetchedManifestDisagrees() {
        // attacker holds fw 2.0.0 and claims 102.0.0; the victim must fetch the manifest to find out
        HostileNode h = new HostileNode(device(9, SEQ, FW2), Attack.STALE_VERSION, 0, null, null);
        DeviceNode v = attackThenHonest(h);
        assertOnlyRejection(v, RejectionKind.STALE_VERSION);
        assertEquals(212, v.counters().rejectedBytes(RejectionKind.STALE_VERSION));
        assertFalse(v.hasInstalled(FW, Version.of(102, 0, 0)));
    }

    @Test
    void lyingBitfieldIsDetectedOnTheFirstRefusedPiece() {
        HostileNode h = HostileNode.lyingAbout(device(9, SEQ, FW1), 0, FW2.manifest());
        DeviceNode v = attackThenHonest(h);
        assertOnlyRejection(v, RejectionKind.LYING_BITFIELD);
        assertEquals(38, v.counters().rejectedBytes(RejectionKind.LYING_BITFIELD));
        assertEquals(V1, FW1.manifest().manifest().version());
    }

    @Test
    void tamperedPieceIsReFetchedFromAnHonestPeerInContactAtTheSameTime() {
        DeviceNode v = device(3, SEQ, FW1);
        DeviceNode honest = device(1, SEQ, FW2);
        HostileNode h = new HostileNode(device(9, SEQ, FW2), Attack.TAMPERED_PIECES, 0, null, null);
        TestNetwork net = new TestNetwork(h, v, honest);
        net.start(h.id(), v.id());
        net.start(honest.id(), v.id());
        net.run();
        assertTrue(v.hasInstalled(FW, V2));
        assertOnlyRejection(v, RejectionKind.TAMPERED_PIECE);
        assertEquals(Set.of(h.id()), v.avoidedPeers());
        assertEquals(3, v.counters().piecesFromPeers());
        assertEquals(3, honest.counters().messagesSent(MessageKind.PIECE), "the honest peer served every piece");
    }

    @Test
    void everyAttackAtOnceStillEndsWithOnlyTheGenuineRelease() {
        Release forged = HostileNode.forgedRelease(ATTACKER, FW, V9, 2500, 1000);
        DeviceNode v = device(3, SEQ, FW1);
        HostileNode[] attackers = {
            new HostileNode(device(21, SEQ, FW1), Attack.FORGED_MANIFEST, 0, forged.manifest(), null),
            new HostileNode(device(22, SEQ, FW2), Attack.SUBSTITUTED_MANIFEST, 0, null, ATTACKER),
            new HostileNode(device(23, SEQ, FW2), Attack.TAMPERED_PIECES, 0, null, null),
            new HostileNode(device(24, SEQ, FW2), Attack.STALE_VERSION, 0, null, null),
            new HostileNode(device(25, SEQ, FW1), Attack.LYING_BITFIELD, 0, FW2.manifest(), null),
        };
        DeviceNode honest = device(1, SEQ, FW2);
        TestNetwork net = new TestNetwork(v, honest, attackers[0], attackers[1], attackers[2], attackers[3], attackers[4]);
        for (HostileNode h : attackers) {
            net.start(h.id(), v.id());
        }
        net.run();
        net.start(honest.id(), v.id());
        net.run();
        assertTrue(v.hasInstalled(FW, V2));
        assertFalse(v.hasInstalled(FW, V9));
        assertEquals(3, v.piecesHeld(FW2.digest()));
        EnumSet<RejectionKind> seen = EnumSet.noneOf(RejectionKind.class);
        for (RejectionKind k : RejectionKind.values()) {
            if (v.counters().rejected(k) > 0) {
                seen.add(k);
            }
        }
        assertTrue(seen.contains(RejectionKind.FORGED_MANIFEST), seen.toString());
        assertFalse(seen.contains(RejectionKind.REFUSED_VERSION), seen.toString());
        assertTrue(v.avoidedPeers().stream().allMatch(p -> p.value() >= 21), v.avoidedPeers().toString());
        assertFalse(v.avoidedPeers().contains(PeerId.of(1)));
    }
}
