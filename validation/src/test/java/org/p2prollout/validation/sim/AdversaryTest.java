package org.p2prollout.validation.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.validation.sim.scenario.Scenario;
import org.p2prollout.validation.sim.scenario.Scenario.AdversaryBehaviour;
import org.p2prollout.validation.sim.scenario.Scenario.MobilityModel;
import org.p2prollout.validation.sim.scenario.Scenario.ProtocolImplementation;

/** A fleet with every kind of hostile device: everything hostile is rejected and counted, nothing tampered installed. */
class AdversaryTest {
    @Test
    void everyAttackIsRejectedAndHonestDevicesStillInstall() {
        Scenario sc = Scenario.builder().devices(40).initialHolders(3).mobility(MobilityModel.CONTACT_PROCESS)
                .encounterRate(2e-3).contactDurationSeconds(60).durationSeconds(20_000).sizeBytes(20_000).pieces(4)
                .implementation(ProtocolImplementation.REFERENCE).adversaryShare(0.2)
                .adversaryBehaviours(List.of(AdversaryBehaviour.TAMPERED_PIECES, AdversaryBehaviour.FORGED_MANIFEST,
                        AdversaryBehaviour.OLDER_VERSION, AdversaryBehaviour.LYING_BITFIELD)).build();
        // the attacks of issue 13 (forged reports, stale release, withholding, Sybil) are AdversaryScenariosTest's
        SimulationResult r = Simulator.run(sc, 9, 4, ProgressListener.NONE);
        for (ReplicationResult x : r.replications()) {
            assertEquals(0, x.tamperedInstalls());
            assertEquals(32, x.coverageFleet(), "8 hostile devices are left out of coverage");
            assertTrue(x.rejected().get("tampered-piece") > 0, () -> "rejected " + x.rejected());
            assertTrue(x.rejected().get("forged-manifest") > 0, () -> "rejected " + x.rejected());
            assertTrue(x.rejected().get("stale-version") + x.rejected().get("lying-bitfield") > 0,
                    () -> "rejected " + x.rejected());
            assertTrue(x.bytes().get("rejected") > 0);
            assertEquals(32, x.installTimes().length, "every honest device installs within the horizon");
        }
    }
}
