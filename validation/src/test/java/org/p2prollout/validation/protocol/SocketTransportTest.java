package org.p2prollout.validation.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2prollout.validation.protocol.Fixtures.FW;
import static org.p2prollout.validation.protocol.Fixtures.FW1;
import static org.p2prollout.validation.protocol.Fixtures.FW2;
import static org.p2prollout.validation.protocol.Fixtures.V2;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.p2prollout.validation.protocol.node.DeviceNode;
import org.p2prollout.validation.protocol.node.ProtocolConfig;
import org.p2prollout.validation.protocol.wire.WireCodec;

/**
 * The same node code over a real TCP connection on loopback in real time: each frame is a
 * 4-byte length then the encoding, so with {@code frameHeaderBytes = 4} the bytes written to the
 * socket must equal what the nodes count as sent.
 */
class SocketTransportTest {

    /** Drives one node over one socket; all calls into the node hold its lock. */
    private static final class Endpoint implements Runnable {
        final ProtocolNode node;
        final PeerId peer;
        final Socket socket;
        final DataOutputStream out;
        final long t0;
        long written;

        Endpoint(ProtocolNode node, PeerId peer, Socket socket, long t0) throws IOException {
            this.node = node;
            this.peer = peer;
            this.socket = socket;
            this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            this.t0 = t0;
        }

        double now() {
            return (System.nanoTime() - t0) / 1e9;
        }

        void start() throws IOException {
            synchronized (node) {
                write(node.contactStarted(peer, now()));
            }
        }

        void write(List<Outgoing> frames) throws IOException {
            for (Outgoing o : frames) {
                byte[] b = WireCodec.encode(o.message());
                out.writeInt(b.length);
                out.write(b);
                written += 4 + b.length;
            }
            out.flush();
        }

        @Override
        public void run() {
            try (DataInputStream in = new DataInputStream(socket.getInputStream())) {
                while (true) {
                    byte[] frame = new byte[in.readInt()];
                    in.readFully(frame);
                    synchronized (node) {
                        write(node.receive(peer, WireCodec.decode(frame), now()));
                    }
                }
            } catch (EOFException | java.net.SocketException closed) {
                // the other side closed the connection: the contact is over
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    void twoDevicesExchangeAReleaseOverLoopbackTcp() throws Exception {
        ProtocolConfig cfg = ProtocolConfig.builder().frameHeaderBytes(4).build();
        DeviceNode a = Fixtures.device(1, cfg, FW2);
        DeviceNode b = Fixtures.device(2, cfg, FW1);
        long t0 = System.nanoTime();
        try (ServerSocket listen = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket sb = new Socket(InetAddress.getLoopbackAddress(), listen.getLocalPort());
             Socket sa = listen.accept()) {
            Endpoint ea = new Endpoint(a, b.id(), sa, t0);
            Endpoint eb = new Endpoint(b, a.id(), sb, t0);
            Thread ta = new Thread(ea, "node-a");
            Thread tb = new Thread(eb, "node-b");
            ta.start();
            tb.start();
            ea.start();
            eb.start();
            CountDownLatch done = new CountDownLatch(1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline && done.getCount() > 0) {
                synchronized (b) {
                    if (b.hasInstalled(FW, V2)) {
                        done.countDown();
                    }
                }
                Thread.sleep(5);
            }
            assertTrue(b.hasInstalled(FW, V2), "installed over TCP within 20 s");
            // let the last frames (b's re-announcement) arrive before comparing byte counts
            Thread.sleep(200);
            synchronized (a) {
                synchronized (b) {
                    assertEquals(a.counters().bytesSent(), ea.written);
                    assertEquals(b.counters().bytesSent(), eb.written);
                    assertEquals(3, b.counters().piecesFromPeers());
                }
            }
            sa.close();
            sb.close();
            ta.join(5000);
            tb.join(5000);
        }
    }
}
