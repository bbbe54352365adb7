package org.p2prollout.protocol.manifest;

import java.util.List;
import java.util.Objects;

/**
 * A signed manifest together with the bytes of every piece: what the publisher hands the
 * infrastructure server (and what a device has once it holds every piece).
 *
 * @param manifest the signed manifest
 * @param pieces piece {@code i} matches {@code manifest.manifest().pieceHash(i)}
 */
public record Release(SignedManifest manifest, List<PieceData> pieces) {
    public Release {
        Objects.requireNonNull(manifest, "manifest");
        pieces = List.copyOf(pieces);
        Manifest m = manifest.manifest();
        if (pieces.size() != m.pieceCount()) {
            throw new IllegalArgumentException("release " + m.software() + " " + m.version() + " needs "
                    + m.pieceCount() + " pieces, got " + pieces.size());
        }
        for (int i = 0; i < pieces.size(); i++) {
            if (pieces.get(i).length() != m.pieceLength(i) || !pieces.get(i).sha256().equals(m.pieceHash(i))) {
                throw new IllegalArgumentException("piece " + i + " of " + m.software() + " " + m.version()
                        + " does not match its manifest hash");
            }
        }
    }

    public Digest digest() {
        return manifest.digest();
    }
}
