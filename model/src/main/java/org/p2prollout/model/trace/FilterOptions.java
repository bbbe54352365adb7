package org.p2prollout.model.trace;

import org.p2prollout.core.Checks;

/**
 * Plausibility limits for fixes.
 *
 * @param maxSpeed  fastest plausible movement, metres per second; a fix that would need more
 *                  (from the previous kept fix) is a glitch and dropped
 * @param maxRadius largest plausible distance from the trace's median position, metres
 *                  (geographic traces only; cartesian traces are bounded by their header if any)
 */
public record FilterOptions(double maxSpeed, double maxRadius) {
    /** 60 m/s (216 km/h) and 200 km: generous for city fleets, far below GPS glitches. */
    public static final FilterOptions DEFAULT = new FilterOptions(60, 200_000);

    public FilterOptions {
        Checks.positive("maxSpeed (m/s)", maxSpeed);
        Checks.positive("maxRadius (m)", maxRadius);
    }
}
