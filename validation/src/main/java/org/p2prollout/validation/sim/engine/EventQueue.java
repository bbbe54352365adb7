package org.p2prollout.validation.sim.engine;

import java.util.Arrays;

/**
 * A time-ordered event queue over parallel primitive arrays (no object per event). Ties are
 * broken first by a priority (lower first), then by insertion order, so the order of events is
 * total and a run is deterministic.
 *
 * <p>Each event carries a type and three int arguments; the caller gives them meaning.
 *
 * <p>Most events of a run arrive already in order: a contact source reports each wake-up's starts
 * and ends at times that do not decrease from one wake-up to the next, thousands per wake-up on a
 * large fleet. An event whose priority has a lane and whose time is not before that lane's last
 * event is appended to the lane (a FIFO, O(1)); any other event goes to a binary heap. Within a
 * lane, events are in (time, insertion) order by construction, and the priority is the lane's, so
 * taking the least of the heap's head and the lanes' heads under the same (time, priority,
 * insertion) order gives exactly the order of one heap holding everything: only the cost
 * changes.
 */
final class EventQueue {
    /** Priorities {@code 0..LANES-1} have a FIFO lane; others always go to the heap. */
    private static final int LANES = 8;

    private final Fifo[] lanes = new Fifo[LANES];
    private final Heap heap = new Heap();
    private long nextSeq;
    private int size;

    // the event last removed by poll()
    double headTime;
    int headType;
    int headA;
    int headB;
    int headC;

    EventQueue() {
        for (int p = 0; p < LANES; p++) {
            lanes[p] = new Fifo();
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** Time of the earliest event; the queue must not be empty. */
    double peekTime() {
        double t = heap.size > 0 ? heap.time[0] : Double.POSITIVE_INFINITY;
        for (Fifo f : lanes) {
            if (f.size > 0 && f.time[f.head] < t) {
                t = f.time[f.head];
            }
        }
        return t;
    }

    void add(double t, int priority, int eventType, int argA, int argB, int argC) {
        long s = nextSeq++;
        size++;
        if (priority >= 0 && priority < LANES) {
            Fifo f = lanes[priority];
            if (f.size == 0 || t >= f.lastTime()) {
                f.add(t, s, eventType, argA, argB, argC);
                return;
            }
        }
        heap.add(t, priority, s, eventType, argA, argB, argC);
    }

    /** Removes the earliest event into the head fields; the queue must not be empty. */
    void poll() {
        // the least head under (time, priority, insertion): lanes are scanned in priority order,
        // so among equal times the first lane found wins unless the heap's head is before it
        int best = -1;
        double bt = 0;
        long bs = 0;
        for (int p = 0; p < LANES; p++) {
            Fifo f = lanes[p];
            if (f.size > 0 && (best < 0 || f.time[f.head] < bt)) {
                best = p;
                bt = f.time[f.head];
                bs = f.seq[f.head];
            }
        }
        size--;
        if (heap.size > 0 && (best < 0 || heap.before(bt, best, bs))) {
            heap.poll(this);
            return;
        }
        Fifo f = lanes[best];
        int i = f.head;
        headTime = f.time[i];
        headType = f.type[i];
        headA = f.a[i];
        headB = f.b[i];
        headC = f.c[i];
        f.head = (i + 1) & (f.time.length - 1);
        f.size--;
    }

    /** A ring buffer of events of one priority, in (time, insertion) order. */
    private static final class Fifo {
        double[] time = new double[256];
        long[] seq = new long[256];
        int[] type = new int[256];
        int[] a = new int[256];
        int[] b = new int[256];
        int[] c = new int[256];
        int head;
        int size;

        double lastTime() {
            return time[(head + size - 1) & (time.length - 1)];
        }

        void add(double t, long s, int ty, int x, int y, int z) {
            if (size == time.length) {
                grow();
            }
            int i = (head + size) & (time.length - 1);
            time[i] = t;
            seq[i] = s;
            type[i] = ty;
            a[i] = x;
            b[i] = y;
            c[i] = z;
            size++;
        }

        /** Doubles the capacity (a power of two), unrolling the ring to start at 0. */
        private void grow() {
            int n = time.length;
            time = unroll(time, n);
            seq = unroll(seq, n);
            type = unroll(type, n);
            a = unroll(a, n);
            b = unroll(b, n);
            c = unroll(c, n);
            head = 0;
        }

        private double[] unroll(double[] v, int n) {
            double[] r = new double[2 * n];
            System.arraycopy(v, head, r, 0, n - head);
            System.arraycopy(v, 0, r, n - head, head);
            return r;
        }

        private long[] unroll(long[] v, int n) {
            long[] r = new long[2 * n];
            System.arraycopy(v, head, r, 0, n - head);
            System.arraycopy(v, 0, r, n - head, head);
            return r;
        }

        private int[] unroll(int[] v, int n) {
            int[] r = new int[2 * n];
            System.arraycopy(v, head, r, 0, n - head);
            System.arraycopy(v, 0, r, n - head, head);
            return r;
        }
    }

    /** A binary min-heap under (time, priority, insertion), sifting a hole rather than swapping. */
    private static final class Heap {
        double[] time = new double[256];
        int[] prio = new int[256];
        long[] seq = new long[256];
        int[] type = new int[256];
        int[] a = new int[256];
        int[] b = new int[256];
        int[] c = new int[256];
        int size;

        /** Whether the head is before the event (t, p, s). */
        boolean before(double t, int p, long s) {
            return lessThan(0, t, p, s);
        }

        private boolean less(double t1, int p1, long s1, int j) {
            if (t1 != time[j]) {
                return t1 < time[j];
            }
            if (p1 != prio[j]) {
                return p1 < prio[j];
            }
            return s1 < seq[j];
        }

        void add(double t, int p, long s, int ty, int x, int y, int z) {
            if (size == time.length) {
                int n = 2 * size;
                time = Arrays.copyOf(time, n);
                prio = Arrays.copyOf(prio, n);
                seq = Arrays.copyOf(seq, n);
                type = Arrays.copyOf(type, n);
                a = Arrays.copyOf(a, n);
                b = Arrays.copyOf(b, n);
                c = Arrays.copyOf(c, n);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!less(t, p, s, parent)) {
                    break;
                }
                move(parent, i);
                i = parent;
            }
            set(i, t, p, s, ty, x, y, z);
        }

        /** Removes the head into the queue's head fields. */
        void poll(EventQueue q) {
            q.headTime = time[0];
            q.headType = type[0];
            q.headA = a[0];
            q.headB = b[0];
            q.headC = c[0];
            int last = --size;
            if (last == 0) {
                return;
            }
            double t = time[last];
            int p = prio[last];
            long s = seq[last];
            int i = 0;
            while (true) {
                int l = 2 * i + 1;
                if (l >= size) {
                    break;
                }
                int m = l + 1 < size && less(time[l + 1], prio[l + 1], seq[l + 1], l) ? l + 1 : l;
                if (!lessThan(m, t, p, s)) {
                    break;
                }
                move(m, i);
                i = m;
            }
            set(i, t, p, s, type[last], a[last], b[last], c[last]);
        }

        /** Whether event j is before (t, p, s). */
        private boolean lessThan(int j, double t, int p, long s) {
            if (time[j] != t) {
                return time[j] < t;
            }
            if (prio[j] != p) {
                return prio[j] < p;
            }
            return seq[j] < s;
        }

        private void move(int from, int to) {
            time[to] = time[from];
            prio[to] = prio[from];
            seq[to] = seq[from];
            type[to] = type[from];
            a[to] = a[from];
            b[to] = b[from];
            c[to] = c[from];
        }

        private void set(int i, double t, int p, long s, int ty, int x, int y, int z) {
            time[i] = t;
            prio[i] = p;
            seq[i] = s;
            type[i] = ty;
            a[i] = x;
            b[i] = y;
            c[i] = z;
        }
    }
}
