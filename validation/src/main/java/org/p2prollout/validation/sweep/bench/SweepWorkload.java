package org.p2prollout.validation.sweep.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.solver.bench.Workload;
import org.p2prollout.validation.sim.scenario.ScenarioReader;
import org.p2prollout.validation.sweep.LocalSweepRunner;
import org.p2prollout.validation.sweep.SweepReader;
import org.p2prollout.validation.sweep.SweepRun;
import org.p2prollout.validation.sweep.SweepRunner;
import org.p2prollout.validation.sweep.SweepSpec;

/**
 * Sweep timings for docs/PERFORMANCE.md, one family per runner (the {@code spark} module registers
 * the same workloads on its runner as {@code sweep-spark-*}):
 *
 * <ul>
 *   <li>{@code sweep-<runner>-noop}: 20,000 points of a function that does nothing (one multiply):
 *       the runner's own cost per point; on Spark, the task and serialisation overhead;</li>
 *   <li>{@code sweep-<runner>-epidemic}: the example sweep {@code examples/sweep-epidemic.yaml}
 *       (16 points x 10 replications, predicted and simulated) end to end into a fresh folder.</li>
 * </ul>
 *
 * The runner starts in {@link #prepare} (untimed: Spark's start-up is a one-off) and is reused by
 * every repetition. The Spark overhead per point is {@code (spark - local) / points} of the same workload.
 */
public class SweepWorkload implements Workload {
    /** Points of the no-op workload. */
    public static final int NOOP_POINTS = 20_000;
    /** The example sweep, inline (its scenario is examples/epidemic.yaml). */
    public static final String EPIDEMIC = """
            name: sweep-epidemic
            compute: both
            seed: 1
            replications: 10
            scenario:
              fleet: {devices: 100, initialHolders: 1}
              mobility: {model: contact-process, encounterRate: 1.0e-4, contactDurationSeconds: 0,
                         durationSeconds: 100000, recordContacts: false}
              radio: {instantaneous: true}
              release: {sizeBytes: 1000, pieces: 1}
              protocol: {implementation: ideal}
            axes:
              fleet.devices: [50, 100, 200, 400]
              server.rate: [0, 1.0e-5, 1.0e-4, 1.0e-3]
            """;

    private final String name;
    private final String description;
    private final Supplier<SweepRunner> start;
    private final boolean noop;
    private SweepRunner runner;

    /**
     * @param runnerName the runner's name in the workload's name
     * @param start      starts the runner (in {@link #prepare})
     * @param noop       the no-op workload, else the example sweep
     */
    public SweepWorkload(String runnerName, Supplier<SweepRunner> start, boolean noop) {
        this.name = "sweep-" + runnerName + (noop ? "-noop" : "-epidemic");
        this.description = noop
                ? NOOP_POINTS + " points that do nothing on the " + runnerName + " runner: its cost per point"
                : "examples/sweep-epidemic.yaml (16 points x 10 replications, predict and simulate) on the "
                        + runnerName + " runner";
        this.start = start;
        this.noop = noop;
    }

    /** The local runner's two workloads (registered in META-INF/services). */
    public static final class LocalNoop extends SweepWorkload {
        public LocalNoop() {
            super("local", LocalSweepRunner::onAllCores, true);
        }
    }

    public static final class LocalEpidemic extends SweepWorkload {
        public LocalEpidemic() {
            super("local", LocalSweepRunner::onAllCores, false);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void prepare() {
        if (runner == null) {
            runner = start.get();
        }
    }

    @Override
    public Map<String, Object> run(ProgressListener progress) throws Exception {
        prepare();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("runner", runner.toString());
        if (noop) {
            List<Integer> points = IntStream.range(0, NOOP_POINTS).boxed().toList();
            long t0 = System.nanoTime();
            List<Long> out = runner.map(points, p -> (long) p * p, progress);
            double s = (System.nanoTime() - t0) / 1e9;
            facts.put("points", points.size());
            facts.put("microsecondsPerPoint", s / points.size() * 1e6);
            facts.put("checksum", out.stream().mapToLong(Long::longValue).sum());
            return facts;
        }
        SweepSpec spec = SweepReader.parse(ScenarioReader.tree(EPIDEMIC, name), name, Path.of("."), name);
        Path out = Files.createTempDirectory("rollout-bench-sweep");
        try {
            SweepRun.Outcome o = SweepRun.run(spec, runner, out, progress);
            facts.put("points", o.pointsRun());
            facts.put("units", o.unitsRun());
            facts.put("millisecondsPerPoint", o.computeSeconds() / o.pointsRun() * 1e3);
            facts.put("pointsCsvBytes", Files.size(o.points()));
        } finally {
            try (var files = Files.walk(out)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        return facts;
    }
}
