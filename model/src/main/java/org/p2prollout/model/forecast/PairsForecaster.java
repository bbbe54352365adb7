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
import org.p2prollout.model.contact.Contact;
import org.p2prollout.model.pairs.PairsFit;
import org.p2prollout.model.pairs.PairsFitter;
import org.p2prollout.model.pairs.PairsModel;
import org.p2prollout.model.pairs.PairsOptions;
import org.p2prollout.model.pairs.PairsSpread;
import org.p2prollout.model.pairs.PresenceDay;
import org.p2prollout.model.spread.FleetTrace;
import org.p2prollout.model.spread.LevelTimes;
import org.p2prollout.model.spread.ReleasePlan;
import org.p2prollout.model.spread.TimeSample;
import org.p2prollout.model.spread.TraceTruth;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;

/**
 * Forecasts with the pairs model (PRODUCT.md §4.7, contact-only traces): fits a {@link PairsModel}
 * on the training windows ({@link PairsFitter}: per-device hourly presence, per-pair encounter rates
 * shrunk towards their communities' rates, an hourly activity profile) and simulates releases of
 * the question exactly for the model ({@link PairsSpread}): release i at a local time stratified
 * over the release hours (redrawn uniformly while fewer than the initial holders are present), its
 * initial holders uniform among the devices present then, T_q counted over the devices present at
 * some time within the horizon, as for the trace truth. Release i is a pure function of (fit,
 * question, i).
 */
public final class PairsForecaster implements Forecaster {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final int MAX_DRAWS = 10_000;
    /** Releases simulated unless the question asks for fewer (each costs about N events of O(N)). */
    public static final int DEFAULT_RELEASES = 2000;

    private final PairsOptions options;
    private final int maxReleases;

    /**
     * @param options     the fit's settings
     * @param maxReleases most releases simulated, {@code >= 1} (the question's count is capped at it)
     */
    public PairsForecaster(PairsOptions options, int maxReleases) {
        this.options = options;
        this.maxReleases = org.p2prollout.core.Checks.inRange("model releases", maxReleases, 1, 10_000_000);
    }

    public PairsForecaster() {
        this(PairsOptions.DEFAULT, DEFAULT_RELEASES);
    }

    @Override
    public ForecastModel model() {
        return ForecastModel.PAIRS;
    }

    @Override
    public Forecast forecast(FleetTrace trace, List<double[]> training, ForecastQuestion q, ProgressListener progress) {
        long t0 = System.nanoTime();
        PairsFit fit = new PairsFitter(options).fit(trace.network(), training, trace.zone());
        double p = 1;
        if (q.transfer() > 0) {
            List<Contact> contacts = Windows.contacts(trace.network(), training);
            long longEnough = contacts.stream().filter(c -> c.duration() >= q.transfer()).count();
            p = contacts.isEmpty() ? 0 : (double) longEnough / contacts.size();
        }
        double days = Windows.seconds(training) / 86_400;
        Forecast f = forecast(fit, p, q, progress, (System.nanoTime() - t0) / 1e9);
        if (q.transfer() > 0 && p == 0) {
            f = f.withWarnings(List.of("no training contact lasts " + fmt(q.transfer()) + " s: the update never passes"
                    + " between devices (server only)"));
        }
        if (days < 2) {
            f = f.withWarnings(List.of(String.format(Locale.ROOT, "fitted on %.1f day(s): each hour's presence and"
                    + " activity rest on so few hours that the forecast of another day is rough", days)));
        }
        return f;
    }

    /**
     * Forecast from a fitted model.
     *
     * @param transferProbability p, the chance an encounter passes the update (1 without a transfer time)
     * @param fitSeconds          seconds the fit took, for the details
     */
    public Forecast forecast(PairsFit fit, double transferProbability, ForecastQuestion q, ProgressListener progress,
                             double fitSeconds) {
        long t1 = System.nanoTime();
        PairsModel m = fit.model();
        PairsSpread engine = new PairsSpread(m, q.serverRate(), transferProbability, q.rangeFactor());
        int n = m.devices();
        int daysInCycle = m.slots() / 24;
        int r = Math.min(q.releases(), maxReleases);
        double[] levels = q.levels();
        double[][] res = new double[r][];
        double[] eligible = new double[r];
        boolean[] failed = new boolean[r];
        AtomicLong done = new AtomicLong();
        double from = q.releaseFromHour();
        double span = q.releaseToHour() - q.releaseFromHour();
        boolean replay = fit.options().replayPresence() && !fit.days().isEmpty();
        List<double[][]> schedules = replay ? fit.days().stream().map(PresenceDay::schedule).toList() : List.of();
        IntStream.range(0, r).parallel().forEach(i -> {
            SplittableRandom rng = new SplittableRandom(SpatialForecaster.TraceTruthSeeds.mix(q.seed() + GOLDEN * (i + 1L)));
            int[] origin = q.fleetScale() == 1 ? null : origin(n, q.fleetScale(), rng);
            PairsSpread.Outcome o = null;
            for (int draw = 0; draw < MAX_DRAWS && o == null; draw++) {
                double u = draw == 0 ? (i + rng.nextDouble()) / r : rng.nextDouble();
                double hour = from + u * span;
                if (replay) {
                    int d = rng.nextInt(schedules.size());
                    double phase = fit.days().get(d).cycleOffset() + hour * 3600;
                    o = engine.release(phase, q.initialHolders(), q.horizon(), origin, schedules.get(d), rng);
                } else {
                    int day = daysInCycle == 1 ? 0 : rng.nextInt(daysInCycle);
                    o = engine.release((day * 24 + hour) * 3600, q.initialHolders(), q.horizon(), origin, rng);
                }
            }
            double[] t = new double[levels.length];
            if (o == null) {
                failed[i] = true;
                Arrays.fill(t, Double.NaN);
            } else {
                eligible[i] = o.eligible();
                for (int l = 0; l < levels.length; l++) {
                    t[l] = o.timeOf(TraceTruth.needed(levels[l], o.eligible()));
                }
            }
            res[i] = t;
            long d = done.incrementAndGet();
            if (d % 100 == 0 || d == r) {
                progress.progress(d, r, "simulating the pairs model");
            }
        });
        for (boolean b : failed) {
            if (b) {
                throw new InvalidInputException("the pairs model has no time in the release hours " + fmt(from) + ".."
                        + fmt(q.releaseToHour()) + " with " + q.initialHolders() + " device(s) present (" + MAX_DRAWS
                        + " random times tried): the training days hold no one then");
            }
        }
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
            times.put(key, LevelTimes.of(s));
        }
        double fleet = Arrays.stream(eligible).average().orElse(Double.NaN);
        int[] sizes = fit.communities().sizes();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("devices", n);
        details.put("communities", fit.communities().count());
        details.put("communitySizes", sizes);
        details.put("modularity", fit.communities().modularity());
        details.put("withinCommunityRate", fit.withinRate());
        details.put("betweenCommunityRate", fit.betweenRate());
        details.put("pooledEncounterRate", fit.pooledRate());
        details.put("contacts", fit.contacts());
        details.put("encounters", fit.encounters());
        details.put("pairsWithEncounter", fit.pairsWithEncounter());
        details.put("pairsCoPresent", fit.pairsCoPresent());
        details.put("mergeGapSeconds", fit.options().mergeGap());
        details.put("medianPresence", fit.medianPresence());
        details.put("activityBySlot", fit.activityProfile());
        details.put("activityApplied", fit.options().activity());
        details.put("transferProbability", transferProbability);
        details.put("releasesSimulated", r);
        details.put("fitSeconds", fitSeconds);
        details.put("solveSeconds", (System.nanoTime() - t1) / 1e9);
        List<String> assumptions = new ArrayList<>();
        assumptions.add("each pair meets as a Poisson process at its own encounter rate while both devices are present;"
                + " an encounter is a run of the pair's contacts less than " + fmt(fit.options().mergeGap()) + " s apart");
        String clock = m.slots() == 24 ? "hour of day" : "hour of week";
        double[] profile = fit.activityProfile();
        if (fit.options().activity()) {
            assumptions.add("every encounter rate is scaled by an activity factor of the " + clock + ", shared by all"
                    + " pairs (" + fmt(min(m.activity())) + " to " + fmt(max(m.activity())) + ")");
        } else {
            assumptions.add("a pair meets at the same rate in every hour both are present; the " + clock + " activity"
                    + " profile (" + fmt(min(profile)) + " to " + fmt(max(profile)) + ", in details) is measured, not"
                    + " applied: one factor per hour for all pairs forecast worse on a real Bluetooth trace");
        }
        if (replay) {
            assumptions.add("presence is replayed: a release takes the observed presence of every device on one of the "
                    + fit.days().size() + " training days drawn at random (and the next training day for the follow-up);"
                    + " encounter rates are per observed co-present second");
        } else {
            assumptions.add("each device appears and leaves by a two-state Markov chain of its own whose rates depend on"
                    + " the hour; at release each device is present with its probability for that hour; encounter rates"
                    + " are per second of the co-presence such independent devices would have");
        }
        if (fit.options().arrivals()) {
            assumptions.add("a device appears in contact with a present peer with the chance seen in training (the share"
                    + " of its sessions that opened with an encounter with that peer); such opening encounters are not"
                    + " counted in the rates");
        }
        assumptions.add(String.format(Locale.ROOT, "%d communities of the contact graph (Louvain, modularity %.2f, sizes"
                + " %s) act as zones: each pair's rate is shrunk towards its community pair's rate (within %.3g, between"
                + " %.3g per s; gamma-Poisson empirical Bayes), pairs never co-present in training take that rate",
                fit.communities().count(), fit.communities().modularity(), Arrays.toString(sizes), fit.withinRate(),
                fit.betweenRate()));
        assumptions.add(q.transfer() == 0 ? "an encounter passes the update at once (instantaneous transfer)"
                : String.format(Locale.ROOT, "an encounter passes the update with probability %.3f, the share of training"
                        + " contacts lasting at least %s s", transferProbability, fmt(q.transfer())));
        List<String> warnings = new ArrayList<>();
        if (replay) {
            warnings.add("presence repeats the training days: a day unlike all of them (a holiday, another fleet) is not"
                    + " foreseen");
        } else {
            warnings.add("approximation: devices appear and leave independently of each other, so shared schedules (a"
                    + " session everyone attends) enter only through the hourly presence profiles");
        }
        warnings.add("approximation: encounters are Poisson given presence; bursts of a pair's contacts longer than the"
                + " merge gap and repeated daily meetings at fixed times are averaged out");
        if (q.transfer() > 0) {
            warnings.add("approximation: a transfer time enters as one pooled success probability per encounter, not"
                    + " per pair or per contact duration");
        }
        if (fit.communities().count() == 1) {
            warnings.add("the contact graph shows no communities: every pair is shrunk towards one pooled rate");
        }
        if (q.fleetScale() != 1) {
            warnings.add("fleet scaled x" + fmt(q.fleetScale()) + ": each device copied with its presence and pair rates"
                    + " (copies of one device meet at their community's mean within-community rate), so each device meets"
                    + " proportionally more peers");
        }
        if (q.rangeFactor() != 1) {
            warnings.add("radio range x" + fmt(q.rangeFactor()) + " applied as the same factor on encounter rates;"
                    + " re-record the trace for a measured answer");
        }
        return new Forecast(ForecastModel.PAIRS, "individual-based stochastic simulation (Gillespie) of the fitted pairs"
                + " model: " + n + " devices, " + fit.communities().count() + " communities, " + (replay
                ? "presence of " + fit.days().size() + " training days replayed" : "hourly presence chains")
                + (fit.options().activity() ? ", hourly activity" : "") + " ("
                + r + " releases)", times, samples, fleet,
                "Student-t 95 % interval over the " + r + " simulated releases (Monte Carlo only: the model's own error is"
                        + " measured on held-out days)", assumptions, warnings, details);
    }

    /**
     * The model device each simulated device copies for a fleet scaled by {@code scale}: every device
     * {@code floor(scale)} times, plus a uniformly random subset for the fraction.
     */
    static int[] origin(int n, double scale, SplittableRandom rng) {
        int total = (int) Math.max(2, Math.round(scale * n));
        int whole = (int) Math.min(Math.floor(scale), total / n);
        int[] out = new int[total];
        int k = 0;
        for (int c = 0; c < whole; c++) {
            for (int d = 0; d < n; d++) {
                out[k++] = d;
            }
        }
        int[] perm = new int[n];
        for (int d = 0; d < n; d++) {
            perm[d] = d;
        }
        for (int i = 0; k < total; i++, k++) {
            int j = i + rng.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
            out[k] = perm[i];
        }
        return out;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
