package org.p2prollout.model.bench;

/** {@code rates-cab-day-4x}: see {@link CabReplayWorkload}. */
public final class RatesCabDay4x extends CabReplayWorkload {
    public RatesCabDay4x() {
        super("rates-cab-day-4x", 4);
    }
}
