package org.p2prollout.solver.stationary;

import org.p2prollout.solver.Generator;
import org.p2prollout.core.ProgressListener;

/**
 * Damped Jacobi (JOR) for πQ = 0: {@code x'_j = (1-ω) x_j + ω Σ_{i≠j} x_i Q[i][j] / q_j}. The
 * default ω = 0.9 (as PRISM's JOR) because undamped Jacobi oscillates forever on chains whose
 * graph is bipartite, such as every birth–death chain (its iteration matrix has eigenvalue −1).
 */
public final class Jacobi extends IterativeSolver {
    private final double omega;

    public Jacobi(Convergence convergence, double omega, ProgressListener progress) {
        super(convergence, progress);
        if (!(omega > 0 && omega < 1)) {
            throw new org.p2prollout.core.InvalidInputException("Jacobi damping omega must be in (0, 1), got " + omega);
        }
        this.omega = omega;
    }

    public Jacobi(Convergence convergence) {
        this(convergence, 0.9, ProgressListener.NONE);
    }

    @Override
    public String name() {
        return "Jacobi";
    }

    @Override
    protected double[] sweep(Generator q, double[] x, double[] next, double[] diff) {
        Generator.Incoming in = q.incoming();
        double d = 0;
        double l1 = 0;
        for (int j = 0; j < x.length; j++) {
            double sum = 0;
            for (int k = in.start(j); k < in.end(j); k++) {
                sum += x[in.source(k)] * in.rate(k);
            }
            double v = (1 - omega) * x[j] + omega * sum / q.exitRate(j);
            d = Math.max(d, convergence.difference(x[j], v));
            l1 += Math.abs(v - x[j]);
            next[j] = v;
        }
        diff[0] = d;
        diff[1] = l1;
        return next;
    }
}
