package org.p2prollout.model.forecast;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.p2prollout.model.spread.FleetTrace;
import org.p2prollout.model.spread.LevelTimes;
import org.p2prollout.model.spread.ReleasePlan;
import org.p2prollout.model.spread.TimeSample;
import org.p2prollout.model.spread.TraceTruth;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;

/**
 * The replay forecast (PRODUCT.md §4.7): the trace truth of the training days, pooled, offered as
 * the forecast of another day; its interval is a bootstrap over training days (days drawn with
 * replacement, the pooled mean recomputed). Releases cut short by the trace's end or a recording
 * outage enter through the per-hour Kaplan–Meier estimate ({@link TimeSample#kaplanMeier}).
 *
 * <p>It needs no model and is the baseline every model is compared with; it cannot answer
 * another fleet size or radio range ({@link ForecastQuestion#needsModel()}), and it forecasts a
 * day like the training days: a weekday from weekdays, not a holiday.
 */
public final class ReplayForecaster implements Forecaster {
    /** Bootstrap resamples of the training days. */
    public static final int BOOTSTRAP = 400;

    @Override
    public ForecastModel model() {
        return ForecastModel.REPLAY;
    }

    @Override
    public Forecast forecast(FleetTrace trace, List<double[]> training, ForecastQuestion q, ProgressListener progress) {
        return replay(trace, training, q, progress, true);
    }

    /** The replay; {@code bootstrap} false skips the interval over days (the truth has its own). */
    private Forecast replay(FleetTrace trace, List<double[]> training, ForecastQuestion q, ProgressListener progress,
                            boolean bootstrap) {
        if (q.needsModel()) {
            throw new InvalidInputException("a replay cannot answer 'fleetScale' or 'rangeFactor' (the trace has one fleet"
                    + " and one radio range); use 'model' spatial or pairs");
        }
        ZoneId zone = trace.zone();
        List<double[]> days = TrainingWindows.byDay(training, zone);
        TraceTruth truth = TraceTruth.of(trace);
        int perDay = Math.max(100, (int) Math.ceil((double) q.releases() / days.size()));
        List<List<TraceTruth.Release>> byDay = new ArrayList<>();
        int di = 0;
        for (double[] d : days) {
            double[] w = releaseWindow(d, q, zone);
            if (w == null) {
                byDay.add(List.of());
                continue;
            }
            ReleasePlan plan = q.plan(w[0], w[1]).withReleases(perDay).withSeed(q.seed() * 1_000_003L + di++);
            byDay.add(truth.run(plan, ProgressListener.NONE).releases());
            progress.progress(di, days.size(), "replaying training days");
        }
        double[] levels = q.levels();
        Map<String, TimeSample> samples = new LinkedHashMap<>();
        Map<String, LevelTimes> times = new LinkedHashMap<>();
        List<TraceTruth.Release> all = new ArrayList<>();
        byDay.forEach(all::addAll);
        if (all.isEmpty()) {
            throw new InvalidInputException("the training window has no release time with a device present in the release"
                    + " hours " + q.releaseFromHour() + ".." + q.releaseToHour());
        }
        double[][] boot = bootstrap ? bootstrap(byDay, levels.length, q.seed()) : new double[levels.length][0];
        for (int l = 0; l < levels.length; l++) {
            TimeSample s = pooled(all, l);
            String key = ReleasePlan.key(levels[l]);
            samples.put(key, s);
            double[] b = boot[l].clone();
            java.util.Arrays.sort(b);
            double lo = b.length == 0 ? Double.NaN : b[(int) Math.floor(0.025 * (b.length - 1))];
            double hi = b.length == 0 ? Double.NaN : b[(int) Math.ceil(0.975 * (b.length - 1))];
            times.put(key, new LevelTimes(s.mean(), s.median(), lo, hi, s.reachedShare()));
        }
        long censored = all.stream().filter(TraceTruth.Release::censored).count();
        double fleet = all.stream().mapToInt(TraceTruth.Release::eligible).average().orElse(Double.NaN);
        List<String> warnings = new ArrayList<>();
        if (censored > 0) {
            warnings.add(String.format(java.util.Locale.ROOT, "%.0f %% of the replayed releases were cut short by the"
                    + " trace's end or a recording outage; they enter through per-hour Kaplan-Meier estimates",
                    100.0 * censored / all.size()));
        }
        for (double[] o : trace.outages()) {
            for (double[] d : days) {
                if (o[0] < d[1] + q.horizon() && o[1] > d[0]) {
                    warnings.add("recording outage " + TrainingWindows.describe(o, zone)
                            + " falls within the follow-up of training day " + TrainingWindows.describe(d, zone));
                    break;
                }
            }
        }
        if (days.size() < 3) {
            warnings.add("only " + days.size() + " training day(s): the bootstrap interval over days is crude");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("trainingDays", days.size());
        details.put("releases", all.size());
        details.put("censoredShare", (double) censored / all.size());
        return new Forecast(ForecastModel.REPLAY, "trace truth of " + days.size() + " training day(s), " + all.size()
                + " releases, pooled", times, samples, fleet,
                "bootstrap over training days (" + BOOTSTRAP + " resamples), 2.5 and 97.5 percentiles of the pooled mean",
                List.of("the forecast day is like the training days (same fleet, same kind of day)",
                        "earliest arrival over the trace's own contacts: instantaneous transfer unless a transfer time is given"),
                warnings, details);
    }

    /**
     * The trace truth of windows (e.g. a held-out test day): the same sampling as the replay, reported
     * as the truth, with a Monte Carlo interval over its releases (how well the releases pin down this
     * window's mean) instead of the bootstrap over days.
     */
    public Forecast truth(FleetTrace trace, List<double[]> windows, ForecastQuestion q) {
        Forecast f = replay(trace, windows, q, ProgressListener.NONE, false);
        Map<String, LevelTimes> times = new LinkedHashMap<>();
        f.levels().forEach((k, s) -> times.put(k, LevelTimes.of(s)));
        List<String> warnings = f.warnings().stream().filter(w -> !w.contains("bootstrap")).toList();
        return new Forecast(ForecastModel.REPLAY, "trace truth: " + f.method(), times, f.levels(), f.fleet(),
                "Student-t 95 % interval over the window's releases (Monte Carlo)", List.of(
                        "earliest arrival over the trace's own contacts"), warnings, f.details());
    }

    /** The release window of a day: the question's local hours within it, or null when empty. */
    static double[] releaseWindow(double[] day, ForecastQuestion q, ZoneId zone) {
        double midnight = Instant.ofEpochSecond((long) Math.floor(day[0])).atZone(zone).toLocalDate()
                .atStartOfDay(zone).toEpochSecond();
        double a = Math.max(day[0], midnight + q.releaseFromHour() * 3600);
        double b = Math.min(day[1], midnight + q.releaseToHour() * 3600);
        return b > a ? new double[] {a, b} : null;
    }

    private static TimeSample pooled(List<TraceTruth.Release> releases, int level) {
        int n = releases.size();
        double[] t = new double[n];
        double[] obs = new double[n];
        int[] strata = new int[n];
        for (int i = 0; i < n; i++) {
            TraceTruth.Release r = releases.get(i);
            t[i] = r.times()[level];
            obs[i] = r.observed();
            strata[i] = r.hour();
        }
        return TimeSample.kaplanMeier(t, obs, strata, 24);
    }

    private static double[][] bootstrap(List<List<TraceTruth.Release>> byDay, int levels, long seed) {
        List<List<TraceTruth.Release>> days = byDay.stream().filter(d -> !d.isEmpty()).toList();
        double[][] out = new double[levels][BOOTSTRAP];
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int b = 0; b < BOOTSTRAP; b++) {
            List<TraceTruth.Release> pick = new ArrayList<>();
            for (int i = 0; i < days.size(); i++) {
                pick.addAll(days.get(rng.nextInt(days.size())));
            }
            for (int l = 0; l < levels; l++) {
                out[l][b] = pooled(pick, l).mean();
            }
        }
        return out;
    }
}
