package org.p2prollout.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2prollout.cli.Rollout;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.validation.sweep.LocalSweepRunner;
import org.p2prollout.validation.sweep.Metrics;
import org.p2prollout.validation.sweep.RunnerOptions;
import org.p2prollout.validation.sweep.SweepPoint;
import org.p2prollout.validation.sweep.SweepReader;
import org.p2prollout.validation.sweep.SweepRun;
import org.p2prollout.validation.sweep.SweepRunners;
import org.p2prollout.validation.sweep.SweepSpec;

/** The Spark runner on local[2] against the local runner: the same bytes, whatever the tasks. */
class SparkSweepRunnerTest {
    /** 40 cheap points: single-piece closed forms and small two-piece chains. */
    static final String SWEEP_40 = """
            compute: predict
            seed: 3
            model: {rate: 1.0e-4, serverRate: 1.0e-5, initial: 1, updateBytes: 1000000}
            axes:
              nodes: [5, 10, 15, 20, 25]
              pieces: [1, 2]
              policy: [random, rarest]
              serverRate: [0, 1.0e-4]
            """;

    /** Simulated and predicted, 4 points x 2 replications: scenarios and replications through Spark. */
    static final String SWEEP_SIM = """
            compute: both
            seed: 9
            replications: 2
            scenario:
              fleet: {devices: 20, initialHolders: 1}
              mobility: {model: contact-process, encounterRate: 3.0e-4, contactDurationSeconds: 20,
                         durationSeconds: 30000, recordContacts: false}
              release: {sizeBytes: 20000, pieces: 2}
              protocol: {implementation: ideal, policy: rarest-first}
            axes:
              server.rate: [0, 1.0e-4]
              fleet.devices: [15, 25]
            """;

    static SparkSweepRunner spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSweepRunner.open(RunnerOptions.DEFAULT.withMaster("local[2]"));
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    SweepSpec spec(String name, String yaml) throws IOException {
        return SweepReader.read(Files.writeString(dir.resolve(name + ".yaml"), yaml));
    }

    @Test
    void fortyPointsOnSparkGiveTheLocalRunnersBytes() throws IOException {
        SweepSpec s = spec("forty", SWEEP_40);
        assertEquals(40, s.points().size());
        AtomicLong last = new AtomicLong();
        SweepRun.Outcome onSpark = SweepRun.run(s, spark, dir.resolve("spark"),
                (done, total, what) -> last.accumulateAndGet(done, Math::max));
        SweepRun.run(s, new LocalSweepRunner(2), dir.resolve("local"), ProgressListener.NONE);
        assertArrayEquals(Files.readAllBytes(dir.resolve("local/points.csv")),
                Files.readAllBytes(dir.resolve("spark/points.csv")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("local/summary.csv")),
                Files.readAllBytes(dir.resolve("spark/summary.csv")));
        assertEquals(40, onSpark.pointsRun());
        assertEquals(40, last.get(), "progress counted every point");
        assertEquals(2, spark.parallelism());
        assertEquals(6, spark.tasks(40), "a few tasks per core, not one per point");
    }

    @Test
    void simulatedSweepsAgreeToo() throws IOException {
        SweepSpec s = spec("sim", SWEEP_SIM);
        SweepRun.run(s, spark, dir.resolve("spark"), ProgressListener.NONE);
        SweepRun.run(s, new LocalSweepRunner(1), dir.resolve("local"), ProgressListener.NONE);
        assertArrayEquals(Files.readAllBytes(dir.resolve("local/points.csv")),
                Files.readAllBytes(dir.resolve("spark/points.csv")));
    }

    @Test
    void aPointsResultIsTheSameWhicheverTaskAndOrderComputedIt() throws IOException {
        SweepSpec s = spec("forty", SWEEP_40);
        List<SweepPoint> reversed = new ArrayList<>(s.points());
        Collections.reverse(reversed);
        // one task per point, then everything in one task, in reverse order
        SparkSweepRunner fine = SparkSweepRunner.open(new RunnerOptions(0, "local[2]", 20, Map.of()));
        SparkSweepRunner coarse = SparkSweepRunner.open(new RunnerOptions(0, "local[2]", 1, Map.of()));
        try {
            List<Metrics> a = fine.map(s.points(), p -> Metrics.predict(p.model()));
            List<Metrics> b = coarse.map(reversed, p -> Metrics.predict(p.model()));
            for (int i = 0; i < 40; i++) {
                Metrics alone = SweepRun.computeAlone(s, s.points().get(i)).get(0).predicted();
                assertEquals(alone, a.get(i));
                assertEquals(alone, b.get(39 - i));
            }
        } finally {
            fine.close();
            coarse.close();
        }
    }

    @Test
    void sharedInputIsBroadcastAndFailuresArriveAsThrown() {
        double[] big = new double[200_000];
        java.util.Arrays.fill(big, 0.5);
        List<Double> r = spark.map(big, IntStream.range(0, 10).boxed().toList(), (s, p) -> s.length * s[p] + p,
                ProgressListener.NONE);
        assertEquals(IntStream.range(0, 10).mapToObj(p -> 100_000.0 + p).toList(), r);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> spark.map(List.of(1, 2, 3), p -> {
            if (p == 2) {
                throw new InvalidInputException("point 2 is bad");
            }
            return p;
        }));
        assertEquals("point 2 is bad", e.getMessage());
    }

    @Test
    void theCommandLineFindsTheSparkRunnerAndAgreesWithTheLocalOne() throws IOException {
        assertTrue(SweepRunners.available().contains("spark"), SweepRunners.available().toString());
        Path file = Files.writeString(dir.resolve("cli.yaml"), SWEEP_40);
        String[] viaSpark = run("sweep", file.toString(), "--out", dir.resolve("a").toString(), "--runner", "spark",
                "--master", "local[2]", "--json");
        assertEquals("0", viaSpark[0], viaSpark[2]);
        assertTrue(viaSpark[1].contains("\"runner\" : \"spark\""), viaSpark[1]);
        String[] viaLocal = run("sweep", file.toString(), "--out", dir.resolve("b").toString());
        assertEquals("0", viaLocal[0], viaLocal[2]);
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/points.csv")), Files.readAllBytes(dir.resolve("b/points.csv")));
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Rollout.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }
}
