package org.p2prollout.solver.stationary;

import java.util.Arrays;
import org.p2prollout.solver.Accuracy;
import org.p2prollout.solver.Generator;
import org.p2prollout.solver.NotConvergedException;
import org.p2prollout.core.ProgressListener;

/**
 * Base of the stationary methods that sweep a vector until successive iterates agree (power,
 * Jacobi, Gauss–Seidel, SOR). Starts from the uniform distribution, normalises after every
 * sweep, stops when the {@link Convergence} criterion holds, and throws
 * {@link NotConvergedException} with the residual reached when the iteration limit comes first.
 */
abstract class IterativeSolver extends AbstractStationarySolver {
    protected final Convergence convergence;
    protected final ProgressListener progress;

    IterativeSolver(Convergence convergence, ProgressListener progress) {
        this.convergence = convergence;
        this.progress = progress;
    }

    /**
     * One sweep: reads {@code x}, leaves the next iterate in {@code x} (in place) or {@code next}
     * and returns which array holds it; records the largest difference under the change
     * criterion in {@code diff[0]} and the 1-norm change {@code Σ|x'_i − x_i|} in {@code diff[1]}.
     */
    protected abstract double[] sweep(Generator q, double[] x, double[] next, double[] diff);

    /** Whether the method needs a second vector (false for in-place Gauss–Seidel). */
    protected boolean needsSecondVector() {
        return true;
    }

    /** Advice for {@link NotConvergedException}. */
    protected String advice() {
        return "raise 'maxIterations', loosen 'epsilon', or use 'method' krylov or gth (small chains)";
    }

    @Override
    protected Solution solveIrreducible(Generator q) {
        int n = q.states();
        double[] x = new double[n];
        Arrays.fill(x, 1.0 / n);
        double[] next = needsSecondVector() ? new double[n] : null;
        double[] diff = new double[2];
        double[] changes = new double[Convergence.RATIO_WINDOW + 1];
        int recorded = 0;
        double estimate = Double.POSITIVE_INFINITY;
        long max = convergence.maxIterations();
        for (long it = 1; it <= max; it++) {
            double[] result = sweep(q, x, next, diff);
            if (result != x) {
                next = x;
                x = result;
            }
            double sum = 0;
            for (double v : x) {
                sum += v;
            }
            if (!(sum > 0) || Double.isInfinite(sum)) {
                throw new NotConvergedException(Accuracy.iterative(name(), it, Double.NaN, convergence.describe(), false),
                        "another method: the iterates diverged (sum " + sum + ")");
            }
            normalise(x);
            // change of the normalised iterate: the sweep's change plus what normalising moved
            recorded = Convergence.record(changes, recorded, diff[1] + Math.abs(sum - 1));
            estimate = Convergence.estimate(changes, recorded);
            if (it % 16 == 0) {
                progress.progress(it, max, name() + " sweeps");
            }
            if (convergence.errorEstimate() ? estimate < convergence.epsilon() : diff[0] < convergence.epsilon()) {
                return new Solution(x, it, convergence.describe(), estimate);
            }
        }
        throw new NotConvergedException(Accuracy.iterative(name(), max, q.residual(x), convergence.describe(), false),
                advice());
    }
}
