package org.p2prollout.protocol.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2prollout.protocol.Fixtures.FW;
import static org.p2prollout.protocol.Fixtures.FW1;
import static org.p2prollout.protocol.Fixtures.FW2;
import static org.p2prollout.protocol.Fixtures.V2;
import static org.p2prollout.protocol.Fixtures.device;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.p2prollout.protocol.NodeCounters;
import org.p2prollout.protocol.PeerId;
import org.p2prollout.protocol.TestNetwork;
import org.p2prollout.protocol.selection.PiecePolicy;
import org.p2prollout.protocol.wire.MessageKind;

/**
 * Two devices, one holding fw 2.0.0 (3 pieces: 1000, 1000, 500 bytes), the other fw 1.0.0.
 * Expected bytes worked out by hand from the wire layout:
 * <ul>
 *   <li>inventory item "fw": 1 + 2 + 6 + 32 = 41; announcement = 8 + 41 (+ 8 per met-last peer)</li>
 *   <li>first announcements: 49 each (nobody met before); B's re-announcement after installing
 *       names A as met last: 57</li>
 *   <li>manifest request 33; manifest body 45 + 2 + 3 * 32 = 143, response 1 + 4 + 143 + 64 = 212</li>
 *   <li>piece requests 3 * 37 = 111; pieces (41 + 1000) * 2 + (41 + 500) = 2623</li>
 * </ul>
 * plus the frame header once per frame: A sends 5 frames, B sends 6.
 */
class TwoNodeExchangeTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 40})
    void threePieceReleaseCostsExactlyTheHandComputedBytes(int header) {
        ProtocolConfig cfg = ProtocolConfig.builder().frameHeaderBytes(header).policy(PiecePolicy.SEQUENTIAL).build();
        DeviceNode a = device(1, cfg, FW2);
        DeviceNode b = device(2, cfg, FW1);
        TestNetwork net = new TestNetwork(a, b);
        net.start(a.id(), b.id());
        net.run();

        assertTrue(b.hasInstalled(FW, V2));
        NodeCounters ca = a.counters();
        NodeCounters cb = b.counters();
        assertEquals(49 + header, ca.bytesSent(MessageKind.ANNOUNCEMENT));
        assertEquals(212 + header, ca.bytesSent(MessageKind.MANIFEST_RESPONSE));
        assertEquals(2623 + 3 * header, ca.bytesSent(MessageKind.PIECE));
        assertEquals(0, ca.bytesSent(MessageKind.PIECE_REQUEST));
        assertEquals(49 + 57 + 2 * header, cb.bytesSent(MessageKind.ANNOUNCEMENT));
        assertEquals(33 + header, cb.bytesSent(MessageKind.MANIFEST_REQUEST));
        assertEquals(111 + 3 * header, cb.bytesSent(MessageKind.PIECE_REQUEST));
        assertEquals(0, cb.bytesSent(MessageKind.PIECE));
        assertEquals(0, cb.bytesSent(MessageKind.INSTALL_REPORT));
        // what the transport delivered equals what the nodes handed it (no contact end here)
        for (MessageKind k : MessageKind.values()) {
            assertEquals(ca.bytesSent(k), net.deliveredBytes(a.id(), k), k.name());
            assertEquals(cb.bytesSent(k), net.deliveredBytes(b.id(), k), k.name());
            assertEquals(ca.bytesSent(k), cb.bytesReceived(k), k.name());
        }
        assertEquals(3, cb.piecesFromPeers());
        assertEquals(2500, cb.payloadBytesFromPeers());
        assertEquals(0, cb.payloadBytesFromServer());
        assertEquals(1, cb.installs());
        assertEquals(0, cb.rollbacks());
        assertEquals(0.0, b.installedAt(FW, V2).orElseThrow());
    }

    @Test
    void holderOfTheNewerVersionWantsNothingFromTheOlder() {
        DeviceNode a = device(1, ProtocolConfig.defaults(), FW2);
        DeviceNode b = device(2, ProtocolConfig.defaults(), FW1);
        TestNetwork net = new TestNetwork(a, b);
        net.start(a.id(), b.id());
        net.run();
        assertEquals(0, a.counters().bytesSent(MessageKind.MANIFEST_REQUEST));
        assertEquals(0, a.counters().bytesSent(MessageKind.PIECE_REQUEST));
        assertFalse(a.avoidedPeers().contains(PeerId.of(2)));
    }
}
