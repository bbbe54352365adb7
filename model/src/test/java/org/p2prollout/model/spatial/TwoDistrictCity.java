package org.p2prollout.model.spatial;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.p2prollout.model.rates.PipelineOptions;
import org.p2prollout.model.spread.FleetTrace;
import org.p2prollout.model.trace.CoordinateKind;
import org.p2prollout.model.trace.FixCounts;
import org.p2prollout.model.trace.Trace;
import org.p2prollout.model.trace.TraceFormat;
import org.p2prollout.model.trace.Track;
import org.p2prollout.core.ProgressListener;

/**
 * A synthetic city of two districts 4 km apart, each of two 1 km cells side by side: district A is cells
 * x = 0..1 km and 1..2 km, district B cells x = 6..7 km and 7..8 km (all y = 0..1 km). Each device jumps
 * between the four cells as a Markov chain (the same at every hour): to the other cell of its district at
 * rate {@code switchRate}, to each cell of the other district at rate {@code crossRate / 2}; within a cell it
 * moves by random waypoint (speeds {@code 3..10} m/s, no pause) inside the cell's inner square, 100 m from its
 * edges, so that only devices in the same cell can be within the 100 m radio range. A jump to another cell
 * lands at a uniform point of that cell's inner square. Positions are written every 30 s (the pipeline's
 * grid: no interpolation between fixes), from Monday 2024-01-01 00:00 UTC. Everything is drawn from the seed.
 *
 * <p>So the spatial chain's assumptions hold by construction (Markov movement between zones that are the
 * cells, meetings only within a cell), but not its within-zone one exactly: random waypoint is not well
 * mixed (a pair that just met is likely to meet again, and devices crowd the middle of a square).
 */
final class TwoDistrictCity {
    /** Monday 2024-01-01 00:00 UTC, seconds. */
    static final double START = 1_704_067_200;
    static final double STEP = 30;
    private static final double CELL = 1000;
    private static final double MARGIN = 100;
    private static final double[] CELL_X = {0, 1000, 6000, 7000};

    private TwoDistrictCity() {
    }

    /**
     * @param devices    N
     * @param days       days of trace
     * @param switchRate rate of moving to the other cell of the district, per second
     * @param crossRate  rate of moving to the other district, per second
     * @param seed       everything random
     */
    static FleetTrace trace(int devices, int days, double switchRate, double crossRate, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        int steps = (int) Math.round(days * 86_400 / STEP);
        List<Track> tracks = new ArrayList<>();
        long fixes = 0;
        for (int d = 0; d < devices; d++) {
            SplittableRandom rng = root.split();
            double[] t = new double[steps];
            double[] xs = new double[steps];
            double[] ys = new double[steps];
            int cell = rng.nextInt(4);
            double[] p = inside(cell, rng);
            double[] w = inside(cell, rng);
            double v = speed(rng);
            double nextJump = -Math.log(1 - rng.nextDouble()) / (switchRate + crossRate);
            double now = 0;
            for (int k = 0; k < steps; k++) {
                double target = k * STEP;
                while (now < target) {
                    double until = Math.min(target, nextJump);
                    // random waypoint over [now, until)
                    double left = until - now;
                    while (left > 0) {
                        double dx = w[0] - p[0];
                        double dy = w[1] - p[1];
                        double dist = Math.hypot(dx, dy);
                        if (dist <= v * left) {
                            p = w;
                            left -= dist / v;
                            w = inside(cell, rng);
                            v = speed(rng);
                        } else {
                            p = new double[] {p[0] + dx / dist * v * left, p[1] + dy / dist * v * left};
                            left = 0;
                        }
                    }
                    now = until;
                    if (now >= nextJump) {
                        double u = rng.nextDouble() * (switchRate + crossRate);
                        int district = cell / 2;
                        if (u < switchRate) {
                            cell = district * 2 + (1 - cell % 2);
                        } else {
                            cell = (1 - district) * 2 + rng.nextInt(2);
                        }
                        p = inside(cell, rng);
                        w = inside(cell, rng);
                        v = speed(rng);
                        nextJump = now - Math.log(1 - rng.nextDouble()) / (switchRate + crossRate);
                    }
                }
                t[k] = START + target;
                xs[k] = p[0];
                ys[k] = p[1];
            }
            fixes += steps;
            tracks.add(new Track(d, Integer.toString(d), t, xs, ys));
        }
        Trace trace = new Trace("two-district city (seed " + seed + ")", TraceFormat.ONE_MOVEMENT, false,
                CoordinateKind.METRES, null, tracks, new FixCounts(fixes, 0, 0, 0, 0));
        return FleetTrace.fromTrace(trace.source(), trace, PipelineOptions.DEFAULT, ZoneOffset.UTC, ProgressListener.NONE);
    }

    private static double[] inside(int cell, SplittableRandom rng) {
        return new double[] {CELL_X[cell] + MARGIN + rng.nextDouble() * (CELL - 2 * MARGIN),
                MARGIN + rng.nextDouble() * (CELL - 2 * MARGIN)};
    }

    private static double speed(SplittableRandom rng) {
        return 3 + 7 * rng.nextDouble();
    }

    /** Days {@code [from, to)} of the trace as one window, seconds. */
    static List<double[]> days(int from, int to) {
        return List.of(new double[] {START + from * 86_400.0, START + to * 86_400.0});
    }
}
