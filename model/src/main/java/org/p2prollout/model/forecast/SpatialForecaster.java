package org.p2prollout.model.forecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.p2prollout.model.spatial.SpatialFitter;
import org.p2prollout.model.spatial.SpatialMeanField;
import org.p2prollout.model.spatial.SpatialModel;
import org.p2prollout.model.spatial.SpatialOptions;
import org.p2prollout.model.spread.FleetTrace;
import org.p2prollout.model.spread.LevelTimes;
import org.p2prollout.model.spread.ReleasePlan;
import org.p2prollout.model.spread.TimeSample;
import org.p2prollout.model.spread.TraceTruth;
import org.p2prollout.solver.InvalidInputException;
import org.p2prollout.solver.ProgressListener;

/**
 * Forecasts with the spatial time-varying chain (PRODUCT.md §4.7): fits a {@link SpatialModel} on
 * the training windows and solves releases sampled over the question's release hours (stratified
 * phases; the source zone drawn by the occupancy at that phase) with the {@link SpatialMeanField}
 * (a stochastic phase of the first holders, then the mean-field ODE). Release i is a pure function
 * of (model, question, i).
 */
public final class SpatialForecaster implements Forecaster {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** Default number of releases solved (each costs one ODE solve). */
    public static final int DEFAULT_RELEASES = 1000;

    private final SpatialOptions options;
    private final int maxReleases;

    /**
     * @param options     the chain's settings
     * @param maxReleases most releases solved, {@code >= 1} (the question's count is capped at it)
     */
    public SpatialForecaster(SpatialOptions options, int maxReleases) {
        this.options = options;
        this.maxReleases = org.p2prollout.solver.Checks.inRange("model releases", maxReleases, 1, 10_000_000);
    }

    public SpatialForecaster() {
        this(SpatialOptions.DEFAULT, DEFAULT_RELEASES);
    }

    @Override
    public ForecastModel model() {
        return ForecastModel.SPATIAL;
    }

    @Override
    public Forecast forecast(FleetTrace trace, List<double[]> training, ForecastQuestion q, ProgressListener progress) {
        long t0 = System.nanoTime();
        SpatialModel m = new SpatialFitter(options).fit(trace, training);
        long t1 = System.nanoTime();
        return forecast(m, q, progress, (t1 - t0) / 1e9);
    }

    /** Forecast from a fitted model. */
    public Forecast forecast(SpatialModel m, ForecastQuestion q, ProgressListener progress, double fitSeconds) {
        long t1 = System.nanoTime();
        if (q.transfer() > 0) {
            throw new InvalidInputException("the spatial chain has no contact durations: a transfer time (--update-bytes"
                    + " with --bandwidth) is answered by --model replay only");
        }
        SpatialMeanField mf = new SpatialMeanField(m, q.serverRate(), q.fleetScale(), q.rangeFactor());
        int period = mf.periodHalfSteps();
        double halfStep = mf.step() / 2;
        int daysInPeriod = m.clock().slots() / 24;
        int r = Math.min(q.releases(), maxReleases);
        double[] levels = q.levels();
        double[][] res = new double[r][];
        double[][] corrected = new double[r][];
        double[] eligible = new double[r];
        AtomicLong done = new AtomicLong();
        // Latin hypercube over (release phase, source): phase stratum i, source stratum perm[i], so that
        // neither the time of day nor the source's zone adds sampling noise beyond one release per stratum
        int[] perm = new int[r];
        SplittableRandom shuffle = new SplittableRandom(TraceTruthSeeds.mix(q.seed() ^ 0x6C8E9CF570932BD5L));
        for (int i = 0; i < r; i++) {
            perm[i] = i;
        }
        for (int i = r - 1; i > 0; i--) {
            int k = shuffle.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[k];
            perm[k] = t;
        }
        IntStream.range(0, r).parallel().forEach(i -> {
            SplittableRandom rng = new SplittableRandom(TraceTruthSeeds.mix(q.seed() + GOLDEN * (i + 1L)));
            // stratified over the release hours: phase i/r of the window, jittered within its stratum
            double u = (i + rng.nextDouble()) / r;
            int day = daysInPeriod == 1 ? 0 : rng.nextInt(daysInPeriod);
            double hour = q.releaseFromHour() + u * (q.releaseToHour() - q.releaseFromHour());
            int j = (int) Math.floor((day * 24 + hour) * 3600 / halfStep) % period;
            double[] n = mf.occupancy(j);
            double present = mf.present(j);
            int source = -1;
            if (present >= q.initialHolders()) {
                double pick = (perm[i] + rng.nextDouble()) / r * present;
                for (int z = 0; z < m.zoneCount(); z++) {
                    pick -= n[z];
                    if (pick <= 0) {
                        source = z;
                        break;
                    }
                }
                if (source < 0) {
                    source = m.zoneCount() - 1;
                }
            }
            double e = mf.eligible(j, q.horizon());
            eligible[i] = e;
            double[] targets = new double[levels.length];
            for (int l = 0; l < levels.length; l++) {
                targets[l] = TraceTruth.needed(levels[l], (int) Math.round(e));
            }
            if (source < 0) {
                res[i] = new double[levels.length];
                java.util.Arrays.fill(res[i], Double.NaN);
                corrected[i] = res[i];
            } else {
                double[] tau = new double[1];
                res[i] = mf.release(j, source, q.initialHolders(), targets, q.horizon(), rng, tau);
                corrected[i] = controlVariate(mf, j, source, q, res[i], tau[0],
                        new SplittableRandom(TraceTruthSeeds.mix(q.seed() * 31 + GOLDEN * (i + 1L) + 7)));
            }
            long d = done.incrementAndGet();
            if (d % 50 == 0 || d == r) {
                progress.progress(d, r, "solving the spatial chain");
            }
        });
        Map<String, TimeSample> samples = new LinkedHashMap<>();
        Map<String, LevelTimes> times = new LinkedHashMap<>();
        for (int l = 0; l < levels.length; l++) {
            double[] v = new double[r];
            for (int i = 0; i < r; i++) {
                v[i] = res[i][l];
            }
            TimeSample s = TimeSample.of(v);
            String key = ReleasePlan.key(levels[l]);
            samples.put(key, s);
            double[] c = new double[r];
            for (int i = 0; i < r; i++) {
                c[i] = corrected[i][l];
            }
            LevelTimes cv = LevelTimes.of(TimeSample.of(c));
            LevelTimes raw = LevelTimes.of(s);
            times.put(key, new LevelTimes(cv.mean(), raw.median(), cv.low(), cv.high(), raw.reached()));
        }
        double fleet = java.util.Arrays.stream(eligible).average().orElse(Double.NaN);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("zones", m.zoneCount());
        details.put("states", m.states());
        details.put("cellMeters", m.options().cellMeters());
        details.put("slots", m.clock().slots());
        details.put("fleetFitted", m.fleet());
        details.put("encounters", m.encounters());
        details.put("pooledEncounterRate", m.pooledRate());
        details.put("earlyHolders", m.options().earlyHolders());
        details.put("releasesSolved", r);
        details.put("fitSeconds", fitSeconds);
        details.put("solveSeconds", (System.nanoTime() - t1) / 1e9);
        List<String> assumptions = List.of(
                "devices move between " + m.zoneCount() + " zones of " + fmt(m.options().cellMeters())
                        + " m and absent states by a Markov chain whose rates depend on the hour"
                        + (m.clock().slots() == 24 ? " of day" : " of week"),
                "two devices meet only in the same zone, at that zone's encounter rate (scaled per hour); within a zone"
                        + " devices are well mixed",
                "the first " + m.options().earlyHolders() + " holders are followed one by one, then a mean-field ODE"
                        + " (a large-fleet approximation) takes over",
                "every device of the fleet moves by the same chain (no device classes)");
        List<String> warnings = new ArrayList<>();
        if (q.fleetScale() != 1) {
            warnings.add("fleet scaled x" + fmt(q.fleetScale()) + " at the same density per zone: encounter rates per pair"
                    + " are kept, so co-located devices meet as often as before");
        }
        if (q.rangeFactor() != 1) {
            warnings.add("radio range x" + fmt(q.rangeFactor()) + " applied as the same factor on encounter rates (moving"
                    + " devices: rate ~ range); re-fit with --range for a measured answer");
        }
        return new Forecast(ForecastModel.SPATIAL, "spatial mean-field ODE after a stochastic phase of the first "
                + m.options().earlyHolders() + " holders (" + r + " releases)", times, samples, fleet,
                "Student-t 95 % interval over the " + r + " solved releases, means with the early phase's length as a"
                        + " control variate (" + EARLY_DRAWS + " draws per release); Monte Carlo only: the model's own"
                        + " error is measured on held-out days, see docs/MODELS.md",
                assumptions, warnings, details);
    }

    /** Draws of the early phase's length per release: the control variate of the mean. */
    static final int EARLY_DRAWS = 32;

    /**
     * T_q less this release's early-phase length plus the mean of {@link #EARLY_DRAWS} fresh draws of
     * it (same phase and source): unbiased for the mean of T_q, with the early phase's randomness
     * (a night release's first holders may wait hours) averaged out. Times reached within the early
     * phase are kept as they are.
     */
    private static double[] controlVariate(SpatialMeanField mf, int j, int source, ForecastQuestion q, double[] t, double tau,
                                           SplittableRandom rng) {
        if (!Double.isFinite(tau) || tau == 0) {
            return t;
        }
        double sum = 0;
        for (int m = 0; m < EARLY_DRAWS; m++) {
            double d = mf.earlyPhaseSeconds(j, source, q.initialHolders(), q.horizon(), rng);
            if (!Double.isFinite(d)) {
                return t; // a draw never handed over: no correction for this release
            }
            sum += d;
        }
        double shift = sum / EARLY_DRAWS - tau;
        double[] c = t.clone();
        for (int l = 0; l < c.length; l++) {
            if (Double.isFinite(c[l]) && c[l] >= tau) {
                c[l] += shift;
            }
        }
        return c;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** Seed mixing shared with the truth (SplitMix64 finaliser). */
    static final class TraceTruthSeeds {
        private TraceTruthSeeds() {
        }

        static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }
}
