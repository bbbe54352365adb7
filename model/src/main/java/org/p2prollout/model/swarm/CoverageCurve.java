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
    public CoverageCurve {
        times = times.clone();
        fraction = fraction.clone();
    }

    /** The times (a copy). */
    @Override
    public double[] times() {
        return times.clone();
    }

    /** The fractions (a copy). */
    @Override
    public double[] fraction() {
        return fraction.clone();
    }

    /** Equal when every component is equal, arrays by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof CoverageCurve c && java.util.Arrays.equals(times, c.times)
                && java.util.Arrays.equals(fraction, c.fraction) && method == c.method
                && Double.compare(error, c.error) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(java.util.Arrays.hashCode(times), java.util.Arrays.hashCode(fraction), method,
                error);
    }

    @Override
    public String toString() {
        return "CoverageCurve[times=" + java.util.Arrays.toString(times) + ", fraction="
                + java.util.Arrays.toString(fraction) + ", method=" + method + ", error=" + error + "]";
    }
}
