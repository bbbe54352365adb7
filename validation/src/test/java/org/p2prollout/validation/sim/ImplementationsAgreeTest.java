package org.p2prollout.validation.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.validation.sim.scenario.Scenario;
import org.p2prollout.validation.sim.scenario.Scenario.MobilityModel;
import org.p2prollout.validation.sim.scenario.Scenario.ProtocolImplementation;

/**
 * Second method: the idealised protocol and the reference protocol see the same contacts (same
 * seed, same encounter stream) and, for one piece, take the same decisions; their frames differ
 * by a few bytes only, so the rollouts must agree to well under a second per replication except
 * when a contact ends within those few bytes' time of a piece's last byte.
 */
class ImplementationsAgreeTest {
    @Test
    void idealAndReferenceAgreeOnASinglePieceRollout() {
        Scenario ideal = Scenario.builder().devices(30).initialHolders(1).mobility(MobilityModel.CONTACT_PROCESS)
                .encounterRate(1e-3).contactDurationSeconds(10).durationSeconds(100_000).recordContacts(false)
                .sizeBytes(1_000_000).pieces(1).bandwidth(250_000).implementation(ProtocolImplementation.IDEAL).build();
        Scenario reference = Scenario.builder().devices(30).initialHolders(1).mobility(MobilityModel.CONTACT_PROCESS)
                .encounterRate(1e-3).contactDurationSeconds(10).durationSeconds(100_000).recordContacts(false)
                .sizeBytes(1_000_000).pieces(1).bandwidth(250_000).implementation(ProtocolImplementation.REFERENCE).build();
        int reps = 40;
        SimulationResult a = Simulator.run(ideal, 3, reps, ProgressListener.NONE);
        SimulationResult b = Simulator.run(reference, 3, reps, ProgressListener.NONE);
        int close = 0;
        for (int i = 0; i < reps; i++) {
            if (Math.abs(a.replications().get(i).t100() - b.replications().get(i).t100()) < 0.5) {
                close++;
            }
        }
        assertTrue(close >= reps - 2, "replications agreeing within 0.5 s: " + close + " of " + reps);
        assertEquals(a.summary().t50().mean(), b.summary().t50().mean(), 0.02 * a.summary().t50().mean());
        assertEquals(a.summary().bytes().get("peerPayload").mean(), b.summary().bytes().get("peerPayload").mean(),
                0.001 * a.summary().bytes().get("peerPayload").mean());
    }
}
