package org.p2prollout.protocol.manifest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2prollout.protocol.Fixtures.FW;
import static org.p2prollout.protocol.Fixtures.FW2;
import static org.p2prollout.protocol.Fixtures.FW2_NEEDS_LIB;
import static org.p2prollout.protocol.Fixtures.LIB;
import static org.p2prollout.protocol.Fixtures.PUBLISHER;
import static org.p2prollout.protocol.Fixtures.V1;
import static org.p2prollout.protocol.Fixtures.V2;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2prollout.protocol.ByteReader;

class ManifestTest {
    static final Manifest M = FW2.manifest().manifest();

    @Test
    void signatureVerifiesOnlyWithThePublishersKeyAndUnchangedBytes() {
        SignedManifest s = FW2.manifest();
        assertTrue(s.verify(PUBLISHER.publicKey()));
        assertFalse(s.verify(Publisher.fromSeed(7).publicKey()));

        byte[] sig = s.signature();
        sig[10] ^= 0x20;
        assertFalse(new SignedManifest(M, sig).verify(PUBLISHER.publicKey()));

        List<Digest> hashes = new ArrayList<>(M.pieceHashes());
        hashes.set(1, Digest.sha256(new byte[] {1}));
        Manifest altered = new Manifest(FW, V2, List.of(), 0, 2500, 1000, hashes);
        assertFalse(new SignedManifest(altered, s.signature()).verify(PUBLISHER.publicKey()));
        Manifest higherPriority = new Manifest(FW, V2, List.of(), 1, 2500, 1000, M.pieceHashes());
        assertFalse(new SignedManifest(higherPriority, s.signature()).verify(PUBLISHER.publicKey()));
    }

    @Test
    void digestIsSha256OfTheCanonicalEncodingWhichRoundTrips() throws Exception {
        byte[] body = M.encode();
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(body), M.digest().toBytes());
        ByteReader r = new ByteReader(body);
        Manifest back = Manifest.decode(r);
        r.expectEnd("manifest");
        assertEquals(M, back);
        assertEquals(M.pieceHashes(), back.pieceHashes());
    }

    @Test
    void encodedSizeFollowsTheDocumentedFormula() {
        // 45 (name length, version, dependency count, priority, issued, expires, size, piece size,
        // piece count) + "fw" 2 + 3 hashes * 32
        assertEquals(143, M.encodedSize());
        assertEquals(143, M.encode().length);
        // plus one dependency "lib": 1 + 3 + 6
        assertEquals(153, FW2_NEEDS_LIB.manifest().manifest().encode().length);
        assertEquals(4 + 143 + 64, FW2.manifest().encodedSize());
    }

    @Test
    void piecesAreCutBySizeAndHashedBySha256() throws Exception {
        assertEquals(3, M.pieceCount());
        assertEquals(1000, M.pieceLength(0));
        assertEquals(500, M.pieceLength(2));
        for (int i = 0; i < 3; i++) {
            byte[] data = FW2.pieces().get(i).toBytes();
            assertEquals(M.pieceLength(i), data.length);
            assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(data), M.pieceHash(i).toBytes());
        }
    }

    @Test
    void sameSeedSameKeysAndSignaturesOtherSeedOtherKeys() {
        Publisher again = Publisher.fromSeed(42);
        assertArrayEquals(PUBLISHER.publicKey().getEncoded(), again.publicKey().getEncoded());
        assertArrayEquals(FW2.manifest().signature(), again.sign(M).signature());
        assertFalse(java.util.Arrays.equals(PUBLISHER.publicKey().getEncoded(), Publisher.fromSeed(43).publicKey().getEncoded()));
    }

    @Test
    void inconsistentManifestsAndReleasesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new Manifest(FW, V2, List.of(), 0, 2500, 1000, M.pieceHashes().subList(0, 2)));
        assertThrows(IllegalArgumentException.class,
                () -> new Manifest(FW, V2, List.of(new Dependency(FW, V1)), 0, 2500, 1000, M.pieceHashes()));
        assertThrows(IllegalArgumentException.class, () -> new Manifest(FW, V2,
                List.of(new Dependency(LIB, V1), new Dependency(LIB, V2)), 0, 2500, 1000, M.pieceHashes()));
        assertThrows(IllegalArgumentException.class, () -> new Manifest(FW, V2, List.of(), 0, 0, 1000, List.of()));
        List<PieceData> swapped = List.of(FW2.pieces().get(1), FW2.pieces().get(0), FW2.pieces().get(2));
        assertThrows(IllegalArgumentException.class, () -> new Release(FW2.manifest(), swapped));
    }

    @Test
    void dependencyIsSatisfiedByTheMinimumOrNewer() {
        Dependency d = new Dependency(LIB, V2);
        assertTrue(d.satisfiedBy(V2));
        assertTrue(d.satisfiedBy(org.p2prollout.protocol.Version.of(2, 0, 1)));
        assertFalse(d.satisfiedBy(V1));
        assertFalse(d.satisfiedBy(null));
    }
}
