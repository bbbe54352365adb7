package org.p2prollout.solver.uniformisation;

import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import org.p2prollout.solver.Accuracy;

/**
 * Transient distributions of a chain explored from its initial distribution
 * ({@link TransientSolver#explore(TransitionFunction, int[], double[], double[], ProgressListener)}),
 * stored only on the states that carry probability: memory and work independent of the chain's size.
 *
 * @param times              the requested times, seconds, in the order given
 * @param states             {@code states[i]}: the states with non-zero probability at {@code times[i]}
 * @param probabilities      {@code probabilities[i][k]} = P(X(times[i]) = states[i][k]); every other state 0
 * @param errorBounds        per time, a proven bound on the 1-norm error of that distribution (as
 *                           {@link TransientResult#errorBounds()}; rounding excluded)
 * @param uniformisationRate the largest Λ used by an interval, per second
 * @param droppedMass        probability set to 0 as below the drop threshold (included in the bounds)
 * @param exploredStates     states generated (probability above the threshold, or a neighbour of one)
 * @param accuracy           "adaptive uniformisation (Fox-Glynn per interval)", steps, the largest bound
 */
public record ExploredResult(double[] times, int[][] states, double[][] probabilities, double[] errorBounds,
                             double uniformisationRate, double droppedMass, int exploredStates, Accuracy accuracy) {
    public ExploredResult {
        times = times.clone();
        states = deepCopy(states);
        probabilities = deepCopy(probabilities);
        errorBounds = errorBounds.clone();
    }

    /** E[f(X(times[i]))]; f is only evaluated on the states carrying probability. Error at most max|f| × errorBounds[i]. */
    public double expectation(int i, IntToDoubleFunction f) {
        double e = 0;
        for (int k = 0; k < states[i].length; k++) {
            e += probabilities[i][k] * f.applyAsDouble(states[i][k]);
        }
        return e;
    }

    /** P(X(times[i]) ∈ set). Error at most errorBounds[i]. */
    public double probability(int i, IntPredicate set) {
        return expectation(i, s -> set.test(s) ? 1.0 : 0.0);
    }

    /** A copy of the states carrying probability at times[i]. */
    public int[] states(int i) {
        return states[i].clone();
    }

    /** A copy of their probabilities. */
    public double[] probabilities(int i) {
        return probabilities[i].clone();
    }

    @Override
    public int[][] states() {
        return deepCopy(states);
    }

    @Override
    public double[][] probabilities() {
        return deepCopy(probabilities);
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    @Override
    public double[] errorBounds() {
        return errorBounds.clone();
    }

    private static int[][] deepCopy(int[][] a) {
        int[][] c = new int[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
