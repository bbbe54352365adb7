package org.p2prollout.model.swarm;

/** A point mass at a time (seconds): the mean-field answer, exact only as N grows. */
public record DeterministicTime(double time) implements TimeDistribution {
    @Override
    public double mean() {
        return time;
    }

    @Override
    public double sd() {
        return 0;
    }

    @Override
    public double cdf(double t) {
        return t >= time ? 1 : 0;
    }

    @Override
    public double quantile(double level) {
        org.p2prollout.core.Checks.fractionAboveZero("quantile level", level);
        return time;
    }

    @Override
    public double cdfError() {
        return 0;
    }
}
