package org.p2prollout.model.swarm;

/**
 * The exact coverage curve of a pure-birth chain, E[holders(t)] = m + sum_j P(S_j &lt;= t) with
 * S_j = tau_0 + ... + tau_{j-1} the time to the j-th new holder, for any number of sojourns.
 *
 * <p>Method. (1/n) sum_j P(S_j &lt;= t) is the CDF of an equal mixture of the S_j. S_1 ~ Exp(r_0) is
 * taken out exactly; the rest of the mixture is inverted by the Fourier-series method of
 * {@link Hypoexponential} on its characteristic function, the average of the running products
 * prod_{i&lt;j} r_i / (r_i - i w) (O(n) per term). Every remaining component contains the factors
 * of r_0 and r_1, which bounds the series' tail as in {@link Hypoexponential}; the series is cut
 * when that bound is below {@link #TOLERANCE}. The period is the Chernoff point of S_n.
 */
final class CoverageFourier {
    static final double TOLERANCE = 1e-9;
    private static final int MAX_TERMS = 1 << 20;

    private final double r0;
    private final int n;
    private final double period;
    private final double step;
    private final double[] coefficients;
    private final double error;

    /** @param rates the sojourn rates r_0 .. r_{n-1}, n &gt;= 3 */
    CoverageFourier(double[] rates) {
        n = rates.length;
        r0 = rates[0];
        period = new Hypoexponential(rates).tailPoint();
        step = Math.PI / period;
        double r1 = rates[1];
        double[] c = new double[256];
        int k = 0;
        while (true) {
            k++;
            double w = k * step;
            double w2 = w * w;
            // running product over factors r/(r - i w); components j = 2..n
            double pr = rates[0] * rates[0] / (rates[0] * rates[0] + w2);
            double pi = rates[0] * w / (rates[0] * rates[0] + w2);
            double mod = rates[0] / Math.sqrt(rates[0] * rates[0] + w2);
            double sumRe = 0;
            double sumPsi = 0;
            for (int i = 1; i < n; i++) {
                double r = rates[i];
                double d = r * r + w2;
                double fr = r * r / d;
                double fi = r * w / d;
                double nr = pr * fr - pi * fi;
                double ni = pr * fi + pi * fr;
                pr = nr;
                pi = ni;
                mod *= r / Math.sqrt(d);
                sumRe += pr;
                sumPsi += mod;
                if (mod < 1e-300) {
                    break; // later products are smaller still
                }
            }
            double re = sumRe / (n - 1);
            double psi = sumPsi / (n - 1);
            if (k >= c.length) {
                if (c.length >= MAX_TERMS) {
                    throw new org.p2prollout.solver.NotConvergedException(org.p2prollout.solver.Accuracy.iterative(
                            "Fourier series of the coverage curve", k, Double.NaN, "truncation bound below tolerance",
                            false), MAX_TERMS + " terms did not suffice", "fewer curve times or a smaller fleet");
                }
                c = java.util.Arrays.copyOf(c, c.length * 2);
            }
            c[k] = 2 / Math.PI * re / k;
            double bound = psi * Math.sqrt(1 + r0 * r0 / w2) * Math.sqrt(1 + r1 * r1 / w2) / Math.PI;
            if (bound <= TOLERANCE) {
                break;
            }
        }
        coefficients = java.util.Arrays.copyOf(c, k + 1);
        error = TOLERANCE + 1e-11 + 1e-14 * Math.log(k + 1.0);
    }

    /** (1/n) sum_j P(S_j &lt;= t). */
    double mixtureCdf(double t) {
        if (!(t > 0)) {
            return 0;
        }
        double first = -Math.expm1(-r0 * t);
        double rest;
        if (t >= period) {
            rest = 1;
        } else {
            double x = step * t;
            double f = x / Math.PI;
            for (int j = 1; j < coefficients.length; j++) {
                f += coefficients[j] * Math.sin(j * x);
            }
            rest = Math.max(0, Math.min(1, f));
        }
        return (first + (n - 1) * rest) / n;
    }

    /** Bound on the absolute error of {@link #mixtureCdf}. */
    double error() {
        return error;
    }

    int terms() {
        return coefficients.length - 1;
    }
}
