package org.p2prollout.model.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.p2prollout.core.InvalidInputException;

class HeterogeneousModelTest {
    @Test
    void oneClassIsTheSinglePieceChain() {
        HeterogeneousFleet fleet = HeterogeneousFleet.of(new long[] {40}, new double[][] {{0.01}}, 0.002, 2, 0.7);
        RolloutPrediction exact = new HeterogeneousModel(fleet).predict(0.9);
        SinglePieceModel single = new SinglePieceModel(40, 2, 0.01, 0.002, 0.7);
        RolloutPrediction closed = single.predict(0.9);
        assertEquals(PredictionMethod.EXACT_CTMC, exact.method());
        assertEquals(closed.meanTime(), exact.meanTime(), 1e-12 * closed.meanTime());
        assertEquals(closed.sdTime(), exact.sdTime(), 1e-10 * closed.sdTime());
        assertEquals(closed.serverDownloads(), exact.serverDownloads(), 1e-10);
        TimeDistribution d = single.timeDistribution(0.9);
        for (String level : new String[] {"0.5", "0.9", "0.99"}) {
            assertEquals(Double.parseDouble(level), d.cdf(exact.quantiles().get(level)), 1e-8);
        }
    }

    @Test
    void classesWithEqualRatesLumpToTheHomogeneousChain() {
        double l = 0.004;
        HeterogeneousFleet fleet = HeterogeneousFleet.of(new long[] {12, 9, 7}, new double[][] {{l, l, l}, {l, l, l},
            {l, l, l}}, 0.001, 1, 1);
        RolloutPrediction hetero = new HeterogeneousModel(fleet).predict(1.0);
        RolloutPrediction homo = new SinglePieceModel(28, 1, l, 0.001, 1).predict(1.0);
        assertEquals(homo.meanTime(), hetero.meanTime(), 1e-11 * homo.meanTime());
        assertEquals(homo.sdTime(), hetero.sdTime(), 1e-9 * homo.sdTime());
    }

    @Test
    void freeRiderCaseComputedByHand() {
        // 1 seed + 1 uploader + 1 free rider, no server: E[T_1] = 1/(2 lambda) + 1/2 (1/(2 lambda) + 1/lambda)
        double l = 0.5;
        HeterogeneousFleet fleet = new HeterogeneousFleet(new long[] {3}, new double[][] {{l}}, new double[] {0},
                new double[] {1.0 / 3}, new long[] {1}, 1);
        assertEquals(5 / (4 * l), new HeterogeneousModel(fleet).predict(1.0).meanTime(), 1e-12);
    }

    @Test
    void meanFieldGapShrinksAsTheFleetGrows() {
        double[][] rates = {{2e-3, 1e-3}, {1e-3, 4e-3}};
        double previous = Double.POSITIVE_INFINITY;
        for (int scale : new int[] {10, 40, 160}) {
            HeterogeneousFleet fleet = HeterogeneousFleet.of(new long[] {scale, scale}, scaled(rates, 10.0 / scale),
                    0, 1, 1);
            double exact = new HeterogeneousModel(fleet).predict(1.0).meanTime();
            RolloutPrediction mf = new HeterogeneousModel(fleet, 1).predict(1.0);
            assertEquals(PredictionMethod.MEAN_FIELD, mf.method());
            double gap = Math.abs(mf.meanTime() - exact) / exact;
            assertTrue(gap < previous, "gap " + gap + " after " + previous);
            assertTrue(gap * Math.log(2.0 * scale) < 0.5, "gap times ln N stays bounded: " + gap);
            previous = gap;
        }
    }

    @Test
    void meanFieldOfOneClassIsTheLogisticClosedForm() {
        HeterogeneousFleet fleet = HeterogeneousFleet.of(new long[] {1_000_000_000L}, new double[][] {{1e-12}},
                1e-5, 10, 0.9);
        RolloutPrediction mf = new HeterogeneousModel(fleet).predict(0.99);
        SinglePieceModel single = new SinglePieceModel(1_000_000_000L, 10, 1e-12, 1e-5, 0.9);
        assertEquals(PredictionMethod.MEAN_FIELD, mf.method());
        assertEquals(single.meanFieldTime(0.99), mf.meanTime(), 1e-7 * mf.meanTime());
        assertTrue(mf.accuracy().criterion().contains("large-N approximation"));
        CoverageCurve c = new HeterogeneousModel(fleet).coverageCurve(new double[] {0, mf.meanTime() / 2, mf.meanTime()});
        assertEquals(single.meanFieldHolders(mf.meanTime() / 2) / 1e9, c.fraction()[1], 1e-7);
    }

    @Test
    void exactCoverageCurveMatchesTheSinglePieceCurve() {
        HeterogeneousFleet fleet = HeterogeneousFleet.of(new long[] {30}, new double[][] {{0.02}}, 0.001, 1, 1);
        double[] t = {0, 10, 50, 100};
        CoverageCurve hetero = new HeterogeneousModel(fleet).coverageCurve(t);
        CoverageCurve single = new SinglePieceModel(30, 1, 0.02, 0.001, 1).coverageCurve(t);
        for (int i = 0; i < t.length; i++) {
            assertEquals(single.fraction()[i], hetero.fraction()[i], 1.1 * HeterogeneousModel.CURVE_TOLERANCE + 1e-9);
        }
    }

    @Test
    void raisingAClassRateNeverRaisesTheMean() {
        double[][] rates = {{1e-3, 5e-4}, {5e-4, 2e-3}};
        HeterogeneousFleet base = HeterogeneousFleet.of(new long[] {8, 6}, rates, 1e-4, 1, 1);
        double mean = new HeterogeneousModel(base).predict(1.0).meanTime();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double[][] r = scaled(rates, 1);
                r[i][j] *= 3;
                double m = new HeterogeneousModel(HeterogeneousFleet.of(new long[] {8, 6}, r, 1e-4, 1, 1))
                        .predict(1.0).meanTime();
                assertTrue(m <= mean);
            }
        }
    }

    @Test
    void fourierCdfAgreesWithUniformisation() {
        double[][] rates = {{2e-3, 1e-3, 5e-4}, {1e-3, 4e-3, 1e-3}, {5e-4, 1e-3, 8e-3}};
        HeterogeneousFleet fleet = HeterogeneousFleet.of(new long[] {7, 5, 4}, rates, 2e-4, 1, 0.9);
        AcyclicChain chain = new HeterogeneousModel(fleet).chain(14);
        TimeDistribution fourier = chain.hittingTimeFourier(org.p2prollout.core.ProgressListener.NONE);
        TimeDistribution uniform = chain.hittingTime(1e-13);
        for (double q : new double[] {0.01, 0.3, 0.5, 0.9, 0.999}) {
            double t = uniform.quantile(q);
            assertEquals(uniform.cdf(t), fourier.cdf(t), 1e-9, "q=" + q);
        }
    }

    @Test
    void fourierCoverageCurveAgreesWithUniformisation() {
        double[][] rates = {{2e-3, 1e-3, 5e-4}, {1e-3, 4e-3, 1e-3}, {5e-4, 1e-3, 8e-3}};
        HeterogeneousFleet fleet = new HeterogeneousFleet(new long[] {7, 5, 4}, rates, new double[] {2e-4, 0, 1e-3},
                new double[] {0, 0.4, 0}, new long[] {1, 0, 0}, 0.9);
        HeterogeneousModel model = new HeterogeneousModel(fleet);
        double[] t = {0, 10, 100, 300, 1000, 5000};
        CoverageCurve c = model.coverageCurve(t);
        assertEquals(PredictionMethod.EXACT_CTMC, c.method());
        AcyclicChain chain = model.chain(16);
        int[] level = model.levelsInOrder();
        double[] reward = new double[level.length];
        for (int i = 0; i < reward.length; i++) {
            reward[i] = (1 + level[i]) / 16.0;
        }
        AcyclicChain.Transient tr = chain.transientRewards(new double[][] {reward}, 1e-13);
        for (int i = 0; i < t.length; i++) {
            assertEquals(tr.expected(0, t[i]), c.fraction()[i], HeterogeneousModel.CURVE_TOLERANCE * 1.1 + 1e-12, "t=" + t[i]);
        }
    }

    @Test
    void slowFirstSojournIsSplitExactly() {
        // m = 0 and a slow server: the first sojourn is ~100 times slower than the others
        double[][] rates = {{0.01, 0.008}, {0.008, 0.012}};
        HeterogeneousFleet fleet = HeterogeneousFleet.of(new long[] {12, 8}, rates, 1e-4, 0, 1);
        AcyclicChain chain = new HeterogeneousModel(fleet).chain(20);
        TimeDistribution fourier = chain.hittingTimeFourier(org.p2prollout.core.ProgressListener.NONE);
        TimeDistribution uniform = chain.hittingTime(1e-13);
        for (double q : new double[] {0.01, 0.3, 0.5, 0.9, 0.999}) {
            double t = uniform.quantile(q);
            assertEquals(uniform.cdf(t), fourier.cdf(t), 1e-9, "q=" + q);
        }
    }

    @Test
    void badInput() {
        assertThrows(InvalidInputException.class, () -> HeterogeneousFleet.of(new long[] {3, 3},
                new double[][] {{1, 1}}, 0, 1, 1));
        assertThrows(InvalidInputException.class, () -> HeterogeneousFleet.of(new long[] {3},
                new double[][] {{-1}}, 0, 1, 1));
        assertThrows(InvalidInputException.class, () -> HeterogeneousFleet.of(new long[] {3},
                new double[][] {{1}}, 0, 4, 1));
        assertThrows(InvalidInputException.class, () -> new HeterogeneousModel(HeterogeneousFleet.of(new long[] {3},
                new double[][] {{1}}, 0, 0, 1)));
    }

    private static double[][] scaled(double[][] a, double f) {
        double[][] r = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i].clone();
            for (int j = 0; j < r[i].length; j++) {
                r[i][j] *= f;
            }
        }
        return r;
    }
}
