package org.p2prollout.validation.protocol.selection;

import org.p2prollout.validation.protocol.manifest.Digest;

/** Piece {@code index} (0-based) of release {@code release}, chosen to be requested. */
public record PieceChoice(Digest release, int index) {
}
