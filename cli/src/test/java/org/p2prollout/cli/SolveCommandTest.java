package org.p2prollout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SolveCommandTest {
    @TempDir
    Path dir;

    /** M/M/1/3 with λ = 1, μ = 2: π_k ∝ 2^-k, so π = (8, 4, 2, 1) / 15. */
    private Path mm13() throws Exception {
        Path tra = dir.resolve("q.tra");
        Files.writeString(tra, "4 6\n0 1 1\n1 0 2\n1 2 1\n2 1 2\n2 3 1\n3 2 2\n");
        return tra;
    }

    @Test
    void steadyStateJsonAndCsvMatchTheClosedForm() throws Exception {
        Path tra = mm13();
        Path csv = dir.resolve("pi.csv");
        for (String method : List.of("gth", "gs", "krylov")) {
            RolloutTest.Run r = RolloutTest.run("solve", tra.toString(), "--steady", "--method", method,
                    "--epsilon", "1e-12", "--out", csv.toString(), "--json");
            assertEquals(0, r.code(), r.err());
            JsonNode j = Json.mapper().readTree(r.out());
            assertEquals(4, j.get("states").asInt());
            assertEquals(6, j.get("transitions").asInt());
            assertTrue(j.get("converged").asBoolean());
            assertTrue(j.get("residual").asDouble() < 1e-9);
            assertTrue(j.has("iterations") && j.has("method"));
            assertTrue(j.get("errorBound").isNull(), "no error bound from a stationary method: null, not NaN");
            List<String> lines = Files.readAllLines(csv);
            assertEquals("state,probability", lines.get(0));
            assertEquals(8.0 / 15, Double.parseDouble(lines.get(1).split(",")[1]), 1e-9);
            assertEquals(1.0 / 15, Double.parseDouble(lines.get(4).split(",")[1]), 1e-9);
        }
    }

    @Test
    void steadyReportsItsToleranceAndErrorEstimate() throws Exception {
        RolloutTest.Run r = RolloutTest.run("solve", mm13().toString(), "--steady", "--method", "gs",
                "--epsilon", "1e-10", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        assertEquals(1e-10, j.get("tolerance").asDouble());
        double estimate = j.get("errorEstimate").asDouble();
        assertTrue(estimate > 0 && estimate < 1e-10, "estimate " + estimate);
        assertTrue(j.get("criterion").asText().contains("estimated 1-norm error"), j.get("criterion").asText());
        // the 1-norm error against the closed form (8, 4, 2, 1)/15 is within the estimate's order
        RolloutTest.Run exact = RolloutTest.run("solve", mm13().toString(), "--steady", "--json");
        JsonNode e = Json.mapper().readTree(exact.out());
        assertTrue(e.get("errorEstimate").isNull(), "GTH is exact: no estimate");
        assertEquals(org.p2prollout.solver.stationary.Convergence.DEFAULT_EPSILON, e.get("tolerance").asDouble());
    }

    @Test
    void unknownUniformisationIsBadInput() throws Exception {
        RolloutTest.Run r = RolloutTest.run("solve", mm13().toString(), "--transient", "1", "--uniformisation", "fast");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--uniformisation"), r.err());
    }

    @Test
    void defaultMethodIsNamed() throws Exception {
        RolloutTest.Run r = RolloutTest.run("solve", mm13().toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        assertEquals("GTH", j.get("method").asText());
        assertTrue(j.get("methodChosen").asText().startsWith("default"));
    }

    @Test
    void transientOfTwoStateChainIsExact() throws Exception {
        // 0 <-> 1 with rates a = 1, b = 3: P(X_t = 1 | X_0 = 0) = a/(a+b) (1 - e^{-(a+b)t})
        Path tra = dir.resolve("two.tra");
        Files.writeString(tra, "2 2\n0 1 1\n1 0 3\n");
        Path csv = dir.resolve("t.csv");
        RolloutTest.Run r = RolloutTest.run("solve", tra.toString(), "--transient", "0.1,1", "--out", csv.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("state,t=0.1,t=1.0", lines.get(0));
        String[] row1 = lines.get(2).split(",");
        assertEquals(0.25 * (1 - Math.exp(-0.4)), Double.parseDouble(row1[1]), 1e-8);
        assertEquals(0.25 * (1 - Math.exp(-4)), Double.parseDouble(row1[2]), 1e-8);
    }

    @Test
    void absorptionOfPureBirthChainIsASumOfExponentials() throws Exception {
        // 0 -> 1 at 2, 1 -> 2 at 4, 2 absorbing: mean 1/2 + 1/4, variance 1/4 + 1/16
        Path tra = dir.resolve("b.tra");
        Files.writeString(tra, "3 2\n0 1 2\n1 2 4\n");
        RolloutTest.Run r = RolloutTest.run("solve", tra.toString(), "--absorption", "--initial", "0", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        assertEquals(0.75, j.get("meanTime").asDouble(), 1e-12);
        assertEquals(Math.sqrt(0.25 + 0.0625), j.get("sdTime").asDouble(), 1e-9);
    }

    @Test
    void initialStateComesFromTheLabelFile() throws Exception {
        // reducible: 0 -> 1 (absorbing), 2 -> 3 (absorbing); init label on 2
        Path tra = dir.resolve("r.tra");
        Files.writeString(tra, "4 2\n0 1 1\n2 3 1\n");
        Files.writeString(dir.resolve("r.lab"), "0=\"init\" 1=\"deadlock\"\n2: 0\n");
        Path csv = dir.resolve("r.csv");
        RolloutTest.Run r = RolloutTest.run("solve", tra.toString(), "--out", csv.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("3,1.0", Files.readAllLines(csv).get(4));
    }

    @Test
    void nonConvergenceSaysWhatWasReachedAndExitsOne() throws Exception {
        RolloutTest.Run r = RolloutTest.run("solve", mm13().toString(), "--method", "power", "--epsilon", "1e-15",
                "--max-iterations", "3", "--json");
        assertEquals(ExitCodes.INTERNAL, r.code());
        JsonNode j = Json.mapper().readTree(r.out());
        assertEquals(false, j.get("converged").asBoolean());
        assertEquals(3, j.get("iterations").asInt());
        assertTrue(j.get("residual").asDouble() > 0);
        assertTrue(r.err().contains("did not converge") && r.err().contains("try"), r.err());
    }

    @Test
    void malformedFileIsBadInputOnOneLine() throws Exception {
        Path tra = dir.resolve("bad.tra");
        Files.writeString(tra, "2 1\n0 1 x\n");
        RolloutTest.Run r = RolloutTest.run("solve", tra.toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("bad.tra:2: expected rate as a number, got 'x'"), r.err());
        r = RolloutTest.run("solve", mm13().toString(), "--method", "magic");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--method must be one of"), r.err());
    }
}
