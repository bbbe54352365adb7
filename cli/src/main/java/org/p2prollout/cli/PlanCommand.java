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
                + " device lacking the update reaches the server, per second; peakServerBytesPerSecond is the"
                + " server throughput this implies at release (--server-rate is not used: it is what plan finds). Times in seconds, sizes in bytes."})
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

    @Override
    public Integer call() throws Exception {
        RolloutScenario scenario = options.scenario();
        TrafficModel traffic = new TrafficModel(options.traffic());
        CapacityPlan p2p = new CapacityPlanner(mu -> scenario.withServerRate(mu).model(), traffic,
                scenario.initialHolders()).plan(coverage, deadline, confidence);
        RolloutScenario alone = scenario.withoutPeers();
        CapacityPlan cs = CapacityPlanner.clientServer(mu -> alone.withServerRate(mu).model(), traffic,
                scenario.initialHolders()).plan(coverage, deadline, confidence);
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
            w.printf("P(T_%s <= %.6g s) >= %s%n", org.p2prollout.model.swarm.RolloutPrediction.levelKey(coverage), deadline,
                    confidence);
            w.printf("  with P2P:      mu = %.6g /s, server bytes %.6g, all bytes %.6g (method %s)%n", p2p.serverRate(),
                    p2p.serverBytes(), p2p.traffic().total(), p2p.prediction().method().label());
            w.printf("  client-server: mu = %.6g /s, server bytes %.6g, all bytes %.6g%n", cs.serverRate(),
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
