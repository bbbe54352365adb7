package org.p2prollout.validation.suite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.p2prollout.model.forecast.Adequacy;
import org.p2prollout.model.forecast.Forecast;
import org.p2prollout.model.forecast.ForecastError;
import org.p2prollout.model.forecast.ForecastModel;
import org.p2prollout.model.forecast.ForecastQuestion;
import org.p2prollout.model.forecast.ReplayForecaster;
import org.p2prollout.model.forecast.TraceForecast;
import org.p2prollout.model.forecast.TrainingWindows;
import org.p2prollout.model.spatial.SpatialOptions;
import org.p2prollout.model.spread.FleetTrace;
import org.p2prollout.model.spread.ReleasePlan;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;

/**
 * Runs a {@link ForecastCaseSpec}: the truth of the held-out windows, then every model fitted on the
 * training windows and compared with it (mean T_q at the checked levels, KS distance).
 */
public final class ForecastCaseRunner {
    private final SpatialOptions spatial;

    public ForecastCaseRunner(SpatialOptions spatial) {
        this.spatial = spatial;
    }

    public ForecastCaseRunner() {
        this(SpatialOptions.DEFAULT);
    }

    public ForecastCaseResult run(ForecastCaseSpec spec, ProgressListener progress) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("train", spec.train());
        parameters.put("test", spec.test());
        ForecastQuestion q = spec.question();
        parameters.put("releases", q.initialHolders() + " initial holder(s), release hours " + fmt(q.releaseFromHour())
                + ".." + fmt(q.releaseToHour()) + ", followed " + fmt(q.horizon()) + " s, server rate " + q.serverRate());
        if (spec.unavailable() != null) {
            return ForecastCaseResult.notRun(spec.name(), spec.description(), parameters, spec.unavailable(), spec.notes());
        }
        long started = System.nanoTime();
        FleetTrace trace;
        List<String> cut = new ArrayList<>();
        List<double[]> train;
        List<double[]> test;
        try {
            trace = spec.trace().load();
            train = TrainingWindows.parse("train", spec.train(), trace.zone());
            test = TrainingWindows.parse("test", spec.test(), trace.zone());
            var net = trace.network();
            train = TrainingWindows.clip("train", train, net.from(), net.to(), trace.zone(), cut);
            test = TrainingWindows.clip("test", test, net.from(), net.to(), trace.zone(), cut);
        } catch (InvalidInputException e) {
            return ForecastCaseResult.notRun(spec.name(), spec.description(), parameters, e.getMessage(), spec.notes());
        }
        parameters.put("trace", trace.source() + " (" + trace.format().cliName() + ", " + trace.network().devices()
                + " devices, " + trace.network().contacts() + " contacts, " + trace.zone() + ")");
        List<String> notes = new ArrayList<>(spec.notes());
        notes.addAll(cut);
        for (double[] o : trace.outages()) {
            notes.add("recording outage " + TrainingWindows.describe(o, trace.zone())
                    + ": excluded from fitting; releases followed into it are cut there (Kaplan-Meier)");
        }
        Forecast truth = new ReplayForecaster().truth(trace, test, q);
        notes.addAll(truth.warnings().stream().map(w -> "truth: " + w).toList());
        Adequacy adequacy = Adequacy.assess(trace.network(), train, trace.zone(), trace.hasPositions(), trace.outages(),
                Double.NaN, 1000, q.seed());
        notes.addAll(adequacy.reasons().stream().map(r -> "adequacy: " + r).toList());
        int total = spec.models().size();
        int done = 0;
        List<ForecastCaseResult.Outcome> outcomes = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (Map.Entry<ForecastModel, ForecastTolerance> e : spec.models().entrySet()) {
            ForecastModel m = e.getKey();
            ForecastTolerance tol = e.getValue();
            long t0 = System.nanoTime();
            try {
                Forecast f = TraceForecast.forecaster(m, spatial, org.p2prollout.model.forecast.SpatialForecaster.DEFAULT_RELEASES)
                        .forecast(trace, train, q, ProgressListener.NONE);
                ForecastError err = ForecastError.of(f, truth);
                boolean pass = true;
                for (double level : spec.levels()) {
                    String k = ReleasePlan.key(level);
                    Double me = err.meanError().get(k);
                    Double ks = err.ks().get(k);
                    boolean ok = me != null && Math.abs(me) <= tol.meanError() && ks != null && ks <= tol.ks();
                    if (!ok && tol.checked()) {
                        pass = false;
                        reasons.add(String.format(Locale.ROOT, "%s: mean T_%s %s vs truth %s (%+.1f %%, tolerance %.0f %%),"
                                + " KS %.3f (limit %.2f)", m.cliName(), k, hours(f.rolloutTimes().get(k).mean()),
                                hours(truth.rolloutTimes().get(k).mean()), 100 * me, 100 * tol.meanError(), ks, tol.ks()));
                    }
                }
                outcomes.add(new ForecastCaseResult.Outcome(m, f.method(), f.rolloutTimes(), f.levels(), err.meanError(),
                        err.ks(), tol, pass || !tol.checked(), (System.nanoTime() - t0) / 1e9, null));
            } catch (InvalidInputException ex) {
                if (tol.checked()) {
                    reasons.add(m.cliName() + ": could not forecast: " + ex.getMessage());
                }
                outcomes.add(new ForecastCaseResult.Outcome(m, "", Map.of(), Map.of(), Map.of(), Map.of(), tol,
                        !tol.checked(), (System.nanoTime() - t0) / 1e9, ex.getMessage()));
            }
            progress.progress(++done, total, "forecast case " + spec.name());
        }
        Verdict verdict = reasons.isEmpty() ? Verdict.PASS : Verdict.FAIL;
        return new ForecastCaseResult(spec.name(), spec.description(), parameters, verdict, reasons, notes,
                truth.rolloutTimes(), truth.levels(), outcomes, (System.nanoTime() - started) / 1e9);
    }

    static String hours(double s) {
        return Double.isFinite(s) ? String.format(Locale.ROOT, "%.2f h", s / 3600) : "n/a";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
