package org.p2prollout.model.bench;

/** {@code rates-cab-day-2x}: see {@link CabReplayWorkload}. */
public final class RatesCabDay2x extends CabReplayWorkload {
    public RatesCabDay2x() {
        super("rates-cab-day-2x", 2);
    }
}
