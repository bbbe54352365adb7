package org.p2prollout.validation.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.validation.sim.scenario.Scenario;
import org.p2prollout.validation.sim.scenario.Scenario.MobilityModel;
import org.p2prollout.validation.sim.scenario.Scenario.ProtocolImplementation;

/**
 * With instantaneous transfers, instantaneous contacts from a contact process of rate lambda per
 * pair, one initial holder and no server, the rollout is the classic epidemic:
 * E[T_1] = 2 H_{N-1} / (lambda N) (PRODUCT.md §4.2). The closed form is computed here, not by the
 * simulator; it must lie inside the run's 95 % interval (fails by chance with probability ~5 %
 * for a fixed seed; the seed is fixed, so the test is deterministic).
 */
class EpidemicClosedFormTest {

    static Scenario epidemic(int n, double lambda, ProtocolImplementation impl) {
        return Scenario.builder().devices(n).initialHolders(1).mobility(MobilityModel.CONTACT_PROCESS)
                .encounterRate(lambda).contactDurationSeconds(0).instantaneous(true).pieces(1).sizeBytes(1000)
                .implementation(impl).durationSeconds(1e7).recordContacts(false).serverRate(0).build();
    }

    static double closedForm(int n, double lambda) {
        double harmonic = 0;
        for (int i = 1; i <= n - 1; i++) {
            harmonic += 1.0 / i;
        }
        return 2 * harmonic / (lambda * n);
    }

    @Test
    void meanT1MatchesEpidemicClosedFormReference() {
        int n = 30;
        double lambda = 2e-3;
        SimulationResult r = Simulator.run(epidemic(n, lambda, ProtocolImplementation.REFERENCE), 5, 200,
                ProgressListener.NONE);
        Estimate t1 = r.summary().t100();
        double expected = closedForm(n, lambda);
        assertEquals(200, t1.n());
        assertTrue(StatBounds.covers999(t1, expected), () -> "closed form " + expected + " outside " + t1);
        assertEquals(0.0, r.summary().tamperedInstalls().mean());
        assertEquals(0.0, r.summary().bytes().get("serverPayload").mean());
    }

    @Test
    void meanT1MatchesEpidemicClosedFormIdeal() {
        int n = 40;
        double lambda = 1e-3;
        SimulationResult r = Simulator.run(epidemic(n, lambda, ProtocolImplementation.IDEAL), 11, 300,
                ProgressListener.NONE);
        Estimate t1 = r.summary().t100();
        double expected = closedForm(n, lambda);
        assertEquals(300, t1.n());
        assertTrue(StatBounds.covers999(t1, expected), () -> "closed form " + expected + " outside " + t1);
        // the interval must be informative: half-width under 10 % of the mean
        assertTrue(t1.ciHigh() - t1.ciLow() < 0.2 * expected, () -> "interval too wide: " + t1);
        // T_0.5 of the epidemic: sum_{i=1}^{19} 1/((N-i) lambda i), from the same chain
        double t50 = 0;
        for (int i = 1; i < n / 2; i++) {
            t50 += 1 / ((n - i) * lambda * i);
        }
        double expected50 = t50;
        assertTrue(StatBounds.covers999(r.summary().t50(), expected50), () -> "T50 " + expected50 + " outside " + r.summary().t50());
    }
}
