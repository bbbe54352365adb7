package org.p2prollout.solver.absorption;

import org.p2prollout.solver.Accuracy;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;

/**
 * Finds {@code inf{t : P(T <= t) >= p}} by a grid search: every uniformisation pass evaluates the
 * CDF at {@value #GRID} points of the bracket at once (they share the iterates), shrinking it by a
 * factor {@value #GRID} per pass, until its width is at most {@code quantileTolerance × upper}
 * (three passes for 1e-6). With Laplace inversion (one transform series per point) a safeguarded
 * Newton iteration is used instead.
 *
 * <p>Upper end: when E[T] is finite, Cantelli's inequality {@code P(T >= μ + kσ) <= 1/(1+k²)}
 * gives {@code CDF(μ + σ·√(p/(1−p))) >= p}; otherwise (or if rounding says otherwise) times are
 * doubled until the CDF reaches p.
 */
final class QuantileSearch {
    /** CDF points per uniformisation pass: they share the iterates, so many cost little more than one. */
    static final int GRID = 128;
    static final int DOUBLINGS = 40;
    private final AbsorptionAnalysis a;
    private final AbsorptionOptions options;

    QuantileSearch(AbsorptionAnalysis a, AbsorptionOptions options) {
        this.a = a;
        this.options = options;
    }

    Quantile find(double p) {
        if (!(p > 0 && p < 1)) {
            throw new InvalidInputException("quantile level must be in (0, 1), got " + p);
        }
        if (a.initialAbsorbedMass() >= p) {
            return new Quantile(p, 0, 0, 0, 0, new Accuracy("initial mass", 0, Double.NaN, 0, "exact", true));
        }
        if (a.absorptionProbability() < p) {
            double inf = Double.POSITIVE_INFINITY;
            return new Quantile(p, inf, inf, inf, 0,
                    new Accuracy("absorption probability " + a.absorptionProbability() + " < p", 0, Double.NaN, 0, "exact", true));
        }
        int passes = 0;
        double bound = 0;
        double lo = 0;
        double hi = Double.NaN;
        double tol = options.quantileTolerance();
        double mean = a.meanTime();
        if (Double.isFinite(mean)) {
            double cantelli = Math.max(mean + a.sdTime() * Math.sqrt(p / (1 - p)), Math.ulp(mean) * 4);
            if (a.usesLaplace(cantelli)) {
                CdfResult r = a.cdf(new double[] {cantelli}, ProgressListener.NONE);
                passes++;
                bound = Math.max(bound, r.errors()[0]);
                if (r.values()[0] >= p) {
                    return newton(p, 0, cantelli, passes, tol, bound);
                }
                lo = cantelli;
            } else {
                // the grid's last point is the Cantelli bound itself: no separate check needed
                double[] ts = grid(0, cantelli);
                CdfResult r = a.cdf(ts, ProgressListener.NONE);
                passes++;
                bound = Math.max(bound, max(r.errors()));
                int i = firstAtLeast(r, p);
                if (i >= 0) {
                    hi = ts[i];
                    lo = i == 0 ? 0 : ts[i - 1];
                } else {
                    lo = cantelli;   // rounding: the bound's end fell just short of p
                }
            }
        }
        if (Double.isNaN(hi)) {  // doubling, many times per pass
            // lo has CDF < p (it is 0 or a failed upper end); try lo·2^i, or from 1/(16Λ) up
            double first = lo > 0 ? 2 * lo : 1.0 / (16 * Math.max(a.maxExitRate(), 1e-300));
            double[] ts = new double[DOUBLINGS];
            for (int k = 0; ; k++) {
                for (int i = 0; i < DOUBLINGS; i++) {
                    ts[i] = first * Math.pow(2, i);
                }
                CdfResult r = a.cdf(ts, ProgressListener.NONE);
                passes++;
                int i = firstAtLeast(r, p);
                bound = Math.max(bound, max(r.errors()));
                if (i >= 0) {
                    hi = ts[i];
                    lo = i == 0 ? lo : ts[i - 1];
                    break;
                }
                lo = ts[DOUBLINGS - 1];
                first = 2 * lo;
                if (k > 60) {
                    throw new IllegalStateException("no time with P(T <= t) >= " + p + " up to " + lo + " s");
                }
            }
        }
        if (a.usesLaplace(hi)) {
            return newton(p, lo, hi, passes, tol, bound);
        }
        while (hi - lo > tol * hi) {
            double[] ts = grid(lo, hi);
            CdfResult r = a.cdf(ts, ProgressListener.NONE);
            passes++;
            bound = Math.max(bound, max(r.errors()));
            int i = firstAtLeast(r, p);
            if (i >= 0) {
                hi = ts[i];
                if (i > 0) {
                    lo = ts[i - 1];
                }
            } else {
                lo = ts[GRID - 1];  // only if hi's value changed by rounding between passes
            }
        }
        return new Quantile(p, (lo + hi) / 2, lo, hi, bound, new Accuracy(GRID + "-point grid search on the uniformisation CDF",
                passes, Double.NaN, Double.NaN, "bracket width <= " + tol + " x upper end", true));
    }

    /** GRID points in (lo, hi], the last one hi. */
    private static double[] grid(double lo, double hi) {
        double[] ts = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            ts[i] = i == GRID - 1 ? hi : lo + (hi - lo) * (i + 1) / GRID;
        }
        return ts;
    }

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    /**
     * Safeguarded Newton on F(t) − p with the density from the same Laplace inversion, inside the
     * bracket [lo, hi]; the final bracket t·(1 ± tol) is verified by two more evaluations.
     */
    private Quantile newton(double p, double lo, double hi, int passes, double tol, double err0) {
        double mean = a.meanTime();
        double t = Double.isFinite(mean) && mean > lo && mean < hi ? mean : (lo + hi) / 2;
        double err = err0;
        int evaluations = 0;
        for (int it = 0; it < 200; it++) {
            double[] fd = a.laplacePoint(t);
            evaluations++;
            err = Math.max(err, fd[2]);
            if (fd[0] >= p) {
                hi = t;
            } else {
                lo = t;
            }
            double next = t - (fd[0] - p) / fd[1];
            if (!(fd[1] > 0) || !(next > lo && next < hi)) {
                next = (lo + hi) / 2;
            }
            boolean done = Math.abs(next - t) <= tol * t / 4 || hi - lo <= tol * hi;
            t = next;
            if (done) {
                break;
            }
        }
        double lower = t * (1 - tol / 2);
        double upper = t * (1 + tol / 2);
        double[] fl = a.laplacePoint(lower);
        double[] fu = a.laplacePoint(upper);
        evaluations += 2;
        boolean verified = fl[0] < p && fu[0] >= p;
        if (!verified) {   // fall back to the bracket found by the iteration
            lower = lo;
            upper = hi;
        }
        err = Math.max(err, Math.max(fl[2], fu[2]));
        return new Quantile(p, (lower + upper) / 2, lower, upper, err, new Accuracy("safeguarded Newton on the Laplace-inverted CDF",
                passes + evaluations, Double.NaN, Double.NaN, "step <= " + tol + "/4 x t, bracket t(1 +- tol/2) "
                + (verified ? "verified" : "not verified: bracket from bisection steps"), verified || hi - lo <= tol * hi));
    }

    private static int firstAtLeast(CdfResult r, double p) {
        double[] v = r.values();
        for (int i = 0; i < v.length; i++) {
            if (v[i] >= p) {
                return i;
            }
        }
        return -1;
    }
}
