package org.p2prollout.model.spatial;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.p2prollout.model.resample.PositionSamples;

/** Spatial models with rates given by hand (not fitted), for tests of the chains that solve them. */
final class HandModels {
    private HandModels() {
    }

    /** Settings with one absent state and no shrinkage of encounter rates (so β is exactly what is given). */
    static final SpatialOptions OPTIONS = new SpatialOptions(1000, 0, 400, 24, 1800, 0, 30, new double[0], 10);

    /**
     * A model of {@code zones} zones (cells 0..Z-1 of a row) and one absent state (index Z), hour-of-day slots in UTC.
     *
     * @param fleet      N, devices
     * @param move       per slot (24), the movement rates [from][to] over the Z + 1 device states, per second
     * @param beta       encounter rate per co-located pair per zone, per second (before the slot factor)
     * @param slotFactor factor per slot on every zone's rate (24 entries)
     * @param start      where devices are before the periodic orbit is found (weights per device state, each
     *                   {@code > 0} where devices move out; a state with weight 0 and no way in stays empty)
     */
    static SpatialModel model(int zones, double fleet, double[][][] move, double[] beta, double[] slotFactor,
                              double[] start) {
        int states = zones + 1;
        int slots = 24;
        PositionSamples.Builder b = new PositionSamples.Builder(30, zones);
        int[] ids = new int[zones];
        double[] xs = new double[zones];
        double[] ys = new double[zones];
        for (int z = 0; z < zones; z++) {
            ids[z] = z;
            xs[z] = 500 + 1000 * z;
            ys[z] = 500;
        }
        b.step(0, ids, xs, ys, zones);
        ZoneMap map = ZoneMap.fit(b.build(), new int[] {0}, 1000, 0, 400);
        if (map.zones() != zones) {
            throw new IllegalStateException("zone map has " + map.zones() + " zones");
        }
        double[][] exposure = new double[slots][states];
        @SuppressWarnings("unchecked")
        Map<Long, double[]>[] moves = new Map[slots];
        double[][] pairExposure = new double[slots][zones];
        double[][] encounters = new double[slots][zones];
        double mean = 0;
        for (double g : slotFactor) {
            mean += g / slots;
        }
        for (int s = 0; s < slots; s++) {
            moves[s] = new HashMap<>();
            for (int i = 0; i < states; i++) {
                // exposure = the start weight (seconds): the mean occupancy the orbit starts from; a move count
                // of rate × exposure gives back the rate
                exposure[s][i] = start[i];
                for (int j = 0; j < states; j++) {
                    if (i != j && move[s][i][j] > 0) {
                        if (!(start[i] > 0)) {
                            throw new IllegalArgumentException("a state with moves out needs a start weight > 0");
                        }
                        moves[s].put(((long) i << 32) | j, new double[] {move[s][i][j] * start[i]});
                    }
                }
            }
            for (int z = 0; z < zones; z++) {
                pairExposure[s][z] = 1;
                encounters[s][z] = beta[z] * slotFactor[s] / mean;
            }
        }
        return SpatialModel.estimate(OPTIONS, new DayClock(ZoneOffset.UTC, slots), map, fleet, 30, exposure, moves,
                pairExposure, encounters, List.of(new double[] {0, 86_400}));
    }

    /** The same movement rates in every slot. */
    static double[][][] constant(double[][] rates) {
        double[][][] m = new double[24][][];
        for (int s = 0; s < 24; s++) {
            m[s] = rates;
        }
        return m;
    }

    static double[] ones() {
        double[] f = new double[24];
        java.util.Arrays.fill(f, 1);
        return f;
    }
}
