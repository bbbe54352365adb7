package org.p2prollout.validation.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

class DistancesTest {
    @Test
    void ksOfHandCheckedSampleAgainstUniform() {
        // samples 0.1, 0.5, 0.6 against U(0,1): steps 1/3, 2/3, 1 at those points;
        // gaps: at 0.1: max(1/3-0.1, 0.1-0) = 0.2333; at 0.5: max(2/3-0.5, 0.5-1/3) = 0.1667; at 0.6: max(1-0.6, 0.6-2/3) = 0.4
        double d = Distances.kolmogorovSmirnov(t -> Math.min(1, Math.max(0, t)), new double[] {0.6, 0.1, 0.5});
        assertEquals(0.4, d, 1e-15);
    }

    @Test
    void ksAgreesWithCommonsMathOnExponentialSamples() {
        MersenneTwister rng = new MersenneTwister(42);
        double[] x = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = -Math.log(rng.nextDouble()) / 1.3;
        }
        double expected = new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(
                new org.apache.commons.math3.distribution.ExponentialDistribution(null, 1 / 1.3), x);
        assertEquals(expected, Distances.kolmogorovSmirnov(t -> 1 - Math.exp(-1.3 * t), x), 1e-12);
    }

    @Test
    void runsThatNeverFinishedCountAsMissingMass() {
        // two of four runs never reached: the empirical CDF tops out at 1/2 while U(0,1) reaches 1;
        // the finite samples alone give only 0.25
        double d = Distances.kolmogorovSmirnov(t -> Math.min(1, Math.max(0, t)),
                new double[] {0.25, 0.5, Double.NaN, Double.NaN});
        assertEquals(0.5, d, 0);
    }

    @Test
    void criticalValueShrinksWithTheSquareRootOfN() {
        assertEquals(1.3581 / 10, Distances.ksCritical95(100), 1e-12);
        assertTrue(Tolerances.DEFAULT.ksLimit(5) > Tolerances.DEFAULT.ks());
        assertEquals(Tolerances.DEFAULT.ks(), Tolerances.DEFAULT.ksLimit(1000), 0);
    }

    @Test
    void largestGapInterpolatesTheModelAtTheSimulationTimes() {
        Curve model = Curve.of(new double[] {0, 100}, new double[] {0, 1});
        Curve sim = Curve.of(new double[] {0, 25, 50, 100}, new double[] {0, 0.2, 0.7, 1});
        assertEquals(0.2, Distances.largestGap(model, sim), 1e-15);
    }

    @Test
    void gapBeyondBandIsZeroInsideAndDistanceToTheEdgeOutside() {
        double[] t = {0, 10, 20};
        Curve sim = new Curve(t, new double[] {0.1, 0.5, 0.9}, new double[] {0.0, 0.4, 0.85}, new double[] {0.2, 0.6, 0.95});
        assertEquals(0.0, Distances.largestGapBeyondBand(Curve.of(t, new double[] {0.15, 0.45, 0.9}), sim), 0);
        // 0.7 is 0.1 above the band's 0.6 at t = 10; 0.8 is 0.05 below 0.85 at t = 20
        assertEquals(0.1, Distances.largestGapBeyondBand(Curve.of(t, new double[] {0.1, 0.7, 0.8}), sim), 1e-12);
    }
}
