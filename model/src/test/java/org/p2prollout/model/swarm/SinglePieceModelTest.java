package org.p2prollout.model.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.p2prollout.core.InvalidInputException;

class SinglePieceModelTest {
    private static double harmonic(long n) {
        double h = 0;
        for (long k = n; k >= 1; k--) {
            h += 1.0 / k;
        }
        return h;
    }

    @Test
    void epidemicMeanIsTwiceTheHarmonicNumberOverLambdaN() {
        for (long n : new long[] {2, 10, 1000, 100_000}) {
            double lambda = 0.003;
            RolloutPrediction p = SinglePieceModel.epidemic(n, lambda).predict(1.0);
            assertEquals(2 * harmonic(n - 1) / (lambda * n), p.meanTime(), 1e-10 * p.meanTime(), "N=" + n);
            assertEquals(PredictionMethod.CLOSED_FORM, p.method());
            assertEquals(0, p.serverDownloads());
            assertEquals(1, p.offload(), 1e-15);
        }
    }

    @Test
    void hybridSumsOfSection42() {
        long n = 500;
        long m = 3;
        double lambda = 1e-4;
        double mu = 2e-3;
        double p = 0.8;
        double mean = 0;
        double var = 0;
        double server = 0;
        for (long i = m; i <= n - 1; i++) {
            double r = (n - i) * (mu + p * lambda * i);
            mean += 1 / r;
            var += 1 / (r * r);
            server += mu / (mu + p * lambda * i);
        }
        RolloutPrediction pr = new SinglePieceModel(n, m, lambda, mu, p).predict(1.0);
        assertEquals(mean, pr.meanTime(), 1e-12 * mean);
        assertEquals(Math.sqrt(var), pr.sdTime(), 1e-12 * Math.sqrt(var));
        assertEquals(server, pr.serverDownloads(), 1e-10 * server);
        assertEquals(1 - server / (n - m), pr.offload(), 1e-12);
    }

    @Test
    void coverageStopsTheSumAtCeilQN() {
        SinglePieceModel model = new SinglePieceModel(10, 1, 0.1, 0.01, 1);
        double mean = 0;
        for (int i = 1; i < 7; i++) { // ceil(0.7 * 10) = 7 holders
            mean += 1 / model.birthRate(i);
        }
        assertEquals(mean, model.predict(0.7).meanTime(), 1e-13);
        assertEquals(7, RolloutModel.targetCount(100, 0.07));
        assertEquals(0, model.predict(0.1).meanTime());
    }

    @Test
    void closedFormCdfAgreesWithUniformisationOfThePureBirthChain() {
        SinglePieceModel model = new SinglePieceModel(60, 2, 0.01, 0.002, 0.9);
        TimeDistribution closed = model.timeDistribution(1.0);
        TimeDistribution chain = model.pureBirthChain().hittingTime(1e-13);
        assertEquals(closed.mean(), chain.mean(), 1e-12 * closed.mean());
        assertEquals(closed.sd(), chain.sd(), 1e-10 * closed.sd());
        for (double q : new double[] {0.1, 0.5, 0.9, 0.99}) {
            double t = closed.quantile(q);
            assertEquals(q, chain.cdf(t), 1e-8, "q=" + q);
        }
    }

    @Test
    void coverageCurveRisesFromMOverNToOne() {
        SinglePieceModel model = new SinglePieceModel(50, 5, 0.02, 0.001, 1);
        CoverageCurve c = model.coverageCurve(new double[] {0, 1, 5, 20, 1000});
        assertEquals(0.1, c.fraction()[0], 1e-12);
        for (int i = 1; i < 5; i++) {
            assertTrue(c.fraction()[i] >= c.fraction()[i - 1]);
        }
        assertEquals(1, c.fraction()[4], 1e-9);
        // E[holders(t)] = m + sum_j P(S_j <= t), each S_j hypoexponential: an independent check at t = 5
        double expected = 5;
        for (int j = 6; j <= 50; j++) {
            double[] r = new double[j - 5];
            for (int i = 5; i < j; i++) {
                r[i - 5] = model.birthRate(i);
            }
            expected += new Hypoexponential(r).cdf(5);
        }
        assertEquals(expected / 50, c.fraction()[2], 1e-8);
    }

    @Test
    void coverageCurveAgreesWithUniformisation() {
        SinglePieceModel model = new SinglePieceModel(300, 1, 2e-4, 1e-5, 0.9);
        AcyclicChain chain = model.pureBirthChain();
        double[] reward = new double[chain.size()];
        for (int i = 0; i < reward.length; i++) {
            reward[i] = (1.0 + i) / 300;
        }
        AcyclicChain.Transient tr = chain.transientRewards(new double[][] {reward}, 1e-13);
        double[] t = {1, 20, 60, 100, 150, 300};
        CoverageCurve c = model.coverageCurve(t);
        for (int i = 0; i < t.length; i++) {
            assertEquals(tr.expected(0, t[i]), c.fraction()[i], 2e-9, "t=" + t[i]);
        }
        assertTrue(c.error() < 2e-9);
    }

    @Test
    void raisingAnyRateNeverRaisesTheMeanTime() {
        double[] lambdas = {0, 1e-4, 1e-3, 1e-2};
        double[] mus = {0, 1e-4, 1e-3, 1e-2};
        double[] ps = {0, 0.3, 1};
        for (double l : lambdas) {
            for (double mu : mus) {
                for (double p : ps) {
                    if (mu == 0 && l * p == 0) {
                        continue;
                    }
                    double base = new SinglePieceModel(200, 1, l, mu, p).predict(1.0).meanTime();
                    assertTrue(new SinglePieceModel(200, 1, l * 2 + 1e-5, mu, p).predict(1.0).meanTime() <= base);
                    assertTrue(new SinglePieceModel(200, 1, l, mu * 2 + 1e-5, p).predict(1.0).meanTime() <= base);
                    assertTrue(new SinglePieceModel(200, 1, l, mu, Math.min(1, p + 0.2)).predict(1.0).meanTime() <= base);
                }
            }
        }
    }

    @Test
    void meanFieldGapShrinksLikeOneOverLogN() {
        double[] gaps = new double[4];
        long[] sizes = {100, 10_000, 1_000_000, 10_000_000};
        for (int k = 0; k < sizes.length; k++) {
            SinglePieceModel m = SinglePieceModel.epidemic(sizes[k], 1e-3);
            double exact = m.predict(1.0).meanTime();
            double mf = m.meanFieldTime(1.0);
            gaps[k] = Math.abs(exact - mf) / exact;
            // relative gap times ln N stays bounded: (2 gamma - ln 2) / 2 in the limit
            assertEquals((2 * 0.5772156649 - Math.log(2)) / 2, gaps[k] * Math.log(sizes[k]), 0.1);
        }
        for (int k = 1; k < gaps.length; k++) {
            assertTrue(gaps[k] < gaps[k - 1]);
        }
    }

    @Test
    void badInputNamesTheParameter() {
        assertThrows(InvalidInputException.class, () -> new SinglePieceModel(10, 11, 1, 1, 1));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new SinglePieceModel(10, 1, -1, 1, 1));
        assertTrue(e.getMessage().startsWith("rate must"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> new SinglePieceModel(10, 1, Double.NaN, 1, 1));
        assertThrows(InvalidInputException.class, () -> new SinglePieceModel(10, 1, 1, 1, 1.5));
        assertThrows(InvalidInputException.class, () -> new SinglePieceModel(10, 0, 1, 0, 1));
        assertThrows(InvalidInputException.class, () -> new SinglePieceModel(10, 1, 1, 1, 1).predict(0));
        assertThrows(InvalidInputException.class, () -> new SinglePieceModel(10, 1, 1, 1, 1).predict(1.01));
    }
}
