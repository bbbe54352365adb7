package org.p2prollout.protocol.selection;

import org.p2prollout.protocol.manifest.Digest;

/** Piece {@code index} (0-based) of release {@code release}, chosen to be requested. */
public record PieceChoice(Digest release, int index) {
}
