package org.p2prollout.protocol.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2prollout.protocol.Fixtures.FW;
import static org.p2prollout.protocol.Fixtures.FW1;
import static org.p2prollout.protocol.Fixtures.FW2;
import static org.p2prollout.protocol.Fixtures.V2;
import static org.p2prollout.protocol.Fixtures.identity;
import static org.p2prollout.protocol.Fixtures.outcome;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2prollout.protocol.Fixtures;
import org.p2prollout.protocol.PeerId;
import org.p2prollout.protocol.RejectionKind;
import org.p2prollout.protocol.TestNetwork;
import org.p2prollout.protocol.manifest.DeviceCertificate;
import org.p2prollout.protocol.manifest.Digest;
import org.p2prollout.protocol.manifest.Publisher;
import org.p2prollout.protocol.wire.InstallReport;
import org.p2prollout.protocol.wire.WireCodec;

/**
 * Issue 13 item 1: install reports are signed by the installing device under a publisher
 * certificate, count once per device, are capped per sender, and nothing unauthenticated
 * decides a refusal. On the unsigned protocol before, each attack below succeeded (the first
 * made the device refuse the genuine fw 2.0.0 for good; the second let a bad release install).
 */
class AuthenticatedGossipTest {
    static final ProtocolConfig SEQ = DeviceScenariosTest.SEQ;
    static final Digest D = FW2.digest();
    /** The attacker's own "publisher": certificates it signs are not the fleet publisher's. */
    static final Publisher ROGUE = Publisher.fromSeed(666);

    /** Three invented failures, each under a certificate the attacker made for an invented device. */
    static InstallReport inventedFailures() {
        List<InstallReport.Outcome> o = new ArrayList<>();
        for (long dev = 7; dev <= 9; dev++) {
            o.add(InstallReport.Outcome.signed(ROGUE.provision(PeerId.of(dev), dev), D, false, 0));
        }
        return new InstallReport(o);
    }

    @Test
    void threeInventedFailuresNoLongerStopAGenuineRelease() {
        DeviceNode v = Fixtures.device(3, SEQ, FW1);
        v.contactStarted(PeerId.of(66), 0);
        // over the wire, as an attacker would send it: decoded, then handed to the node
        v.receive(PeerId.of(66), WireCodec.decode(WireCodec.encode(inventedFailures())), 0);
        assertFalse(v.refuses(D));
        assertArrayEquals(new int[] {0, 0}, v.knownOutcomes(D));
        assertEquals(1, v.counters().rejected(RejectionKind.FORGED_REPORT));
        assertTrue(v.avoidedPeers().contains(PeerId.of(66)));
        // a full contact with an honest holder then installs the genuine release
        DeviceNode a = Fixtures.device(1, SEQ, FW2);
        TestNetwork net = new TestNetwork(a, v);
        net.at(10);
        net.start(a.id(), v.id());
        net.run();
        assertTrue(v.hasInstalled(FW, V2));
    }

    @Test
    void genuineCertificatesWithTheAttackersSignaturesAreForgedToo() {
        // certificates are public (every report carries them): the attacker copies devices 7-9's
        // and signs failures with its own certified key
        DeviceNode v = Fixtures.device(3, SEQ, FW1);
        v.contactStarted(PeerId.of(5), 0);
        List<InstallReport.Outcome> o = new ArrayList<>();
        for (long dev = 7; dev <= 9; dev++) {
            DeviceCertificate copied = identity(dev).certificate();
            byte[] sig = InstallReport.Outcome.signed(identity(5), D, false, 0).signature();
            o.add(new InstallReport.Outcome(copied, D, false, 0, sig));
        }
        v.receive(PeerId.of(5), new InstallReport(o), 0);
        assertFalse(v.refuses(D));
        assertEquals(1, v.counters().rejected(RejectionKind.FORGED_REPORT));
    }

    @Test
    void aDevicesOutcomeCountsOnceHoweverOftenItIsRelayed() {
        DeviceNode v = Fixtures.device(3, SEQ, FW1);
        InstallReport one = new InstallReport(List.of(outcome(7, D, false, 0)));
        for (long peer = 20; peer < 25; peer++) {
            v.contactStarted(PeerId.of(peer), peer);
            v.receive(PeerId.of(peer), one, peer);
        }
        assertArrayEquals(new int[] {1, 1}, v.knownOutcomes(D));
        assertFalse(v.refuses(D), "one device's failure is below the 3 reports a refusal needs");
        // a later signed statement by the same device replaces its earlier one, still counted once
        v.receive(PeerId.of(24), new InstallReport(List.of(outcome(7, D, true, 5_000))), 24);
        assertArrayEquals(new int[] {0, 1}, v.knownOutcomes(D));
    }

    @Test
    void sixtyFourInventedSuccessesNoLongerPushRealFailuresOut() {
        // relay r learns three genuine failures, then an attacker floods it with invented successes
        DeviceNode r = Fixtures.device(2, SEQ, FW1);
        r.contactStarted(PeerId.of(7), 0);
        r.receive(PeerId.of(7), new InstallReport(List.of(outcome(7, D, false, 0), outcome(8, D, false, 0),
                outcome(9, D, false, 0))), 0);
        List<InstallReport.Outcome> flood = new ArrayList<>();
        for (long dev = 100; dev < 164; dev++) {
            flood.add(InstallReport.Outcome.signed(ROGUE.provision(PeerId.of(dev), dev), D, true, 0));
        }
        for (int i = 0; i < 4; i++) {
            r.contactStarted(PeerId.of(66 + i), 1);
            r.receive(PeerId.of(66 + i), new InstallReport(flood.subList(16 * i, 16 * i + 16)), 1);
        }
        assertArrayEquals(new int[] {3, 3}, r.knownOutcomes(D));
        assertEquals(4, r.counters().rejected(RejectionKind.FORGED_REPORT));
        // the failures still travel on: v, who never met the failing devices, refuses the bad release
        DeviceNode v = Fixtures.device(3, SEQ, FW1);
        DeviceNode holder = Fixtures.device(1, SEQ, FW2);
        TestNetwork net = new TestNetwork(r, v, holder);
        net.at(2);
        net.start(r.id(), v.id());
        net.run();
        net.end(r.id(), v.id());
        net.start(holder.id(), v.id());
        net.run();
        assertTrue(v.refuses(D));
        assertFalse(v.hasInstalled(FW, V2));
    }

    @Test
    void onePeerContributesAtMostMaxGossipOutcomesPerContact() {
        ProtocolConfig cap = SEQ.toBuilder().maxGossipOutcomes(4).maxRememberedOutcomes(100).build();
        DeviceNode v = Fixtures.device(3, cap, FW1);
        v.contactStarted(PeerId.of(5), 0);
        List<InstallReport.Outcome> many = new ArrayList<>();
        for (long dev = 30; dev < 40; dev++) {
            many.add(outcome(dev, D, true, 0));
        }
        v.receive(PeerId.of(5), new InstallReport(many.subList(0, 6)), 0);
        v.receive(PeerId.of(5), new InstallReport(many.subList(6, 10)), 0);
        assertArrayEquals(new int[] {0, 4}, v.knownOutcomes(D), "4 per sender and contact");
        v.contactEnded(PeerId.of(5), 1);
        v.contactStarted(PeerId.of(6), 2);
        v.receive(PeerId.of(6), new InstallReport(many.subList(6, 10)), 2);
        assertArrayEquals(new int[] {0, 8}, v.knownOutcomes(D));
    }

    @Test
    void anOutcomeFromTheFutureIsForged() {
        ProtocolConfig skew = SEQ.toBuilder().maxClockSkewSeconds(60).build();
        DeviceNode v = Fixtures.device(3, skew, FW1);
        v.contactStarted(PeerId.of(5), 100);
        v.receive(PeerId.of(5), new InstallReport(List.of(outcome(7, D, false, 160_000))), 100);
        assertArrayEquals(new int[] {1, 1}, v.knownOutcomes(D), "60 s ahead is within the skew");
        v.contactStarted(PeerId.of(6), 100);
        v.receive(PeerId.of(6), new InstallReport(List.of(outcome(8, D, false, 160_001))), 100);
        assertArrayEquals(new int[] {1, 1}, v.knownOutcomes(D));
        assertEquals(1, v.counters().rejected(RejectionKind.FORGED_REPORT));
    }
}
