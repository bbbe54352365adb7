package org.p2prollout.protocol.wire;

import java.util.Objects;
import org.p2prollout.protocol.ByteWriter;
import org.p2prollout.protocol.manifest.Digest;

/** Asks a peer for the signed manifest with this digest. Encoding: tag, 32-byte digest (33 bytes). */
public record ManifestRequest(Digest manifestDigest) implements Message {
    public static final int SIZE = 1 + Digest.LENGTH;

    public ManifestRequest {
        Objects.requireNonNull(manifestDigest, "manifestDigest");
    }

    @Override
    public MessageKind kind() {
        return MessageKind.MANIFEST_REQUEST;
    }

    @Override
    public int encodedSize() {
        return SIZE;
    }

    @Override
    public void writeBody(ByteWriter w) {
        w.bytes(manifestDigest.toBytes());
    }
}
