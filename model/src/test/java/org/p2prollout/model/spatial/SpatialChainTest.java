package org.p2prollout.model.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.p2prollout.model.spread.TraceTruth;
import org.p2prollout.model.swarm.Hypoexponential;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;

/**
 * The exact spatial chain against closed forms (one zone, constant rates: the SI chain) and against an
 * independent individual-device simulation of the same model (two zones, an absent state, day and night
 * rates, a server, two initial holders), and its size limits.
 */
class SpatialChainTest {

    @Test
    void oneZoneWithConstantRatesIsTheSiChainToTheLastDigits() {
        int n = 6;
        double beta = 1e-3;
        SpatialModel m = HandModels.model(1, n, HandModels.constant(new double[2][2]), new double[] {beta},
                HandModels.ones(), new double[] {1, 0});
        double[] levels = {0.5, 0.8, 1};
        SpatialChain.Question q = new SpatialChain.Question(40_000, 1, 0, 1, 1, levels, 0, 1);
        SpatialChain chain = new SpatialChain(m, SpatialChainOptions.DEFAULT.withPhasesPerHour(1).withEpsilon(1e-12), q);
        assertEquals(n, chain.devices());
        assertEquals(1, chain.deviceStates(), "the absent state is never occupied");
        assertEquals(1, chain.phases());
        SpatialChain.Result r = chain.solve(ProgressListener.NONE);
        assertEquals(n, r.states(), "holders 1..5 plus 'all hold'");
        double[] times = r.times();
        for (int l = 0; l < levels.length; l++) {
            int k = TraceTruth.needed(levels[l], n);
            // pure birth: k holders -> k + 1 at rate β k (N − k); E[T] = Σ 1 / (β k (N − k))
            double[] rates = new double[k - 1];
            double mean = 0;
            for (int h = 1; h < k; h++) {
                rates[h - 1] = beta * h * (n - h);
                mean += 1 / rates[h - 1];
            }
            assertEquals(mean, r.mean()[l], 1e-8 * mean, "E[T_" + levels[l] + "]");
            assertTrue(r.meanErrorBound()[l] <= 1e-8 * mean, "bound " + r.meanErrorBound()[l]);
            assertEquals(1, r.reached(l), 1e-12);
            Hypoexponential exact = new Hypoexponential(rates);
            double[] cdf = r.cdf()[l];
            for (int g = 0; g < times.length; g++) {
                assertEquals(exact.cdf(times[g]), cdf[g], r.cdfErrorBound()[l] + exact.cdfError() + 1e-12,
                        "P(T_" + levels[l] + " <= " + times[g] + ")");
            }
            // the median interpolates the CDF on the 60 s grid: within a grid step of the exact one
            double median = r.median(l);
            assertTrue(exact.cdf(median - 60) <= 0.5 && exact.cdf(median + 60) >= 0.5, "median " + median);
        }
        assertTrue(r.largestErrorBound() <= 1e-12);
    }

    /** Two zones and an absent state: day (06-18 h) and night rates. */
    static SpatialModel dayAndNight(double fleet) {
        double[][] day = {
                {0, 1 / 1800.0, 1 / 10_800.0},
                {1 / 1200.0, 0, 1 / 7200.0},
                {1 / 3600.0, 1 / 5400.0, 0}};
        double[][] night = {
                {0, 1 / 7200.0, 1 / 3600.0},
                {1 / 7200.0, 0, 1 / 3600.0},
                {1 / 7200.0, 1 / 7200.0, 0}};
        double[][][] move = new double[24][][];
        double[] factor = new double[24];
        for (int s = 0; s < 24; s++) {
            boolean isDay = s >= 6 && s < 18;
            move[s] = isDay ? day : night;
            factor[s] = isDay ? 1.5 : 0.5;
        }
        return HandModels.model(2, fleet, move, new double[] {3e-4, 6e-4}, factor, new double[] {1, 1, 1});
    }

    @Test
    void twoZonesWithAnAbsentStateAgreeWithASimulationOfIndividualDevices() {
        SpatialModel m = dayAndNight(5);
        double mu = 2e-5;
        double[] levels = {0.5, 0.9, 1};
        // release between 05:00 and 07:00: the rates change at 06:00, within the first hours of every release
        SpatialChain.Question q = new SpatialChain.Question(86_400, 2, mu, 1, 1, levels, 5, 7);
        SpatialChain chain = new SpatialChain(m, SpatialChainOptions.DEFAULT, q);
        assertEquals(3, chain.deviceStates());
        assertEquals(4, chain.phases());
        SpatialChain.Result r = chain.solve(ProgressListener.NONE);
        assertTrue(r.largestErrorBound() <= 1e-6, "bound " + r.largestErrorBound());
        assertEquals(2, r.solves() / 4, "T_0.9 and T_1 both need all 5: one solve per release time");

        // the simulation: each device on its own, its start drawn by running it for 5 days before the release
        double[] phase = SpatialChain.phases(q, 24, SpatialChainOptions.DEFAULT.phasesPerHour());
        int runs = 20_000;
        int[] targets = {TraceTruth.needed(0.5, 5), TraceTruth.needed(0.9, 5), TraceTruth.needed(1, 5)};
        double[][] t = new double[levels.length][runs];
        SplittableRandom rng = new SplittableRandom(20_240_601L);
        for (int run = 0; run < runs; run++) {
            double[] got = simulate(m, mu, 2, 5, phase, 86_400, targets, rng);
            for (int l = 0; l < levels.length; l++) {
                t[l][run] = got[l];
            }
        }
        double[] checkAt = {1800, 3 * 3600, 8 * 3600};
        for (int l = 0; l < levels.length; l++) {
            double sum = 0;
            double sq = 0;
            int reached = 0;
            for (double x : t[l]) {
                if (!Double.isNaN(x)) {
                    sum += x;
                    sq += x * x;
                    reached++;
                }
            }
            double mean = sum / reached;
            double se = Math.sqrt((sq / reached - mean * mean) / reached);
            // 4.4 standard errors: two-sided 1e-5 for each of the 12 comparisons of this test
            assertEquals(mean, r.mean()[l], 4.4 * se + r.meanErrorBound()[l],
                    "mean T_" + levels[l] + ": simulated " + mean + " ± " + se);
            double share = (double) reached / runs;
            assertEquals(share, r.reached(l), 4.4 * Math.sqrt(Math.max(share * (1 - share), 1e-4) / runs) + 1e-6);
            for (double at : checkAt) {
                int below = 0;
                for (double x : t[l]) {
                    below += x <= at ? 1 : 0;
                }
                double p = (double) below / runs;
                int g = (int) Math.round(at / 60);
                assertEquals(p, r.cdf()[l][g], 4.4 * Math.sqrt(Math.max(p * (1 - p), 1e-4) / runs)
                        + r.cdfErrorBound()[l], "P(T_" + levels[l] + " <= " + at + ")");
            }
        }
    }

    /**
     * One release of the model simulated device by device (Gillespie, rates constant within each hour): a release
     * time drawn among {@code phases}, every device run for 5 days from a uniform state up to it, redrawn while fewer
     * than {@code m} are in a zone; m holders drawn among those in zones. Returns the time to each target (NaN
     * when not within the horizon).
     */
    static double[] simulate(SpatialModel model, double mu, int m, int n, double[] phases, double horizon, int[] targets,
                             SplittableRandom rng) {
        int zones = model.zoneCount();
        int states = model.states();
        int[] where = new int[n];
        double t0;
        while (true) {
            t0 = phases[rng.nextInt(phases.length)];
            for (int d = 0; d < n; d++) {
                where[d] = rng.nextInt(states);
                double t = t0 - 5 * 86_400;
                while (true) {
                    int slot = Math.floorMod((long) Math.floor(t / 3600), 24);
                    double end = (Math.floor(t / 3600) + 1) * 3600;
                    double exit = model.movement(slot).exitRate(where[d]);
                    double next = exit > 0 ? t - Math.log(1 - rng.nextDouble()) / exit : Double.POSITIVE_INFINITY;
                    if (next >= Math.min(end, t0)) {
                        t = Math.min(end, t0);
                        if (t >= t0) {
                            break;
                        }
                        continue;
                    }
                    t = next;
                    where[d] = jump(model.movement(slot), where[d], rng);
                }
            }
            int present = 0;
            for (int d = 0; d < n; d++) {
                present += where[d] < zones ? 1 : 0;
            }
            if (present >= m) {
                break;
            }
        }
        boolean[] holds = new boolean[n];
        for (int k = 0; k < m; k++) {
            int pick;
            do {
                pick = rng.nextInt(n);
            } while (holds[pick] || where[pick] >= zones);
            holds[pick] = true;
        }
        int holders = m;
        double[] out = new double[targets.length];
        java.util.Arrays.fill(out, Double.NaN);
        for (int l = 0; l < targets.length; l++) {
            if (holders >= targets[l]) {
                out[l] = 0;
            }
        }
        double t = t0;
        int last = targets[targets.length - 1];
        while (holders < last) {
            int slot = Math.floorMod((long) Math.floor(t / 3600), 24);
            double end = Math.min((Math.floor(t / 3600) + 1) * 3600, t0 + horizon);
            var q = model.movement(slot);
            double g = model.slotFactor(slot);
            double total = 0;
            for (int d = 0; d < n; d++) {
                total += q.exitRate(where[d]);
            }
            double[] infect = new double[zones];
            for (int z = 0; z < zones; z++) {
                int u = 0;
                int h = 0;
                for (int d = 0; d < n; d++) {
                    if (where[d] == z) {
                        u += holds[d] ? 0 : 1;
                        h += holds[d] ? 1 : 0;
                    }
                }
                infect[z] = u * (h * model.encounterRate(z) * g + mu);
                total += infect[z];
            }
            double next = total > 0 ? t - Math.log(1 - rng.nextDouble()) / total : Double.POSITIVE_INFINITY;
            if (next >= end) {
                t = end;
                if (t >= t0 + horizon) {
                    break;
                }
                continue;
            }
            t = next;
            double u = rng.nextDouble() * total;
            boolean done = false;
            for (int d = 0; d < n && !done; d++) {
                double e = q.exitRate(where[d]);
                if (u < e) {
                    where[d] = jump(q, where[d], rng);
                    done = true;
                }
                u -= e;
            }
            int lastInfecting = -1;
            for (int z = 0; z < zones; z++) {
                lastInfecting = infect[z] > 0 ? z : lastInfecting;
            }
            for (int z = 0; z < zones && !done; z++) {
                if (infect[z] > 0 && (u < infect[z] || z == lastInfecting)) {
                    // a non-holder of zone z, uniformly
                    int count = 0;
                    for (int d = 0; d < n; d++) {
                        count += where[d] == z && !holds[d] ? 1 : 0;
                    }
                    int k = rng.nextInt(count);
                    for (int d = 0; d < n; d++) {
                        if (where[d] == z && !holds[d] && k-- == 0) {
                            holds[d] = true;
                            break;
                        }
                    }
                    holders++;
                    done = true;
                }
                u -= infect[z];
            }
            for (int l = 0; l < targets.length; l++) {
                if (Double.isNaN(out[l]) && holders >= targets[l]) {
                    out[l] = t - t0;
                }
            }
        }
        return out;
    }

    private static int jump(org.p2prollout.solver.Generator q, int from, SplittableRandom rng) {
        double u = rng.nextDouble() * q.exitRate(from);
        for (int k = q.rowStart(from); k < q.rowEnd(from); k++) {
            u -= q.rate(k);
            if (u < 0) {
                return q.column(k);
            }
        }
        return q.column(q.rowEnd(from) - 1);
    }

    @Test
    void aChainBeyondTheLimitsSaysWhichAndRefusesToSolve() {
        SpatialModel m = dayAndNight(40);
        SpatialChain.Question q = new SpatialChain.Question(86_400, 1, 0, 1, 1, new double[] {0.5, 0.9}, 0, 24);
        SpatialChain chain = new SpatialChain(m, SpatialChainOptions.DEFAULT, q);
        SpatialChain.Sizing s = chain.sizing();
        assertFalse(s.fits());
        // 40 devices over 3 device states, T_0.9 needs 36: Σ_h C(h+2, 2) C(42-h, 2) for h = 1..35, plus 1
        double bound = 1;
        for (int h = 1; h < 36; h++) {
            bound += (h + 2) * (h + 1) / 2.0 * (42 - h) * (41 - h) / 2.0;
        }
        assertEquals(bound, s.states(), 0);
        assertTrue(s.reason().contains("states, more than the limit 100000"), s.reason());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> chain.solve(ProgressListener.NONE));
        assertTrue(e.getMessage().contains("mean-field"), e.getMessage());
        // a work limit alone can refuse a chain small enough to store
        SpatialChain small = new SpatialChain(dayAndNight(5), SpatialChainOptions.DEFAULT.withMaxWork(1e3), q);
        assertFalse(small.sizing().fits());
        assertTrue(small.sizing().reason().contains("entry-steps"), small.sizing().reason());
    }
}
