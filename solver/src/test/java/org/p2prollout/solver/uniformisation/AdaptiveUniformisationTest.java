package org.p2prollout.solver.uniformisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.p2prollout.solver.Generator;
import org.p2prollout.core.ProgressListener;

/**
 * Adaptive uniformisation against closed forms (Poisson process, Yule pure birth, M/M/∞) and
 * against standard uniformisation on random chains; its error bound must hold and be within ε.
 */
class AdaptiveUniformisationTest {
    private static final double EPS = 1e-10;
    private static final TransientOptions ADAPTIVE = TransientOptions.defaults().withEpsilon(EPS)
            .withMethod(TransientOptions.Method.ADAPTIVE);

    private static double poisson(int k, double mean) {
        return Math.exp(k * Math.log(mean) - mean - Gamma.logGamma(k + 1.0));
    }

    private static void assertWithinBound(double[] expected, TransientResult r, int i, String what) {
        double bound = r.errorBounds()[i];
        assertTrue(bound <= EPS && bound > 0, what + ": bound " + bound + " must be in (0, ε]");
        double l1 = 0;
        double[] p = r.distribution(i);
        for (int s = 0; s < p.length; s++) {
            l1 += Math.abs(p[s] - expected[s]);
        }
        assertTrue(l1 <= bound + 1e-12, what + ": 1-norm error " + l1 + " exceeds the bound " + bound);
    }

    @Test
    void poissonProcessIsPoisson() {
        int n = 400;
        double rate = 2;
        Generator.Builder b = Generator.builder(n);
        for (int i = 0; i + 1 < n; i++) {
            b.add(i, i + 1, rate);
        }
        Generator q = b.build();
        double[] times = {3, 10, 0.5};
        TransientResult r = new TransientSolver(ADAPTIVE).solve(q, TransientSolver.pointMass(n, 0), times);
        for (int i = 0; i < times.length; i++) {
            double[] expected = new double[n];
            for (int k = 0; k + 1 < n; k++) {
                expected[k] = poisson(k, rate * times[i]);
            }
            expected[n - 1] = 0;   // P(N >= 399) for mean 20: far below 1e-100
            assertWithinBound(expected, r, i, "t = " + times[i]);
        }
        assertTrue(r.accuracy().converged());
    }

    /** Yule process X → X+1 at β(X+1) from 0: P(X_t = k) = e^{−βt}(1 − e^{−βt})^k; exit rates grow, so Λ must too. */
    @Test
    void yuleProcessIsGeometric() {
        int n = 5000;
        double beta = 0.5;
        Generator.Builder b = Generator.builder(n);
        for (int i = 0; i + 1 < n; i++) {
            b.add(i, i + 1, beta * (i + 1));
        }
        Generator q = b.build();
        double[] times = {1, 4, 7};
        TransientResult r = new TransientSolver(ADAPTIVE).solve(q, TransientSolver.pointMass(n, 0), times);
        for (int i = 0; i < times.length; i++) {
            double e = Math.exp(-beta * times[i]);
            double[] expected = new double[n];
            for (int k = 0; k + 1 < n; k++) {
                expected[k] = e * Math.pow(1 - e, k);
            }
            assertWithinBound(expected, r, i, "t = " + times[i]);
        }
        // the chain's largest exit rate is 2,500/s; states above k ≈ 1,600 keep less than 1e-20 by t = 7
        // (P(X_7 >= k) = (1 − e^{−3.5})^k), so their rates are never needed
        assertTrue(r.uniformisationRate() < 0.5 * q.maxExitRate(), "rate " + r.uniformisationRate());
        assertTrue(r.accuracy().criterion().contains("restarts"), r.accuracy().criterion());
    }

    /** M/M/∞ from empty: X_t ~ Poisson(λ/μ (1 − e^{−μt})); truncated at 10^5 states (max exit rate ≈ 10^5/s). */
    @Test
    void infiniteServerQueueIsPoisson() {
        int n = 100_000;
        double lambda = 1000;
        double mu = 1;
        Generator q = birthDeath(n, lambda, mu);
        double[] times = {0.02, 0.2};
        TransientResult r = new TransientSolver(TransientOptions.defaults().withEpsilon(EPS))
                .solve(q, TransientSolver.pointMass(n, 0), times);
        assertTrue(r.accuracy().method().startsWith("adaptive"), "AUTO picks adaptive from one state: " + r.accuracy().method());
        for (int i = 0; i < times.length; i++) {
            double mean = lambda / mu * (1 - Math.exp(-mu * times[i]));
            double[] expected = new double[n];
            for (int k = 0; k < n; k++) {
                expected[k] = poisson(k, mean);
            }
            assertWithinBound(expected, r, i, "t = " + times[i]);
        }
        assertTrue(r.uniformisationRate() < 2000, "rate " + r.uniformisationRate() + " (chain: " + q.maxExitRate() + ")");
    }

    static Generator birthDeath(int n, double birth, double death) {
        Generator.Builder b = Generator.builder(n, 2 * n);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.add(i, i - 1, death * i);
            }
            if (i + 1 < n) {
                b.add(i, i + 1, birth);
            }
        }
        return b.build();
    }

    /** Random sparse chains with uneven rates, from a few states: adaptive agrees with standard (no dropping, tiny ε). */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void randomChainsAgreeWithStandardUniformisation(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 3000;
        Generator.Builder b = Generator.builder(n);
        for (int s = 0; s < n; s++) {
            int out = 1 + rnd.nextInt(4);
            double scale = Math.exp(rnd.nextDouble(-3, 3));   // exit rates spread over e^6
            java.util.TreeMap<Integer, Double> row = new java.util.TreeMap<>();
            for (int k = 0; k < out; k++) {
                int t = Math.floorMod(s + rnd.nextInt(-20, 40), n);   // mostly local, as in structured models
                if (t != s) {
                    row.merge(t, scale * rnd.nextDouble(0.1, 1), Double::sum);
                }
            }
            final int from = s;
            row.forEach((t, v) -> b.add(from, t, v));
        }
        Generator q = b.build();
        double[] initial = new double[n];
        initial[rnd.nextInt(n)] = 0.6;
        initial[rnd.nextInt(n)] += 0.4;
        double[] times = {0.05, 0.5, 2};
        TransientResult adaptive = new TransientSolver(ADAPTIVE).solve(q, initial, times);
        TransientResult standard = new TransientSolver(TransientOptions.defaults().withEpsilon(1e-13).withDropThreshold(0)
                .withSteadyStateDetection(false).withMethod(TransientOptions.Method.STANDARD)).solve(q, initial, times);
        for (int i = 0; i < times.length; i++) {
            double l1 = 0;
            for (int s = 0; s < n; s++) {
                l1 += Math.abs(adaptive.distribution(i)[s] - standard.distribution(i)[s]);
            }
            double bound = adaptive.errorBounds()[i] + standard.errorBounds()[i] + 1e-12;
            assertTrue(l1 <= bound, "seed " + seed + ", t = " + times[i] + ": difference " + l1 + " > " + bound);
            assertTrue(adaptive.errorBounds()[i] <= EPS);
        }
    }

    /** AUTO hands over to standard uniformisation once most of a small chain is active; the answer is unchanged. */
    @Test
    void handoverToStandardKeepsTheAnswer() {
        int n = 1000;
        Generator q = birthDeath(n, 50, 0.1);   // stationary mean 500 (sd 22): over a quarter of the chain active by t = 100
        double[] times = {1, 100};
        TransientResult auto = new TransientSolver(TransientOptions.defaults().withEpsilon(EPS))
                .solve(q, TransientSolver.pointMass(n, 0), times, null, ProgressListener.NONE);
        TransientResult standard = new TransientSolver(TransientOptions.defaults().withEpsilon(1e-13)
                .withMethod(TransientOptions.Method.STANDARD)).solve(q, TransientSolver.pointMass(n, 0), times);
        assertTrue(auto.accuracy().criterion().contains("then standard"), auto.accuracy().criterion());
        for (int i = 0; i < times.length; i++) {
            double l1 = 0;
            for (int s = 0; s < n; s++) {
                l1 += Math.abs(auto.distribution(i)[s] - standard.distribution(i)[s]);
            }
            assertTrue(l1 <= auto.errorBounds()[i] + standard.errorBounds()[i] + 1e-12, "t = " + times[i] + ": " + l1);
            assertTrue(auto.errorBounds()[i] <= EPS);
        }
        // the M/M/∞ closed form at t = 1 (truncation at 1,000 is far in the tail)
        double mean = 500 * (1 - Math.exp(-0.1));
        assertEquals(poisson(47, mean), auto.distribution(0)[47], auto.errorBounds()[0] + 1e-14);
    }

    /** Exploring the open swarm state by state gives the same answer as solving its built generator. */
    @Test
    void exploringGivesTheSameAnswerAsTheBuiltChain() {
        org.p2prollout.solver.bench.OpenSwarmChain chain = new org.p2prollout.solver.bench.OpenSwarmChain(300, 200, 2, 0.001,
                0.01, 0.5, 0.005);
        Generator q = chain.build();
        double[] initial = TransientSolver.pointMass(chain.states(), chain.index(3, 1));
        double[] times = {10, 60};
        TransientResult built = new TransientSolver(ADAPTIVE).solve(q, initial, times);
        TransientResult explored = new TransientSolver(ADAPTIVE).explore(chain.transitions(), initial, times, ProgressListener.NONE);
        TransientResult standard = new TransientSolver(TransientOptions.defaults().withEpsilon(1e-13)
                .withMethod(TransientOptions.Method.STANDARD)).solve(q, initial, times);
        ExploredResult sparse = new TransientSolver(ADAPTIVE).explore(chain.transitions(), new int[] {chain.index(3, 1)},
                new double[] {1}, times, ProgressListener.NONE);
        for (int i = 0; i < times.length; i++) {
            double[] fromSparse = new double[q.states()];
            int[] support = sparse.states(i);
            double[] p = sparse.probabilities(i);
            for (int k = 0; k < support.length; k++) {
                fromSparse[support[k]] = p[k];
            }
            for (int s = 0; s < q.states(); s++) {
                assertEquals(explored.distribution(i)[s], fromSparse[s], 1e-15, "sparse result, state " + s);
            }
            assertEquals(explored.errorBounds()[i], sparse.errorBounds()[i], 0.0);
            double l1 = 0;
            double l1Standard = 0;
            for (int s = 0; s < q.states(); s++) {
                l1 += Math.abs(built.distribution(i)[s] - explored.distribution(i)[s]);
                l1Standard += Math.abs(standard.distribution(i)[s] - explored.distribution(i)[s]);
            }
            assertTrue(l1 <= 1e-13, "t = " + times[i] + ": " + l1);
            assertTrue(l1Standard <= explored.errorBounds()[i] + standard.errorBounds()[i] + 1e-12, "t = " + times[i]);
        }
    }
}
