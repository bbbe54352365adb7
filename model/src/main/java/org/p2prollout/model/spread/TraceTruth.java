package org.p2prollout.model.spread;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.p2prollout.model.rates.IntervalSet;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;

/**
 * The trace's own spread (PRODUCT.md §4.7): for releases sampled by a {@link ReleasePlan}, the
 * exact earliest arrival of the update over the trace's contacts ({@link EarliestArrival}), giving
 * the distribution of T_q that every model is judged against.
 *
 * <p>Release i draws its release time (uniform over the window, redrawn while fewer than the
 * initial holders are present), its initial holders (uniform among the devices present then)
 * and its server download times (the first point of a rate-μ Poisson process over each device's
 * presence) from a generator seeded by (plan seed, i) alone, so results do not depend on threads.
 * A release whose horizon runs past the end of the trace or into a recording outage is followed
 * until then only and counted as censored; the distribution of T_q is then the Kaplan–Meier
 * estimate per hour of day of the release (on which both T_q and the cut depend), hours weighted
 * equally ({@link TimeSample#kaplanMeier}).
 */
public final class TraceTruth {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final int MAX_DRAWS = 10_000;

    private final TemporalContacts net;
    private final List<double[]> outages;
    private final java.time.ZoneId zone;

    /** Truth over a network without known outages; strata by UTC hour. */
    public TraceTruth(TemporalContacts net) {
        this(net, List.of(), java.time.ZoneOffset.UTC);
    }

    /**
     * @param net     the contacts and presence
     * @param outages recording outages, {from, to} seconds: a release's follow-up ends at the first
     *                outage after its release (what happened then is unknown), and no release falls
     *                inside one
     * @param zone    time zone whose hours of day stratify the releases
     */
    public TraceTruth(TemporalContacts net, List<double[]> outages, java.time.ZoneId zone) {
        this.net = net;
        List<double[]> o = new ArrayList<>();
        for (double[] x : outages) {
            o.add(x.clone());
        }
        o.sort((a, b) -> Double.compare(a[0], b[0]));
        this.outages = List.copyOf(o);
        this.zone = zone;
    }

    /** Truth over a fleet trace, with its detected outages and time zone. */
    public static TraceTruth of(FleetTrace trace) {
        return new TraceTruth(trace.network(), trace.outages(), trace.zone());
    }

    /**
     * The spread of one release.
     *
     * @param time     release time, seconds
     * @param holders  initial holders
     * @param eligible devices counted (present within the horizon)
     * @param times    T_q per level, seconds since release, NaN when not reached while followed
     * @param observed seconds the release was followed: the horizon, or less when the trace ended or
     *                 an outage began first
     * @param censored true when the follow-up was cut short
     * @param hour     local hour of day of the release (the stratum)
     */
    public record Release(double time, int[] holders, int eligible, double[] times, double observed, boolean censored,
                          int hour) {
        public Release {
            holders = holders.clone();
            times = times.clone();
        }

        @Override
        public int[] holders() {
            return holders.clone();
        }

        /** T_q per level of the plan, seconds since release; NaN when not reached. */
        @Override
        public double[] times() {
            return times.clone();
        }
    }

    /**
     * The result.
     *
     * @param plan        what was sampled
     * @param levels      per level key ("0.5"), the distribution of T_q over releases
     * @param releases    every release, in index order
     * @param censored    share of releases whose follow-up was cut short (end of trace, outage)
     * @param eligibleMean mean number of devices counted (present within the horizon)
     */
    public record Result(ReleasePlan plan, Map<String, TimeSample> levels, List<Release> releases, double censored,
                         double eligibleMean) {
        public Result {
            levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
            releases = List.copyOf(releases);
        }

        /** The summary per level (mean, median, 95 % Monte Carlo interval of the mean, reached share). */
        public Map<String, LevelTimes> summary() {
            Map<String, LevelTimes> m = new LinkedHashMap<>();
            levels.forEach((k, v) -> m.put(k, LevelTimes.of(v)));
            return m;
        }

        /** The sample of level q. */
        public TimeSample level(double q) {
            TimeSample s = levels.get(ReleasePlan.key(q));
            if (s == null) {
                throw new InvalidInputException("level " + q + " was not computed; levels: " + levels.keySet());
            }
            return s;
        }
    }

    /** Samples the plan's releases (on all cores) and spreads each. */
    public Result run(ReleasePlan plan, ProgressListener progress) {
        int n = plan.releases();
        Release[] out = new Release[n];
        int blocks = Math.min(n, 64);
        AtomicLong done = new AtomicLong();
        IntStream.range(0, blocks).parallel().forEach(b -> {
            EarliestArrival engine = new EarliestArrival(net);
            double[] arrivals = new double[net.devices()];
            for (int i = b; i < n; i += blocks) {
                out[i] = release(plan, i, engine, arrivals);
                long d = done.incrementAndGet();
                if (d % 64 == 0 || d == n) {
                    progress.progress(d, n, "spreading over the trace");
                }
            }
        });
        double[] levels = plan.levels();
        Map<String, TimeSample> samples = new LinkedHashMap<>();
        double[] observed = new double[n];
        int[] strata = new int[n];
        for (int i = 0; i < n; i++) {
            observed[i] = out[i].observed;
            strata[i] = out[i].hour;
        }
        for (int l = 0; l < levels.length; l++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = out[i].times[l];
            }
            samples.put(ReleasePlan.key(levels[l]), TimeSample.kaplanMeier(v, observed, strata, 24));
        }
        long censored = 0;
        double eligible = 0;
        for (Release r : out) {
            censored += r.censored ? 1 : 0;
            eligible += r.eligible;
        }
        return new Result(plan, samples, List.of(out), (double) censored / n, eligible / n);
    }

    /** Release {@code index} of the plan: a pure function of (network, plan, index). */
    public Release release(ReleasePlan plan, int index) {
        return release(plan, index, new EarliestArrival(net), new double[net.devices()]);
    }

    private Release release(ReleasePlan plan, int index, EarliestArrival engine, double[] arrivals) {
        SplittableRandom root = new SplittableRandom(mix(plan.seed() + GOLDEN * (index + 1L)));
        SplittableRandom releaseRng = root.split();
        SplittableRandom serverRng = root.split();
        int m = plan.initialHolders();
        int nDev = net.devices();
        int[] present = new int[nDev];
        double t0 = Double.NaN;
        int count = 0;
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            double t = plan.releaseFrom() + releaseRng.nextDouble() * (plan.releaseTo() - plan.releaseFrom());
            count = 0;
            for (int d = 0; d < nDev; d++) {
                if (net.present(d, t)) {
                    present[count++] = d;
                }
            }
            if (count >= m && !inOutage(t)) {
                t0 = t;
                break;
            }
        }
        if (Double.isNaN(t0)) {
            throw new InvalidInputException("the release window [" + plan.releaseFrom() + ", " + plan.releaseTo()
                    + ") has no time with " + m + " device(s) present (" + MAX_DRAWS + " random times tried)");
        }
        int[] holders = new int[m];
        for (int i = 0; i < m; i++) {
            int j = i + releaseRng.nextInt(count - i);
            int tmp = present[i];
            present[i] = present[j];
            present[j] = tmp;
            holders[i] = present[i];
        }
        double wanted = t0 + plan.horizon();
        double cut = Math.min(net.to(), nextOutage(t0));
        boolean censored = wanted > cut;
        double horizonEnd = Math.min(wanted, cut);
        int eligible = 0;
        for (int d = 0; d < nDev; d++) {
            if (net.presentDuring(d, t0, wanted)) {
                eligible++;
            }
        }
        double[] direct = null;
        if (plan.serverRate() > 0) {
            direct = new double[nDev];
            for (int d = 0; d < nDev; d++) {
                double e = -Math.log(1 - serverRng.nextDouble()) / plan.serverRate();
                direct[d] = afterPresence(net.presence(d), t0, e);
            }
        }
        double[] levels = plan.levels();
        int stop = needed(levels[levels.length - 1], eligible);
        int reached = engine.spread(holders, t0, horizonEnd, plan.transfer(), direct, stop, arrivals, null);
        double[] times = new double[levels.length];
        for (int l = 0; l < levels.length; l++) {
            int need = needed(levels[l], eligible);
            times[l] = reached >= need ? arrivals[need - 1] - t0 : Double.NaN;
        }
        int hour = java.time.Instant.ofEpochSecond((long) Math.floor(t0)).atZone(zone).getHour();
        return new Release(t0, holders, eligible, times, horizonEnd - t0, censored, hour);
    }

    private boolean inOutage(double t) {
        for (double[] o : outages) {
            if (t >= o[0] && t < o[1]) {
                return true;
            }
        }
        return false;
    }

    private double nextOutage(double t) {
        for (double[] o : outages) {
            if (o[0] > t) {
                return o[0];
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** Devices that must hold the update for coverage q of {@code eligible} devices: ⌈qM⌉, at least 1. */
    public static int needed(double q, int eligible) {
        return Math.max(1, (int) Math.ceil(q * eligible - 1e-9));
    }

    /** The time at which {@code presenceSeconds} of presence after {@code t0} have accumulated, or +Infinity. */
    static double afterPresence(IntervalSet s, double t0, double presenceSeconds) {
        double left = presenceSeconds;
        for (int i = 0; i < s.size(); i++) {
            double a = Math.max(s.start(i), t0);
            double b = s.end(i);
            if (b <= a) {
                continue;
            }
            if (b - a >= left) {
                return a + left;
            }
            left -= b - a;
        }
        return Double.POSITIVE_INFINITY;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The distinct devices of the network present at {@code t} (a new list). */
    public List<Integer> presentAt(double t) {
        List<Integer> l = new ArrayList<>();
        for (int d = 0; d < net.devices(); d++) {
            if (net.present(d, t)) {
                l.add(d);
            }
        }
        return l;
    }
}
