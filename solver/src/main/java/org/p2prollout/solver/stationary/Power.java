package org.p2prollout.solver.stationary;

import org.p2prollout.solver.Generator;
import org.p2prollout.core.ProgressListener;

/**
 * The power method on the uniformised chain {@code P = I + Q/Λ}, {@code x ← xP}, with
 * {@code Λ = 1.02 · max exit rate} (the margin makes P aperiodic). Needs about
 * {@code Λ / gap · ln(1/ε)} iterations, where gap is the chain's slowest relaxation rate: fine for
 * well-mixed chains, hopeless for stiff ones.
 */
public final class Power extends IterativeSolver {
    public Power(Convergence convergence, ProgressListener progress) {
        super(convergence, progress);
    }

    public Power(Convergence convergence) {
        this(convergence, ProgressListener.NONE);
    }

    @Override
    public String name() {
        return "power";
    }

    @Override
    protected double[] sweep(Generator q, double[] x, double[] next, double[] diff) {
        q.uniformise(1.02 * q.maxExitRate()).multiplyLeft(x, next);
        double d = 0;
        double l1 = 0;
        for (int i = 0; i < x.length; i++) {
            d = Math.max(d, convergence.difference(x[i], next[i]));
            l1 += Math.abs(next[i] - x[i]);
        }
        diff[0] = d;
        diff[1] = l1;
        return next;
    }
}
