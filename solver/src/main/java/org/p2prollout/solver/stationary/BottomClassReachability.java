package org.p2prollout.solver.stationary;

import org.p2prollout.solver.Accuracy;
import org.p2prollout.solver.Generator;
import org.p2prollout.solver.NotConvergedException;
import org.p2prollout.solver.structure.CommunicatingClasses;

/**
 * The probability of eventually entering each bottom class from an initial distribution α.
 *
 * <p>With T the transient states, the expected time spent in each transient state is the row
 * vector z solving {@code z (-Q_TT) = α_T}; the probability of ending in bottom class b is
 * {@code α(b) + Σ_{t∈T} z_t Σ_{j∈b} Q[t][j]}. z is found class by class in topological order
 * (Tarjan's numbering is reverse topological), by Gauss–Seidel within a transient class and in
 * one pass when classes are single states, to a relative change of 1e-14 between sweeps.
 */
public final class BottomClassReachability {
    private static final double TOLERANCE = 1e-14;
    private static final long MAX_SWEEPS = 1_000_000;

    private BottomClassReachability() {
    }

    /**
     * @return probability of reaching each class, indexed by class number (0 for transient classes)
     */
    public static double[] probabilities(Generator q, CommunicatingClasses classes, double[] initial) {
        int n = q.states();
        double[] z = new double[n];
        Generator.Incoming in = q.incoming();
        for (int c = classes.count() - 1; c >= 0; c--) {
            if (classes.isBottom(c)) {
                continue;
            }
            int[] members = classes.members(c);
            long sweep = 0;
            double change;
            do {
                change = 0;
                for (int j : members) {
                    double inflow = initial[j];
                    for (int k = in.start(j); k < in.end(j); k++) {
                        int i = in.source(k);
                        if (classes.isTransient(i)) {
                            inflow += z[i] * in.rate(k);
                        }
                    }
                    double next = inflow / q.exitRate(j);
                    if (next != 0) {
                        change = Math.max(change, Math.abs(next - z[j]) / next);
                    }
                    z[j] = next;
                }
                sweep++;
                if (sweep > MAX_SWEEPS) {
                    throw new NotConvergedException(Accuracy.iterative("Gauss-Seidel (reachability of bottom classes)",
                            sweep, change, "relative 1e-14 between iterates", false),
                            "a solver with a direct method for the transient states (not built)");
                }
            } while (members.length > 1 && change > TOLERANCE);
        }
        double[] p = new double[classes.count()];
        for (int s = 0; s < n; s++) {
            int c = classes.classOf(s);
            if (classes.isBottom(c)) {
                p[c] += initial[s];
            } else if (z[s] != 0) {
                for (int k = q.rowStart(s); k < q.rowEnd(s); k++) {
                    int t = q.column(k);
                    if (!classes.isTransient(t)) {
                        p[classes.classOf(t)] += z[s] * q.rate(k);
                    }
                }
            }
        }
        double sum = 0;
        for (double v : p) {
            sum += v;
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;   // removes rounding drift; sum is 1 up to the solve's accuracy
        }
        return p;
    }
}
