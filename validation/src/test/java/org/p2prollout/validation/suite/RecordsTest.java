package org.p2prollout.validation.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.validation.sim.scenario.Scenario;

class RecordsTest {
    @Test
    void replacesOneComponentAndKeepsTheOthers() {
        Scenario s = Scenario.builder().devices(17).serverRate(1e-4).build();
        Scenario t = OffloadSweep.withServerRate(s, 3e-3);
        assertEquals(3e-3, t.server().rate(), 0);
        assertEquals(s.server().bytesPerSecond(), t.server().bytesPerSecond(), 0);
        assertEquals(17, t.fleet().devices());
        assertEquals(s.mobility(), t.mobility());
    }

    @Test
    void theRecordsOwnChecksStillRun() {
        Scenario s = Scenario.builder().build();
        assertThrows(InvalidInputException.class, () -> OffloadSweep.withServerRate(s, -1));
        assertThrows(IllegalArgumentException.class, () -> Records.with(s.server(), "noSuchComponent", 1.0));
    }

    @Test
    void aCaseThatCannotSpreadIsNotRunAndSaysWhy() {
        // no contacts at all and no server: nothing to fit
        Scenario s = Scenario.builder().devices(5).mobility(Scenario.MobilityModel.CONTACT_PROCESS).encounterRate(0)
                .durationSeconds(100).instantaneous(true).pieces(1).sizeBytes(1000)
                .implementation(Scenario.ProtocolImplementation.IDEAL).serverRate(0).build();
        CaseResult r = new CaseRunner().run(CaseSpec.of("silent", "no contacts", ModelKind.SINGLE_PIECE, s, 2, 1,
                Tolerances.DEFAULT), ProgressListener.NONE);
        assertEquals(Verdict.NOT_RUN, r.verdict());
        assertTrue(r.reasons().get(0).contains("no contacts"), r.reasons()::toString);
    }
}
