package org.p2prollout.protocol.wire;

import org.p2prollout.protocol.manifest.Digest;
import org.p2prollout.protocol.manifest.SignedManifest;

/**
 * Encoded sizes of the protocol's messages, in bytes, without the per-frame header: the one
 * source for every model of the protocol's traffic (both device implementations of the
 * simulator). Each figure follows the layout written by {@link WireCodec} and documented on the
 * message types and in docs/PROTOCOL.md; {@code WireSizesTest} encodes real messages and checks
 * their lengths against these functions.
 *
 * <p>Name lengths are UTF-8 byte counts (0..255); piece counts are K &gt;= 1.
 */
public final class WireSizes {
    /** Manifest request: tag and the manifest digest. */
    public static final int MANIFEST_REQUEST = ManifestRequest.SIZE;
    /** Piece request: tag, manifest digest, u32 piece index. */
    public static final int PIECE_REQUEST = PieceRequest.SIZE;
    /** A piece frame's bytes besides the piece data: tag, manifest digest, u32 index, u32 length. */
    public static final int PIECE_OVERHEAD = Piece.OVERHEAD;
    /** Piece unavailable: tag, manifest digest, u32 index, u8 reason. */
    public static final int PIECE_UNAVAILABLE = PieceUnavailable.SIZE;
    /** An announcement's fixed part: tag, u8 flags and three u16 counts. */
    public static final int ANNOUNCEMENT_FIXED = 1 + 1 + 2 + 2 + 2;
    /** Bytes per peer in an announcement's met-last list (a 64-bit peer id). */
    public static final int MET_LAST_ENTRY = 8;
    /** Hello: tag, device certificate, Ed25519 signature over sender and receiver. */
    public static final int HELLO = Hello.SIZE;
    /** One outcome of an install report: device certificate, digest, u8 success, i64 time, signature. */
    public static final int INSTALL_OUTCOME = InstallReport.OUTCOME_SIZE;

    private WireSizes() {
    }

    /** One installed release in an announcement: u8 name length, name, 3 x u16 version, digest. */
    public static int inventoryItem(int nameBytes) {
        return 1 + nameBytes + 6 + Digest.LENGTH;
    }

    /** One download in an announcement: its item and a bitfield of {@code pieces} bits (u32 count + bytes). */
    public static int downloadState(int nameBytes, int pieces) {
        return inventoryItem(nameBytes) + 4 + (pieces + 7) / 8;
    }

    /**
     * An announcement naming {@code installed} releases and {@code downloads} downloads in
     * progress, all of software named with {@code nameBytes} bytes and releases of {@code pieces}
     * pieces, and {@code metLast} recently met peers.
     */
    public static int announcement(int installed, int downloads, int nameBytes, int pieces, int metLast) {
        return ANNOUNCEMENT_FIXED + installed * inventoryItem(nameBytes) + downloads * downloadState(nameBytes, pieces)
                + MET_LAST_ENTRY * metLast;
    }

    /**
     * A manifest's body for a release without dependencies: name, version, u16 dependency count,
     * i32 priority, i64 issued at, i64 expires at, i64 size, i32 piece size, i32 piece count, a
     * SHA-256 hash per piece.
     */
    public static int manifestBody(int nameBytes, int pieces) {
        return 1 + nameBytes + 6 + 2 + 4 + 8 + 8 + 8 + 4 + 4 + Digest.LENGTH * pieces;
    }

    /** Manifest response for a release without dependencies: tag, u32 body length, body, Ed25519 signature. */
    public static int manifestResponse(int nameBytes, int pieces) {
        return 1 + 4 + manifestBody(nameBytes, pieces) + SignedManifest.SIGNATURE_LENGTH;
    }

    /** An install report carrying {@code outcomes} (1..65535) signed outcomes: tag, u16 count, the outcomes. */
    public static int installReport(int outcomes) {
        return 1 + 2 + INSTALL_OUTCOME * outcomes;
    }

    /** A piece frame carrying {@code pieceBytes} bytes of data. */
    public static long piece(long pieceBytes) {
        return PIECE_OVERHEAD + pieceBytes;
    }
}
