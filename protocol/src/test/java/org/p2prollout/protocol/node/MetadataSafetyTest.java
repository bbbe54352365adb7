package org.p2prollout.protocol.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2prollout.protocol.Fixtures.FW;
import static org.p2prollout.protocol.Fixtures.FW1;
import static org.p2prollout.protocol.Fixtures.PUBLISHER;
import static org.p2prollout.protocol.Fixtures.V1;
import static org.p2prollout.protocol.Fixtures.V2;

import java.security.KeyPair;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.p2prollout.protocol.Fixtures;
import org.p2prollout.protocol.PeerId;
import org.p2prollout.protocol.RejectionKind;
import org.p2prollout.protocol.TestNetwork;
import org.p2prollout.protocol.Version;
import org.p2prollout.protocol.manifest.Ed25519;
import org.p2prollout.protocol.manifest.Manifest;
import org.p2prollout.protocol.manifest.Publisher;
import org.p2prollout.protocol.manifest.Release;
import org.p2prollout.protocol.manifest.RootOfTrust;
import org.p2prollout.protocol.manifest.SignedRoot;
import org.p2prollout.protocol.manifest.TrustRoot;

/**
 * Issue 13 item 2, metadata safety after TUF: manifests expire (freeze), a root of trust with
 * versioned keys rotated by a k-of-n threshold, revocation by rotation, and a version ceiling
 * so a signed 65535.65535.65535 cannot pin a device. Before, none of these existed: an old
 * validly signed release installed at any time, one key was trusted for good, and the highest
 * signed version won.
 */
class MetadataSafetyTest {
    static final ProtocolConfig CFG = DeviceScenariosTest.SEQ;
    static final KeyPair R1 = Ed25519.keyPair(101);
    static final KeyPair R2 = Ed25519.keyPair(102);
    static final KeyPair R3 = Ed25519.keyPair(103);
    static final KeyPair R4 = Ed25519.keyPair(104);
    static final Publisher NEW_PUBLISHER = Publisher.fromSeed(43);

    static TrustRoot root(int version, List<KeyPair> roots, Publisher publisher, Version ceiling) {
        return new TrustRoot(version, Manifest.NEVER, 2, roots.stream().map(KeyPair::getPublic).toList(),
                List.of(publisher.publicKey()), ceiling);
    }

    static final SignedRoot ROOT1 = SignedRoot.sign(root(1, List.of(R1, R2, R3), PUBLISHER, Version.of(3, 0, 0)),
            List.of(R1, R2));

    static DeviceNode rooted(long id) {
        return DeviceNode.builder(PeerId.of(id), PUBLISHER.publicKey()).config(CFG)
                .random(new SplittableRandom(id)).identity(Fixtures.identity(id)).trust(RootOfTrust.initial(ROOT1))
                .install(FW1).build();
    }

    static DeviceNode holder(long id, Release r) {
        return DeviceNode.builder(PeerId.of(id), PUBLISHER.publicKey()).config(CFG)
                .random(new SplittableRandom(id)).install(r).build();
    }

    static boolean exchange(DeviceNode from, DeviceNode to, double at) {
        TestNetwork net = new TestNetwork(from, to);
        net.at(at);
        net.start(from.id(), to.id());
        net.run();
        net.end(from.id(), to.id());
        return to.hasInstalled(FW, from.installedVersion(FW).orElseThrow());
    }

    @Test
    void anExpiredButValidlySignedReleaseIsRefused() {
        // fw 2.0.0 valid for the first 1000 s
        Release old = PUBLISHER.syntheticRelease(FW, V2, List.of(), 0, 2500, 1000, 2, 0, 1_000_000);
        assertTrue(exchange(holder(1, old), Fixtures.device(3, CFG, FW1), 999), "valid until 1000 s");
        DeviceNode late = Fixtures.device(4, CFG, FW1);
        assertFalse(exchange(holder(1, old), late, 1000), "replayed at its expiry: refused");
        assertEquals(1, late.counters().rejected(RejectionKind.EXPIRED_MANIFEST));
        assertFalse(late.avoidedPeers().contains(PeerId.of(1)), "the sender may be an honest old holder");
        // issued in the future beyond the allowed skew (300 s): refused too
        Release early = PUBLISHER.syntheticRelease(FW, V2, List.of(), 0, 2500, 1000, 2, 400_000, Manifest.NEVER);
        assertFalse(exchange(holder(1, early), Fixtures.device(5, CFG, FW1), 99));
    }

    @Test
    void aSignedMaximalVersionAboveTheCeilingCannotPinTheDevice() {
        // the publisher's key signs 65535.65535.65535 (stolen, or a mistake): above the root's 3.0.0
        Release pin = PUBLISHER.syntheticRelease(FW, Version.of(65535, 65535, 65535), List.of(), 0, 100, 100, 9);
        DeviceNode v = rooted(3);
        assertFalse(exchange(holder(1, pin), v, 0));
        assertEquals(1, v.counters().rejected(RejectionKind.ABOVE_VERSION_CEILING));
        // the genuine next release still installs afterwards
        assertTrue(exchange(holder(2, Fixtures.FW2), v, 1));
        // a device without a root has no ceiling: pinned (the behaviour the ceiling removes)
        DeviceNode plain = Fixtures.device(4, CFG, FW1);
        assertTrue(exchange(holder(1, pin), plain, 0));
        exchange(holder(2, Fixtures.FW2), plain, 1);
        assertEquals(Version.of(65535, 65535, 65535), plain.installedVersion(FW).orElseThrow(),
                "2.0.0 is no longer newer than what it runs");
        assertEquals(V2, v.installedVersion(FW).orElseThrow());
    }

    @Test
    void rotationNeedsTheThresholdOfOldAndNewRootKeysAndRevokesAKey() {
        RootOfTrust trust = RootOfTrust.initial(ROOT1);
        // root 2 revokes the (compromised) publisher key and adds R4
        TrustRoot next = root(2, List.of(R2, R3, R4), NEW_PUBLISHER, Version.of(3, 0, 0));
        assertNotNull(trust.update(SignedRoot.sign(next, List.of(R1, R4))), "one old key of three, threshold 2");
        assertNotNull(trust.update(SignedRoot.sign(next, List.of(R1, R1, R2))), "two old keys but one of its own");
        assertNotNull(trust.update(SignedRoot.sign(root(3, List.of(R2, R3, R4), NEW_PUBLISHER, Version.of(3, 0, 0)),
                List.of(R1, R2, R3, R4))), "versions cannot be skipped");
        assertEquals(1, trust.root().version());
        assertNull(trust.update(SignedRoot.sign(next, List.of(R1, R2, R3, R4))));
        assertEquals(2, trust.root().version());
        // under root 2 a release signed by the revoked key is forged; the new key's is admitted
        DeviceNode v = DeviceNode.builder(PeerId.of(3), PUBLISHER.publicKey()).config(CFG)
                .random(new SplittableRandom(3)).trust(trust).install(FW1).build();
        assertFalse(exchange(holder(1, Fixtures.FW2), v, 0));
        assertEquals(1, v.counters().rejected(RejectionKind.FORGED_MANIFEST));
        Release signedAnew = NEW_PUBLISHER.syntheticRelease(FW, V2, List.of(), 0, 2500, 1000, 2);
        DeviceNode newHolder = DeviceNode.builder(PeerId.of(2), NEW_PUBLISHER.publicKey()).config(CFG)
                .random(new SplittableRandom(2)).install(signedAnew).build();
        assertTrue(exchange(newHolder, v, 1));
    }

    @Test
    void aRootSignedByTooFewOfItsOwnKeysIsNotTrustedAtAll() {
        assertThrows(IllegalArgumentException.class,
                () -> RootOfTrust.initial(SignedRoot.sign(ROOT1.root(), List.of(R1))));
        assertEquals(V1, FW1.manifest().manifest().version());
    }
}
