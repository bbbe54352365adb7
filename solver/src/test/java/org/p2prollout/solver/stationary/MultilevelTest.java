package org.p2prollout.solver.stationary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.p2prollout.solver.Generator;
import org.p2prollout.solver.bench.OpenSwarmChain;

/** Multilevel aggregation on a chain deep enough for several levels, against two other methods. */
class MultilevelTest {
    @Test
    void agreesWithKrylovAndGaussSeidelOnAFiveThousandStateSwarm() {
        Generator q = new OpenSwarmChain(60, 80, 0.5, 0.001, 0.02, 0.5, 0.02).build();
        StationaryResult ml = new Multilevel(new Convergence(1e-12, true, 1000)).solve(q);
        double[] krylov = new Krylov(new Convergence(1e-13, true, 10_000)).solve(q).distribution();
        double[] gs = new GaussSeidel(new Convergence(1e-13, true, 1_000_000)).solve(q).distribution();
        double[] pi = ml.distribution();
        for (int s = 0; s < pi.length; s++) {
            assertEquals(krylov[s], pi[s], 1e-10, "state " + s);
            assertEquals(gs[s], pi[s], 1e-9, "state " + s);
        }
        assertTrue(ml.accuracy().iterations() < 200, "cycles (Gauss-Seidel needs thousands of sweeps) " + ml.accuracy().iterations());
    }
}
