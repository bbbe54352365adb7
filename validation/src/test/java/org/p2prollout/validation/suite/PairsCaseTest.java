package org.p2prollout.validation.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.p2prollout.core.ProgressListener;

/**
 * The pairs case kind: the per-device-pair chain fitted to each replication's own contact log, on the
 * Poisson contact process (every pair at one rate, so the chain must agree with the simulation as the
 * single-piece chain does; see CaseRunnerTest for the pass probability of an exact model at 40
 * replications).
 */
class PairsCaseTest {
    @Test
    void thePairsChainOfEachReplicationsLogPassesOnPoissonContacts() {
        CaseSpec spec = CaseSpec.of("poisson pairs", "per-pair chain on Poisson contacts", ModelKind.PAIRS,
                CaseRunnerTest.poissonEpidemic(2e-4), 40, 7, Tolerances.DEFAULT);
        CaseResult r = new CaseRunner().run(spec, ProgressListener.NONE);
        assertEquals(Verdict.PASS, r.verdict(), () -> r.reasons() + " " + r.comparisons());
        assertTrue(r.parameters().get("model").startsWith("per-device-pair chain"), r.parameters()::toString);
        assertTrue(r.parameters().containsKey("encounters (Poisson contacts, none merged)"), r.parameters()::toString);
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("Monte Carlo")), r.notes()::toString);
        assertEquals(ModelKind.PAIRS, ModelKind.parse("pairs"));
    }
}
