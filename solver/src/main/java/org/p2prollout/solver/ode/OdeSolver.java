package org.p2prollout.solver.ode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.exception.MaxCountExceededException;
import org.apache.commons.math3.exception.NumberIsTooSmallException;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.events.EventHandler;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.apache.commons.math3.ode.sampling.StepHandler;
import org.apache.commons.math3.ode.sampling.StepInterpolator;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.solver.NotConvergedException;

/**
 * Integrates {@code dy/dt = f(t, y)} with Commons Math's Dormand–Prince 8(5,3) adaptive
 * Runge–Kutta method (explicit: meant for non-stiff mean-field models), sampling the trajectory
 * and locating the first time each {@link LevelEvent} is reached.
 *
 * <p>Accuracy: the local error per step is kept below {@code absTol + relTol·|y_i|} per
 * component; the global error is usually of the same order times the number of solution time
 * scales spanned, not guaranteed. Inputs are never modified. Usage:
 * <pre>{@code
 * OdeResult r = new OdeSolver(OdeOptions.DEFAULT).integrate(field, 0, y0, 100,
 *         new double[] {10, 50, 100}, List.of(LevelEvent.component("half", 0, 0.5)), false);
 * }</pre>
 */
public final class OdeSolver {
    private final OdeOptions options;

    public OdeSolver(OdeOptions options) {
        this.options = options;
    }

    /**
     * @param field        the vector field
     * @param t0           start time, seconds
     * @param y0           initial state (not modified)
     * @param tEnd         end time, seconds, {@code > t0}
     * @param sampleTimes  times in [t0, tEnd] at which to record the state, ascending (may be empty)
     * @param events       levels whose first crossing times to locate
     * @param stopWhenAllEventsReached stop as soon as every event has been reached (when
     *                     {@code events} is non-empty); otherwise integrate to {@code tEnd}
     * @throws NotConvergedException when the step size falls below {@code minStep} or the
     *                     evaluation budget is exhausted; says where the integration stopped
     */
    public OdeResult integrate(VectorField field, double t0, double[] y0, double tEnd, double[] sampleTimes,
                               List<LevelEvent> events, boolean stopWhenAllEventsReached) {
        int n = field.dimension();
        if (y0.length != n) {
            throw new InvalidInputException("initial state must have " + n + " components, got " + y0.length);
        }
        if (!(tEnd > t0) || !Double.isFinite(t0) || !Double.isFinite(tEnd)) {
            throw new InvalidInputException("end time must be finite and > start time " + t0 + ", got " + tEnd);
        }
        double previous = t0;
        for (double s : sampleTimes) {
            if (!(s >= previous) || s > tEnd) {
                throw new InvalidInputException("sample times must be ascending within [" + t0 + ", " + tEnd + "], got " + s);
            }
            previous = s;
        }
        double[] y = y0.clone();
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(
                options.minStep(), options.maxStep(), options.absoluteTolerance(), options.relativeTolerance());
        integrator.setMaxEvaluations(options.maxEvaluations());

        Map<String, Double> eventTimes = new LinkedHashMap<>();
        List<Tracker> trackers = new ArrayList<>();
        for (LevelEvent e : events) {
            if (eventTimes.put(e.name(), Double.NaN) != null) {
                throw new InvalidInputException("event names must be distinct, got '" + e.name() + "' twice");
            }
            double g0 = e.function().applyAsDouble(y0.clone()) - e.level();
            if (g0 == 0) {
                eventTimes.put(e.name(), t0);
            } else {
                Tracker tr = new Tracker(e, eventTimes, stopWhenAllEventsReached);
                trackers.add(tr);
                double check = Double.isNaN(options.maxCheckInterval()) ? (tEnd - t0) / 1000 : options.maxCheckInterval();
                integrator.addEventHandler(tr, Math.min(check, options.maxStep()),
                        options.eventTimeTolerance(), 1000);
            }
        }
        Sampler sampler = new Sampler(sampleTimes, n);
        integrator.addStepHandler(sampler);
        FirstOrderDifferentialEquations ode = new FirstOrderDifferentialEquations() {
            @Override
            public int getDimension() {
                return n;
            }

            @Override
            public void computeDerivatives(double t, double[] state, double[] dydt) {
                field.derivative(t, state, dydt);
            }
        };
        double end;
        boolean allReachedAtStart = stopWhenAllEventsReached && !events.isEmpty() && trackers.isEmpty();
        if (allReachedAtStart) {
            end = t0;
        } else {
            try {
                end = integrator.integrate(ode, t0, y0.clone(), tEnd, y);
            } catch (NumberIsTooSmallException | MaxCountExceededException ex) {
                throw new NotConvergedException(new org.p2prollout.solver.Accuracy("DormandPrince853", sampler.steps,
                        Double.NaN, Double.NaN, "local error <= " + options.absoluteTolerance() + " + "
                        + options.relativeTolerance() + "·|y| per step; stopped at t = " + sampler.lastTime + " s: "
                        + ex.getMessage(), false),
                        "looser tolerances, a smaller minStep, a larger evaluation budget, or a stiff method");
            }
        }
        int got = sampler.count;
        return new OdeResult(Arrays.copyOf(sampleTimes, got), Arrays.copyOf(sampler.samples, got),
                java.util.Collections.unmodifiableMap(eventTimes), end, y, "DormandPrince853",
                options.absoluteTolerance(), options.relativeTolerance(), sampler.steps, integrator.getEvaluations());
    }

    /** Records the first crossing of one level; stops the integration once every event is reached if asked. */
    private static final class Tracker implements EventHandler {
        private final LevelEvent event;
        private final Map<String, Double> times;
        private final boolean stopWhenAll;

        Tracker(LevelEvent event, Map<String, Double> times, boolean stopWhenAll) {
            this.event = event;
            this.times = times;
            this.stopWhenAll = stopWhenAll;
        }

        @Override
        public void init(double t0, double[] y0, double t) {
        }

        @Override
        public double g(double t, double[] y) {
            return event.function().applyAsDouble(y) - event.level();
        }

        @Override
        public Action eventOccurred(double t, double[] y, boolean increasing) {
            if (Double.isNaN(times.get(event.name()))) {
                times.put(event.name(), t);
            }
            boolean all = times.values().stream().noneMatch(v -> Double.isNaN(v));
            return stopWhenAll && all ? Action.STOP : Action.CONTINUE;
        }

        @Override
        public void resetState(double t, double[] y) {
        }
    }

    /** Interpolates the dense output at the requested sample times and counts steps. */
    private static final class Sampler implements StepHandler {
        final double[] times;
        final double[][] samples;
        int count;
        long steps;
        double lastTime = Double.NaN;

        Sampler(double[] times, int n) {
            this.times = times;
            this.samples = new double[times.length][];
        }

        @Override
        public void init(double t0, double[] y0, double t) {
            lastTime = t0;
            while (count < times.length && times[count] == t0) {
                samples[count++] = y0.clone();
            }
        }

        @Override
        public void handleStep(StepInterpolator interpolator, boolean isLast) {
            steps++;
            double t = interpolator.getCurrentTime();
            lastTime = t;
            while (count < times.length && times[count] <= t) {
                interpolator.setInterpolatedTime(times[count]);
                samples[count++] = interpolator.getInterpolatedState().clone();
            }
        }
    }
}
