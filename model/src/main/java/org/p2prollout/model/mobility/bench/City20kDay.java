package org.p2prollout.model.mobility.bench;

import org.p2prollout.model.mobility.CityParameters;
import org.p2prollout.model.mobility.MobilityModel;

/**
 * 20,000 devices of the demo city ({@link CityParameters#defaults}: 10 km x 10 km, 200 m
 * blocks, 30 % parked), range 100 m, one day at 30 s steps. Devices live on 1,020 km of street
 * (one per 50 m), so each has ~5 in range: ~50,000 pairs in range at every step.
 */
public final class City20kDay extends MobilityWorkload {
    public City20kDay() {
        super(100, 30, 86_400);
    }

    @Override
    public String name() {
        return "mobility-city-20k-day";
    }

    @Override
    public String description() {
        return "20,000 devices, synthetic city 10 km square (30 % parked), 1 day at 30 s steps, r = 100 m -> contacts";
    }

    @Override
    MobilityModel model() {
        return CityParameters.defaults(20_000).create(1);
    }
}
