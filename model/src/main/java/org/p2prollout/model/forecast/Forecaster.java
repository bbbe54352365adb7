package org.p2prollout.model.forecast;

import java.util.List;
import org.p2prollout.model.spread.FleetTrace;
import org.p2prollout.core.ProgressListener;

/** Fits a model on training windows of a trace and forecasts rollout times for a question. */
public interface Forecaster {
    /** The model this forecaster fits. */
    ForecastModel model();

    /**
     * @param trace    the trace
     * @param training training windows, {from, to} seconds on the trace clock, disjoint
     * @param question what to forecast
     */
    Forecast forecast(FleetTrace trace, List<double[]> training, ForecastQuestion question, ProgressListener progress);
}
