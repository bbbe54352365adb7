package org.p2prollout.solver.stationary;

import java.util.Locale;
import org.p2prollout.core.Checks;

/**
 * When an iterative stationary method stops. As in PRISM, {@code relative} compares successive
 * iterates entry by entry, {@code max |x'_i - x_i| / |x'_i| < epsilon}, and absolute compares
 * {@code max |x'_i - x_i| < epsilon}; Krylov and multilevel methods apply epsilon to a relative
 * residual instead (their
 * {@link org.p2prollout.solver.Accuracy#criterion()} says which). Whatever the criterion, every
 * result also reports the residual ‖πQ‖∞.
 *
 * @param epsilon       tolerance, {@code > 0}; PRISM's default is 1e-6
 * @param relative      relative (true) or absolute (false) difference between iterates
 * @param maxIterations iterations after which a {@link org.p2prollout.solver.NotConvergedException} is thrown
 */
public record Convergence(double epsilon, boolean relative, long maxIterations) {
    public Convergence {
        Checks.positive("epsilon", epsilon);
        if (epsilon >= 1) {
            throw new org.p2prollout.core.InvalidInputException("epsilon must be in (0, 1), got " + epsilon);
        }
        Checks.inRange("max iterations", maxIterations, 1, Long.MAX_VALUE);
    }

    /** PRISM's defaults: relative 1e-6; at most 100,000 iterations. */
    public static Convergence defaults() {
        return new Convergence(1e-6, true, 100_000);
    }

    /** Relative criterion with the given epsilon and the default iteration limit. */
    public static Convergence relative(double epsilon) {
        return new Convergence(epsilon, true, 100_000);
    }

    public Convergence withMaxIterations(long max) {
        return new Convergence(epsilon, relative, max);
    }

    /** E.g. {@code "relative 1e-06 between iterates"}. */
    public String describe() {
        return (relative ? "relative " : "absolute ") + String.format(Locale.ROOT, "%.3g", epsilon) + " between iterates";
    }

    /** The difference of one entry between iterates under this criterion. */
    double difference(double previous, double next) {
        double d = Math.abs(next - previous);
        if (relative) {
            return next != 0 ? d / Math.abs(next) : (d == 0 ? 0 : Double.POSITIVE_INFINITY);
        }
        return d;
    }
}
