package org.p2prollout.solver.ode;

import java.util.Map;

/**
 * A trajectory of {@code dy/dt = f(t, y)} sampled at the requested times, the first times the
 * requested levels were reached, and how it was computed.
 *
 * @param sampleTimes  the sample times reached, seconds (a prefix of the requested ones when the
 *                     integration stopped early at events)
 * @param samples      {@code samples[i]} is the state at {@code sampleTimes[i]} (dense output of
 *                     the integrator, same order of accuracy as the steps)
 * @param eventTimes   per event name, the first time it was reached, seconds; NaN when it was not
 *                     reached before {@link #endTime()}
 * @param endTime      where the integration ended, seconds
 * @param endState     the state at {@code endTime}
 * @param integrator   the method, e.g. "DormandPrince853"
 * @param absoluteTolerance per-component absolute local error tolerance used
 * @param relativeTolerance per-component relative local error tolerance used
 * @param steps        accepted steps
 * @param evaluations  evaluations of the vector field
 */
public record OdeResult(double[] sampleTimes, double[][] samples, Map<String, Double> eventTimes, double endTime,
                        double[] endState, String integrator, double absoluteTolerance, double relativeTolerance,
                        long steps, long evaluations) {
    /** The first time the named event was reached, NaN if never; throws for an unknown name. */
    public double eventTime(String name) {
        Double t = eventTimes.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no event named '" + name + "'; known: " + eventTimes.keySet());
        }
        return t;
    }
}
