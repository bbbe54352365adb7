package org.p2prollout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Issue 13, item 8: steady uses the method given, judges by the residual, refuses results dominated by truncation. */
class SteadyHonestyTest {
    private static final String[] FLEET = {"steady", "--arrival", "0.0163", "--leave-lacking", "0.00224", "--leave-holding",
        "0.339", "--rate", "0.017", "--server-rate", "0.000336"};

    private static String[] with(String... more) {
        String[] a = java.util.Arrays.copyOf(FLEET, FLEET.length + more.length);
        System.arraycopy(more, 0, a, FLEET.length, more.length);
        return a;
    }

    @Test
    void theMethodGivenIsTheMethodUsed() throws Exception {
        // Before: --method direct answered "from gs" with exit 0. Now the answer is direct's, or exit 1 saying direct failed.
        RolloutTest.Run r = RolloutTest.run(with("--method", "direct", "--json"));
        if (r.code() == 0) {
            JsonNode j = Json.mapper().readTree(r.out());
            assertTrue(j.get("method").asText().contains("sparse LU"), r.out());
            assertFalse(j.get("accuracy").asText().contains("answer from"), r.out());
        } else {
            assertEquals(ExitCodes.INTERNAL, r.code(), r.err());
            assertTrue(r.err().startsWith("rollout steady: --method direct did not converge"), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        JsonNode gs = Json.mapper().readTree(RolloutTest.run(with("--method", "gs", "--json")).out());
        assertEquals("Gauss-Seidel", gs.get("method").asText());
        assertFalse(gs.get("accuracy").asText().contains("answer from"), gs.toString());
    }

    @Test
    void adviceNamesOnlyOptionsSteadyHas() {
        // One sweep cannot converge; Gauss-Seidel's own advice says "raise 'maxIterations'", which steady does not have.
        var fleet = new org.p2prollout.model.openfleet.OpenFleet(0.0163, 0.00224, 0.339, 0.017, 0.000336, 1, 40, 40);
        var model = new org.p2prollout.model.openfleet.OpenFleetModel(fleet, "gs",
                new org.p2prollout.solver.stationary.Convergence(1e-12, true, 1), org.p2prollout.core.ProgressListener.NONE);
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.p2prollout.solver.NotConvergedException.class, model::steadyState);
        assertTrue(e.getMessage().startsWith("'method' gs did not converge"), e.getMessage());
        assertFalse(e.getMessage().contains("maxIterations"), e.getMessage());
        String shown = OptionNames.translate(e.getMessage(), new picocli.CommandLine(new SteadyCommand()).getCommandSpec());
        assertTrue(shown.startsWith("--method gs did not converge"), shown);
        assertTrue(shown.contains("--max-lacking") && shown.contains("--epsilon") && !shown.contains("'"), shown);
        RolloutTest.Run help = RolloutTest.run("steady", "--help");
        assertFalse(help.out().contains("--max-iterations"));
    }

    @Test
    void resultsDominatedByTruncationAreRefused() {
        // Lacking devices are about Poisson(2.2 / (0.000538 + 0.000169)) ~ 3,100: bounds of 200 hold 94 % at x = 200.
        // Before: exit 0 with meanLacking ~ 200, the bound.
        RolloutTest.Run r = RolloutTest.run("steady", "--arrival", "2.2", "--leave-lacking", "0.000538", "--leave-holding", "0.112",
                "--rate", "1.02e-06", "--server-rate", "0.000169", "--json");
        assertEquals(ExitCodes.USAGE, r.code(), r.out());
        assertTrue(r.err().contains("of the stationary probability is at the truncation bounds"), r.err());
        assertTrue(r.err().contains("raise the bounds"), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void smallButNotNegligibleTruncationIsFlagged() throws Exception {
        // Without peers x ~ Poisson(2 / 0.4 = 5) and y ~ Poisson(2 * 0.3 / (0.4 * 0.5) = 3), independent;
        // with bounds 14 and 10 the mass at the bounds is P(x >= 14) + P(y >= 10) - both, about 1.0e-3 ... so use
        // bounds 16 and 12: P(X=16)+P(Y=12) (the truncated chain keeps the product form) ~ 6e-5 + 5.5e-5.
        RolloutTest.Run r = RolloutTest.run("steady", "--arrival", "2", "--leave-lacking", "0.1", "--leave-holding", "0.5",
                "--rate", "0", "--server-rate", "0.3", "--max-lacking", "16", "--max-holding", "12", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        double mass = j.get("truncationMass").asDouble();
        assertTrue(mass > SteadyCommand.WARN_TRUNCATION_MASS && mass < SteadyCommand.MAX_TRUNCATION_MASS, "mass " + mass);
        assertTrue(j.get("warning").asText().contains("at the truncation bounds"), r.out());
    }

    @Test
    void denseGthIsBoundedBeforeAllocating() {
        RolloutTest.Run r = RolloutTest.run(with("--method", "gth"));
        assertEquals(ExitCodes.USAGE, r.code(), r.out());
        assertTrue(r.err().contains("--method gth is dense"), r.err());
        assertTrue(r.err().contains("got 40401"), r.err());
    }
}
