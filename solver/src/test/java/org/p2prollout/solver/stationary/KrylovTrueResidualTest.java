package org.p2prollout.solver.stationary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.p2prollout.solver.Generator;
import org.p2prollout.solver.NotConvergedException;
import org.p2prollout.core.ProgressListener;

/**
 * Regression: on a 15,251-state open-fleet chain BiCGSTAB's recursively updated residual met
 * the criterion while the true residual of the answer was 0.038 (E[y] 140.9 instead of 44.66).
 * Krylov must either agree with sparse LU or say it did not converge; never a wrong "converged".
 */
class KrylovTrueResidualTest {
    static Generator openFleet(int maxX, int maxY) {
        double arrival = 1, leaveLacking = 0.01, leaveHolding = 0.02, rate = 0.002, server = 0.005, success = 0.9;
        int w = maxY + 1;
        Generator.Builder b = Generator.builder((maxX + 1) * w);
        for (int x = 0; x <= maxX; x++) {
            for (int y = 0; y <= maxY; y++) {
                int s = x * w + y;
                if (x < maxX) {
                    b.add(s, s + w, arrival);
                }
                if (x > 0) {
                    b.add(s, s - w, leaveLacking * x);
                    b.add(s, (x - 1) * w + Math.min(y + 1, maxY), (server + success * rate * y) * x);
                }
                if (y > 0) {
                    b.add(s, s - 1, leaveHolding * y);
                }
            }
        }
        return b.build();
    }

    @Test
    void krylovAgreesWithSparseLuOrReportsNonConvergence() {
        Generator q = openFleet(100, 150);
        double[] initial = new double[q.states()];
        initial[0] = 1;
        Convergence c = new Convergence(1e-10, true, 2_000);
        double[] exact = new SparseDirect().solve(q, initial).distribution();
        try {
            StationaryResult r = new Krylov(c, ProgressListener.NONE).solve(q, initial);
            assertTrue(r.accuracy().converged());
            double maxDiff = 0;
            for (int s = 0; s < exact.length; s++) {
                maxDiff = Math.max(maxDiff, Math.abs(exact[s] - r.distribution()[s]));
            }
            assertEquals(0, maxDiff, 1e-8, "Krylov claims convergence with residual " + r.accuracy().residual());
        } catch (NotConvergedException honest) {
            assertTrue(honest.getMessage().contains("residual"), honest.getMessage());
        }
    }
}
