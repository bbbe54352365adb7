package org.p2prollout.solver.stationary;

import org.p2prollout.solver.Generator;
import org.p2prollout.core.ProgressListener;

/**
 * Gauss–Seidel and SOR for πQ = 0, sweeping states in increasing order and updating in place:
 * {@code x_j ← (1-ω) x_j + ω Σ_{i≠j} x_i Q[i][j] / q_j}. ω = 1 is Gauss–Seidel (PRISM's default
 * stationary method); ω in (1, 2) over-relaxes (SOR), which may speed up or, on some chains,
 * stall: the criterion and residual are reported either way.
 */
public final class GaussSeidel extends IterativeSolver {
    private final double omega;

    public GaussSeidel(Convergence convergence, double omega, ProgressListener progress) {
        super(convergence, progress);
        if (!(omega > 0 && omega < 2)) {
            throw new org.p2prollout.core.InvalidInputException("SOR relaxation omega must be in (0, 2), got " + omega);
        }
        this.omega = omega;
    }

    /** Plain Gauss–Seidel (ω = 1). */
    public GaussSeidel(Convergence convergence) {
        this(convergence, 1.0, ProgressListener.NONE);
    }

    @Override
    public String name() {
        return omega == 1.0 ? "Gauss-Seidel" : "SOR(omega=" + omega + ")";
    }

    @Override
    protected boolean needsSecondVector() {
        return false;
    }

    @Override
    protected double[] sweep(Generator q, double[] x, double[] unused, double[] diff) {
        Generator.Incoming in = q.incoming();
        double d = 0;
        double l1 = 0;
        for (int j = 0; j < x.length; j++) {
            double sum = 0;
            for (int k = in.start(j); k < in.end(j); k++) {
                sum += x[in.source(k)] * in.rate(k);
            }
            double v = sum / q.exitRate(j);
            if (omega != 1.0) {
                v = (1 - omega) * x[j] + omega * v;
            }
            d = Math.max(d, convergence.difference(x[j], v));
            l1 += Math.abs(v - x[j]);
            x[j] = v;
        }
        diff[0] = d;
        diff[1] = l1;
        return x;
    }
}
