package org.p2prollout.model.mobility;

import org.p2prollout.core.Checks;
import org.p2prollout.core.InvalidInputException;

/**
 * The seed paper's random walk: every {@code epoch} seconds each device draws a direction
 * uniformly in [0, 2π) and a speed uniformly in [{@code minSpeed}, {@code maxSpeed}], and moves
 * in a straight line, reflecting off the borders of the area. Positions start uniform, which is
 * also the stationary distribution (reflection of a symmetric walk keeps the uniform law), so
 * there is no warm-up transient.
 *
 * @param devices  number of devices, {@code >= 1}
 * @param area     the rectangle, metres
 * @param minSpeed metres per second, {@code >= 0}
 * @param maxSpeed metres per second, {@code >= minSpeed} and {@code > 0}
 * @param epoch    seconds between changes of direction and speed, {@code > 0}
 */
public record RandomWalkParameters(int devices, Area area, double minSpeed, double maxSpeed, double epoch)
        implements MobilityParameters {
    public RandomWalkParameters {
        Checks.inRange("devices", devices, 1, Integer.MAX_VALUE - 8);
        if (area == null) {
            throw new InvalidInputException("area must be given");
        }
        Checks.nonNegative("minSpeed", minSpeed);
        Checks.positive("maxSpeed", maxSpeed);
        if (maxSpeed < minSpeed) {
            throw new InvalidInputException("maxSpeed must be >= minSpeed (" + minSpeed + " m/s), got " + maxSpeed);
        }
        Checks.positive("epoch", epoch);
    }

    /** Pedestrians on a 1 km square: 0.5 to 1.5 m/s, new direction every 60 s. */
    public static RandomWalkParameters pedestrians(int devices) {
        return new RandomWalkParameters(devices, new Area(1000, 1000), 0.5, 1.5, 60);
    }

    /** The model with its own random streams derived from {@code seed}. */
    public RandomWalk create(long seed) {
        return new RandomWalk(this, seed);
    }
}
