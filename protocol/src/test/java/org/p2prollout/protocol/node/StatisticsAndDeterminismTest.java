package org.p2prollout.protocol.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2prollout.protocol.Fixtures.FW;
import static org.p2prollout.protocol.Fixtures.FW1;
import static org.p2prollout.protocol.Fixtures.FW2;
import static org.p2prollout.protocol.Fixtures.V2;
import static org.p2prollout.protocol.Fixtures.device;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.p2prollout.protocol.Fixtures;
import org.p2prollout.protocol.PeerId;
import org.p2prollout.protocol.TestNetwork;
import org.p2prollout.protocol.selection.PiecePolicy;
import org.p2prollout.protocol.wire.Message;
import org.p2prollout.protocol.wire.MessageKind;
import org.p2prollout.protocol.wire.PieceRequest;

class StatisticsAndDeterminismTest {

    @Test
    void installFailuresFollowTheConfiguredProbability() {
        // 400 devices, p = 0.3: rollbacks ~ Binomial(400, 0.3), mean 120, sd 9.17. A false alarm,
        // |X - 120| > 41, has probability < 4.4e-4 by Hoeffding (2 exp(-2 * 41^2 / 400)), about
        // 8e-6 by the normal approximation (4.5 sd); the streams are fixed, so the test is deterministic.
        ProtocolConfig cfg = ProtocolConfig.builder().installFailureProbability(0.3).build();
        DeviceNode holder = device(0, ProtocolConfig.defaults(), FW2);
        int rollbacks = 0;
        int installs = 0;
        for (int i = 1; i <= 400; i++) {
            DeviceNode v = DeviceNode.builder(PeerId.of(i), Fixtures.PUBLISHER.publicKey()).config(cfg)
                    .random(new SplittableRandom(i)).installRandom(new SplittableRandom(10_000 + i))
                    .install(FW1).build();
            TestNetwork net = new TestNetwork(holder, v);
            net.at(i);
            net.start(holder.id(), v.id());
            net.run();
            net.end(holder.id(), v.id());
            rollbacks += (int) v.counters().rollbacks();
            installs += (int) v.counters().installs();
        }
        assertEquals(400, rollbacks + installs, "every device completed the download and tried once");
        assertTrue(Math.abs(rollbacks - 120) <= 41, "rollbacks " + rollbacks);
    }

    @Test
    void piecesComeFromSeveralPeersEachFromExactlyOne() {
        ProtocolConfig seq = ProtocolConfig.builder().policy(PiecePolicy.SEQUENTIAL).build();
        DeviceNode a = device(1, seq, FW2);
        DeviceNode b = device(2, seq, FW2);
        DeviceNode v = device(3, seq, FW1);
        TestNetwork net = new TestNetwork(a, b, v);
        net.start(a.id(), v.id());
        net.start(b.id(), v.id());
        net.run();
        assertTrue(v.hasInstalled(FW, V2));
        // a's announcement came first: manifest and pieces 0, 1 from a; piece 2 from b
        assertEquals(2, a.counters().messagesSent(MessageKind.PIECE));
        assertEquals(1, b.counters().messagesSent(MessageKind.PIECE));
        assertEquals(3, v.counters().messagesReceived(MessageKind.PIECE));
        assertEquals(0, v.counters().duplicatePieces());
    }

    /** The piece requests of a 12-device random-contact run, as a list of "digest:index". */
    private static List<String> run(long nodeSeedBase) {
        ProtocolConfig cfg = ProtocolConfig.builder().policy(PiecePolicy.RANDOM).build();
        List<DeviceNode> nodes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            nodes.add(DeviceNode.builder(PeerId.of(i), Fixtures.PUBLISHER.publicKey()).config(cfg)
                    .random(new SplittableRandom(nodeSeedBase + i)).install(i < 2 ? FW2 : FW1).build());
        }
        TestNetwork net = new TestNetwork(nodes.toArray(new DeviceNode[0]));
        SplittableRandom contacts = new SplittableRandom(99);
        for (int k = 0; k < 200; k++) {
            int x = contacts.nextInt(12);
            int y = (x + 1 + contacts.nextInt(11)) % 12;
            net.at(k);
            net.start(PeerId.of(x), PeerId.of(y));
            net.runFrames(contacts.nextInt(8));
            net.end(PeerId.of(x), PeerId.of(y));
        }
        List<String> requests = new ArrayList<>();
        for (Message m : net.log()) {
            if (m instanceof PieceRequest r) {
                requests.add(r.manifestDigest() + ":" + r.index());
            }
        }
        return requests;
    }

    @Test
    void sameSeedsSameRunOtherSeedsOtherRun() {
        List<String> first = run(0);
        assertEquals(first, run(0));
        assertNotEquals(first, run(1000));
    }
}
