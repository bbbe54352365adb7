package org.p2prollout.solver.stationary;

import java.util.Arrays;
import java.util.Locale;
import org.p2prollout.solver.Accuracy;
import org.p2prollout.solver.Generator;
import org.p2prollout.solver.NotConvergedException;
import org.p2prollout.core.ProgressListener;

/**
 * BiCGSTAB preconditioned by ILU(0) on the non-singular system πQ = 0 with one probability
 * fixed ({@link ReducedSystem}). The fixed state r should carry much probability, otherwise the
 * unknowns span many orders of magnitude and the residual criterion means little: r is the most
 * likely state after a few Gauss–Seidel sweeps, and if the solution shows a state at least 1000
 * times likelier, the system is solved again with that state fixed, starting from the solution.
 *
 * <p>Criterion: relative residual {@code ‖b − A x‖₂ / ‖b‖₂ < ε} of that system; the residual
 * ‖πQ‖∞ of the normalised answer is reported besides. Small negative entries (rounding of
 * probabilities far below ε) are set to zero.
 */
public final class Krylov extends AbstractStationarySolver {
    private static final int WARM_UP_SWEEPS = 10;

    private final Convergence convergence;
    private final ProgressListener progress;

    public Krylov(Convergence convergence, ProgressListener progress) {
        this.convergence = convergence;
        this.progress = progress;
    }

    public Krylov(Convergence convergence) {
        this(convergence, ProgressListener.NONE);
    }

    @Override
    public String name() {
        return "BiCGSTAB+ILU(0)";
    }

    private String criterion() {
        return String.format(Locale.ROOT, "relative residual %.3g of the system with one probability fixed",
                convergence.epsilon());
    }

    @Override
    protected Solution solveIrreducible(Generator q) {
        int n = q.states();
        double[] x = new double[n];
        Arrays.fill(x, 1.0 / n);
        GaussSeidelSweeps.run(q, x, Math.min(WARM_UP_SWEEPS, 1 + 20_000_000 / Math.max(1, (int) q.transitions())));
        long iterations = 0;
        for (int attempt = 0; attempt < 3; attempt++) {
            int r = argMax(x);
            scale(x, 1.0 / x[r]);
            iterations += bicgstab(new ReducedSystem(q, r), x, iterations);
            clampNegatives(x);
            int best = argMax(x);
            if (x[best] <= 1000 * x[r]) {
                return new Solution(x, iterations, criterion());
            }
        }
        return new Solution(x, iterations, criterion());
    }

    /** Restarts allowed when the recursively updated residual drifted from the true one. */
    private static final int MAX_RESTARTS = 25;

    /**
     * Solves in place starting from x; returns the iterations used. BiCGSTAB's residual is
     * updated by recurrence and drifts from the true {@code b − A x} in floating point, so the
     * criterion is always confirmed on the true residual, restarting from the iterate when they
     * disagree; an answer whose true residual misses the criterion is never returned.
     */
    private long bicgstab(ReducedSystem a, double[] x, long done) {
        int n = a.n;
        Ilu0 m = new Ilu0(a);
        double[] r = new double[n];
        double bNorm = norm(a.b);
        double tol = convergence.epsilon() * bNorm;
        long max = convergence.maxIterations();
        long used = 0;
        double[] best = x.clone();
        double bestNorm = Double.POSITIVE_INFINITY;
        for (int restart = 0; restart <= MAX_RESTARTS && used < max; restart++) {
            double trueNorm = trueResidual(a, x, r);
            if (trueNorm <= tol) {
                return used;
            }
            if (trueNorm < bestNorm) {
                bestNorm = trueNorm;
                System.arraycopy(x, 0, best, 0, x.length);
            } else {            // the last run diverged: restart from the best iterate seen
                System.arraycopy(best, 0, x, 0, x.length);
                trueResidual(a, x, r);
            }
            used += iterate(a, m, x, r, tol, max - used, done + used);
        }
        double trueNorm = trueResidual(a, x, r);
        if (trueNorm <= tol) {
            return used;
        }
        if (trueNorm > bestNorm) {
            System.arraycopy(best, 0, x, 0, x.length);
            trueNorm = bestNorm;
        }
        throw new NotConvergedException(Accuracy.iterative(name(), done + used, trueNorm / bNorm, criterion(), false),
                "raise 'maxIterations', loosen 'epsilon', or use 'method' multilevel, gs or direct");
    }

    /** r = b − A x; returns ‖r‖₂. */
    private static double trueResidual(ReducedSystem a, double[] x, double[] r) {
        a.multiply(x, r);
        for (int i = 0; i < a.n; i++) {
            r[i] = a.b[i] - r[i];
        }
        return norm(r);
    }

    /**
     * One BiCGSTAB run from x with residual r (updated in place) until the recursive residual
     * meets tol, a breakdown, or the budget; returns the iterations used.
     */
    private long iterate(ReducedSystem a, Ilu0 m, double[] x, double[] r, double tol, long budget, long done) {
        int n = a.n;
        double[] rHat = r.clone();
        double[] p = new double[n];
        double[] v = new double[n];
        double[] pHat = new double[n];
        double[] s = new double[n];
        double[] sHat = new double[n];
        double[] t = new double[n];
        double rho = 1;
        double alpha = 1;
        double omega = 1;
        for (long it = 1; it <= budget; it++) {
            double rhoNew = dot(rHat, r);
            if (rhoNew == 0 || omega == 0) {   // breakdown: the caller restarts from the iterate
                return it;
            }
            double beta = (rhoNew / rho) * (alpha / omega);
            for (int i = 0; i < n; i++) {
                p[i] = r[i] + beta * (p[i] - omega * v[i]);
            }
            m.solve(p, pHat);
            a.multiply(pHat, v);
            alpha = rhoNew / dot(rHat, v);
            for (int i = 0; i < n; i++) {
                s[i] = r[i] - alpha * v[i];
            }
            if (norm(s) <= tol) {
                for (int i = 0; i < n; i++) {
                    x[i] += alpha * pHat[i];
                }
                return it;
            }
            m.solve(s, sHat);
            a.multiply(sHat, t);
            double tt = dot(t, t);
            omega = tt > 0 ? dot(t, s) / tt : 0;
            for (int i = 0; i < n; i++) {
                x[i] += alpha * pHat[i] + omega * sHat[i];
                r[i] = s[i] - omega * t[i];
            }
            rho = rhoNew;
            double rNorm = norm(r);
            if (it % 4 == 0) {
                progress.progress(done + it, done + budget, "BiCGSTAB iterations");
            }
            if (rNorm <= tol || !Double.isFinite(rNorm)) {
                return it;
            }
        }
        return budget;
    }

    static int argMax(double[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > x[best]) {
                best = i;
            }
        }
        return best;
    }

    private static void scale(double[] x, double f) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= f;
        }
    }

    private static void clampNegatives(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] < 0) {
                x[i] = 0;
            }
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
