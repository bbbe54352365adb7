package org.p2prollout.protocol.wire;

import java.util.ArrayList;
import java.util.List;
import org.p2prollout.protocol.ByteReader;
import org.p2prollout.protocol.ByteWriter;
import org.p2prollout.protocol.MalformedMessageException;
import org.p2prollout.protocol.PeerId;
import org.p2prollout.protocol.SoftwareId;
import org.p2prollout.protocol.manifest.DeviceCertificate;
import org.p2prollout.protocol.manifest.Digest;
import org.p2prollout.protocol.manifest.Ed25519;
import org.p2prollout.protocol.manifest.Manifest;
import org.p2prollout.protocol.manifest.PieceData;
import org.p2prollout.protocol.manifest.SignedManifest;

/**
 * The binary wire encoding of every {@link Message}: one tag byte ({@link MessageKind#tag()})
 * then the fields, big-endian, as documented on each message type. A frame on a link is the
 * encoding plus a per-frame header of {@code frameHeaderBytes} that models the lower layers
 * (length prefix, transport and link headers); the header's content is not specified here.
 *
 * <p>{@link #decode} is strict: any truncation, trailing byte, unknown tag, out-of-range count,
 * invalid UTF-8, set padding bit or inconsistent manifest throws {@link MalformedMessageException}.
 */
public final class WireCodec {
    /**
     * Largest encoded message, in bytes (16 MiB + 64): a piece of {@link Manifest#MAX_PIECE_SIZE}
     * with its 41 bytes of header fits, and so does a manifest of {@link Manifest#MAX_PIECES}
     * pieces. Every transport refuses a frame declaring more before it allocates anything
     * ({@link WireFrames}); {@link #encode} and {@link #decode} refuse larger messages too.
     */
    public static final int MAX_MESSAGE_BYTES = (16 << 20) + 64;

    private WireCodec() {
    }

    /** The encoding of {@code m}; its length is {@code m.encodedSize()}. */
    public static byte[] encode(Message m) {
        if (m.encodedSize() > MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException(m.kind() + " of " + m.encodedSize() + " bytes exceeds the maximum message size "
                    + MAX_MESSAGE_BYTES);
        }
        ByteWriter w = new ByteWriter(m.encodedSize());
        w.u8(m.kind().tag());
        m.writeBody(w);
        byte[] out = w.toByteArray();
        if (out.length != m.encodedSize()) {
            throw new IllegalStateException(m.kind() + " encodedSize " + m.encodedSize() + " != encoding " + out.length);
        }
        return out;
    }

    /** Bytes a link carries for {@code m}: its encoding plus {@code frameHeaderBytes} (>= 0). */
    public static int frameBytes(Message m, int frameHeaderBytes) {
        return m.encodedSize() + frameHeaderBytes;
    }

    /** Decodes exactly one message from {@code bytes}. */
    public static Message decode(byte[] bytes) {
        if (bytes.length > MAX_MESSAGE_BYTES) {
            throw new MalformedMessageException("message of " + bytes.length + " bytes exceeds the maximum message size "
                    + MAX_MESSAGE_BYTES);
        }
        ByteReader r = new ByteReader(bytes);
        int tag = r.u8("message tag");
        MessageKind kind = MessageKind.ofTag(tag);
        if (kind == null) {
            throw new MalformedMessageException("unknown message tag " + tag + " at byte 0");
        }
        Message m = switch (kind) {
            case ANNOUNCEMENT -> readAnnouncement(r);
            case MANIFEST_REQUEST -> new ManifestRequest(readDigest(r));
            case MANIFEST_RESPONSE -> new ManifestResponse(SignedManifest.decode(r));
            case PIECE_REQUEST -> new PieceRequest(readDigest(r), readIndex(r));
            case PIECE -> readPiece(r);
            case PIECE_UNAVAILABLE -> readUnavailable(r);
            case INSTALL_REPORT -> readReport(r);
            case HELLO -> new Hello(DeviceCertificate.read(r), r.bytes(Ed25519.SIGNATURE_LENGTH, "hello signature"));
        };
        r.expectEnd(kind.name());
        return m;
    }

    private static Digest readDigest(ByteReader r) {
        return Digest.of(r.bytes(Digest.LENGTH, "manifest digest"));
    }

    private static int readIndex(ByteReader r) {
        return r.u31("piece index");
    }

    private static int count(ByteReader r, String field, int minBytesEach) {
        int n = r.u16(field);
        if ((long) n * minBytesEach > r.remaining()) {
            throw new MalformedMessageException(field + " " + n + " exceeds the " + r.remaining() + " bytes that follow");
        }
        return n;
    }

    private static Announcement readAnnouncement(ByteReader r) {
        int flags = r.u8("announcement flags");
        if ((flags & ~1) != 0) {
            throw new MalformedMessageException("announcement flags " + flags + " has unknown bits set");
        }
        int n = count(r, "installed count", 40);
        List<InventoryItem> installed = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            installed.add(InventoryItem.read(r));
        }
        int d = count(r, "download count", 45);
        List<DownloadState> downloads = new ArrayList<>(d);
        for (int i = 0; i < d; i++) {
            downloads.add(DownloadState.read(r));
        }
        int p = count(r, "met-last count", 8);
        List<PeerId> met = new ArrayList<>(p);
        for (int i = 0; i < p; i++) {
            met.add(new PeerId(r.i64("met-last peer")));
        }
        return new Announcement(flags == 1, installed, downloads, met);
    }

    private static Piece readPiece(ByteReader r) {
        Digest d = readDigest(r);
        int index = readIndex(r);
        int len = r.u31("piece length");
        if (len < 1 || len > Manifest.MAX_PIECE_SIZE) {
            throw new MalformedMessageException("piece length must be in [1, " + Manifest.MAX_PIECE_SIZE + "], got " + len);
        }
        return new Piece(d, index, PieceData.wrap(r.bytes(len, "piece data")));
    }

    private static PieceUnavailable readUnavailable(ByteReader r) {
        Digest d = readDigest(r);
        int index = readIndex(r);
        int reason = r.u8("unavailable reason");
        PieceUnavailable.Reason[] reasons = PieceUnavailable.Reason.values();
        if (reason >= reasons.length) {
            throw new MalformedMessageException("unknown unavailable reason " + reason);
        }
        return new PieceUnavailable(d, index, reasons[reason]);
    }

    private static InstallReport readReport(ByteReader r) {
        int n = count(r, "outcome count", InstallReport.OUTCOME_SIZE);
        if (n == 0) {
            throw new MalformedMessageException("install report must hold at least one outcome");
        }
        List<InstallReport.Outcome> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            DeviceCertificate cert = DeviceCertificate.read(r);
            Digest d = readDigest(r);
            int ok = r.u8("install outcome");
            if (ok > 1) {
                throw new MalformedMessageException("install outcome must be 0 or 1, got " + ok);
            }
            long time = r.i64("install time");
            byte[] sig = r.bytes(Ed25519.SIGNATURE_LENGTH, "outcome signature");
            out.add(new InstallReport.Outcome(cert, d, ok == 1, time, sig));
        }
        return new InstallReport(out);
    }

    static SoftwareId readName(ByteReader r, String field) {
        String s = r.shortString(field);
        try {
            return new SoftwareId(s);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(field + ": " + e.getMessage());
        }
    }
}
