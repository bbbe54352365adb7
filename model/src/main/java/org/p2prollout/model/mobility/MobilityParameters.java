package org.p2prollout.model.mobility;

import java.io.Serializable;

/**
 * The parameters of a synthetic mobility model, one record per model: what a scenario holds,
 * serialisable so that a replication can be shipped to a worker, and turned into a model for a
 * seed with {@link #create}.
 */
public sealed interface MobilityParameters extends Serializable
        permits RandomWalkParameters, RandomWaypointParameters, CityParameters {
    /** Number of devices. */
    int devices();

    /** The rectangle the devices stay in, metres. */
    Area area();

    /** The model for this seed; the same parameters and seed give the same trajectories. */
    MobilityModel create(long seed);
}
