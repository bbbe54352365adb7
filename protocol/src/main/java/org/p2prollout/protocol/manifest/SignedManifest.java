package org.p2prollout.protocol.manifest;

import java.security.PublicKey;
import java.util.Objects;
import org.p2prollout.protocol.ByteReader;
import org.p2prollout.protocol.ByteWriter;
import org.p2prollout.protocol.MalformedMessageException;

/**
 * A manifest with the publisher's Ed25519 signature over its canonical encoding. Immutable.
 * Nothing about a release may be trusted (and no piece requested) until {@link #verify} returns
 * true for the publisher's key.
 *
 * <p>Encoding: i32 body length, the manifest body, then the 64-byte signature; so
 * {@link #encodedSize()} is {@code 4 + manifest.encodedSize() + 64}.
 */
public final class SignedManifest {
    /** Length of an Ed25519 signature in bytes. */
    public static final int SIGNATURE_LENGTH = 64;

    private final Manifest manifest;
    private final byte[] signature;
    /** The last key checked and its verdict: sound to keep because this object is immutable. */
    private volatile Verdict lastVerdict;

    private record Verdict(PublicKey key, boolean valid) {
    }

    public SignedManifest(Manifest manifest, byte[] signature) {
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        if (signature.length != SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 signature is 64 bytes, got " + signature.length);
        }
        this.signature = signature.clone();
    }

    public Manifest manifest() {
        return manifest;
    }

    /** The release's identity: {@link Manifest#digest()}. */
    public Digest digest() {
        return manifest.digest();
    }

    public byte[] signature() {
        return signature.clone();
    }

    /**
     * Whether the signature is the one {@code publisherKey} (Ed25519) made over the manifest body.
     * The verdict for the last key is remembered in this (immutable) object: in a simulation the
     * same instance travels from device to device and is verified once, not once per device
     * (the JDK's Ed25519 costs about a millisecond per check); a manifest decoded from the wire
     * is a new instance and is checked afresh.
     */
    public boolean verify(PublicKey publisherKey) {
        Verdict v = lastVerdict;
        if (v != null && (v.key() == publisherKey || v.key().equals(publisherKey))) {
            return v.valid();
        }
        boolean valid = verifyNow(publisherKey);
        lastVerdict = new Verdict(publisherKey, valid);
        return valid;
    }

    private boolean verifyNow(PublicKey publisherKey) {
        return Ed25519.verify(publisherKey, manifest.encode(), signature);
    }

    public int encodedSize() {
        return 4 + manifest.encodedSize() + SIGNATURE_LENGTH;
    }

    public void writeTo(ByteWriter w) {
        byte[] body = manifest.encode();
        w.i32(body.length).bytes(body).bytes(signature);
    }

    public static SignedManifest decode(ByteReader r) {
        int bodyLength = r.u31("manifest length");
        if (bodyLength > r.remaining()) {
            throw new MalformedMessageException("manifest length " + bodyLength + " exceeds the " + r.remaining() + " bytes that follow");
        }
        ByteReader body = new ByteReader(r.bytes(bodyLength, "manifest body"));
        Manifest m = Manifest.decode(body);
        body.expectEnd("manifest body");
        return new SignedManifest(m, r.bytes(SIGNATURE_LENGTH, "manifest signature"));
    }

    /** Same manifest and same signature bytes. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SignedManifest m && m.manifest.equals(manifest) && java.util.Arrays.equals(m.signature, signature);
    }

    @Override
    public int hashCode() {
        return 31 * manifest.hashCode() + java.util.Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "signed " + manifest;
    }
}
