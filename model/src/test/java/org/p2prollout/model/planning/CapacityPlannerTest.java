package org.p2prollout.model.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.p2prollout.model.swarm.SinglePieceModel;
import org.p2prollout.model.traffic.TrafficModel;
import org.p2prollout.model.traffic.TrafficParameters;
import org.p2prollout.core.InvalidInputException;

class CapacityPlannerTest {
    private final TrafficModel traffic = new TrafficModel(TrafficParameters.typical(1e6, 1, 1));

    @Test
    void clientServerRateScalesTheUnitRateQuantile() {
        // with the server alone T(mu) = T(1) / mu, so mu* = quantile_conf(T(1)) / deadline
        long n = 1000;
        double deadline = 3600;
        double unit = new SinglePieceModel(n, 0, 0, 1, 0).timeDistribution(0.9).quantile(0.95);
        CapacityPlan plan = new CapacityPlanner(mu -> new SinglePieceModel(n, 0, 0, mu, 0), traffic, 0)
                .plan(0.9, deadline, 0.95);
        assertEquals(unit / deadline, plan.serverRate(), 2e-6 * plan.serverRate());
        assertTrue(plan.probability() >= 0.95);
        assertEquals(0, plan.traffic().offload());
    }

    @Test
    void peersNeedLessServerAndTheAnswerIsTight() {
        long n = 1000;
        double deadline = 3600;
        CapacityPlanner p2p = new CapacityPlanner(mu -> new SinglePieceModel(n, 0, 1e-6, mu, 0.9), traffic, 0);
        CapacityPlan withPeers = p2p.plan(1.0, deadline, 0.9);
        CapacityPlan alone = new CapacityPlanner(mu -> new SinglePieceModel(n, 0, 0, mu, 0), traffic, 0)
                .plan(1.0, deadline, 0.9);
        assertTrue(withPeers.serverRate() < alone.serverRate());
        assertTrue(withPeers.serverBytes() < alone.serverBytes());
        double below = new SinglePieceModel(n, 0, 1e-6, withPeers.serverRate() * (1 - 1e-4), 0.9)
                .timeDistribution(1.0).cdf(deadline);
        assertTrue(below < 0.9, "a slightly slower server misses the target: " + below);
    }

    @Test
    void peersAloneCanSuffice() {
        CapacityPlan plan = new CapacityPlanner(mu -> new SinglePieceModel(100, 1, 0.01, mu, 1), traffic, 1)
                .plan(1.0, 1e5, 0.99);
        assertEquals(0, plan.serverRate());
        assertEquals(0, plan.serverBytes());
    }

    @Test
    void badInput() {
        CapacityPlanner p = new CapacityPlanner(mu -> new SinglePieceModel(10, 0, 0, mu, 0), traffic, 0);
        assertThrows(InvalidInputException.class, () -> p.plan(1.0, 0, 0.9));
        assertThrows(InvalidInputException.class, () -> p.plan(1.0, 10, 1));
        assertThrows(InvalidInputException.class, () -> p.plan(0, 10, 0.9));
    }
}
