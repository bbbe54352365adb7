package org.p2prollout.validation.suite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.p2prollout.model.rates.PipelineOptions;
import org.p2prollout.model.swarm.RolloutModel;
import org.p2prollout.model.swarm.TimeDistribution;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.validation.sim.Estimate;
import org.p2prollout.validation.sim.ReplicationResult;
import org.p2prollout.validation.sim.SimulationResult;
import org.p2prollout.validation.sim.Simulator;
import org.p2prollout.validation.sim.scenario.Scenario;

/**
 * Runs one validation case: R replications of the scenario (contact logs recorded), the model
 * parameterised from those logs through the rates pipeline, and the comparison of PRODUCT.md §6:
 * mean T_q (q = 0.5, 0.9, 1) against the simulation's 95 % interval, the coverage curve's largest
 * gap, the KS distance of the T_1 distributions, server downloads, offload and overhead.
 */
public final class CaseRunner {
    /** Coverage levels whose mean time is compared. */
    public static final double[] LEVELS = {0.5, 0.9, 1.0};
    /** Points of the coverage and CDF curves. */
    static final int CURVE_POINTS = 80;

    private final PipelineOptions pipeline;
    private final org.p2prollout.validation.sweep.SweepRunner runner;

    /** @param pipeline rates-pipeline options (range etc. matter only for traces; contact logs skip detection) */
    public CaseRunner(PipelineOptions pipeline) {
        this(pipeline, org.p2prollout.validation.sweep.SweepRunner.local());
    }

    /**
     * @param pipeline rates-pipeline options
     * @param runner   where the replications run (results do not depend on it)
     */
    public CaseRunner(PipelineOptions pipeline, org.p2prollout.validation.sweep.SweepRunner runner) {
        this.pipeline = pipeline;
        this.runner = runner;
    }

    public CaseRunner() {
        this(PipelineOptions.DEFAULT);
    }

    /** Runs the case; a case that cannot run comes back NOT_RUN with the reason, never as an exception. */
    public CaseResult run(CaseSpec spec, ProgressListener progress) {
        long started = System.nanoTime();
        Map<String, String> scenarioParams = scenarioParameters(spec.scenario());
        if (spec.contacts() != null) {
            scenarioParams.remove("mobility");
            scenarioParams.keySet().removeIf(k -> k.startsWith("area") || k.startsWith("speed")
                    || k.startsWith("scenario encounter rate"));
            scenarioParams.put("contacts", spec.contacts().describe());
        }
        if (spec.unavailable() != null) {
            return CaseResult.notRun(spec.name(), spec.description(), scenarioParams, spec.unavailable(), spec.notes());
        }
        if (spec.model() == ModelKind.OPEN_FLEET) {
            OpenFleetCase.addScenarioParameters(spec.scenario(), scenarioParams);
            try {
                return OpenFleetCase.run(spec, scenarioParams, progress);
            } catch (CaseNotRunnable e) {
                return CaseResult.notRun(spec.name(), spec.description(), scenarioParams, e.getMessage(), spec.notes());
            } catch (org.p2prollout.core.InvalidInputException | org.p2prollout.solver.NotConvergedException e) {
                return CaseResult.notRun(spec.name(), spec.description(), scenarioParams,
                        "cannot fit or simulate: " + e.getMessage(), spec.notes());
            }
        }
        SimulationResult sim;
        ModelFit fit;
        try {
            Scenario scenario = withContactLog(spec.scenario());
            sim = simulate(scenario, spec, progress, runner);
            ContactLogRates rates = ContactLogRates.of(sim, pipeline);
            if (!(rates.rate() > 0)) {
                throw new CaseNotRunnable("the simulation's contact logs hold no contacts: no encounter rate to fit");
            }
            fit = TrafficFit.withTraffic(spec.model().fit(sim, rates, spec.contacts() instanceof TraceContacts), sim,
                    rates);
        } catch (CaseNotRunnable | UnsupportedOperationException e) {
            return CaseResult.notRun(spec.name(), spec.description(), scenarioParams, e.getMessage(), spec.notes());
        } catch (org.p2prollout.core.InvalidInputException | org.p2prollout.solver.NotConvergedException e) {
            // e.g. a model that cannot spread (no contacts and no server), a log the pipeline rejects, numerics
            // that did not converge: this case cannot be compared, the others still run. Any other exception
            // is a bug and propagates.
            return CaseResult.notRun(spec.name(), spec.description(), scenarioParams,
                    "cannot fit or simulate: " + e.getMessage(), spec.notes());
        }
        return compare(spec, sim, fit, scenarioParams, (System.nanoTime() - started) / 1e9);
    }

    /** R replications, over the scenario's mobility or replaying the case's contacts, in parallel on the local cores. */
    static SimulationResult simulate(Scenario scenario, CaseSpec spec, ProgressListener progress) {
        return simulate(scenario, spec, progress, org.p2prollout.validation.sweep.SweepRunner.local());
    }

    /** R replications on {@code runner}; replication i draws from (the case's seed, i) wherever it runs. */
    static SimulationResult simulate(Scenario scenario, CaseSpec spec, ProgressListener progress,
                                     org.p2prollout.validation.sweep.SweepRunner runner) {
        if (spec.contacts() == null) {
            return Simulator.run(scenario, spec.seed(), spec.replications(), progress, runner);
        }
        int r = spec.replications();
        long seed = spec.seed();
        ContactSupply supply = spec.contacts();
        List<Integer> indices = java.util.stream.IntStream.range(0, r).boxed().toList();
        List<ReplicationResult> runs = runner.map(indices,
                i -> Simulator.replicate(scenario, seed, i, supply.contacts(seed, i)),
                (done, total, what) -> progress.progress(done, total, "replications"));
        return new SimulationResult(scenario, seed, runs, org.p2prollout.validation.sim.Summary.of(runs));
    }

    /** The comparison of a fitted model with a simulation; public so that notebooks can reuse it. */
    public static CaseResult compare(CaseSpec spec, SimulationResult sim, ModelFit fit,
                                     Map<String, String> scenarioParams, double seconds) {
        RolloutModel model = fit.model();
        List<ReplicationResult> runs = sim.replications();
        Tolerances tol = spec.tolerances();
        List<String> notes = new ArrayList<>(spec.notes());
        notes.addAll(fit.notes());
        List<Comparison> comparisons = new ArrayList<>();
        for (double q : LEVELS) {
            double[] simulated = runs.stream().mapToDouble(r -> r.rolloutTime(q)).toArray();
            Estimate e = Estimate.of(simulated);
            long missing = Arrays.stream(simulated).filter(Double::isNaN).count();
            if (missing > 0) {
                notes.add(org.p2prollout.model.text.Quantities.of(missing, runs.size(), "replication") + " did not reach " + label(q)
                        + " within the horizon; the mean is over the others");
            }
            comparisons.add(Comparison.of(label(q), "s", model.timeDistribution(q).mean(), e.mean(), e.ciLow(),
                    e.ciHigh(), tol.time(), true));
        }
        // server downloads in whole releases: pieces the server delivered / K
        double pieces = sim.scenario().release().pieces();
        Estimate downloads = Estimate.of(runs.stream().mapToDouble(r -> r.serverPieces() / pieces).toArray());
        var prediction = model.predict(1.0);
        boolean server = sim.scenario().server().rate() > 0;
        comparisons.add(Comparison.of("server downloads", "updates", prediction.serverDownloads(), downloads.mean(),
                downloads.ciLow(), downloads.ciHigh(), tol.serverDownloads(), server));
        Estimate offload = sim.summary().offload();
        comparisons.add(Comparison.of("offload", "share", prediction.offload(), offload.mean(), offload.ciLow(),
                offload.ciHigh(), tol.serverDownloads(), false));
        Estimate overhead = sim.summary().overheadRatio();
        comparisons.add(Comparison.of("overhead", "ratio", fit.predictedOverhead(), overhead.mean(), overhead.ciLow(),
                overhead.ciHigh(), tol.overhead(), Double.isFinite(fit.predictedOverhead())));

        double[] t1 = runs.stream().mapToDouble(r -> r.rolloutTime(1.0)).toArray();
        double horizon = horizon(sim, model, t1);
        double[] times = grid(horizon);
        Curve predictedCoverage = Curve.of(times, model.coverageCurve(times).fraction());
        Curve simulatedCoverage = simulatedCoverage(runs, times);
        TimeDistribution t1Model = model.timeDistribution(1.0);
        double[] cdf = Arrays.stream(times).map(t1Model::cdf).toArray();
        List<Check> checks = new ArrayList<>();
        double ks = Distances.kolmogorovSmirnov(t1Model::cdf, t1);
        if (t1Model.sd() > 0) {
            checks.add(new Check(CaseResult.KS_T1, ks, tol.ksLimit(runs.size())));
        } else {
            notes.add(String.format(Locale.ROOT, "the model's T_1 is deterministic (mean-field): KS distance %.3f"
                    + " reported, not checked", ks));
        }
        checks.add(new Check(CaseResult.COVERAGE_BEYOND_BAND,
                Distances.largestGapBeyondBand(predictedCoverage, simulatedCoverage), tol.coverageGap()));
        checks.add(Check.info(CaseResult.COVERAGE_GAP, Distances.largestGap(predictedCoverage, simulatedCoverage)));
        Map<String, String> params = new LinkedHashMap<>(scenarioParams);
        params.putAll(fit.parameters());
        params.put("replications R", Integer.toString(runs.size()));
        params.put("seed", Long.toString(spec.seed()));
        Map<String, Double> simulatedBytes = new LinkedHashMap<>();
        sim.summary().bytes().forEach((k, v) -> simulatedBytes.put(k, v.mean()));
        return CaseResult.ran(spec.name(), spec.description(), params, notes, runs.size(), comparisons, checks,
                predictedCoverage, simulatedCoverage, Curve.of(times, cdf), t1, fit.predictedBytes(), simulatedBytes,
                seconds);
    }

    static String label(double q) {
        return q == 1.0 ? "T_1" : "T_" + org.p2prollout.model.swarm.RolloutPrediction.levelKey(q);
    }

    /** Curves run to the last finished replication or the model's 99.9 % point of T_1, whichever is later, within the simulated time. */
    static double horizon(SimulationResult sim, RolloutModel model, double[] t1) {
        double last = Arrays.stream(t1).filter(x -> !Double.isNaN(x)).max().orElse(0);
        double modelTail;
        try {
            modelTail = model.timeDistribution(1.0).quantile(0.999);
        } catch (RuntimeException e) {
            modelTail = 0;
        }
        double h = Math.max(last, modelTail) * 1.05;
        double duration = sim.scenario().mobility().durationSeconds();
        return h > 0 ? Math.min(h, duration) : duration;
    }

    static double[] grid(double horizon) {
        double[] t = new double[CURVE_POINTS];
        for (int i = 0; i < t.length; i++) {
            t[i] = horizon * i / (t.length - 1);
        }
        return t;
    }

    /** Mean coverage over replications at each time with its 95 % interval (clipped to [0, 1]). */
    static Curve simulatedCoverage(List<ReplicationResult> runs, double[] times) {
        double[] mean = new double[times.length];
        double[] low = new double[times.length];
        double[] high = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            double t = times[i];
            Estimate e = Estimate.of(runs.stream().mapToDouble(r -> r.coverageAt(t)).toArray());
            mean[i] = e.mean();
            // identical values (e.g. all 0 or all 1) have a degenerate interval: the mean itself
            low[i] = Double.isNaN(e.ciLow()) ? e.mean() : Math.max(0, e.ciLow());
            high[i] = Double.isNaN(e.ciHigh()) ? e.mean() : Math.min(1, e.ciHigh());
        }
        return new Curve(times, mean, low, high);
    }

    static Scenario withContactLog(Scenario s) {
        if (s.mobility().recordContacts()) {
            return s;
        }
        return Records.with(s, "mobility", Records.with(s.mobility(), "recordContacts", true));
    }

    /** The scenario knobs shown in the report (the model does not use the mobility knobs). */
    public static Map<String, String> scenarioParameters(Scenario s) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("baseline", s.baseline().name());
        p.put("devices", Integer.toString(s.fleet().devices()));
        p.put("initial holders", Integer.toString(s.fleet().initialHolders()));
        p.put("free-rider share", fmt(s.fleet().freeRiderShare()));
        p.put("mobility", s.mobility().model().name() + (s.mobility().trace() != null ? " " + s.mobility().trace() : ""));
        p.put("simulated seconds", fmt(s.mobility().durationSeconds()));
        if (s.mobility().model() == Scenario.MobilityModel.CONTACT_PROCESS) {
            p.put("scenario encounter rate per pair per second", fmt(s.mobility().encounterRate()));
        } else if (s.mobility().model() != Scenario.MobilityModel.TRACE) {
            p.put("area m", fmt(s.mobility().areaWidthMeters()) + " x " + fmt(s.mobility().areaHeightMeters()));
            p.put("speed m/s", fmt(s.mobility().speedMinMetersPerSecond()) + " .. " + fmt(s.mobility().speedMaxMetersPerSecond()));
        }
        p.put("radio range m", fmt(s.radio().rangeMeters()));
        p.put("instantaneous transfers", Boolean.toString(s.radio().instantaneous()));
        p.put("update bytes", Long.toString(s.release().sizeBytes()));
        p.put("pieces K", Integer.toString(s.release().pieces()));
        p.put("policy", s.protocol().policy().label());
        p.put("protocol", s.protocol().implementation().name());
        p.put("server rate μ per second", fmt(s.server().rate()));
        return p;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e12 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
