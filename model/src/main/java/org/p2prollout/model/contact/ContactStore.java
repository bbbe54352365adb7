package org.p2prollout.model.contact;

import java.io.Serializable;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The one growable store of contacts: four primitive columns (device a, device b, start, end in
 * seconds), compact for the millions of contacts of multi-week traces and serialisable (a
 * simulation's contact log crosses to Spark executors). Contacts keep the order they were added
 * in; {@link #contacts()} views them as {@link Contact} records. Used by the trace readers'
 * accumulator, the rates pipeline's recorder and the simulator's contact log.
 */
public final class ContactStore implements Serializable {
    private static final long serialVersionUID = 1L;
    private int size;
    private int[] a;
    private int[] b;
    private double[] start;
    private double[] end;

    public ContactStore() {
        this(16);
    }

    /** A store with room for {@code capacity} contacts before it grows (&gt;= 1). */
    public ContactStore(int capacity) {
        int c = Math.max(1, capacity);
        a = new int[c];
        b = new int[c];
        start = new double[c];
        end = new double[c];
    }

    /** Appends contact (i, j, from, to) as given; returns its index. */
    public int add(int i, int j, double from, double to) {
        if (size == a.length) {
            int n = size + Math.max(16, size >> 1);
            a = Arrays.copyOf(a, n);
            b = Arrays.copyOf(b, n);
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
        }
        a[size] = i;
        b[size] = j;
        start[size] = from;
        end[size] = to;
        return size++;
    }

    /** Appends a contact between {@code i != j} in any order, stored with a &lt; b; returns its index. */
    public int addPair(int i, int j, double from, double to) {
        return add(Math.min(i, j), Math.max(i, j), from, to);
    }

    /** Sets the end of contact {@code k} (a contact recorded when it started). */
    public void setEnd(int k, double to) {
        check(k);
        end[k] = to;
    }

    public int size() {
        return size;
    }

    public int a(int k) {
        check(k);
        return a[k];
    }

    public int b(int k) {
        check(k);
        return b[k];
    }

    public double start(int k) {
        check(k);
        return start[k];
    }

    public double end(int k) {
        check(k);
        return end[k];
    }

    private void check(int k) {
        if (k < 0 || k >= size) {
            throw new IndexOutOfBoundsException(k);
        }
    }

    /** The contacts as records, a read-only view (later additions show through). */
    public List<Contact> contacts() {
        return new View();
    }

    /** Equal when the same contacts are stored in the same order. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ContactStore s && size == s.size && Arrays.equals(a, 0, size, s.a, 0, size)
                && Arrays.equals(b, 0, size, s.b, 0, size) && Arrays.equals(start, 0, size, s.start, 0, size)
                && Arrays.equals(end, 0, size, s.end, 0, size);
    }

    @Override
    public int hashCode() {
        return contacts().hashCode();
    }

    @Override
    public String toString() {
        return "ContactStore[" + size + " contacts]";
    }

    private final class View extends AbstractList<Contact> implements RandomAccess {
        @Override
        public Contact get(int k) {
            check(k);
            return new Contact(a[k], b[k], start[k], end[k]);
        }

        @Override
        public int size() {
            return size;
        }
    }
}
