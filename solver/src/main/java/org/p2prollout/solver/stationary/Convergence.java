package org.p2prollout.solver.stationary;

import java.util.Locale;
import org.p2prollout.core.Checks;

/**
 * When an iterative stationary method stops.
 *
 * <p>With {@code errorEstimate} (the default, {@link #defaults()}), epsilon bounds the
 * <em>estimated 1-norm distance to the true distribution</em>, {@code ‖x − π‖₁ ≈ d·ρ/(1 − ρ)},
 * where d is the 1-norm change of the normalised iterate over the last iteration (sweep or
 * multilevel cycle) and ρ the contraction factor estimated as the largest ratio of successive
 * changes over the last {@value #RATIO_WINDOW} iterations. This is exact for an error decaying
 * geometrically at rate ρ; it is an estimate, not a proof (a method that stalls and then speeds up
 * could fool it), which is why it is called an estimate wherever it is reported. Since
 * {@code |E_x f − E_π f| <= ‖x − π‖₁ · max|f|}, ε bounds (up to the estimate) the error of every
 * probability by ε/2 and of every expectation by ε·max|f|.
 *
 * <p>Without it (PRISM's criterion), {@code relative} compares successive iterates entry by entry,
 * {@code max |x'_i - x_i| / |x'_i| < epsilon}, and absolute compares {@code max |x'_i - x_i| <
 * epsilon}; Krylov and multilevel methods then apply epsilon to a relative residual. A small change
 * between iterates is <em>not</em> a small error when convergence is slow: on the open swarm
 * PRISM's 1e-6 leaves a 1-norm error of 2.7e-8 after Gauss–Seidel and our old residual criterion
 * 1.2e-5. Krylov always uses its relative residual. Whatever the criterion, every result also
 * reports the residual ‖πQ‖∞ and, for the iterative methods, the error estimate.
 *
 * @param epsilon       tolerance, {@code > 0}
 * @param relative      for the change criterion: relative (true) or absolute (false) difference between iterates
 * @param maxIterations iterations after which a {@link org.p2prollout.solver.NotConvergedException} is thrown
 * @param errorEstimate stop on the estimated 1-norm error (true) or on the change/residual criterion (false)
 */
public record Convergence(double epsilon, boolean relative, long maxIterations, boolean errorEstimate) {
    /** Default tolerance on the estimated 1-norm error: gives 1e-6 relative on the open swarm's E[x], E[y], P(x >= 200). */
    public static final double DEFAULT_EPSILON = 1e-8;
    /** Iterations over which the contraction factor is taken (the largest ratio). */
    public static final int RATIO_WINDOW = 3;

    /** The change criterion (PRISM's), as before the error estimate existed. */
    public Convergence(double epsilon, boolean relative, long maxIterations) {
        this(epsilon, relative, maxIterations, false);
    }

    public Convergence {
        Checks.positive("epsilon", epsilon);
        if (epsilon >= 1) {
            throw new org.p2prollout.core.InvalidInputException("epsilon must be in (0, 1), got " + epsilon);
        }
        Checks.inRange("max iterations", maxIterations, 1, Long.MAX_VALUE);
    }

    /** Estimated 1-norm error below {@link #DEFAULT_EPSILON}; at most 100,000 iterations. */
    public static Convergence defaults() {
        return errorEstimate(DEFAULT_EPSILON);
    }

    /** Estimated 1-norm error below epsilon, at most 100,000 iterations. */
    public static Convergence errorEstimate(double epsilon) {
        return new Convergence(epsilon, true, 100_000, true);
    }

    /** PRISM's criterion: relative change between iterates, with the default iteration limit. */
    public static Convergence relative(double epsilon) {
        return new Convergence(epsilon, true, 100_000);
    }

    public Convergence withMaxIterations(long max) {
        return new Convergence(epsilon, relative, max, errorEstimate);
    }

    /** E.g. {@code "relative 1e-06 between iterates"} or {@code "estimated 1-norm error < 1e-08"}. */
    public String describe() {
        if (errorEstimate) {
            return "estimated 1-norm error ‖x − π‖₁ ≈ d·ρ/(1−ρ) < " + String.format(Locale.ROOT, "%.3g", epsilon);
        }
        return (relative ? "relative " : "absolute ") + String.format(Locale.ROOT, "%.3g", epsilon) + " between iterates";
    }

    /**
     * The estimate {@code d·ρ/(1−ρ)} from the 1-norm changes of the last iterations
     * ({@code changes[0]} the newest, at least {@code RATIO_WINDOW + 1} of them, else +∞);
     * +∞ when the changes do not shrink.
     */
    public static double estimate(double[] changes, int count) {
        if (count < RATIO_WINDOW + 1) {
            return Double.POSITIVE_INFINITY;
        }
        double rho = 0;
        for (int i = 0; i < RATIO_WINDOW; i++) {
            rho = Math.max(rho, changes[i] / changes[i + 1]);
        }
        if (!(rho < 1)) {
            return Double.POSITIVE_INFINITY;
        }
        return changes[0] * rho / (1 - rho);
    }

    /** Pushes a new change in front of the history (newest first); returns the new count. */
    static int record(double[] changes, int count, double change) {
        System.arraycopy(changes, 0, changes, 1, changes.length - 1);
        changes[0] = change;
        return Math.min(count + 1, changes.length);
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
