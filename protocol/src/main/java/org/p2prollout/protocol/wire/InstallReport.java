package org.p2prollout.protocol.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.p2prollout.protocol.ByteWriter;
import org.p2prollout.protocol.PeerId;
import org.p2prollout.protocol.manifest.DeviceCertificate;
import org.p2prollout.protocol.manifest.DeviceIdentity;
import org.p2prollout.protocol.manifest.Digest;
import org.p2prollout.protocol.manifest.Ed25519;

/**
 * Gossip of installation outcomes: which device installed which release, when, and whether it
 * succeeded or was rolled back, each outcome signed by the device that installed under the
 * publisher's certificate for its key (see {@link DeviceCertificate}), so that nobody can speak
 * for a device but the device itself.
 *
 * <p>Encoding: tag, u16 count, then per outcome the device certificate ({@value DeviceCertificate#SIZE}
 * bytes), 32-byte manifest digest, u8 success, i64 install time (milliseconds on the installing
 * device's clock), 64-byte device signature over
 * {@code "p2p-rollout install outcome v1" || i64 device || digest || u8 success || i64 time}:
 * {@code 3 + 209 * outcomes} bytes.
 */
public record InstallReport(List<Outcome> outcomes) implements Message {
    /** Bytes per outcome. */
    public static final int OUTCOME_SIZE = DeviceCertificate.SIZE + Digest.LENGTH + 1 + 8 + Ed25519.SIGNATURE_LENGTH;

    /** One device's signed result of installing one release. Immutable; equal when every field is. */
    public static final class Outcome {
        private static final byte[] CONTEXT = "p2p-rollout install outcome v1".getBytes(StandardCharsets.US_ASCII);
        private final DeviceCertificate certificate;
        private final Digest manifestDigest;
        private final boolean success;
        private final long timeMillis;
        private final byte[] signature;
        /** The last publisher key checked and its verdict. */
        private volatile Object[] lastVerdict;

        public Outcome(DeviceCertificate certificate, Digest manifestDigest, boolean success, long timeMillis,
                       byte[] signature) {
            this.certificate = Objects.requireNonNull(certificate, "certificate");
            this.manifestDigest = Objects.requireNonNull(manifestDigest, "manifestDigest");
            this.success = success;
            this.timeMillis = timeMillis;
            if (signature.length != Ed25519.SIGNATURE_LENGTH) {
                throw new IllegalArgumentException("an outcome signature is 64 bytes, got " + signature.length);
            }
            this.signature = signature.clone();
        }

        /** The outcome {@code device} signs for its own install of {@code release} at {@code timeMillis}. */
        public static Outcome signed(DeviceIdentity device, Digest release, boolean success, long timeMillis) {
            return new Outcome(device.certificate(), release, success, timeMillis,
                    device.sign(signedBytes(device.device(), release, success, timeMillis)));
        }

        static byte[] signedBytes(PeerId device, Digest release, boolean success, long timeMillis) {
            return ByteBuffer.allocate(CONTEXT.length + 8 + Digest.LENGTH + 1 + 8).put(CONTEXT).putLong(device.value())
                    .put(release.toBytes()).put((byte) (success ? 1 : 0)).putLong(timeMillis).array();
        }

        /** The installing device, as its certificate names it. */
        public PeerId device() {
            return certificate.device();
        }

        public DeviceCertificate certificate() {
            return certificate;
        }

        public Digest manifestDigest() {
            return manifestDigest;
        }

        public boolean success() {
            return success;
        }

        /** When the device installed (or rolled back), milliseconds on its clock. */
        public long timeMillis() {
            return timeMillis;
        }

        public byte[] signature() {
            return signature.clone();
        }

        /**
         * Whether the certificate verifies with {@code publisherKey} and the certified device
         * signed this outcome. Remembered for the last key checked (one instance travels through
         * a simulation and is checked once).
         */
        public boolean verify(PublicKey publisherKey) {
            Object[] v = lastVerdict;
            if (v != null && (v[0] == publisherKey || v[0].equals(publisherKey))) {
                return (Boolean) v[1];
            }
            boolean ok = certificate.verify(publisherKey) && Ed25519.verify(certificate.publicKey(),
                    signedBytes(certificate.device(), manifestDigest, success, timeMillis), signature);
            lastVerdict = new Object[] {publisherKey, ok};
            return ok;
        }

        void writeTo(ByteWriter w) {
            certificate.writeTo(w);
            w.bytes(manifestDigest.toBytes()).u8(success ? 1 : 0).i64(timeMillis).bytes(signature);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Outcome x && certificate.equals(x.certificate) && manifestDigest.equals(x.manifestDigest)
                    && success == x.success && timeMillis == x.timeMillis && Arrays.equals(signature, x.signature);
        }

        @Override
        public int hashCode() {
            return Objects.hash(certificate, manifestDigest, success, timeMillis);
        }

        @Override
        public String toString() {
            return "Outcome[" + device() + ", " + manifestDigest + ", " + (success ? "installed" : "rolled back")
                    + " at " + timeMillis + " ms]";
        }
    }

    public InstallReport {
        outcomes = List.copyOf(outcomes);
        if (outcomes.isEmpty() || outcomes.size() > 0xFFFF) {
            throw new IllegalArgumentException("an install report holds 1 to 65535 outcomes, got " + outcomes.size());
        }
    }

    @Override
    public MessageKind kind() {
        return MessageKind.INSTALL_REPORT;
    }

    @Override
    public int encodedSize() {
        return 3 + OUTCOME_SIZE * outcomes.size();
    }

    @Override
    public void writeBody(ByteWriter w) {
        w.u16(outcomes.size());
        for (Outcome o : outcomes) {
            o.writeTo(w);
        }
    }
}
