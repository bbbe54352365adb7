package org.p2prollout.solver.uniformisation;

import org.p2prollout.solver.Accuracy;

/**
 * Transient distributions π(t) = π(0)·e^{Qt} at several times, from one pass of uniformisation.
 *
 * @param times               the requested times, seconds, in the order given
 * @param distributions       {@code distributions[i][s]} = P(X(times[i]) = s)
 * @param errorBounds         per time, a proven bound on {@code ‖computed − exact‖₁} of that
 *                            distribution (so also on every single probability): Fox–Glynn
 *                            truncation (twice its tail bound), mass dropped as negligible, and
 *                            the steady-state shortcut, plus floating-point rounding (≈ 1e-16 per
 *                            step, not included)
 * @param accumulatedRewards  per time, ∫₀ᵗ π(s)·r ds (reward units × seconds), or null when no
 *                            reward was given
 * @param rewardErrorBounds   per time, a bound on the error of the accumulated reward, or null
 * @param uniformisationRate  Λ, per second
 * @param steadyStateIteration the step m at which the iterates were found stationary (all later
 *                            terms use the m-th iterate), or -1 when not detected
 * @param droppedMass         total probability mass set to 0 as negligible (included in the bounds)
 * @param accuracy            method "uniformisation (Fox-Glynn)", steps performed, residual NaN,
 *                            the largest of {@code errorBounds}, the criterion, converged = true
 *                            when every bound is within the requested ε
 */
public record TransientResult(double[] times, double[][] distributions, double[] errorBounds,
                              double[] accumulatedRewards, double[] rewardErrorBounds, double uniformisationRate,
                              long steadyStateIteration, double droppedMass, Accuracy accuracy) {
    /** The distribution at the i-th requested time. */
    public double[] distribution(int i) {
        return distributions[i];
    }

    /** The distribution at time t, which must be one of the requested times. */
    public double[] distributionAt(double t) {
        for (int i = 0; i < times.length; i++) {
            if (times[i] == t) {
                return distributions[i];
            }
        }
        throw new IllegalArgumentException("time " + t + " was not requested; requested: " + java.util.Arrays.toString(times));
    }
}
