package org.p2prollout.validation.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The queue's order against a plain priority queue under the documented order (time, then
 * priority, then insertion), on interleaved adds and polls that mix in-order events (the lanes),
 * out-of-order ones (the heap), equal times and priorities without a lane.
 */
class EventQueueTest {
    private record Ev(double time, int prio, long seq, int type, int a, int b, int c) { }

    private static final Comparator<Ev> ORDER = Comparator.comparingDouble(Ev::time)
            .thenComparingInt(Ev::prio).thenComparingLong(Ev::seq);

    @Test
    void pollsInTimePriorityInsertionOrder() {
        for (long seed = 1; seed <= 5; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            EventQueue q = new EventQueue();
            PriorityQueue<Ev> ref = new PriorityQueue<>(ORDER);
            long seq = 0;
            double now = 0;
            int polled = 0;
            for (int step = 0; step < 200_000; step++) {
                if (ref.isEmpty() || r.nextInt(100) < 55) {
                    int kind = r.nextInt(10);
                    // in order (whole steps, many equal), a little ahead, or anywhere in the future
                    double t = kind < 5 ? Math.floor(now) + r.nextInt(3)
                            : kind < 8 ? now + r.nextDouble() * 5 : now + r.nextDouble() * 1000;
                    int prio = r.nextInt(12) - 2; // -2..9: some without a lane
                    Ev e = new Ev(t, prio, seq++, r.nextInt(5), r.nextInt(), r.nextInt(), r.nextInt());
                    ref.add(e);
                    q.add(e.time(), e.prio(), e.type(), e.a(), e.b(), e.c());
                } else {
                    Ev e = ref.poll();
                    assertEquals(e.time(), q.peekTime(), "peek, seed " + seed + " step " + step);
                    q.poll();
                    assertEquals(e.time(), q.headTime);
                    assertEquals(e.type(), q.headType);
                    assertEquals(e.a(), q.headA);
                    assertEquals(e.b(), q.headB);
                    assertEquals(e.c(), q.headC, "event, seed " + seed + " step " + step);
                    now = e.time();
                    polled++;
                }
                assertEquals(ref.size(), q.size());
            }
            while (!ref.isEmpty()) {
                Ev e = ref.poll();
                q.poll();
                assertEquals(e.c(), q.headC);
            }
            assertTrue(q.isEmpty());
            assertTrue(polled > 50_000, "the test polls: " + polled);
        }
    }
}
