package org.p2prollout.model.swarm;

/**
 * Expected fraction of the fleet holding the update at given times.
 *
 * @param times    seconds since release, as asked
 * @param fraction E[holders(t)] / N at each time, in [0, 1]
 * @param method   how it was computed
 * @param error    bound on the absolute error of each fraction (NaN for mean-field)
 */
public record CoverageCurve(double[] times, double[] fraction, PredictionMethod method, double error) {
}
