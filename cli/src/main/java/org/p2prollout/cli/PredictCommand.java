package org.p2prollout.cli;

import org.p2prollout.model.text.Quantities;

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
import org.p2prollout.core.Checks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predict the rollout time distribution, server downloads, offload and traffic for a fleet.",
            "",
            "From a trace (--trace PATH): fit a model on --train days and forecast a release at a uniformly random"
                + " time of day from a random device present then, followed for --horizon; T_q counts the devices"
                + " present within the horizon. The model is the best the trace's adequacy figures allow (spatial"
                + " chain for positions, pairs for contact lists; well-mixed chains only when the trace is close to"
                + " well mixed) unless --model says otherwise. The spatial chain is solved exactly for small fleets"
                + " (the exact CTMC, with its uniformisation error bound) and by its mean-field ODE, an approximation,"
                + " otherwise; the output's method says which. --test WINDOW also computes the trace's own spread on"
                + " that window and the forecast's error.",
            "  rollout predict --trace ../shared/data/cabspotting-week --train 2008-05-19..2008-05-21 --test 2008-05-22",
            "",
            "From rates (--rate or --rates):",
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

    @Option(names = "--trace", paramLabel = "PATH", description = "forecast from this trace (file or folder) instead of"
            + " from rates")
    java.nio.file.Path trace;

    @Option(names = "--train", paramLabel = "DAYS", description = "with --trace: training windows, comma-separated: days"
            + " (2008-05-19), ranges of days inclusive (2008-05-19..2008-05-22), date-times (2008-05-19T06:00..2008-05-20T06:00)"
            + " or epoch seconds, in the fleet's time zone; default: every whole day of the trace")
    String train;

    @Option(names = "--test", paramLabel = "DAYS", description = "with --trace: also compute the trace truth of these"
            + " windows (same syntax; must not overlap --train) and the forecast's error")
    String test;

    @Option(names = "--model", paramLabel = "M", description = "with --trace: replay, spatial, pairs, classes or"
            + " homogeneous (default: the best the trace's adequacy figures allow)")
    String model;

    @Option(names = "--horizon", paramLabel = "S", defaultValue = "86400",
            description = "with --trace: seconds each release is followed, > 0 (default ${DEFAULT-VALUE})")
    double horizon;

    @Option(names = "--release-hours", paramLabel = "A..B", defaultValue = "0..24",
            description = "with --trace: local hours of day releases fall in, 0 <= A < B <= 24 (default ${DEFAULT-VALUE})")
    String releaseHours;

    @Option(names = "--levels", paramLabel = "Q", split = ",", defaultValue = "0.5,0.9,0.99",
            description = "with --trace: coverage levels q of T_q, ascending in (0, 1] (default ${DEFAULT-VALUE})")
    List<Double> coverageLevels;

    @Option(names = "--releases", paramLabel = "R", defaultValue = "2000",
            description = "with --trace: releases sampled (truth and replay; the spatial chain solves at most 1000),"
                    + " >= 1 (default ${DEFAULT-VALUE})")
    int releases;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "with --trace: seed of the release"
            + " sampling (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--fleet-scale", paramLabel = "F", defaultValue = "1", description = "with --trace: a fleet F times"
            + " as large at the same density per zone, > 0 (models only; default ${DEFAULT-VALUE})")
    double fleetScale;

    @Option(names = "--range-factor", paramLabel = "F", defaultValue = "1", description = "with --trace: radio range F"
            + " times the detection range, applied to encounter rates, > 0 (models only; default ${DEFAULT-VALUE})")
    double rangeFactor;

    @Option(names = "--cell", paramLabel = "M", defaultValue = "1000", description = "with --trace: side of the spatial"
            + " chain's zone cells, metres, > 0 (default ${DEFAULT-VALUE})")
    double cell;

    @Option(names = "--slots", paramLabel = "N", defaultValue = "24", description = "with --trace: movement rates per"
            + " hour of day (24) or of week (168) (default ${DEFAULT-VALUE})")
    int slots;

    @picocli.CommandLine.ArgGroup(exclusive = false, heading = "Reading a trace (with --trace):%n")
    TraceOptions read = new TraceOptions();

    @Override
    public Integer call() throws Exception {
        if (trace != null) {
            return forecastTrace();
        }
        Checks.fractionAboveZero("--coverage", coverage);
        double[] lv = levels.stream().mapToDouble(Double::doubleValue).toArray();
        for (double l : lv) {
            if (!(l > 0 && l < 1)) {
                throw new org.p2prollout.core.InvalidInputException("--quantiles levels must be in (0, 1), got " + l);
            }
        }
        RolloutScenario scenario = options.scenario();
        try (TerminalProgress progress = TerminalProgress.forTerminal()) {
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
            out.put("accuracy", Json.accuracy(p.accuracy()));
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
                w.printf(java.util.Locale.ROOT, "method            %s (%s, %s)%n", p.method().label(),
                        model.getClass().getSimpleName(), Quantities.count(p.states(), "state"));
                String level = RolloutPrediction.levelKey(coverage);
                if (p.method() == org.p2prollout.model.swarm.PredictionMethod.MEAN_FIELD) {
                    // The mean field gives one time, not a distribution: no sd and no quantiles to show.
                    w.printf(java.util.Locale.ROOT, "T_%s              %s (deterministic approximation: no spread"
                            + " or quantiles; valid for large fleets)%n", level, Quantities.seconds(p.meanTime()));
                } else {
                    w.printf(java.util.Locale.ROOT, "T_%s mean          %s (sd %s)%n", level, Quantities.seconds(p.meanTime()),
                            Quantities.seconds(p.sdTime()));
                    p.quantiles().forEach((k, v) -> w.printf(java.util.Locale.ROOT, "  quantile %-7s %s%n", k,
                            Quantities.seconds(v)));
                }
                w.printf(java.util.Locale.ROOT, "server downloads  %s (offload %s)%n", Quantities.number(p.serverDownloads()),
                        Quantities.percent(p.offload()));
                w.printf(java.util.Locale.ROOT, "bytes             total %s, client-server %s, overhead %s%n",
                        Quantities.bytes(traffic.total()), Quantities.bytes(traffic.clientServerBaseline()),
                        Quantities.number(traffic.overhead()));
                w.printf(java.util.Locale.ROOT, "accuracy          %s (%s)%n", p.accuracy().criterion(),
                        p.accuracy().errorStatement());
            }
        }
        return ExitCodes.OK;
    }

    private int forecastTrace() {
        if (options.rate != null || options.rates != null || options.nodes != null) {
            throw new org.p2prollout.core.InvalidInputException("--trace forecasts from the trace itself: give neither"
                    + " --rate, --rates nor --nodes with it (use --fleet-scale for another fleet size)");
        }
        double[] hours = parseHours(releaseHours);
        double[] lv = coverageLevels.stream().mapToDouble(Double::doubleValue).toArray();
        double transfer = 0;
        if (options.bandwidth != null) {
            org.p2prollout.core.Checks.positive("--bandwidth (bytes/s)", options.bandwidth);
            transfer = options.updateBytes / options.bandwidth;
        }
        var q = new org.p2prollout.model.forecast.ForecastQuestion(horizon, (int) Math.min(Integer.MAX_VALUE, options.initial),
                options.serverRate, transfer, fleetScale, rangeFactor, releases, seed, lv, hours[0], hours[1]);
        var spatial = org.p2prollout.model.spatial.SpatialOptions.DEFAULT.withCell(cell).withSlots(slots);
        var kind = model == null ? null : org.p2prollout.model.forecast.ForecastModel.byName(model);
        try (TerminalProgress progress = TerminalProgress.forTerminal()) {
            var fleet = read.load(trace, progress);
            var net = fleet.network();
            List<double[]> trainWindows = train == null
                    ? org.p2prollout.model.forecast.TrainingWindows.wholeDays(net.from(), net.to(), fleet.zone())
                    : org.p2prollout.model.forecast.TrainingWindows.parse("--train", train, fleet.zone());
            if (trainWindows.isEmpty()) {
                trainWindows = List.of(new double[] {net.from(), net.to()});
            }
            List<double[]> testWindows = test == null ? List.of()
                    : org.p2prollout.model.forecast.TrainingWindows.parse("--test", test, fleet.zone());
            var result = org.p2prollout.model.forecast.TraceForecast.run(fleet, trainWindows, testWindows, kind, q, spatial,
                    org.p2prollout.model.forecast.SpatialForecaster.DEFAULT_RELEASES, progress);
            progress.close();
            var w = spec.commandLine().getOut();
            if (common.json) {
                Json.print(w, TracePredict.json(trace, fleet, result, m -> OptionNames.translate(m, spec)));
            } else {
                TracePredict.text(w, trace, fleet, result, m -> OptionNames.translate(m, spec));
                w.flush();
            }
        }
        return ExitCodes.OK;
    }

    static double[] parseHours(String s) {
        String[] p = s.split("\\.\\.");
        try {
            if (p.length == 2) {
                return new double[] {Double.parseDouble(p[0].strip()), Double.parseDouble(p[1].strip())};
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new org.p2prollout.core.InvalidInputException("--release-hours must be A..B with 0 <= A < B <= 24, got '"
                + s + "'");
    }
}
