package org.p2prollout.validation.sim;

import java.io.Serializable;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A mean over replications with its two-sided 95 % Student-t confidence interval.
 * NaN observations (e.g. T_1 not reached within the horizon) are left out and {@code n} says how
 * many were used; with {@code n < 2} the interval is NaN, with {@code n = 0} the mean too.
 *
 * @param mean   sample mean
 * @param ciLow  mean - t_{0.975, n-1} s / sqrt(n)
 * @param ciHigh mean + t_{0.975, n-1} s / sqrt(n)
 * @param n      observations used
 */
public record Estimate(double mean, double ciLow, double ciHigh, int n) implements Serializable {

    /** Level of every interval: 95 %. */
    public static final double LEVEL = 0.95;

    public static Estimate of(double[] values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        if (n == 1) {
            return new Estimate(mean, Double.NaN, Double.NaN, 1);
        }
        double ss = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double sd = Math.sqrt(ss / (n - 1));
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.5 + LEVEL / 2);
        double half = t * sd / Math.sqrt(n);
        return new Estimate(mean, mean - half, mean + half, n);
    }

    /**
     * The mean of a count per replication (items, bytes, contacts: values &gt;= 0) with an interval
     * that stays in [0, ∞): the hull of the exact Poisson (Garwood) 95 % interval of the mean count
     * — valid with any n &gt;= 1, and not empty when every count is 0 — and the Student-t interval
     * (which covers over-dispersed counts), clipped at 0. The Student-t interval alone goes below 0
     * with few replications (e.g. counts 0 and 40: t gives a lower end of −234).
     *
     * @param counts one count per replication, each &gt;= 0 (NaN left out)
     */
    public static Estimate ofCount(double[] counts) {
        Estimate t = of(counts);
        if (t.n == 0) {
            return t;
        }
        double sum = 0;
        for (double v : counts) {
            if (!Double.isNaN(v)) {
                if (v < 0) {
                    throw new IllegalArgumentException("a count must be >= 0, got " + v);
                }
                sum += v;
            }
        }
        double alpha = 1 - LEVEL;
        // Garwood: S ~ Poisson(n m); [Gamma^-1(a/2; S), Gamma^-1(1 - a/2; S + 1)] / n
        double low = sum == 0 ? 0
                : new org.apache.commons.math3.distribution.GammaDistribution(null, sum, 1)
                        .inverseCumulativeProbability(alpha / 2) / t.n;
        double high = new org.apache.commons.math3.distribution.GammaDistribution(null, sum + 1, 1)
                .inverseCumulativeProbability(1 - alpha / 2) / t.n;
        if (t.n >= 2) {
            low = Math.min(low, t.ciLow);
            high = Math.max(high, t.ciHigh);
        }
        return new Estimate(t.mean, Math.max(0, low), high, t.n);
    }

    /** Whether {@code value} lies in [ciLow, ciHigh]. */
    public boolean covers(double value) {
        return value >= ciLow && value <= ciHigh;
    }
}
