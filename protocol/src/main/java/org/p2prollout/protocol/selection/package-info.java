/**
 * Piece selection: {@link org.p2prollout.protocol.selection.PiecePolicy}, the project's one
 * piece-policy type (its labels and {@code parse} are what scenario files, sweeps and the
 * command line accept), and the candidates a node ranks.
 *
 * <p>May import: the JDK, {@code org.p2prollout.core} and the protocol's root package.
 */
package org.p2prollout.protocol.selection;
