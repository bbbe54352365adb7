package org.p2prollout.solver.ode;

import org.p2prollout.core.Checks;

/**
 * Settings of {@link OdeSolver}: Dormand–Prince 8(5,3) (Commons Math
 * {@code DormandPrince853Integrator}) with adaptive step size.
 *
 * @param absoluteTolerance  per-component absolute local error tolerance (state units), > 0
 * @param relativeTolerance  per-component relative local error tolerance, > 0
 * @param minStep            smallest step allowed, seconds ({@code >= 0}; the integrator throws
 *                           when it would need a smaller one)
 * @param maxStep            largest step, seconds (> 0); also bounds how long a sign change of an
 *                           event function can go unseen (events are checked at least once per
 *                           {@code min(maxStep, maxCheckInterval)})
 * @param maxCheckInterval   largest interval between checks of event functions, seconds (> 0), or
 *                           NaN for a thousandth of the integration interval; a level crossed
 *                           and re-crossed within one check interval can be missed
 * @param eventTimeTolerance accuracy of located event times, seconds (> 0)
 * @param maxEvaluations     cap on evaluations of the vector field ({@code >= 1})
 */
public record OdeOptions(double absoluteTolerance, double relativeTolerance, double minStep, double maxStep,
                         double maxCheckInterval, double eventTimeTolerance, int maxEvaluations) {
    /**
     * abs/rel tolerance 1e-10, steps unbounded, events checked at least every thousandth of the
     * interval and located to 1e-10 s, 10^7 evaluations.
     */
    public static final OdeOptions DEFAULT = new OdeOptions(1e-10, 1e-10, 0.0, Double.POSITIVE_INFINITY, Double.NaN, 1e-10, 10_000_000);

    public OdeOptions {
        Checks.positive("absoluteTolerance", absoluteTolerance);
        Checks.positive("relativeTolerance", relativeTolerance);
        Checks.nonNegative("minStep", minStep);
        if (!(maxStep > minStep)) {
            throw new org.p2prollout.core.InvalidInputException("maxStep must be > minStep (" + minStep + "), got " + maxStep);
        }
        if (!Double.isNaN(maxCheckInterval)) {
            Checks.positive("maxCheckInterval", maxCheckInterval);
        }
        Checks.positive("eventTimeTolerance", eventTimeTolerance);
        Checks.inRange("maxEvaluations", maxEvaluations, 1, Integer.MAX_VALUE);
    }

    public OdeOptions withTolerances(double absolute, double relative) {
        return new OdeOptions(absolute, relative, minStep, maxStep, maxCheckInterval, eventTimeTolerance, maxEvaluations);
    }

    public OdeOptions withMaxCheckInterval(double seconds) {
        return new OdeOptions(absoluteTolerance, relativeTolerance, minStep, maxStep, seconds, eventTimeTolerance, maxEvaluations);
    }
}
