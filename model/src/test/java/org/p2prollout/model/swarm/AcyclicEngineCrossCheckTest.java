package org.p2prollout.model.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.p2prollout.model.pieces.MultiPieceModel;
import org.p2prollout.model.pieces.MultiPieceSwarm;
import org.p2prollout.protocol.selection.PiecePolicy;
import org.p2prollout.solver.Generator;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.solver.absorption.AbsorptionAnalysis;
import org.p2prollout.solver.absorption.AbsorptionOptions;
import org.p2prollout.solver.absorption.CdfMethod;
import org.p2prollout.solver.absorption.CdfResult;

/**
 * The engine {@code predict} runs on ({@link AcyclicChain}: backward-pass moments,
 * {@link AcyclicFourier} CDF) against the solver's {@link AbsorptionAnalysis} (linear solves for the
 * moments, uniformisation for the CDF) on the same chains: pure birth with distinct and with
 * repeated rates, the multi-piece lumped chain and the heterogeneous chain the models build.
 */
class AcyclicEngineCrossCheckTest {
    /** The same chain as a solver generator: target states absorbing (their transitions dropped). */
    static Generator generatorOf(AcyclicChain c) {
        Generator.Builder b = Generator.builder(c.size);
        for (int s = 0; s < c.size; s++) {
            if (c.target[s]) {
                continue;
            }
            for (int k = c.rowStart[s]; k < c.rowStart[s + 1]; k++) {
                b.add(s, c.to[k], c.rate[k]);
            }
        }
        return b.build();
    }

    /** Checks moments, CDF at multiples of the mean, and two quantiles; returns the largest CDF gap. */
    static double crossCheck(AcyclicChain chain) {
        double[] initial = new double[chain.size];
        initial[chain.initial] = 1;
        AbsorptionAnalysis a = AbsorptionAnalysis.ofTarget(generatorOf(chain), initial, chain.target.clone(),
                AbsorptionOptions.defaults().withCdfMethod(CdfMethod.UNIFORMISATION));
        AcyclicChain.HittingMoments m = chain.hittingMoments();
        assertEquals(1, a.absorptionProbability(), 1e-12);
        assertEquals(a.meanTime(), m.mean(), 1e-9 * a.meanTime());
        assertEquals(a.sdTime(), m.sd(), 1e-7 * a.sdTime());
        TimeDistribution fourier = chain.hittingTimeFourier(ProgressListener.NONE);
        assertEquals(a.meanTime(), fourier.mean(), 1e-9 * a.meanTime());
        double[] times = {0.1 * m.mean(), 0.5 * m.mean(), m.mean(), 1.5 * m.mean(), 3 * m.mean()};
        CdfResult cdf = a.cdf(times);
        double worst = 0;
        for (int i = 0; i < times.length; i++) {
            double gap = Math.abs(fourier.cdf(times[i]) - cdf.values()[i]);
            assertTrue(gap <= fourier.cdfError() + cdf.errors()[i] + 1e-10,
                    "CDF at " + times[i] + ": Fourier " + fourier.cdf(times[i]) + " vs uniformisation "
                            + cdf.values()[i]);
            worst = Math.max(worst, gap);
        }
        for (double p : new double[] {0.5, 0.9}) {
            double qa = a.quantile(p);
            assertEquals(qa, fourier.quantile(p), 1e-5 * qa, "quantile " + p);
        }
        return worst;
    }

    @Test
    void pureBirthWithDistinctRates() {
        int n = 30;
        AcyclicChain.Builder b = AcyclicChain.builder(n + 1);
        for (int i = 0; i < n; i++) {
            b.add(i, i + 1, 0.5 + 0.37 * i, 0);
        }
        AcyclicChain c = b.target(n).initial(0).build();
        crossCheck(c);
        // and the closed form of a hypoexponential sum: mean sum 1/r_i, variance sum 1/r_i^2
        double mean = 0;
        double var = 0;
        for (int i = 0; i < n; i++) {
            mean += 1 / (0.5 + 0.37 * i);
            var += 1 / Math.pow(0.5 + 0.37 * i, 2);
        }
        assertEquals(mean, c.hittingMoments().mean(), 1e-12 * mean);
        assertEquals(var, c.hittingMoments().variance(), 1e-10 * var);
    }

    @Test
    void pureBirthWithRepeatedRatesIsErlangAndEpidemic() {
        int n = 12;
        AcyclicChain.Builder b = AcyclicChain.builder(n + 1);
        for (int i = 0; i < n; i++) {
            b.add(i, i + 1, 2.0, 0);
        }
        AcyclicChain erlang = b.target(n).initial(0).build();
        crossCheck(erlang);
        // Erlang(12, 2): P(T <= 6) = 1 - sum_{k<12} e^-12 12^k / k!
        double tail = 0;
        double term = Math.exp(-12);
        for (int k = 0; k < n; k++) {
            tail += term;
            term *= 12.0 / (k + 1);
        }
        assertEquals(1 - tail, erlang.hittingTimeFourier(ProgressListener.NONE).cdf(6), 1e-9);
        // the epidemic's rates i (N - i) lambda repeat in pairs
        int nodes = 40;
        AcyclicChain.Builder e = AcyclicChain.builder(nodes);
        for (int i = 1; i < nodes; i++) {
            e.add(i - 1, i, i * (nodes - i) * 1e-3, 0);
        }
        crossCheck(e.target(nodes - 1).initial(0).build());
    }

    @Test
    void multiPieceLumpedChains() {
        for (PiecePolicy policy : new PiecePolicy[] {PiecePolicy.RANDOM, PiecePolicy.RAREST_FIRST, PiecePolicy.SEQUENTIAL}) {
            MultiPieceSwarm sw = new MultiPieceSwarm(6, 2, 1, policy, 0.01, 0.002, 0.8, 1);
            MultiPieceModel.Lumped l = new MultiPieceModel(sw).lumped(6);
            assertTrue(l.chain.size() > 10, "states " + l.chain.size());
            crossCheck(l.chain);
        }
    }

    @Test
    void heterogeneousChainWithFreeRiders() {
        HeterogeneousFleet base = HeterogeneousFleet.of(new long[] {4, 3}, new double[][] {{0.02, 0.005},
                {0.005, 0.03}}, 0.001, 1, 0.9);
        HeterogeneousFleet fleet = new HeterogeneousFleet(base.classSizes(), base.classRates(), base.serverRates(),
                new double[] {0.25, 0.34}, base.initialHolders(), 0.9);
        AcyclicChain c = new HeterogeneousModel(fleet, 100_000, ProgressListener.NONE).chain(7);
        assertTrue(c.size() > 20, "states " + c.size());
        crossCheck(c);
    }
}
