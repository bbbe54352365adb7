package org.p2prollout.model.spread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.p2prollout.core.InvalidInputException;

/** Weighted rollout-time samples: moments, quantiles, KS, and Kaplan–Meier against hand computations. */
class TimeSampleTest {
    @Test
    void momentsQuantilesAndUnreachedMass() {
        TimeSample s = TimeSample.of(new double[] {3, 1, Double.NaN, 2});
        assertEquals(0.75, s.reachedShare(), 1e-15);
        assertEquals(2, s.mean(), 1e-15);
        assertEquals(Math.sqrt(2.0 / 3), s.sd(), 1e-15);
        assertEquals(2, s.median(), 0);
        assertEquals(0.5, s.cdf(2), 1e-15);
        assertEquals(0.75, s.cdf(1e9), 1e-15);
        TimeSample t = TimeSample.of(new double[] {1, 2, 3, 4});
        // sup |F - G|: at t=3 F=0.75 (s) vs 0.75 (t); at 4: 0.75 vs 1 -> 0.25
        assertEquals(0.25, s.ksDistance(t), 1e-15);
        assertEquals(0, t.ksDistance(t), 0);
        assertThrows(InvalidInputException.class, () -> TimeSample.of(new double[0]));
    }

    @Test
    void kaplanMeierMatchesAHandComputation() {
        // one stratum: events at 1, 3; censored at 2 and 4; one not reached within a horizon of 10
        // S: at 1: 1 - 1/5 = 0.8; censor at 2 (4 -> 3 at risk); at 3: 0.8 * (1 - 1/3) = 0.5333;
        // censor at 4 and 10: survival 0.5333 left unplaced -> unreached
        double[] times = {1, Double.NaN, 3, Double.NaN, Double.NaN};
        double[] observed = {10, 2, 10, 4, 10};
        TimeSample s = TimeSample.kaplanMeier(times, observed, new int[5], 1);
        assertEquals(0.2, s.cdf(1), 1e-12);
        assertEquals(0.2 + 0.8 / 3, s.cdf(3), 1e-12);
        assertEquals(1 - 0.8 * 2 / 3, s.reachedShare(), 1e-12);
        assertEquals((1 * 0.2 + 3 * 0.8 / 3) / (0.2 + 0.8 / 3), s.mean(), 1e-12);
        // without censoring it is the plain empirical distribution
        TimeSample plain = TimeSample.kaplanMeier(new double[] {2, 1, 4}, new double[] {9, 9, 9}, new int[3], 1);
        assertEquals(TimeSample.of(new double[] {2, 1, 4}).mean(), plain.mean(), 1e-15);
        assertEquals(1, plain.reachedShare(), 1e-15);
    }

    @Test
    void strataWeighEquallyWhateverTheirSize() {
        // stratum 0: three releases of 1 s; stratum 1: one release of 5 s -> mean (1 + 5) / 2
        TimeSample s = TimeSample.kaplanMeier(new double[] {1, 1, 1, 5}, new double[] {9, 9, 9, 9}, new int[] {0, 0, 0, 1}, 3);
        assertEquals(3, s.mean(), 1e-15);
        assertEquals(0.5, s.cdf(1), 1e-15);
    }
}
