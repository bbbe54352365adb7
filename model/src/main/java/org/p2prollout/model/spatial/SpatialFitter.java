package org.p2prollout.model.spatial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.model.resample.PositionSamples;
import org.p2prollout.model.spread.FleetTrace;
import org.p2prollout.model.spread.TemporalContacts;
import org.p2prollout.core.InvalidInputException;

/**
 * Fits a {@link SpatialModel} from a trace's positions and contacts over training windows
 * (PRODUCT.md §4.7): zones, an absent state, zone-to-zone movement rates per time slot, and the
 * encounter rate of a co-located pair per zone.
 *
 * <p>Estimates (all maximum-likelihood for a Markov chain observed on the grid Δ):
 * <ul>
 *   <li>movement rate from state i to j in slot s = moves i→j seen between consecutive grid steps
 *       starting in slot s / (Δ × device-steps spent in i in slot s); the absent state holds the
 *       fleet's devices not present (fleet size N, below), so appearing and vanishing are moves
 *       too;</li>
 *   <li>fleet size N = mean number of distinct devices present in the day following each hour of
 *       the training windows: the devices a forecast counts;</li>
 *   <li>encounter rate of zone z = encounters started in z / (Δ × Σ co-located pairs in z), with
 *       an encounter being a contact of a pair that had no contact in the preceding
 *       {@code mergeGap} seconds (a pair that keeps meeting at one taxi stand is one encounter,
 *       not many chances to pass an update), and a contact belonging to the zone of its first
 *       device at its start; zones with little co-location are shrunk towards the pooled rate
 *       (a prior worth {@code priorEncounters} encounters);</li>
 *   <li>a factor per slot scaling all zones' rates, from encounters against expected encounters
 *       in that slot (traffic is faster at night).</li>
 * </ul>
 */
public final class SpatialFitter {
    private final SpatialOptions options;

    public SpatialFitter(SpatialOptions options) {
        this.options = options;
    }

    /**
     * @param trace   a trace with positions
     * @param windows training windows, each {from, to} in seconds, disjoint
     */
    public SpatialModel fit(FleetTrace trace, List<double[]> windows) {
        if (!trace.hasPositions()) {
            throw new InvalidInputException(trace.source() + ": the spatial chain needs positions; this trace is a contact"
                    + " list (use 'model' pairs)");
        }
        PositionSamples ps = trace.positions();
        TemporalContacts net = trace.network();
        DayClock clock = new DayClock(trace.zone(), options.slots());
        List<double[]> outages = org.p2prollout.model.resample.Outages.detect(ps);
        int[] steps = stepsIn(ps, windows, outages);
        if (steps.length < 2) {
            throw new InvalidInputException("the training window holds no resampled positions (" + steps.length
                    + " steps): check 'train' against the trace's time span");
        }
        ZoneMap zones = ZoneMap.fit(ps, steps, options.cellMeters(), options.minZoneShare(), options.maxZones());
        int z = zones.zones();
        double[] ages = options.absentAges();
        int absentStates = ages.length + 1;
        int states = z + absentStates;
        int slots = clock.slots();
        double dt = ps.step();
        double fleet = fleetSize(net, windows);
        int devices = ps.devices();
        double[][] exposure = new double[slots][states];
        Map<Long, double[]>[] moves = newMaps(slots);
        double[][] pairExposure = new double[slots][z];
        double[][] encounters = new double[slots][z];
        int[] stateNow = new int[devices];
        int[] statePrev = new int[devices];
        long[] lastSeen = new long[devices];
        Arrays.fill(lastSeen, Long.MIN_VALUE);
        int[] count = new int[z];
        int[] absentCount = new int[absentStates];
        List<Contact> contacts = net.contactList();
        Map<Long, Double> lastEnd = new HashMap<>();
        int ci = 0;
        int prevK = -2;
        int prevSlot = -1;
        for (int k : steps) {
            double t = ps.time(k);
            boolean consecutive = k == prevK + 1;
            Arrays.fill(count, 0);
            Arrays.fill(stateNow, -1);
            int present = 0;
            for (int i = ps.from(k); i < ps.to(k); i++) {
                int d = ps.device(i);
                int zz = zones.zoneOf(ps.x(i), ps.y(i));
                stateNow[d] = zz;
                count[zz]++;
                present++;
            }
            // devices not present: absent, by time since last seen (never seen: the oldest age)
            Arrays.fill(absentCount, 0);
            for (int d = 0; d < devices; d++) {
                if (stateNow[d] < 0) {
                    int a = lastSeen[d] == Long.MIN_VALUE ? absentStates - 1 : ageClass(ages, (k - lastSeen[d]) * dt);
                    stateNow[d] = z + a;
                    absentCount[a]++;
                }
            }
            for (int i = ps.from(k); i < ps.to(k); i++) {
                lastSeen[ps.device(i)] = k;
            }
            if (consecutive) {
                // moves over (t - dt, t], in the slot of the step they start from
                for (int d = 0; d < devices; d++) {
                    if (stateNow[d] != statePrev[d]) {
                        moves[prevSlot].merge(((long) statePrev[d] << 32) | stateNow[d], new double[] {1}, (p, q) -> {
                            p[0]++;
                            return p;
                        });
                    }
                }
            }
            int slot = clock.slot(t);
            for (int zz = 0; zz < z; zz++) {
                exposure[slot][zz] += count[zz] * dt;
                pairExposure[slot][zz] += 0.5 * count[zz] * (count[zz] - 1) * dt;
            }
            // the fleet's absent devices: those seen lately are known; the rest of N is long absent
            double absentTotal = Math.max(0, fleet - present);
            double known = 0;
            for (int a = 0; a < absentStates - 1; a++) {
                double c = Math.min(absentCount[a], absentTotal - known);
                exposure[slot][z + a] += c * dt;
                known += c;
            }
            exposure[slot][z + absentStates - 1] += Math.max(0, absentTotal - known) * dt;
            // encounters starting at this step
            while (ci < contacts.size() && contacts.get(ci).start() < t - 1e-6) {
                ci++;
            }
            while (ci < contacts.size() && contacts.get(ci).start() <= t + 1e-6) {
                Contact c = contacts.get(ci++);
                long pair = ((long) c.a() << 32) | c.b();
                Double last = lastEnd.put(pair, c.end());
                if (last != null && c.start() - last <= options.mergeGap()) {
                    continue;
                }
                int za = stateNow[c.a()] < z ? stateNow[c.a()] : stateNow[c.b()];
                if (za < z) {
                    encounters[slot][za]++;
                }
            }
            int[] swap = statePrev;
            statePrev = stateNow;
            stateNow = swap;
            prevK = k;
            prevSlot = slot;
        }
        return SpatialModel.estimate(options, clock, zones, fleet, dt, exposure, moves, pairExposure, encounters,
                windows);
    }

    private static int ageClass(double[] ages, double age) {
        int a = 0;
        while (a < ages.length && age >= ages[a]) {
            a++;
        }
        return a;
    }

    @SuppressWarnings("unchecked")
    private static Map<Long, double[]>[] newMaps(int n) {
        Map<Long, double[]>[] m = new Map[n];
        for (int i = 0; i < n; i++) {
            m[i] = new HashMap<>();
        }
        return m;
    }

    /** The grid steps of {@code ps} whose times lie in one of the windows and in no outage, ascending. */
    static int[] stepsIn(PositionSamples ps, List<double[]> windows, List<double[]> outages) {
        List<double[]> sorted = new ArrayList<>(windows);
        sorted.sort((a, b) -> Double.compare(a[0], b[0]));
        int[] out = new int[ps.steps()];
        int n = 0;
        for (int k = 0; k < ps.steps(); k++) {
            double t = ps.time(k);
            boolean dark = false;
            for (double[] o : outages) {
                dark |= t >= o[0] && t < o[1];
            }
            if (dark) {
                continue;
            }
            for (double[] w : sorted) {
                if (t >= w[0] && t < w[1]) {
                    out[n++] = k;
                    break;
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Mean number of distinct devices present within the day after each whole hour of the
     * windows (the devices a forecast's T_q counts).
     */
    static double fleetSize(TemporalContacts net, List<double[]> windows) {
        if (windows.stream().noneMatch(w -> w[1] > w[0])) {
            throw new InvalidInputException("the training window is empty");
        }
        return net.meanPresentWithin(windows, 86_400);
    }
}
