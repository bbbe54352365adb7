package org.p2prollout.solver.absorption;

import org.p2prollout.solver.Accuracy;

/**
 * A quantile of the time to absorption.
 *
 * @param probability the level p in (0, 1)
 * @param time        the reported quantile, seconds: the midpoint of [lower, upper]; 0 when the
 *                    initial mass already absorbed is {@code >= p}; +∞ when P(T < ∞) < p
 * @param lower       a time whose computed CDF is below p, seconds
 * @param upper       a time whose computed CDF is at least p, seconds
 * @param cdfErrorBound the largest error of the CDF values used: a proven bound with
 *                    uniformisation, an estimate with Laplace inversion (see {@link CdfResult}); the
 *                    true quantile lies in [lower, upper] whenever the CDF at those ends is not
 *                    within this error of p
 * @param accuracy    method "bisection on uniformisation CDF", number of uniformisation passes,
 *                    criterion (relative width), converged
 */
public record Quantile(double probability, double time, double lower, double upper, double cdfErrorBound,
                       Accuracy accuracy) {
}
