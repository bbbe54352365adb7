package org.p2prollout.model.spatial;

import org.p2prollout.core.Checks;
import org.p2prollout.core.InvalidInputException;

/**
 * Settings of the spatial time-varying chain.
 *
 * @param cellMeters      side of a zone cell, metres, {@code > 0} (1,000)
 * @param minZoneShare    share of samples a cell needs to be a zone, in [0, 1) (1e-4); rarer cells
 *                        join the nearest zone
 * @param maxZones        most zones (400)
 * @param slots           24 (rates per hour of day) or 168 (per hour of week) (24)
 * @param mergeGap        contacts of a pair closer than this, seconds, are one encounter (1,800)
 * @param priorEncounters weight of the pooled encounter rate in each zone's estimate, in
 *                        encounters, {@code >= 0} (2)
 * @param odeStep         step of the mean-field integration, seconds, {@code > 0}, dividing an hour (30)
 * @param absentAges      ages (seconds since last seen, ascending, {@code > 0}) that split the
 *                        absent state: with {3600} a device is "absent < 1 h" then "absent >= 1 h",
 *                        so that short gaps and off-duty spells return at their own rates ({3600, 21600})
 * @param earlyHolders    holders followed one by one (stochastically) before the mean field
 *                        takes over, {@code >= 1} (10; 1 = mean field from the release)
 */
public record SpatialOptions(double cellMeters, double minZoneShare, int maxZones, int slots, double mergeGap,
                             double priorEncounters, double odeStep, double[] absentAges, int earlyHolders) {
    /**
     * 1 km cells, hour-of-day rates, pair contacts within 30 min merged, absent states split at 1 h
     * and 6 h, a 30 s ODE step, the first 10 holders followed one by one.
     */
    public static final SpatialOptions DEFAULT = new SpatialOptions(1000, 1e-4, 400, 24, 1800, 2, 30,
            new double[] {3600, 21600}, 10);

    public SpatialOptions {
        Checks.positive("cellMeters", cellMeters);
        if (!(minZoneShare >= 0 && minZoneShare < 1)) {
            throw new InvalidInputException("zone minimum share must be in [0, 1), got " + minZoneShare);
        }
        Checks.inRange("maxZones", maxZones, 1, 100_000);
        if (slots != 24 && slots != 168) {
            throw new InvalidInputException("slots must be 24 (hour of day) or 168 (hour of week), got " + slots);
        }
        Checks.nonNegative("merge gap (s)", mergeGap);
        Checks.nonNegative("prior encounters", priorEncounters);
        Checks.positive("ODE step (s)", odeStep);
        absentAges = absentAges == null ? new double[0] : absentAges.clone();
        for (int i = 0; i < absentAges.length; i++) {
            Checks.positive("absent age (s)", absentAges[i]);
            if (i > 0 && !(absentAges[i] > absentAges[i - 1])) {
                throw new InvalidInputException("absent ages must be ascending, got " + java.util.Arrays.toString(absentAges));
            }
        }
        Checks.inRange("early holders", earlyHolders, 1, 1_000_000);
    }

    @Override
    public double[] absentAges() {
        return absentAges.clone();
    }

    public SpatialOptions withAbsentAges(double... a) {
        return new SpatialOptions(cellMeters, minZoneShare, maxZones, slots, mergeGap, priorEncounters, odeStep, a,
                earlyHolders);
    }

    public SpatialOptions withEarlyHolders(int k) {
        return new SpatialOptions(cellMeters, minZoneShare, maxZones, slots, mergeGap, priorEncounters, odeStep,
                absentAges, k);
    }

    public SpatialOptions withCell(double m) {
        return new SpatialOptions(m, minZoneShare, maxZones, slots, mergeGap, priorEncounters, odeStep, absentAges, earlyHolders);
    }

    public SpatialOptions withSlots(int s) {
        return new SpatialOptions(cellMeters, minZoneShare, maxZones, s, mergeGap, priorEncounters, odeStep, absentAges, earlyHolders);
    }

    public SpatialOptions withMergeGap(double g) {
        return new SpatialOptions(cellMeters, minZoneShare, maxZones, slots, g, priorEncounters, odeStep, absentAges, earlyHolders);
    }

    public SpatialOptions withOdeStep(double h) {
        return new SpatialOptions(cellMeters, minZoneShare, maxZones, slots, mergeGap, priorEncounters, h, absentAges, earlyHolders);
    }

    public SpatialOptions withMaxZones(int m) {
        return new SpatialOptions(cellMeters, minZoneShare, m, slots, mergeGap, priorEncounters, odeStep, absentAges, earlyHolders);
    }
}
