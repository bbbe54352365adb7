package org.p2prollout.protocol.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2prollout.protocol.Fixtures.FW;
import static org.p2prollout.protocol.Fixtures.FW1;
import static org.p2prollout.protocol.Fixtures.FW2;
import static org.p2prollout.protocol.Fixtures.V2;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.p2prollout.protocol.Fixtures;
import org.p2prollout.protocol.NodeCounters;
import org.p2prollout.protocol.PeerId;
import org.p2prollout.protocol.RejectionKind;
import org.p2prollout.protocol.TestNetwork;
import org.p2prollout.protocol.selection.PiecePolicy;
import org.p2prollout.protocol.wire.MessageKind;

/**
 * 25 honest devices, one seeded with fw 2.0.0, meet in random pairs; every contact is cut after
 * a random number of frames (0 to 12), so downloads are interrupted and resumed from other peers.
 * Whatever the policy, everyone ends up with fw 2.0.0, each device received each piece exactly
 * once (nothing duplicated, nothing re-fetched), and nothing was rejected.
 */
class SwarmTest {
    static final int N = 25;

    @ParameterizedTest
    @EnumSource(PiecePolicy.class)
    void everyPolicySpreadsTheReleaseToEveryoneExactlyOnce(PiecePolicy policy) {
        ProtocolConfig cfg = ProtocolConfig.builder().policy(policy).build();
        List<DeviceNode> nodes = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            nodes.add(Fixtures.device(i, cfg, i == 0 ? FW2 : FW1));
        }
        TestNetwork net = new TestNetwork(nodes.toArray(new DeviceNode[0]));
        SplittableRandom r = new SplittableRandom(policy.ordinal());
        int contacts = 0;
        while (nodes.stream().anyMatch(n -> !n.hasInstalled(FW, V2))) {
            assertTrue(++contacts < 20_000, "no full rollout after 20000 contacts");
            int a = r.nextInt(N);
            int b = r.nextInt(N - 1);
            b = b >= a ? b + 1 : b;
            net.at(contacts);
            net.start(PeerId.of(a), PeerId.of(b));
            net.runFrames(r.nextInt(13));
            net.end(PeerId.of(a), PeerId.of(b));
        }
        NodeCounters total = new NodeCounters();
        for (DeviceNode n : nodes) {
            total.add(n.counters());
        }
        assertEquals(N - 1, total.installs());
        assertEquals(3L * (N - 1), total.piecesFromPeers());
        assertEquals(2500L * (N - 1), total.payloadBytesFromPeers());
        assertEquals(0, total.duplicatePieces());
        for (RejectionKind k : RejectionKind.values()) {
            assertEquals(0, total.rejected(k), k.name());
        }
        // every delivered piece message was accepted: frames delivered = pieces accepted
        assertEquals(3L * (N - 1), total.messagesReceived(MessageKind.PIECE));
    }
}
