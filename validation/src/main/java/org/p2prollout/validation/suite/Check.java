package org.p2prollout.validation.suite;

/**
 * A distance between model and simulation held against a limit, e.g. the Kolmogorov–Smirnov
 * distance of the T_1 distributions or the largest gap between coverage curves.
 *
 * @param name  what is measured
 * @param value the distance, {@code >= 0}
 * @param limit the largest value accepted
 */
public record Check(String name, double value, double limit) {
    public boolean pass() {
        return value <= limit;
    }
}
