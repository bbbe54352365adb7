package org.p2prollout.model.forecast;

import java.util.ArrayList;
import java.util.List;
import org.p2prollout.model.spatial.SpatialOptions;
import org.p2prollout.model.spread.FleetTrace;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;

/**
 * The forecast workflow of {@code rollout predict --trace} in a few calls: check the windows, assess
 * which models the trace allows ({@link Adequacy}), fit and forecast with the chosen model, and,
 * when a test window is given, compute its trace truth and the forecast's error.
 *
 * <pre>{@code
 * FleetTrace trace = FleetTrace.load(path, PipelineOptions.DEFAULT, null, progress);
 * List<double[]> train = TrainingWindows.parse("'train'", "2008-05-19..2008-05-21", trace.zone());
 * TraceForecast.Result r = TraceForecast.run(trace, train, List.of(), null, ForecastQuestion.DEFAULT,
 *         SpatialOptions.DEFAULT, progress);
 * }</pre>
 */
public final class TraceForecast {
    /**
     * Largest |relative error| of mean T_0.5 and T_0.9 against the training days' own spread at which the
     * default choice keeps the pairs model (0.5); beyond it the replay is used (a model that cannot
     * reproduce the days it was fitted on has no business forecasting another).
     */
    public static final double PAIRS_SELF_CHECK = 0.5;

    private TraceForecast() {
    }

    /**
     * @param adequacy what the trace allows (over the training windows)
     * @param forecast the chosen model's forecast
     * @param chosenBy why this model: "'model'" (the parameter chose it) or the adequacy rule
     * @param truth    the test window's trace truth, or null
     * @param error    the forecast's error against it, or null
     * @param training the training windows used
     * @param test     the test windows, possibly empty
     */
    public record Result(Adequacy adequacy, Forecast forecast, String chosenBy, Forecast truth, ForecastError error,
                         List<double[]> training, List<double[]> test) {
        public Result {
            training = copy(training);
            test = copy(test);
        }

        private static List<double[]> copy(List<double[]> l) {
            List<double[]> c = new ArrayList<>();
            for (double[] w : l) {
                c.add(w.clone());
            }
            return List.copyOf(c);
        }
    }

    /** The forecaster of a model. */
    public static Forecaster forecaster(ForecastModel model, SpatialOptions spatial, int modelReleases) {
        return switch (model) {
            case REPLAY -> new ReplayForecaster();
            case SPATIAL -> new SpatialForecaster(spatial, modelReleases);
            case PAIRS -> new PairsForecaster(org.p2prollout.model.pairs.PairsOptions.DEFAULT,
                    Math.max(modelReleases, PairsForecaster.DEFAULT_RELEASES));
            case CLASSES -> new WellMixedForecaster(ForecastModel.CLASSES, 3);
            case HOMOGENEOUS -> new WellMixedForecaster(ForecastModel.HOMOGENEOUS, 1);
        };
    }

    /**
     * Runs the workflow.
     *
     * @param model null to use the model the adequacy figures recommend (spatial for position traces,
     *              pairs for contact lists, homogeneous when the trace is close to well mixed)
     */
    public static Result run(FleetTrace trace, List<double[]> training, List<double[]> test, ForecastModel model,
                             ForecastQuestion question, SpatialOptions spatial, int modelReleases,
                             ProgressListener progress) {
        var net = trace.network();
        List<String> cut = new ArrayList<>();
        training = TrainingWindows.clip("'train'", training, net.from(), net.to(), trace.zone(), cut);
        test = TrainingWindows.clip("'test'", test, net.from(), net.to(), trace.zone(), cut);
        for (double[] w : training) {
            for (double[] t : test) {
                if (t[0] < w[1] && w[0] < t[1]) {
                    throw new InvalidInputException("'test' " + TrainingWindows.describe(t, trace.zone())
                            + " overlaps 'train' " + TrainingWindows.describe(w, trace.zone())
                            + ": a forecast is checked on days it was not fitted on");
                }
            }
        }
        requireDevices(trace, training, "'train'");
        requireDevices(trace, test, "'test'");
        Adequacy adequacy = Adequacy.assess(net, training, trace.zone(), trace.hasPositions(), trace.outages(), Double.NaN,
                1000, question.seed());
        ForecastModel chosen = model;
        String by = "'model'"; // the CLI shows its option
        if (chosen == null) {
            chosen = adequacy.recommended();
            by = "the trace's adequacy figures";
            if (chosen == ForecastModel.HOMOGENEOUS && question.transfer() > 0) {
                // the well-mixed chain takes no transfer time; the pairs model takes it as a success probability
                chosen = trace.hasPositions() ? ForecastModel.REPLAY : ForecastModel.PAIRS;
            }
        }
        if (chosen == ForecastModel.SPATIAL && !trace.hasPositions()) {
            throw new InvalidInputException("'model' spatial needs positions; " + trace.source() + " is a contact list"
                    + " (use 'model' pairs or replay)");
        }
        Forecast forecast = forecaster(chosen, spatial, modelReleases).forecast(trace, training, question, progress);
        if (model == null && chosen == ForecastModel.PAIRS && !question.needsModel()) {
            // the pairs model must reproduce its own training days before it forecasts another one
            Forecast own = new ReplayForecaster().forecast(trace, training, question, ProgressListener.NONE);
            ForecastError self = ForecastError.of(forecast, own);
            double worst = 0;
            StringBuilder figures = new StringBuilder();
            for (String k : List.of("0.5", "0.9")) {
                Double e = self.meanError().get(k);
                if (e != null && Double.isFinite(e)) {
                    worst = Math.max(worst, Math.abs(e));
                    figures.append(figures.length() == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT,
                            "%+.0f %% at T_%s", 100 * e, k));
                }
            }
            if (worst > PAIRS_SELF_CHECK) {
                by = "the trace's adequacy figures, but the pairs model missed its own training days' spread by "
                        + figures + " (more than " + Math.round(100 * PAIRS_SELF_CHECK) + " %): the replay is used";
                chosen = ForecastModel.REPLAY;
                forecast = own;
            } else if (figures.length() > 0) {
                by = "the trace's adequacy figures; in sample the pairs model is " + figures
                        + " off its training days' own spread";
            }
        }
        if (!adequacy.wellMixedAllowed() && (chosen == ForecastModel.HOMOGENEOUS || chosen == ForecastModel.CLASSES)) {
            forecast = forecast.withWarnings(List.of("this trace is not well mixed: " + adequacy.explain()
                    .replace(System.lineSeparator(), "; ")));
        }
        if (!cut.isEmpty()) {
            forecast = forecast.withWarnings(cut);
        }
        Forecast truth = null;
        ForecastError error = null;
        if (!test.isEmpty()) {
            ForecastQuestion tq = question.needsModel() ? question.withFleetScale(1).withRangeFactor(1) : question;
            truth = new ReplayForecaster().truth(trace, test, tq);
            error = ForecastError.of(forecast, truth);
        }
        return new Result(adequacy, forecast, by, truth, error, training, test);
    }

    private static void requireDevices(FleetTrace trace, List<double[]> windows, String option) {
        var net = trace.network();
        for (double[] w : windows) {
            boolean any = false;
            for (int d = 0; d < net.devices() && !any; d++) {
                any = net.presentDuring(d, w[0], w[1]);
            }
            if (!any) {
                throw new InvalidInputException(option + " " + TrainingWindows.describe(w, trace.zone())
                        + " holds no device: nothing was recorded then");
            }
        }
    }
}
