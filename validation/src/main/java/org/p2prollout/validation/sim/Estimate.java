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

    /** Whether {@code value} lies in [ciLow, ciHigh]. */
    public boolean covers(double value) {
        return value >= ciLow && value <= ciHigh;
    }
}
