package org.p2prollout.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2prollout.protocol.Fixtures.FW2;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.p2prollout.protocol.MalformedMessageException;
import org.p2prollout.protocol.manifest.Manifest;

/** Issue 13 item 4, endless data: a maximum message size, checked before anything is allocated. */
class WireFramesTest {

    @Test
    void theLimitHoldsTheLargestPieceAndManifest() {
        assertEquals(16 * 1024 * 1024 + 64, WireCodec.MAX_MESSAGE_BYTES);
        assertTrue(WireSizes.piece(Manifest.MAX_PIECE_SIZE) <= WireCodec.MAX_MESSAGE_BYTES);
        assertTrue(WireSizes.manifestResponse(255, Manifest.MAX_PIECES) <= WireCodec.MAX_MESSAGE_BYTES);
    }

    @Test
    void aDeclaredLengthAboveTheLimitIsRefusedOverTcpAfterFourBytes() throws Exception {
        try (ServerSocket listen = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket attacker = new Socket(listen.getInetAddress(), listen.getLocalPort());
             Socket victim = listen.accept()) {
            OutputStream out = attacker.getOutputStream();
            // declares 2^31 - 1 bytes and sends none of them: a reader that allocated first would
            // ask for 2 GiB (and then block forever waiting for the data)
            out.write(new byte[] {0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
            out.flush();
            CountingInput counted = new CountingInput(victim.getInputStream());
            MalformedMessageException e = assertThrows(MalformedMessageException.class,
                    () -> WireFrames.read(new DataInputStream(counted)));
            assertTrue(e.getMessage().contains("2147483647"), e.getMessage());
            assertEquals(4, counted.read);
        }
    }

    @Test
    void oneByteAboveTheLimitIsRefusedAndTheLimitItselfIsRead() throws Exception {
        byte[] over = {0x01, 0x00, 0x00, 0x41};   // 16 MiB + 65
        assertThrows(MalformedMessageException.class,
                () -> WireFrames.read(new DataInputStream(new ByteArrayInputStream(over))));
        assertThrows(MalformedMessageException.class,
                () -> WireFrames.read(new DataInputStream(new ByteArrayInputStream(new byte[4]))), "length 0");
        assertThrows(MalformedMessageException.class, () -> WireCodec.decode(new byte[WireCodec.MAX_MESSAGE_BYTES + 1]));
        // a genuine frame round-trips through the stream framing
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int n = WireFrames.write(new DataOutputStream(bytes), new ManifestResponse(FW2.manifest()));
        assertEquals(4 + new ManifestResponse(FW2.manifest()).encodedSize(), n);
        byte[] frame = WireFrames.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(new ManifestResponse(FW2.manifest()), WireCodec.decode(frame));
    }

    private static final class CountingInput extends InputStream {
        private final InputStream in;
        int read;

        CountingInput(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws java.io.IOException {
            int b = in.read();
            if (b >= 0) {
                read++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                read += n;
            }
            return n;
        }
    }
}
