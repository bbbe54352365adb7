package org.p2prollout.protocol.wire;

import java.util.Objects;
import org.p2prollout.protocol.ByteWriter;
import org.p2prollout.protocol.manifest.SignedManifest;

/**
 * A signed manifest sent in answer to a {@link ManifestRequest}. Encoding: tag then the signed
 * manifest: {@code 1 + 4 + manifestBody + 64} bytes.
 */
public record ManifestResponse(SignedManifest manifest) implements Message {
    public ManifestResponse {
        Objects.requireNonNull(manifest, "manifest");
    }

    @Override
    public MessageKind kind() {
        return MessageKind.MANIFEST_RESPONSE;
    }

    @Override
    public int encodedSize() {
        return 1 + manifest.encodedSize();
    }

    @Override
    public void writeBody(ByteWriter w) {
        manifest.writeTo(w);
    }
}
