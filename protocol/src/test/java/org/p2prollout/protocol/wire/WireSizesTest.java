package org.p2prollout.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.p2prollout.protocol.Fixtures.PUBLISHER;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2prollout.protocol.PeerId;
import org.p2prollout.protocol.SoftwareId;
import org.p2prollout.protocol.Version;
import org.p2prollout.protocol.manifest.Release;

/** The size functions every traffic model uses against the lengths of real encoded messages. */
class WireSizesTest {

    @Test
    void fixedSizesAreTheLayoutAddedUpByHand() {
        // tag 1 + digest 32; + u32 index; + u32 length (docs/PROTOCOL.md)
        assertEquals(33, WireSizes.MANIFEST_REQUEST);
        assertEquals(37, WireSizes.PIECE_REQUEST);
        assertEquals(41, WireSizes.PIECE_OVERHEAD);
        assertEquals(38, WireSizes.PIECE_UNAVAILABLE);
        // hello: tag + certificate (8 + 32 + 64) + signature 64; outcome 104 + 32 + 1 + 8 + 64
        assertEquals(169, Hello.SIZE);
        assertEquals(209, org.p2prollout.protocol.wire.InstallReport.OUTCOME_SIZE);
        assertEquals(169, WireSizes.HELLO);
        assertEquals(209, WireSizes.INSTALL_OUTCOME);
        // install report: tag 1 + u16 count + 209 per outcome
        assertEquals(3, WireSizes.installReport(0));
        assertEquals(3 + 3 * 209, WireSizes.installReport(3));
        // "firmware": 1 + 8 + 6 + 32 = 47 per item; download + 4 + ceil(4/8) = 52
        assertEquals(47, WireSizes.inventoryItem(8));
        assertEquals(52, WireSizes.downloadState(8, 4));
        // manifest body 1 + 8 + 6 + 2 + 4 + 8 + 8 + 8 + 4 + 4 + 4 * 32 = 181; response 1 + 4 + 181 + 64 = 250
        assertEquals(250, WireSizes.manifestResponse(8, 4));
    }

    @Test
    void everyFunctionEqualsTheLengthOfTheEncodedMessage() {
        for (String name : List.of("fw", "firmware", "a-much-longer-software-name")) {
            for (int pieces : new int[] {1, 4, 9, 17}) {
                SoftwareId sw = SoftwareId.of(name);
                Release r = PUBLISHER.syntheticRelease(sw, Version.of(2, 0, 0), List.of(), 0, 100 * pieces, 100, pieces);
                int l = name.length();
                assertEquals(WireSizes.manifestResponse(l, pieces),
                        WireCodec.encode(new ManifestResponse(r.manifest())).length, name + " K=" + pieces);
                assertEquals(WireSizes.MANIFEST_REQUEST, WireCodec.encode(new ManifestRequest(r.digest())).length);
                assertEquals(WireSizes.PIECE_REQUEST, WireCodec.encode(new PieceRequest(r.digest(), pieces - 1)).length);
                assertEquals(WireSizes.piece(100), WireCodec.encode(new Piece(r.digest(), 0, r.pieces().get(0))).length);
                assertEquals(WireSizes.PIECE_UNAVAILABLE, WireCodec.encode(
                        new PieceUnavailable(r.digest(), 0, PieceUnavailable.Reason.NOT_HELD)).length);
                for (int installed = 0; installed <= 2; installed++) {
                    for (int downloads = 0; downloads <= 2; downloads++) {
                        for (int met : new int[] {0, 3}) {
                            List<InventoryItem> items = new ArrayList<>();
                            for (int i = 0; i < installed; i++) {
                                items.add(new InventoryItem(sw, Version.of(1, i, 0), r.digest()));
                            }
                            List<DownloadState> ds = new ArrayList<>();
                            for (int i = 0; i < downloads; i++) {
                                ds.add(new DownloadState(new InventoryItem(sw, Version.of(2, i, 0), r.digest()),
                                        Bitfield.of(pieces, 0)));
                            }
                            List<PeerId> peers = new ArrayList<>();
                            for (int i = 0; i < met; i++) {
                                peers.add(PeerId.of(i));
                            }
                            assertEquals(WireSizes.announcement(installed, downloads, l, pieces, met),
                                    WireCodec.encode(new Announcement(true, items, ds, peers)).length);
                        }
                    }
                }
            }
        }
    }

    @Test
    void helloAndInstallReportSizesEqualTheEncodedMessages() {
        Release r = PUBLISHER.syntheticRelease(SoftwareId.of("fw"), Version.of(2, 0, 0), List.of(), 0, 300, 100, 3);
        assertEquals(WireSizes.HELLO, WireCodec.encode(Hello.from(org.p2prollout.protocol.Fixtures.identity(1),
                PeerId.of(2))).length);
        for (int n : new int[] {1, 2, 5}) {
            List<InstallReport.Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                outcomes.add(InstallReport.Outcome.signed(org.p2prollout.protocol.Fixtures.identity(10 + i), r.digest(),
                        i % 2 == 0, 1000L * i));
            }
            assertEquals(WireSizes.installReport(n), WireCodec.encode(new InstallReport(outcomes)).length, "n=" + n);
        }
    }
}
