package org.p2prollout.solver.stationary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;
import org.p2prollout.solver.Generator;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.solver.bench.OpenSwarmChain;

/**
 * The default stationary tolerance means what it says: on an open swarm whose stationary law is
 * the product of Poisson(λ/(θ+c)) and Poisson(λc/((θ+c)γ)) (a tandem of infinite-server queues
 * wherever y >= x/2; the mass elsewhere and at the truncation is below 1e-20 here), the default
 * solve is within 1e-6 relative on E[x], E[y] and a tail probability, and its reported 1-norm
 * error estimate is within ε and not optimistic by more than a factor 10.
 */
class ErrorEstimateTest {
    private static double[] poisson(double mean, int max) {
        double[] p = new double[max + 1];
        for (int k = 0; k <= max; k++) {
            p[k] = Math.exp(k * Math.log(mean) - mean - Gamma.logGamma(k + 1.0));
        }
        return p;
    }

    @Test
    void defaultToleranceGivesMeasuresToOneInAMillionOnTheOpenSwarm() {
        // λ = 1 (half the reference) on a 301 × 451 grid: means 90.9 and 181.8, sds 9.5 and 13.5
        OpenSwarmChain chain = new OpenSwarmChain(300, 450, 1, 0.001, 0.01, 0.5, 0.005);
        Generator q = chain.build();
        double[] initial = new double[q.states()];
        initial[0] = 1;
        StationaryResult r = StationaryMethods.byName(StationaryMethods.defaultName(q), Convergence.defaults(),
                ProgressListener.NONE).solve(q, initial);
        double[] px = poisson(chain.arrival() / (chain.abort() + chain.completion()), chain.maxLeechers());
        double[] py = poisson(chain.arrival() * chain.completion() / ((chain.abort() + chain.completion()) * chain.departure()),
                chain.maxSeeds());
        double ex = 0;
        double ey = 0;
        double tail = 0;
        double exactEx = 0;
        double exactEy = 0;
        double exactTail = 0;
        double l1 = 0;
        double[] pi = r.distribution();
        for (int s = 0; s < pi.length; s++) {
            int x = chain.leechers(s);
            int y = chain.seeds(s);
            double exact = px[x] * py[y];
            l1 += Math.abs(pi[s] - exact);
            ex += pi[s] * x;
            ey += pi[s] * y;
            exactEx += exact * x;
            exactEy += exact * y;
            if (x >= 110) {
                tail += pi[s];
                exactTail += exact;
            }
        }
        assertEquals(exactEx, ex, 1e-6 * exactEx, "E[x]");
        assertEquals(exactEy, ey, 1e-6 * exactEy, "E[y]");
        assertEquals(exactTail, tail, 1e-6 * exactTail, "P(x >= 110) = " + exactTail);
        double estimate = r.errorEstimate();
        assertTrue(estimate <= Convergence.DEFAULT_EPSILON, "estimate " + estimate);
        assertTrue(l1 <= 10 * estimate, "1-norm error " + l1 + " against estimate " + estimate);
        assertTrue(r.accuracy().criterion().contains("estimated 1-norm error"), r.accuracy().criterion());
    }

    /** Gauss–Seidel's estimate on a chain with a known answer (M/M/∞ truncated far in the tail: Poisson(20)). */
    @Test
    void gaussSeidelEstimateIsHonest() {
        int n = 200;
        Generator.Builder b = Generator.builder(n);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.add(i, i - 1, 0.5 * i);
            }
            if (i + 1 < n) {
                b.add(i, i + 1, 10);
            }
        }
        Generator q = b.build();
        double[] exact = poisson(20, n - 1);
        for (double eps : new double[] {1e-4, 1e-7, 1e-10}) {
            double[] initial = new double[n];
            initial[0] = 1;
            StationaryResult r = new GaussSeidel(Convergence.errorEstimate(eps)).solve(q, initial);
            double l1 = 0;
            for (int s = 0; s < n; s++) {
                l1 += Math.abs(r.probability(s) - exact[s]);
            }
            assertTrue(r.errorEstimate() < eps, "estimate " + r.errorEstimate() + " at ε " + eps);
            assertTrue(l1 <= 10 * r.errorEstimate() + 1e-14, "ε " + eps + ": 1-norm error " + l1 + " against estimate " + r.errorEstimate());
        }
    }
}
