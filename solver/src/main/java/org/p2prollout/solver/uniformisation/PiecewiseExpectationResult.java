package org.p2prollout.solver.uniformisation;

import org.p2prollout.solver.Accuracy;

/**
 * E[f(X_t)] and ∫_{t0}^{t} E[f(X_s)] ds under a piecewise-constant generator, computed without
 * storing distributions ({@link PiecewiseTransientSolver#expectations}). Arrays are copied in and out.
 *
 * @param start               t0, seconds on the schedule's clock
 * @param times               the requested times, seconds ({@code >= start}), in the order given
 * @param values              {@code values[i] = π(times[i])·f}
 * @param errorBounds         per time, ‖f‖∞ times the 1-norm bound of the distribution (summed over pieces)
 * @param integrals           per time, ∫_{t0}^{t} π(s)·f ds (units of f × seconds)
 * @param integralErrorBounds per time, a bound on the error of {@code integrals}
 * @param piecesTraversed     per time, the constant pieces between t0 and that time
 * @param pieces              the constant pieces solved in all
 * @param accuracy            method, total uniformisation steps, largest bound of {@code values}, criterion
 */
public record PiecewiseExpectationResult(double start, double[] times, double[] values, double[] errorBounds,
                                         double[] integrals, double[] integralErrorBounds, long[] piecesTraversed,
                                         long pieces, Accuracy accuracy) {
    public PiecewiseExpectationResult {
        times = times.clone();
        values = values.clone();
        errorBounds = errorBounds.clone();
        integrals = integrals.clone();
        integralErrorBounds = integralErrorBounds.clone();
        piecesTraversed = piecesTraversed.clone();
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public double[] errorBounds() {
        return errorBounds.clone();
    }

    @Override
    public double[] integrals() {
        return integrals.clone();
    }

    @Override
    public double[] integralErrorBounds() {
        return integralErrorBounds.clone();
    }

    @Override
    public long[] piecesTraversed() {
        return piecesTraversed.clone();
    }

    /** Total uniformisation steps over all pieces. */
    public long steps() {
        return accuracy.iterations();
    }
}
