package org.p2prollout.model.swarm;

import java.util.ArrayList;
import java.util.List;

/**
 * The fleet split into groups of exchangeable devices: per class, uploaders and free riders (empty
 * groups dropped). A non-holder of group g gets the update at rate
 * {@code mu_c(g) + p sum_h lambda_c(g)c(h) u_h holders_h}.
 */
final class Groups {
    final int count;
    final int[] classOf;
    final long[] size;
    final long[] initial;
    final boolean[] uploads;
    final double[] server;
    /** coupling[g][h] = p lambda_c(g)c(h) if h uploads, else 0. */
    final double[][] coupling;

    Groups(HeterogeneousFleet fleet) {
        List<long[]> groups = new ArrayList<>(); // {class, size, initial, uploads}
        for (int c = 0; c < fleet.classes(); c++) {
            long free = fleet.freeRiders(c);
            long up = fleet.size(c) - free;
            long mUp = Math.min(fleet.initial(c), up);
            long mFree = fleet.initial(c) - mUp;
            if (up > 0) {
                groups.add(new long[] {c, up, mUp, 1});
            }
            if (free > 0) {
                groups.add(new long[] {c, free, mFree, 0});
            }
        }
        count = groups.size();
        classOf = new int[count];
        size = new long[count];
        initial = new long[count];
        uploads = new boolean[count];
        server = new double[count];
        for (int g = 0; g < count; g++) {
            long[] x = groups.get(g);
            classOf[g] = (int) x[0];
            size[g] = x[1];
            initial[g] = x[2];
            uploads[g] = x[3] == 1;
            server[g] = fleet.serverRate(classOf[g]);
        }
        coupling = new double[count][count];
        for (int g = 0; g < count; g++) {
            for (int h = 0; h < count; h++) {
                coupling[g][h] = uploads[h] ? fleet.success() * fleet.rate(classOf[g], classOf[h]) : 0;
            }
        }
    }

    /** Per-device rate of getting the update in group g given holders per group. */
    double acquisitionRate(int g, long[] holders) {
        double r = server[g];
        double[] row = coupling[g];
        for (int h = 0; h < count; h++) {
            r += row[h] * holders[h];
        }
        return r;
    }

    /** Number of states of the exact chain (holders per group from initial to size), or -1 beyond limit. */
    long states(long limit) {
        long s = 1;
        for (int g = 0; g < count; g++) {
            s *= size[g] - initial[g] + 1;
            if (s > limit) {
                return -1;
            }
        }
        return s;
    }
}
