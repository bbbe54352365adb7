package org.p2prollout.model.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.p2prollout.model.spatial.SpatialChain;
import org.p2prollout.model.spatial.SpatialChainOptions;
import org.p2prollout.model.spatial.SpatialFitter;
import org.p2prollout.model.spatial.SpatialMeanField;
import org.p2prollout.model.spatial.SpatialModel;
import org.p2prollout.model.spatial.SpatialOptions;
import org.p2prollout.model.spread.FleetTrace;
import org.p2prollout.model.spread.LevelTimes;
import org.p2prollout.model.spread.ReleasePlan;
import org.p2prollout.model.spread.TimeSample;
import org.p2prollout.model.spread.TraceTruth;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;

/**
 * Forecasts with the spatial time-varying chain (PRODUCT.md §4.7): fits a {@link SpatialModel} on
 * the training windows, then
 * <ul>
 *   <li>for a small fleet, solves the exact chain ({@link SpatialChain}: counts of holders and
 *       non-holders per zone and absent state, piecewise uniformisation over the hours), whose T_q
 *       distribution carries a proven uniformisation bound; the forecast's {@code method} says
 *       "exact CTMC, uniformisation error &lt;= ε";</li>
 *   <li>when that chain is beyond the limits of {@link SpatialChainOptions} (states, stored entries,
 *       work), or exact solving is switched off, solves releases sampled over the question's release
 *       hours (stratified phases; the source zone drawn by the occupancy at that phase) with the
 *       {@link SpatialMeanField} (a stochastic phase of the first holders, then the mean-field ODE, a
 *       large-fleet approximation); the {@code method} says "mean-field ODE, approximation" and a
 *       warning says why the exact chain was not used. Release i is a pure function of
 *       (model, question, i).</li>
 * </ul>
 * {@code details.method} is {@code exact-ctmc} or {@code mean-field}.
 */
public final class SpatialForecaster implements Forecaster {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** Default number of releases solved (each costs one ODE solve). */
    public static final int DEFAULT_RELEASES = 1000;

    /** Quantile atoms of an exact forecast's distribution of T_q per level. */
    static final int EXACT_ATOMS = 400;

    private final SpatialOptions options;
    private final int maxReleases;
    private final SpatialChainOptions exact;

    /**
     * @param options     the chain's settings
     * @param maxReleases most releases solved by the mean field, {@code >= 1} (the question's count is capped at it)
     * @param exact       limits and accuracy of the exact chain, or null to always use the mean field
     */
    public SpatialForecaster(SpatialOptions options, int maxReleases, SpatialChainOptions exact) {
        this.options = options;
        this.maxReleases = org.p2prollout.core.Checks.inRange("model releases", maxReleases, 1, 10_000_000);
        this.exact = exact;
    }

    /** The exact chain for fleets within {@link SpatialChainOptions#DEFAULT}, else the mean field. */
    public SpatialForecaster(SpatialOptions options, int maxReleases) {
        this(options, maxReleases, SpatialChainOptions.DEFAULT);
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
            throw new InvalidInputException("the spatial chain has no contact durations: a transfer time ('updateBytes'"
                    + " with 'bandwidth') is answered by 'model' replay only");
        }
        String fallback = null;
        if (exact != null) {
            SpatialChain.Question cq = new SpatialChain.Question(q.horizon(), q.initialHolders(), q.serverRate(),
                    q.fleetScale(), q.rangeFactor(), q.levels(), q.releaseFromHour(), q.releaseToHour());
            if (SpatialChain.farTooLarge(m, exact, cq)) {
                fallback = "the exact chain of about " + Math.round(m.fleet() * q.fleetScale()) + " devices would be"
                        + " far beyond " + exact.maxStates() + " states";
            } else {
                SpatialChain chain = new SpatialChain(m, exact, cq);
                SpatialChain.Sizing size = chain.sizing();
                if (size.fits()) {
                    return exactForecast(m, chain, q, progress, fitSeconds, t1);
                }
                fallback = size.reason();
            }
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
        details.put("method", "mean-field");
        details.put("zones", m.zoneCount());
        details.put("states", m.states());
        modelDetails(m, details);
        details.put("earlyHolders", m.options().earlyHolders());
        details.put("releasesSolved", r);
        details.put("fitSeconds", fitSeconds);
        details.put("solveSeconds", (System.nanoTime() - t1) / 1e9);
        List<String> assumptions = List.of(movementAssumption(m), MEETING_ASSUMPTION,
                "the first " + m.options().earlyHolders() + " holders are followed one by one, then a mean-field ODE"
                        + " (a large-fleet approximation) takes over",
                "every device of the fleet moves by the same chain (no device classes)");
        if (fallback != null) {
            details.put("exactChainNotUsed", fallback);
        }
        List<String> warnings = whatIfWarnings(q);
        if (fallback != null) {
            warnings.add(0, "mean-field ODE, an approximation for large fleets, because " + fallback
                    + " (exact-chain limits: SpatialChainOptions)");
        }
        if (Arrays.stream(levels).anyMatch(l -> l > 0.95)) {
            warnings.add("levels above 0.95 are not reliable from the mean field: measured T_0.99 -35 % on the cab week"
                    + " and +54 % on a synthetic week of shift workers (T_0.5 and T_0.9 there within 3 % and 25 %; docs/MODELS.md)");
        }
        return new Forecast(ForecastModel.SPATIAL, "spatial mean-field ODE, approximation: after a stochastic phase of"
                + " the first " + m.options().earlyHolders() + " holders (" + r + " releases)", times, samples, fleet,
                "Student-t 95 % interval over the " + r + " solved releases, means with the early phase's length as a"
                        + " control variate (" + EARLY_DRAWS + " draws per release); Monte Carlo only: the model's own"
                        + " error is measured on held-out days, see docs/MODELS.md",
                assumptions, warnings, details);
    }

    /**
     * The exact chain's forecast: per level the mean over releases reaching q within the horizon (interval: the
     * uniformisation bound on it), the median (CDF interpolated on the grid), the share reached, and the distribution
     * as {@link #EXACT_ATOMS} quantile atoms.
     */
    private static Forecast exactForecast(SpatialModel m, SpatialChain chain, ForecastQuestion q, ProgressListener progress,
                                          double fitSeconds, long t1) {
        SpatialChain.Result res = chain.solve(progress);
        double[] levels = q.levels();
        Map<String, TimeSample> samples = new LinkedHashMap<>();
        Map<String, LevelTimes> times = new LinkedHashMap<>();
        for (int l = 0; l < levels.length; l++) {
            String key = ReleasePlan.key(levels[l]);
            samples.put(key, res.sample(l, EXACT_ATOMS));
            double mean = res.mean()[l];
            double b = res.meanErrorBound()[l];
            times.put(key, new LevelTimes(mean, res.median(l), mean - b, mean + b, res.reached(l)));
        }
        double eps = res.largestErrorBound();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", "exact-ctmc");
        details.put("zones", m.zoneCount());
        details.put("states", m.states());
        details.put("deviceStates", res.deviceStates());
        details.put("devices", res.devices());
        details.put("chainStates", res.states());
        details.put("cdfErrorBound", eps);
        details.put("releaseTimes", res.phases());
        details.put("solves", res.solves());
        details.put("uniformisationSteps", res.steps());
        modelDetails(m, details);
        details.put("fitSeconds", fitSeconds);
        details.put("solveSeconds", (System.nanoTime() - t1) / 1e9);
        List<String> assumptions = List.of(movementAssumption(m), MEETING_ASSUMPTION,
                "the exact chain of " + res.devices() + " exchangeable devices (holders and non-holders per zone and"
                        + " absent state, " + res.states() + " states): no large-fleet approximation",
                "T_q counts ceil(q M) holders, M the chain's expected number of devices present within the horizon,"
                        + " rounded (" + fmt(res.eligible()) + " on average)",
                "every device of the fleet moves by the same chain (no device classes)");
        return new Forecast(ForecastModel.SPATIAL, String.format(Locale.ROOT, "spatial exact CTMC, uniformisation error"
                        + " <= %s on every CDF value (%d devices, %d states, %d release times)",
                eps == 0 ? "0" : String.format(Locale.ROOT, "%.2g", eps),
                res.devices(), res.states(), res.phases()), times, samples, res.eligible(),
                "the uniformisation bound on the mean (the model is otherwise solved exactly); release times by the"
                        + " midpoint rule over " + res.phases() + " times, medians interpolated on a "
                        + fmt(res.times()[1] - res.times()[0]) + " s grid; the model's own error is measured on held-out"
                        + " days, see docs/MODELS.md",
                assumptions, whatIfWarnings(q), details);
    }

    private static List<String> whatIfWarnings(ForecastQuestion q) {
        List<String> warnings = new ArrayList<>();
        if (q.fleetScale() != 1) {
            warnings.add("fleet scaled x" + fmt(q.fleetScale()) + " at the same density per zone: encounter rates per pair"
                    + " are kept, so co-located devices meet as often as before");
        }
        if (q.rangeFactor() != 1) {
            warnings.add("radio range x" + fmt(q.rangeFactor()) + " applied as the same factor on encounter rates (moving"
                    + " devices: rate ~ range); re-fit with 'range' for a measured answer");
        }
        return warnings;
    }

    /** Draws of the early phase's length per release: the control variate of the mean. */
    static final int EARLY_DRAWS = 16;

    private static final String MEETING_ASSUMPTION = "two devices meet only in the same zone, at that zone's encounter"
            + " rate (scaled per hour); within a zone devices are well mixed";

    private static String movementAssumption(SpatialModel m) {
        return "devices move between " + m.zoneCount() + " zones of " + fmt(m.options().cellMeters())
                + " m and absent states by a Markov chain whose rates depend on the hour"
                + (m.clock().slots() == 24 ? " of day" : " of week");
    }

    /** What both solutions report about the fitted model. */
    private static void modelDetails(SpatialModel m, Map<String, Object> details) {
        details.put("cellMeters", m.options().cellMeters());
        details.put("slots", m.clock().slots());
        details.put("fleetFitted", m.fleet());
        details.put("encounters", m.encounters());
        details.put("pooledEncounterRate", m.pooledRate());
    }

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
