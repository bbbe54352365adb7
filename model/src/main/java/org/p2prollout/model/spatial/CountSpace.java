package org.p2prollout.model.spatial;

import java.util.Arrays;

/**
 * The states of a lumped chain of exchangeable devices: vectors of {@code width} small counts,
 * numbered 0, 1, 2, ... in the order they are first added. Vectors are kept in one flat array and
 * found through an open-addressing hash table of their numbers (no object per state), so a few
 * million states fit in memory: {@code 4 × width} bytes per state plus 8 bytes of table. Not
 * thread-safe; used while a chain is built.
 */
final class CountSpace {
    private final int width;
    private int[] data;
    private int size;
    private int[] table; // state number + 1, 0 = empty
    private int mask;

    /** @param width entries per vector, {@code >= 1} */
    CountSpace(int width) {
        this.width = width;
        this.data = new int[width * 64];
        this.table = new int[128];
        this.mask = table.length - 1;
    }

    /** Number of vectors added. */
    int size() {
        return size;
    }

    /** Entries per vector. */
    int width() {
        return width;
    }

    /** Copies vector {@code index} into {@code out}. */
    void get(int index, int[] out) {
        System.arraycopy(data, index * width, out, 0, width);
    }

    /** The number of vector {@code v}, or -1 when it was never added. */
    int find(int[] v) {
        int slot = hash(v) & mask;
        while (true) {
            int e = table[slot];
            if (e == 0) {
                return -1;
            }
            if (equalsAt(e - 1, v)) {
                return e - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The number of vector {@code v}, adding it (a copy) when it is new. */
    int add(int[] v) {
        int slot = hash(v) & mask;
        while (true) {
            int e = table[slot];
            if (e == 0) {
                break;
            }
            if (equalsAt(e - 1, v)) {
                return e - 1;
            }
            slot = (slot + 1) & mask;
        }
        if ((size + 1) * width > data.length) {
            data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8L, 2L * data.length));
        }
        System.arraycopy(v, 0, data, size * width, width);
        table[slot] = ++size;
        if (2L * size > table.length) {
            rehash();
        }
        return size - 1;
    }

    private boolean equalsAt(int index, int[] v) {
        int base = index * width;
        for (int i = 0; i < width; i++) {
            if (data[base + i] != v[i]) {
                return false;
            }
        }
        return true;
    }

    private void rehash() {
        int[] t = new int[table.length * 2];
        int m = t.length - 1;
        int[] v = new int[width];
        for (int s = 0; s < size; s++) {
            get(s, v);
            int slot = hash(v) & m;
            while (t[slot] != 0) {
                slot = (slot + 1) & m;
            }
            t[slot] = s + 1;
        }
        table = t;
        mask = m;
    }

    private static int hash(int[] v) {
        int h = 0x9E3779B9;
        for (int x : v) {
            h = (h ^ x) * 0x01000193;
            h ^= h >>> 15;
        }
        h *= 0x45D9F3B;
        return h ^ (h >>> 16);
    }
}
