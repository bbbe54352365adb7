package org.p2prollout.protocol.manifest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2prollout.protocol.Fixtures.FW2;
import static org.p2prollout.protocol.Fixtures.PUBLISHER;

import org.junit.jupiter.api.Test;

class ManifestVerifierTest {
    @Test
    void cachedVerdictNeverLetsABadSignatureRideOnAGoodOne() {
        ManifestVerifier v = ManifestVerifier.caching(PUBLISHER.publicKey());
        SignedManifest good = FW2.manifest();
        byte[] sig = good.signature();
        sig[0] ^= 1;
        SignedManifest sameBodyBadSignature = new SignedManifest(good.manifest(), sig);
        for (int round = 0; round < 2; round++) {
            assertTrue(v.verify(good));
            assertFalse(v.verify(sameBodyBadSignature));
        }
        SignedManifest otherSigner = Publisher.fromSeed(5).sign(good.manifest());
        assertFalse(v.verify(otherSigner));
        assertFalse(ManifestVerifier.of(PUBLISHER.publicKey()).verify(otherSigner));
        assertTrue(ManifestVerifier.of(PUBLISHER.publicKey()).verify(good));
    }

    @Test
    void rememberedVerdictIsPerKey() {
        SignedManifest m = FW2.manifest();
        java.security.PublicKey other = Publisher.fromSeed(5).publicKey();
        for (int round = 0; round < 2; round++) {
            assertTrue(m.verify(PUBLISHER.publicKey()));
            assertFalse(m.verify(other));
        }
        // an equal key object that is not the same instance
        java.security.PublicKey same = Publisher.fromSeed(42).publicKey();
        assertTrue(m.verify(same));
    }
}
