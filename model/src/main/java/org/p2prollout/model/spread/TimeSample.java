package org.p2prollout.model.spread;

import java.util.Arrays;
import org.p2prollout.core.InvalidInputException;

/**
 * The distribution of a rollout time T_q over releases (release times and initial holders), as
 * weighted atoms plus the mass of releases that never reached q within the horizon: what the trace
 * truth, the replay forecast and every model produce, so that they compare on one footing.
 *
 * <p>Times in seconds since release, ascending; weights {@code > 0}; the reached weights and the
 * unreached mass sum to 1. Immutable (arrays copied in and out).
 */
public final class TimeSample {
    private final double[] times;
    private final double[] weights;
    private final double[] cumulative;
    private final double unreached;
    private final long releases;

    private TimeSample(double[] times, double[] weights, double unreached, long releases) {
        this.times = times;
        this.weights = weights;
        this.unreached = unreached;
        this.releases = releases;
        cumulative = new double[times.length];
        double c = 0;
        for (int i = 0; i < times.length; i++) {
            c += weights[i];
            cumulative[i] = c;
        }
    }

    /**
     * Equally weighted releases.
     *
     * @param values T_q per release, seconds; NaN or +Infinity for a release that never reached q
     */
    public static TimeSample of(double[] values) {
        int n = values.length;
        if (n == 0) {
            throw new InvalidInputException("a rollout-time sample needs at least one release");
        }
        double[] w = new double[n];
        Arrays.fill(w, 1.0 / n);
        return weighted(values, w, n);
    }

    /**
     * Weighted releases (e.g. a model evaluated on a grid of release times and source zones).
     *
     * @param values   T_q per release, seconds; NaN or +Infinity when q was never reached
     * @param weights  weight per release, {@code >= 0}, not all 0; normalised here
     * @param releases how many independent releases the sample stands for (for intervals)
     */
    public static TimeSample weighted(double[] values, double[] weights, long releases) {
        if (values.length != weights.length || values.length == 0) {
            throw new InvalidInputException("rollout-time sample: " + values.length + " values and " + weights.length
                    + " weights; need the same, at least one");
        }
        double total = 0;
        for (double w : weights) {
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new InvalidInputException("rollout-time sample weights must be finite and >= 0, got " + w);
            }
            total += w;
        }
        if (!(total > 0)) {
            throw new InvalidInputException("rollout-time sample weights are all 0");
        }
        Integer[] order = new Integer[values.length];
        int reached = 0;
        double miss = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i]) && weights[i] > 0) {
                order[reached++] = i;
            } else {
                miss += weights[i];
            }
        }
        Integer[] r = Arrays.copyOf(order, reached);
        Arrays.sort(r, (a, b) -> Double.compare(values[a], values[b]));
        double[] t = new double[reached];
        double[] w = new double[reached];
        for (int i = 0; i < reached; i++) {
            t[i] = values[r[i]];
            w[i] = weights[r[i]] / total;
        }
        return new TimeSample(t, w, miss / total, releases);
    }

    /**
     * The distribution of T_q from releases whose follow-up may have been cut short (the trace
     * ended, or recording failed): the Kaplan–Meier estimate within each stratum (e.g. the hour of
     * day of the release, on which both T_q and the cut depend), the strata then weighted equally.
     * A release with {@code times[i]} finite reached q then; otherwise it was followed for
     * {@code observed[i]} seconds without reaching q. Mass the estimate cannot place (survival left
     * at the end of a stratum's follow-up) counts as not reached.
     *
     * @param times    T_q per release, seconds, or NaN when not reached while followed
     * @param observed seconds each release was followed (the horizon when not cut), {@code >= 0}
     * @param strata   stratum of each release, {@code 0..strataCount-1}
     */
    public static TimeSample kaplanMeier(double[] times, double[] observed, int[] strata, int strataCount) {
        int n = times.length;
        if (observed.length != n || strata.length != n || n == 0) {
            throw new InvalidInputException("Kaplan-Meier needs times, observation lengths and strata per release,"
                    + " at least one release");
        }
        int[] size = new int[strataCount];
        for (int s : strata) {
            size[s]++;
        }
        int used = 0;
        for (int c : size) {
            used += c > 0 ? 1 : 0;
        }
        double[] outTimes = new double[n];
        double[] outWeights = new double[n];
        int m = 0;
        double unreached = 0;
        for (int st = 0; st < strataCount; st++) {
            if (size[st] == 0) {
                continue;
            }
            int k = 0;
            double[] t = new double[size[st]];
            boolean[] event = new boolean[size[st]];
            for (int i = 0; i < n; i++) {
                if (strata[i] == st) {
                    event[k] = Double.isFinite(times[i]);
                    t[k] = event[k] ? times[i] : observed[i];
                    k++;
                }
            }
            Integer[] order = new Integer[k];
            for (int i = 0; i < k; i++) {
                order[i] = i;
            }
            // events before censorings at equal times: a release cut at t was still at risk at t
            Arrays.sort(order, (a, b) -> t[a] != t[b] ? Double.compare(t[a], t[b]) : Boolean.compare(event[b], event[a]));
            double survival = 1;
            int atRisk = k;
            double w = 1.0 / used;
            int i = 0;
            while (i < k) {
                double ti = t[order[i]];
                int events = 0;
                int leaving = 0;
                while (i < k && t[order[i]] == ti) {
                    events += event[order[i]] ? 1 : 0;
                    leaving++;
                    i++;
                }
                if (events > 0) {
                    double jump = survival * events / atRisk;
                    outTimes[m] = ti;
                    outWeights[m] = jump * w;
                    m++;
                    survival -= jump;
                }
                atRisk -= leaving;
            }
            unreached += survival * w;
        }
        double[] vt = Arrays.copyOf(outTimes, m + 1);
        double[] vw = Arrays.copyOf(outWeights, m + 1);
        vt[m] = Double.NaN;
        vw[m] = Math.max(0, unreached);
        return weighted(vt, vw, n);
    }

    /** Share of releases that reached q (within the horizon). */
    public double reachedShare() {
        return 1 - unreached;
    }

    /** Number of releases the sample stands for. */
    public long releases() {
        return releases;
    }

    /** Number of distinct atoms that reached q. */
    public int atoms() {
        return times.length;
    }

    /** Reached times, ascending (a copy), seconds. */
    public double[] times() {
        return times.clone();
    }

    /** Weights parallel to {@link #times()} (a copy); they sum to {@link #reachedShare()}. */
    public double[] weights() {
        return weights.clone();
    }

    /** Mean of T_q over the releases that reached q, seconds; NaN when none did. */
    public double mean() {
        if (times.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (int i = 0; i < times.length; i++) {
            s += weights[i] * times[i];
        }
        return s / reachedShare();
    }

    /** Standard deviation of T_q over the releases that reached q, seconds. */
    public double sd() {
        if (times.length < 2) {
            return Double.NaN;
        }
        double m = mean();
        double s = 0;
        for (int i = 0; i < times.length; i++) {
            s += weights[i] * (times[i] - m) * (times[i] - m);
        }
        return Math.sqrt(s / reachedShare());
    }

    /**
     * The p-quantile of T_q among the releases that reached q (p in (0, 1)), seconds: the smallest
     * atom whose conditional CDF is {@code >= p}.
     */
    public double quantile(double p) {
        if (times.length == 0) {
            return Double.NaN;
        }
        double target = p * reachedShare();
        for (int i = 0; i < times.length; i++) {
            if (cumulative[i] >= target - 1e-12) {
                return times[i];
            }
        }
        return times[times.length - 1];
    }

    /** Median of T_q among the releases that reached q, seconds. */
    public double median() {
        return quantile(0.5);
    }

    /** P(T_q <= t), unconditional (releases that never reach q count as T_q = infinity). */
    public double cdf(double t) {
        int lo = 0;
        int hi = times.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo == 0 ? 0 : cumulative[lo - 1];
    }

    /**
     * Kolmogorov–Smirnov distance sup_t |F(t) − G(t)| between the unconditional CDFs (never reached
     * = infinity), evaluated at every atom of both.
     */
    public double ksDistance(TimeSample other) {
        double d = Math.abs(unreached - other.unreached);
        for (double t : times) {
            d = Math.max(d, Math.abs(cdf(t) - other.cdf(t)));
        }
        for (double t : other.times) {
            d = Math.max(d, Math.abs(cdf(t) - other.cdf(t)));
        }
        return d;
    }

    /** A copy with every time multiplied by {@code factor} ({@code > 0}). */
    public TimeSample scaled(double factor) {
        double[] t = times.clone();
        for (int i = 0; i < t.length; i++) {
            t[i] *= factor;
        }
        return new TimeSample(t, weights.clone(), unreached, releases);
    }
}
