package org.p2prollout.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.p2prollout.core.Checks;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.validation.sweep.RunnerOptions;
import org.p2prollout.validation.sweep.SweepReader;
import org.p2prollout.validation.sweep.SweepRun;
import org.p2prollout.validation.sweep.SweepRunner;
import org.p2prollout.validation.sweep.SweepRunners;
import org.p2prollout.validation.sweep.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs a sweep file: a grid of points, predicted and/or simulated, on the local cores or on Spark. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a grid of scenarios: a base (the simulator's scenario or the",
            "model's parameters), axes (lists or ranges of any parameter),",
            "replications, and what to compute (predict, simulate or both side by",
            "side). Writes points.csv (one row per point and replication: the",
            "parameters, seed, T_0.5, T_0.9, T_1 in seconds, offload, overhead,",
            "server bytes), summary.csv (per point: means and 95%% intervals) and",
            "charts/ (lines for one axis, heat maps for two). Re-running with the",
            "same --out skips the points already written. The whole file is checked",
            "before any point runs. Format: docs/SWEEPS.md.",
            "",
            "  rollout sweep examples/sweep-epidemic.yaml",
            "  rollout sweep examples/sweep-epidemic.yaml --runner spark",
            "  rollout sweep FILE --runner spark --master spark://host:7077"})
final class SweepCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SWEEP", description = "sweep YAML file (see docs/SWEEPS.md)")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder, created if missing; one that holds"
            + " this sweep's points.csv is resumed (default: rollout-out/sweep/<file name>)")
    Path out;

    @Option(names = "--runner", paramLabel = "NAME", defaultValue = "local", description = "local (threads of this"
            + " JVM) or spark (the spark module: embedded on local[*], or --master); default ${DEFAULT-VALUE}")
    String runner;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "local runner: worker threads, 0 = one per core (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--master", paramLabel = "URL", description = "spark runner: local[N], spark://host:7077, yarn"
            + " or k8s://https://host:port (default: spark-submit's master, else local[*])")
    String master;

    @Option(names = "--tasks-per-core", paramLabel = "N", defaultValue = "" + RunnerOptions.DEFAULT_TASKS_PER_CORE,
            description = "spark runner: tasks per core each batch of points is cut into (default ${DEFAULT-VALUE})")
    int tasksPerCore;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "spark runner: a Spark setting, e.g."
            + " spark.executor.memory=4g (repeatable)")
    List<String> conf = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Checks.inRange("--threads", threads, 0, 4096);
        Checks.inRange("--tasks-per-core", tasksPerCore, 1, 1000);
        Map<String, String> settings = new LinkedHashMap<>();
        for (String c : conf) {
            int eq = c.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("--conf must be KEY=VALUE, got '" + c + "'");
            }
            settings.put(c.substring(0, eq).strip(), c.substring(eq + 1).strip());
        }
        if (!runner.equals("local") && threads != 0) {
            throw new InvalidInputException("--threads is for the local runner; with --runner " + runner
                    + " the cluster's cores are used (--master local[N] for N cores embedded)");
        }
        if (runner.equals("local") && !settings.isEmpty()) {
            throw new InvalidInputException("--conf is for a cluster runner (--runner spark)");
        }
        // the whole file is checked before any runner starts or any point runs
        OutputFolder.check("--out", out);
        SweepSpec sweep = SweepReader.read(file);
        Path dir = out != null ? out : Path.of("rollout-out", "sweep", sweep.name());
        // an --out of another sweep is refused before a runner starts
        org.p2prollout.validation.sweep.SweepFiles.readPoints(sweep,
                dir.resolve(org.p2prollout.validation.sweep.SweepFiles.POINTS));
        RunnerOptions options = new RunnerOptions(threads, master, tasksPerCore, settings);
        SweepRun.Outcome outcome;
        String runnerName;
        int parallelism;
        try (SweepRunner r = SweepRunners.open(runner, options);
             TerminalProgress progress = TerminalProgress.forTerminal()) {
            runnerName = r.toString();
            parallelism = r.parallelism();
            outcome = SweepRun.run(sweep, r, dir, progress);
        }
        var w = spec.commandLine().getOut();
        double perPoint = outcome.pointsRun() == 0 ? Double.NaN : outcome.computeSeconds() / outcome.pointsRun();
        if (common.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sweep", sweep.name());
            m.put("file", file.toString());
            m.put("compute", sweep.compute().key());
            m.put("points", sweep.points().size());
            m.put("replications", sweep.replications());
            m.put("axes", sweep.axes().stream().map(a -> Map.of("key", a.key(), "values", a.labels())).toList());
            m.put("pointsRun", outcome.pointsRun());
            m.put("pointsSkipped", outcome.pointsSkipped());
            m.put("units", outcome.unitsRun());
            m.put("runner", runner);
            m.put("runnerDetail", runnerName);
            m.put("parallelism", parallelism);
            m.put("seconds", outcome.seconds());
            m.put("computeSeconds", outcome.computeSeconds());
            m.put("secondsPerPoint", Double.isFinite(perPoint) ? perPoint : null);
            m.put("out", dir.toString());
            m.put("pointsCsv", outcome.points().toString());
            m.put("summaryCsv", outcome.summary().toString());
            m.put("charts", outcome.charts().stream().map(Path::toString).toList());
            m.put("notes", outcome.notes());
            Json.print(w, m);
        } else {
            w.printf(java.util.Locale.ROOT, "sweep %s: %d points x %d replication%s (%s) on %s%n", sweep.name(),
                    sweep.points().size(), sweep.replications(), sweep.replications() == 1 ? "" : "s",
                    sweep.compute().key(), runnerName);
            w.printf(java.util.Locale.ROOT, "  %d points run, %d already in %s; %.2f s (computing %.2f s%s)%n",
                    outcome.pointsRun(), outcome.pointsSkipped(), outcome.points(), outcome.seconds(),
                    outcome.computeSeconds(), Double.isFinite(perPoint)
                            ? String.format(java.util.Locale.ROOT, ", %.3g ms per point", perPoint * 1e3) : "");
            w.printf(java.util.Locale.ROOT, "  points:  %s%n  summary: %s%n", outcome.points(), outcome.summary());
            for (Path c : outcome.charts()) {
                w.printf(java.util.Locale.ROOT, "  chart:   %s%n", c);
            }
            for (String n : outcome.notes()) {
                w.printf(java.util.Locale.ROOT, "  note:    %s%n", n);
            }
            w.flush();
        }
        return ExitCodes.OK;
    }
}
