package org.p2prollout.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.p2prollout.core.Checks;
import org.p2prollout.validation.sim.Estimate;
import org.p2prollout.validation.sim.SimulationFiles;
import org.p2prollout.validation.sim.SimulationResult;
import org.p2prollout.validation.sim.Simulator;
import org.p2prollout.validation.sim.Summary;
import org.p2prollout.validation.sim.scenario.Scenario;
import org.p2prollout.validation.sim.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs a scenario in the discrete-event simulator: a few calls into {@link Simulator}. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Run the update protocol (or a baseline) over a scenario's fleet and",
            "mobility in the discrete-event simulator: R replications in parallel.",
            "Prints per metric the mean and its 95%% Student-t confidence interval:",
            "rollout times T50/T90/T99/T100 (seconds after release; replications",
            "that did not reach q within mobility.durationSeconds are left out,",
            "'n' says how many did), offload, overhead ratio, bytes per kind,",
            "rejected items per kind, tampered installs (must be 0).",
            "Scenario files: docs/SCENARIO.md; ready ones in examples/."})
final class SimulateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario YAML file (see docs/SCENARIO.md)")
    Path scenarioFile;

    @Option(names = "--replications", defaultValue = "10", paramLabel = "R",
            description = "independent replications, 1..100000, default ${DEFAULT-VALUE}")
    int replications;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "seed of every random stream; the same seed gives the same output, default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--baseline", paramLabel = "SYSTEM",
            description = "p2p (the update protocol), client-server (server only) or bittorrent (tracker, "
                    + "full connectivity, rarest-first); default: the scenario's 'baseline' key (p2p)")
    String baseline;

    @Option(names = "--out", paramLabel = "DIR",
            description = "write replications.csv, coverage.csv (mean and 95%% band), energy.csv and "
                    + "contacts-<r>.csv (a,b,start,end: the rates pipeline's contact list) into DIR; default: none")
    Path out;

    @Override
    public Integer call() throws Exception {
        Checks.inRange("--replications", replications, 1, 100_000);
        OutputFolder.check("--out", out);
        Scenario scenario = ScenarioReader.read(scenarioFile);
        if (baseline != null) {
            scenario = scenario.withBaseline(Scenario.Baseline.parse("--baseline", baseline));
        }
        SimulationResult result;
        try (TerminalProgress progress = TerminalProgress.forTerminal()) {
            result = Simulator.run(scenario, seed, replications, progress);
        }
        if (out != null) {
            SimulationResult written = result;
            OutputFolder.write("--out", out, (folder, dir) -> {
                SimulationFiles.write(written, dir);
                return null;
            });
        }
        var w = spec.commandLine().getOut();
        if (common.json) {
            Json.print(w, json(result));
        } else {
            print(w, result);
        }
        return ExitCodes.OK;
    }

    private Map<String, Object> json(SimulationResult r) {
        Summary s = r.summary();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", scenarioFile.toString());
        m.put("baseline", ScenarioReader.kebab(r.scenario().baseline()));
        m.put("devices", r.scenario().fleet().devices());
        m.put("replications", s.replications());
        m.put("seed", r.seed());
        m.put("confidenceLevel", Estimate.LEVEL);
        m.put("T50", est(s.t50()));
        m.put("T90", est(s.t90()));
        m.put("T99", est(s.t99()));
        m.put("T100", est(s.t100()));
        m.put("offload", est(s.offload()));
        m.put("overheadRatio", est(s.overheadRatio()));
        Map<String, Object> bytes = new LinkedHashMap<>();
        s.bytes().forEach((k, v) -> bytes.put(k, est(v)));
        m.put("bytes", bytes);
        Map<String, Object> rejected = new LinkedHashMap<>();
        s.rejected().forEach((k, v) -> rejected.put(k, est(v)));
        m.put("rejected", rejected);
        m.put("tamperedInstalls", est(s.tamperedInstalls()));
        m.put("energyPerDeviceJoules", est(s.energyPerDeviceJoules()));
        m.put("contacts", est(s.contacts()));
        m.put("serverPieces", est(s.serverPieces()));
        if (out != null) {
            m.put("out", out.toString());
        }
        return m;
    }

    /** {mean, ciLow, ciHigh, n}, with null for undefined values (JSON has no NaN). */
    private static Map<String, Object> est(Estimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", finite(e.mean()));
        m.put("ciLow", finite(e.ciLow()));
        m.put("ciHigh", finite(e.ciHigh()));
        m.put("n", e.n());
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private void print(java.io.PrintWriter w, SimulationResult r) {
        Summary s = r.summary();
        w.printf(java.util.Locale.ROOT, "%s: %d devices, baseline %s, %d replications, seed %d (95 %% confidence intervals)%n",
                scenarioFile, r.scenario().fleet().devices(), ScenarioReader.kebab(r.scenario().baseline()),
                s.replications(), r.seed());
        line(w, "T50 (s)", s.t50());
        line(w, "T90 (s)", s.t90());
        line(w, "T99 (s)", s.t99());
        line(w, "T100 (s)", s.t100());
        line(w, "offload", s.offload());
        line(w, "overhead ratio", s.overheadRatio());
        s.bytes().forEach((k, v) -> line(w, "bytes " + k, v));
        s.rejected().forEach((k, v) -> line(w, "rejected " + k, v));
        line(w, "tampered installs", s.tamperedInstalls());
        line(w, "energy/device (J)", s.energyPerDeviceJoules());
        line(w, "contacts", s.contacts());
        line(w, "server pieces", s.serverPieces());
        if (out != null) {
            w.printf(java.util.Locale.ROOT, "files written to %s%n", out);
        }
        w.flush();
    }

    private static void line(java.io.PrintWriter w, String name, Estimate e) {
        if (e.n() == 0) {
            w.printf(java.util.Locale.ROOT, "  %-24s not reached in any replication%n", name);
        } else if (e.n() == 1 || Double.isNaN(e.ciLow())) {
            w.printf(java.util.Locale.ROOT, "  %-24s %.6g (n=%d)%n", name, e.mean(), e.n());
        } else {
            w.printf(java.util.Locale.ROOT, "  %-24s %.6g  [%.6g, %.6g]  (n=%d)%n", name, e.mean(), e.ciLow(), e.ciHigh(), e.n());
        }
    }
}
