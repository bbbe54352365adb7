package org.p2prollout.protocol.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.p2prollout.protocol.ByteWriter;
import org.p2prollout.protocol.PeerId;
import org.p2prollout.protocol.manifest.DeviceCertificate;
import org.p2prollout.protocol.manifest.DeviceIdentity;
import org.p2prollout.protocol.manifest.Ed25519;

/**
 * The first frame of a contact when peers authenticate ({@code ProtocolConfig.authenticatePeers}):
 * the sender's publisher certificate and its signature over {@code "p2p-rollout hello v1" ||
 * i64 sender || i64 receiver}, so a peer id is bound to a certified key and a ban on it sticks.
 * Encoding: tag, certificate ({@value DeviceCertificate#SIZE} bytes), 64-byte signature:
 * {@value #SIZE} bytes.
 */
public final class Hello implements Message {
    public static final int SIZE = 1 + DeviceCertificate.SIZE + Ed25519.SIGNATURE_LENGTH;
    private static final byte[] CONTEXT = "p2p-rollout hello v1".getBytes(StandardCharsets.US_ASCII);

    private final DeviceCertificate certificate;
    private final byte[] signature;

    public Hello(DeviceCertificate certificate, byte[] signature) {
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        if (signature.length != Ed25519.SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("a hello signature is 64 bytes, got " + signature.length);
        }
        this.signature = signature.clone();
    }

    /** {@code sender}'s hello to {@code receiver}. */
    public static Hello from(DeviceIdentity sender, PeerId receiver) {
        return new Hello(sender.certificate(), sender.sign(signedBytes(sender.device(), receiver)));
    }

    /** The bytes a hello from {@code sender} to {@code receiver} signs. */
    public static byte[] signedBytes(PeerId sender, PeerId receiver) {
        return ByteBuffer.allocate(CONTEXT.length + 16).put(CONTEXT).putLong(sender.value()).putLong(receiver.value())
                .array();
    }

    public DeviceCertificate certificate() {
        return certificate;
    }

    public byte[] signature() {
        return signature.clone();
    }

    /** Whether the certified key signed this hello as {@code sender} to {@code receiver}. */
    public boolean signedBy(PeerId sender, PeerId receiver) {
        return certificate.device().equals(sender)
                && Ed25519.verify(certificate.publicKey(), signedBytes(sender, receiver), signature);
    }

    @Override
    public MessageKind kind() {
        return MessageKind.HELLO;
    }

    @Override
    public int encodedSize() {
        return SIZE;
    }

    @Override
    public void writeBody(ByteWriter w) {
        certificate.writeTo(w);
        w.bytes(signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hello h && certificate.equals(h.certificate) && Arrays.equals(signature, h.signature);
    }

    @Override
    public int hashCode() {
        return certificate.hashCode() * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "Hello[" + certificate.device() + "]";
    }
}
