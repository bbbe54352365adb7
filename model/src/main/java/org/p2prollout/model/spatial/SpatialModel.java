package org.p2prollout.model.spatial;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.p2prollout.solver.Generator;

/**
 * A fitted spatial time-varying chain: Z zones plus absent states (indices Z.., by time since the
 * device was last seen, see {@link SpatialOptions#absentAges()}); in each time slot
 * of a {@link DayClock}, every device moves between these states as a Markov chain with generator
 * {@code movement(slot)}; two devices in the same zone z meet at rate
 * {@code encounterRate(z) × slotFactor(slot)} per pair per second. Rates per second, times in
 * seconds. Immutable.
 */
public final class SpatialModel {
    private final SpatialOptions options;
    private final DayClock clock;
    private final ZoneMap zones;
    private final double fleet;
    private final Generator[] movement;
    private final double[] beta;
    private final double[] slotFactor;
    private final double pooledRate;
    private final double encountersUsed;
    private final double[][] meanOccupancy;
    private final List<double[]> windows;

    private SpatialModel(SpatialOptions options, DayClock clock, ZoneMap zones, double fleet, Generator[] movement,
                         double[] beta, double[] slotFactor, double pooledRate, double encountersUsed,
                         double[][] meanOccupancy, List<double[]> windows) {
        this.options = options;
        this.clock = clock;
        this.zones = zones;
        this.fleet = fleet;
        this.movement = movement;
        this.beta = beta;
        this.slotFactor = slotFactor;
        this.pooledRate = pooledRate;
        this.encountersUsed = encountersUsed;
        this.meanOccupancy = meanOccupancy;
        this.windows = windows;
    }

    static SpatialModel estimate(SpatialOptions options, DayClock clock, ZoneMap zones, double fleet, double dt,
                                 double[][] exposure, Map<Long, double[]>[] moves, double[][] pairExposure,
                                 double[][] encounters, List<double[]> windows) {
        int z = zones.zones();
        int states = exposure[0].length;
        int slots = clock.slots();
        Generator[] gen = new Generator[slots];
        double[][] occupancy = new double[slots][states];
        for (int s = 0; s < slots; s++) {
            Generator.Builder b = Generator.builder(states, moves[s].size());
            for (Map.Entry<Long, double[]> e : moves[s].entrySet()) {
                int from = (int) (e.getKey() >>> 32);
                int to = (int) (e.getKey() & 0xffffffffL);
                double ex = exposure[s][from];
                if (ex > 0) {
                    b.add(from, to, e.getValue()[0] / ex);
                }
            }
            gen[s] = b.build();
            double total = 0;
            for (int i = 0; i < states; i++) {
                total += exposure[s][i];
            }
            for (int i = 0; i < states; i++) {
                occupancy[s][i] = total > 0 ? fleet * exposure[s][i] / total : 0;
            }
        }
        double c = 0;
        double p = 0;
        double[] cz = new double[z];
        double[] pz = new double[z];
        for (int s = 0; s < slots; s++) {
            for (int i = 0; i < z; i++) {
                cz[i] += encounters[s][i];
                pz[i] += pairExposure[s][i];
            }
        }
        for (int i = 0; i < z; i++) {
            c += cz[i];
            p += pz[i];
        }
        double pooled = p > 0 ? c / p : 0;
        double a = options.priorEncounters();
        double[] beta = new double[z];
        for (int i = 0; i < z; i++) {
            beta[i] = pooled == 0 ? 0 : (cz[i] + a) / (pz[i] + a / pooled);
        }
        double[] factor = new double[slots];
        for (int s = 0; s < slots; s++) {
            double seen = 0;
            double expected = 0;
            for (int i = 0; i < z; i++) {
                seen += encounters[s][i];
                expected += beta[i] * pairExposure[s][i];
            }
            factor[s] = expected > 0 ? seen / expected : 1;
        }
        List<double[]> w = new ArrayList<>();
        for (double[] x : windows) {
            w.add(x.clone());
        }
        return new SpatialModel(options, clock, zones, fleet, gen, beta, factor, pooled, c, occupancy, List.copyOf(w));
    }

    public SpatialOptions options() {
        return options;
    }

    public DayClock clock() {
        return clock;
    }

    public ZoneMap zones() {
        return zones;
    }

    /** Number of zones Z (absent states follow, from index Z). */
    public int zoneCount() {
        return zones.zones();
    }

    /** Number of states of one device: zones, then absent states by age. */
    public int states() {
        return movement[0].states();
    }

    /** Fleet size N: devices counted by a forecast. */
    public double fleet() {
        return fleet;
    }

    /** The single-device movement generator of slot {@code s}, on {@link #states()} states. */
    public Generator movement(int s) {
        return movement[s];
    }

    /** Encounter rate of a co-located pair in zone {@code z}, per second (before the slot factor). */
    public double encounterRate(int z) {
        return beta[z];
    }

    /** Factor of slot {@code s} on every zone's encounter rate. */
    public double slotFactor(int s) {
        return slotFactor[s];
    }

    /** Encounters per co-located pair-second, pooled over zones and slots. */
    public double pooledRate() {
        return pooledRate;
    }

    /** Encounters the rates were estimated from. */
    public double encounters() {
        return encountersUsed;
    }

    /** Mean expected devices per state in slot {@code s} over the training windows (a copy). */
    public double[] meanOccupancy(int s) {
        return meanOccupancy[s].clone();
    }

    /** Training windows, {from, to} seconds (copies). */
    public List<double[]> windows() {
        List<double[]> l = new ArrayList<>();
        for (double[] w : windows) {
            l.add(w.clone());
        }
        return l;
    }
}
