package org.p2prollout.model.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.p2prollout.model.swarm.RolloutPrediction;
import org.p2prollout.model.swarm.SinglePieceModel;
import org.p2prollout.core.InvalidInputException;

class TrafficModelTest {
    /** E[g(X)] for X ~ Exp(rate), by Simpson's rule on each interval [j s, (j+1) s), where g is smooth. */
    private static double expectation(java.util.function.DoubleUnaryOperator g, double rate, double s) {
        double total = 0;
        int n = 2000;
        for (int j = 0; j * s < 60 / rate; j++) {
            double a = j * s;
            double h = s / n;
            double part = 0;
            for (int i = 0; i <= n; i++) {
                double x = a + i * h;
                // the left limit at the interval's end: g is right-continuous with jumps at multiples of s
                double gx = g.applyAsDouble(i == n ? Math.nextDown(x) : x);
                double w = i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2);
                part += w * gx * rate * Math.exp(-rate * x);
            }
            total += part * h / 3;
        }
        return total;
    }

    @Test
    void contactTransferAgreesWithDirectIntegration() {
        ContactTransfer c = new ContactTransfer(20, 50_000); // 1 MB per contact on average
        double s = 300_000;
        double rate = 1 / (20 * 50_000.0);
        for (int u : new int[] {1, 3, 10}) {
            double complete = expectation(x -> Math.min(Math.floor(x / s), u), rate, s);
            double lost = expectation(x -> x < u * s ? x - Math.floor(x / s) * s : 0, rate, s);
            assertEquals(complete, c.expectedCompletePieces(s, u), 1e-6 * complete);
            assertEquals(lost, c.expectedLostBytes(s, u), 1e-8 * lost);
        }
        assertEquals(Math.exp(-2e6 / 1e6), c.successProbability(2e6), 1e-15);
    }

    @Test
    void clientServerOnlyCostsExactlyTheBaseline() {
        SinglePieceModel cs = new SinglePieceModel(100, 0, 0, 0.01, 1);
        RolloutPrediction p = cs.predict(1.0);
        TrafficParameters t = new TrafficParameters(1e6, 1, 1, 1000, 50, 200, 0, null, 0);
        TrafficPrediction tr = new TrafficModel(t).account(p, 100, 0);
        assertEquals(100 * (1e6 + 1000 + 50), tr.clientServerBaseline(), 1e-6);
        assertEquals(1, tr.overhead(), 1e-12);
        assertEquals(0, tr.offload());
        assertEquals(tr.total(), tr.serverBytes(), 1e-6);
    }

    @Test
    void peerRolloutCountsEveryKind() {
        // 10 devices, 2 seeds, epidemic: 8 peer deliveries of 4 pieces each
        TrafficParameters t = new TrafficParameters(4000, 4, 2, 100, 10, 20, 0.5, new ContactTransfer(1, 1000), 0.1);
        TrafficPrediction tr = new TrafficModel(t).account(10, 8, 32, 0, 100);
        ContactTransfer c = new ContactTransfer(1, 1000);
        double attempts = 32 / c.expectedCompletePieces(1000, 2);
        assertEquals(32 * 1000, tr.peerPayload(), 1e-9);
        assertEquals(0, tr.serverPayload());
        assertEquals(attempts * c.expectedLostBytes(1000, 2), tr.partialLost(), 1e-6);
        assertEquals(0.1 * 32 * 1000, tr.rejected(), 1e-9);
        assertEquals(10 * 0.5 * 100 * 20, tr.announcements(), 1e-9);
        assertEquals((32 + attempts * c.cutProbability(1000, 2)) * 10, tr.requests(), 1e-6);
        assertEquals(800, tr.manifests(), 1e-9);
        assertEquals(1, tr.offload());
        assertTrue(tr.overhead() > 1);
        assertEquals(tr.peerPayload() + tr.partialLost() + tr.rejected() + tr.announcements() + tr.requests()
                + tr.manifests(), tr.total(), 1e-6);
    }

    @Test
    void badInput() {
        assertThrows(InvalidInputException.class, () -> new ContactTransfer(0, 1));
        assertThrows(InvalidInputException.class, () -> new TrafficParameters(-1, 1, 1, 0, 0, 0, 0, null, 0));
        assertThrows(InvalidInputException.class, () -> new TrafficParameters(1, 0, 1, 0, 0, 0, 0, null, 0));
    }
}
