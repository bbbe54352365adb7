package org.p2prollout.validation.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.validation.sim.ReplicationResult;
import org.p2prollout.validation.sim.Simulator;
import org.p2prollout.validation.sim.scenario.ScenarioReader;

class SweepRunTest {
    @TempDir
    Path dir;

    static final String PREDICT_40 = """
            compute: predict
            model: {rate: 1.0e-4, serverRate: 1.0e-5, initial: 1}
            axes:
              nodes: [5, 10, 15, 20, 25]
              pieces: [1, 2]
              policy: [random, rarest]
              serverRate: [0, 1.0e-4]
            """;

    static final String BOTH_6 = """
            compute: both
            seed: 5
            replications: 3
            scenario:
              fleet: {devices: 30, initialHolders: 1}
              mobility: {model: contact-process, encounterRate: 2.0e-4, contactDurationSeconds: 0, durationSeconds: 50000,
                         recordContacts: false}
              radio: {instantaneous: true}
              release: {sizeBytes: 4000, pieces: 2}
              protocol: {implementation: ideal, policy: random}
            axes:
              server.rate: [0, 1.0e-4]
              fleet.devices: {from: 20, to: 40, steps: 3}
            """;

    SweepSpec spec(String name, String yaml) throws IOException {
        Path f = Files.writeString(dir.resolve(name + ".yaml"), yaml);
        return SweepReader.read(f);
    }

    @Test
    void sameSweepGivesTheSameBytesOnEveryRunnerAndInAnyTaskOrder() throws IOException {
        SweepSpec s = spec("p40", PREDICT_40);
        assertEquals(40, s.points().size());
        SweepRun.run(s, new LocalSweepRunner(1), dir.resolve("one"), ProgressListener.NONE);
        SweepRun.run(s, new LocalSweepRunner(2), dir.resolve("two"), ProgressListener.NONE);
        SweepRun.run(s, new LocalSweepRunnerTest.ShuffledRunner(3), dir.resolve("shuffled"), ProgressListener.NONE);
        byte[] one = Files.readAllBytes(dir.resolve("one/points.csv"));
        assertArrayEquals(one, Files.readAllBytes(dir.resolve("two/points.csv")));
        assertArrayEquals(one, Files.readAllBytes(dir.resolve("shuffled/points.csv")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("one/summary.csv")),
                Files.readAllBytes(dir.resolve("shuffled/summary.csv")));
        List<String> lines = Files.readAllLines(dir.resolve("one/points.csv"));
        assertEquals("point,nodes,pieces,policy,serverRate,replication,seed,predict_T_0.5,predict_T_0.9,predict_T_1,"
                + "predict_offload,predict_overhead,predict_server_bytes", lines.get(0));
        assertEquals(41, lines.size());
        // first axis slowest: point 1 differs from point 0 in the last axis only
        assertTrue(lines.get(1).startsWith("0,5,1,random,0,0,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("1,5,1,random,1.0E-4,0,"), lines.get(2));
        // each row equals the point computed alone, outside any runner
        List<SweepRow> back = SweepFiles.readPoints(s, dir.resolve("shuffled/points.csv"));
        for (SweepRow r : back) {
            assertEquals(SweepRun.computeAlone(s, s.points().get(r.point())).get(0), r);
        }
        // independent check of one point: the closed form of the single-piece chain without a server
        // (point 0: N = 5, m = 1, λ = 1e-4, μ = 0): E[T_1] = sum_{i=1}^{N-1} 1 / (λ i (N - i))
        double expected = 0;
        for (int i = 1; i < 5; i++) {
            expected += 1 / (1e-4 * i * (5 - i));
        }
        assertEquals(expected, back.get(0).predicted().t100(), 1e-9 * expected);
        assertEquals(1.0, back.get(0).predicted().offload(), 0);
        assertTrue(Files.size(dir.resolve("one/summary.csv")) > 0);
    }

    @Test
    void simulatedPointsAreTheSimulatorsReplicationsWhereverTheyRan() throws IOException {
        SweepSpec s = spec("both", BOTH_6);
        assertEquals(6, s.points().size());
        SweepRun.Outcome a = SweepRun.run(s, new LocalSweepRunner(2), dir.resolve("a"), ProgressListener.NONE);
        SweepRun.run(s, new LocalSweepRunnerTest.ShuffledRunner(17), dir.resolve("b"), ProgressListener.NONE);
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/points.csv")), Files.readAllBytes(dir.resolve("b/points.csv")));
        assertEquals(6, a.pointsRun());
        assertEquals(6 * 4, a.unitsRun());
        List<SweepRow> rows = SweepFiles.readPoints(s, dir.resolve("a/points.csv"));
        assertEquals(18, rows.size());
        // point 4: server.rate 1e-4 and 30 devices; its replication 2 is the simulator's, seeded by the point seed
        SweepPoint p = s.points().get(4);
        assertEquals(List.of("1.0E-4", "30"), p.values());
        assertEquals(30, p.scenario().fleet().devices());
        ReplicationResult direct = Simulator.replicate(p.scenario(), SweepSeeds.pointSeed(5, 4), 2);
        SweepRow row = rows.stream().filter(r -> r.point() == 4 && r.replication() == 2).findFirst().orElseThrow();
        assertEquals(direct.t100(), row.simulated().t100(), 0);
        assertEquals(direct.offload(), row.simulated().offload(), 0);
        assertEquals((double) direct.bytes().get("serverPayload"), row.simulated().serverBytes(), 0);
        // the prediction beside it is the model of the same scenario, identical in every replication row
        assertEquals(Metrics.predict(ModelPoint.fromScenario(p.scenario())), row.predicted());
        List<String> summary = Files.readAllLines(dir.resolve("a/summary.csv"));
        assertEquals(7, summary.size());
        assertTrue(summary.get(0).contains("simulate_T_1_mean,simulate_T_1_low,simulate_T_1_high,simulate_T_1_n"));
        // two axes: heat maps for both sources, each as PNG and SVG
        assertEquals(8, a.charts().size());
        for (Path c : a.charts()) {
            assertTrue(Files.size(c) > 1000, c.toString());
        }
    }

    @Test
    void traceReplaysAreLoadedOnceAndShippedWithTheBatch() throws IOException {
        StringBuilder csv = new StringBuilder("a,b,start,end\n");
        java.util.Random random = new java.util.Random(4);
        for (int i = 0; i < 300; i++) {
            int a = random.nextInt(12);
            int b = random.nextInt(12);
            if (a != b) {
                double t = 1000 + random.nextDouble() * 20_000;
                csv.append(a).append(',').append(b).append(',').append(t).append(',').append(t + 30).append('\n');
            }
        }
        Files.writeString(dir.resolve("contacts.csv"), csv.toString());
        SweepSpec s = spec("trace", """
                compute: simulate
                seed: 2
                replications: 3
                scenario:
                  mobility: {model: trace, trace: contacts.csv, traceFormat: contacts-csv, durationSeconds: 25000}
                  radio: {instantaneous: true}
                  release: {sizeBytes: 1000, pieces: 1}
                  protocol: {implementation: ideal}
                axes:
                  server.rate: [0, 1.0e-3]
                  fleet.initialHolders: [1, 2]
                """);
        SweepRun.run(s, new LocalSweepRunner(2), dir.resolve("a"), ProgressListener.NONE);
        // the shuffled runner serialises the batch's inputs, trace replays included
        SweepRun.run(s, new LocalSweepRunnerTest.ShuffledRunner(5), dir.resolve("b"), ProgressListener.NONE);
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/points.csv")), Files.readAllBytes(dir.resolve("b/points.csv")));
        List<SweepRow> rows = SweepFiles.readPoints(s, dir.resolve("a/points.csv"));
        SweepPoint p = s.points().get(3);
        ReplicationResult direct = Simulator.replicate(p.scenario(), p.seed(), 1);
        SweepRow row = rows.stream().filter(r -> r.point() == 3 && r.replication() == 1).findFirst().orElseThrow();
        assertEquals(direct.t50(), row.simulated().t50(), 0);
        assertEquals(direct.overheadRatio(), row.simulated().overhead(), 0);
        assertEquals(12, direct.devices());
    }

    @Test
    void rerunningSkipsThePointsAlreadyWrittenAndEndsWithTheSameFile() throws IOException {
        SweepSpec s = spec("p40", PREDICT_40);
        Path out = dir.resolve("r");
        SweepRun.run(s, new LocalSweepRunner(2), out, ProgressListener.NONE);
        byte[] full = Files.readAllBytes(out.resolve("points.csv"));
        List<String> lines = Files.readAllLines(out.resolve("points.csv"));
        // as if stopped after 15 points
        Files.write(out.resolve("points.csv"), lines.subList(0, 16));
        SweepRun.Outcome again = SweepRun.run(s, new LocalSweepRunner(2), out, ProgressListener.NONE);
        assertEquals(15, again.pointsSkipped());
        assertEquals(25, again.pointsRun());
        assertArrayEquals(full, Files.readAllBytes(out.resolve("points.csv")));
        SweepRun.Outcome nothing = SweepRun.run(s, new LocalSweepRunner(2), out, ProgressListener.NONE);
        assertEquals(0, nothing.pointsRun());
        assertArrayEquals(full, Files.readAllBytes(out.resolve("points.csv")));
        // another sweep into the same folder is refused
        SweepSpec other = spec("other", PREDICT_40.replace("[5, 10, 15, 20, 25]", "[5, 10, 15, 20, 26]"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SweepRun.run(other, new LocalSweepRunner(2), out, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("another sweep"), e.getMessage());
        try (var files = Files.list(out)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".part")));
        }
    }

    @Test
    void rangesAreListsOfRoundedValues() throws IOException {
        SweepSpec s = spec("r", """
                compute: predict
                model: {nodes: 10, rate: 1.0e-3}
                axes:
                  freeRiders: {from: 0, to: 0.5, step: 0.1}
                  rate: {from: 1.0e-5, to: 1.0e-3, steps: 3, scale: log}
                """);
        assertEquals(List.of("0", "0.1", "0.2", "0.3", "0.4", "0.5"), s.axes().get(0).labels());
        assertEquals(List.of("1.0E-5", "1.0E-4", "0.001"), s.axes().get(1).labels());
        assertEquals(18, s.points().size());
        assertEquals(0.3, s.points().get(9).model().freeRiders(), 0);
    }

    @Test
    void aRatesFileGivesTheModelBaseItsRateDevicesAndContactDuration() throws IOException {
        Files.createDirectories(dir.resolve("cab-rates"));
        Files.writeString(dir.resolve("cab-rates/summary.json"), "{\"devices\": 120, \"meanRate\": 3.5e-5,"
                + " \"meanContactDuration\": 42.0, \"classSizes\": [], \"classRates\": []}");
        SweepSpec s = spec("rates", """
                compute: predict
                model: {rates: cab-rates, bandwidth: 250000}
                axes:
                  serverRate: [0, 1.0e-5]
                  nodes: [120, 60]
                """);
        ModelPoint m = s.points().get(1).model();
        assertEquals(3.5e-5, m.rate(), 0);
        assertEquals(60, m.nodes());
        assertEquals(42.0, m.contactDuration(), 0);
        assertEquals(1.0e-5, s.points().get(2).model().serverRate(), 0);
        assertThrows(InvalidInputException.class, () -> spec("norates", "compute: predict\nmodel: {rates: missing}\n"));
    }

    @Test
    void aNonNumericAxisGetsCategoryLineCharts() throws IOException {
        SweepSpec s = spec("cat", """
                compute: predict
                model: {nodes: 12, rate: 1.0e-4, pieces: 2}
                axes:
                  policy: [random, rarest, sequential]
                """);
        SweepRun.Outcome o = SweepRun.run(s, new LocalSweepRunner(2), dir.resolve("cat"), ProgressListener.NONE);
        assertEquals(List.of(dir.resolve("cat/charts/times.png"), dir.resolve("cat/charts/times.svg"),
                dir.resolve("cat/charts/offload.png"), dir.resolve("cat/charts/offload.svg")), o.charts());
        for (Path c : o.charts()) {
            assertTrue(Files.size(c) > 1000, c.toString());
        }
    }

    @Test
    void badSweepFilesNameTheFileTheKeyAndWhatIsAllowed() throws IOException {
        String base = "compute: predict\nmodel: {nodes: 100, rate: 1.0e-4}\n";
        assertBad(base + "replicatoins: 3\n", "unknown key 'replicatoins'", "allowed: name, compute, seed");
        assertBad(base + "axes:\n  nodez: [1, 2]\n", "unknown parameter 'nodez'", "allowed with a model base: nodes, rate");
        assertBad(base + "axes:\n  nodes: []\n", "axes.nodes is empty", "a list");
        assertBad(base + "axes:\n  nodes: {from: 1, to: 5, steps: 0}\n", "axes.nodes is empty", "steps must be");
        assertBad(base + "axes:\n  freeRiders: [0.1, 1.5]\n", "axes.freeRiders value 1.5", "freeRiders must be a number in [0, 1]");
        assertBad(base + "axes:\n  policy: [random, fastest]\n", "axes.policy value fastest", "policy must be random, rarest-first (rarest), sequential (default random), got 'fastest'");
        assertBad(base + "axes:\n  initial: [1, 200]\n", "axes.initial value 200", "[0, 100]");
        assertBad("compute: simulate\nmodel: {nodes: 100, rate: 1.0e-4}\n", "compute must be predict with a model base", "");
        String sc = "compute: simulate\nscenario: {fleet: {devices: 50}}\n";
        assertBad(sc + "axes:\n  fleet.devicez: [1]\n", "unknown parameter 'fleet.devicez'", "fleet.devices, fleet.initialHolders");
        assertBad(sc + "axes:\n  fleet.devices: [10, 0]\n", "axes.fleet.devices value 0", "fleet.devices must be");
        assertBad(sc + "axes:\n  radio.rangeMeters: {from: 100, to: 10, step: 10}\n", "axes.radio.rangeMeters is empty", "");
        assertBad(sc + "axes:\n  fleet.initialHolders: [1, 60]\n", "axes.fleet.initialHolders value 60", "[0, 50]");
        assertBad("compute: both\nscenario: {mobility: {model: random-waypoint}}\n", "mobility.model must be contact-process",
                "compute: simulate");
        assertBad("compute: predict\nscenario: {mobility: {model: contact-process}}\nreplications: 4\n",
                "replications must be 1", "");
        assertBad("compute: simulate\nscenario: missing.yaml\n", "no such scenario file", "missing.yaml");
        // combinations are checked too, naming the point
        assertBad(sc + "axes:\n  fleet.devices: [50, 2]\n  fleet.initialHolders: [1, 3]\n", "point 3 (fleet.devices=2,"
                + " fleet.initialHolders=3)", "fleet.initialHolders must be");
    }

    private void assertBad(String yaml, String... fragments) throws IOException {
        Path f = Files.writeString(dir.resolve("bad.yaml"), yaml);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SweepReader.read(f), yaml);
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        for (String s : fragments) {
            assertTrue(e.getMessage().contains(s), () -> "'" + e.getMessage() + "' lacks '" + s + "'");
        }
    }

    @Test
    void everyScenarioKeyIsAnAxisKey() {
        // the scenario keys a sweep accepts are exactly the scenario reader's
        assertTrue(ScenarioReader.keys().contains("radio.rangeMeters"));
        assertTrue(ScenarioReader.keys().contains("baseline"));
    }
}
