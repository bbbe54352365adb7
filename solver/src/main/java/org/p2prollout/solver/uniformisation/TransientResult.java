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
    public TransientResult {
        times = copy(times);
        distributions = copy(distributions);
        errorBounds = copy(errorBounds);
        accumulatedRewards = copy(accumulatedRewards);
        rewardErrorBounds = copy(rewardErrorBounds);
    }

    private static double[] copy(double[] a) {
        return a == null ? null : a.clone();
    }

    private static double[][] copy(double[][] a) {
        if (a == null) {
            return null;
        }
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = copy(a[i]);
        }
        return c;
    }

    /** The requested times (a copy). */
    @Override
    public double[] times() {
        return copy(times);
    }

    /** All distributions (a deep copy). */
    @Override
    public double[][] distributions() {
        return copy(distributions);
    }

    /** Error bound per time (a copy). */
    @Override
    public double[] errorBounds() {
        return copy(errorBounds);
    }

    /** Accumulated reward per time (a copy), or null. */
    @Override
    public double[] accumulatedRewards() {
        return copy(accumulatedRewards);
    }

    /** Reward error bound per time (a copy), or null. */
    @Override
    public double[] rewardErrorBounds() {
        return copy(rewardErrorBounds);
    }

    /** Equal when every component is equal, arrays by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof TransientResult r && java.util.Arrays.equals(times, r.times)
                && java.util.Arrays.deepEquals(distributions, r.distributions)
                && java.util.Arrays.equals(errorBounds, r.errorBounds)
                && java.util.Arrays.equals(accumulatedRewards, r.accumulatedRewards)
                && java.util.Arrays.equals(rewardErrorBounds, r.rewardErrorBounds)
                && Double.compare(uniformisationRate, r.uniformisationRate) == 0
                && steadyStateIteration == r.steadyStateIteration && Double.compare(droppedMass, r.droppedMass) == 0
                && java.util.Objects.equals(accuracy, r.accuracy);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(java.util.Arrays.hashCode(times), java.util.Arrays.deepHashCode(distributions),
                java.util.Arrays.hashCode(errorBounds), java.util.Arrays.hashCode(accumulatedRewards),
                java.util.Arrays.hashCode(rewardErrorBounds), uniformisationRate, steadyStateIteration, droppedMass,
                accuracy);
    }

    @Override
    public String toString() {
        return "TransientResult[times=" + java.util.Arrays.toString(times) + ", distributions="
                + java.util.Arrays.deepToString(distributions) + ", errorBounds="
                + java.util.Arrays.toString(errorBounds) + ", accumulatedRewards="
                + java.util.Arrays.toString(accumulatedRewards) + ", rewardErrorBounds="
                + java.util.Arrays.toString(rewardErrorBounds) + ", uniformisationRate=" + uniformisationRate
                + ", steadyStateIteration=" + steadyStateIteration + ", droppedMass=" + droppedMass + ", accuracy="
                + accuracy + "]";
    }

    /** The distribution at the i-th requested time (a copy). */
    public double[] distribution(int i) {
        return distributions[i].clone();
    }

    /** The distribution at time t, which must be one of the requested times. */
    public double[] distributionAt(double t) {
        for (int i = 0; i < times.length; i++) {
            if (times[i] == t) {
                return distributions[i].clone();
            }
        }
        throw new IllegalArgumentException("time " + t + " was not requested; requested: " + java.util.Arrays.toString(times));
    }
}
