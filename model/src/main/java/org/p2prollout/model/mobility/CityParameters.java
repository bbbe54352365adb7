package org.p2prollout.model.mobility;

import org.p2prollout.core.Checks;
import org.p2prollout.core.InvalidInputException;

/**
 * A synthetic city fleet: streets form a Manhattan grid with a street every
 * {@code blockLength} metres in both directions over a {@code width x height} area. A share
 * {@code parkedShare} of the devices is parked for the whole run at a uniform point of the
 * streets; the others drive between uniformly chosen intersections along the grid (first along
 * x then y, or the reverse, with equal chance) at a speed uniform in [{@code minSpeed},
 * {@code maxSpeed}] per trip, stop a time uniform in [0, {@code maxPause}], and go on.
 * Motion starts {@code warmUp} seconds before time 0 so that trips are out of phase.
 *
 * @param devices     number of devices, {@code >= 1}
 * @param area        the rectangle; each side {@code >= blockLength}, metres
 * @param blockLength distance between parallel streets, metres, {@code > 0}
 * @param parkedShare share of devices that never move, in [0, 1]; rounded to a device count
 * @param minSpeed    metres per second, {@code > 0}
 * @param maxSpeed    metres per second, {@code >= minSpeed}
 * @param maxPause    longest stop between trips, seconds, {@code >= 0}
 * @param warmUp      seconds of motion before time 0, {@code >= 0}
 */
public record CityParameters(int devices, Area area, double blockLength, double parkedShare,
        double minSpeed, double maxSpeed, double maxPause, double warmUp) implements MobilityParameters {
    public CityParameters {
        Checks.inRange("devices", devices, 1, Integer.MAX_VALUE - 8);
        if (area == null) {
            throw new InvalidInputException("area must be given");
        }
        Checks.positive("blockLength", blockLength);
        if (area.width() < blockLength || area.height() < blockLength) {
            throw new InvalidInputException("blockLength must be <= the area's width and height ("
                    + Math.min(area.width(), area.height()) + " m), got " + blockLength);
        }
        Checks.probability("parkedShare", parkedShare);
        Checks.positive("minSpeed", minSpeed);
        Checks.positive("maxSpeed", maxSpeed);
        if (maxSpeed < minSpeed) {
            throw new InvalidInputException("maxSpeed must be >= minSpeed (" + minSpeed + " m/s), got " + maxSpeed);
        }
        Checks.nonNegative("maxPause", maxPause);
        Checks.nonNegative("warmUp", warmUp);
    }

    /**
     * The demo's city: 10 km x 10 km, 200 m blocks, 30 % parked, 5 to 15 m/s (18 to 54 km/h),
     * stops up to 5 minutes, one hour of warm-up.
     */
    public static CityParameters defaults(int devices) {
        return new CityParameters(devices, new Area(10_000, 10_000), 200, 0.3, 5, 15, 300, 3600);
    }

    /** Number of parked devices: {@code round(parkedShare * devices)}. */
    public int parkedDevices() {
        return (int) Math.round(parkedShare * devices);
    }

    /** The model with its own random streams derived from {@code seed}. */
    public CityFleet create(long seed) {
        return new CityFleet(this, seed);
    }
}
