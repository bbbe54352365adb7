package org.p2prollout.model.pairs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.p2prollout.model.swarm.RolloutPrediction;
import org.p2prollout.model.swarm.SinglePieceModel;

/**
 * The pairs chain's simulation against closed forms. Tolerances are 4 standard errors of the Monte
 * Carlo mean (a false failure about once in 16,000 runs of the test; seeds are fixed, so the test is
 * deterministic) and the DKW band at 99.9 % for CDFs.
 */
class PairsSpreadTest {
    private static double[][] complete(int n, double lambda) {
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                r[i][j] = i == j ? 0 : lambda;
            }
        }
        return r;
    }

    private static double dkw999(int runs) {
        return Math.sqrt(Math.log(2 / 0.001) / (2.0 * runs));
    }

    @Test
    void twoDevicesAlwaysPresentMeetAfterAnExponentialTime() {
        double lambda = 1e-3;
        int runs = 20_000;
        PairsChain chain = new PairsChain(List.<double[][]>of(complete(2, lambda)), 1, 0, 1, runs, 7);
        PairsChain.Empirical t1 = chain.timeDistribution(1.0);
        double se = (1 / lambda) / Math.sqrt(runs);
        assertEquals(1 / lambda, t1.mean(), 4 * se);
        double worst = 0;
        for (double t = 0; t < 8000; t += 50) {
            worst = Math.max(worst, Math.abs(t1.cdf(t) - (1 - Math.exp(-lambda * t))));
        }
        assertTrue(worst < dkw999(runs), "CDF off by " + worst);
    }

    @Test
    void aCompleteGraphIsTheHomogeneousChain() {
        int n = 20;
        double lambda = 1e-4;
        int runs = 4000;
        PairsChain chain = new PairsChain(List.<double[][]>of(complete(n, lambda)), 1, 0, 1, runs, 11);
        double mean = 0;
        double var = 0;
        for (int k = 1; k < n; k++) {
            double rate = lambda * k * (n - k);
            mean += 1 / rate;
            var += 1 / (rate * rate);
        }
        PairsChain.Empirical t1 = chain.timeDistribution(1.0);
        assertEquals(mean, t1.mean(), 4 * Math.sqrt(var / runs));
        assertEquals(Math.sqrt(var), t1.sd(), 0.05 * Math.sqrt(var));
    }

    @Test
    void withAServerItMatchesTheSinglePieceChainsTimesAndDownloads() {
        int n = 30;
        double lambda = 2e-5;
        double mu = 1.0 / 7200;
        int runs = 4000;
        PairsChain chain = new PairsChain(List.<double[][]>of(complete(n, lambda)), 3, mu, 1, runs, 5);
        SinglePieceModel exact = new SinglePieceModel(n, 3, lambda, mu, 1);
        for (double q : new double[] {0.5, 0.9, 1.0}) {
            RolloutPrediction e = exact.predict(q);
            RolloutPrediction m = chain.predict(q);
            assertEquals(e.meanTime(), m.meanTime(), 4 * e.sdTime() / Math.sqrt(runs), "T_" + q);
            assertEquals(e.serverDownloads(), m.serverDownloads(), 0.05 * e.serverDownloads() + 0.1, "downloads " + q);
        }
        var d = exact.timeDistribution(1.0);
        PairsChain.Empirical t1 = chain.timeDistribution(1.0);
        double worst = 0;
        for (double t = 0; t < 5 * d.mean(); t += d.mean() / 50) {
            worst = Math.max(worst, Math.abs(t1.cdf(t) - d.cdf(t)));
        }
        assertTrue(worst < dkw999(runs), "CDF off by " + worst);
    }

    @Test
    void activityPerSlotScalesTheEncounterRate() {
        // two devices, slots of 1 h alternating activity 0 and 2, release at the start of a quiet hour
        double lambda = 2e-4;
        double[][] r = complete(2, lambda);
        double[][] one = {{1, 1}, {1, 1}};
        double[][] zero = {{0, 0}, {0, 0}};
        PairsModel m = new PairsModel(List.of("a", "b"), r, new double[2][2], new double[2][2], new double[] {0, 2}, one, zero, zero, new int[2], 3600);
        PairsSpread engine = new PairsSpread(m, 0, 1, 1);
        int runs = 20_000;
        double sum = 0;
        for (int i = 0; i < runs; i++) {
            sum += engine.release(0, 1, 1e7, null, new SplittableRandom(i)).timeOf(2);
        }
        // E[T] = ∫ S(t) dt with S(t) = exp(-2 λ × active seconds before t)
        double expected = 0;
        double dt = 1;
        for (double t = 0; t < 200_000; t += dt) {
            long hour = (long) Math.floor(t / 3600);
            double active = (hour / 2) * 3600 + (hour % 2 == 1 ? t - hour * 3600 : 0);
            expected += Math.exp(-2 * lambda * active) * dt;
        }
        double sd = expected; // an upper bound on the sd of T here
        assertEquals(expected, sum / runs, 4 * sd / Math.sqrt(runs));
    }

    @Test
    void anAbsentDeviceIsReachedAfterItAppears() {
        // device 1 absent at release, appears at rate alpha; once both are present they meet at once
        double alpha = 1e-3;
        double[][] r = complete(2, 1.0);
        double[][] presence = {{1}, {0}};
        double[][] on = {{0}, {alpha}};
        double[][] off = {{0}, {0}};
        PairsModel m = new PairsModel(List.of("a", "b"), r, new double[2][2], new double[2][2], new double[] {1}, presence, on, off, new int[2], 3600);
        PairsSpread engine = new PairsSpread(m, 0, 1, 1);
        int runs = 20_000;
        double sum = 0;
        int eligible = 0;
        for (int i = 0; i < runs; i++) {
            PairsSpread.Outcome o = engine.release(0, 1, 1e9, null, new SplittableRandom(i));
            sum += o.timeOf(2);
            eligible += o.eligible();
        }
        double mean = 1 / alpha + 1;
        assertEquals(mean, sum / runs, 4 * mean / Math.sqrt(runs));
        assertEquals(2 * runs, eligible);
        // short horizon: device 1 mostly never shows up and is not counted
        PairsSpread.Outcome o = engine.release(0, 1, 1, null, new SplittableRandom(3));
        assertEquals(1, o.eligible());
        // a release needs a present source
        PairsModel absent = new PairsModel(List.of("a", "b"), r, new double[2][2], new double[2][2], new double[] {1}, new double[][] {{0}, {0}}, on, off,
                new int[2], 3600);
        assertNull(new PairsSpread(absent, 0, 1, 1).release(0, 1, 100, null, new SplittableRandom(1)));
    }

    @Test
    void aContactInProgressPassesTheUpdateAtOnce() {
        // two devices in contact half the time: T_1 = 0 with probability 1/2, else Exp(lambda)
        double lambda = 1e-3;
        double[][] share = {{0, 0.5}, {0.5, 0}};
        int runs = 20_000;
        PairsChain chain = new PairsChain(List.<double[][]>of(complete(2, lambda)), List.<double[][]>of(share), 1, 0, 1,
                runs, 3);
        PairsChain.Empirical t1 = chain.timeDistribution(1.0);
        assertEquals(0.5, t1.cdf(0), dkw999(runs));
        assertEquals(0.5 / lambda, t1.mean(), 4 * (1 / lambda) / Math.sqrt(runs));
        // a chain of three in contact with certainty (capped at 0.95 per link) is mostly reached at once
        double[][] all = {{0, 0.99, 0.99}, {0.99, 0, 0.99}, {0.99, 0.99, 0}};
        PairsChain three = new PairsChain(List.<double[][]>of(complete(3, lambda)), List.<double[][]>of(all), 1, 0, 1,
                runs, 4);
        // P(both others at once) = 0.95^2 + 2 * 0.95 * 0.05 * 0.95 (one directly, the other through it)
        assertEquals(0.95 * 0.95 + 2 * 0.95 * 0.05 * 0.95, three.timeDistribution(1.0).cdf(0), dkw999(runs));
    }

    @Test
    void replayedPresenceSwitchesDevicesOnSchedule() {
        // device 0 present throughout, device 1 only within [1000, 2000] and [5000, 5000] (an instant)
        double lambda = 0.01;
        PairsSpread engine = new PairsSpread(PairsModel.alwaysPresent(complete(2, lambda)), 0, 1, 1);
        double[][] schedule = {{0, 10_000}, {1000, 2000, 5000, 5000}};
        int runs = 20_000;
        double sum = 0;
        for (int i = 0; i < runs; i++) {
            PairsSpread.Outcome o = engine.release(0, 1, 8000, null, schedule, new SplittableRandom(i));
            assertEquals(2, o.eligible());
            sum += o.timeOf(2);
        }
        // they meet within the 1,000 s window but for e^-10
        assertEquals(1000 + 1 / lambda, sum / runs, 4 * (1 / lambda) / Math.sqrt(runs));
        // followed 500 s, device 1 never shows up: not counted; released at 1500, device 1 is present
        assertEquals(1, engine.release(0, 1, 500, null, schedule, new SplittableRandom(1)).eligible());
        assertEquals(2, engine.release(1500, 2, 100, null, schedule, new SplittableRandom(1)).reached());
        // released at 3000, device 1's instant at 5000 counts it, but it cannot be reached then
        PairsSpread.Outcome late = engine.release(3000, 1, 5000, null, schedule, new SplittableRandom(2));
        assertEquals(2, late.eligible());
        assertEquals(1, late.reached());
    }

    @Test
    void aDeviceAppearingInContactWithAHolderReceivesTheUpdateAtOnce() {
        // device 1 appears at 1000 s (replayed presence) in contact with present device 0 with chance 0.9;
        // otherwise they meet at a negligible rate
        double[][] r = complete(2, 1e-9);
        double[][] alpha = {{0, 0}, {0.9, 0}};
        double[][] one = {{1}, {1}};
        double[][] zero = {{0}, {0}};
        PairsModel m = new PairsModel(List.of("a", "b"), r, new double[2][2], alpha, new double[] {1}, one, zero, zero,
                new int[2], 3600);
        PairsSpread engine = new PairsSpread(m, 0, 1, 1);
        double[][] schedule = {{0, 10_000}, {1000, 2000}};
        int runs = 20_000;
        int atOnce = 0;
        for (int i = 0; i < runs; i++) {
            PairsSpread.Outcome o = engine.release(0, 1, 8000, null, schedule, new SplittableRandom(i));
            atOnce += o.timeOf(2) == 1000 ? 1 : 0;
        }
        assertEquals(0.9, (double) atOnce / runs, 4 * Math.sqrt(0.09 / runs));
        // the same through the presence chain: device 1 absent at release, appearing at rate 1e-3
        double[][] presence = {{1}, {0}};
        double[][] on = {{0}, {1e-3}};
        PairsModel chain = new PairsModel(List.of("a", "b"), r, new double[2][2], alpha, new double[] {1}, presence, on,
                zero, new int[2], 3600);
        PairsSpread e2 = new PairsSpread(chain, 0, 1, 1);
        int reached = 0;
        for (int i = 0; i < runs; i++) {
            reached += e2.release(0, 1, 1e6, null, new SplittableRandom(i)).reached() == 2 ? 1 : 0;
        }
        assertEquals(0.9, (double) reached / runs, 4 * Math.sqrt(0.09 / runs) + 1e-3);
    }

    @Test
    void aReleaseIsAPureFunctionOfItsGenerator() {
        PairsChain a = new PairsChain(List.<double[][]>of(complete(12, 1e-4)), 2, 1e-5, 0.8, 50, 99);
        PairsChain b = new PairsChain(List.<double[][]>of(complete(12, 1e-4)), 2, 1e-5, 0.8, 50, 99);
        assertArrayEquals(a.timeDistribution(0.9).values(), b.timeDistribution(0.9).values());
        assertEquals(a.predict(1.0).serverDownloads(), b.predict(1.0).serverDownloads());
    }

    @Test
    void fleetCopiesMeetAtTheirCommunitysWithinRate() {
        // two devices of one community at rate lambda; doubled, each copy meets its twin at lambda too:
        // a complete graph of 4 at lambda
        double lambda = 1e-3;
        PairsModel m = PairsModel.alwaysPresent(complete(2, lambda));
        PairsSpread engine = new PairsSpread(m, 0, 1, 1);
        int runs = 10_000;
        double sum = 0;
        for (int i = 0; i < runs; i++) {
            sum += engine.release(0, 1, Double.POSITIVE_INFINITY, new int[] {0, 1, 0, 1}, new SplittableRandom(i))
                    .timeOf(4);
        }
        double mean = 0;
        for (int k = 1; k < 4; k++) {
            mean += 1 / (lambda * k * (4 - k));
        }
        assertEquals(mean, sum / runs, 4 * mean / Math.sqrt(runs));
    }
}
