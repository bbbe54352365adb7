package org.p2prollout.validation.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.p2prollout.model.openfleet.OpenFleet;
import org.p2prollout.model.openfleet.OpenFleetModel;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.validation.sim.scenario.Scenario;

/**
 * The open-fleet case of the quick suite must run and pass: its simulator and the stationary chain
 * describe the same process, so each predicted value lies in the 95 % batch-means interval with
 * probability 95 % (the seed is fixed, so the test is deterministic). The same case on a fleet
 * capped at 20 device slots must fail with its numbers: arrivals are lost at the cap, which the
 * model does not have.
 */
class OpenFleetCaseTest {
    static CaseSpec quickCase() {
        return BuiltInSuites.byName("quick", null).cases().stream()
                .filter(c -> c.model() == ModelKind.OPEN_FLEET).findFirst().orElseThrow();
    }

    @Test
    void theQuickSuitesOpenFleetCaseRunsAndPasses() {
        CaseResult r = new CaseRunner().run(quickCase(), ProgressListener.NONE);
        assertEquals(Verdict.PASS, r.verdict(), () -> r.reasons() + " " + r.comparisons());
        for (String metric : new String[] {"E[x] online lacking", "E[y] online holding", "share up to date",
                "server downloads per second"}) {
            Comparison c = r.comparison(metric).orElseThrow();
            assertTrue(c.checked(), metric);
            assertTrue(c.insideInterval(), () -> c.toString());
            assertTrue(c.ciHigh() - c.ciLow() < 0.05 * c.simulated(), () -> "interval too wide to mean much: " + c);
        }
        // an independent prediction: the chain solved with the SCENARIO's lambda (the case uses the measured one)
        var exact = new OpenFleetModel(new OpenFleet(0.05, 1e-3, 2e-3, 2e-4, 1e-3, 1.0, 85, 85)).steadyState();
        Comparison ey = r.comparison("E[y] online holding").orElseThrow();
        assertEquals(exact.meanHolding(), ey.simulated(), 3 * (ey.ciHigh() - ey.ciLow()));
        assertTrue(r.check(OpenFleetCase.LOST).orElseThrow().value() == 0);
    }

    @Test
    void aCappedFleetFailsWithItsNumbers() {
        CaseSpec base = quickCase();
        Scenario capped = Scenario.builder().devices(20).mobility(Scenario.MobilityModel.CONTACT_PROCESS)
                .encounterRate(2e-4).instantaneous(true).serverRate(1e-3).arrivalRate(0.05).leaveLackingRate(1e-3)
                .leaveHoldingRate(2e-3).durationSeconds(120_000).warmupSeconds(20_000).batches(10).build();
        CaseResult r = new CaseRunner().run(CaseSpec.of("capped", "capped", ModelKind.OPEN_FLEET, capped, 4,
                base.seed(), base.tolerances()), ProgressListener.NONE);
        assertEquals(Verdict.FAIL, r.verdict());
        assertFalse(r.check(OpenFleetCase.LOST).orElseThrow().pass());
        Comparison ey = r.comparison("E[y] online holding").orElseThrow();
        assertFalse(ey.pass(), ey::toString);
        assertTrue(ey.simulated() < ey.predicted() && ey.simulated() > 0);
        assertTrue(r.reasons().stream().anyMatch(s -> s.startsWith("E[y] online holding")), r.reasons()::toString);
    }

    @Test
    void aClosedFleetIsNotRunWithTheReason() {
        Scenario closed = BuiltInSuites.randomWalk(10, 1000).build();
        CaseResult r = new CaseRunner().run(CaseSpec.of("closed", "closed", ModelKind.OPEN_FLEET, closed, 2, 1,
                Tolerances.DEFAULT), ProgressListener.NONE);
        assertEquals(Verdict.NOT_RUN, r.verdict());
        assertTrue(r.reasons().get(0).contains("churn.arrivalRate is 0"), r.reasons()::toString);
    }
}
