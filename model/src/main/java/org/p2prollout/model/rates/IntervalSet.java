package org.p2prollout.model.rates;

import java.util.Arrays;
import org.p2prollout.core.InvalidInputException;

/**
 * A finite union of disjoint closed time intervals (seconds), sorted: when a device was
 * observed. Immutable; built with {@link Builder} or {@link #of}.
 */
public final class IntervalSet {
    private static final IntervalSet EMPTY = new IntervalSet(new double[0], new double[0]);
    private final double[] starts;
    private final double[] ends;

    private IntervalSet(double[] starts, double[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    /** The empty set. */
    public static IntervalSet empty() {
        return EMPTY;
    }

    /** The single interval {@code [start, end]}. */
    public static IntervalSet of(double start, double end) {
        return new Builder().add(start, end).build();
    }

    /** Number of disjoint intervals. */
    public int size() {
        return starts.length;
    }

    public double start(int i) {
        return starts[i];
    }

    public double end(int i) {
        return ends[i];
    }

    /** Total length, seconds. */
    public double measure() {
        double m = 0;
        for (int i = 0; i < starts.length; i++) {
            m += ends[i] - starts[i];
        }
        return m;
    }

    /** Length of the intersection with {@code other}, seconds; linear merge, no allocation. */
    public double overlap(IntervalSet other) {
        double m = 0;
        int i = 0;
        int j = 0;
        double[] s2 = other.starts;
        double[] e2 = other.ends;
        while (i < starts.length && j < s2.length) {
            double lo = Math.max(starts[i], s2[j]);
            double hi = Math.min(ends[i], e2[j]);
            if (hi > lo) {
                m += hi - lo;
            }
            if (ends[i] < e2[j]) {
                i++;
            } else {
                j++;
            }
        }
        return m;
    }

    /** The intersection with {@code other} (e.g. the co-presence of two devices); linear merge. */
    public IntervalSet intersect(IntervalSet other) {
        Builder b = new Builder();
        int i = 0;
        int j = 0;
        while (i < starts.length && j < other.starts.length) {
            double lo = Math.max(starts[i], other.starts[j]);
            double hi = Math.min(ends[i], other.ends[j]);
            if (hi > lo) {
                b.add(lo, hi);
            }
            if (ends[i] < other.ends[j]) {
                i++;
            } else {
                j++;
            }
        }
        return b.build();
    }

    /** True when {@code [a, b]} lies inside one interval of the set (observed without a break). */
    public boolean covers(double a, double b) {
        int k = Arrays.binarySearch(starts, a);
        int i = k >= 0 ? k : -k - 2; // last interval starting at or before a
        return i >= 0 && starts[i] <= a && b <= ends[i];
    }

    /** True when time {@code t} lies in the set. */
    public boolean contains(double t) {
        return covers(t, t);
    }

    /** First start, or NaN when empty. */
    public double first() {
        return starts.length == 0 ? Double.NaN : starts[0];
    }

    /** Last end, or NaN when empty. */
    public double last() {
        return ends.length == 0 ? Double.NaN : ends[ends.length - 1];
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < starts.length; i++) {
            s.append(i > 0 ? ", " : "").append('[').append(starts[i]).append(", ").append(ends[i]).append(']');
        }
        return s.append('}').toString();
    }

    /** Adds intervals in non-decreasing order of start; overlapping or touching ones merge. */
    public static final class Builder {
        private double[] s = new double[8];
        private double[] e = new double[8];
        private int n;

        /** Adds {@code [start, end]}; {@code start} must not precede the previous start. */
        public Builder add(double start, double end) {
            if (!(start <= end) || !Double.isFinite(start) || !Double.isFinite(end)) {
                throw new InvalidInputException("an observed interval needs finite start <= end, got [" + start + ", " + end + "]");
            }
            if (n > 0 && start < s[n - 1]) {
                throw new InvalidInputException("observed intervals must be added in order of start, got "
                        + start + " after " + s[n - 1]);
            }
            if (n > 0 && start <= e[n - 1]) {
                e[n - 1] = Math.max(e[n - 1], end);
                return this;
            }
            if (n == s.length) {
                s = Arrays.copyOf(s, n * 2);
                e = Arrays.copyOf(e, n * 2);
            }
            s[n] = start;
            e[n] = end;
            n++;
            return this;
        }

        public IntervalSet build() {
            return n == 0 ? EMPTY : new IntervalSet(Arrays.copyOf(s, n), Arrays.copyOf(e, n));
        }
    }
}
