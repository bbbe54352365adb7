package org.p2prollout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2prollout.validation.sweep.SweepReader;
import org.p2prollout.validation.sweep.SweepSpec;

class SweepCommandTest {
    @TempDir
    Path dir;

    static final String LINE = """
            compute: predict
            model: {nodes: 30, rate: 2.0e-5, serverRate: 1.0e-5, initial: 2, pieces: 2, policy: rarest,
                    updateBytes: 2000000}
            axes:
              perContact: [1, 2]
              serverRate: [0, 1.0e-5, 1.0e-4]
              freeRiders: [0]
            """;

    @Test
    void predictPointsAreWhatPredictSaysForTheSameParameters() throws IOException {
        Path file = Files.writeString(dir.resolve("grid.yaml"), LINE);
        Path out = dir.resolve("out");
        RolloutTest.Run r = RolloutTest.run("sweep", file.toString(), "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        assertEquals(6, j.get("points").asInt());
        assertEquals(6, j.get("pointsRun").asInt());
        assertEquals("local", j.get("runner").asText());
        // two varying axes: heat maps of the prediction
        assertEquals(4, j.get("charts").size()); // times and offload, each PNG and SVG
        List<String> lines = Files.readAllLines(out.resolve("points.csv"));
        assertEquals(7, lines.size());
        List<String> header = List.of(lines.get(0).split(",", -1));
        // point 4: perContact 2, serverRate 1e-5
        List<String> row = List.of(lines.get(5).split(",", -1));
        assertEquals(List.of("4", "2", "1.0E-5", "0"), row.subList(0, 4));
        double t50 = Double.parseDouble(row.get(header.indexOf("predict_T_0.5")));
        double t1 = Double.parseDouble(row.get(header.indexOf("predict_T_1")));
        double offload = Double.parseDouble(row.get(header.indexOf("predict_offload")));
        double overhead = Double.parseDouble(row.get(header.indexOf("predict_overhead")));
        double server = Double.parseDouble(row.get(header.indexOf("predict_server_bytes")));
        String[] base = {"predict", "--nodes", "30", "--rate", "2.0e-5", "--server-rate", "1.0e-5", "--initial", "2",
            "--pieces", "2", "--policy", "rarest", "--per-contact", "2", "--update-bytes", "2000000", "--json"};
        JsonNode half = Json.mapper().readTree(run(base, "--coverage", "0.5").out());
        assertEquals(half.get("meanTime").asDouble(), t50, 0);
        JsonNode all = Json.mapper().readTree(run(base, "--coverage", "1").out());
        assertEquals(all.get("meanTime").asDouble(), t1, 0);
        assertEquals(all.get("offload").asDouble(), offload, 0);
        assertEquals(all.get("traffic").get("overhead").asDouble(), overhead, 0);
        assertEquals(all.get("traffic").get("serverPayload").asDouble(), server, 0);
        // re-running the same sweep into the same folder runs nothing and keeps the file
        byte[] before = Files.readAllBytes(out.resolve("points.csv"));
        RolloutTest.Run again = RolloutTest.run("sweep", file.toString(), "--out", out.toString(), "--json");
        assertEquals(0, again.code(), again.err());
        assertEquals(0, Json.mapper().readTree(again.out()).get("pointsRun").asInt());
        assertEquals(6, Json.mapper().readTree(again.out()).get("pointsSkipped").asInt());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(out.resolve("points.csv"))));
    }

    private static RolloutTest.Run run(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        RolloutTest.Run r = RolloutTest.run(all);
        assertEquals(0, r.code(), r.err());
        return r;
    }

    @Test
    void oneAxisGivesLineChartsAndTextOutputSaysWhatRan() throws IOException {
        Path file = Files.writeString(dir.resolve("line.yaml"), """
                compute: both
                replications: 3
                scenario:
                  fleet: {devices: 20}
                  mobility: {model: contact-process, encounterRate: 5.0e-4, contactDurationSeconds: 0,
                             durationSeconds: 20000, recordContacts: false}
                  radio: {instantaneous: true}
                  release: {sizeBytes: 1000, pieces: 1}
                  protocol: {implementation: ideal}
                axes:
                  server.rate: {from: 0, to: 2.0e-4, steps: 3}
                """);
        Path out = dir.resolve("line");
        RolloutTest.Run r = RolloutTest.run("sweep", file.toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("sweep line: 3 points x 3 replications (both) on local runner on 2 threads"), r.out());
        assertTrue(r.out().contains("3 points run, 0 already in"), r.out());
        for (String f : new String[] {"points.csv", "summary.csv", "charts/times.png", "charts/offload.png", "charts/times.svg", "charts/offload.svg"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertEquals(1 + 9, Files.readAllLines(out.resolve("points.csv")).size());
        assertEquals(1 + 3, Files.readAllLines(out.resolve("summary.csv")).size());
    }

    @Test
    void badSweepFilesExitTwoNamingTheFileTheKeyAndTheAllowedValuesBeforeAnyPointRuns() throws IOException {
        String base = "compute: predict\nmodel: {nodes: 100, rate: 1.0e-4}\n";
        bad(base + "axes:\n  nodez: [1, 2]\n", "unknown parameter 'nodez' in axes", "allowed with a model base: nodes,"
                + " rate, rangeFactor, serverRate");
        bad(base + "axes:\n  serverRate: []\n", "axes.serverRate is empty", "a list [a, b, ...] or a range");
        bad(base + "axes:\n  success: [0.5, 2]\n", "axes.success value 2", "success must be a number in [0, 1]");
        bad(base + "axes:\n  pieces: {from: 1, to: 32, step: 1}\n", "axes.pieces value 17", "an integer in [1, 16]");
        bad(base + "axes:\n  policy: [random, fifo]\n", "axes.policy value fifo", "random, rarest-first (rarest), sequential");
        bad(base + "cmopute: both\n", "unknown key 'cmopute'", "allowed: name, compute, seed, replications, scenario,"
                + " model, axes");
        bad("compute: simulate\nscenario: {fleet: {devices: 10}}\naxes:\n  radio.rangeMeters: [100, -5]\n",
                "axes.radio.rangeMeters value -5", "radio.rangeMeters must be");
        bad("compute: simulate\nscenario: {fleet: {devices: 10}}\naxes:\n  radio.range: [100]\n",
                "unknown parameter 'radio.range' in axes", "radio.rangeMeters");
    }

    private void bad(String yaml, String... fragments) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), yaml);
        Path out = dir.resolve("never");
        RolloutTest.Run r = RolloutTest.run("sweep", file.toString(), "--out", out.toString());
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("rollout sweep: " + file + ": "), r.err());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), () -> "'" + r.err() + "' lacks '" + f + "'");
        }
        assertFalse(Files.exists(out), "nothing is written before the file is valid");
    }

    @Test
    void runnersThatAreNotThereAreUsageErrors() throws IOException {
        Path file = Files.writeString(dir.resolve("ok.yaml"), "compute: predict\nmodel: {nodes: 10, rate: 1.0e-3}\n");
        RolloutTest.Run spark = RolloutTest.run("sweep", file.toString(), "--out", dir.resolve("s").toString(),
                "--runner", "spark");
        // the cli module (and so the plain rollout jar) has no Spark on its class path
        org.junit.jupiter.api.Assertions.assertThrows(ClassNotFoundException.class,
                () -> Class.forName("org.apache.spark.SparkContext"));
        assertEquals(ExitCodes.USAGE, spark.code(), spark.err());
        assertTrue(spark.err().contains("--runner spark needs the spark module"), spark.err());
        assertTrue(spark.err().contains("mvn -B -pl spark -am package"), spark.err());
        RolloutTest.Run other = RolloutTest.run("sweep", file.toString(), "--runner", "dask");
        assertEquals(ExitCodes.USAGE, other.code());
        assertTrue(other.err().contains("--runner must be one of local"), other.err());
        RolloutTest.Run master = RolloutTest.run("sweep", file.toString(), "--master", "local[2]");
        assertEquals(ExitCodes.USAGE, master.code());
        assertTrue(master.err().contains("--master is for a cluster runner"), master.err());
        RolloutTest.Run missing = RolloutTest.run("sweep", dir.resolve("nope.yaml").toString());
        assertEquals(ExitCodes.USAGE, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    @Test
    void theExampleSweepsAreValid() throws IOException {
        Path examples = Path.of("..", "examples");
        SweepSpec epidemic = SweepReader.read(examples.resolve("sweep-epidemic.yaml"));
        assertEquals(16, epidemic.points().size());
        assertEquals(10, epidemic.replications());
        assertTrue(epidemic.compute().predicts() && epidemic.compute().simulates());
        // the bench workload times exactly this sweep (inline, so that it needs no file)
        SweepSpec inline = SweepReader.parse(org.p2prollout.validation.sim.scenario.ScenarioReader.tree(
                org.p2prollout.validation.sweep.bench.SweepWorkload.EPIDEMIC, "bench"), "bench", examples, "x");
        assertEquals(epidemic.points(), inline.points());
        SweepSpec pieces = SweepReader.read(examples.resolve("sweep-pieces.yaml"));
        assertEquals(27, pieces.points().size());
    }
}
