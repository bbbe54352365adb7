package org.p2prollout.solver.uniformisation;

import org.p2prollout.solver.Accuracy;

/**
 * E[f(X_t)] at several times, computed without storing distributions.
 *
 * @param times              the requested times, seconds, in the order given
 * @param values             {@code values[i] = π(times[i]) · f}
 * @param errorBounds        per time, a proven bound on the absolute error: ‖f‖∞ times the
 *                           1-norm bound of the distribution (see {@link TransientSolver})
 * @param uniformisationRate Λ, per second
 * @param accuracy           method, steps, the largest error bound, criterion
 */
public record ExpectationResult(double[] times, double[] values, double[] errorBounds, double uniformisationRate,
                                Accuracy accuracy) {
}
