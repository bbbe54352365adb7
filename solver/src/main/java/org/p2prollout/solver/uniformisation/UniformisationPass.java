package org.p2prollout.solver.uniformisation;

import org.p2prollout.solver.Generator;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;

/**
 * One pass of uniformisation: the iterates {@code v_k = v_0 P^k}, {@code k = 0..K}, weighted
 * into distributions at several times (when asked) and reduced to scalars {@code g_k = v_k · f}
 * for given functions f, which are folded on the fly into {@code E[f(X_t)] = Σ_k w(k) g_k} and
 * {@code ∫₀ᵗ E[f(X_s)] ds = (1/Λ) Σ_k g_k P(N > k)} per time (memory independent of the number
 * of steps). Used by {@link TransientSolver}; works on copies.
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
    final double[][] distributions; // per time; an entry is null when that time's distribution is not kept
    final double[][] expectations; // per function, per time: Σ_k w(k) g_k
    final double[][] integrals;    // per function, per time: Σ_k g_k P(N > k)  (times Λ)
    private final double[] cdf;    // per time: Σ_{j<=k} w(j) so far
    long steadyAt = -1;            // m when steady state was detected
    double steadyDiff;             // d used for the steady-state bound
    double dropped;
    long steps;

    private UniformisationPass(double lambda, double[] times, FoxGlynn[] poisson, double[][] distributions, int functions) {
        this.lambda = lambda;
        this.times = times;
        this.poisson = poisson;
        this.distributions = distributions;
        this.expectations = new double[functions][times.length];
        this.integrals = new double[functions][times.length];
        this.cdf = new double[times.length];
    }

    static UniformisationPass run(Generator q, double[] initial, double[] positiveTimes, boolean keepDistributions,
                                  double[][] functions, TransientOptions o, ProgressListener progress) {
        boolean[] keep = new boolean[positiveTimes.length];
        java.util.Arrays.fill(keep, keepDistributions);
        return run(q, initial, positiveTimes, keep, functions, o, progress);
    }

    /**
     * As {@link #run(Generator, double[], double[], boolean, double[][], TransientOptions, ProgressListener)}
     * but keeping the distribution only of the times i with {@code keep[i]} (the piecewise solver
     * keeps the one at the end of a piece and reduces the others to expectations).
     */
    static UniformisationPass run(Generator q, double[] initial, double[] positiveTimes, boolean[] keep,
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
        double[][] dist = new double[nt][];
        for (int i = 0; i < nt; i++) {
            if (keep[i]) {
                dist[i] = new double[n];
            }
        }
        UniformisationPass p = new UniformisationPass(lambda, positiveTimes, fg, dist, functions.length);
        double tau = Double.isNaN(o.dropThreshold()) ? (o.epsilon() / 4) / ((double) n * (kMax + 1)) : o.dropThreshold();
        try (UniformisedStepper stepper = new UniformisedStepper(q, lambda, tau, o.threads(), initial.clone())) {
            p.iterate(stepper, functions, kMax, o, progress);
        }
        return p;
    }

    private void iterate(UniformisedStepper stepper, double[][] functions, int kMax, TransientOptions o,
                         ProgressListener progress) {
        int blocks = stepper.blocks();
        double[][] blockDots = new double[functions.length][blocks];
        int nt = times.length;
        int[] activeTimes = new int[nt];
        double[] activeWeights = new double[nt];
        double ssBudget = o.epsilon() / 4;
        for (int k = 0; ; k++) {
            int na = 0;
            for (int i = 0; i < nt; i++) {
                if (distributions[i] != null && k >= poisson[i].left() && k <= poisson[i].right()) {
                    activeTimes[na] = i;
                    activeWeights[na++] = poisson[i].weight(k);
                }
            }
            UniformisedStepper.BlockVisitor visitor = visitor(functions, blockDots, activeTimes, activeWeights, na);
            if (k == kMax) {
                int[] visited = stepper.visit(visitor);
                collect(blockDots, k, visited, visited.length);
                break;
            }
            UniformisedStepper.Stats st = stepper.step(o.steadyStateDetection(), visitor);
            collect(blockDots, k, st.visited(), st.visitedCount());
            steps++;
            dropped += st.dropped();
            if ((k & 255) == 0) {
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
                    finishSteady(stepper, functions, blockDots, m);
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
    private void finishSteady(UniformisedStepper stepper, double[][] functions, double[][] blockDots, int m) {
        int nt = times.length;
        int[] activeTimes = new int[nt];
        double[] activeWeights = new double[nt];
        int na = 0;
        for (int i = 0; i < nt; i++) {
            if (distributions[i] != null && poisson[i].right() >= m) {
                double rest = 0;
                for (int k = Math.max(m, poisson[i].left()); k <= poisson[i].right(); k++) {
                    rest += poisson[i].weight(k);
                }
                activeTimes[na] = i;
                activeWeights[na++] = rest;
            }
        }
        int[] visited = stepper.visit(visitor(functions, blockDots, activeTimes, activeWeights, na));
        collectSteady(blockDots, m, visited, visited.length);
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

    /** Sums g_k over the visited blocks and folds it into the per-time sums. */
    private void collect(double[][] blockDots, int k, int[] visited, int count) {
        for (int f = 0; f < expectations.length; f++) {
            double g = 0;
            for (int i = 0; i < count; i++) {
                g += blockDots[f][visited[i]];
            }
            for (int i = 0; i < times.length; i++) {
                FoxGlynn p = poisson[i];
                if (k > p.right()) {
                    continue;
                }
                double w = p.weight(k);
                if (f == 0) {
                    cdf[i] += w;
                }
                expectations[f][i] += w * g;
                integrals[f][i] += g * Math.max(0.0, 1.0 - cdf[i]);
            }
        }
    }

    /** Every term from m on uses v_m: g_m enters with the remaining weight, the integral with E[(N − m)^+]. */
    private void collectSteady(double[][] blockDots, int m, int[] visited, int count) {
        for (int f = 0; f < expectations.length; f++) {
            double g = 0;
            for (int i = 0; i < count; i++) {
                g += blockDots[f][visited[i]];
            }
            for (int i = 0; i < times.length; i++) {
                FoxGlynn p = poisson[i];
                if (m > p.right()) {
                    continue;
                }
                double rest = 0;
                for (int k = Math.max(m, p.left()); k <= p.right(); k++) {
                    rest += p.weight(k);
                }
                expectations[f][i] += rest * g;
                integrals[f][i] += g * p.expectedExcessOver(m);
            }
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
        return expectations[f][i];
    }

    /**
     * ∫₀ᵗ E[f(X_s)] ds = (1/Λ) Σ_k g_k P(N > k), N ~ Poisson(Λt), for function index f at time index i.
     * The steady-state tail uses Σ_{k>=m} P(N > k) = E[(N − m)^+].
     */
    double integral(int f, int i) {
        return integrals[f][i] / lambda;
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
