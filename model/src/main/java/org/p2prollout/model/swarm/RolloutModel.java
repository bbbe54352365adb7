package org.p2prollout.model.swarm;

/**
 * A swarm model of one rollout: the answers validation and the commands ask for, one call each.
 */
public interface RolloutModel {
    /** Number of devices N. */
    long nodes();

    /** Mean, sd, quantiles (at {@code levels}), server downloads and offload of T_q. */
    RolloutPrediction predict(double coverage, double... levels);

    /** The distribution of T_q (q in (0, 1]): CDF and quantiles. */
    TimeDistribution timeDistribution(double coverage);

    /** E[fraction holding the update at t] for each t (seconds). */
    CoverageCurve coverageCurve(double[] times);

    /** The number of devices that must hold the update for coverage q: ceil(q N), exactly. */
    static long targetCount(long nodes, double coverage) {
        org.p2prollout.core.Checks.fractionAboveZero("coverage", coverage);
        return new java.math.BigDecimal(Double.toString(coverage)).multiply(java.math.BigDecimal.valueOf(nodes))
                .setScale(0, java.math.RoundingMode.CEILING).longValueExact();
    }
}
