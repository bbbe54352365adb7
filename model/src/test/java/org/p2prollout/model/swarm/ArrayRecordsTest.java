package org.p2prollout.model.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.p2prollout.protocol.selection.PiecePolicy;

/** Defect 6: records holding arrays compare by content and do not share the caller's arrays. */
class ArrayRecordsTest {
    @Test
    void coverageCurveCopiesAndComparesByContent() {
        double[] t = {1, 2};
        double[] f = {0.25, 0.5};
        CoverageCurve a = new CoverageCurve(t, f, PredictionMethod.EXACT_CTMC, 1e-9);
        CoverageCurve b = new CoverageCurve(new double[] {1, 2}, new double[] {0.25, 0.5}, PredictionMethod.EXACT_CTMC,
                1e-9);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(a.toString(), b.toString());
        t[0] = 99;
        f[0] = 99;
        assertEquals(1, a.times()[0]);
        assertEquals(0.25, a.fraction()[0]);
        a.fraction()[1] = 7; // a copy out
        assertEquals(0.5, a.fraction()[1]);
        assertNotEquals(a, new CoverageCurve(new double[] {1, 3}, new double[] {0.25, 0.5},
                PredictionMethod.EXACT_CTMC, 1e-9));
    }

    @Test
    void rolloutScenarioCopiesAndComparesByContent() {
        long[] sizes = {3, 2};
        double[][] rates = {{0.1, 0.2}, {0.2, 0.3}};
        RolloutScenario a = new RolloutScenario(5, 0, sizes, rates, 0, 0.01, 1, 1, 1, 1, PiecePolicy.RANDOM, 1000);
        RolloutScenario b = new RolloutScenario(5, 0, new long[] {3, 2}, new double[][] {{0.1, 0.2}, {0.2, 0.3}}, 0,
                0.01, 1, 1, 1, 1, PiecePolicy.RANDOM, 1000);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        double before = a.meanPairRate(); // (9*0.1 + 2*6*0.2 + 4*0.3)/25 = 4.5/25
        assertEquals(4.5 / 25, before, 1e-15);
        rates[0][0] = 100;
        sizes[0] = 1;
        assertEquals(before, a.meanPairRate(), 0);
        a.classRates()[1][1] = 50;
        assertEquals(0.3, a.classRates()[1][1]);
        assertEquals(a, b);
    }
}
