package org.p2prollout.validation.sim.engine;

import java.util.Arrays;

/**
 * A time-ordered event queue: a binary heap over parallel primitive arrays (no object per event).
 * Ties are broken first by a priority (lower first), then by insertion order, so the order of
 * events is total and a run is deterministic.
 *
 * <p>Each event carries a type and three int arguments; the caller gives them meaning.
 */
final class EventQueue {
    private double[] time = new double[1024];
    private int[] prio = new int[1024];
    private long[] seq = new long[1024];
    private int[] type = new int[1024];
    private int[] a = new int[1024];
    private int[] b = new int[1024];
    private int[] c = new int[1024];
    private int size;
    private long nextSeq;

    // the event last removed by poll()
    double headTime;
    int headType;
    int headA;
    int headB;
    int headC;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** Time of the earliest event; the queue must not be empty. */
    double peekTime() {
        return time[0];
    }

    void add(double t, int priority, int eventType, int argA, int argB, int argC) {
        if (size == time.length) {
            int n = size * 2;
            time = Arrays.copyOf(time, n);
            prio = Arrays.copyOf(prio, n);
            seq = Arrays.copyOf(seq, n);
            type = Arrays.copyOf(type, n);
            a = Arrays.copyOf(a, n);
            b = Arrays.copyOf(b, n);
            c = Arrays.copyOf(c, n);
        }
        int i = size++;
        set(i, t, priority, nextSeq++, eventType, argA, argB, argC);
        siftUp(i);
    }

    /** Removes the earliest event into the head fields. */
    void poll() {
        headTime = time[0];
        headType = type[0];
        headA = a[0];
        headB = b[0];
        headC = c[0];
        int last = --size;
        if (last > 0) {
            set(0, time[last], prio[last], seq[last], type[last], a[last], b[last], c[last]);
            siftDown(0);
        }
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

    private boolean less(int i, int j) {
        if (time[i] != time[j]) {
            return time[i] < time[j];
        }
        if (prio[i] != prio[j]) {
            return prio[i] < prio[j];
        }
        return seq[i] < seq[j];
    }

    private void swap(int i, int j) {
        double t = time[i]; time[i] = time[j]; time[j] = t;
        int p = prio[i]; prio[i] = prio[j]; prio[j] = p;
        long s = seq[i]; seq[i] = seq[j]; seq[j] = s;
        int x = type[i]; type[i] = type[j]; type[j] = x;
        x = a[i]; a[i] = a[j]; a[j] = x;
        x = b[i]; b[i] = b[j]; b[j] = x;
        x = c[i]; c[i] = c[j]; c[j] = x;
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(i, parent)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int m = l + 1 < size && less(l + 1, l) ? l + 1 : l;
            if (!less(m, i)) {
                return;
            }
            swap(i, m);
            i = m;
        }
    }
}
