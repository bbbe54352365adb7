package org.p2prollout.model.openfleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2prollout.core.InvalidInputException;

class OpenFleetModelTest {
    /**
     * With lambda = 0 the fleet is a network of two infinite-server stations (Jackson): lacking
     * devices arrive at alpha and leave at theta + mu each, a share mu / (theta + mu) moving on to
     * the holders, who leave at gamma each. So x ~ Poisson(alpha / (theta + mu)) and
     * y ~ Poisson(alpha mu / ((theta + mu) gamma)), independent.
     */
    @Test
    void productFormWithoutPeers() {
        double alpha = 2;
        double theta = 0.1;
        double mu = 0.3;
        double gamma = 0.5;
        OpenFleet fleet = new OpenFleet(alpha, theta, gamma, 0, mu, 1, 40, 30);
        OpenFleetModel model = new OpenFleetModel(fleet);
        double[] pi = model.distribution();
        PoissonDistribution px = new PoissonDistribution(alpha / (theta + mu));
        PoissonDistribution py = new PoissonDistribution(alpha * mu / ((theta + mu) * gamma));
        for (int x = 0; x <= 40; x++) {
            for (int y = 0; y <= 30; y++) {
                assertEquals(px.probability(x) * py.probability(y), pi[fleet.index(x, y)], 1e-9, x + "," + y);
            }
        }
        SteadyState s = model.steadyState();
        assertEquals(px.getMean(), s.meanLacking(), 1e-8);
        assertEquals(py.getMean(), s.meanHolding(), 1e-8);
        assertEquals(mu * px.getMean(), s.serverDownloadsPerSecond(), 1e-8);
        assertEquals(0, s.offload());
        assertTrue(s.truncationMass() < 1e-12);
    }

    @Test
    void peersRaiseOffloadAndTightBoundsShowTruncationMass() {
        OpenFleet fleet = new OpenFleet(1, 0.01, 0.02, 0.002, 0.005, 0.9, 60, 80);
        SteadyState s = new OpenFleetModel(fleet).steadyState();
        assertTrue(s.offload() > 0.3, "offload " + s.offload());
        // flow balance: arrivals not lost = departures of lacking devices + transfers
        double transfers = s.serverDownloadsPerSecond() + s.peerDownloadsPerSecond();
        assertEquals(1 * (1 - s.massAtMaxLacking()), 0.01 * s.meanLacking() + transfers, 1e-6);
        SteadyState tight = new OpenFleetModel(new OpenFleet(1, 0.01, 0.02, 0.002, 0.005, 0.9, 5, 5)).steadyState();
        assertTrue(tight.truncationMass() > 0.1);
    }

    @Test
    void writesTheDistributionAsCsv(@TempDir Path dir) throws Exception {
        OpenFleet fleet = new OpenFleet(1, 0.5, 0.5, 0.1, 0.1, 1, 4, 3);
        Path f = dir.resolve("pi.csv");
        new OpenFleetModel(fleet).writeDistribution(f);
        List<String> lines = Files.readAllLines(f);
        assertEquals("x,y,probability", lines.get(0));
        assertEquals(1 + 5 * 4, lines.size());
        double sum = lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[2])).sum();
        assertEquals(1, sum, 1e-12);
    }

    @Test
    void qiuSrikantClosedFormIsTheSteadyStateOfItsOde() {
        // download-limited (1/c dominates) and upload-limited regimes
        for (QiuSrikantModel m : new QiuSrikantModel[] {
            new QiuSrikantModel(1, 0.01, 0.05, 0.001, 0.02, 1),
            new QiuSrikantModel(1, 0.05, 0.01, 0.001, 0.02, 0.5)}) {
            QiuSrikantModel.Steady s = m.steadyState();
            double[][] traj = m.trajectory(0, 0, new double[] {20_000});
            assertEquals(s.downloaders(), traj[0][0], 1e-5 * s.downloaders());
            assertEquals(s.seeds(), traj[0][1], 1e-5 * s.seeds());
        }
        QiuSrikantModel up = new QiuSrikantModel(1, 0.05, 0.01, 0.001, 0.02, 0.5);
        assertEquals(1 / ((1 / 0.01 - 1 / 0.02) / 0.5), up.steadyState().beta(), 1e-12);
    }

    @Test
    void everyMethodGivesTheSameAnswerWithASmallResidual() {
        OpenFleet fleet = new OpenFleet(1, 0.01, 0.02, 0.002, 0.005, 0.9, 100, 150);
        SteadyState direct = new OpenFleetModel(fleet, "direct",
                org.p2prollout.solver.stationary.Convergence.relative(1e-10),
                org.p2prollout.core.ProgressListener.NONE).steadyState();
        // krylov (BiCGSTAB+ILU(0)) does not converge on this chain; it used to be answered silently by direct
        for (String m : new String[] {"gs", "multilevel"}) {
            SteadyState s = new OpenFleetModel(fleet, m, org.p2prollout.solver.stationary.Convergence.relative(1e-10),
                    org.p2prollout.core.ProgressListener.NONE).steadyState();
            assertEquals(direct.meanHolding(), s.meanHolding(), 1e-6 * direct.meanHolding(), m);
            assertEquals(direct.meanLacking(), s.meanLacking(), 1e-6 * direct.meanLacking(), m);
            assertTrue(s.residual() < 1e-8, m + " residual " + s.residual());
            assertTrue(!s.accuracy().contains("answer from"), s.accuracy());
        }
    }

    @Test
    void badInput() {
        assertThrows(InvalidInputException.class, () -> new OpenFleet(-1, 0, 0, 0, 0, 1, 5, 5));
        assertThrows(InvalidInputException.class, () -> new OpenFleet(1, 0, 0, 0, 0, 1, 0, 5));
        assertThrows(InvalidInputException.class, () -> new OpenFleet(1, 0, 0, 0, 0, 2, 5, 5));
    }
}
