package org.p2prollout.solver.ode;

import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * "The first time {@code g(y)} reaches {@code level}", where {@code g} is a component of the
 * state or any continuous function of it. Reached means {@code g(y) - level} changes sign (or is
 * 0) for the first time; a crossing in either direction counts. Detected by the integrator's
 * root finder to within {@link OdeOptions#eventTimeTolerance()} seconds.
 *
 * @param name     label used in the result
 * @param function the observed function of the state (must not modify its argument)
 * @param level    the level, in the function's units
 */
public record LevelEvent(String name, ToDoubleFunction<double[]> function, double level) {
    public LevelEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(function, "function");
        if (!Double.isFinite(level)) {
            throw new org.p2prollout.core.InvalidInputException("event level must be finite, got " + level);
        }
    }

    /** The first time {@code function(y)} reaches {@code level}. */
    public static LevelEvent of(String name, ToDoubleFunction<double[]> function, double level) {
        return new LevelEvent(name, function, level);
    }

    /** The first time component {@code index} of the state reaches {@code level}. */
    public static LevelEvent component(String name, int index, double level) {
        if (index < 0) {
            throw new org.p2prollout.core.InvalidInputException("event component must be an integer >= 0, got " + index);
        }
        return new LevelEvent(name, y -> y[index], level);
    }
}
