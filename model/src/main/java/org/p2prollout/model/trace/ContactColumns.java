package org.p2prollout.model.trace;

import org.p2prollout.core.InvalidInputException;

/**
 * Which fields of a contact table hold the two devices and the start and end times (0-based).
 * CRAWDAD/Haggle tables are {@code a b start end ...}: {@link #DEFAULT}.
 */
public record ContactColumns(int a, int b, int start, int end) {
    public static final ContactColumns DEFAULT = new ContactColumns(0, 1, 2, 3);

    public ContactColumns {
        if (a < 0 || b < 0 || start < 0 || end < 0) {
            throw new InvalidInputException("columns must be four field numbers >= 1, got "
                    + (a + 1) + "," + (b + 1) + "," + (start + 1) + "," + (end + 1));
        }
        if (a == b || a == start || a == end || b == start || b == end || start == end) {
            throw new InvalidInputException("columns must name four different fields, got "
                    + (a + 1) + "," + (b + 1) + "," + (start + 1) + "," + (end + 1));
        }
    }

    /** Parses {@code "a,b,start,end"} as 1-based field numbers, e.g. {@code "1,2,3,4"}. */
    public static ContactColumns parse(String spec) {
        String[] p = spec.split(",");
        if (p.length != 4) {
            throw new InvalidInputException("columns must be four 1-based field numbers 'a,b,start,end', got '" + spec + "'");
        }
        int[] v = new int[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Integer.parseInt(p[i].strip()) - 1;
            } catch (NumberFormatException e) {
                throw new InvalidInputException("columns must be four 1-based field numbers 'a,b,start,end', got '" + spec + "'");
            }
        }
        return new ContactColumns(v[0], v[1], v[2], v[3]);
    }

    /** Fields a line needs. */
    int width() {
        return Math.max(Math.max(a, b), Math.max(start, end)) + 1;
    }
}
