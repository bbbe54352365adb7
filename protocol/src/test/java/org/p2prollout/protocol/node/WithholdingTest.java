package org.p2prollout.protocol.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2prollout.protocol.Fixtures.FW;
import static org.p2prollout.protocol.Fixtures.FW1;
import static org.p2prollout.protocol.Fixtures.FW2;
import static org.p2prollout.protocol.Fixtures.V2;

import org.junit.jupiter.api.Test;
import org.p2prollout.protocol.Fixtures;
import org.p2prollout.protocol.RejectionKind;
import org.p2prollout.protocol.TestNetwork;
import org.p2prollout.protocol.adversary.HostileNode;

/**
 * Issue 13 item 3, slow retrieval: a peer that claims a release and withholds its pieces no
 * longer pins them. Before, its requests never timed out and each piece is asked of one peer at
 * a time, so the victim could not finish from an honest holder while the withholder stayed in
 * contact; claiming service and answering NOT_SERVING was never blamed.
 */
class WithholdingTest {
    static final ProtocolConfig CFG = DeviceScenariosTest.SEQ.toBuilder().pieceTimeoutSeconds(30).build();

    @Test
    void withheldRequestsTimeOutAreAskedOfAnotherPeerAndTheWithholderIsBlamed() {
        HostileNode w = HostileNode.withholdingPieces(Fixtures.device(9, CFG, FW2), 0);
        DeviceNode a = Fixtures.device(1, CFG, FW2);
        DeviceNode v = Fixtures.device(3, CFG, FW1);
        TestNetwork net = new TestNetwork(w, a, v);
        net.at(0);
        net.start(w.id(), v.id());
        net.run();
        assertFalse(v.hasInstalled(FW, V2));
        // within the timeout the honest holder gets only the pieces not pinned to the withholder
        net.at(10);
        net.start(a.id(), v.id());
        net.run();
        assertFalse(v.hasInstalled(FW, V2), "two of three pieces are still pinned to the withholder");
        net.end(a.id(), v.id());
        // past the timeout (the withholder still in contact): blamed, its pieces asked of the holder
        net.at(40);
        net.start(a.id(), v.id());
        net.run();
        assertTrue(v.hasInstalled(FW, V2));
        assertEquals(1, v.counters().rejected(RejectionKind.WITHHELD_PIECE));
        assertTrue(v.avoidedPeers().contains(w.id()));
        assertFalse(v.avoidedPeers().contains(a.id()));
    }

    @Test
    void aPeerLeavingWithPiecesWithheldPastTheTimeoutIsBlamed() {
        HostileNode w = HostileNode.withholdingPieces(Fixtures.device(9, CFG, FW2), 0);
        DeviceNode v = Fixtures.device(3, CFG, FW1);
        TestNetwork net = new TestNetwork(w, v);
        net.at(0);
        net.start(w.id(), v.id());
        net.run();
        net.at(31);
        net.end(w.id(), v.id());
        assertTrue(v.avoidedPeers().contains(w.id()));
        // an honest peer leaving before the timeout with requests open is not blamed
        DeviceNode slow = Fixtures.device(4, CFG, FW2);
        DeviceNode u = Fixtures.device(5, CFG, FW1);
        TestNetwork net2 = new TestNetwork(slow, u);
        net2.at(0);
        net2.start(slow.id(), u.id());
        net2.end(slow.id(), u.id());
        assertEquals(0, u.counters().rejected(RejectionKind.WITHHELD_PIECE));
    }

    @Test
    void claimingServiceAndAnsweringNotServingIsBlamedInTheSecondContact() {
        HostileNode c = HostileNode.claimingNotServing(Fixtures.device(9, CFG, FW2), 0);
        DeviceNode v = Fixtures.device(3, CFG, FW1);
        TestNetwork net = new TestNetwork(c, v);
        net.at(0);
        net.start(c.id(), v.id());
        net.run();
        net.end(c.id(), v.id());
        assertFalse(v.avoidedPeers().contains(c.id()), "once may be a battery running low");
        net.at(5);
        net.start(c.id(), v.id());
        net.run();
        assertTrue(v.avoidedPeers().contains(c.id()));
        assertEquals(1, v.counters().rejected(RejectionKind.WITHHELD_PIECE));
    }
}
