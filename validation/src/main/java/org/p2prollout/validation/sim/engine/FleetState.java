package org.p2prollout.validation.sim.engine;

import java.util.SplittableRandom;
import org.p2prollout.validation.sim.RandomStreams;
import org.p2prollout.validation.sim.RandomStreams.Purpose;
import org.p2prollout.validation.sim.scenario.Scenario;

/**
 * The physical fleet of one replication: who holds the release at the start, who is hostile,
 * a free rider, failure-prone at install, inside server coverage, and each device's radio
 * bandwidth. Drawn once from the FLEET and ADVERSARY streams.
 */
public final class FleetState {
    public final int devices;
    public final boolean[] initialHolder;
    public final boolean[] hostile;
    public final boolean[] freeRider;
    public final boolean[] covered;
    /** Radio bandwidth per device, bytes per second. */
    public final double[] bytesPerSecond;
    public final int hostileCount;

    public FleetState(Scenario sc, RandomStreams streams) {
        Scenario.Fleet f = sc.fleet();
        devices = f.devices();
        initialHolder = new boolean[devices];
        hostile = new boolean[devices];
        freeRider = new boolean[devices];
        covered = new boolean[devices];
        bytesPerSecond = new double[devices];
        SplittableRandom rng = streams.stream(Purpose.FLEET);
        int[] order = permutation(devices, rng);
        if (f.initialHolderIds().isEmpty()) {
            for (int k = 0; k < f.initialHolders(); k++) {
                initialHolder[order[k]] = true;
            }
        } else {
            f.initialHolderIds().forEach(id -> initialHolder[id] = true);
        }
        for (int d = 0; d < devices; d++) {
            double u = rng.nextDouble();
            double acc = 0;
            for (Scenario.BandwidthClass c : f.bandwidthClasses()) {
                acc += c.share();
                bytesPerSecond[d] = c.bytesPerSecond();
                if (u < acc) {
                    break;
                }
            }
            freeRider[d] = !initialHolder[d] && rng.nextDouble() < f.freeRiderShare();
            covered[d] = rng.nextDouble() < sc.server().coverageShare();
        }
        // hostile devices: a fixed share of the non-holders, chosen by the adversary stream
        int count = 0;
        if (!sc.adversary().deviceIds().isEmpty()) {
            for (int id : sc.adversary().deviceIds()) {
                if (id < devices && !hostile[id]) {
                    hostile[id] = true;
                    count++;
                }
            }
        } else {
            int want = (int) Math.round(sc.adversary().share() * devices);
            int[] adv = permutation(devices, streams.stream(Purpose.ADVERSARY));
            for (int k = 0; k < devices && count < want; k++) {
                if (!initialHolder[adv[k]]) {
                    hostile[adv[k]] = true;
                    count++;
                }
            }
        }
        hostileCount = count;
    }

    private static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
