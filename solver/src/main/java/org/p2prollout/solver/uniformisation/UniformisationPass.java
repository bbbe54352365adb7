package org.p2prollout.solver.uniformisation;

import java.util.Arrays;
import org.p2prollout.solver.Generator;
import org.p2prollout.solver.InvalidInputException;
import org.p2prollout.solver.ProgressListener;

/**
 * One pass of uniformisation: the iterates {@code v_k = v_0 P^k}, {@code k = 0..K}, weighted
 * into distributions at several times (when asked) and reduced to scalar series
 * {@code g_k = v_k · f} for given functions f. Used by {@link TransientSolver}; works on copies.
 *
 * <p>Steady-state detection: after step k the pass knows {@code d = ‖v_{k+1} − v_k‖₁}. For a
 * stochastic P, {@code ‖zP‖₁ <= ‖z‖₁}, so later differences never exceed d (plus three times the
 * mass dropped in that step, which is added), and {@code ‖v_j − v_{k+1}‖₁ <= (j−k−1)·d}. Replacing
 * every later iterate by {@code v_{k+1}} therefore costs at most {@code d·E[(N−k−1)^+]} in the
 * 1-norm for N ~ Poisson(Λt), bounded by {@code d·((Λt−k−1)^+ + √(Λt))}. The pass stops when this
 * is {@code <= ε/4} for every time still needing terms; the bound is reported per time.
 */
final class UniformisationPass {
    final double lambda;
    final double[] times;          // distinct positive times, ascending
    final FoxGlynn[] poisson;      // per time
    final double[][] distributions; // per time, or null when not kept
    final double[][] series;       // per function: g_k for k = 0..last
    int last;                      // the last k whose g_k is valid
    long steadyAt = -1;            // m when steady state was detected
    double steadyDiff;             // d used for the steady-state bound
    double dropped;
    long steps;

    private UniformisationPass(double lambda, double[] times, FoxGlynn[] poisson, double[][] distributions, double[][] series) {
        this.lambda = lambda;
        this.times = times;
        this.poisson = poisson;
        this.distributions = distributions;
        this.series = series;
    }

    static UniformisationPass run(Generator q, double[] initial, double[] positiveTimes, boolean keepDistributions,
                                  double[][] functions, TransientOptions o, ProgressListener progress) {
        int n = q.states();
        double lambda = q.maxExitRate() * o.uniformisationFactor();
        if (lambda == 0) {
            lambda = 1.0; // no transitions at all: P = I, any Λ > 0 is exact
        }
        int nt = positiveTimes.length;
        FoxGlynn[] fg = new FoxGlynn[nt];
        int kMax = 0;
        for (int i = 0; i < nt; i++) {
            double lt = lambda * positiveTimes[i];
            if (lt > 2e9 || lt > o.maxIterations()) {
                throw new InvalidInputException("uniformisation of t = " + positiveTimes[i] + " s at rate " + lambda
                        + "/s needs about " + (long) lt + " steps, more than the allowed " + o.maxIterations()
                        + "; use shorter times or a stationary or absorption analysis");
            }
            fg[i] = FoxGlynn.compute(lt, o.epsilon() / 4);
            kMax = Math.max(kMax, fg[i].right());
        }
        double[][] dist = null;
        if (keepDistributions) {
            dist = new double[nt][n];
        }
        double[][] series = new double[functions.length][kMax + 1];
        UniformisationPass p = new UniformisationPass(lambda, positiveTimes, fg, dist, series);
        double tau = Double.isNaN(o.dropThreshold()) ? (o.epsilon() / 4) / ((double) n * (kMax + 1)) : o.dropThreshold();
        try (UniformisedStepper stepper = new UniformisedStepper(q, lambda, tau, o.threads())) {
            p.iterate(stepper, initial.clone(), functions, kMax, o, progress);
        }
        return p;
    }

    private void iterate(UniformisedStepper stepper, double[] x, double[][] functions, int kMax, TransientOptions o,
                         ProgressListener progress) {
        int n = x.length;
        int blocks = stepper.blocks();
        double[] y = new double[n];
        boolean[] xActive = new boolean[blocks];
        boolean[] yActive = new boolean[blocks];
        stepper.markActive(x, xActive);
        double[][] blockDots = new double[functions.length][blocks];
        int nt = times.length;
        int[] activeTimes = new int[nt];
        double[] activeWeights = new double[nt];
        double ssBudget = o.epsilon() / 4;
        for (int k = 0; ; k++) {
            int na = 0;
            for (int i = 0; i < nt; i++) {
                if (distributions != null && k >= poisson[i].left() && k <= poisson[i].right()) {
                    activeTimes[na] = i;
                    activeWeights[na++] = poisson[i].weight(k);
                }
            }
            for (double[] bd : blockDots) {
                Arrays.fill(bd, 0.0);
            }
            UniformisedStepper.BlockVisitor visitor = visitor(functions, blockDots, activeTimes, activeWeights, na);
            if (k == kMax) {
                stepper.visit(x, xActive, visitor);
                collect(blockDots, k);
                last = k;
                break;
            }
            UniformisedStepper.Stats st = stepper.step(x, xActive, y, yActive, o.steadyStateDetection(), visitor);
            collect(blockDots, k);
            steps++;
            dropped += st.dropped();
            double[] t = x;
            x = y;
            y = t;
            boolean[] ta = xActive;
            xActive = yActive;
            yActive = ta;
            if ((k & 15) == 0) {
                progress.progress(k, kMax, "uniformisation steps");
            }
            if (o.steadyStateDetection()) {
                double d = st.diff() + 3 * st.dropped();
                int m = k + 1;
                boolean stationary = true;
                for (int i = 0; i < nt && stationary; i++) {
                    if (poisson[i].right() >= m) {
                        stationary = d * excessBound(poisson[i].lambda(), m) <= ssBudget;
                    }
                }
                if (stationary) {
                    steadyAt = m;
                    steadyDiff = d;
                    finishSteady(stepper, x, xActive, functions, blockDots, m);
                    break;
                }
            }
        }
        progress.progress(kMax, kMax, "uniformisation steps");
    }

    /** Bound on E[(N − m)^+] for N ~ Poisson(λt): (λt − m)^+ + √(λt). */
    static double excessBound(double lt, long m) {
        return Math.max(0, lt - m) + Math.sqrt(lt);
    }

    /** Every term from m on uses v_m: add it with the remaining Poisson weight, and record g_m. */
    private void finishSteady(UniformisedStepper stepper, double[] x, boolean[] xActive, double[][] functions,
                              double[][] blockDots, int m) {
        int nt = times.length;
        int[] activeTimes = new int[nt];
        double[] activeWeights = new double[nt];
        int na = 0;
        for (int i = 0; i < nt; i++) {
            if (distributions != null && poisson[i].right() >= m) {
                double rest = 0;
                for (int k = Math.max(m, poisson[i].left()); k <= poisson[i].right(); k++) {
                    rest += poisson[i].weight(k);
                }
                activeTimes[na] = i;
                activeWeights[na++] = rest;
            }
        }
        for (double[] bd : blockDots) {
            Arrays.fill(bd, 0.0);
        }
        stepper.visit(x, xActive, visitor(functions, blockDots, activeTimes, activeWeights, na));
        collect(blockDots, m);
        last = m;
    }

    private UniformisedStepper.BlockVisitor visitor(double[][] functions, double[][] blockDots, int[] activeTimes,
                                                    double[] activeWeights, int na) {
        return (b, from, to, v) -> {
            for (int a = 0; a < na; a++) {
                double[] acc = distributions[activeTimes[a]];
                double w = activeWeights[a];
                for (int j = from; j < to; j++) {
                    acc[j] += w * v[j];
                }
            }
            for (int f = 0; f < functions.length; f++) {
                double[] fn = functions[f];
                double s = 0;
                for (int j = from; j < to; j++) {
                    s += fn[j] * v[j];
                }
                blockDots[f][b] = s;
            }
        };
    }

    private void collect(double[][] blockDots, int k) {
        for (int f = 0; f < series.length; f++) {
            double s = 0;
            for (double v : blockDots[f]) {
                s += v;
            }
            series[f][k] = s;
        }
    }

    /** Steady-state error bound in the 1-norm for time index i (0 when not detected or not needed). */
    double steadyBound(int i) {
        if (steadyAt < 0 || poisson[i].right() < steadyAt) {
            return 0;
        }
        return steadyDiff * excessBound(poisson[i].lambda(), steadyAt);
    }

    /** 1-norm error bound of the distribution at time index i. */
    double errorBound(int i) {
        return 2 * poisson[i].truncatedMassBound() + dropped + steadyBound(i);
    }

    /** E[f(X_t)] = Σ_k w(k) g_k for function index f at time index i. */
    double expectation(int f, int i) {
        FoxGlynn p = poisson[i];
        double[] g = series[f];
        double s = 0;
        int end = Math.min(p.right(), steadyAt >= 0 ? (int) steadyAt - 1 : p.right());
        for (int k = p.left(); k <= end; k++) {
            s += p.weight(k) * g[k];
        }
        if (steadyAt >= 0 && p.right() >= steadyAt) {
            double rest = 0;
            for (int k = Math.max((int) steadyAt, p.left()); k <= p.right(); k++) {
                rest += p.weight(k);
            }
            s += rest * g[(int) steadyAt];
        }
        return s;
    }

    /**
     * ∫₀ᵗ E[f(X_s)] ds = (1/Λ) Σ_k g_k P(N > k), N ~ Poisson(Λt), for function index f at time index i.
     * The steady-state tail uses Σ_{k>=m} P(N > k) = E[(N − m)^+].
     */
    double integral(int f, int i) {
        FoxGlynn p = poisson[i];
        double[] g = series[f];
        int end = Math.min(p.right(), steadyAt >= 0 ? (int) steadyAt - 1 : p.right());
        double s = 0;
        double cdf = 0;
        for (int k = 0; k <= end; k++) {
            cdf += p.weight(k);
            s += g[k] * Math.max(0.0, 1.0 - cdf);
        }
        if (steadyAt >= 0 && p.right() >= steadyAt) {
            s += g[(int) steadyAt] * p.expectedExcessOver((int) steadyAt);
        }
        return s / lambda;
    }

    /**
     * Error bound of {@link #integral} for a function with sup-norm {@code fMax}: truncation
     * {@code 2δ(R+1)/Λ + tδ}, dropped mass {@code t·dropped}, and the steady-state shortcut
     * {@code d/(2Λ)·((Λt−m)^+ + √(Λt))²}.
     */
    double integralBound(double fMax, int i) {
        FoxGlynn p = poisson[i];
        double t = times[i];
        double delta = p.truncatedMassBound();
        double b = 2 * delta * (p.right() + 1) / lambda + t * delta + t * dropped;
        if (steadyAt >= 0 && p.right() >= steadyAt) {
            double e = excessBound(p.lambda(), steadyAt);
            b += steadyDiff / (2 * lambda) * e * e;
        }
        return fMax * b;
    }
}
