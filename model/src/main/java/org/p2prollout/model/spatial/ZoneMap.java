package org.p2prollout.model.spatial;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.p2prollout.model.resample.PositionSamples;
import org.p2prollout.core.Checks;
import org.p2prollout.core.InvalidInputException;

/**
 * Zones of a spatial model: square cells of side {@code cellMeters} on the projected plane. Cells
 * visited for at least {@code minShare} of all (device, step) samples are zones; a position in a
 * rarer cell belongs to the zone whose centre is nearest (so outlying roads join the nearest busy
 * area instead of becoming zones of their own, where nothing could be estimated). Immutable and
 * thread-safe after construction except for its cache of rare-cell lookups, which is synchronised.
 */
public final class ZoneMap {
    private final double cell;
    private final long[] keys;      // kept cells, sorted
    private final double[] centreX;
    private final double[] centreY;
    private final Map<Long, Integer> rare = new HashMap<>();

    private ZoneMap(double cell, long[] keys, double[] centreX, double[] centreY) {
        this.cell = cell;
        this.keys = keys;
        this.centreX = centreX;
        this.centreY = centreY;
    }

    /**
     * Zones from the samples of {@code positions} at steps {@code [fromStep, toStep)}.
     *
     * @param cellMeters side of a cell, metres, {@code > 0}
     * @param minShare   smallest share of samples a cell needs to be a zone, in [0, 1)
     * @param maxZones   most zones kept (the busiest cells), {@code >= 1}
     */
    public static ZoneMap fit(PositionSamples positions, int[] steps, double cellMeters, double minShare, int maxZones) {
        Checks.positive("cellMeters", cellMeters);
        Checks.inRange("maxZones", maxZones, 1, 1_000_000);
        if (!(minShare >= 0 && minShare < 1)) {
            throw new InvalidInputException("zone minimum share must be in [0, 1), got " + minShare);
        }
        Map<Long, long[]> counts = new HashMap<>();
        long total = 0;
        for (int k : steps) {
            for (int i = positions.from(k); i < positions.to(k); i++) {
                counts.computeIfAbsent(key(positions.x(i), positions.y(i), cellMeters), x -> new long[1])[0]++;
                total++;
            }
        }
        if (total == 0) {
            throw new InvalidInputException("no device was present in the training window: no zone can be formed");
        }
        long need = (long) Math.ceil(minShare * total);
        long[][] entries = counts.entrySet().stream().filter(e -> e.getValue()[0] >= Math.max(1, need))
                .map(e -> new long[] {e.getKey(), e.getValue()[0]})
                .sorted((p, q) -> Long.compare(q[1], p[1])).limit(maxZones).toArray(long[][]::new);
        long[] keys = new long[entries.length];
        for (int i = 0; i < entries.length; i++) {
            keys[i] = entries[i][0];
        }
        Arrays.sort(keys);
        double[] cx = new double[keys.length];
        double[] cy = new double[keys.length];
        for (int i = 0; i < keys.length; i++) {
            cx[i] = (cellX(keys[i]) + 0.5) * cellMeters;
            cy[i] = (cellY(keys[i]) + 0.5) * cellMeters;
        }
        return new ZoneMap(cellMeters, keys, cx, cy);
    }

    private static final long OFFSET = 1L << 31;

    static long key(double x, double y, double cell) {
        long cx = (long) Math.floor(x / cell) + OFFSET;
        long cy = (long) Math.floor(y / cell) + OFFSET;
        return (cx << 32) | cy;
    }

    private static long cellX(long key) {
        return (key >>> 32) - OFFSET;
    }

    private static long cellY(long key) {
        return (key & 0xffffffffL) - OFFSET;
    }

    /** Number of zones. */
    public int zones() {
        return keys.length;
    }

    /** Side of a cell, metres. */
    public double cellMeters() {
        return cell;
    }

    /** Centre of zone {@code z}, x in metres. */
    public double centreX(int z) {
        return centreX[z];
    }

    /** Centre of zone {@code z}, y in metres. */
    public double centreY(int z) {
        return centreY[z];
    }

    /** The zone of a position: its cell when that is a zone, else the zone with the nearest centre. */
    public int zoneOf(double x, double y) {
        long k = key(x, y, cell);
        int i = Arrays.binarySearch(keys, k);
        if (i >= 0) {
            return i;
        }
        synchronized (rare) {
            Integer z = rare.get(k);
            if (z == null) {
                double px = (cellX(k) + 0.5) * cell;
                double py = (cellY(k) + 0.5) * cell;
                int best = 0;
                double bd = Double.POSITIVE_INFINITY;
                for (int j = 0; j < keys.length; j++) {
                    double d = (centreX[j] - px) * (centreX[j] - px) + (centreY[j] - py) * (centreY[j] - py);
                    if (d < bd) {
                        bd = d;
                        best = j;
                    }
                }
                z = best;
                rare.put(k, z);
            }
            return z;
        }
    }
}
