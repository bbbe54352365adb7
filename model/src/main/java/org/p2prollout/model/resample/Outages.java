package org.p2prollout.model.resample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Recording outages of a position trace: stretches where (almost) no device reports, although the
 * fleet was surely driving (the cab trace has two: 2008-05-20 07:00–08:30 and 2008-05-21
 * 11:00–12:00 PDT). Fitting must not read them as the whole fleet going off duty, and a truth
 * computed across one is slower than the fleet really was, so they are found and reported.
 *
 * <p>Rule: a grid step is dark when fewer devices are present than {@code fraction} × the median
 * over steps with any device; an outage is a run of dark steps lasting at least {@code minSeconds},
 * given as {@code [first dark step, first step after)} in seconds.
 */
public final class Outages {
    /** Default dark fraction of the median present count. */
    public static final double FRACTION = 0.05;
    /** Default shortest outage, seconds. */
    public static final double MIN_SECONDS = 600;

    private Outages() {
    }

    /** Outages with the default rule. */
    public static List<double[]> detect(PositionSamples ps) {
        return detect(ps, FRACTION, MIN_SECONDS);
    }

    public static List<double[]> detect(PositionSamples ps, double fraction, double minSeconds) {
        int n = ps.steps();
        int[] counts = new int[n];
        int m = 0;
        for (int k = 0; k < n; k++) {
            counts[k] = ps.to(k) - ps.from(k);
            if (counts[k] > 0) {
                m++;
            }
        }
        List<double[]> out = new ArrayList<>();
        if (m == 0) {
            return out;
        }
        int[] positive = new int[m];
        int i = 0;
        for (int c : counts) {
            if (c > 0) {
                positive[i++] = c;
            }
        }
        Arrays.sort(positive);
        double threshold = fraction * positive[m / 2];
        int runStart = -1;
        for (int k = 0; k <= n; k++) {
            boolean dark = k < n && counts[k] < threshold;
            if (dark && runStart < 0) {
                runStart = k;
            } else if (!dark && runStart >= 0) {
                double from = ps.time(runStart);
                double to = k < n ? ps.time(k) : ps.time(n - 1) + ps.step();
                if (to - from >= minSeconds && runStart > 0 && k < n) { // not the trace's own start or end
                    out.add(new double[] {from, to});
                }
                runStart = -1;
            }
        }
        return out;
    }
}
