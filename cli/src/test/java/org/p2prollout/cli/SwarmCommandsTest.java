package org.p2prollout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwarmCommandsTest {
    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return Json.mapper().readTree(out);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Rollout.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static double harmonic(int n) {
        double h = 0;
        for (int k = n; k >= 1; k--) {
            h += 1.0 / k;
        }
        return h;
    }

    @Test
    void predictGivesTheEpidemicClosedForm() throws Exception {
        Run r = run("predict", "--nodes", "1000", "--rate", "0.001", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(2 * harmonic(999) / (0.001 * 1000), j.get("meanTime").asDouble(), 1e-9);
        assertEquals("closed-form", j.get("method").asText());
        for (String key : new String[] {"0.5", "0.9", "0.99"}) {
            assertTrue(j.get("quantiles").get(key).asDouble() > 0);
        }
        for (String key : new String[] {"sdTime", "serverDownloads", "offload", "states", "accuracy"}) {
            assertTrue(j.has(key), key);
        }
    }

    @Test
    void predictReadsClassesFromARatesSummary(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("summary.json");
        Files.writeString(f, "{\"devices\": 12, \"meanRate\": 0.01, \"classSizes\": [6, 6],"
                + " \"classRates\": [[0.01, 0.01], [0.01, 0.01]], \"meanContactDuration\": 30}");
        JsonNode hetero = run("predict", "--rates", dir.toString(), "--server-rate", "0.001", "--json").json();
        JsonNode homo = run("predict", "--nodes", "12", "--rate", "0.01", "--server-rate", "0.001", "--json").json();
        assertEquals("exact-ctmc", hetero.get("method").asText());
        assertEquals(homo.get("meanTime").asDouble(), hetero.get("meanTime").asDouble(), 1e-9);
        JsonNode mf = run("predict", "--rates", f.toString(), "--server-rate", "0.001", "--max-states", "10", "--json")
                .json();
        assertEquals("mean-field", mf.get("method").asText());
    }

    @Test
    void predictMultiPieceUsesTheLumpedChain() throws Exception {
        JsonNode j = run("predict", "--nodes", "2", "--rate", "0.5", "--pieces", "4", "--per-contact", "2",
                "--policy", "sequential", "--json").json();
        assertEquals("exact-ctmc", j.get("method").asText());
        assertEquals(2 / 0.5, j.get("meanTime").asDouble(), 1e-9); // Erlang(2, lambda)
    }

    @Test
    void steadyReportsTheProductFormMeansAndWritesTheDistribution(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("pi.csv");
        Run r = run("steady", "--arrival", "2", "--leave-lacking", "0.1", "--leave-holding", "0.5", "--rate", "0",
                "--server-rate", "0.3", "--max-lacking", "40", "--max-holding", "30", "--distribution", csv.toString(),
                "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(2 / 0.4, j.get("meanLacking").asDouble(), 1e-8);
        assertEquals(2 * 0.3 / (0.4 * 0.5), j.get("meanHolding").asDouble(), 1e-8);
        for (String key : new String[] {"shareUpToDate", "serverDownloadsPerSecond", "offload", "truncationMass"}) {
            assertTrue(j.has(key), key);
        }
        assertEquals("x,y,probability", Files.readAllLines(csv).get(0));
    }

    @Test
    void planNeedsLessServerWithPeers() throws Exception {
        Run r = run("plan", "--nodes", "200", "--rate", "1e-5", "--initial", "0", "--deadline", "3600",
                "--confidence", "0.9", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        double p2p = j.get("withP2P").get("serverRate").asDouble();
        double cs = j.get("clientServer").get("serverRate").asDouble();
        assertTrue(p2p > 0 && p2p < cs, p2p + " vs " + cs);
        assertTrue(j.get("withP2P").get("serverBytes").asDouble() < j.get("clientServer").get("serverBytes").asDouble());
    }

    @Test
    void predictReadsTheSummaryThatRatesWrites(@TempDir Path dir) throws Exception {
        String shared = System.getProperty("rollout.sharedData");
        Path cabs = shared == null ? null : Path.of(shared, "cabspotting-2h");
        org.junit.jupiter.api.Assumptions.assumeTrue(cabs != null && Files.isDirectory(cabs),
                "../shared/data/cabspotting-2h absent: skipping the rates -> predict round trip");
        Run rates = run("rates", cabs.toString(), "--classes", "3", "--out", dir.toString(), "--json");
        assertEquals(0, rates.code(), rates.err());
        JsonNode summary = rates.json();
        JsonNode homo = run("predict", "--rates", dir.toString(), "--homogeneous", "--server-rate", "1e-5", "--json")
                .json();
        assertEquals(summary.get("devices").asLong(), homo.get("nodes").asLong());
        assertEquals(summary.get("meanRate").asDouble(), homo.get("rate").asDouble(), 0);
        assertEquals("closed-form", homo.get("method").asText());
        JsonNode classes = run("predict", "--rates", dir.resolve("summary.json").toString(), "--server-rate", "1e-5",
                "--json").json();
        assertEquals(3, classes.get("classes").asInt());
        assertTrue(classes.get("meanTime").asDouble() > 0);
    }

    @Test
    void badInputExitsWithTwoAndNamesTheParameter() {
        String[][] cases = {
            {"predict", "--nodes", "10", "--rate", "-1", "--rate-check"},
            {"predict", "--nodes", "10", "--rate", "-1"},
            {"predict", "--nodes", "10", "--rate", "NaN"},
            {"predict", "--nodes", "10", "--rate", "1", "--initial", "11"},
            {"predict", "--nodes", "10", "--rate", "1", "--coverage", "0"},
            {"predict", "--nodes", "10", "--rate", "1", "--pieces", "0"},
            {"predict", "--nodes", "10", "--rate", "1", "--policy", "fastest"},
            {"steady", "--arrival", "-1", "--leave-lacking", "0", "--leave-holding", "0", "--rate", "0", "--server-rate", "0"},
            {"plan", "--nodes", "10", "--rate", "1", "--deadline", "-5"},
        };
        String[] names = {"", "--rate", "--rate", "--initial", "--coverage", "--pieces", "--policy", "--arrival",
            "--deadline"};
        for (int i = 0; i < cases.length; i++) {
            Run r = run(cases[i]);
            assertEquals(ExitCodes.USAGE, r.code(), String.join(" ", cases[i]) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(names[i]), r.err());
            assertFalse(r.err().contains("at org."), r.err());
        }
    }
}
