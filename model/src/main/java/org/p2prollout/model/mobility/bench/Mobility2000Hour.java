package org.p2prollout.model.mobility.bench;

import org.p2prollout.model.mobility.Area;
import org.p2prollout.model.mobility.MobilityModel;
import org.p2prollout.model.mobility.RandomWaypointParameters;

/**
 * 2,000 devices, random waypoint (stationary start) on 5 km x 5 km at 1 to 10 m/s with pauses
 * up to 60 s, range 100 m (the simulator's {@code simulate-2000-hour} fleet), one hour sampled
 * every 1 s. Why 1 s rather than 10 s: a contact lasts about (π/2) r / E[relative speed]
 * ≈ 157 m / 7 m/s ≈ 20 s, so 10 s steps would shorten contacts by up to 20 s and miss the short
 * ones, and contact durations bound what a contact can carry; at 1 s they are right to ±1 s.
 */
public final class Mobility2000Hour extends MobilityWorkload {
    public Mobility2000Hour() {
        super(100, 1, 3600);
    }

    @Override
    public String name() {
        return "mobility-2000-hour";
    }

    @Override
    public String description() {
        return "2,000 devices, random waypoint 5 km square, 1 h at 1 s steps, r = 100 m -> contacts; goal well under 1 s";
    }

    @Override
    MobilityModel model() {
        return new RandomWaypointParameters(2000, new Area(5000, 5000), 1, 10, 0, 60,
                RandomWaypointParameters.Start.STATIONARY, 0).create(1);
    }
}
