package org.p2prollout.solver.absorption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.p2prollout.solver.Generator;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.solver.uniformisation.TransientSolver;

/** Contract test: dense LU, sparse LU and Gauss–Seidel block solvers, and both CDF methods, pass the same cases. */
class AbsorptionAnalysisTest {
    static Stream<AbsorptionOptions> methods() {
        return Stream.of(AbsorptionOptions.defaults(), AbsorptionOptions.defaults().withDenseLimit(1),
                AbsorptionOptions.defaults().withDenseLimit(1).withMaxFill(0),
                AbsorptionOptions.defaults().withCdfMethod(CdfMethod.LAPLACE));
    }

    private static Generator pureBirth(double[] rates) {
        Generator.Builder b = Generator.builder(rates.length + 1);
        for (int i = 0; i < rates.length; i++) {
            b.add(i, i + 1, rates[i]);
        }
        return b.build();
    }

    /** Sum of independent exponentials: mean Σ 1/λ, variance Σ 1/λ², hypoexponential CDF. */
    @ParameterizedTest
    @MethodSource("methods")
    void pureBirthChainIsHypoexponential(AbsorptionOptions o) {
        double[] rates = {3.0, 0.5, 1.7, 9.0, 0.9};
        Generator q = pureBirth(rates);
        double[] init = TransientSolver.pointMass(q.states(), 0);
        AbsorptionAnalysis a = AbsorptionAnalysis.of(q, init, o);
        double mean = 0;
        double var = 0;
        for (double r : rates) {
            mean += 1 / r;
            var += 1 / (r * r);
        }
        assertEquals(mean, a.meanTime(), 1e-14 * mean);
        assertEquals(var, a.varianceTime(), 1e-12 * var);
        assertEquals(Math.sqrt(var), a.sdTime(), 1e-12);
        assertEquals(1.0, a.absorptionProbability(), 1e-15);
        assertEquals(1.0, a.absorptionProbabilities()[rates.length], 1e-15);
        double[] times = {0.1, 1, 4, 10, 30};
        CdfResult cdf = a.cdf(times, ProgressListener.NONE);
        // uniformisation: proven bound; Laplace inversion: pinned 1e-8 (its estimate is checked too)
        for (int k = 0; k < times.length; k++) {
            double t = times[k];
            double survival = 0;
            for (int i = 0; i < rates.length; i++) {
                double c = 1;
                for (int j = 0; j < rates.length; j++) {
                    if (j != i) {
                        c *= rates[j] / (rates[j] - rates[i]);
                    }
                }
                survival += c * Math.exp(-rates[i] * t);
            }
            double tol = cdf.errorsAreBounds() ? cdf.errors()[k] + 1e-12 : 1e-8;
            assertEquals(1 - survival, cdf.values()[k], tol, "t = " + t);
            assertTrue(cdf.errors()[k] < 1e-7, "error " + cdf.errors()[k]);
        }
        for (double p : new double[] {0.1, 0.5, 0.99}) {
            Quantile qt = a.quantileInterval(p);
            assertTrue(qt.upper() - qt.lower() <= 1e-6 * qt.upper());
            assertEquals(p, a.cdf(qt.time()), 1e-5, "CDF at the " + p + "-quantile");
        }
        // time spent in each state = 1/λ_i
        double[] occ = a.expectedTimeInStates();
        for (int i = 0; i < rates.length; i++) {
            assertEquals(1 / rates[i], occ[i], 1e-15);
        }
        assertEquals(2 * 1 / 3.0 + 5 * 1 / 9.0, a.expectedReward(new double[] {2, 0, 0, 5, 0, 100}), 1e-14);
    }

    @Test
    void erlangQuantileMatchesGammaDistribution() {
        int k = 40;
        double mu = 2.0;
        double[] rates = new double[k];
        java.util.Arrays.fill(rates, mu);
        AbsorptionAnalysis a = AbsorptionAnalysis.of(pureBirth(rates), TransientSolver.pointMass(k + 1, 0));
        GammaDistribution g = new GammaDistribution(null, k, 1 / mu, 1e-14);
        assertEquals(k / mu, a.meanTime(), 1e-12);
        assertEquals(k / (mu * mu), a.varianceTime(), 1e-10);
        for (double p : new double[] {0.05, 0.5, 0.95}) {
            double exact = g.inverseCumulativeProbability(p);
            assertEquals(exact, a.quantile(p), 2e-6 * exact, "p = " + p);
        }
        assertEquals(g.cumulativeProbability(21), a.cdf(21), 1e-9);
        AbsorptionAnalysis laplace = AbsorptionAnalysis.of(pureBirth(rates), TransientSolver.pointMass(k + 1, 0),
                AbsorptionOptions.defaults().withCdfMethod(CdfMethod.LAPLACE));
        for (double p : new double[] {0.05, 0.5, 0.95}) {
            double exact = g.inverseCumulativeProbability(p);
            Quantile qt = laplace.quantileInterval(p);
            assertEquals(exact, qt.time(), 2e-6 * exact, "Laplace, p = " + p);
            assertTrue(qt.lower() < exact && exact < qt.upper(), qt.toString());
        }
    }

    /** A million-state pure birth chain (epidemic rates (N−i)·λ·i/N + μ(N−i)), exact in one pass. */
    @Test
    void millionStatePureBirthMomentsAreExact() {
        int n = 1_000_000;
        double lambda = 1e-3;
        double mu = 1e-6;
        double[] rates = new double[n - 1];
        double mean = 0;
        double var = 0;
        for (int i = 1; i < n; i++) {
            double r = (n - i) * (mu + lambda * i / n);
            rates[i - 1] = r;
        }
        for (int i = rates.length - 1; i >= 0; i--) { // smallest terms first
            mean += 1 / rates[i];
            var += 1 / (rates[i] * rates[i]);
        }
        AbsorptionAnalysis a = AbsorptionAnalysis.of(pureBirth(rates), TransientSolver.pointMass(n, 0));
        assertEquals(mean, a.meanTime(), 1e-12 * mean);
        assertEquals(var, a.varianceTime(), 1e-9 * var);
        assertTrue(a.accuracy().method().contains(n - 1 + " single-state classes"), a.accuracy().method());
        // the residual sums 10^6 rounding errors of about 1e-16 each
        assertTrue(a.accuracy().residual() < 1e-9, "residual " + a.accuracy().residual());
    }

    /** Random chains with absorbing states and a cyclic transient part, against a dense solve (Commons Math LU). */
    @ParameterizedTest
    @MethodSource("methods")
    void randomChainsMatchDenseLinearAlgebra(AbsorptionOptions o) {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int c = 0; c < 10; c++) {
            int t = 3 + rnd.nextInt(25);  // transient states 0..t-1
            int abs = 1 + rnd.nextInt(3); // absorbing states t..t+abs-1
            int n = t + abs;
            Generator.Builder b = Generator.builder(n);
            double[][] qtt = new double[t][t];
            double[][] qta = new double[t][abs];
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < n; j++) {
                    boolean edge = j != i && (rnd.nextDouble() < 0.3 || (j == (i + 1) % t && i + 1 < t) || (i == t - 1 && j == t));
                    if (!edge) {
                        continue;
                    }
                    double rate = Math.pow(10, -2 + 4 * rnd.nextDouble());
                    b.add(i, j, rate);
                    if (j < t) {
                        qtt[i][j] += rate;
                    } else {
                        qta[i][j - t] += rate;
                    }
                    qtt[i][i] -= rate;
                }
            }
            Generator q = b.build();
            double[] init = new double[n];
            init[0] = 0.6;
            init[rnd.nextInt(t)] += 0.3;
            init[t] += 0.1;
            double[] copy = init.clone();
            AbsorptionAnalysis a = AbsorptionAnalysis.of(q, init, o);
            assertArrayEquals(copy, init, "initial unchanged");

            RealMatrix minusQ = new Array2DRowRealMatrix(qtt).scalarMultiply(-1);
            RealMatrix nInv = new LUDecomposition(minusQ).getSolver().getInverse();
            double[] alpha = java.util.Arrays.copyOf(init, t);
            double[] occ = nInv.preMultiply(alpha);
            double mean = 0;
            double second = 0;
            double[] occ2 = nInv.preMultiply(occ);
            for (int i = 0; i < t; i++) {
                mean += occ[i];
                second += 2 * occ2[i];
            }
            assertEquals(mean, a.meanTime(), 1e-10 * mean, "chain " + c);
            assertEquals(second - mean * mean, a.varianceTime(), 1e-8 * second, "chain " + c);
            double[] probs = new Array2DRowRealMatrix(qta).preMultiply(occ);
            for (int k = 0; k < abs; k++) {
                double expect = probs[k] + init[t + k];
                assertEquals(expect, a.absorptionProbabilities()[t + k], 1e-11, "chain " + c + " absorbing " + k);
            }
            double[] reward = new double[n];
            double expectedReward = 0;
            for (int i = 0; i < t; i++) {
                reward[i] = rnd.nextDouble() * 10;
                expectedReward += occ[i] * reward[i];
            }
            assertEquals(expectedReward, a.expectedReward(reward), 1e-10 * expectedReward);
            assertTrue(a.accuracy().residual() < 1e-10, "residual " + a.accuracy().residual());
        }
    }

    /** Two closed classes {2,3} and {4,5} treated as absorbing groups (BSCCs), reached from 0 and 1. */
    @Test
    void closedClassesAsGroups() {
        Generator q = Generator.builder(6)
                .add(0, 1, 1).add(1, 0, 2).add(0, 2, 3).add(1, 4, 1)
                .add(2, 3, 5).add(3, 2, 5).add(4, 5, 1).add(5, 4, 1).build();
        // from 0: absorbed in {2,3} w.p. h0 with h0 = (3 + h1)/(4), h1 = 2 h0 / 3  =>  h0 = 9/10
        AbsorptionAnalysis a = AbsorptionAnalysis.ofGroups(q, TransientSolver.pointMass(6, 0), new int[] {-1, -1, 0, 0, 1, 1},
                AbsorptionOptions.defaults());
        assertArrayEquals(new double[] {0.9, 0.1}, a.groupProbabilities(), 1e-15);
        // mean time: m0 = (1 + m1)/4, m1 = (1 + 2 m0)/3  =>  m0 = 2/5
        assertEquals(0.4, a.meanTime(), 1e-15);
        // survival α e^{Q_TT t} 1 with eigenvalues -2, -5: S(t) = (2/3) e^{-2t} + (1/3) e^{-5t}
        for (double t : new double[] {0.05, 0.5, 3}) {
            assertEquals(1 - 2.0 / 3 * Math.exp(-2 * t) - 1.0 / 3 * Math.exp(-5 * t), a.cdf(t), 1e-9, "t = " + t);
        }
        assertEquals(2 * (2.0 / 3 / 4 + 1.0 / 3 / 25), a.secondMoment(), 1e-14);
        AbsorptionAnalysis bottom = AbsorptionAnalysis.ofBottomClasses(q, TransientSolver.pointMass(6, 0), AbsorptionOptions.defaults());
        int[] bottoms = org.p2prollout.solver.structure.CommunicatingClasses.of(q).bottomClasses();
        int classOf2 = org.p2prollout.solver.structure.CommunicatingClasses.of(q).classOf(2);
        int g = java.util.Arrays.binarySearch(bottoms, classOf2);
        assertEquals(0.9, bottom.groupProbabilities()[g], 1e-15, "the class of state 2");
        assertEquals(0.1, bottom.groupProbabilities()[1 - g], 1e-15, "the class of state 4");
    }

    /** First passage 0 -> 2 in a birth–death chain (birth 1, death 2): m0 = 1 + m1, m1 = (1 + 2 m0)/3, so m0 = 4. */
    @Test
    void firstPassageTimeOfBirthDeathChain() {
        Generator q = Generator.builder(4).add(0, 1, 1).add(1, 0, 2).add(1, 2, 1).add(2, 1, 2).add(2, 3, 1).add(3, 2, 2).build();
        AbsorptionAnalysis a = AbsorptionAnalysis.ofTarget(q, TransientSolver.pointMass(4, 0), new boolean[] {false, false, true, false},
                AbsorptionOptions.defaults());
        assertEquals(4.0, a.meanTime(), 1e-14);
        assertEquals(1.0, a.absorptionProbabilities()[2], 1e-15);
        // E[T²] by first step: s_i = 2/E_i² + (2/E_i) Σ_j p_ij m_j + Σ_j p_ij s_j, with m1 = 3:
        // s0 = 2 + 2·3 + s1 and s1 = 2/9 + (2/3)(2/3)·4 + (2/3) s0 = 2 + (2/3) s0  =>  s0 = 30
        assertEquals(30.0, a.secondMoment(), 1e-12);
        // the CDF is taken on the chain stopped at state 2 (state 3 is never reached)
        assertEquals(a.cdf(5.0), AbsorptionAnalysis.ofTarget(q, TransientSolver.pointMass(4, 0), new boolean[] {false, false, true, true},
                AbsorptionOptions.defaults()).cdf(5.0), 1e-9);
    }

    /**
     * A long cyclic transient class (birth–death, 20,000 states, up 1, down 0.5, absorbed at the
     * top), far beyond dense LU and slow for Gauss–Seidel: solved by sparse LU. Mean first passage
     * time = Σ_i t_i with t_0 = 1/up, t_i = 1/up + (down/up) t_{i−1}.
     */
    @Test
    void longCyclicClassUsesSparseLu() {
        int n = 20_000;
        Generator.Builder b = Generator.builder(n + 1);
        for (int i = 0; i < n; i++) {
            b.add(i, i + 1, 1.0);
            if (i > 0) {
                b.add(i, i - 1, 0.5);
            }
        }
        AbsorptionAnalysis a = AbsorptionAnalysis.of(b.build(), TransientSolver.pointMass(n + 1, 0));
        double exact = 0;
        double ti = 0;
        for (int i = 0; i < n; i++) {
            ti = 1 + (i > 0 ? 0.5 * ti : 0);
            exact += ti;
        }
        assertEquals(exact, a.meanTime(), 1e-12 * exact);
        assertTrue(a.accuracy().method().contains("1 sparse LU blocks"), a.accuracy().method());
        // rounding of 20,000 equations whose terms are up to ~6 (occupation times × rates)
        assertTrue(a.accuracy().residual() < 1e-10, "residual " + a.accuracy().residual());
    }

    @Test
    void trappedMassMakesTheMeanInfinite() {
        // 0 -> 1 (absorbing) or 0 -> 2 <-> 3 (closed, not absorbing)
        Generator q = Generator.builder(4).add(0, 1, 1).add(0, 2, 3).add(2, 3, 1).add(3, 2, 1).build();
        AbsorptionAnalysis a = AbsorptionAnalysis.of(q, TransientSolver.pointMass(4, 0));
        assertTrue(a.mayNeverBeAbsorbed());
        assertEquals(0.25, a.absorptionProbability(), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, a.meanTime());
        assertEquals(Double.POSITIVE_INFINITY, a.quantile(0.5));
        // P(T <= t) = 0.25 (1 - e^{-4t})
        assertEquals(0.25 * (1 - Math.exp(-4 * 0.3)), a.cdf(0.3), 1e-9);
        assertEquals(0.25 * (1 - Math.exp(-4 * 0.3)), a.cdf(0.3), 1e-9);
        assertEquals(Math.log(1 / (1 - 0.1 / 0.25)) / 4, a.quantile(0.1), 1e-6);
        assertFalse(Double.isFinite(a.varianceTime()));
    }

    @Test
    void rejectsBadInput() {
        Generator q = pureBirth(new double[] {1});
        assertThrows(InvalidInputException.class, () -> AbsorptionAnalysis.of(q, new double[] {0.5, 0.2}));
        assertThrows(InvalidInputException.class, () -> AbsorptionAnalysis.of(q, new double[] {1, 0}).quantile(1.0));
        assertThrows(InvalidInputException.class,
                () -> AbsorptionAnalysis.ofGroups(q, new double[] {1, 0}, new int[] {-2, 0}, AbsorptionOptions.defaults()));
    }
}
