package org.p2prollout.solver.stationary;

import org.p2prollout.solver.Accuracy;

/**
 * A stationary distribution π (πQ = 0, Σπ = 1) and how it was obtained. For a reducible chain
 * it is the long-run distribution from the given initial distribution: the stationary
 * distribution of each bottom class weighted by the probability of reaching that class.
 *
 * @param distribution probabilities by state, non-negative, summing to 1 within 1e-12 (a copy is
 *                     returned by {@link #distribution()})
 * @param accuracy     method, iterations, residual ‖πQ‖∞ (per second) and criterion
 * @param bottomClasses number of bottom classes the mass was spread over (1 when irreducible)
 * @param errorEstimate the iterative methods' estimate of ‖distribution − π‖₁ (see
 *                      {@link Convergence}; the sum over bottom classes for a reducible chain);
 *                      NaN for the direct methods (exact up to rounding) and Krylov
 */
public record StationaryResult(double[] distribution, Accuracy accuracy, int bottomClasses, double errorEstimate) {
    public StationaryResult {
        distribution = distribution.clone();
    }

    /** Without an error estimate. */
    public StationaryResult(double[] distribution, Accuracy accuracy, int bottomClasses) {
        this(distribution, accuracy, bottomClasses, Double.NaN);
    }

    /** A copy of the probabilities by state. */
    @Override
    public double[] distribution() {
        return distribution.clone();
    }

    /** The stationary probability of state {@code s}. */
    public double probability(int s) {
        return distribution[s];
    }

    public int states() {
        return distribution.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StationaryResult r && java.util.Arrays.equals(distribution, r.distribution)
                && accuracy.equals(r.accuracy) && bottomClasses == r.bottomClasses;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(distribution) * 31 + accuracy.hashCode();
    }

    @Override
    public String toString() {
        return "StationaryResult[" + distribution.length + " states, " + accuracy.summary() + "]";
    }
}
