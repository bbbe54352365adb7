package org.p2prollout.model.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.p2prollout.model.resample.PositionSamples;

/**
 * The spatial chain's stochastic phase against the closed form of the SI chain it reduces to: devices
 * jump between Z zones far faster than they meet, so each pair is in the same zone a share 1/Z of
 * the time and meets at λ = β/Z, and the time to full coverage from one holder has mean
 * Σ_{k=1}^{N-1} 1/(λ k (N−k)). With fewer devices than zones (a sparse fleet) the holder's own
 * presence must not cancel its zone's occupancy, and the zone it has just served must refill.
 */
class SpatialMeanFieldTest {
    static final int ZONES = 4;
    static final int DEVICES = 3;
    static final double BETA = 1e-3;
    /** Jump rate to each other zone, per second: 60 times the pair meeting rate β/Z (and Z × rate × ODE step ≤ 2, where RK4 is stable). */
    static final double JUMP = 0.015;

    /** Z zones on a line of 1 km cells, jumps between every two, the same β everywhere, N devices spread evenly. */
    static SpatialModel evenlySpread(SpatialOptions options) {
        return evenlySpread(options, BETA);
    }

    static SpatialModel evenlySpread(SpatialOptions options, double beta) {
        PositionSamples.Builder b = new PositionSamples.Builder(30, ZONES);
        int[] ids = new int[ZONES];
        double[] xs = new double[ZONES];
        double[] ys = new double[ZONES];
        for (int z = 0; z < ZONES; z++) {
            ids[z] = z;
            xs[z] = 1000 * z + 500;
            ys[z] = 500;
        }
        b.step(0, ids, xs, ys, ZONES);
        ZoneMap zones = ZoneMap.fit(b.build(), new int[] {0}, 1000, 0, 1000);
        assertEquals(ZONES, zones.zones());
        int states = ZONES + options.absentAges().length + 1;
        DayClock clock = new DayClock(ZoneOffset.UTC, 24);
        double[][] exposure = new double[24][states];
        double[][] pairExposure = new double[24][ZONES];
        double[][] encounters = new double[24][ZONES];
        @SuppressWarnings("unchecked")
        Map<Long, double[]>[] moves = new Map[24];
        for (int s = 0; s < 24; s++) {
            moves[s] = new HashMap<>();
            for (int z = 0; z < ZONES; z++) {
                for (int w = 0; w < ZONES; w++) {
                    if (w != z) {
                        moves[s].put(((long) z << 32) | w, new double[] {JUMP * 3600});
                    }
                }
                exposure[s][z] = 3600;
                pairExposure[s][z] = 1e9;
                encounters[s][z] = beta * 1e9;
            }
        }
        return SpatialModel.estimate(options, clock, zones, DEVICES, 30, exposure, moves, pairExposure, encounters,
                List.of(new double[] {0, 86_400}));
    }

    /**
     * Mean T_1 of the early phase from one holder against the pure-birth closed form
     * Σ_{k=1}^{N-1} 1 / ((N − k)(λ k + μ)): 4,000 releases, 4.4 standard errors (99.999 % two-sided)
     * plus 1 % for mixing that is fast but not infinitely so (the correction is of order
     * λ / (Z × jump rate), 0.4 %).
     */
    static void assertPureBirth(SpatialMeanField mf, int n, double lambda, double mu) {
        double expected = 0;
        for (int k = 1; k < n; k++) {
            expected += 1 / ((n - k) * (lambda * k + mu));
        }
        int runs = 4000;
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < runs; i++) {
            double[] t = mf.release(0, i % ZONES, 1, new double[] {n}, 1e7, new SplittableRandom(1000 + i));
            assertTrue(Double.isFinite(t[0]), "release " + i + " never reached every device");
            sum += t[0];
            sum2 += t[0] * t[0];
        }
        double mean = sum / runs;
        double se = Math.sqrt((sum2 / runs - mean * mean) / runs);
        assertEquals(expected, mean, 4.4 * se + 0.01 * expected, "mean T_1 " + mean + " s, closed form " + expected
                + " s, se " + se);
        assertTrue(se < 0.02 * expected, "the check must be sharp: se " + se);
    }

    @Test
    void stochasticPhaseInASparseEvenFleetIsTheSiChainWithRateBetaOverZ() {
        // three quarters of a device per zone on average
        SpatialModel m = evenlySpread(SpatialOptions.DEFAULT.withEarlyHolders(DEVICES));
        assertEquals(BETA, m.encounterRate(2), 1e-12);
        assertPureBirth(new SpatialMeanField(m, 0, 1, 1), DEVICES, BETA / ZONES, 0);
    }

    @Test
    void whatIfsServerFleetScaleAndRangeAreTheClosedFormsOfTheirChains() {
        // a server at μ per non-holder-second: (N − k)(λ k + μ)
        SpatialModel m = evenlySpread(SpatialOptions.DEFAULT.withEarlyHolders(2 * DEVICES));
        assertPureBirth(new SpatialMeanField(m, 2e-4, 1, 1), DEVICES, BETA / ZONES, 2e-4);
        // twice the fleet at the same density per zone and the same rate per co-located pair: N = 6
        assertPureBirth(new SpatialMeanField(m, 0, 2, 1), 2 * DEVICES, BETA / ZONES, 0);
        // a radio range giving twice the encounter rate
        assertPureBirth(new SpatialMeanField(m, 0, 1, 2), DEVICES, 2 * BETA / ZONES, 0);
    }

    @Test
    void odeFromTheFirstHolderOfALargeEvenFleetIsTheLogisticCurve() {
        // 300 devices (the 3 of the model x 100 at the same density), the ODE from the start (no stochastic
        // phase), infection 100x slower than mixing: y(t) = N / (1 + (N - 1) e^{-λ N t}), so the time to K
        // holders is ln(K (N - 1) / (N - K)) / (λ N). Allowed: 2 % (mixing 1 %, crossing interpolated within
        // a 30 s step of about 7,600 s).
        double beta = 1e-5;
        SpatialMeanField mf = new SpatialMeanField(evenlySpread(SpatialOptions.DEFAULT.withEarlyHolders(1), beta), 0, 100, 1);
        double n = 100 * DEVICES;
        double lambda = beta / ZONES;
        double[] targets = {0.5 * n, 0.9 * n};
        double[] t = mf.release(0, 0, 1, targets, 1e6, new SplittableRandom(1));
        for (int l = 0; l < targets.length; l++) {
            double k = targets[l];
            double expected = Math.log(k * (n - 1) / (n - k)) / (lambda * n);
            assertEquals(expected, t[l], 0.02 * expected, "time to " + k + " holders");
        }
    }
}
