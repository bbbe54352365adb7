package org.p2prollout.protocol.manifest;

import java.nio.ByteBuffer;
import java.security.PublicKey;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks signed manifests against the publisher's Ed25519 key, optionally remembering results.
 *
 * <p>Ed25519 verification in the JDK costs about a millisecond (several under load).
 * {@link SignedManifest#verify} already remembers its verdict per instance, which covers a
 * simulation passing one instance around; a {@link #caching} verifier also covers equal
 * manifests that arrive as distinct instances (decoded from bytes). It remembers each (manifest digest, signature) it checked and its
 * verdict; that is sound because the verdict is a pure function of the manifest bytes (pinned
 * by their SHA-256), the signature bytes and the key. A simulation shares one caching verifier
 * among the devices of one replication; a real device can use either.
 */
public final class ManifestVerifier {
    private record Key(Digest manifest, ByteBuffer signature) {
    }

    /** Entries kept before the cache is emptied (a simulation sees a handful of manifests). */
    static final int CAPACITY = 4096;

    private final PublicKey publisherKey;
    private final Map<Key, Boolean> cache;

    private ManifestVerifier(PublicKey publisherKey, boolean caching) {
        this.publisherKey = Objects.requireNonNull(publisherKey, "publisherKey");
        this.cache = caching ? new ConcurrentHashMap<>() : null;
    }

    /** Verifies every manifest afresh. */
    public static ManifestVerifier of(PublicKey publisherKey) {
        return new ManifestVerifier(publisherKey, false);
    }

    /** Remembers verdicts (thread-safe); share one among the devices of a simulation run. */
    public static ManifestVerifier caching(PublicKey publisherKey) {
        return new ManifestVerifier(publisherKey, true);
    }

    public PublicKey publisherKey() {
        return publisherKey;
    }

    /** Whether {@code m} carries a valid signature of the publisher over its manifest. */
    public boolean verify(SignedManifest m) {
        if (cache == null) {
            return m.verify(publisherKey);
        }
        Key k = new Key(m.digest(), ByteBuffer.wrap(m.signature()));
        Boolean known = cache.get(k);
        if (known != null) {
            return known;
        }
        boolean ok = m.verify(publisherKey);
        if (cache.size() >= CAPACITY) {
            cache.clear();
        }
        cache.put(k, ok);
        return ok;
    }
}
