package org.p2prollout.model.swarm;

import java.util.Arrays;
import org.p2prollout.core.InvalidInputException;

/**
 * The distribution of a sum of independent exponential sojourns with given rates (per second):
 * the time a pure-birth chain needs to pass through its states. Exact mean and variance; the CDF
 * by the Fourier-series method with rigorous error bounds, cheap for millions of rates.
 *
 * <p>Method. The density is folded onto a period {@code [0, P]} where {@code P} is a Chernoff
 * bound with {@code P(T > P) <= 1e-11}; its cosine series gives
 * {@code F(t) = h t / pi + (2/pi) sum_k sin(k h t) Re phi(k h) / k} with {@code h = pi / P} and
 * {@code phi} the characteristic function {@code prod r / (r - i w)}. Errors: folding adds at most
 * {@code P(T > P)}; the series is cut when the tail bound
 * {@code |phi(Kh)| sqrt(1+(r1/Kh)^2) sqrt(1+(r2/Kh)^2) / pi} (two smallest rates) is below
 * {@code 1e-11}. {@code log phi} sums {@code -log(1 - i w / r)} directly over rates below
 * {@code 4w} and through precomputed power sums (31 terms, |w/r| &lt;= 1/4, remainder below
 * 1e-13 even for 10^8 rates) over the rest, so one evaluation costs a few hundred operations
 * whatever the number of rates. One and two rates use exact formulas. When the slowest rate r0 is
 * below a tenth of the others and r0 E[rest] &lt; 1, the sum is split exactly as
 * {@code F(t) = F_Y(t) - e^{-r0 t} E[e^{r0 Y}] F_Y'(t)} (Y the other sojourns, Y' the same with rates
 * r_i - r0: the exponential tilt of Y), each part by this class.
 */
public final class Hypoexponential implements TimeDistribution {
    private static final double TAIL = 1e-11;
    private static final double TRUNCATION = 1e-11;
    private static final int TERMS = 31;
    private static final int MAX_BANDS = 160;
    private static final int MAX_COEFFICIENTS = 1 << 23;

    private final double[] rates;
    private final double mean;
    private final double variance;
    private final double period;
    private final double step;
    private final double[] coefficients;
    private final double error;
    /** Split form for a slow first sojourn: T = Exp(r0) + Y, see {@link #splitCdf}. */
    private final Hypoexponential rest;
    private final Hypoexponential tilted;
    private final double tiltFactor;

    /**
     * @param rates positive finite rates per second (copied; the input is not modified); an empty
     *              array is the point mass at 0
     */
    public Hypoexponential(double[] rates) {
        double[] r = rates.clone();
        for (double x : r) {
            if (!(x > 0) || Double.isInfinite(x)) {
                throw new InvalidInputException("sojourn rates must be finite numbers > 0, got " + x);
            }
        }
        if (!isSorted(r)) {
            Arrays.sort(r);
        }
        this.rates = r;
        double m = 0;
        double v = 0;
        for (int i = r.length - 1; i >= 0; i--) { // smallest terms first
            m += 1 / r[i];
            v += 1 / (r[i] * r[i]);
        }
        this.mean = m;
        this.variance = v;
        if (r.length <= 2) {
            period = Double.NaN;
            step = Double.NaN;
            coefficients = new double[0];
            error = 1e-15;
            rest = null;
            tilted = null;
            tiltFactor = Double.NaN;
            return;
        }
        double r0 = r[0];
        double restMean = m - 1 / r0;
        if (r[1] > 10 * r0 && r0 * restMean < 1) {
            // one sojourn far slower than the rest: a Fourier series would need ~ (r1/r0)^(2/3) terms;
            // use F(t) = F_Y(t) - e^{-r0 t} E[e^{r0 Y}] F_Y'(t), Y' the tilted sum with rates r_i - r0
            double[] y = Arrays.copyOfRange(r, 1, r.length);
            double[] yt = new double[y.length];
            double logM = 0;
            for (int i = 0; i < y.length; i++) {
                yt[i] = y[i] - r0;
                logM -= Math.log1p(-r0 / y[i]);
            }
            rest = new Hypoexponential(y);
            tilted = new Hypoexponential(yt);
            tiltFactor = Math.exp(logM);
            period = Double.NaN;
            step = Double.NaN;
            coefficients = new double[0];
            error = rest.cdfError() + tiltFactor * tilted.cdfError() + 1e-15;
            return;
        }
        rest = null;
        tilted = null;
        tiltFactor = Double.NaN;
        Bands bands = new Bands(r);
        this.period = tailPoint(bands);
        this.step = Math.PI / period;
        double[] c = new double[1024];
        int k = 0;
        double r1 = r[0];
        double r2 = r[1];
        while (true) {
            k++;
            double w = k * step;
            double[] lp = bands.logPhi(w);
            double mod = Math.exp(lp[0]);
            if (k >= c.length) {
                if (c.length >= MAX_COEFFICIENTS) {
                    throw new org.p2prollout.solver.NotConvergedException(org.p2prollout.solver.Accuracy.iterative(
                            "Fourier series of the rollout time", k, Double.NaN, "truncation bound below tolerance",
                            false), MAX_COEFFICIENTS + " terms did not suffice (rates spread too widely)",
                            "the mean-field model (a larger N) or fewer distinct rates");
                }
                c = Arrays.copyOf(c, c.length * 2);
            }
            c[k] = 2 / Math.PI * mod * Math.cos(lp[1]) / k;
            double tailBound = mod * Math.sqrt(1 + sq(r1 / w)) * Math.sqrt(1 + sq(r2 / w)) / Math.PI;
            if (tailBound <= TRUNCATION) {
                break;
            }
        }
        this.coefficients = Arrays.copyOf(c, k + 1);
        this.error = TAIL + TRUNCATION + 1e-15 * Math.log(k + 1.0) * 10;
    }

    private static boolean isSorted(double[] r) {
        for (int i = 1; i < r.length; i++) {
            if (r[i] < r[i - 1]) {
                return false;
            }
        }
        return true;
    }

    private static double sq(double x) {
        return x * x;
    }

    /** A Chernoff point P with P(T > P) <= TAIL: min over theta of (log E e^{theta T} + ln(1/TAIL)) / theta. */
    private double tailPoint(Bands bands) {
        double best = Double.POSITIVE_INFINITY;
        for (double f : new double[] {0.3, 0.5, 0.7, 0.85, 0.95}) {
            double theta = f * rates[0];
            double logMgf = bands.logMgf(theta);
            best = Math.min(best, (logMgf + Math.log(1 / TAIL)) / theta);
        }
        return best;
    }

    /** Number of sojourns. */
    public int size() {
        return rates.length;
    }

    @Override
    public double mean() {
        return mean;
    }

    public double variance() {
        return variance;
    }

    @Override
    public double sd() {
        return Math.sqrt(variance);
    }

    @Override
    public double cdfError() {
        return error;
    }

    /**
     * A point P (seconds) with P(T &gt; P) &lt;= 1e-11 (Chernoff or union bound).
     */
    public double tailPoint() {
        if (rates.length <= 2) {
            // P(sum > x) <= sum_i P(tau_i > x / n)
            return rates.length == 0 ? 0 : rates.length * Math.log(rates.length / TAIL) / rates[0];
        }
        if (rest != null) {
            // P(T > x) <= P(Exp(r0) > x/2) + P(Y > x/2)
            return Math.max(2 * rest.tailPoint(), 2 * Math.log(1 / TAIL) / rates[0]);
        }
        return period;
    }

    /** Number of Fourier terms used (0 for one or two rates, which have exact formulas). */
    public int fourierTerms() {
        return Math.max(0, coefficients.length - 1);
    }

    @Override
    public double cdf(double t) {
        if (!(t > 0)) {
            return 0;
        }
        int n = rates.length;
        if (n == 0) {
            return 1;
        }
        if (n == 1) {
            return -Math.expm1(-rates[0] * t);
        }
        if (n == 2) {
            double a = rates[0];
            double d = rates[1] - a;
            // 1 - e^{-a t} [1 + a (1 - e^{-d t}) / d], stable as d -> 0 (Erlang-2 limit)
            double frac = d * t < 1e-8 ? t * (1 - 0.5 * d * t) : -Math.expm1(-d * t) / d;
            return clamp(1 - Math.exp(-a * t) * (1 + a * frac));
        }
        if (rest != null) {
            return clamp(rest.cdf(t) - Math.exp(-rates[0] * t) * tiltFactor * tilted.cdf(t));
        }
        if (t >= period) {
            return 1;
        }
        double x = step * t;
        double f = x / Math.PI;
        // sin(k x) by the Chebyshev recurrence, re-seeded every 32 terms to bound rounding growth
        double[] c = coefficients;
        int k = 1;
        while (k < c.length) {
            double s0 = Math.sin(k * x);
            double s1 = Math.sin((k - 1) * x);
            double twoCos = 2 * Math.cos(x);
            int end = Math.min(c.length, k + 32);
            for (; k < end; k++) {
                f += c[k] * s0;
                double s2 = twoCos * s0 - s1;
                s1 = s0;
                s0 = s2;
            }
        }
        return clamp(f);
    }

    private static double clamp(double p) {
        return p < 0 ? 0 : (p > 1 ? 1 : p);
    }

    @Override
    public double quantile(double level) {
        if (rates.length == 0) {
            return 0;
        }
        return TimeDistribution.bisect(this::cdf, level, Math.max(mean, Double.MIN_NORMAL) * 2);
    }

    /**
     * Rates grouped in octave bands above the smallest rate, with per-band power sums
     * sum (R_b / r)^n for n = 1..31, so that the sum over all rates above a threshold of any power of
     * (z / r) costs 31 operations.
     */
    private static final class Bands {
        private final double[] rates;
        private final double base;
        private final int count;
        /** bandStart[b] = first index (in ascending rates) of band b; bandStart[count] = n. */
        private final int[] bandStart;
        /** sums[j][n] = sum over rates in bands >= j of (R_j / r)^n. */
        private final double[][] sums;

        Bands(double[] rates) {
            this.rates = rates;
            this.base = rates[0];
            int last = Math.min(MAX_BANDS - 1, Math.max(0, Math.getExponent(rates[rates.length - 1] / base)));
            this.count = last + 1;
            double[][] band = new double[count][TERMS + 1];
            bandStart = new int[count + 1];
            Arrays.fill(bandStart, rates.length);
            int current = -1;
            for (int i = 0; i < rates.length; i++) {
                int b = Math.min(last, Math.max(0, Math.getExponent(rates[i] / base)));
                while (current < b) {
                    current++;
                    bandStart[current] = i;
                }
                double x = Math.scalb(base, b) / rates[i];
                double p = x;
                double[] s = band[b];
                for (int n = 1; n <= TERMS; n++) {
                    s[n] += p;
                    p *= x;
                }
            }
            for (int b = current + 1; b <= count; b++) {
                bandStart[b] = rates.length;
            }
            sums = new double[count + 1][TERMS + 1];
            for (int j = count - 1; j >= 0; j--) {
                double scale = 0.5;
                for (int n = 1; n <= TERMS; n++) {
                    sums[j][n] = band[j][n] + sums[j + 1][n] * scale;
                    scale *= 0.5;
                }
            }
        }

        /** First band j whose lower edge R_j = base 2^j is at least 4 z (count when none). */
        private int firstLightBand(double z) {
            double ratio = 4 * z / base;
            if (ratio <= 1) {
                return 0;
            }
            int j = Math.getExponent(ratio);
            if (Math.scalb(1.0, j) < ratio) {
                j++;
            }
            return Math.min(j, count);
        }

        /** (Re, Im) of log phi(w) = -sum log(1 - i w / r). */
        double[] logPhi(double w) {
            int j = firstLightBand(w);
            int heavy = bandStart[j];
            double re = 0;
            double im = 0;
            for (int i = 0; i < heavy; i++) {
                double x = w / rates[i];
                re -= 0.5 * Math.log1p(x * x);
                im += Math.atan(x);
            }
            if (j < count) {
                double u = w / Math.scalb(base, j);
                double[] s = sums[j];
                double p = u;
                double sign = 1;
                // atan: sum (-1)^k u^{2k+1} S_{2k+1} / (2k+1); log1p(x^2): sum (-1)^{k+1} u^{2k} S_{2k} / k
                for (int n = 1; n <= TERMS; n++) {
                    if ((n & 1) == 1) {
                        im += sign * p * s[n] / n;
                    } else {
                        re -= 0.5 * sign * p * s[n] / (n / 2);
                        sign = -sign;
                    }
                    p *= u;
                }
                // sign pattern: n=1:+ (atan), n=2:+ (log1p), n=3:- , n=4:- ...
            }
            return new double[] {re, im};
        }

        /** log E exp(theta T) = -sum log(1 - theta / r), for 0 < theta < smallest rate. */
        double logMgf(double theta) {
            int j = firstLightBand(theta);
            int heavy = bandStart[j];
            double v = 0;
            for (int i = 0; i < heavy; i++) {
                v -= Math.log1p(-theta / rates[i]);
            }
            if (j < count) {
                double u = theta / Math.scalb(base, j);
                double[] s = sums[j];
                double p = u;
                for (int n = 1; n <= TERMS; n++) {
                    v += p * s[n] / n;
                    p *= u;
                }
            }
            return v;
        }
    }
}
