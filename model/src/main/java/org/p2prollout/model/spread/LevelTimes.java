package org.p2prollout.model.spread;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The summary of T_q at one level q, the JSON contract of forecasts ({@code rolloutTimes."0.5"}).
 *
 * @param mean    mean of T_q over releases that reached q, seconds (NaN when none did)
 * @param median  median of T_q over releases that reached q, seconds
 * @param low     lower end of a 95 % interval of the mean, seconds (how it was obtained is the
 *                forecast's {@code interval} note: releases, bootstrap over days, ...)
 * @param high    upper end of that interval, seconds
 * @param reached share of releases that reached q within the horizon, in [0, 1]
 */
public record LevelTimes(double mean, double median, double low, double high, double reached) {

    /**
     * The summary of a sample of independent releases, with a Student-t 95 % interval of the mean
     * (a Monte Carlo interval: it says how well the releases pin down this sample's mean, not how
     * another day would differ).
     */
    public static LevelTimes of(TimeSample s) {
        double m = s.mean();
        double n = Math.round(s.releases() * s.reachedShare());
        double half = Double.NaN;
        if (n >= 2 && Double.isFinite(s.sd())) {
            half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * s.sd() / Math.sqrt(n);
        }
        return new LevelTimes(m, s.median(), m - half, m + half, s.reachedShare());
    }

    /** The same centre with another interval. */
    public LevelTimes withInterval(double lo, double hi) {
        return new LevelTimes(mean, median, lo, hi, reached);
    }
}
