package org.p2prollout.model.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;
import org.p2prollout.model.traffic.TrafficParameters;

class ForecastTest {
    @Test
    void oneCallGivesPredictionCurveCdfAndTraffic() {
        RolloutScenario s = RolloutScenario.homogeneous(20, 0.01, 0.001, 1, 1);
        Forecast f = Forecast.of(s, 0.9, new double[] {0, 50, 100}, new double[] {10, 100, 1000},
                TrafficParameters.typical(1e6, 1, 1));
        SinglePieceModel m = new SinglePieceModel(20, 1, 0.01, 0.001, 1);
        assertEquals(m.predict(0.9).meanTime(), f.prediction().meanTime(), 1e-12);
        assertEquals(m.coverageCurve(new double[] {50}).fraction()[0], f.curve().fraction()[1], 1e-12);
        assertEquals(m.timeDistribution(1.0).cdf(100), f.t1Cdf()[1], 1e-12);
        assertNotNull(f.traffic());
        assertEquals(f.prediction().offload(), f.traffic().offload(), 1e-12);
    }
}
