package org.p2prollout.validation.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.validation.sim.scenario.Scenario;
import org.p2prollout.validation.sim.scenario.Scenario.MobilityModel;
import org.p2prollout.validation.sim.scenario.Scenario.ProtocolImplementation;

/** A replication is a pure function of (scenario, seed, index), whatever thread runs it. */
class DeterminismTest {
    static Scenario small(ProtocolImplementation impl) {
        return Scenario.builder().devices(40).initialHolders(2).mobility(MobilityModel.RANDOM_WAYPOINT).area(600)
                .durationSeconds(1200).stepSeconds(10).sizeBytes(50_000).pieces(5).implementation(impl)
                .serverRate(1e-4).freeRiderShare(0.1).build();
    }

    @Test
    void sameSeedSameRunsDifferentSeedDifferentRuns() {
        for (ProtocolImplementation impl : ProtocolImplementation.values()) {
            Scenario sc = small(impl);
            SimulationResult a = Simulator.run(sc, 7, 3, ProgressListener.NONE);
            SimulationResult b = Simulator.run(sc, 7, 3, ProgressListener.NONE);
            for (int i = 0; i < 3; i++) {
                ReplicationResult x = a.replications().get(i);
                ReplicationResult y = b.replications().get(i);
                assertArrayEquals(x.installTimes(), y.installTimes());
                assertEquals(x.bytes(), y.bytes());
                assertEquals(x.contacts().contacts(), y.contacts().contacts());
                assertArrayEquals(x.energyJoules(), y.energyJoules());
            }
            assertEquals(a.summary(), b.summary());
            // run() in parallel equals replicate() alone
            ReplicationResult alone = Simulator.replicate(sc, 7, 2);
            assertArrayEquals(alone.installTimes(), a.replications().get(2).installTimes());
            // another seed, and another replication index, give other runs
            SimulationResult c = Simulator.run(sc, 8, 3, ProgressListener.NONE);
            assertFalse(java.util.Arrays.equals(a.replications().get(0).installTimes(),
                    c.replications().get(0).installTimes()));
            assertNotEquals(a.replications().get(0).contacts().contacts(), a.replications().get(1).contacts().contacts());
        }
    }

    @Test
    void resultsAreSerialisable() throws Exception {
        SimulationResult a = Simulator.run(small(ProtocolImplementation.IDEAL), 1, 2, ProgressListener.NONE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(a);
        }
        Object back;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            back = in.readObject();
        }
        // a replication shipped to another machine (Spark) must arrive with the same numbers
        org.junit.jupiter.api.Assertions.assertEquals(a.summary(), ((SimulationResult) back).summary());
    }
}
