package org.p2prollout.protocol.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2prollout.protocol.Fixtures.FW;
import static org.p2prollout.protocol.Fixtures.FW1;
import static org.p2prollout.protocol.Fixtures.FW2;
import static org.p2prollout.protocol.Fixtures.FW2_NEEDS_LIB;
import static org.p2prollout.protocol.Fixtures.LIB;
import static org.p2prollout.protocol.Fixtures.LIB1;
import static org.p2prollout.protocol.Fixtures.V1;
import static org.p2prollout.protocol.Fixtures.outcome;
import static org.p2prollout.protocol.Fixtures.V2;
import static org.p2prollout.protocol.Fixtures.device;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2prollout.protocol.NodeCounters;
import org.p2prollout.protocol.Outgoing;
import org.p2prollout.protocol.PeerId;
import org.p2prollout.protocol.RejectionKind;
import org.p2prollout.protocol.TestNetwork;
import org.p2prollout.protocol.manifest.Digest;
import org.p2prollout.protocol.selection.PiecePolicy;
import org.p2prollout.protocol.wire.Announcement;
import org.p2prollout.protocol.wire.InstallReport;
import org.p2prollout.protocol.wire.Message;
import org.p2prollout.protocol.wire.MessageKind;
import org.p2prollout.protocol.wire.PieceRequest;
import org.p2prollout.protocol.wire.PieceUnavailable;

class DeviceScenariosTest {
    static final ProtocolConfig SEQ = ProtocolConfig.builder().policy(PiecePolicy.SEQUENTIAL).build();

    @Test
    void downloadResumesOnALaterContactWithAnotherPeer() {
        DeviceNode a = device(1, SEQ, FW2);
        DeviceNode b = device(2, SEQ, FW2);
        DeviceNode v = device(3, SEQ, FW1);
        TestNetwork net = new TestNetwork(a, b, v);
        net.start(a.id(), v.id());
        net.runUntil(() -> v.piecesHeld(FW2.digest()) == 1);
        net.end(a.id(), v.id());
        assertEquals(1, v.piecesHeld(FW2.digest()));
        assertFalse(v.hasInstalled(FW, V2));

        net.at(100);
        net.start(b.id(), v.id());
        net.run();
        assertTrue(v.hasInstalled(FW, V2));
        assertEquals(100.0, v.installedAt(FW, V2).orElseThrow());
        NodeCounters c = v.counters();
        // piece 0 came in the first contact; pieces 1 and 2 in the second; the manifest was fetched once
        assertEquals(3, c.messagesReceived(MessageKind.PIECE));
        assertEquals(3, c.piecesFromPeers());
        assertEquals(1, c.messagesSent(MessageKind.MANIFEST_REQUEST));
        assertEquals(2, b.counters().messagesSent(MessageKind.PIECE), "b serves only the two pieces a did not");
    }

    @Test
    void endingOneContactReRequestsItsPiecesFromAnotherOpenContact() {
        ProtocolConfig one = ProtocolConfig.builder().policy(PiecePolicy.SEQUENTIAL).maxOutstandingPerPeer(1).build();
        DeviceNode v = device(3, one, FW1);
        Digest d = FW2.digest();
        v.contactStarted(PeerId.of(1), 0);
        v.contactStarted(PeerId.of(2), 0);
        Announcement holder = new Announcement(true, List.of(new org.p2prollout.protocol.wire.InventoryItem(FW, V2, d)),
                List.of(), List.of());
        v.receive(PeerId.of(1), holder, 0);
        v.receive(PeerId.of(1), new org.p2prollout.protocol.wire.ManifestResponse(FW2.manifest()), 0);
        // peer 1 now has piece 0 outstanding; peer 2 announces after that and gets piece 1
        List<Outgoing> fromTwo = v.receive(PeerId.of(2), holder, 1);
        assertEquals(List.of(new PieceRequest(d, 1)), messages(fromTwo));
        List<Outgoing> after = v.contactEnded(PeerId.of(1), 2);
        assertTrue(after.isEmpty(), "peer 2 already has its one request outstanding");
        List<Outgoing> next = v.receive(PeerId.of(2),
                new org.p2prollout.protocol.wire.Piece(d, 1, FW2.pieces().get(1)), 3);
        // the next request to peer 2 is piece 0, released by the end of the first contact
        assertEquals(List.of(new PieceRequest(d, 0)), messages(next));
    }

    @Test
    void missingDependencyIsFetchedFirstAndInstalledFirst() {
        ProtocolConfig dep = ProtocolConfig.builder().policy(PiecePolicy.DEPENDENCY_FIRST).build();
        DeviceNode a = device(1, dep, FW2_NEEDS_LIB, LIB1);
        DeviceNode v = device(3, dep, FW1);
        TestNetwork net = new TestNetwork(a, v);
        net.start(a.id(), v.id());
        net.run();
        assertTrue(v.hasInstalled(LIB, V1));
        assertTrue(v.hasInstalled(FW, V2));
        assertEquals(2, v.counters().installs());
        // every piece request for lib precedes every piece request for fw
        List<Digest> order = new ArrayList<>();
        for (Message m : net.log()) {
            if (m instanceof PieceRequest r) {
                order.add(r.manifestDigest());
            }
        }
        assertEquals(List.of(LIB1.digest(), LIB1.digest(), FW2_NEEDS_LIB.digest(), FW2_NEEDS_LIB.digest(),
                FW2_NEEDS_LIB.digest()), order);
    }

    @Test
    void completeReleaseWaitsForItsDependencyBeforeInstalling() {
        DeviceNode a = device(1, SEQ, FW2_NEEDS_LIB);
        DeviceNode b = device(2, SEQ, LIB1);
        DeviceNode v = device(3, SEQ, FW1);
        TestNetwork net = new TestNetwork(a, b, v);
        net.start(a.id(), v.id());
        net.run();
        assertEquals(3, v.piecesHeld(FW2_NEEDS_LIB.digest()));
        assertFalse(v.hasInstalled(FW, V2), "lib is missing");
        assertEquals(0, v.counters().installs());
        net.end(a.id(), v.id());
        net.at(50);
        net.start(b.id(), v.id());
        net.run();
        assertTrue(v.hasInstalled(LIB, V1));
        assertTrue(v.hasInstalled(FW, V2));
        assertEquals(50.0, v.installedAt(FW, V2).orElseThrow());
    }

    @Test
    void failedInstallationRollsBackAndIsNotRetriedButStillServed() {
        ProtocolConfig failing = SEQ.toBuilder().installFailureProbability(1.0).build();
        DeviceNode a = device(1, SEQ, FW2);
        DeviceNode v = device(3, failing, FW1);
        DeviceNode w = device(4, SEQ, FW1);
        TestNetwork net = new TestNetwork(a, v, w);
        net.start(a.id(), v.id());
        net.run();
        assertEquals(1, v.counters().rollbacks());
        assertEquals(0, v.counters().installs());
        assertEquals(V1, v.installedVersion(FW).orElseThrow());
        assertFalse(v.hasInstalled(FW, V2));
        assertTrue(v.installFailed(FW2.digest()));
        net.end(a.id(), v.id());
        // a second holder does not make v try again
        DeviceNode b = device(2, SEQ, FW2);
        TestNetwork net2 = new TestNetwork(b, v, w);
        net2.at(10);
        net2.start(b.id(), v.id());
        net2.run();
        assertEquals(1, v.counters().messagesSent(MessageKind.MANIFEST_REQUEST));
        assertEquals(3, v.counters().messagesReceived(MessageKind.PIECE));
        // v still serves the pieces it verified
        net2.start(v.id(), w.id());
        net2.run();
        assertTrue(w.hasInstalled(FW, V2));
        assertEquals(3, v.counters().messagesSent(MessageKind.PIECE));
    }

    @Test
    void reportsAboveTheFailureThresholdMakeADeviceRefuseTheRelease() {
        // threshold 0.5, at least 3 reports: 2 failures of 3 (share 2/3) refuses
        DeviceNode v = device(3, SEQ, FW1);
        Digest d = FW2.digest();
        v.contactStarted(PeerId.of(1), 0);
        v.receive(PeerId.of(1), new InstallReport(List.of(outcome(7, d, false, 0),
                outcome(8, d, false, 0), outcome(9, d, true, 0))), 0);
        List<Outgoing> out = v.receive(PeerId.of(1), new Announcement(true,
                List.of(new org.p2prollout.protocol.wire.InventoryItem(FW, V2, d)), List.of(), List.of()), 0);
        assertTrue(out.isEmpty(), "no manifest request for a refused release");
        assertTrue(v.refuses(d));
        assertEquals(1, v.counters().rejected(RejectionKind.REFUSED_VERSION));
        assertFalse(v.avoidedPeers().contains(PeerId.of(1)), "refusing a release is not blaming the peer");
    }

    @Test
    void reportsAtOrBelowTheThresholdOrTooFewDoNotRefuse() {
        Digest d = FW2.digest();
        // 2 of 4 failed: share 0.5 is not above 0.5
        DeviceNode v = device(3, SEQ, FW1);
        v.contactStarted(PeerId.of(1), 0);
        v.receive(PeerId.of(1), new InstallReport(List.of(outcome(6, d, false, 0),
                outcome(7, d, false, 0), outcome(8, d, true, 0),
                outcome(9, d, true, 0))), 0);
        List<Outgoing> out = v.receive(PeerId.of(1), new Announcement(true,
                List.of(new org.p2prollout.protocol.wire.InventoryItem(FW, V2, d)), List.of(), List.of()), 0);
        assertEquals(1, out.size());
        // 2 of 2 failed but fewer than 3 reports
        DeviceNode u = device(4, SEQ, FW1);
        u.contactStarted(PeerId.of(1), 0);
        u.receive(PeerId.of(1), new InstallReport(List.of(outcome(6, d, false, 0),
                outcome(7, d, false, 0))), 0);
        assertFalse(u.refuses(d));
    }

    @Test
    void failuresGossipedAlongAChainOfContactsReachADeviceThatThenRefuses() {
        ProtocolConfig failing = SEQ.toBuilder().installFailureProbability(1.0).build();
        DeviceNode a = device(1, SEQ, FW2);
        DeviceNode f1 = device(11, failing, FW1);
        DeviceNode f2 = device(12, failing, FW1);
        DeviceNode f3 = device(13, failing, FW1);
        DeviceNode v = device(3, SEQ, FW1);
        TestNetwork net = new TestNetwork(a, f1, f2, f3, v);
        double t = 0;
        for (DeviceNode f : List.of(f1, f2, f3)) {
            net.at(t++);
            net.start(a.id(), f.id());
            net.run();
            net.end(a.id(), f.id());
        }
        net.start(f1.id(), f2.id());
        net.run();
        net.start(f2.id(), f3.id());
        net.run();
        net.start(f3.id(), v.id());
        net.run();
        net.end(f3.id(), v.id());
        net.start(a.id(), v.id());
        net.run();
        assertTrue(v.refuses(FW2.digest()));
        assertFalse(v.hasInstalled(FW, V2));
        assertEquals(0, v.counters().messagesReceived(MessageKind.PIECE));
    }

    @Test
    void downloadFromTheServerCountsAsServerPayload() {
        ServerNode server = new ServerNode(0, List.of(FW1, FW2));
        DeviceNode v = device(3, SEQ, FW1);
        TestNetwork net = new TestNetwork(server, v);
        net.start(v.id(), PeerId.SERVER);
        net.run();
        assertTrue(v.hasInstalled(FW, V2));
        NodeCounters c = v.counters();
        assertEquals(3, c.piecesFromServer());
        assertEquals(2500, c.payloadBytesFromServer());
        assertEquals(0, c.piecesFromPeers());
        // the server announced two items of 41 bytes: 8 + 82
        assertEquals(90, server.counters().bytesSent(MessageKind.ANNOUNCEMENT));
        assertEquals(1, c.messagesSent(MessageKind.MANIFEST_REQUEST), "only the newest version's manifest");
    }

    @Test
    void freeRiderIsNeverAskedForPieces() {
        ProtocolConfig rider = SEQ.toBuilder().serving(false).build();
        DeviceNode a = device(1, rider, FW2);
        DeviceNode v = device(3, SEQ, FW1);
        TestNetwork net = new TestNetwork(a, v);
        net.start(a.id(), v.id());
        net.run();
        assertFalse(v.hasInstalled(FW, V2));
        assertEquals(0, v.counters().messagesSent(MessageKind.PIECE_REQUEST));
        assertFalse(((Announcement) net.log().get(0)).serving());
    }

    @Test
    void deviceThatStopsServingMidContactIsNotBlamed() {
        DeviceNode a = device(1, SEQ, FW2);
        DeviceNode v = device(3, SEQ, FW1);
        TestNetwork net = new TestNetwork(a, v);
        net.start(a.id(), v.id());
        net.runUntil(() -> v.piecesHeld(FW2.digest()) == 1);
        a.setServing(false);
        net.run();
        // piece 1 was already on its way when a stopped; the request for piece 2 is refused
        assertEquals(2, v.piecesHeld(FW2.digest()));
        assertEquals(1, v.counters().messagesReceived(MessageKind.PIECE_UNAVAILABLE));
        assertEquals(3, v.counters().messagesSent(MessageKind.PIECE_REQUEST));
        assertTrue(v.avoidedPeers().isEmpty());
        for (RejectionKind k : RejectionKind.values()) {
            assertEquals(0, v.counters().rejected(k), k.name());
        }
    }

    @Test
    void bitfieldOfTheWrongLengthIsALie() {
        DeviceNode v = device(3, SEQ, FW2);
        v.contactStarted(PeerId.of(9), 0);
        Announcement lie = new Announcement(true, List.of(), List.of(new org.p2prollout.protocol.wire.DownloadState(
                new org.p2prollout.protocol.wire.InventoryItem(FW, V2, FW2.digest()),
                org.p2prollout.protocol.wire.Bitfield.full(5))), List.of());
        assertTrue(v.receive(PeerId.of(9), lie, 0).isEmpty());
        assertEquals(1, v.counters().rejected(RejectionKind.LYING_BITFIELD));
        assertEquals(lie.encodedSize(), v.counters().rejectedBytes(RejectionKind.LYING_BITFIELD));
        assertTrue(v.avoidedPeers().contains(PeerId.of(9)));
        // an avoided peer gets nothing, not even an announcement, on its next contact
        v.contactEnded(PeerId.of(9), 1);
        assertTrue(v.contactStarted(PeerId.of(9), 2).isEmpty());
    }

    @Test
    void unrequestedPieceIsRejectedAsUnsolicited() {
        DeviceNode v = device(3, SEQ, FW1);
        v.contactStarted(PeerId.of(9), 0);
        v.receive(PeerId.of(9), new org.p2prollout.protocol.wire.Piece(FW2.digest(), 0, FW2.pieces().get(0)), 0);
        assertEquals(1, v.counters().rejected(RejectionKind.UNSOLICITED));
        assertEquals(0, v.piecesHeld(FW2.digest()));
        assertTrue(v.avoidedPeers().contains(PeerId.of(9)));
    }

    @Test
    void supersededDownloadIsStillServedSoAnHonestDeviceIsNeverTakenForALiar() {
        org.p2prollout.protocol.manifest.Release fw3 = org.p2prollout.protocol.Fixtures.PUBLISHER
                .syntheticRelease(FW, org.p2prollout.protocol.Version.of(3, 0, 0), List.of(), 0, 2500, 1000, 9);
        DeviceNode a = device(1, SEQ, FW2);
        DeviceNode b = device(2, SEQ, fw3);
        DeviceNode p = device(4, SEQ, FW1);
        DeviceNode v = device(3, SEQ, FW1);
        TestNetwork net = new TestNetwork(a, b, p);
        // p gets piece 0 of fw 2 ...
        net.start(a.id(), p.id());
        net.runUntil(() -> p.piecesHeld(FW2.digest()) == 1);
        net.end(a.id(), p.id());
        // ... and tells v, who asks for the manifest and then for piece 0
        Message announced = p.contactStarted(v.id(), 10).get(0).message();
        v.contactStarted(p.id(), 10);
        Message manifestRequest = v.receive(p.id(), announced, 10).get(0).message();
        Message manifest = p.receive(v.id(), manifestRequest, 10).get(0).message();
        Message pieceRequest = v.receive(p.id(), manifest, 10).get(0).message();
        assertEquals(new PieceRequest(FW2.digest(), 0), pieceRequest);
        // before the request arrives, p learns of fw 3 and drops its fw 2 download
        net.at(10);
        net.start(b.id(), p.id());
        net.runUntil(() -> p.piecesHeld(fw3.digest()) == 1);
        net.end(b.id(), p.id());
        assertEquals(0, p.piecesHeld(FW2.digest()), "fw 2 download superseded");
        // p still serves the piece it announced
        Message piece = p.receive(v.id(), pieceRequest, 11).get(0).message();
        v.receive(p.id(), piece, 11);
        assertEquals(1, v.piecesHeld(FW2.digest()));
        assertTrue(v.avoidedPeers().isEmpty());
        assertEquals(0, v.counters().rejected(RejectionKind.LYING_BITFIELD));
    }

    @Test
    void manifestAskedOfADepartedPeerIsAskedOfAnotherOpenContact() {
        DeviceNode v = device(3, SEQ, FW1);
        Announcement holder = new Announcement(true, List.of(new org.p2prollout.protocol.wire.InventoryItem(
                FW, V2, FW2.digest())), List.of(), List.of());
        v.contactStarted(PeerId.of(1), 0);
        v.contactStarted(PeerId.of(2), 0);
        assertEquals(1, v.receive(PeerId.of(1), holder, 0).size());
        assertTrue(v.receive(PeerId.of(2), holder, 0).isEmpty(), "already asked peer 1");
        List<Outgoing> out = v.contactEnded(PeerId.of(1), 1);
        assertEquals(1, out.size());
        assertEquals(PeerId.of(2), out.get(0).to());
        assertEquals(new org.p2prollout.protocol.wire.ManifestRequest(FW2.digest()), out.get(0).message());
    }

    @Test
    void priorityAwareTurnsToTheUrgentReleaseAsSoonAsItsManifestIsKnown() {
        org.p2prollout.protocol.Version v01 = org.p2prollout.protocol.Version.of(0, 1, 0);
        org.p2prollout.protocol.manifest.Release libOld = org.p2prollout.protocol.Fixtures.PUBLISHER
                .syntheticRelease(LIB, v01, List.of(), 9, 100, 100, 20);
        org.p2prollout.protocol.manifest.Release libUrgent = org.p2prollout.protocol.Fixtures.PUBLISHER
                .syntheticRelease(LIB, V1, List.of(), 9, 2000, 1000, 21);
        ProtocolConfig prio = ProtocolConfig.builder().policy(PiecePolicy.PRIORITY_AWARE).build();
        DeviceNode a = device(1, prio, FW2, libUrgent);
        DeviceNode v = device(3, prio, FW1, libOld);
        TestNetwork net = new TestNetwork(a, v);
        net.start(a.id(), v.id());
        net.run();
        assertTrue(v.hasInstalled(FW, V2));
        assertTrue(v.hasInstalled(LIB, V1));
        List<Digest> order = new ArrayList<>();
        for (Message m : net.log()) {
            if (m instanceof PieceRequest r) {
                order.add(r.manifestDigest());
            }
        }
        // fw's manifest arrives first and fills both slots; from then on lib (priority 9) goes before fw (0)
        Digest fw = FW2.digest();
        Digest lib = libUrgent.digest();
        assertEquals(List.of(fw, fw, lib, lib, fw), order);
    }

    private static List<Message> messages(List<Outgoing> out) {
        List<Message> m = new ArrayList<>();
        for (Outgoing o : out) {
            m.add(o.message());
        }
        return m;
    }
}
