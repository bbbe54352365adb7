package org.p2prollout.protocol.manifest;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Ed25519 as the protocol uses it: raw 32-byte public keys on the wire, 64-byte signatures. */
public final class Ed25519 {
    /** Bytes of a raw public key. */
    public static final int KEY_LENGTH = 32;
    /** Bytes of a signature. */
    public static final int SIGNATURE_LENGTH = 64;
    /** The fixed X.509 SubjectPublicKeyInfo prefix of every Ed25519 public key (RFC 8410). */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private Ed25519() {
    }

    /** A key pair derived from {@code seed}: the same seed gives the same keys (simulations, tests). */
    public static KeyPair keyPair(long seed) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(NamedParameterSpec.ED25519, new SeededRandom(seed));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK 15+ provides Ed25519", e);
        }
    }

    /** The raw 32 bytes of an Ed25519 public key. */
    public static byte[] raw(PublicKey key) {
        byte[] enc = key.getEncoded();
        if (enc.length != X509_PREFIX.length + KEY_LENGTH) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
        }
        return Arrays.copyOfRange(enc, X509_PREFIX.length, enc.length);
    }

    /** The public key with raw bytes {@code raw}, or null if they are not a valid key. */
    public static PublicKey publicKey(byte[] raw) {
        if (raw.length != KEY_LENGTH) {
            return null;
        }
        byte[] enc = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + KEY_LENGTH);
        System.arraycopy(raw, 0, enc, X509_PREFIX.length, KEY_LENGTH);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(enc));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether {@code signature} is {@code key}'s over {@code message}; false for a null or wrong-kind key. */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (key == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Feeds the key generator from a SplittableRandom so keys are reproducible from a seed. */
    private static final class SeededRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final transient SplittableRandom random;

        SeededRandom(long seed) {
            this.random = new SplittableRandom(seed);
        }

        @Override
        public void nextBytes(byte[] bytes) {
            random.nextBytes(bytes);
        }
    }
}
