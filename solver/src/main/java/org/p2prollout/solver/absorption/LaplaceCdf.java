package org.p2prollout.solver.absorption;

import org.p2prollout.solver.Generator;

/**
 * CDF and density of the time to absorption T of an acyclic chain by numerical inversion of its
 * Laplace–Stieltjes transform {@code L(s) = E[e^{−sT}] = α_A + α_T (sI − Q_TT)^{-1} q_A}, where
 * {@code q_A} holds the rates into A. For an acyclic transient part, {@code L(s)} takes one pass
 * over the transitions in topological order per complex s ({@code y_j = (α_j + Σ_i y_i q_ij)/(E_j + s)}).
 *
 * <p>Inversion: the Fourier-series method EULER of Abate and Whitt (1992, "The Fourier-series
 * method for inverting transforms of probability distributions", Queueing Systems 10):
 * {@code g(t) ≈ (e^{A/2}/2t) Re ĝ(A/2t) + (e^{A/2}/t) Σ_{k>=1} (−1)^k Re ĝ((A + 2πik)/2t)}, the
 * alternating series summed with Euler summation ({@value #EULER_M} binomial terms), terms added
 * until the result settles. The CDF is the inverse of {@code ĝ = L(s)/s}, the density that of
 * {@code L(s) − α_A}. Error: the aliasing error of a CDF is proven {@code <= e^{−A}/(1−e^{−A})}
 * ≈ 2.8e-10 (A = 22); the series truncation is estimated by the change between Euler sums
 * {@value #STEP} terms apart; rounding is about e^{A/2}·1e-16 per term (≈ 1e-11). The number of
 * terms grows like t / (width of the distribution near t) (about 120 for a 10^6-state epidemic
 * chain); up to 8 terms share one pass over the transitions, and passes run on the workers.
 */
final class LaplaceCdf {
    /** Damping: the aliasing (discretisation) error of a CDF is at most e^{−A}/(1 − e^{−A}). */
    static final double A = 22;
    static final double DISCRETISATION_BOUND = Math.exp(-A) / (1 - Math.exp(-A));
    static final int EULER_M = 11;
    static final int FIRST = 15;
    static final int STEP = 8;
    static final int MAX_TERMS = 20_000;
    static final double SERIES_TOLERANCE = 1e-11;
    private final Generator q;
    private final TransientClasses classes;
    private final double[] alpha;
    private final double[] rateIntoA;   // per transient state
    private final double massInA;       // α_A
    private final int threads;
    /** Transforms per pass: up to 8, fewer when 2 × 8 bytes × states × batch would exceed 128 MiB per worker. */
    private final int batch;
    /** One workspace {re, im} per worker, allocated on first use. */
    private final double[][][] workspaces;

    LaplaceCdf(Generator q, TransientClasses classes, boolean[] absorbing, double[] initial, int threads) {
        this.q = q;
        this.classes = classes;
        this.alpha = initial;
        int n = q.states();
        this.rateIntoA = new double[n];
        double a = 0;
        for (int s = 0; s < n; s++) {
            if (absorbing[s]) {
                a += initial[s];
            } else if (classes.classOf[s] >= 0) {
                double r = 0;
                for (int k = q.rowStart(s); k < q.rowEnd(s); k++) {
                    if (absorbing[q.column(k)]) {
                        r += q.rate(k);
                    }
                }
                rateIntoA[s] = r;
            }
        }
        this.massInA = a;
        this.threads = Math.max(1, threads);
        this.batch = (int) Math.max(1, Math.min(8, (128L << 20) / (16L * Math.max(1, n))));
        this.workspaces = new double[this.threads][][];
    }

    /** Whether every transient class is a single state (the chain restricted to T is acyclic). */
    static boolean applies(TransientClasses classes) {
        return classes.classes() == classes.members.length;
    }

    /**
     * {F(t), f(t), error estimate, transform evaluations} at t > 0 (seconds): Fourier-series
     * inversion (trapezoidal rule on the Bromwich integral) with Euler summation of the
     * alternating series, adding terms until two Euler sums {@value #STEP} terms apart agree to
     * {@value #SERIES_TOLERANCE}.
     */
    double[] cdfAndDensity(double t) {
        double u = A / (2 * t);
        double[] cdfTerms = new double[64];
        double[] denTerms = new double[64];
        int computed = 0;
        double previousCdf = Double.NaN;
        double previousDen = Double.NaN;
        double estimate = Double.NaN;
        for (int n = FIRST; n <= MAX_TERMS; n += STEP) {
            int need = n + EULER_M + 1;
            if (need > computed) {
                if (need > cdfTerms.length) {
                    cdfTerms = java.util.Arrays.copyOf(cdfTerms, Math.max(need, 2 * cdfTerms.length));
                    denTerms = java.util.Arrays.copyOf(denTerms, cdfTerms.length);
                }
                terms(t, u, computed, need, cdfTerms, denTerms);
                computed = need;
            }
            double scale = Math.exp(A / 2) / t;
            double cdf = scale * euler(cdfTerms, n);
            double density = scale * euler(denTerms, n);
            if (!Double.isNaN(previousCdf)) {
                estimate = Math.abs(cdf - previousCdf);
                if (estimate <= SERIES_TOLERANCE && Math.abs(density - previousDen) * t <= 1e3 * SERIES_TOLERANCE) {
                    return new double[] {clip(cdf), Math.max(0, density), estimate + DISCRETISATION_BOUND, computed};
                }
            }
            previousCdf = cdf;
            previousDen = density;
        }
        return new double[] {clip(previousCdf), Math.max(0, previousDen), estimate + DISCRETISATION_BOUND, computed};
    }

    /** Terms k in [from, to) of both series, in batches of {@code batch} per pass, the batches spread over the workers. */
    private void terms(double t, double u, int from, int to, double[] cdfTerms, double[] denTerms) {
        // narrower batches when that keeps every worker busy
        int width = Math.max(1, Math.min(batch, (to - from + threads - 1) / threads));
        int batches = (to - from + width - 1) / width;
        int workers = Math.min(threads, batches);
        Runnable[] jobs = new Runnable[workers];
        for (int w = 0; w < workers; w++) {
            final int worker = w;
            jobs[w] = () -> {
                double[][] ws = workspace(worker);
                double[] si = new double[width];
                double[] lr = new double[width];
                double[] li = new double[width];
                for (int bt = worker; bt < batches; bt += workers) {
                    int k0 = from + bt * width;
                    int count = Math.min(width, to - k0);
                    for (int b = 0; b < count; b++) {
                        si[b] = Math.PI * (k0 + b) / t;
                    }
                    transformBatch(u, si, count, lr, li, ws);
                    for (int b = 0; b < count; b++) {
                        int k = k0 + b;
                        double v = si[b];
                        double den = u * u + v * v;
                        double sign = (k & 1) == 0 ? 1 : -1;
                        double half = k == 0 ? 0.5 : 1;
                        cdfTerms[k] = half * sign * (lr[b] * u + li[b] * v) / den;   // Re(L(s)/s)
                        denTerms[k] = half * sign * (lr[b] - massInA);
                    }
                }
            };
        }
        java.util.concurrent.CompletableFuture<?>[] others = new java.util.concurrent.CompletableFuture<?>[workers - 1];
        for (int w = 1; w < workers; w++) {
            others[w - 1] = java.util.concurrent.CompletableFuture.runAsync(jobs[w]);
        }
        jobs[0].run();
        java.util.concurrent.CompletableFuture.allOf(others).join();
    }

    private synchronized double[][] workspace(int worker) {
        if (workspaces[worker] == null) {
            workspaces[worker] = new double[][] {new double[q.states() * batch], new double[q.states() * batch]};
        }
        return workspaces[worker];
    }

    private static double clip(double p) {
        return Math.min(1, Math.max(0, p));
    }

    /** Euler summation: Σ_{k=0}^{m} C(m,k) 2^{−m} s_{n+k}, s_j the partial sums of terms 0..j. */
    private static double euler(double[] terms, int n) {
        double partial = 0;
        for (int k = 0; k <= n; k++) {
            partial += terms[k];
        }
        double sum = 0;
        double binom = 1;
        for (int k = 0; k <= EULER_M; k++) {
            if (k > 0) {
                partial += terms[n + k];
                binom = binom * (EULER_M - k + 1) / k;
            }
            sum += binom * partial;
        }
        return sum / (1 << EULER_M);
    }

    /**
     * {@code L(s_b) = E[e^{−s_b T}]} for {@code s_b = sr + i·si[b]}, {@code b < count}, into
     * {@code lr, li}: one pass over the transitions serves the whole batch (the structure is read
     * once, the iterates of the batch sit next to each other).
     */
    private void transformBatch(double sr, double[] si, int count, double[] lr, double[] li, double[][] ws) {
        final int w = batch;
        double[] yRe = ws[0];
        double[] yIm = ws[1];
        int[] classOf = classes.classOf;
        int[] order = classes.members;
        for (int j : order) {
            double a = alpha[j];
            for (int b = 0, base = j * w; b < count; b++) {
                yRe[base + b] = a;
                yIm[base + b] = 0;
            }
        }
        for (int b = 0; b < count; b++) {
            lr[b] = massInA;
            li[b] = 0;
        }
        for (int j : order) {
            int base = j * w;
            double cr = q.exitRate(j) + sr;
            double rA = rateIntoA[j];
            boolean any = false;
            for (int b = 0; b < count; b++) {   // y_j = acc_j / (E_j + s)
                double ci = si[b];
                double den = cr * cr + ci * ci;
                double ar = yRe[base + b];
                double ai = yIm[base + b];
                double vr = (ar * cr + ai * ci) / den;
                double vi = (ai * cr - ar * ci) / den;
                yRe[base + b] = vr;
                yIm[base + b] = vi;
                lr[b] += vr * rA;
                li[b] += vi * rA;
                any |= vr != 0 || vi != 0;
            }
            if (!any) {
                continue;
            }
            for (int k = q.rowStart(j); k < q.rowEnd(j); k++) {
                int t = q.column(k);
                if (classOf[t] >= 0) {
                    double r = q.rate(k);
                    for (int b = 0, tb = t * w; b < count; b++) {
                        yRe[tb + b] += yRe[base + b] * r;
                        yIm[tb + b] += yIm[base + b] * r;
                    }
                }
            }
        }
    }
}
