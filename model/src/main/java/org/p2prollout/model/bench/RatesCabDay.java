package org.p2prollout.model.bench;

/** {@code rates-cab-day}: see {@link CabReplayWorkload}. */
public final class RatesCabDay extends CabReplayWorkload {
    public RatesCabDay() {
        super("rates-cab-day", 1);
    }
}
