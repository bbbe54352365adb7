package org.p2prollout.protocol.manifest;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.List;
import java.util.Objects;
import org.p2prollout.protocol.ByteWriter;
import org.p2prollout.protocol.Version;

/**
 * Root metadata after TUF: the keys a device trusts, versioned and signed by a threshold of
 * root keys that stay offline. It names the publisher keys that may sign manifests (so one
 * compromised online key can be revoked by a new root that leaves it out), the root keys and
 * how many of them must sign the next root (k of n), an expiry (a device that hears of no newer
 * root stops accepting manifests after it: freeze), and a version ceiling: no manifest above it
 * is accepted, whoever signed it, so a stolen publisher key cannot pin the fleet at
 * 65535.65535.65535 (the root raises the ceiling release by release).
 *
 * @param version         root version, &gt;= 1; each rotation adds exactly 1
 * @param expiresAtMillis from when the root no longer admits manifests
 * @param threshold       k: how many of {@code rootKeys} must sign this root and the next, in [1, n]
 * @param rootKeys        the n root keys (offline)
 * @param publisherKeys   keys that may sign manifests and device certificates (online), &gt;= 1
 * @param versionCeiling  highest release version admitted
 */
public record TrustRoot(int version, long expiresAtMillis, int threshold, List<PublicKey> rootKeys,
                        List<PublicKey> publisherKeys, Version versionCeiling) {
    private static final byte[] CONTEXT = "p2p-rollout root v1".getBytes(StandardCharsets.US_ASCII);

    public TrustRoot {
        rootKeys = List.copyOf(rootKeys);
        publisherKeys = List.copyOf(publisherKeys);
        Objects.requireNonNull(versionCeiling, "versionCeiling");
        if (version < 1) {
            throw new IllegalArgumentException("root version must be >= 1, got " + version);
        }
        if (threshold < 1 || threshold > rootKeys.size()) {
            throw new IllegalArgumentException("root threshold must be in [1, " + rootKeys.size() + "], got " + threshold);
        }
        if (publisherKeys.isEmpty()) {
            throw new IllegalArgumentException("a root names at least one publisher key");
        }
    }

    /** The bytes root keys sign: every field, keys as raw Ed25519 bytes. */
    public byte[] signedBytes() {
        ByteWriter w = new ByteWriter(CONTEXT.length + 4 + 8 + 4 + 4 + 32 * (rootKeys.size() + publisherKeys.size()) + 6);
        w.bytes(CONTEXT).i32(version).i64(expiresAtMillis).i32(threshold).u16(rootKeys.size());
        for (PublicKey k : rootKeys) {
            w.bytes(Ed25519.raw(k));
        }
        w.u16(publisherKeys.size());
        for (PublicKey k : publisherKeys) {
            w.bytes(Ed25519.raw(k));
        }
        Manifest.writeVersion(w, versionCeiling);
        return w.toByteArray();
    }
}
