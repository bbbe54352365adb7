package org.p2prollout.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.p2prollout.model.swarm.CoverageCurve;
import org.p2prollout.model.swarm.RolloutModel;
import org.p2prollout.model.swarm.RolloutPrediction;
import org.p2prollout.model.swarm.RolloutScenario;
import org.p2prollout.model.traffic.TrafficModel;
import org.p2prollout.model.traffic.TrafficPrediction;
import org.p2prollout.solver.Checks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predict the rollout time distribution, server downloads, offload and traffic for a fleet.",
            "",
            "One piece and one rate: exact closed form (N = 10^7 in seconds). Classes (--rates with classes):"
                + " exact chain up to --max-states, else mean-field ODE. --pieces > 1: exact lumped chain for small"
                + " fleets, else mean-field. The output says which method was used and its accuracy.",
            "Times in seconds, sizes in bytes, rates per second."})
final class PredictCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    ScenarioOptions options;

    @Option(names = "--coverage", paramLabel = "Q", defaultValue = "1",
            description = "fraction of the fleet that must hold the update, in (0, 1] (default ${DEFAULT-VALUE}: T_1)")
    double coverage;

    @Option(names = "--quantiles", paramLabel = "LEVELS", split = ",", defaultValue = "0.5,0.9,0.99",
            description = "quantile levels of T_q, in (0, 1) (default ${DEFAULT-VALUE})")
    List<Double> levels;

    @Option(names = "--curve", paramLabel = "TIMES", split = ",",
            description = "also give E[fraction holding the update] at these times, seconds")
    List<Double> curve = new ArrayList<>();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Checks.fractionAboveZero("--coverage", coverage);
        double[] lv = levels.stream().mapToDouble(Double::doubleValue).toArray();
        for (double l : lv) {
            if (!(l > 0 && l < 1)) {
                throw new org.p2prollout.solver.InvalidInputException("--quantiles levels must be in (0, 1), got " + l);
            }
        }
        RolloutScenario scenario = options.scenario();
        try (TerminalProgress progress = common.json ? TerminalProgress.quiet() : TerminalProgress.forTerminal()) {
            RolloutModel model = scenario.model(progress);
            RolloutPrediction p = model.predict(coverage, lv);
            TrafficPrediction traffic = new TrafficModel(options.traffic()).account(p, scenario.nodes(),
                    scenario.initialHolders());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("meanTime", p.meanTime());
            out.put("sdTime", p.sdTime());
            out.put("quantiles", p.quantiles());
            out.put("serverDownloads", p.serverDownloads());
            out.put("offload", p.offload());
            out.put("method", p.method().label());
            out.put("states", p.states());
            out.put("accuracy", p.accuracy());
            out.put("coverage", coverage);
            out.put("nodes", scenario.nodes());
            out.put("initialHolders", scenario.initialHolders());
            out.put("rate", scenario.hasClasses() ? scenario.meanPairRate() : scenario.rate());
            out.put("serverRate", scenario.serverRate());
            out.put("success", scenario.success());
            out.put("pieces", scenario.pieces());
            out.put("classes", scenario.hasClasses() ? scenario.classSizes().length : 1);
            out.put("model", model.getClass().getSimpleName());
            out.put("traffic", traffic);
            if (!curve.isEmpty()) {
                double[] t = curve.stream().mapToDouble(Double::doubleValue).toArray();
                CoverageCurve c = model.coverageCurve(t);
                out.put("curve", Map.of("times", c.times(), "fraction", c.fraction(), "method", c.method().label(),
                        "error", Double.isNaN(c.error()) ? "n/a" : c.error()));
            }
            var w = spec.commandLine().getOut();
            if (common.json) {
                Json.print(w, out);
            } else {
                w.printf("method            %s (%s, %d states)%n", p.method().label(), model.getClass().getSimpleName(),
                        p.states());
                w.printf("T_%s mean          %.6g s (sd %.6g s)%n", RolloutPrediction.levelKey(coverage), p.meanTime(),
                        p.sdTime());
                p.quantiles().forEach((k, v) -> w.printf("  quantile %-7s %.6g s%n", k, v));
                w.printf("server downloads  %.6g (offload %.4f)%n", p.serverDownloads(), p.offload());
                w.printf("bytes             total %.6g, client-server %.6g, overhead %.4f%n", traffic.total(),
                        traffic.clientServerBaseline(), traffic.overhead());
                w.printf("accuracy          %s (CDF error <= %.2g)%n", p.accuracy().note(), p.accuracy().cdfError());
            }
        }
        return ExitCodes.OK;
    }
}
