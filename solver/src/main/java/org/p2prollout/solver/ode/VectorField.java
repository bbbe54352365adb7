package org.p2prollout.solver.ode;

/**
 * The right-hand side of an autonomous or time-dependent ODE {@code dy/dt = f(t, y)}, e.g. a
 * mean-field limit over fractions of a population. Time in seconds, derivatives per second.
 * Implementations must not keep references to {@code y} or {@code dydt}; they may be called
 * from one thread at a time.
 */
public interface VectorField {
    /** Number of components of the state. */
    int dimension();

    /**
     * Writes {@code f(t, y)} into {@code dydt}.
     *
     * @param t    time, seconds
     * @param y    the state, length {@link #dimension()}; must not be modified
     * @param dydt output, length {@link #dimension()}
     */
    void derivative(double t, double[] y, double[] dydt);
}
