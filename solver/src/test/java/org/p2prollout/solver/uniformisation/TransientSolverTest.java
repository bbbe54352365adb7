package org.p2prollout.solver.uniformisation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.p2prollout.solver.Generator;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;

/**
 * Contract test: every configuration of the transient solver (threads, steady-state detection,
 * dropping, uniformisation factor) passes every case, each checked against an independent value.
 */
class TransientSolverTest {
    static Stream<TransientOptions> configurations() {
        TransientOptions d = TransientOptions.defaults().withEpsilon(1e-10);
        return Stream.of(
                d.withThreads(1),
                d.withThreads(2),
                d.withThreads(2).withSteadyStateDetection(false).withDropThreshold(0),
                d.withThreads(1).withUniformisationFactor(1.0),
                d.withThreads(2).withUniformisationFactor(3.0).withDropThreshold(1e-18));
    }

    private static Generator twoState(double a, double b) {
        return Generator.builder(2).add(0, 1, a).add(1, 0, b).build();
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void twoStateChainMatchesClosedForm(TransientOptions o) {
        double a = 0.7;
        double b = 0.2;
        double[] times = {5.0, 0.0, 0.3, 40.0, 5.0};
        double[] initial = {1, 0};
        double[] reward = {0, 1}; // time spent in state 1
        TransientResult r = new TransientSolver(o).solve(twoState(a, b), initial, times, reward, ProgressListener.NONE);
        assertArrayEquals(new double[] {1, 0}, initial, "initial unchanged");
        assertArrayEquals(new double[] {0, 1}, reward, "reward unchanged");
        assertArrayEquals(new double[] {5.0, 0.0, 0.3, 40.0, 5.0}, r.times());
        for (int i = 0; i < times.length; i++) {
            double t = times[i];
            double s = a + b;
            double p1 = a / s * (1 - Math.exp(-s * t));
            double[] pi = r.distribution(i);
            assertTrue(r.errorBounds()[i] <= 1e-10, "bound " + r.errorBounds()[i]);
            assertEquals(p1, pi[1], r.errorBounds()[i] + 1e-13, "t = " + t);
            assertEquals(1 - p1, pi[0], r.errorBounds()[i] + 1e-13, "t = " + t);
            double occupied = a / s * (t - (1 - Math.exp(-s * t)) / s);
            assertEquals(occupied, r.accumulatedRewards()[i], r.rewardErrorBounds()[i] + 1e-12, "reward at t = " + t);
            assertTrue(r.rewardErrorBounds()[i] <= 1e-8);
        }
        assertTrue(r.distribution(0) != r.distribution(4), "repeated times do not alias");
        assertTrue(r.accuracy().converged());
    }

    /** A Poisson process counted up to N (absorbing): P(X_t = k) = Poisson(k; μt) for k < N. */
    @ParameterizedTest
    @MethodSource("configurations")
    void truncatedPoissonProcessIsExact(TransientOptions o) {
        int n = 2600; // spans three blocks of the stepper
        double mu = 2.5;
        Generator.Builder bld = Generator.builder(n + 1);
        for (int i = 0; i < n; i++) {
            bld.add(i, i + 1, mu);
        }
        Generator q = bld.build();
        double[] times = {1, 100, 700};
        TransientResult r = new TransientSolver(o).solve(q, TransientSolver.pointMass(n + 1, 0), times);
        for (int i = 0; i < times.length; i++) {
            PoissonDistribution p = new PoissonDistribution(null, mu * times[i], 1e-15, 100_000);
            double[] pi = r.distribution(i);
            double tol = r.errorBounds()[i] + 1e-12;
            for (int k = 0; k < n; k++) {
                assertEquals(p.probability(k), pi[k], tol, "t = " + times[i] + ", k = " + k);
            }
            assertEquals(1 - p.cumulativeProbability(n - 1), pi[n], tol);
        }
        // expectations() gives the same numbers without keeping distributions: P(X_t >= 1000)
        double[] f = new double[n + 1];
        for (int k = 1000; k <= n; k++) {
            f[k] = 1;
        }
        ExpectationResult e = new TransientSolver(o).expectations(q, TransientSolver.pointMass(n + 1, 0), times, f,
                ProgressListener.NONE);
        for (int i = 0; i < times.length; i++) {
            PoissonDistribution p = new PoissonDistribution(null, mu * times[i], 1e-15, 100_000);
            assertEquals(1 - p.cumulativeProbability(999), e.values()[i], e.errorBounds()[i] + 1e-12);
        }
    }

    /** Random chains (some with absorbing states, rates over 6 orders of magnitude) against a dense exponential. */
    @ParameterizedTest
    @MethodSource("configurations")
    void randomChainsMatchDenseMatrixExponential(TransientOptions o) {
        SplittableRandom rnd = new SplittableRandom(20261125L);
        for (int c = 0; c < 12; c++) {
            int n = 2 + rnd.nextInt(12);
            Generator.Builder b = Generator.builder(n);
            double[][] dense = new double[n][n];
            for (int i = 0; i < n; i++) {
                if (c % 3 == 2 && i == n - 1) {
                    continue; // absorbing state
                }
                for (int j = 0; j < n; j++) {
                    if (i != j && rnd.nextDouble() < 0.4) {
                        double rate = Math.pow(10, -3 + 6 * rnd.nextDouble());
                        b.add(i, j, rate);
                        dense[i][j] += rate;
                        dense[i][i] -= rate;
                    }
                }
            }
            Generator q = b.build();
            double[] initial = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                initial[i] = rnd.nextDouble();
                sum += initial[i];
            }
            for (int i = 0; i < n; i++) {
                initial[i] /= sum;
            }
            double[] times = {1e-3, 0.5, 20};
            TransientResult r = new TransientSolver(o).solve(q, initial, times);
            for (int i = 0; i < times.length; i++) {
                double[] exact = DenseExpm.timesExp(initial, dense, times[i]);
                for (int s = 0; s < n; s++) {
                    assertEquals(exact[s], r.distribution(i)[s], r.errorBounds()[i] + 1e-11,
                            "chain " + c + ", t = " + times[i] + ", state " + s);
                }
            }
        }
    }

    /**
     * A two-dimensional chain whose support spreads irregularly over many blocks (the open swarm on
     * an 80 × 40 grid, 3,321 states), against the plain sequential uniformisation of the check
     * workload (Λ = max exit rate, Commons Math Poisson weights, no dropping, no block skipping).
     */
    @ParameterizedTest
    @MethodSource("configurations")
    void openSwarmMatchesPlainUniformisation(TransientOptions o) {
        org.p2prollout.solver.bench.OpenSwarmChain chain = org.p2prollout.solver.bench.OpenSwarmChain.reference().withLimits(80, 40);
        Generator q = chain.build();
        double[] init = TransientSolver.pointMass(q.states(), chain.index(3, 1));
        double t = 40;
        double[] ref = TransientCheckWorkload.reference(q, init, t, ProgressListener.NONE);
        TransientResult r = new TransientSolver(o).solve(q, init, new double[] {t});
        double l1 = 0;
        for (int s = 0; s < ref.length; s++) {
            l1 += Math.abs(ref[s] - r.distribution(0)[s]);
        }
        // allowance: the reference drops a Poisson tail below 1e-14; rounding over ~150 steps below 1e-13
        assertTrue(l1 <= r.errorBounds()[0] + 1e-14 + 1e-13, "1-norm difference " + l1 + ", bound " + r.errorBounds()[0]);
    }

    /** Accumulated reward on random chains against Simpson quadrature of dense exponentials. */
    @ParameterizedTest
    @MethodSource("configurations")
    void accumulatedRewardMatchesQuadratureOfDenseExponential(TransientOptions o) {
        SplittableRandom rnd = new SplittableRandom(99);
        for (int c = 0; c < 3; c++) {
            int n = 4 + rnd.nextInt(5);
            Generator.Builder b = Generator.builder(n);
            double[][] dense = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i != j && rnd.nextDouble() < 0.5) {
                        double rate = 0.1 + 2.9 * rnd.nextDouble();
                        b.add(i, j, rate);
                        dense[i][j] += rate;
                        dense[i][i] -= rate;
                    }
                }
            }
            double[] reward = new double[n];
            for (int i = 0; i < n; i++) {
                reward[i] = rnd.nextDouble() * 4 - 1;
            }
            double[] init = TransientSolver.pointMass(n, 0);
            double t = 2;
            TransientResult r = new TransientSolver(o).solve(b.build(), init, new double[] {t}, reward);
            int intervals = 2000;   // Simpson: error ~ (t/intervals)^4 × (max rate)^4, below 1e-10 here
            double h = t / intervals;
            double integral = 0;
            for (int k = 0; k <= intervals; k++) {
                double[] pi = DenseExpm.timesExp(init, dense, k * h);
                double v = 0;
                for (int s = 0; s < n; s++) {
                    v += pi[s] * reward[s];
                }
                integral += v * (k == 0 || k == intervals ? 1 : k % 2 == 1 ? 4 : 2);
            }
            integral *= h / 3;
            assertEquals(integral, r.accumulatedRewards()[0], r.rewardErrorBounds()[0] + 1e-9, "chain " + c);
        }
    }

    /** An ergodic birth–death chain at a late time: the steady-state shortcut fires and the answer is the stationary law. */
    @Test
    void steadyStateDetectionStopsEarlyWithinItsBound() {
        int n = 30;
        double birth = 1;
        double death = 2;
        Generator.Builder b = Generator.builder(n);
        for (int i = 0; i + 1 < n; i++) {
            b.add(i, i + 1, birth).add(i + 1, i, death);
        }
        TransientOptions o = TransientOptions.defaults().withEpsilon(1e-8).withMethod(TransientOptions.Method.STANDARD);
        TransientResult r = new TransientSolver(o).solve(b.build(), TransientSolver.pointMass(n, 0), new double[] {1000});
        assertTrue(r.steadyStateIteration() > 0 && r.accuracy().iterations() < 1000 * 3.06 / 2,
                "stopped at " + r.steadyStateIteration());
        double rho = birth / death;
        double norm = (1 - Math.pow(rho, n)) / (1 - rho);
        for (int i = 0; i < n; i++) {
            assertEquals(Math.pow(rho, i) / norm, r.distribution(0)[i], r.errorBounds()[0] + 1e-12);
        }
        assertTrue(r.errorBounds()[0] <= 1e-8);
    }

    /** A coarse drop threshold loses mass; the reported bound still covers the true error and says "not converged". */
    @Test
    void droppedMassIsCountedInTheBound() {
        int n = 60;
        double mu = 1.0;
        Generator.Builder bld = Generator.builder(n + 1);
        for (int i = 0; i < n; i++) {
            bld.add(i, i + 1, mu);
        }
        TransientOptions o = TransientOptions.defaults().withEpsilon(1e-10).withDropThreshold(1e-4).withMethod(TransientOptions.Method.STANDARD);
        TransientResult r = new TransientSolver(o).solve(bld.build(), TransientSolver.pointMass(n + 1, 0), new double[] {20});
        PoissonDistribution p = new PoissonDistribution(null, 20, 1e-15, 100_000);
        double l1 = 0;
        for (int k = 0; k < n; k++) {
            l1 += Math.abs(p.probability(k) - r.distribution(0)[k]);
        }
        l1 += Math.abs(1 - p.cumulativeProbability(n - 1) - r.distribution(0)[n]);
        assertTrue(r.droppedMass() > 1e-6, "something was dropped: " + r.droppedMass());
        assertTrue(l1 <= r.errorBounds()[0], "error " + l1 + " within bound " + r.errorBounds()[0]);
        assertTrue(!r.accuracy().converged(), "bound above epsilon is reported as not converged");
    }

    @Test
    void chainWithoutTransitionsStaysPut() {
        Generator q = Generator.builder(3).build();
        double[] init = {0.2, 0.3, 0.5};
        TransientResult r = new TransientSolver().solve(q, init, new double[] {7});
        assertArrayEquals(init, r.distribution(0), 1e-15);
    }

    @Test
    void rejectsBadInput() {
        TransientSolver s = new TransientSolver();
        Generator q = twoState(1, 1);
        assertThrows(InvalidInputException.class, () -> s.solve(q, new double[] {0.5, 0.4}, new double[] {1}));
        assertThrows(InvalidInputException.class, () -> s.solve(q, new double[] {1}, new double[] {1}));
        assertThrows(InvalidInputException.class, () -> s.solve(q, new double[] {1, 0}, new double[] {-1}));
        assertThrows(InvalidInputException.class, () -> s.solve(q, new double[] {1, 0}, new double[] {Double.NaN}));
        assertThrows(InvalidInputException.class, () -> s.solve(q, new double[] {1, 0}, new double[0]));
        assertThrows(InvalidInputException.class,
                () -> new TransientSolver(TransientOptions.defaults().withMaxIterations(100)).solve(q, new double[] {1, 0}, new double[] {1000}));
    }
}
