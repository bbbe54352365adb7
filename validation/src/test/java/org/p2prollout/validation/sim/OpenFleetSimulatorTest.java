package org.p2prollout.validation.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.validation.sim.churn.OpenFleetReplication;
import org.p2prollout.validation.sim.churn.OpenFleetResult;
import org.p2prollout.validation.sim.churn.OpenFleetSimulator;
import org.p2prollout.validation.sim.scenario.Scenario;
import org.p2prollout.validation.sim.scenario.ScenarioReader;

/**
 * The open fleet without meetings (lambda = 0) is a network of infinite-server queues whose
 * stationary law has a product form: x ~ Poisson(alpha / (theta + mu)) and y ~ Poisson(alpha mu /
 * ((theta + mu) gamma)), independent. Here alpha = 0.5, theta = 0.01, mu = 0.015, gamma = 0.02:
 * E[x] = 20, E[y] = 15, E[x + y] = 35, share up to date 15/35 and mu E[x] = 0.3 server downloads per
 * second. Each closed-form value must lie in the simulation's batch-means 95 % interval (80 batches
 * of 10,000 s, 200 times the slowest relaxation time 1 / gamma = 50 s); each holds with probability
 * 95 % for a correct simulator, and the seed is fixed, so the test is deterministic.
 */
class OpenFleetSimulatorTest {
    static final double ALPHA = 0.5;
    static final double THETA = 0.01;
    static final double MU = 0.015;
    static final double GAMMA = 0.02;

    static Scenario churnOnly() {
        return Scenario.builder().devices(1000).mobility(Scenario.MobilityModel.CONTACT_PROCESS).encounterRate(0)
                .contactDurationSeconds(0).instantaneous(true).serverRate(MU).arrivalRate(ALPHA)
                .leaveLackingRate(THETA).leaveHoldingRate(GAMMA).durationSeconds(202_000).warmupSeconds(2_000)
                .batches(20).build();
    }

    @Test
    void churnOnlyMatchesTheProductForm() {
        OpenFleetResult r = OpenFleetSimulator.run(churnOnly(), 11L, 4, ProgressListener.NONE);
        double ex = ALPHA / (THETA + MU);
        double ey = ALPHA * MU / ((THETA + MU) * GAMMA);
        assertEquals(20, ex, 1e-12);
        assertEquals(15, ey, 1e-12);
        assertCovers(r.meanLacking(), ex, "E[x]");
        assertCovers(r.meanHolding(), ey, "E[y]");
        double[] population = r.replications().stream().flatMapToDouble(rep -> IntStream
                .range(0, rep.meanLacking().size()).mapToDouble(i -> rep.meanLacking().get(i) + rep.meanHolding().get(i)))
                .toArray();
        assertEquals(80, population.length);
        assertCovers(Estimate.of(population), ex + ey, "E[x + y]");
        assertCovers(r.serverDownloadsPerSecond(), MU * ex, "server downloads per second");
        assertEquals(0, r.peerDownloadsPerSecond().mean());
        assertEquals(0, r.lostArrivalShare());
        // the realised rates read back from the run's counts: 4 x 202,000 s x 0.5 = 404,000 arrivals
        assertEquals(ALPHA, r.arrivalRate(), 4 * Math.sqrt(ALPHA / (4 * 202_000)));
        assertEquals(THETA, r.leaveLackingRate(), THETA * 0.02);
        assertEquals(GAMMA, r.leaveHoldingRate(), GAMMA * 0.02);
    }

    @Test
    void onlinePairsMeetAtTheScenarioRate() {
        Scenario s = Scenario.builder().devices(1000).mobility(Scenario.MobilityModel.CONTACT_PROCESS).encounterRate(1e-3)
                .instantaneous(true).serverRate(MU).arrivalRate(ALPHA).leaveLackingRate(THETA).leaveHoldingRate(GAMMA)
                .durationSeconds(50_000).warmupSeconds(1_000).build();
        OpenFleetResult r = OpenFleetSimulator.run(s, 3L, 2, ProgressListener.NONE);
        long meetings = r.replications().stream().mapToLong(OpenFleetReplication::encounters).sum();
        assertTrue(meetings > 10_000, "meetings " + meetings);
        // Poisson count: 4 standard deviations
        assertEquals(1e-3, r.encounterRate(), 4e-3 / Math.sqrt(meetings));
        assertTrue(r.peerDownloadsPerSecond().mean() > 0);
    }

    @Test
    void aReplicationIsAPureSerialisableFunctionOfScenarioSeedAndIndex() throws Exception {
        Scenario s = churnOnly();
        OpenFleetResult run = OpenFleetSimulator.run(s, 5L, 3, ProgressListener.NONE);
        assertEquals(run.replications().get(2), OpenFleetSimulator.replicate(s, 5L, 2));
        assertTrue(!run.replications().get(0).equals(run.replications().get(1)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(run);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(run, in.readObject());
        }
    }

    @Test
    void theDeviceCapIsReportedWhenHit() {
        Scenario s = Scenario.builder().devices(10).mobility(Scenario.MobilityModel.CONTACT_PROCESS).encounterRate(0)
                .instantaneous(true).serverRate(MU).arrivalRate(ALPHA).leaveLackingRate(THETA).leaveHoldingRate(GAMMA)
                .durationSeconds(20_000).warmupSeconds(1_000).build();
        OpenFleetReplication r = OpenFleetSimulator.replicate(s, 1L, 0);
        assertEquals(10, r.maxOnline());
        assertTrue(r.arrivalsLost() > 0.5 * r.arrivals(), r.arrivalsLost() + " of " + r.arrivals());
    }

    @Test
    void churnIsReadRangeCheckedAndRefusedWhereItDoesNotApply() {
        Scenario s = ScenarioReader.parse("""
                mobility: {model: contact-process, encounterRate: 1e-4, durationSeconds: 1000}
                radio: {instantaneous: true}
                churn: {arrivalRate: 0.1, leaveLackingRate: 0.01, leaveHoldingRate: 0.02, warmupSeconds: 100, batches: 5}
                """, "s.yaml", Path.of("."));
        assertEquals(new Scenario.Churn(0.1, 0.01, 0.02, 100, 5), s.churn());
        assertEquals(Scenario.Churn.CLOSED, ScenarioReader.parse("", "s.yaml", Path.of(".")).churn());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ScenarioReader.parse("churn: {arrivalRate: -1}", "s.yaml", Path.of(".")));
        assertTrue(e.getMessage().contains("churn.arrivalRate"), e.getMessage());
        e = assertThrows(InvalidInputException.class,
                () -> ScenarioReader.parse("churn: {arrivalRate: 0.1}", "s.yaml", Path.of(".")));
        assertTrue(e.getMessage().contains("mobility.model must be contact-process"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> ScenarioReader.parse("""
                mobility: {model: contact-process, durationSeconds: 1000}
                radio: {instantaneous: true}
                churn: {arrivalRate: 0.1, warmupSeconds: 1000}
                """, "s.yaml", Path.of(".")));
        assertTrue(e.getMessage().contains("churn.warmupSeconds"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> Simulator.run(churnOnly(), 1L, 2, ProgressListener.NONE));
        assertThrows(InvalidInputException.class,
                () -> OpenFleetSimulator.replicate(Scenario.builder().build(), 1L, 0));
    }

    private static void assertCovers(Estimate e, double value, String what) {
        assertTrue(StatBounds.covers999(e, value), () -> what + " = " + value + " outside the simulation's 99.9 % interval (95 % shown) ["
                + e.ciLow() + ", " + e.ciHigh() + "], mean " + e.mean());
    }
}
