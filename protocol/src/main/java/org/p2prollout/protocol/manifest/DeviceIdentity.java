package org.p2prollout.protocol.manifest;

import java.security.KeyPair;
import java.util.Objects;
import org.p2prollout.protocol.PeerId;

/**
 * A device's own key pair and the publisher's certificate for it: what a device signs its
 * install outcomes with. The private key never leaves the device.
 */
public final class DeviceIdentity {
    private final KeyPair keys;
    private final DeviceCertificate certificate;

    public DeviceIdentity(KeyPair keys, DeviceCertificate certificate) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        if (!java.util.Arrays.equals(Ed25519.raw(keys.getPublic()), certificate.deviceKey())) {
            throw new IllegalArgumentException("the certificate is for another key");
        }
    }

    public PeerId device() {
        return certificate.device();
    }

    public DeviceCertificate certificate() {
        return certificate;
    }

    /** This device's Ed25519 signature over {@code message}. */
    public byte[] sign(byte[] message) {
        return Ed25519.sign(keys.getPrivate(), message);
    }
}
