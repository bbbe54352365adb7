package org.p2prollout.validation.sim;

import java.io.Serializable;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import org.p2prollout.model.contact.Contact;

/**
 * The contacts a run saw, in the order they ended, stored as primitive columns (compact and
 * serialisable); {@link #contacts()} views them as the rates pipeline's {@link Contact} list.
 * Contacts still up when the run stopped end at the stop time.
 */
public final class ContactLog implements Serializable {
    private static final long serialVersionUID = 1L;
    private int size;
    private int[] a = new int[16];
    private int[] b = new int[16];
    private double[] start = new double[16];
    private double[] end = new double[16];

    /** Appends a contact; {@code i != j} in any order, {@code start <= end}, seconds. */
    public void add(int i, int j, double from, double to) {
        if (size == a.length) {
            int n = size * 2;
            a = Arrays.copyOf(a, n);
            b = Arrays.copyOf(b, n);
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
        }
        a[size] = Math.min(i, j);
        b[size] = Math.max(i, j);
        start[size] = from;
        end[size] = to;
        size++;
    }

    public int size() {
        return size;
    }

    /** The contacts as records, a read-only view. */
    public List<Contact> contacts() {
        return new AbstractList<>() {
            @Override
            public Contact get(int k) {
                if (k < 0 || k >= size) {
                    throw new IndexOutOfBoundsException(k);
                }
                return new Contact(a[k], b[k], start[k], end[k]);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
