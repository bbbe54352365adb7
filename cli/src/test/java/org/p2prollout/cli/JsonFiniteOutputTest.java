package org.p2prollout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 10: no JSON output carries the strings "NaN" or "Infinity"; a number that is not
 * defined (e.g. the moment error of a mean-field result, which has no error bound) is null.
 */
class JsonFiniteOutputTest {
    @TempDir
    Path dir;

    private static JsonNode finiteJson(String... args) throws Exception {
        RolloutTest.Run r = RolloutTest.run(args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
        assertFalse(r.out().contains("NaN"), String.join(" ", args) + ":\n" + r.out());
        assertFalse(r.out().contains("Infinity"), String.join(" ", args) + ":\n" + r.out());
        return Json.mapper().readTree(r.out());
    }

    @Test
    void meanFieldPredictionHasNullMomentError() throws Exception {
        // 100,000 devices, 2 pieces: mean-field ODE, whose moment error is not defined (was "NaN").
        JsonNode j = finiteJson("predict", "--nodes", "100000", "--rate", "1e-7", "--pieces", "2", "--json");
        assertEquals("mean-field", j.get("method").asText());
        assertTrue(j.at("/accuracy/momentError").isNull(), j.toString());
        // one piece beyond the closed form's limit: mean-field too
        JsonNode k = finiteJson("predict", "--nodes", "100000000", "--rate", "1e-12", "--json");
        assertEquals("mean-field", k.get("method").asText());
    }

    @Test
    void planSteadySimulateAndRatesJsonAreFinite() throws Exception {
        finiteJson("plan", "--nodes", "200", "--rate", "1e-5", "--deadline", "3600", "--confidence", "0.9", "--json");
        finiteJson("steady", "--arrival", "0.1", "--leave-lacking", "0.001", "--leave-holding", "0.01", "--rate", "1e-4",
                "--server-rate", "1e-3", "--max-lacking", "120", "--max-holding", "60", "--json");
        Path epidemic = Path.of("..", "examples", "epidemic.yaml");
        finiteJson("simulate", epidemic.toString(), "--replications", "1", "--json");
        Path contacts = Files.writeString(dir.resolve("c.csv"), "a,b,start,end\n1,2,0,10\n");
        finiteJson("rates", contacts.toString(), "--classes", "1", "--json");
    }
}
