package org.p2prollout.model.bench;

/** {@code rates-cab-24days}: see {@link CabReplayWorkload}. */
public final class RatesCabWeeks extends CabReplayWorkload {
    public RatesCabWeeks() {
        super("rates-cab-24days", 24);
    }
}
