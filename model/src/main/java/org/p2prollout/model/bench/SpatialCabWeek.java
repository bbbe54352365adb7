package org.p2prollout.model.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2prollout.model.forecast.ForecastQuestion;
import org.p2prollout.model.forecast.SpatialForecaster;
import org.p2prollout.model.forecast.TrainingWindows;
import org.p2prollout.model.rates.PipelineOptions;
import org.p2prollout.model.spatial.SpatialFitter;
import org.p2prollout.model.spatial.SpatialModel;
import org.p2prollout.model.spatial.SpatialOptions;
import org.p2prollout.model.spread.FleetTrace;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.solver.bench.Workload;

/**
 * The spatial chain on the cab week, trained on Monday to Wednesday and Friday (2008-05-19..21, 23):
 * {@code spatial-fit-cab-week} times the fit (zones, movement per hour, encounter rates),
 * {@code spatial-solve-cab-week} the forecast of 1,000 releases at levels 0.5, 0.9 and 0.99 from a
 * model fitted untimed. Loading the week (3.3 M fixes) is untimed. Goal (issue 10): each under 10 s.
 */
abstract class SpatialCabWeek implements Workload {
    static final String TRAIN = "2008-05-19..2008-05-21,2008-05-23";
    private final boolean solve;
    private FleetTrace trace;
    private List<double[]> train;
    private SpatialModel model;

    SpatialCabWeek(boolean solve) {
        this.solve = solve;
    }

    @Override
    public String name() {
        return solve ? "spatial-solve-cab-week" : "spatial-fit-cab-week";
    }

    @Override
    public String description() {
        return solve ? "spatial chain: 1,000 releases solved (levels 0.5/0.9/0.99) on the cab week model; goal < 10 s"
                : "spatial chain: fit on four cab weekdays (zones, hourly movement, encounter rates); goal < 10 s";
    }

    @Override
    public void prepare() {
        trace = FleetTrace.load(SharedData.locate("cabspotting-week"), PipelineOptions.DEFAULT, null, ProgressListener.NONE);
        train = TrainingWindows.parse("'train'", TRAIN, trace.zone());
        if (solve) {
            model = new SpatialFitter(SpatialOptions.DEFAULT).fit(trace, train);
        }
    }

    @Override
    public Map<String, Object> run(ProgressListener progress) {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (solve) {
            var f = new SpatialForecaster().forecast(model, ForecastQuestion.DEFAULT.withReleases(1000), progress, 0);
            f.rolloutTimes().forEach((k, v) -> facts.put("T_" + k + " mean s", v.mean()));
        } else {
            SpatialModel m = new SpatialFitter(SpatialOptions.DEFAULT).fit(trace, train);
            facts.put("zones", m.zoneCount());
            facts.put("states", m.states());
            facts.put("encounters", m.encounters());
        }
        return facts;
    }

    /** {@code spatial-fit-cab-week}. */
    public static final class Fit extends SpatialCabWeek {
        public Fit() {
            super(false);
        }
    }

    /** {@code spatial-solve-cab-week}. */
    public static final class Solve extends SpatialCabWeek {
        public Solve() {
            super(true);
        }
    }
}
