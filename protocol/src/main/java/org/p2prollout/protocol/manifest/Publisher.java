package org.p2prollout.protocol.manifest;

import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.p2prollout.protocol.PeerId;
import org.p2prollout.protocol.SoftwareId;
import org.p2prollout.protocol.Version;

/**
 * A software publisher: holds an Ed25519 key pair, signs manifests and cuts content into signed
 * releases. Devices trust {@link #publicKey()}.
 */
public final class Publisher {
    private final KeyPair keys;

    public Publisher(KeyPair keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * A publisher whose key pair is derived from {@code seed}: the same seed gives the same keys
     * (and, since Ed25519 signing is deterministic, the same signatures), so simulations are
     * reproducible. For real deployments use {@link #Publisher(KeyPair)} with a generated key.
     */
    public static Publisher fromSeed(long seed) {
        return new Publisher(Ed25519.keyPair(seed));
    }

    public PublicKey publicKey() {
        return keys.getPublic();
    }

    /** The certificate binding {@code device} to the Ed25519 key {@code deviceKey}. */
    public DeviceCertificate certify(PeerId device, PublicKey deviceKey) {
        byte[] raw = Ed25519.raw(deviceKey);
        return new DeviceCertificate(device, raw, Ed25519.sign(keys.getPrivate(), DeviceCertificate.signedBytes(device, raw)));
    }

    /**
     * A device identity with a key pair derived from {@code seed} and this publisher's
     * certificate for it (simulations and tests; a real device generates its key itself).
     */
    public DeviceIdentity provision(PeerId device, long seed) {
        KeyPair k = Ed25519.keyPair(seed);
        return new DeviceIdentity(k, certify(device, k.getPublic()));
    }

    public SignedManifest sign(Manifest manifest) {
        return new SignedManifest(manifest, Ed25519.sign(keys.getPrivate(), manifest.encode()));
    }

    /**
     * Cuts {@code content} into pieces of {@code pieceSize} bytes, hashes them and signs the
     * manifest.
     */
    public Release release(SoftwareId software, Version version, List<Dependency> dependencies, int priority,
                           byte[] content, int pieceSize) {
        return release(software, version, dependencies, priority, content, pieceSize, 0, Manifest.NEVER);
    }

    /**
     * As {@link #release(SoftwareId, Version, List, int, byte[], int)}, valid from
     * {@code issuedAtMillis} until {@code expiresAtMillis} (see {@link Manifest#expiresAtMillis()}).
     */
    public Release release(SoftwareId software, Version version, List<Dependency> dependencies, int priority,
                           byte[] content, int pieceSize, long issuedAtMillis, long expiresAtMillis) {
        if (content.length == 0) {
            throw new IllegalArgumentException("release content must not be empty");
        }
        int count = (int) ((content.length + (long) pieceSize - 1) / pieceSize);
        PieceData[] pieces = new PieceData[count];
        Digest[] hashes = new Digest[count];
        for (int i = 0; i < count; i++) {
            int from = i * pieceSize;
            byte[] b = java.util.Arrays.copyOfRange(content, from, Math.min(content.length, from + pieceSize));
            pieces[i] = PieceData.wrap(b);
            hashes[i] = pieces[i].sha256();
        }
        Manifest m = new Manifest(software, version, dependencies, priority, issuedAtMillis, expiresAtMillis,
                content.length, pieceSize, List.of(hashes));
        return new Release(sign(m), List.of(pieces));
    }

    /**
     * A release of {@code size} pseudo-random bytes drawn from {@code contentSeed}: what a
     * simulation uses when the content itself does not matter, only its size and hashes.
     */
    public Release syntheticRelease(SoftwareId software, Version version, List<Dependency> dependencies, int priority,
                                    int size, int pieceSize, long contentSeed) {
        return syntheticRelease(software, version, dependencies, priority, size, pieceSize, contentSeed, 0, Manifest.NEVER);
    }

    /** A synthetic release valid from {@code issuedAtMillis} until {@code expiresAtMillis}. */
    public Release syntheticRelease(SoftwareId software, Version version, List<Dependency> dependencies, int priority,
                                    int size, int pieceSize, long contentSeed, long issuedAtMillis, long expiresAtMillis) {
        byte[] content = new byte[size];
        SplittableRandom r = new SplittableRandom(contentSeed);
        for (int i = 0; i < size; i++) {
            content[i] = (byte) r.nextInt(256);
        }
        return release(software, version, dependencies, priority, content, pieceSize, issuedAtMillis, expiresAtMillis);
    }
}
