package org.p2prollout.model.resample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.p2prollout.model.rates.IntervalSet;
import org.p2prollout.model.trace.Trace;
import org.p2prollout.model.trace.Track;
import org.p2prollout.core.Checks;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;

/**
 * Resamples every track of a trace on one common grid of times {@code kΔ} (multiples of the step,
 * so all devices share the grid) by linear interpolation between consecutive fixes, never across a
 * gap longer than {@code maxGap}: inside such a gap (and before the first or after the last fix)
 * the device is absent. A fix falling exactly on a grid time is used as is, even when isolated.
 *
 * <p>The sweep streams: positions of one step at a time go to a {@link StepListener}; nothing of
 * size (devices × steps) is stored. Cost O(fixes + steps × devices present); memory O(devices).
 */
public final class Resampler {
    /** Sweeps longer than this many steps are refused: usually a clock glitch in the input. */
    public static final long MAX_STEPS = 200_000_000L;

    private final double step;
    private final double maxGap;

    /**
     * @param step   grid step Δ, seconds, {@code > 0}
     * @param maxGap longest gap between fixes to interpolate across, seconds, {@code >= 0}
     */
    public Resampler(double step, double maxGap) {
        this.step = Checks.positive("step (s)", step);
        this.maxGap = Checks.nonNegative("maxGap (s)", maxGap);
    }

    public double step() {
        return step;
    }

    public double maxGap() {
        return maxGap;
    }

    /** Sweeps the whole trace. */
    public Resampling sweep(Trace trace, StepListener listener, ProgressListener progress) {
        return sweep(trace.tracks(), trace.devices(), listener, progress);
    }

    /**
     * Sweeps {@code tracks} (device {@code i} = {@code tracks.get(i).device()}), grid times from
     * the earliest to the latest fix.
     */
    public Resampling sweep(List<Track> tracks, int devices, StepListener listener, ProgressListener progress) {
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        for (Track t : tracks) {
            first = Math.min(first, t.firstTime());
            last = Math.max(last, t.lastTime());
        }
        // The bound is checked in doubles before any conversion to long: (long) of a grid index
        // beyond 2^63 saturates, and k1 - k0 + 1 would then overflow to a negative count that
        // passes the check and loops forever (one timestamp of 1e20 s was enough).
        double firstIndex = Math.ceil(first / step);
        double lastIndex = Math.floor(last / step);
        double span = lastIndex - firstIndex + 1;
        boolean none = !(first <= last); // no track, or no grid time between the first and last fix
        if (!none && (!(span <= MAX_STEPS) || Math.abs(firstIndex) > (double) (1L << 53) || Math.abs(lastIndex) > (double) (1L << 53))) {
            throw new InvalidInputException("the trace spans " + (last - first) + " s (from " + first + " to " + last
                    + " s), " + String.format(java.util.Locale.ROOT, "%.3g", span) + " grid steps of " + step
                    + " s (at most " + MAX_STEPS + "); restrict it with 'from'/'to' or a larger 'step'");
        }
        long k0 = none ? 0 : (long) firstIndex;
        long k1 = none ? -1 : (long) lastIndex;
        Track[] byStart = tracks.toArray(new Track[0]);
        Arrays.sort(byStart, (p, q) -> Double.compare(p.firstTime(), q.firstTime()));
        int[] cursor = new int[devices];
        long[] lastSeen = new long[devices];
        Arrays.fill(lastSeen, Long.MIN_VALUE);
        double[] runStart = new double[devices];
        List<IntervalSet.Builder> observed = new ArrayList<>(devices);
        for (int d = 0; d < devices; d++) {
            observed.add(new IntervalSet.Builder());
        }
        Track[] active = new Track[tracks.size()];
        int activeCount = 0;
        int next = 0;
        int[] ids = new int[tracks.size()];
        double[] xs = new double[tracks.size()];
        double[] ys = new double[tracks.size()];
        long samples = 0;
        long total = Math.max(0, k1 - k0 + 1);
        long reportEvery = Math.max(1, total / 200);
        for (long k = k0; k <= k1; k++) {
            double t = k * step;
            while (next < byStart.length && byStart[next].firstTime() <= t) {
                active[activeCount++] = byStart[next++];
            }
            int count = 0;
            for (int a = 0; a < activeCount; a++) {
                Track tr = active[a];
                if (tr.lastTime() < t) {
                    active[a--] = active[--activeCount]; // finished: swap-remove, revisit slot a
                    continue;
                }
                int d = tr.device();
                double[] times = tr.times();
                int i = cursor[d];
                while (i + 1 < times.length && times[i + 1] <= t) {
                    i++;
                }
                cursor[d] = i;
                double px;
                double py;
                if (times[i] == t) {
                    px = tr.xs()[i];
                    py = tr.ys()[i];
                } else if (i + 1 < times.length && times[i + 1] - times[i] <= maxGap) {
                    double w = (t - times[i]) / (times[i + 1] - times[i]);
                    px = tr.xs()[i] + w * (tr.xs()[i + 1] - tr.xs()[i]);
                    py = tr.ys()[i] + w * (tr.ys()[i + 1] - tr.ys()[i]);
                } else {
                    continue;
                }
                ids[count] = d;
                xs[count] = px;
                ys[count] = py;
                count++;
                if (lastSeen[d] != k - 1) {
                    if (lastSeen[d] != Long.MIN_VALUE) {
                        observed.get(d).add(runStart[d], (lastSeen[d] + 1) * step);
                    }
                    runStart[d] = t;
                }
                lastSeen[d] = k;
            }
            samples += count;
            listener.step(t, ids, xs, ys, count);
            if ((k - k0) % reportEvery == 0) {
                progress.progress(k - k0 + 1, total, "resampling and detecting contacts");
            }
        }
        progress.progress(total, total, "resampling and detecting contacts");
        List<IntervalSet> sets = new ArrayList<>(devices);
        for (int d = 0; d < devices; d++) {
            if (lastSeen[d] != Long.MIN_VALUE) {
                observed.get(d).add(runStart[d], (lastSeen[d] + 1) * step);
            }
            sets.add(observed.get(d).build());
        }
        return new Resampling(k0 * step, k1 * step, total, samples, sets);
    }
}
