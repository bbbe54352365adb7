package org.p2prollout.model.forecast;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.model.rates.IntervalSet;
import org.p2prollout.model.spread.ReleasePlan;
import org.p2prollout.model.spread.TemporalContacts;
import org.p2prollout.model.spread.TimeSample;
import org.p2prollout.model.spread.TraceTruth;
import org.p2prollout.model.swarm.SinglePieceModel;

/**
 * Which models a trace allows (PRODUCT.md §4.7, "adequacy"): figures that say whether the
 * well-mixed chains' assumptions hold, and the model to use when they do not.
 *
 * @param shuffleRatio50    mean T_0.5 of the trace truth over mean T_0.5 with every contact moved to a
 *                          uniformly random time of the trace (same pairs, counts, durations): what the
 *                          timing of contacts costs, co-location, time of day and presence together; a
 *                          well-mixed chain assumes 1
 * @param shuffleRatio90    the same at T_0.9
 * @param colocation50      the same with contacts moved only within their pair's co-presence: co-location
 *                          alone (devices meet devices near them, which mostly hold the update already)
 * @param colocation90      the same at T_0.9
 * @param presenceShare     median over devices of the share of the trace's span they were present
 * @param diurnalAmplitude  most over fewest devices present, by local hour of day (averaged over days)
 * @param expFitShare       share of pairs whose inter-contact times pass the exponential KS test (NaN
 *                          when not computed)
 * @param wellMixedFactor50 truth mean T_0.5 over the homogeneous chain's: how many times too fast a
 *                          well-mixed chain is on this trace
 * @param wellMixedFactor90 the same at T_0.9
 * @param wellMixedAllowed  true when the figures allow a well-mixed chain (ratios at most 1.5, presence at
 *                          least 0.9, amplitude at most 1.5)
 * @param recommended       the model a forecast should use
 * @param reasons           plain sentences: what the figures mean for this trace
 */
public record Adequacy(double shuffleRatio50, double shuffleRatio90, double colocation50, double colocation90,
                       double presenceShare, double diurnalAmplitude,
                       double expFitShare, double wellMixedFactor50, double wellMixedFactor90, boolean wellMixedAllowed,
                       ForecastModel recommended, List<String> reasons) {
    /** Largest shuffle ratio, amplitude and smallest presence share at which a well-mixed chain is allowed. */
    public static final double MAX_RATIO = 1.5;
    public static final double MIN_PRESENCE = 0.9;

    public Adequacy {
        reasons = List.copyOf(reasons);
    }

    /** True for a ratio that was measured (the truth reached the level in a positive time). */
    private static boolean factor(double f) {
        return Double.isFinite(f) && f > 0;
    }

    /** A ratio for a sentence: "3.2x", or "n/a" where the trace's own spread did not give one. */
    private static String times(double f) {
        return factor(f) ? String.format(Locale.ROOT, "%.1fx", f) : "n/a (not measured on this trace)";
    }

    /**
     * Assesses a trace.
     *
     * @param net         contacts and presence
     * @param zone        the fleet's time zone (hours of day)
     * @param positions   true when the trace has positions (the spatial chain can be fitted)
     * @param outages     recording outages, for the truths
     * @param expFitShare exponential-fit share from rate estimation, or NaN
     * @param releases    releases per truth (e.g. 1,000)
     * @param seed        seed of releases and of the shuffle
     */
    public static Adequacy assess(TemporalContacts net, ZoneId zone, boolean positions, List<double[]> outages,
                                  double expFitShare, int releases, long seed) {
        return assess(net, List.of(new double[] {net.from(), net.to()}), zone, positions, outages, expFitShare, releases,
                seed);
    }

    /**
     * Assesses the windows of a trace ({from, to} seconds, sorted, disjoint): contacts and presence
     * outside them are ignored, and shuffled contacts stay inside them.
     */
    public static Adequacy assess(TemporalContacts full, List<double[]> windows, ZoneId zone, boolean positions,
                                  List<double[]> outages, double expFitShare, int releases, long seed) {
        TemporalContacts net = Windows.restrict(full, windows);
        IntervalSet.Builder wb = new IntervalSet.Builder();
        for (double[] w : windows) {
            wb.add(w[0], w[1]);
        }
        IntervalSet span = wb.build();
        return assess(net, span, zone, positions, outages, expFitShare, releases, seed);
    }

    private static Adequacy assess(TemporalContacts net, IntervalSet windows, ZoneId zone, boolean positions,
                                   List<double[]> outages, double expFitShare, int releases, long seed) {
        double span = windows.last() - windows.first();
        double horizon = Math.min(ReleasePlan.DAY, span);
        ReleasePlan plan = ReleasePlan.of(net.from(), net.to(), seed).withReleases(releases).withHorizon(horizon);
        TraceTruth.Result real = new TraceTruth(net, outages, zone).run(plan, org.p2prollout.core.ProgressListener.NONE);
        TraceTruth.Result mixed = new TraceTruth(net.withContacts(shuffle(net, windows, seed, false)), outages, zone).run(plan,
                org.p2prollout.core.ProgressListener.NONE);
        TraceTruth.Result colocated = new TraceTruth(net.withContacts(shuffle(net, windows, seed, true)), outages, zone).run(plan,
                org.p2prollout.core.ProgressListener.NONE);
        double r50 = real.level(0.5).mean() / mixed.level(0.5).mean();
        double r90 = real.level(0.9).mean() / mixed.level(0.9).mean();
        double c50 = real.level(0.5).mean() / colocated.level(0.5).mean();
        double c90 = real.level(0.9).mean() / colocated.level(0.9).mean();
        double presence = presenceShare(net, windows.measure());
        double amplitude = diurnalAmplitude(net, windows, zone);
        // the homogeneous chain with the trace's own rate and counted fleet
        double pairSeconds = 0;
        for (int i = 0; i < net.devices(); i++) {
            for (int j = i + 1; j < net.devices(); j++) {
                pairSeconds += net.presence(i).overlap(net.presence(j));
            }
        }
        double lambda = pairSeconds > 0 ? net.contacts() / pairSeconds : 0;
        long n = Math.max(2, Math.round(real.eligibleMean()));
        double wm50 = Double.NaN;
        double wm90 = Double.NaN;
        if (lambda > 0) {
            SinglePieceModel m = new SinglePieceModel(n, 1, lambda, 0, 1);
            wm50 = real.level(0.5).mean() / m.timeDistribution(0.5).mean();
            wm90 = real.level(0.9).mean() / m.timeDistribution(0.9).mean();
        }
        boolean allowed = r50 <= MAX_RATIO && r90 <= MAX_RATIO && presence >= MIN_PRESENCE && amplitude <= MAX_RATIO;
        List<String> reasons = new ArrayList<>();
        if (r90 > MAX_RATIO || r50 > MAX_RATIO) {
            reasons.add(String.format(Locale.ROOT, "timing: the update spreads %.1fx (T_0.5) to %.1fx (T_0.9) slower over"
                    + " the real contacts than over the same pair contacts at random times", r50, r90));
        }
        if (c90 > MAX_RATIO || c50 > MAX_RATIO) {
            reasons.add(String.format(Locale.ROOT, "co-location: %.1fx (T_0.5) and %.1fx (T_0.9) of that remain when contacts"
                    + " move only within their pair's co-presence: devices meet devices near them, which mostly hold the"
                    + " update already", c50, c90));
        }
        if (presence < MIN_PRESENCE) {
            reasons.add(String.format(Locale.ROOT, "presence: the median device is present %.0f %% of the time; well-mixed"
                    + " chains count every device present all the time", 100 * presence));
        }
        if (amplitude > MAX_RATIO) {
            reasons.add(String.format(Locale.ROOT, "time of day: %.1fx more devices are present at the busiest hour than at"
                    + " the quietest; a release at night spreads slower", amplitude));
        }
        if (Double.isFinite(expFitShare) && expFitShare < 0.5) {
            reasons.add(String.format(Locale.ROOT, "inter-contact times: only %.0f %% of the tested pairs pass the exponential"
                    + " fit; Poisson encounters are an approximation here", 100 * expFitShare));
        }
        if ((factor(wm50) || factor(wm90)) && !allowed) {
            reasons.add("a well-mixed chain would be " + times(wm50) + " (T_0.5) to " + times(wm90)
                    + " (T_0.9) too fast on this trace");
        }
        ForecastModel rec = allowed ? ForecastModel.HOMOGENEOUS : positions ? ForecastModel.SPATIAL : ForecastModel.PAIRS;
        if (allowed) {
            reasons.add("the trace is close to well mixed: the homogeneous chain applies");
        } else if (!positions) {
            reasons.add("a contact list without positions: the pairs model (per-device hourly presence, per-pair"
                    + " encounter rates, communities of the contact graph as zones) represents what the figures show");
        }
        return new Adequacy(r50, r90, c50, c90, presence, amplitude, expFitShare, wm50, wm90, allowed, rec, reasons);
    }

    /**
     * Every contact moved to a uniformly random time, keeping its duration: within the trace's span, or
     * within its pair's co-presence when {@code withinCoPresence}.
     */
    static List<Contact> shuffle(TemporalContacts net, IntervalSet windows, long seed, boolean withinCoPresence) {
        List<Contact> contacts = net.contactList();
        Map<Long, IntervalSet> both = new HashMap<>();
        List<Contact> out = new ArrayList<>(contacts.size());
        SplittableRandom rng = new SplittableRandom(seed ^ (withinCoPresence ? 0xA5A5A5A5L : 0x5A5A5A5AL));
        for (Contact c : contacts) {
            long key = ((long) c.a() << 32) | c.b();
            IntervalSet co = withinCoPresence
                    ? both.computeIfAbsent(key, k -> intersect(net.presence(c.a()), net.presence(c.b())))
                    : windows;
            double len = c.duration();
            double usable = 0;
            for (int i = 0; i < co.size(); i++) {
                usable += Math.max(0, co.end(i) - co.start(i) - len);
            }
            if (!(usable > 0)) {
                out.add(c); // no room to move it: keep it where it was
                continue;
            }
            double u = rng.nextDouble() * usable;
            for (int i = 0; i < co.size(); i++) {
                double room = Math.max(0, co.end(i) - co.start(i) - len);
                if (u <= room) {
                    double s = co.start(i) + u;
                    out.add(new Contact(c.a(), c.b(), s, s + len));
                    break;
                }
                u -= room;
            }
        }
        return out;
    }

    static IntervalSet intersect(IntervalSet x, IntervalSet y) {
        return x.intersect(y);
    }

    static double presenceShare(TemporalContacts net, double span) {
        double[] share = new double[net.devices()];
        int n = 0;
        for (int d = 0; d < net.devices(); d++) {
            double m = net.presence(d).measure();
            if (m > 0) {
                share[n++] = m / span;
            }
        }
        if (n == 0) {
            return 0;
        }
        double[] s = Arrays.copyOf(share, n);
        Arrays.sort(s);
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    static double diurnalAmplitude(TemporalContacts net, IntervalSet windows, ZoneId zone) {
        double[] presentSeconds = new double[24];
        double[] seconds = new double[24];
        double step = 300;
        for (double t = net.from(); t < net.to(); t += step) {
            if (!windows.contains(t)) {
                continue;
            }
            int h = Instant.ofEpochSecond((long) Math.floor(t)).atZone(zone).getHour();
            int c = 0;
            for (int d = 0; d < net.devices(); d++) {
                if (net.present(d, t)) {
                    c++;
                }
            }
            presentSeconds[h] += c;
            seconds[h]++;
        }
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int h = 0; h < 24; h++) {
            if (seconds[h] > 0) {
                double mean = presentSeconds[h] / seconds[h];
                max = Math.max(max, mean);
                min = Math.min(min, mean);
            }
        }
        return min > 0 ? max / min : Double.POSITIVE_INFINITY;
    }

    /** The reason sentences, one per line. */
    public String explain() {
        return String.join(System.lineSeparator(), reasons);
    }
}
