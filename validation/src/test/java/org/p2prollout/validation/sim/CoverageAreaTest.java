package org.p2prollout.validation.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.validation.sim.scenario.Scenario;
import org.p2prollout.validation.sim.scenario.Scenario.Baseline;
import org.p2prollout.validation.sim.scenario.Scenario.CoverageArea;
import org.p2prollout.validation.sim.scenario.Scenario.MobilityModel;
import org.p2prollout.validation.sim.scenario.Scenario.ProtocolImplementation;
import org.p2prollout.validation.sim.scenario.ScenarioBuilder;

/** Server coverage by areas: a try at rate mu succeeds only inside a disc. */
class CoverageAreaTest {
    static ScenarioBuilder clientServer() {
        return Scenario.builder().devices(60).initialHolders(1).mobility(MobilityModel.RANDOM_WAYPOINT).area(1000)
                .durationSeconds(3600).serverRate(1e-3).sizeBytes(10_000).pieces(2)
                .implementation(ProtocolImplementation.IDEAL).baseline(Baseline.CLIENT_SERVER);
    }

    @Test
    void discOverTheWholeAreaChangesNothingAndADiscElsewhereBlocksTheServer() {
        ReplicationResult everywhere = Simulator.replicate(clientServer().build(), 3, 0);
        ReplicationResult whole = Simulator.replicate(clientServer()
                .serverCoverageAreas(List.of(new CoverageArea(500, 500, 800))).build(), 3, 0);
        assertArrayEquals(everywhere.installTimes(), whole.installTimes());
        assertTrue(everywhere.installTimes().length > 30, "mu * 1 h = 3.6 tries per device");

        ReplicationResult nowhere = Simulator.replicate(clientServer()
                .serverCoverageAreas(List.of(new CoverageArea(-5000, -5000, 10))).build(), 3, 0);
        assertEquals(1, nowhere.installTimes().length);
        assertEquals(0L, nowhere.bytes().get("serverPayload"));

        // a disc over about a fifth of the area: fewer devices reach the server, but some do
        ReplicationResult part = Simulator.replicate(clientServer()
                .serverCoverageAreas(List.of(new CoverageArea(500, 500, 250))).build(), 3, 0);
        assertTrue(part.installTimes().length > 1 && part.installTimes().length < everywhere.installTimes().length,
                () -> "installed " + part.installTimes().length + " of " + everywhere.installTimes().length);
    }

    @Test
    void coverageAreasNeedPositions() {
        assertThrows(InvalidInputException.class, () -> clientServer().mobility(MobilityModel.CONTACT_PROCESS)
                .serverCoverageAreas(List.of(new CoverageArea(0, 0, 1))).build());
    }
}
