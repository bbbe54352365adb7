package org.p2prollout.validation.suite;

/**
 * A distance between model and simulation held against a limit, e.g. the Kolmogorov–Smirnov
 * distance of the T_1 distributions or the largest gap between coverage curves.
 *
 * @param name  what is measured
 * @param value the distance, {@code >= 0}
 * @param limit the largest value accepted; {@code +∞} for a distance reported for information only
 */
public record Check(String name, double value, double limit) {
    public boolean pass() {
        return !(value > limit);
    }

    /** True when the distance is held against a finite limit. */
    public boolean checked() {
        return !Double.isInfinite(limit);
    }

    /** A distance reported without a limit. */
    public static Check info(String name, double value) {
        return new Check(name, value, Double.POSITIVE_INFINITY);
    }
}
