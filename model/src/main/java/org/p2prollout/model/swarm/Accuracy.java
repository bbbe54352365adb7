package org.p2prollout.model.swarm;

/**
 * How accurate a prediction is.
 *
 * @param cdfError          bound on the absolute error of the rollout-time CDF (and of the
 *                          probabilities the quantiles are read at); 0 for mean-field
 * @param quantileTolerance relative width of the bisection bracket of each quantile
 * @param momentError       relative error bound on mean and sd (rounding for exact sums; for
 *                          mean-field, NaN: the approximation error is not bounded, only shrinks
 *                          with N)
 * @param note              one line: what the figures are exact for, or what is approximated
 */
public record Accuracy(double cdfError, double quantileTolerance, double momentError, String note) {
}
