package org.p2prollout.model.contact;

import java.util.Arrays;

/**
 * Open-addressing hash map from a device pair to a {@code long} value, with linear probing and
 * backward-shift deletion: no boxing, two flat arrays, so that millions of open contacts cost
 * 16 bytes each instead of the ~80 of a {@code HashMap<Long, Long>} entry.
 *
 * <p>A pair {@code (a, b)} with {@code 0 <= a < b} is keyed as {@code (long) a << 32 | b}, so
 * sorting keys sorts pairs by {@code (a, b)}. Empty slots hold key {@code -1}; valid keys are
 * never negative. Not thread-safe. Public because contact sources in other packages keep their
 * open pairs in it too; a utility, not a domain type.
 */
public final class PairMap {
    private static final long EMPTY = -1L;
    private static final int MIN_CAPACITY = 16;

    private long[] keys;
    private long[] values;
    private int size;
    private int mask;

    public PairMap() {
        this(MIN_CAPACITY);
    }

    public PairMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(MIN_CAPACITY, expected * 2 - 1)) << 1;
        allocate(capacity);
    }

    public static long key(int a, int b) {
        return (long) a << 32 | b;
    }

    public static int first(long key) {
        return (int) (key >>> 32);
    }

    public static int second(long key) {
        return (int) key;
    }

    public int size() {
        return size;
    }

    /** Capacity of the slot table; slots are visited by {@link #keyAt}/{@link #valueAt}. */
    public int capacity() {
        return keys.length;
    }

    /** Key stored in a slot, or {@code -1} for an empty slot. */
    public long keyAt(int slot) {
        return keys[slot];
    }

    public long valueAt(int slot) {
        return values[slot];
    }

    /** Slot holding the key, or {@code -1} when absent. */
    public int find(long key) {
        int i = slot(key);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return i;
            }
            if (k == EMPTY) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    public void setValueAt(int slot, long value) {
        values[slot] = value;
    }

    /** Inserts or overwrites; returns {@code true} when the key was new. */
    public boolean put(long key, long value) {
        int i = slot(key);
        while (true) {
            long k = keys[i];
            if (k == key) {
                values[i] = value;
                return false;
            }
            if (k == EMPTY) {
                keys[i] = key;
                values[i] = value;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    /** Value of the key, or {@code missing} when absent. */
    public long get(long key, long missing) {
        int i = find(key);
        return i < 0 ? missing : values[i];
    }

    /** Removes the key if present; returns whether it was. */
    public boolean remove(long key) {
        int i = find(key);
        if (i < 0) {
            return false;
        }
        // Backward-shift deletion keeps every probe chain unbroken without tombstones.
        int hole = i;
        int j = (i + 1) & mask;
        while (keys[j] != EMPTY) {
            int home = slot(keys[j]);
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
            j = (j + 1) & mask;
        }
        keys[hole] = EMPTY;
        size--;
        return true;
    }

    public void clear() {
        Arrays.fill(keys, EMPTY);
        size = 0;
    }

    private int slot(long key) {
        // MurmurHash3 finaliser: device indices are small and sequential, so spread the bits.
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h & mask;
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new long[capacity];
        Arrays.fill(keys, EMPTY);
        mask = capacity - 1;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        allocate(oldKeys.length * 2);
        size = 0;
        for (int s = 0; s < oldKeys.length; s++) {
            if (oldKeys[s] != EMPTY) {
                put(oldKeys[s], oldValues[s]);
            }
        }
    }
}
