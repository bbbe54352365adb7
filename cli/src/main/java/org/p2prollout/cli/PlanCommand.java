package org.p2prollout.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.p2prollout.model.planning.CapacityPlan;
import org.p2prollout.model.planning.CapacityPlanner;
import org.p2prollout.model.swarm.RolloutScenario;
import org.p2prollout.model.traffic.TrafficModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Smallest server rate mu such that P(T_q <= deadline) >= confidence, with P2P and with the"
                + " server alone (client-server), and the infrastructure bytes each costs. mu is the rate at which a"
                + " device lacking the update reaches the server, per second (plan finds it, so it takes no"
                + " server rate); the peak server throughput is what this mu implies at release. Times in"
                + " seconds, sizes in bytes."})
final class PlanCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    ScenarioOptions options;

    @Option(names = "--deadline", required = true, paramLabel = "SECONDS", description = "the rollout must reach --coverage by this time, seconds")
    double deadline;

    @Option(names = "--confidence", defaultValue = "0.95", description = "required P(T_q <= deadline), in (0, 1) (default ${DEFAULT-VALUE})")
    double confidence;

    @Option(names = "--coverage", paramLabel = "Q", defaultValue = "1",
            description = "fraction of the fleet that must hold the update, in (0, 1] (default ${DEFAULT-VALUE})")
    double coverage;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** plan finds the server rate, so the scenario's --server-rate is taken off its options and help. */
    static void withoutServerRate(picocli.CommandLine.Model.CommandSpec plan) {
        plan.remove(plan.findOption("--server-rate"));
    }

    @Override
    public Integer call() throws Exception {
        RolloutScenario scenario = options.scenario();
        TrafficModel traffic = new TrafficModel(options.traffic());
        RolloutScenario alone = scenario.withoutPeers();
        CapacityPlan p2p;
        CapacityPlan cs;
        // The planner bisects on mu, solving one model per step; each step is one tick of the bar
        // (total unknown: the bisection stops when the bracket is tight).
        try (TerminalProgress progress = TerminalProgress.forTerminal()) {
            long[] evaluations = {0};
            p2p = new CapacityPlanner(mu -> {
                progress.progress(++evaluations[0], -1, "plan: models solved (with P2P)");
                return scenario.withServerRate(mu).model();
            }, traffic, scenario.initialHolders()).plan(coverage, deadline, confidence);
            evaluations[0] = 0;
            cs = CapacityPlanner.clientServer(mu -> {
                progress.progress(++evaluations[0], -1, "plan: models solved (client-server)");
                return alone.withServerRate(mu).model();
            }, traffic, scenario.initialHolders()).plan(coverage, deadline, confidence);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("deadline", deadline);
        out.put("confidence", confidence);
        out.put("coverage", coverage);
        out.put("withP2P", summary(p2p));
        out.put("clientServer", summary(cs));
        out.put("serverRateSaving", cs.serverRate() > 0 ? 1 - p2p.serverRate() / cs.serverRate() : 0);
        out.put("serverBytesSaving", cs.serverBytes() > 0 ? 1 - p2p.serverBytes() / cs.serverBytes() : 0);
        var w = spec.commandLine().getOut();
        if (common.json) {
            Json.print(w, out);
        } else {
            w.printf(java.util.Locale.ROOT, "P(T_%s <= %.6g s) >= %s%n", org.p2prollout.model.swarm.RolloutPrediction.levelKey(coverage), deadline,
                    confidence);
            w.printf(java.util.Locale.ROOT, "  with P2P:      mu = %.6g /s, server bytes %.6g, all bytes %.6g (method %s)%n", p2p.serverRate(),
                    p2p.serverBytes(), p2p.traffic().total(), p2p.prediction().method().label());
            w.printf(java.util.Locale.ROOT, "  client-server: mu = %.6g /s, server bytes %.6g, all bytes %.6g%n", cs.serverRate(),
                    cs.serverBytes(), cs.traffic().total());
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> summary(CapacityPlan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("serverRate", p.serverRate());
        m.put("probability", p.probability());
        m.put("meanTime", p.prediction().meanTime());
        m.put("serverDownloads", p.prediction().serverDownloads());
        m.put("offload", p.prediction().offload());
        m.put("method", p.prediction().method().label());
        m.put("serverBytes", p.serverBytes());
        m.put("totalBytes", p.traffic().total());
        m.put("peakServerBytesPerSecond", p.peakServerBytesPerSecond());
        m.put("traffic", p.traffic());
        m.put("evaluations", p.evaluations());
        return m;
    }
}
