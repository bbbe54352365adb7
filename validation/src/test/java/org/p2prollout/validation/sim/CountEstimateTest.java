package org.p2prollout.validation.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.p2prollout.validation.sim.scenario.Scenario.Baseline;

/** Defect 9: a count's interval stays within [0, ∞); defect 6 for ReplicationResult. */
class CountEstimateTest {
    static ReplicationResult run(int r, long lyingBitfields, double[] installs, double[] energy) {
        return new ReplicationResult(r, 7 + r, Baseline.values()[0], 3, 3, 100, installs, 1, 2, 3, 4,
                Map.of("payload", 10L), 0.5, 1.1, 100, energy, Map.of("lying-bitfield", lyingBitfields), 0, 2, 5,
                50, null);
    }

    @Test
    void twoReplicationsOfACountNeverGiveANegativeLowerEnd() {
        // counts 0 and 40: Student-t alone gives 20 -+ 12.706 * 28.28 / sqrt(2) = [-234, 274]
        Estimate t = Estimate.of(new double[] {0, 40});
        assertEquals(20 - 12.7062 * Math.sqrt(800) / Math.sqrt(2), t.ciLow(), 0.01);
        Summary s = Summary.of(List.of(run(0, 0, new double[] {0, 1}, new double[] {1, 2, 3}),
                run(1, 40, new double[] {0, 1}, new double[] {1, 2, 3})));
        Estimate lying = s.rejected().get("lying-bitfield");
        assertEquals(20, lying.mean(), 0);
        assertEquals(0, lying.ciLow(), 0); // clipped: the hull of Poisson and t reaches below 0
        assertEquals(t.ciHigh(), lying.ciHigh(), 1e-9);
        assertTrue(s.tamperedInstalls().ciLow() >= 0);
    }

    @Test
    void allZeroCountsGetTheExactPoissonUpperEnd() {
        // S = 0 over n = 2: Garwood upper end = chi2_{0.975}(2) / 2 / n = -ln(0.025) / 2
        Estimate e = Estimate.ofCount(new double[] {0, 0});
        assertEquals(0, e.ciLow(), 0);
        assertEquals(-Math.log(0.025) / 2, e.ciHigh(), 1e-9);
        // S = 10 over n = 1: chi2 quantiles of 20 and 22 degrees of freedom, halved (tables: 9.591, 36.781)
        Estimate ten = Estimate.ofCount(new double[] {10});
        assertEquals(9.591 / 2, ten.ciLow(), 1e-3);
        assertEquals(36.781 / 2, ten.ciHigh(), 1e-3);
    }

    @Test
    void replicationResultsCompareByContentAndCopyTheirArrays() {
        double[] installs = {0, 1};
        double[] energy = {1, 2, 3};
        ReplicationResult a = run(0, 1, installs, energy);
        ReplicationResult b = run(0, 1, new double[] {0, 1}, new double[] {1, 2, 3});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(a.toString(), b.toString());
        installs[1] = 50;
        energy[0] = 50;
        a.installTimes()[0] = 9;
        assertEquals(1, a.installTimes()[1]);
        assertEquals(0, a.installTimes()[0]);
        assertEquals(2, a.meanEnergyJoules(), 1e-12);
        assertEquals(a, b);
        assertNotEquals(a, run(0, 2, new double[] {0, 1}, new double[] {1, 2, 3}));
    }
}
