package org.p2prollout.model.mobility;

/**
 * Synthetic mobility: where each of {@link #devices()} devices is at a time. A model is a
 * deterministic function of its parameters and seed: the positions at time t do not depend on
 * the times at which it was asked before (each device draws from its own random stream, split
 * from the seed in device order), so sampling every 1 s or every 30 s sees the same trajectories.
 *
 * <p>Models move forward only: {@link #positionsAt} must be called with non-decreasing times
 * (cost O(devices + legs started since the last call)); to go back, build the model again from
 * the same parameters and seed. Time 0 is the start of the observation. Not thread-safe.
 */
public interface MobilityModel {
    /** Number of devices, indexed {@code 0..devices()-1}. */
    int devices();

    /** The rectangle the devices stay in, metres. */
    Area area();

    /**
     * Writes the position of every device at time {@code t} into {@code x[i], y[i]}, metres,
     * inside {@link #area()}.
     *
     * @param t seconds, {@code >= 0} and {@code >=} the time of the previous call
     * @param x receives x coordinates, length {@code >= devices()}
     * @param y receives y coordinates, length {@code >= devices()}
     */
    void positionsAt(double t, double[] x, double[] y);
}
