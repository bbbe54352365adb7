package org.p2prollout.protocol.manifest;

import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A {@link TrustRoot} with the signatures of some of the root keys (each by one key). */
public final class SignedRoot {
    /** One root key's signature over the root. */
    public record KeySignature(PublicKey key, byte[] signature) {
        public KeySignature {
            Objects.requireNonNull(key, "key");
            signature = signature.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }
    }

    private final TrustRoot root;
    private final List<KeySignature> signatures;

    public SignedRoot(TrustRoot root, List<KeySignature> signatures) {
        this.root = Objects.requireNonNull(root, "root");
        this.signatures = List.copyOf(signatures);
    }

    /** {@code root} signed by each of {@code signers} (root key pairs). */
    public static SignedRoot sign(TrustRoot root, List<KeyPair> signers) {
        byte[] bytes = root.signedBytes();
        List<KeySignature> sigs = new ArrayList<>();
        for (KeyPair k : signers) {
            sigs.add(new KeySignature(k.getPublic(), Ed25519.sign(k.getPrivate(), bytes)));
        }
        return new SignedRoot(root, sigs);
    }

    public TrustRoot root() {
        return root;
    }

    public List<KeySignature> signatures() {
        return signatures;
    }

    /** How many distinct keys of {@code keys} made a valid signature over this root. */
    public int validSignaturesBy(List<PublicKey> keys) {
        byte[] bytes = root.signedBytes();
        Set<PublicKey> counted = new HashSet<>();
        for (KeySignature s : signatures) {
            if (keys.contains(s.key()) && !counted.contains(s.key()) && Ed25519.verify(s.key(), bytes, s.signature())) {
                counted.add(s.key());
            }
        }
        return counted.size();
    }
}
