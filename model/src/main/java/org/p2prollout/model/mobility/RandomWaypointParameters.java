package org.p2prollout.model.mobility;

import org.p2prollout.core.Checks;
import org.p2prollout.core.InvalidInputException;

/**
 * Random waypoint: each device picks a destination uniformly in the area and a speed uniformly
 * in [{@code minSpeed}, {@code maxSpeed}], travels there in a straight line, pauses a time
 * uniform in [{@code minPause}, {@code maxPause}], and repeats.
 *
 * <p><b>Start.</b> Started from uniform positions, the model is not stationary: devices drift
 * towards the centre and the mean speed decays, because slow legs last longer (Yoon, Liu and
 * Noble, "Random waypoint considered harmful", 2003); with {@code minSpeed = 0} it never settles.
 * Hence {@code minSpeed > 0} is required and {@link Start#STATIONARY} (the default) draws the
 * initial state from the stationary law (Le Boudec and Vojnović's perfect sampling: paused
 * with the stationary probability, else on a length-biased leg with a speed density ∝ 1/v),
 * so the statistics are the same at every time. {@link Start#UNIFORM} is the naive start, and
 * {@code warmUp} seconds of motion may be run before time 0 with either.
 *
 * @param devices  number of devices, {@code >= 1}
 * @param area     the rectangle, metres
 * @param minSpeed metres per second, {@code > 0}
 * @param maxSpeed metres per second, {@code >= minSpeed}
 * @param minPause seconds, {@code >= 0}
 * @param maxPause seconds, {@code >= minPause}
 * @param start    how the state at time {@code -warmUp} is drawn
 * @param warmUp   seconds of motion run before time 0, {@code >= 0}
 */
public record RandomWaypointParameters(int devices, Area area, double minSpeed, double maxSpeed,
        double minPause, double maxPause, Start start, double warmUp) implements MobilityParameters {

    /** How the initial state is drawn. */
    public enum Start {
        /** From the stationary distribution: no transient. */
        STATIONARY,
        /** Uniform positions, each starting a new leg: a transient of several legs follows. */
        UNIFORM
    }

    public RandomWaypointParameters {
        Checks.inRange("devices", devices, 1, Integer.MAX_VALUE - 8);
        if (area == null) {
            throw new InvalidInputException("area must be given");
        }
        Checks.positive("minSpeed", minSpeed);
        Checks.positive("maxSpeed", maxSpeed);
        if (maxSpeed < minSpeed) {
            throw new InvalidInputException("maxSpeed must be >= minSpeed (" + minSpeed + " m/s), got " + maxSpeed);
        }
        Checks.nonNegative("minPause", minPause);
        Checks.nonNegative("maxPause", maxPause);
        if (maxPause < minPause) {
            throw new InvalidInputException("maxPause must be >= minPause (" + minPause + " s), got " + maxPause);
        }
        if (start == null) {
            throw new InvalidInputException("start must be STATIONARY or UNIFORM");
        }
        Checks.nonNegative("warmUp", warmUp);
    }

    /** Stationary start, no pause, no warm-up. */
    public static RandomWaypointParameters of(int devices, Area area, double minSpeed, double maxSpeed) {
        return new RandomWaypointParameters(devices, area, minSpeed, maxSpeed, 0, 0, Start.STATIONARY, 0);
    }

    /** Mean of 1/V over the speed law: the mean travel time per metre, seconds per metre. */
    public double meanInverseSpeed() {
        return maxSpeed == minSpeed ? 1 / minSpeed : Math.log(maxSpeed / minSpeed) / (maxSpeed - minSpeed);
    }

    /** Mean pause, seconds. */
    public double meanPause() {
        return (minPause + maxPause) / 2;
    }

    /** Long-run share of time a device is paused. */
    public double pausedShare() {
        double pause = meanPause();
        return pause / (pause + area.meanDistance() * meanInverseSpeed());
    }

    /** The model with its own random streams derived from {@code seed}. */
    public RandomWaypoint create(long seed) {
        return new RandomWaypoint(this, seed);
    }
}
