package org.p2prollout.protocol;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.p2prollout.protocol.wire.Message;
import org.p2prollout.protocol.wire.MessageKind;
import org.p2prollout.protocol.wire.WireCodec;

/**
 * A test transport: delivers frames instantly, in one global FIFO order, through a real encode
 * and decode (so every test also exercises the wire codec), only while the contact is open.
 * Tallies delivered frame bytes per sender and kind.
 */
public final class TestNetwork {
    private record InFlight(PeerId from, Outgoing o) {
    }

    private record Pair(PeerId a, PeerId b) {
        static Pair of(PeerId x, PeerId y) {
            return x.value() < y.value() ? new Pair(x, y) : new Pair(y, x);
        }
    }

    private final Map<PeerId, ProtocolNode> nodes = new HashMap<>();
    private final Deque<InFlight> queue = new ArrayDeque<>();
    private final Set<Pair> open = new HashSet<>();
    private final Map<PeerId, EnumMap<MessageKind, Long>> delivered = new HashMap<>();
    private final List<Message> log = new ArrayList<>();
    private double now;

    public TestNetwork(ProtocolNode... all) {
        for (ProtocolNode n : all) {
            nodes.put(n.id(), n);
        }
    }

    public void at(double t) {
        now = t;
    }

    public void start(PeerId a, PeerId b) {
        open.add(Pair.of(a, b));
        enqueue(a, nodes.get(a).contactStarted(b, now));
        enqueue(b, nodes.get(b).contactStarted(a, now));
    }

    public void end(PeerId a, PeerId b) {
        open.remove(Pair.of(a, b));
        queue.removeIf(f -> Pair.of(f.from, f.o.to()).equals(Pair.of(a, b)));
        enqueue(a, nodes.get(a).contactEnded(b, now));
        enqueue(b, nodes.get(b).contactEnded(a, now));
    }

    private void enqueue(PeerId from, List<Outgoing> out) {
        for (Outgoing o : out) {
            if (!open.contains(Pair.of(from, o.to()))) {
                throw new AssertionError(from + " sent " + o.kind() + " to " + o.to() + " outside a contact");
            }
            queue.add(new InFlight(from, o));
        }
    }

    /** Delivers until nothing is in flight. */
    public void run() {
        runUntil(() -> false);
    }

    /** Delivers one frame at a time until {@code stop} holds or nothing is in flight. */
    public void runUntil(BooleanSupplier stop) {
        int guard = 0;
        while (!queue.isEmpty() && !stop.getAsBoolean()) {
            if (++guard > 1_000_000) {
                throw new AssertionError("no quiescence after 1e6 frames");
            }
            InFlight f = queue.poll();
            Message decoded = WireCodec.decode(WireCodec.encode(f.o.message()));
            delivered.computeIfAbsent(f.from, k -> new EnumMap<>(MessageKind.class))
                    .merge(f.o.kind(), (long) f.o.frameBytes(), Long::sum);
            log.add(decoded);
            enqueue(f.o.to(), nodes.get(f.o.to()).receive(f.from, decoded, now));
        }
    }

    /** Delivers at most {@code n} frames. */
    public void runFrames(int n) {
        int[] left = {n};
        runUntil(() -> left[0]-- <= 0);
    }

    /** Frame bytes of {@code kind} delivered from {@code from}. */
    public long deliveredBytes(PeerId from, MessageKind kind) {
        return delivered.getOrDefault(from, new EnumMap<>(MessageKind.class)).getOrDefault(kind, 0L);
    }

    /** Every message delivered, in order. */
    public List<Message> log() {
        return log;
    }
}
