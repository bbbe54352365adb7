package org.p2prollout.model.pieces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.junit.jupiter.api.Test;
import org.p2prollout.protocol.selection.PiecePolicy;
import org.p2prollout.model.swarm.PredictionMethod;
import org.p2prollout.model.swarm.RolloutPrediction;
import org.p2prollout.model.swarm.SinglePieceModel;
import org.p2prollout.model.swarm.TimeDistribution;
import org.p2prollout.core.InvalidInputException;

class MultiPieceModelTest {
    @Test
    void onePieceReproducesTheSinglePieceChain() {
        for (PiecePolicy policy : PieceSubsets.MODELLED) {
            MultiPieceSwarm sw = new MultiPieceSwarm(15, 1, 1, policy, 0.02, 0.003, 0.8, 2);
            RolloutPrediction multi = new MultiPieceModel(sw).predict(1.0);
            SinglePieceModel single = new SinglePieceModel(15, 2, 0.02, 0.003, 0.8);
            RolloutPrediction closed = single.predict(1.0);
            assertEquals(closed.meanTime(), multi.meanTime(), 1e-12 * closed.meanTime());
            assertEquals(closed.sdTime(), multi.sdTime(), 1e-10 * closed.sdTime());
            assertEquals(closed.serverDownloads(), multi.serverDownloads(), 1e-10);
            assertEquals(closed.offload(), multi.offload(), 1e-12);
            TimeDistribution d = single.timeDistribution(1.0);
            assertEquals(0.9, d.cdf(multi.quantiles().get("0.9")), 1e-8);
        }
    }

    @Test
    void twoDevicesGiveErlangK() {
        double lambda = 0.3;
        double p = 0.6;
        for (PiecePolicy policy : PieceSubsets.MODELLED) {
            for (int[] kk : new int[][] {{4, 1, 4}, {4, 2, 2}, {5, 2, 3}, {3, 5, 1}}) {
                MultiPieceSwarm sw = new MultiPieceSwarm(2, kk[0], kk[1], policy, lambda, 0, p, 1);
                TimeDistribution d = new MultiPieceModel(sw).timeDistribution(1.0);
                int stages = kk[2];
                GammaDistribution erlang = new GammaDistribution(null, stages, 1 / (lambda * p));
                assertEquals(stages / (lambda * p), d.mean(), 1e-10 * d.mean());
                assertEquals(Math.sqrt(stages) / (lambda * p), d.sd(), 1e-9 * d.sd());
                for (double t : new double[] {1, 5, 20, 60}) {
                    assertEquals(erlang.cumulativeProbability(t), d.cdf(t), 1e-9, policy + " " + t);
                }
            }
        }
    }

    @Test
    void sequentialIsSlowerThanRandomInAOneSeedSwarm() {
        double random = new MultiPieceModel(new MultiPieceSwarm(6, 4, 1, PiecePolicy.RANDOM, 0.1, 0, 1, 1))
                .predict(1.0).meanTime();
        double sequential = new MultiPieceModel(new MultiPieceSwarm(6, 4, 1, PiecePolicy.SEQUENTIAL, 0.1, 0, 1, 1))
                .predict(1.0).meanTime();
        assertTrue(sequential > 1.05 * random, "sequential " + sequential + " vs random " + random);
    }

    /**
     * The exact chain against a direct Monte Carlo of the same rules, written independently of
     * {@link PiecePolicy}: |exact mean - sample mean| &lt; 4 standard errors (two-sided
     * confidence 99.994 % per comparison), and the same for P(T &lt;= exact median) against 0.5.
     */
    @Test
    void agreesWithDirectMonteCarlo() {
        for (PiecePolicy policy : PieceSubsets.MODELLED) {
            MultiPieceSwarm sw = new MultiPieceSwarm(5, 3, 1, policy, 0.5, 0.05, 0.8, 1);
            MultiPieceModel model = new MultiPieceModel(sw);
            RolloutPrediction exact = model.predict(0.8);
            int reps = 20_000;
            SplittableRandom rng = new SplittableRandom(20261125L + policy.ordinal());
            double sum = 0;
            double sumSq = 0;
            int belowMedian = 0;
            double median = exact.quantiles().get("0.5");
            for (int r = 0; r < reps; r++) {
                double t = simulate(sw, 4, rng.split());
                sum += t;
                sumSq += t * t;
                if (t <= median) {
                    belowMedian++;
                }
            }
            double mean = sum / reps;
            double se = Math.sqrt((sumSq / reps - mean * mean) / reps);
            assertEquals(exact.meanTime(), mean, 4 * se, policy.toString());
            double share = belowMedian / (double) reps;
            assertEquals(0.5, share, 4 * Math.sqrt(0.25 / reps), policy.toString());
        }
    }

    /** One run: the time until {@code target} devices hold every piece. */
    private static double simulate(MultiPieceSwarm sw, int target, SplittableRandom rng) {
        int n = sw.nodes();
        int full = sw.fullSet();
        int[] set = new int[n];
        for (int i = 0; i < sw.initialHolders(); i++) {
            set[i] = full;
        }
        double t = 0;
        double pairRate = sw.rate() * n * (n - 1) / 2.0;
        while (true) {
            int complete = 0;
            for (int s : set) {
                complete += s == full ? 1 : 0;
            }
            if (complete >= target) {
                return t;
            }
            double serverRate = sw.serverRate() * (n - complete);
            double total = pairRate + serverRate;
            t += -Math.log(1 - rng.nextDouble()) / total;
            int[] counts = new int[sw.pieces()];
            for (int s : set) {
                for (int i = 0; i < sw.pieces(); i++) {
                    counts[i] += (s >> i) & 1;
                }
            }
            if (rng.nextDouble() * total < pairRate) {
                int a = rng.nextInt(n);
                int b = rng.nextInt(n - 1);
                if (b >= a) {
                    b++;
                }
                int sa = set[a];
                int sb = set[b];
                if (rng.nextDouble() < sw.success()) {
                    set[a] = sa | pick(sb & ~sa, sw.perContact(), sw.policy(), counts, rng);
                }
                if (rng.nextDouble() < sw.success()) {
                    set[b] = sb | pick(sa & ~sb, sw.perContact(), sw.policy(), counts, rng);
                }
            } else {
                int which = rng.nextInt(n - complete);
                for (int i = 0; i < n; i++) {
                    if (set[i] != full && which-- == 0) {
                        set[i] |= pick(full & ~set[i], 1, sw.policy(), counts, rng);
                        break;
                    }
                }
            }
        }
    }

    private static int pick(int useful, int k, PiecePolicy policy, int[] counts, SplittableRandom rng) {
        List<Integer> pieces = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            if ((useful >> i & 1) == 1) {
                pieces.add(i);
            }
        }
        if (policy == PiecePolicy.RANDOM || policy == PiecePolicy.RAREST_FIRST) {
            for (int i = pieces.size() - 1; i > 0; i--) { // Fisher-Yates, then a stable sort keeps ties random
                Collections.swap(pieces, i, rng.nextInt(i + 1));
            }
        }
        if (policy == PiecePolicy.RAREST_FIRST) {
            pieces.sort((x, y) -> Integer.compare(counts[x], counts[y]));
        }
        int chosen = 0;
        for (int i = 0; i < Math.min(k, pieces.size()); i++) {
            chosen |= 1 << pieces.get(i);
        }
        return chosen;
    }

    @Test
    void meanFieldOfOnePieceIsTheLogistic() {
        MultiPieceSwarm sw = new MultiPieceSwarm(1000, 1, 1, PiecePolicy.RANDOM, 1e-3, 1e-4, 1, 1);
        RolloutPrediction mf = new MultiPieceModel(sw, 10).predict(0.9);
        assertEquals(PredictionMethod.MEAN_FIELD, mf.method());
        assertEquals(new SinglePieceModel(1000, 1, 1e-3 * 999.0 / 1000, 1e-4, 1).meanFieldTime(0.9), mf.meanTime(),
                1e-6 * mf.meanTime());
    }

    @Test
    void meanFieldMultiPieceIsCloseToExactForAModerateFleet() {
        MultiPieceSwarm sw = new MultiPieceSwarm(30, 2, 1, PiecePolicy.RANDOM, 0.01, 0.001, 1, 1);
        double exact = new MultiPieceModel(sw).predict(0.5).meanTime();
        double mf = new MultiPieceModel(sw, 10).predict(0.5).meanTime();
        assertEquals(exact, mf, 0.25 * exact);
    }

    @Test
    void fourierRewardCurveAgreesWithUniformisation() {
        MultiPieceSwarm sw = new MultiPieceSwarm(5, 3, 2, PiecePolicy.RAREST_FIRST, 0.3, 0.02, 0.7, 1);
        MultiPieceModel.Lumped l = new MultiPieceModel(sw).lumped(5);
        double[] pieces = new double[l.piecesHeld.length];
        for (int i = 0; i < pieces.length; i++) {
            pieces[i] = l.piecesHeld[i] / 15.0;
        }
        java.util.function.DoubleUnaryOperator complete = l.chain.rewardCurve(l.completeFraction, 1e-10, 1e12);
        java.util.function.DoubleUnaryOperator held = l.chain.rewardCurve(pieces, 1e-10, 1e12);
        var tr = l.chain.transientRewards(new double[][] {l.completeFraction, pieces}, 1e-13);
        for (double t : new double[] {0.5, 2, 5, 10, 30, 100}) {
            assertEquals(tr.expected(0, t), complete.applyAsDouble(t), 1e-9, "complete at " + t);
            assertEquals(tr.expected(1, t), held.applyAsDouble(t), 1e-9, "pieces at " + t);
        }
    }

    @Test
    void aServerVisitThatHandsOutEveryPieceIsTheSinglePieceServer() {
        MultiPieceSwarm sw = new MultiPieceSwarm(6, 3, 1, PiecePolicy.RANDOM, 0, 0.1, 1, 1, Integer.MAX_VALUE);
        RolloutPrediction multi = new MultiPieceModel(sw).predict(1.0);
        RolloutPrediction single = new SinglePieceModel(6, 1, 0, 0.1, 0).predict(1.0);
        assertEquals(single.meanTime(), multi.meanTime(), 1e-12 * single.meanTime());
        assertEquals(single.sdTime(), multi.sdTime(), 1e-10 * single.sdTime());
        assertEquals(5, multi.serverDownloads(), 1e-12);
        assertEquals(0, multi.offload(), 1e-12);
        // one piece per visit: three visits per device, Erlang(3) each
        RolloutPrediction onePiece = new MultiPieceModel(new MultiPieceSwarm(6, 3, 1, PiecePolicy.RANDOM, 0, 0.1, 1, 1))
                .predict(1.0);
        assertTrue(onePiece.meanTime() > multi.meanTime());
        assertEquals(5, onePiece.serverDownloads(), 1e-12);
    }

    @Test
    void badInput() {
        assertThrows(InvalidInputException.class, () -> new MultiPieceSwarm(5, 0, 1, PiecePolicy.RANDOM, 1, 1, 1, 1));
        assertThrows(InvalidInputException.class, () -> new MultiPieceSwarm(5, 2, 0, PiecePolicy.RANDOM, 1, 1, 1, 1));
        assertThrows(InvalidInputException.class, () -> PiecePolicy.parse("--policy", "fastest"));
        assertThrows(InvalidInputException.class, () -> new MultiPieceSwarm(5, 2, 1, PiecePolicy.RANDOM, 1, 0, 1, 0));
    }
}
