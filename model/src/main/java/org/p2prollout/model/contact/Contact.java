package org.p2prollout.model.contact;

import org.p2prollout.core.InvalidInputException;

/**
 * A contact (encounter): a maximal interval during which devices {@code a} and {@code b} are
 * within radio range. Devices are dense indices {@code 0..N-1}; {@code a < b} always, so a pair
 * has one canonical form. Times are seconds on the trace's clock.
 *
 * @param a     the smaller device index, {@code >= 0}
 * @param b     the larger device index, {@code > a}
 * @param start first instant in range, seconds
 * @param end   last instant in range, seconds, {@code >= start}
 */
public record Contact(int a, int b, double start, double end) implements java.io.Serializable {
    public Contact {
        if (a < 0 || b <= a) {
            throw new InvalidInputException("contact needs device indices 0 <= a < b, got a=" + a + ", b=" + b);
        }
        if (!(start <= end) || !Double.isFinite(start) || !Double.isFinite(end)) {
            throw new InvalidInputException("contact needs finite start <= end, got [" + start + ", " + end + "]");
        }
    }

    /** The same contact with the two devices in either order. */
    public static Contact of(int i, int j, double start, double end) {
        return i < j ? new Contact(i, j, start, end) : new Contact(j, i, start, end);
    }

    /** Duration in seconds. */
    public double duration() {
        return end - start;
    }
}
