package org.p2prollout.solver.absorption;

import org.p2prollout.solver.Accuracy;

/**
 * The CDF of the time to absorption, P(T <= t), at several times.
 *
 * @param times           the requested times, seconds, in the order given
 * @param values          P(T <= times[i])
 * @param errors          per time, the absolute error: a proven bound when {@code errorsAreBounds}
 *                        (uniformisation), else an estimate (Laplace inversion: the disagreement of
 *                        two inversion orders)
 * @param errorsAreBounds whether {@code errors} are proven bounds
 * @param accuracy        method ("uniformisation (Fox-Glynn)" or "Laplace inversion (Euler, ...)"),
 *                        iterations or transform evaluations, largest error, criterion
 */
public record CdfResult(double[] times, double[] values, double[] errors, boolean errorsAreBounds, Accuracy accuracy) {
}
