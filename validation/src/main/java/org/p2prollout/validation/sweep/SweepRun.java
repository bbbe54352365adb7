package org.p2prollout.validation.sweep;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.validation.sim.ReplicationResult;
import org.p2prollout.validation.sim.Simulator;
import org.p2prollout.validation.sim.TraceReplay;
import org.p2prollout.validation.sim.scenario.Scenario;

/**
 * Runs a sweep on a {@link SweepRunner} into an output folder, resuming: points whose rows are
 * already in the folder's points.csv are skipped. The work is cut into units, one prediction per
 * point and one simulated replication per point and replication, mapped in batches of whole
 * points; after each batch points.csv is rewritten (atomically) with every row so far, so a run
 * stopped midway loses at most one batch. A batch ships its points and the trace replays they
 * need once to the runner's workers (the shared input) and the units name them by index.
 * summary.csv and the charts follow from all rows once every point is done.
 */
public final class SweepRun {
    /** Most batches a sweep is cut into (points.csv is rewritten after each). */
    static final int MAX_BATCHES = 20;
    /** Units per worker a batch holds at least, so that every batch keeps the workers busy. */
    static final int UNITS_PER_WORKER = 8;

    private SweepRun() {
    }

    /**
     * What a run did.
     *
     * @param pointsRun     points computed by this run
     * @param pointsSkipped points already in points.csv
     * @param unitsRun      predictions and replications computed
     * @param seconds       wall time of this run, seconds (reading, computing, writing)
     * @param computeSeconds wall time inside the runner's maps, seconds
     * @param points        points.csv
     * @param summary       summary.csv
     * @param charts        chart files written
     * @param notes         what the reader should know (e.g. why there are no charts)
     */
    public record Outcome(int pointsRun, int pointsSkipped, long unitsRun, double seconds, double computeSeconds,
                          Path points, Path summary, List<Path> charts, List<String> notes) {
    }

    /** One unit of work: the prediction of a batch's point, or one replication of it. */
    record Unit(int point, int replication, boolean predict) implements Serializable {
    }

    /** What every unit of a batch shares: the batch's points and the trace replays they use, by key. */
    record Inputs(List<SweepPoint> points, Map<String, TraceReplay> traces) implements Serializable {
    }

    /** A unit's answer. */
    record Answer(Metrics metrics) implements Serializable {
    }

    public static Outcome run(SweepSpec spec, SweepRunner runner, Path out, ProgressListener progress)
            throws IOException {
        long started = System.nanoTime();
        Path pointsFile = out.resolve(SweepFiles.POINTS);
        Map<Integer, List<SweepRow>> byPoint = new TreeMap<>();
        for (SweepRow r : SweepFiles.readPoints(spec, pointsFile)) {
            byPoint.computeIfAbsent(r.point(), k -> new ArrayList<>()).add(r);
        }
        // a point counts as done only with all its rows
        byPoint.values().removeIf(rows -> rows.size() != spec.replications());
        List<SweepPoint> todo = spec.points().stream().filter(p -> !byPoint.containsKey(p.index())).toList();
        int skipped = spec.points().size() - todo.size();
        int total = spec.points().size();
        progress.progress(skipped, total, "points");

        Map<String, TraceReplay> traces = new HashMap<>();
        if (spec.compute().simulates()) {
            for (SweepPoint p : todo) {
                if (p.scenario().mobility().model() == Scenario.MobilityModel.TRACE) {
                    traces.computeIfAbsent(traceKey(p.scenario()), k -> TraceReplay.load(p.scenario(),
                            ProgressListener.NONE));
                }
            }
        }
        int perPoint = spec.unitsPerPoint();
        long unitsTotal = (long) todo.size() * perPoint;
        long batchUnits = Math.max((long) runner.parallelism() * UNITS_PER_WORKER,
                (unitsTotal + MAX_BATCHES - 1) / MAX_BATCHES);
        int pointsPerBatch = (int) Math.max(1, Math.min(todo.size(), batchUnits / perPoint));
        long computeNanos = 0;
        long unitsRun = 0;
        int done = skipped;
        for (int from = 0; from < todo.size(); from += pointsPerBatch) {
            List<SweepPoint> batch = todo.subList(from, Math.min(todo.size(), from + pointsPerBatch));
            Map<String, TraceReplay> used = new LinkedHashMap<>();
            List<Unit> units = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                SweepPoint p = batch.get(i);
                if (spec.compute().predicts()) {
                    units.add(new Unit(i, 0, true));
                }
                if (spec.compute().simulates()) {
                    if (p.scenario().mobility().model() == Scenario.MobilityModel.TRACE) {
                        String key = traceKey(p.scenario());
                        used.put(key, traces.get(key));
                    }
                    for (int r = 0; r < spec.replications(); r++) {
                        units.add(new Unit(i, r, false));
                    }
                }
            }
            int before = done;
            int size = batch.size();
            int unitCount = units.size();
            long t0 = System.nanoTime();
            List<Answer> answers = runner.map(new Inputs(List.copyOf(batch), used), units, SweepRun::compute,
                    (d, all, what) -> progress.progress(before + (int) (d * size / Math.max(1, unitCount)), total,
                            "points"));
            computeNanos += System.nanoTime() - t0;
            unitsRun += units.size();
            Map<Integer, Metrics> predicted = new HashMap<>();
            Map<Integer, Metrics[]> simulated = new HashMap<>();
            for (int u = 0; u < units.size(); u++) {
                Unit unit = units.get(u);
                int point = batch.get(unit.point()).index();
                if (unit.predict()) {
                    predicted.put(point, answers.get(u).metrics());
                } else {
                    simulated.computeIfAbsent(point, k -> new Metrics[spec.replications()])[unit.replication()] =
                            answers.get(u).metrics();
                }
            }
            for (SweepPoint p : batch) {
                List<SweepRow> rows = new ArrayList<>();
                for (int r = 0; r < spec.replications(); r++) {
                    rows.add(new SweepRow(p.index(), r, predicted.get(p.index()),
                            spec.compute().simulates() ? simulated.get(p.index())[r] : null));
                }
                byPoint.put(p.index(), rows);
            }
            done += batch.size();
            SweepFiles.writePoints(spec, all(byPoint), pointsFile);
            progress.progress(done, total, "points");
        }
        if (todo.isEmpty()) {
            // rewrite anyway: the same bytes, and a file that exists even for a sweep of no work
            SweepFiles.writePoints(spec, all(byPoint), pointsFile);
        }
        Path summaryFile = out.resolve(SweepFiles.SUMMARY);
        SweepFiles.writeSummary(spec, byPoint, summaryFile);
        List<String> notes = new ArrayList<>();
        List<Path> charts = SweepCharts.write(spec, byPoint, out.resolve("charts"), notes);
        return new Outcome(todo.size(), skipped, unitsRun, (System.nanoTime() - started) / 1e9, computeNanos / 1e9,
                pointsFile, summaryFile, charts, notes);
    }

    private static List<SweepRow> all(Map<Integer, List<SweepRow>> byPoint) {
        List<SweepRow> rows = new ArrayList<>();
        byPoint.values().forEach(rows::addAll);
        return rows;
    }

    /** A unit's metrics: a pure function of the batch's inputs and the unit (its point's seed, its replication). */
    static Answer compute(Inputs in, Unit u) {
        SweepPoint p = in.points().get(u.point());
        if (u.predict()) {
            return new Answer(Metrics.predict(p.model()));
        }
        return new Answer(Metrics.of(simulate(p.scenario(), p.seed(), u.replication(), in.traces())));
    }

    /** Replication {@code r} of a point's scenario, replaying its trace's contacts when it has one. */
    static ReplicationResult simulate(Scenario sc, long seed, int r, Map<String, TraceReplay> traces) {
        List<Contact> contacts = null;
        if (sc.mobility().model() == Scenario.MobilityModel.TRACE) {
            TraceReplay replay = traces.get(traceKey(sc));
            sc = sc.withDevices(replay.devices());
            contacts = replay.contacts();
        }
        return Simulator.replicateOnCallingThread(sc, seed, r, contacts);
    }

    /** The settings a trace replay depends on: points that agree on them share one replay. */
    static String traceKey(Scenario sc) {
        Scenario.Mobility m = sc.mobility();
        return m.trace() + "|" + m.traceFormat() + "|" + sc.radio().rangeMeters() + "|" + m.stepSeconds() + "|"
                + m.durationSeconds() + "|" + m.traceMaxDevices();
    }

    /** One point computed alone, outside any runner: what a row of points.csv must equal. */
    public static List<SweepRow> computeAlone(SweepSpec spec, SweepPoint p) {
        Map<String, TraceReplay> traces = new HashMap<>();
        if (spec.compute().simulates() && p.scenario().mobility().model() == Scenario.MobilityModel.TRACE) {
            traces.put(traceKey(p.scenario()), TraceReplay.load(p.scenario(), ProgressListener.NONE));
        }
        Metrics predicted = spec.compute().predicts() ? Metrics.predict(p.model()) : null;
        List<SweepRow> rows = new ArrayList<>();
        for (int r = 0; r < spec.replications(); r++) {
            rows.add(new SweepRow(p.index(), r, predicted, spec.compute().simulates()
                    ? Metrics.of(simulate(p.scenario(), p.seed(), r, traces)) : null));
        }
        return rows;
    }
}
