package org.p2prollout.protocol.manifest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Objects;
import org.p2prollout.protocol.ByteReader;
import org.p2prollout.protocol.ByteWriter;
import org.p2prollout.protocol.PeerId;

/**
 * The publisher's statement that the device with id {@code device} holds the Ed25519 key
 * {@code deviceKey}: the trust model of install reports is publisher-certified device keys
 * (the publisher, or a provisioning service holding its key, certifies each device's key when
 * the device is made). A device accepts another's signed statements only under a certificate
 * that verifies with the publisher key it trusts.
 *
 * <p>Encoding: i64 device id, 32-byte raw key, 64-byte publisher signature over
 * {@code "p2p-rollout device certificate v1" || i64 id || key}: {@value #SIZE} bytes.
 */
public final class DeviceCertificate {
    public static final int SIZE = 8 + Ed25519.KEY_LENGTH + Ed25519.SIGNATURE_LENGTH;
    private static final byte[] CONTEXT = "p2p-rollout device certificate v1".getBytes(StandardCharsets.US_ASCII);

    private final PeerId device;
    private final byte[] deviceKey;
    private final byte[] publisherSignature;
    /** The last publisher key checked and its verdict (this object is immutable). */
    private volatile Object[] lastVerdict;
    private volatile PublicKey key;

    public DeviceCertificate(PeerId device, byte[] deviceKey, byte[] publisherSignature) {
        this.device = Objects.requireNonNull(device, "device");
        if (deviceKey.length != Ed25519.KEY_LENGTH || publisherSignature.length != Ed25519.SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("a device certificate holds a 32-byte key and a 64-byte signature");
        }
        this.deviceKey = deviceKey.clone();
        this.publisherSignature = publisherSignature.clone();
    }

    /** The bytes the publisher signs for {@code device} and {@code rawKey}. */
    static byte[] signedBytes(PeerId device, byte[] rawKey) {
        return ByteBuffer.allocate(CONTEXT.length + 8 + rawKey.length).put(CONTEXT).putLong(device.value())
                .put(rawKey).array();
    }

    public PeerId device() {
        return device;
    }

    public byte[] deviceKey() {
        return deviceKey.clone();
    }

    /** The device's public key, or null if the certificate's key bytes are not a valid key. */
    public PublicKey publicKey() {
        PublicKey k = key;
        if (k == null) {
            k = Ed25519.publicKey(deviceKey);
            key = k;
        }
        return k;
    }

    /**
     * Whether {@code publisherKey} signed this certificate. Remembered for the last key checked:
     * in a simulation one instance travels from device to device and is checked once.
     */
    public boolean verify(PublicKey publisherKey) {
        Object[] v = lastVerdict;
        if (v != null && (v[0] == publisherKey || v[0].equals(publisherKey))) {
            return (Boolean) v[1];
        }
        boolean ok = publicKey() != null
                && Ed25519.verify(publisherKey, signedBytes(device, deviceKey), publisherSignature);
        lastVerdict = new Object[] {publisherKey, ok};
        return ok;
    }

    public void writeTo(ByteWriter w) {
        w.i64(device.value()).bytes(deviceKey).bytes(publisherSignature);
    }

    public static DeviceCertificate read(ByteReader r) {
        PeerId id = new PeerId(r.i64("certified device"));
        byte[] k = r.bytes(Ed25519.KEY_LENGTH, "device key");
        byte[] s = r.bytes(Ed25519.SIGNATURE_LENGTH, "certificate signature");
        return new DeviceCertificate(id, k, s);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceCertificate c && device.equals(c.device) && Arrays.equals(deviceKey, c.deviceKey)
                && Arrays.equals(publisherSignature, c.publisherSignature);
    }

    @Override
    public int hashCode() {
        return device.hashCode() * 31 + Arrays.hashCode(deviceKey);
    }

    @Override
    public String toString() {
        return "DeviceCertificate[" + device + "]";
    }
}
