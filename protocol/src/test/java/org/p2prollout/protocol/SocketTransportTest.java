package org.p2prollout.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2prollout.protocol.Fixtures.FW;
import static org.p2prollout.protocol.Fixtures.FW1;
import static org.p2prollout.protocol.Fixtures.FW2;
import static org.p2prollout.protocol.Fixtures.V2;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.p2prollout.protocol.node.DeviceNode;
import org.p2prollout.protocol.node.ProtocolConfig;
import org.p2prollout.protocol.wire.WireCodec;
import org.p2prollout.protocol.wire.WireFrames;

/**
 * The same node code over a real TCP connection on loopback in real time: each frame is a
 * 4-byte length then the encoding, so with {@code frameHeaderBytes = 4} the bytes written to the
 * socket must equal what the nodes count as sent.
 *
 * <p>The harness is deterministic about the two things the protocol leaves to the transport:
 * both nodes have the contact open (and their opening frames are on the wire) before either
 * reader thread starts, so no frame can reach a node that has not yet registered the contact;
 * and the byte counts are compared only once the exchange is quiescent (every frame written has
 * been read and handled by the other side), instead of after a fixed sleep.
 */
class SocketTransportTest {

    /** Drives one node over one socket; all calls into the node hold its lock. */
    private static final class Endpoint implements Runnable {
        final ProtocolNode node;
        final PeerId peer;
        final Socket socket;
        final DataOutputStream out;
        final long t0;
        /** Frame bytes written to the socket, header included; guarded by {@code node}. */
        long written;
        /** Frame bytes read and handled by the node, header included; guarded by {@code node}. */
        long handled;
        /** What stopped the reader thread other than the connection closing, if anything. */
        volatile Throwable failure;

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

        /**
         * Opens the contact at the node and puts its opening frames on the wire. Called before
         * either reader thread starts; the frames wait in the loopback socket buffers.
         */
        void openContact() throws IOException {
            synchronized (node) {
                write(node.contactStarted(peer, now()));
            }
        }

        void write(List<Outgoing> frames) throws IOException {
            for (Outgoing o : frames) {
                written += WireFrames.write(out, o.message());
            }
            out.flush();
        }

        @Override
        public void run() {
            try (DataInputStream in = new DataInputStream(socket.getInputStream())) {
                while (true) {
                    byte[] frame = WireFrames.read(in);
                    synchronized (node) {
                        write(node.receive(peer, WireCodec.decode(frame), now()));
                        handled += 4 + frame.length;
                    }
                }
            } catch (EOFException | java.net.SocketException closed) {
                // the other side closed the connection: the contact is over
            } catch (Throwable e) {
                failure = e;
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
            // both contacts open before any frame can be read: no "outside a contact" race
            ea.openContact();
            eb.openContact();
            Thread ta = new Thread(ea, "node-a");
            Thread tb = new Thread(eb, "node-b");
            ta.start();
            tb.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            boolean quiescent = false;
            while (!quiescent && System.nanoTime() < deadline
                    && ea.failure == null && eb.failure == null) {
                Thread.sleep(5);
                quiescent = installedAndQuiescent(b, ea, eb);
            }
            assertNull(ea.failure, "node-a reader failed");
            assertNull(eb.failure, "node-b reader failed");
            assertTrue(quiescent, "installed over TCP and quiescent within 20 s");
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
            assertNull(ea.failure, "node-a reader failed");
            assertNull(eb.failure, "node-b reader failed");
        }
    }

    /**
     * True when {@code b} has installed and every byte each side wrote has been read and handled
     * by the other. Holding both node locks, nothing is half-handled; since nodes only send at
     * contact start or in reply to a frame, nothing more will be sent after this holds.
     */
    private static boolean installedAndQuiescent(DeviceNode b, Endpoint ea, Endpoint eb) {
        synchronized (ea.node) {
            synchronized (eb.node) {
                return b.hasInstalled(FW, V2)
                        && ea.handled == eb.written && eb.handled == ea.written;
            }
        }
    }
}
