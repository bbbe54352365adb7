package org.p2prollout.solver.uniformisation;

import java.util.Arrays;
import org.p2prollout.solver.Accuracy;

/**
 * Transient distributions of a chain with a piecewise-constant generator
 * ({@link PiecewiseTransientSolver#solve}). Arrays are copied in and out, so a result never
 * changes; {@link #probability(int, int)} reads one entry without copying.
 *
 * @param start               t0, the time of the initial distribution, seconds on the schedule's clock
 * @param times               the requested times, seconds on the schedule's clock ({@code >= start}), in the order given
 * @param distributions       {@code distributions[i][s]} = P(X(times[i]) = s)
 * @param errorBounds         per time, a proven bound on {@code ‖computed − exact‖₁}: the sum of the
 *                            bounds of every constant piece traversed from t0 (see
 *                            {@link PiecewiseTransientSolver}); rounding (≈ 1e-16 per step) not included
 * @param accumulatedRewards  per time, ∫_{t0}^{t} π(s)·r ds (reward units × seconds), or null when no reward was given
 * @param rewardErrorBounds   per time, a bound on the error of the accumulated reward, or null
 * @param piecesTraversed     per time, the number of constant pieces (uniformisation passes) between
 *                            t0 and that time; 0 for t = t0
 * @param pieces              the number of constant pieces solved in all (up to the largest time)
 * @param droppedMass         total probability mass set to 0 as negligible over all pieces (in the bounds)
 * @param accuracy            method "piecewise uniformisation (Fox-Glynn)", total uniformisation steps,
 *                            residual NaN, the largest error bound, the criterion; converged when every
 *                            piece met its own ε (so every bound is {@code <= ε × piecesTraversed})
 */
public record PiecewiseTransientResult(double start, double[] times, double[][] distributions, double[] errorBounds,
                                       double[] accumulatedRewards, double[] rewardErrorBounds, long[] piecesTraversed,
                                       long pieces, double droppedMass, Accuracy accuracy) {
    public PiecewiseTransientResult {
        times = times.clone();
        distributions = deepCopy(distributions);
        errorBounds = errorBounds.clone();
        accumulatedRewards = accumulatedRewards == null ? null : accumulatedRewards.clone();
        rewardErrorBounds = rewardErrorBounds == null ? null : rewardErrorBounds.clone();
        piecesTraversed = piecesTraversed.clone();
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    /** A copy of all distributions (n × times doubles: prefer {@link #distribution} or {@link #probability}). */
    @Override
    public double[][] distributions() {
        return deepCopy(distributions);
    }

    @Override
    public double[] errorBounds() {
        return errorBounds.clone();
    }

    @Override
    public double[] accumulatedRewards() {
        return accumulatedRewards == null ? null : accumulatedRewards.clone();
    }

    @Override
    public double[] rewardErrorBounds() {
        return rewardErrorBounds == null ? null : rewardErrorBounds.clone();
    }

    @Override
    public long[] piecesTraversed() {
        return piecesTraversed.clone();
    }

    /** Total uniformisation steps over all pieces (the accuracy's iterations). */
    public long steps() {
        return accuracy.iterations();
    }

    /** A copy of the distribution at the i-th requested time. */
    public double[] distribution(int i) {
        return distributions[i].clone();
    }

    /** P(X(times[i]) = s), without copying. */
    public double probability(int i, int s) {
        return distributions[i][s];
    }

    /** A copy of the distribution at time t, which must be one of the requested times. */
    public double[] distributionAt(double t) {
        for (int i = 0; i < times.length; i++) {
            if (times[i] == t) {
                return distributions[i].clone();
            }
        }
        throw new IllegalArgumentException("time " + t + " was not requested; requested: " + Arrays.toString(times));
    }
}
