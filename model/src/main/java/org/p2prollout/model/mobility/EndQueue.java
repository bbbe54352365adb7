package org.p2prollout.model.mobility;

import java.util.Arrays;

/** Binary min-heap of (time, pair key) in primitive arrays; ties broken by key. */
final class EndQueue {
    private double[] times = new double[64];
    private long[] keys = new long[64];
    private int size;

    int size() {
        return size;
    }

    double peekTime() {
        return size == 0 ? Double.POSITIVE_INFINITY : times[0];
    }

    long peekKey() {
        return keys[0];
    }

    void add(double time, long key) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            keys = Arrays.copyOf(keys, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(time, key, times[parent], keys[parent])) {
                break;
            }
            times[i] = times[parent];
            keys[i] = keys[parent];
            i = parent;
        }
        times[i] = time;
        keys[i] = key;
    }

    void poll() {
        size--;
        if (size == 0) {
            return;
        }
        double time = times[size];
        long key = keys[size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && less(times[child + 1], keys[child + 1], times[child], keys[child])) {
                child++;
            }
            if (!less(times[child], keys[child], time, key)) {
                break;
            }
            times[i] = times[child];
            keys[i] = keys[child];
            i = child;
        }
        times[i] = time;
        keys[i] = key;
    }

    private static boolean less(double t1, long k1, double t2, long k2) {
        return t1 < t2 || (t1 == t2 && k1 < k2);
    }
}
