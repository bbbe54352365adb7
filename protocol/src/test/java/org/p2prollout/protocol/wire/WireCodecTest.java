package org.p2prollout.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2prollout.protocol.Fixtures.FW;
import static org.p2prollout.protocol.Fixtures.FW2;
import static org.p2prollout.protocol.Fixtures.FW2_NEEDS_LIB;
import static org.p2prollout.protocol.Fixtures.LIB;
import static org.p2prollout.protocol.Fixtures.V1;
import static org.p2prollout.protocol.Fixtures.V2;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.p2prollout.protocol.Fixtures;
import org.p2prollout.protocol.MalformedMessageException;
import org.p2prollout.protocol.PeerId;
import org.p2prollout.protocol.Version;
import org.p2prollout.protocol.manifest.Digest;
import org.p2prollout.protocol.manifest.PieceData;

class WireCodecTest {
    static final Digest D = FW2.digest();

    static Stream<Message> samples() {
        return Stream.of(
                new Announcement(true, List.of(new InventoryItem(FW, V2, D)),
                        List.of(new DownloadState(new InventoryItem(LIB, Version.of(3, 65535, 7), FW2_NEEDS_LIB.digest()),
                                Bitfield.of(11, 0, 7, 8, 10))),
                        List.of(PeerId.of(5), PeerId.SERVER, PeerId.of(Long.MAX_VALUE))),
                new Announcement(false, List.of(), List.of(), List.of()),
                new ManifestRequest(D),
                new ManifestResponse(FW2.manifest()),
                new ManifestResponse(FW2_NEEDS_LIB.manifest()),
                new PieceRequest(D, 2),
                new Piece(D, 2, FW2.pieces().get(2)),
                new PieceUnavailable(D, 1, PieceUnavailable.Reason.NOT_SERVING),
                new PieceUnavailable(D, 0, PieceUnavailable.Reason.NOT_HELD),
                new InstallReport(List.of(Fixtures.outcome(3, D, true, 1_000),
                        Fixtures.outcome(-7, D, false, -5))),
                Hello.from(Fixtures.identity(4), PeerId.of(9)));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void roundTripsAndSizeIsTheEncodingLength(Message m) {
        byte[] bytes = WireCodec.encode(m);
        assertEquals(m.encodedSize(), bytes.length);
        assertEquals(m, WireCodec.decode(bytes));
        assertEquals(m.kind().tag(), bytes[0]);
        assertEquals(bytes.length + 40, WireCodec.frameBytes(m, 40));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyTruncationAndAnyTrailingByteIsRejected(Message m) {
        byte[] bytes = WireCodec.encode(m);
        for (int len = 0; len < bytes.length; len++) {
            byte[] cut = Arrays.copyOf(bytes, len);
            assertThrows(MalformedMessageException.class, () -> WireCodec.decode(cut), "prefix of " + len);
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> WireCodec.decode(longer));
        assertTrue(e.getMessage().contains("trailing"), e.getMessage());
    }

    @Test
    void sizesMatchTheDocumentedLayout() {
        assertEquals(33, new ManifestRequest(D).encodedSize());
        assertEquals(37, new PieceRequest(D, 0).encodedSize());
        assertEquals(38, new PieceUnavailable(D, 0, PieceUnavailable.Reason.NOT_HELD).encodedSize());
        assertEquals(41 + 500, new Piece(D, 2, FW2.pieces().get(2)).encodedSize());
        // per outcome: certificate (8 + 32 + 64) + digest 32 + success 1 + time 8 + signature 64 = 209
        assertEquals(3 + 209 * 2, ((InstallReport) samples().toList().get(9)).encodedSize());
        // 8 + item (1 + 2 + 6 + 32) + download (1 + 3 + 6 + 32 + 4 + 2) + 3 peers * 8
        assertEquals(8 + 41 + 48 + 24, samples().findFirst().orElseThrow().encodedSize());
        // manifest with one dependency "lib": 45 + 2 + (1 + 3 + 6) + 3 * 32 = 153; response 1 + 4 + 153 + 64
        assertEquals(222, new ManifestResponse(FW2_NEEDS_LIB.manifest()).encodedSize());
    }

    @Test
    void pieceRequestBytesAreExactlyTagDigestIndex() {
        byte[] bytes = WireCodec.encode(new PieceRequest(D, 258));
        byte[] expected = new byte[37];
        expected[0] = 4;
        System.arraycopy(D.toBytes(), 0, expected, 1, 32);
        expected[35] = 1;
        expected[36] = 2;
        assertArrayEquals(expected, bytes);
    }

    @Test
    void bitfieldIsMostSignificantBitFirst() {
        Announcement a = new Announcement(true, List.of(),
                List.of(new DownloadState(new InventoryItem(FW, V1, D), Bitfield.of(11, 0, 7, 8, 10))), List.of());
        byte[] b = WireCodec.encode(a);
        // tag, flags, u16 0, then item (1 + 2 + 6 + 32 = 41 bytes), i32 11, then the 2 bitfield bytes
        int at = 1 + 1 + 2 + 2 + 41 + 4;
        assertEquals("81a0", HexFormat.of().formatHex(b, at, at + 2));
    }

    @Test
    void malformedInputsGiveClearReasons() {
        assertMessage(new byte[] {99}, "unknown message tag 99");
        assertMessage(new byte[0], "truncated message tag");

        byte[] ann = WireCodec.encode(new Announcement(true, List.of(),
                List.of(new DownloadState(new InventoryItem(FW, V1, D), Bitfield.of(11, 0))), List.of()));
        byte[] padding = ann.clone();
        padding[1 + 1 + 2 + 2 + 41 + 4 + 1] |= 0x01; // bit 15 of an 11-piece bitfield
        assertMessage(padding, "padding bit");

        byte[] flags = ann.clone();
        flags[1] = 4;
        assertMessage(flags, "unknown bits");

        byte[] badUtf8 = ann.clone();
        badUtf8[1 + 1 + 2 + 2 + 1] = (byte) 0xC3; // "fw" -> lone lead byte
        assertMessage(badUtf8, "UTF-8");

        byte[] report = WireCodec.encode(new InstallReport(List.of(Fixtures.outcome(1, D, true, 0))));
        report[report.length - 64 - 8 - 1] = 2;   // the success byte, before the time and the signature
        assertMessage(report, "outcome must be 0 or 1");

        byte[] count = WireCodec.encode(new Announcement(true, List.of(), List.of(), List.of()));
        count[3] = (byte) 200; // 200 installed items promised, none follow
        assertMessage(count, "exceeds");

        byte[] piece = WireCodec.encode(new Piece(D, 0, PieceData.copyOf(new byte[] {1, 2, 3})));
        piece[1 + 32 + 4 + 3] = 0; // declared length 0
        assertMessage(Arrays.copyOf(piece, piece.length - 3), "piece length");
    }

    @Test
    void manifestWhosePieceCountContradictsItsSizeIsRejected() {
        byte[] resp = WireCodec.encode(new ManifestResponse(FW2.manifest()));
        // body starts after tag (1) and body length (4); size field after name (3), version (6), deps (2),
        // priority (4), issued at (8), expires at (8)
        int sizeAt = 1 + 4 + 3 + 6 + 2 + 4 + 8 + 8;
        resp[sizeAt + 7] = (byte) 0xFF; // 2500 -> 2303 + ... still 3 pieces? make it 9 pieces instead:
        resp[sizeAt + 6] = 0x23; // size 0x23FF = 9215 bytes -> 10 pieces of 1000, but 3 hashes follow
        assertMessage(resp, "inconsistent manifest");
    }

    private static void assertMessage(byte[] bytes, String fragment) {
        MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> WireCodec.decode(bytes));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
