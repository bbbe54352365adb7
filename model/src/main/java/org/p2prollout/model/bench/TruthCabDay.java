package org.p2prollout.model.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2prollout.model.forecast.ForecastQuestion;
import org.p2prollout.model.forecast.ReplayForecaster;
import org.p2prollout.model.forecast.TrainingWindows;
import org.p2prollout.model.rates.PipelineOptions;
import org.p2prollout.model.spread.FleetTrace;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.solver.bench.Workload;

/**
 * {@code truth-cab-day}: the trace's own spread (earliest arrival over its contacts) for 2,000 releases
 * on the one-day cab set, each followed to the end of the data, with the per-hour Kaplan-Meier
 * summary; loading the trace is untimed. Goal (issue 10): a second on 2 cores.
 */
public final class TruthCabDay implements Workload {
    private FleetTrace trace;

    @Override
    public String name() {
        return "truth-cab-day";
    }

    @Override
    public String description() {
        return "trace truth: 2,000 releases flooded over the cab day's contacts (load untimed); goal < 1 s on 2 cores";
    }

    @Override
    public void prepare() {
        trace = FleetTrace.load(SharedData.locate("cabspotting-day"), PipelineOptions.DEFAULT, null, ProgressListener.NONE);
    }

    @Override
    public Map<String, Object> run(ProgressListener progress) {
        var net = trace.network();
        List<double[]> day = List.of(new double[] {net.from(), net.to()});
        var f = new ReplayForecaster().truth(trace, day, ForecastQuestion.DEFAULT.withReleases(2000));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("devices", net.devices());
        facts.put("contacts", net.contacts());
        facts.put("window", TrainingWindows.describe(day.get(0), trace.zone()));
        f.rolloutTimes().forEach((k, v) -> facts.put("T_" + k + " mean s", v.mean()));
        return facts;
    }
}
