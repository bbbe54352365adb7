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

    @Test
    void agreesWithGthOnARandomStiffChain() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(17);
        int n = 1200;
        Generator.Builder b = Generator.builder(n);
        for (int s = 0; s < n; s++) {
            b.add(s, (s + 1) % n, Math.pow(10, rng.nextDouble(-6, 6)));   // ring: irreducible
            for (int e = 0; e < 3; e++) {
                int t = rng.nextInt(n);
                if (t != s) {
                    b.add(s, t, Math.pow(10, rng.nextDouble(-6, 6)));
                }
            }
        }
        Generator q = b.build();
        double[] lu = new Gth().solve(q).distribution();
        StationaryResult ml = new Multilevel(new Convergence(1e-12, true, 2000)).solve(q);
        double[] pi = ml.distribution();
        for (int s = 0; s < n; s++) {
            assertEquals(lu[s], pi[s], 1e-10, "state " + s);
        }
    }

    /**
     * Birth–death chain, 3,000 states: π_k ∝ (up/down)^k. With more rate downwards the inflow
     * into k comes mostly from k+1, so sweeps run backward (and forward in the mirror case);
     * the answer matches the closed form either way, at every level of the hierarchy.
     */
    @Test
    void sweepsTheWayMostInflowComesFromAndMatchesTheBirthDeathClosedForm() {
        int n = 3000;
        for (boolean downwards : new boolean[] {true, false}) {
            double up = downwards ? 1.0 : 1.25;
            double down = downwards ? 1.25 : 1.0;
            Generator.Builder b = Generator.builder(n);
            for (int k = 0; k < n; k++) {
                if (k + 1 < n) {
                    b.add(k, k + 1, up);
                }
                if (k > 0) {
                    b.add(k, k - 1, down);
                }
            }
            Generator q = b.build();
            Multilevel.Level top = Multilevel.Level.of(q);
            top.buildHierarchy();
            for (Multilevel.Level l = top; l != null; l = l.coarse) {
                assertEquals(downwards, l.sweepsBackward(), "level of " + l.n + " states, downwards " + downwards);
            }
            double ratio = up / down;
            double[] exact = new double[n];
            double total = 0;
            for (int k = 0; k < n; k++) {
                exact[k] = Math.pow(ratio, downwards ? k : k - (n - 1));   // largest term 1: no overflow
                total += exact[k];
            }
            double[] pi = new Multilevel(new Convergence(1e-12, true, 2000)).solve(q).distribution();
            double l1 = 0;
            for (int k = 0; k < n; k++) {
                l1 += Math.abs(pi[k] - exact[k] / total);
            }
            assertTrue(l1 < 1e-10, "1-norm error " + l1 + ", downwards " + downwards);
        }
    }
}
