package org.p2prollout.model.swarm;

/**
 * The distribution of a rollout time (seconds): what every swarm model hands back so that
 * callers can ask for any probability or quantile without knowing how it was computed.
 */
public interface TimeDistribution {
    /** Expected value, seconds. */
    double mean();

    /** Standard deviation, seconds ({@code 0} for a mean-field, deterministic answer). */
    double sd();

    /** P(T &lt;= t) for {@code t} in seconds; within {@link #cdfError()} of the exact value. */
    double cdf(double t);

    /**
     * The smallest t with P(T &lt;= t) &gt;= level, in seconds, for level in (0, 1); found by
     * bisection to a relative width of {@link #QUANTILE_RELATIVE_TOLERANCE}, on a CDF accurate to
     * {@link #cdfError()}.
     */
    double quantile(double level);

    /** Bound on the absolute error of {@link #cdf} (0 when exact to rounding). */
    double cdfError();

    /** Relative width of the bisection bracket that {@link #quantile} returns the upper end of. */
    double QUANTILE_RELATIVE_TOLERANCE = 1e-9;

    /** Bisection for a quantile on a non-decreasing CDF, within [0, hi]. */
    static double bisect(java.util.function.DoubleUnaryOperator cdf, double level, double hi) {
        org.p2prollout.core.Checks.fractionAboveZero("quantile level", level);
        if (level >= 1) {
            throw new org.p2prollout.core.InvalidInputException(
                    "quantile level must be in (0, 1) (the 1-quantile of a rollout time is unbounded), got " + level);
        }
        double lo = 0;
        while (cdf.applyAsDouble(hi) < level) {
            lo = hi;
            hi *= 2;
            if (hi > 1e300) {
                throw new org.p2prollout.solver.NotConvergedException(org.p2prollout.solver.Accuracy.iterative(
                        "quantile bracketing", 0, Double.NaN, "CDF(hi) >= " + level, false),
                        "the CDF stays below " + level + " up to 1e300 s", "a lower level");
            }
        }
        for (int i = 0; i < 200 && hi - lo > QUANTILE_RELATIVE_TOLERANCE * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (cdf.applyAsDouble(mid) >= level) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }
}
