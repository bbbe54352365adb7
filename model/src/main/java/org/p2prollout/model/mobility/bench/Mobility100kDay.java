package org.p2prollout.model.mobility.bench;

import org.p2prollout.model.mobility.Area;
import org.p2prollout.model.mobility.MobilityModel;
import org.p2prollout.model.mobility.RandomWaypointParameters;

/**
 * 100,000 devices, random waypoint (stationary start) on 50 km x 50 km at 1 to 10 m/s with
 * pauses up to 60 s, range 100 m (the simulator's {@code simulate-100k-day} fleet), one day
 * sampled every 30 s (2,881 samples): about 1.7 devices in range of each, ~90,000 pairs in
 * range at every step.
 */
public final class Mobility100kDay extends MobilityWorkload {
    public Mobility100kDay() {
        super(100, 30, 86_400);
    }

    @Override
    public String name() {
        return "mobility-100k-day";
    }

    @Override
    public String description() {
        return "100,000 devices, random waypoint 50 km square, 1 day at 30 s steps, r = 100 m -> contacts; goal well under 2 min in 4 GB";
    }

    @Override
    MobilityModel model() {
        return new RandomWaypointParameters(100_000, new Area(50_000, 50_000), 1, 10, 0, 60,
                RandomWaypointParameters.Start.STATIONARY, 0).create(1);
    }
}
