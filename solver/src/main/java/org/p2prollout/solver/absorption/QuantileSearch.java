package org.p2prollout.solver.absorption;

import org.p2prollout.solver.Accuracy;
import org.p2prollout.solver.InvalidInputException;
import org.p2prollout.solver.ProgressListener;
import org.p2prollout.solver.uniformisation.ExpectationResult;

/**
 * Finds {@code inf{t : P(T <= t) >= p}} by bracketing and then a G-section search: every
 * uniformisation pass evaluates the CDF at {@value #GRID} interior points of the bracket at once
 * (they share the iterates), shrinking it by a factor {@value #GRID}+1 per pass, until its width is
 * at most {@code quantileTolerance × upper}.
 *
 * <p>Upper end: when E[T] is finite, Cantelli's inequality {@code P(T >= μ + kσ) <= 1/(1+k²)}
 * gives {@code CDF(μ + σ·√(p/(1−p))) >= p}; otherwise (or if rounding says otherwise) times are
 * doubled until the CDF reaches p.
 */
final class QuantileSearch {
    static final int GRID = 15;
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
        double hi;
        double mean = a.meanTime();
        if (Double.isFinite(mean)) {
            hi = mean + a.sdTime() * Math.sqrt(p / (1 - p));
            hi = Math.max(hi, Math.ulp(mean) * 4);
            ExpectationResult r = a.cdf(new double[] {hi}, ProgressListener.NONE);
            passes++;
            bound = Math.max(bound, r.errorBounds()[0]);
            if (r.values()[0] < p) {
                lo = hi;
                hi = Double.NaN;
            }
        } else {
            hi = Double.NaN;
        }
        if (Double.isNaN(hi)) {  // doubling, many times per pass
            // lo has CDF < p (it is 0 or a failed upper end); try lo·2^i, or from 1/(16Λ) up
            double first = lo > 0 ? 2 * lo : 1.0 / (16 * Math.max(a.maxExitRate(), 1e-300));
            double[] ts = new double[GRID];
            for (int k = 0; ; k++) {
                for (int i = 0; i < GRID; i++) {
                    ts[i] = first * Math.pow(2, i);
                }
                ExpectationResult r = a.cdf(ts, ProgressListener.NONE);
                passes++;
                int i = firstAtLeast(r, p);
                for (double b : r.errorBounds()) {
                    bound = Math.max(bound, b);
                }
                if (i >= 0) {
                    hi = ts[i];
                    lo = i == 0 ? lo : ts[i - 1];
                    break;
                }
                lo = ts[GRID - 1];
                first = 2 * lo;
                if (k > 60) {
                    throw new IllegalStateException("no time with P(T <= t) >= " + p + " up to " + lo + " s");
                }
            }
        }
        double tol = options.quantileTolerance();
        while (hi - lo > tol * hi) {
            double[] ts = new double[GRID];
            for (int i = 0; i < GRID; i++) {
                ts[i] = lo + (hi - lo) * (i + 1) / (GRID + 1);
            }
            ExpectationResult r = a.cdf(ts, ProgressListener.NONE);
            passes++;
            for (double b : r.errorBounds()) {
                bound = Math.max(bound, b);
            }
            int i = firstAtLeast(r, p);
            if (i >= 0) {
                hi = ts[i];
                if (i > 0) {
                    lo = ts[i - 1];
                }
            } else {
                lo = ts[GRID - 1];
            }
        }
        return new Quantile(p, (lo + hi) / 2, lo, hi, bound, new Accuracy("bisection (" + (GRID + 1)
                + "-section) on the uniformisation CDF", passes, Double.NaN, Double.NaN,
                "bracket width <= " + tol + " x upper end", true));
    }

    private static int firstAtLeast(ExpectationResult r, double p) {
        double[] v = r.values();
        for (int i = 0; i < v.length; i++) {
            if (v[i] >= p) {
                return i;
            }
        }
        return -1;
    }
}
