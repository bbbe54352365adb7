package org.p2prollout.model.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;
import org.p2prollout.model.traffic.TrafficParameters;

class ForecastTest {
    /**
     * Three devices, one holder, no server, lambda = 0.01: the two spreading steps both go at
     * rate i (N - i) lambda = 0.02, so T_1 is Erlang(2, 0.02) — values by hand, not by the model.
     */
    @Test
    void oneCallGivesPredictionCurveCdfAndTrafficOfAHandCheckedFleet() {
        double r = 0.02;
        RolloutScenario s = RolloutScenario.homogeneous(3, 0.01, 0, 1, 1);
        Forecast f = Forecast.of(s, 0.9, new double[] {0, 50, 100}, new double[] {10, 100, 1000},
                TrafficParameters.typical(1e6, 1, 1));
        assertEquals(2 / r, f.prediction().meanTime(), 1e-9); // T_0.9 of 3 devices is T_1
        assertEquals(Math.sqrt(2) / r, f.prediction().sdTime(), 1e-9);
        for (int i = 0; i < 3; i++) {
            double t = new double[] {10, 100, 1000}[i];
            double erlang = 1 - Math.exp(-r * t) * (1 + r * t);
            assertEquals(erlang, f.t1Cdf()[i], 1e-9, "CDF at " + t);
        }
        for (int i = 0; i < 3; i++) {
            double t = new double[] {0, 50, 100}[i];
            double oneStep = 1 - Math.exp(-r * t);
            double twoSteps = 1 - Math.exp(-r * t) * (1 + r * t);
            assertEquals((1 + oneStep + twoSteps) / 3, f.curve().fraction()[i], 1e-9, "coverage at " + t);
        }
        assertEquals(0, f.prediction().serverDownloads(), 1e-12);
        assertEquals(1, f.prediction().offload(), 1e-12);
        assertNotNull(f.traffic());
        assertEquals(f.prediction().offload(), f.traffic().offload(), 1e-12);
    }
}
