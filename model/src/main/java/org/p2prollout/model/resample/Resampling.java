package org.p2prollout.model.resample;

import java.util.List;
import org.p2prollout.model.rates.IntervalSet;

/**
 * What a resampling sweep did.
 *
 * @param firstTime first grid time swept, seconds
 * @param lastTime  last grid time swept, seconds
 * @param steps     grid steps swept
 * @param samples   (device, step) positions produced
 * @param observed  per device, the times it was observed: each run of grid steps k..m at which
 *                  the device had a position becomes {@code [kΔ, (m+1)Δ]}, i.e. every sample
 *                  stands for the step that follows it, so the measure is Δ × samples
 */
public record Resampling(double firstTime, double lastTime, long steps, long samples, List<IntervalSet> observed) {
    public Resampling {
        observed = List.copyOf(observed);
    }
}
