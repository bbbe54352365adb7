package org.p2prollout.solver.stationary;

import org.p2prollout.solver.Generator;

/**
 * Computes the long-run distribution of a CTMC. One interface, one implementation per method
 * (GTH, sparse direct, power, Jacobi, Gauss–Seidel, SOR, Krylov, multilevel aggregation), all passing the same contract
 * test. Inputs are never modified. Implementations are immutable and thread-safe.
 */
public interface StationarySolver {
    /** The method's name as reported in {@link org.p2prollout.solver.Accuracy#method()}. */
    String name();

    /**
     * The long-run distribution from {@code initial}. For an irreducible chain this is the unique
     * stationary distribution and {@code initial} does not matter; for a reducible chain, each
     * bottom class's stationary distribution is weighted by the probability of reaching it.
     *
     * @param initial initial distribution, length {@code q.states()}, non-negative, sum 1 (± 1e-9)
     * @throws org.p2prollout.solver.NotConvergedException when an iterative method stops short
     */
    StationaryResult solve(Generator q, double[] initial);

    /** The long-run distribution starting in state {@code initialState}. */
    default StationaryResult solve(Generator q, int initialState) {
        org.p2prollout.core.Checks.inRange("initial state", initialState, 0, q.states() - 1);
        double[] initial = new double[q.states()];
        initial[initialState] = 1;
        return solve(q, initial);
    }

    /** The long-run distribution starting in state 0 (the stationary distribution when irreducible). */
    default StationaryResult solve(Generator q) {
        return solve(q, 0);
    }
}
