package org.p2prollout.validation.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.validation.sim.scenario.Scenario;
import org.p2prollout.validation.sim.scenario.Scenario.MobilityModel;
import org.p2prollout.validation.sim.scenario.Scenario.ProtocolImplementation;
import org.p2prollout.validation.sim.scenario.ScenarioBuilder;

/** Free riders, batteries and trace replay on a chain of contacts 0-1 then 1-2 (device 0 holds the release). */
class FleetLimitsAndReplayTest {
    static final List<Contact> CHAIN = List.of(new Contact(0, 1, 10, 60), new Contact(1, 2, 100, 150));

    static ScenarioBuilder chain(ProtocolImplementation impl) {
        return Scenario.builder().devices(3).initialHolderIds(List.of(0)).bandwidth(10_000).sizeBytes(10_000).pieces(2)
                .implementation(impl).durationSeconds(1000);
    }

    @Test
    void relayInstallsTheThirdDevice() {
        for (ProtocolImplementation impl : ProtocolImplementation.values()) {
            ReplicationResult r = Simulator.replicate(chain(impl).build(), 1, 0, CHAIN);
            assertEquals(3, r.installTimes().length, impl.name());
            assertTrue(r.t100() > 100 && r.t100() < 150, impl + " T100 " + r.t100());
        }
    }

    @Test
    void freeRiderDoesNotRelay() {
        for (ProtocolImplementation impl : ProtocolImplementation.values()) {
            ReplicationResult r = Simulator.replicate(chain(impl).freeRiderShare(1).build(), 1, 0, CHAIN);
            assertEquals(2, r.installTimes().length, impl.name());
            assertEquals(0L, r.bytes().get("peerPayload") - 2 * (16 + 41 + 5000L),
                    impl + ": only the two pieces from the holder");
        }
    }

    @Test
    void deviceBelowBatteryReserveStopsServing() {
        for (ProtocolImplementation impl : ProtocolImplementation.values()) {
            // receiving 10 kB at 1 mJ per byte spends 10 J: with a budget of 5 J device 1 is below reserve
            ReplicationResult r = Simulator.replicate(chain(impl).batteryJoules(5).joulesPerByteReceived(1e-3).build(),
                    1, 0, CHAIN);
            assertEquals(2, r.installTimes().length, impl.name());
            assertTrue(r.energyJoules()[1] > 10, impl + " energy " + r.energyJoules()[1]);
            ReplicationResult plenty = Simulator.replicate(chain(impl).batteryJoules(1000).joulesPerByteReceived(1e-3)
                    .build(), 1, 0, CHAIN);
            assertEquals(3, plenty.installTimes().length, impl.name());
        }
    }

    @Test
    void failedInstallationsRollBackAndAreNotCounted() {
        for (ProtocolImplementation impl : ProtocolImplementation.values()) {
            ReplicationResult r = Simulator.replicate(chain(impl).installFailureProbability(1).build(), 1, 0, CHAIN);
            assertEquals(1, r.installTimes().length, impl + ": only the initial holder");
            assertTrue(Double.isNaN(r.t50()), impl.name());
            // device 1 downloaded both pieces before its installation failed
            assertTrue(r.bytes().get("peerPayload") >= 10_000, impl.name());
        }
    }

    @Test
    void runWithoutContactLogStopsWhenEveryDeviceInstalledOrGaveUp() {
        Scenario sc = Scenario.builder().devices(20).mobility(MobilityModel.CONTACT_PROCESS).encounterRate(1e-2)
                .contactDurationSeconds(0).instantaneous(true).pieces(1).sizeBytes(1000).installFailureProbability(0.5)
                .implementation(ProtocolImplementation.IDEAL).recordContacts(false).durationSeconds(1e12).build();
        ReplicationResult r = Simulator.replicate(sc, 1, 0);
        assertTrue(r.installTimes().length < 20, "some installations failed");
        assertTrue(r.stopSeconds() < 1e9, "stopped at " + r.stopSeconds());
    }

    @Test
    void contactListTraceIsReplayedFromItsFirstContact(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("contacts.csv");
        Files.writeString(csv, "a,b,start,end\n0,1,1000,1050\n1,2,1100,1150\n2,3,1300,1400\n");
        Scenario sc = Scenario.builder().initialHolderIds(List.of(0)).mobility(MobilityModel.TRACE).trace(csv.toString())
                .traceFormat("contacts-csv").instantaneous(true).implementation(ProtocolImplementation.IDEAL)
                .durationSeconds(1000).build();
        SimulationResult r = Simulator.run(sc, 1, 2, ProgressListener.NONE);
        assertEquals(4, r.scenario().fleet().devices());
        ReplicationResult first = r.replications().get(0);
        assertEquals(300, first.t100(), 1e-9);
        assertEquals(List.of(new Contact(0, 1, 0, 50), new Contact(1, 2, 100, 150), new Contact(2, 3, 300, 400)),
                first.contacts().contacts());
    }

    @Test
    void sumoReplayOfTwoVehiclesRuns() {
        Path data = Path.of(System.getProperty("rollout.sharedData", "../../shared/data"), "sumo-fcd",
                "fcd-cartesian-excerpt.xml");
        Assumptions.assumeTrue(Files.isRegularFile(data), "../shared/data/sumo-fcd not present");
        Scenario sc = Scenario.builder().initialHolders(1).mobility(MobilityModel.TRACE).trace(data.toString())
                .stepSeconds(1).rangeMeters(200).durationSeconds(1000).sizeBytes(10_000).pieces(2).build();
        SimulationResult r = Simulator.run(sc, 1, 2, ProgressListener.NONE);
        assertEquals(2, r.scenario().fleet().devices());
        assertTrue(r.replications().get(0).contactCount() >= 1);
    }

    @Test
    void cabspottingReplayRuns() {
        Path data = Path.of(System.getProperty("rollout.sharedData", "../../shared/data"), "cabspotting-2h");
        Assumptions.assumeTrue(Files.isDirectory(data), "../shared/data/cabspotting-2h not present");
        Scenario sc = Scenario.builder().initialHolders(5).mobility(MobilityModel.TRACE).trace(data.toString())
                .traceFormat("cabspotting").traceMaxDevices(100).stepSeconds(30).rangeMeters(200).durationSeconds(7200)
                .implementation(ProtocolImplementation.IDEAL).bandwidth(1_000_000).build();
        SimulationResult r = Simulator.run(sc, 1, 2, ProgressListener.NONE);
        assertEquals(100, r.scenario().fleet().devices());
        ReplicationResult x = r.replications().get(0);
        assertTrue(x.contactCount() > 100, "cabs meet: " + x.contactCount());
        assertTrue(x.installTimes().length > 5, "the update spreads beyond the initial holders");
        assertEquals(x.contactCount(), x.contacts().size());
    }
}
