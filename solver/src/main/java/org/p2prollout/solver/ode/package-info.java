/**
 * Mean-field ODE integration (Dormand–Prince 8(5,3) from Commons Math) with level events and
 * sampled trajectories; generic: a {@link org.p2prollout.solver.ode.VectorField} in, an
 * {@link org.p2prollout.solver.ode.OdeResult} out.
 *
 * <pre>{@code
 * OdeResult r = new OdeSolver(OdeOptions.DEFAULT).integrate(field, 0, y0, tEnd, sampleTimes,
 *         List.of(LevelEvent.component("half", 0, 0.5)), false);
 * r.eventTime("half"); r.samples(); r.steps(); r.evaluations();
 * }</pre>
 */
package org.p2prollout.solver.ode;
