package org.p2prollout.model.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2prollout.model.trace.Track;

class ResamplerTest {
    private record Sample(double t, int id, double x, double y) {
    }

    private static List<Sample> sweep(Resampler r, List<Track> tracks, int devices, Resampling[] out) {
        List<Sample> samples = new ArrayList<>();
        out[0] = r.sweep(tracks, devices, (t, ids, x, y, n) -> {
            for (int k = 0; k < n; k++) {
                samples.add(new Sample(t, ids[k], x[k], y[k]));
            }
        }, (d, tot, w) -> { });
        return samples;
    }

    @Test
    void interpolatesLinearlyOnTheCommonGrid() {
        // Fixes at 5 s and 65 s: grid times 30 and 60 lie between, at fractions 25/60 and 55/60.
        Track a = new Track(0, "a", new double[] {5, 65}, new double[] {0, 60}, new double[] {100, 40});
        Resampling[] res = new Resampling[1];
        List<Sample> s = sweep(new Resampler(30, 300), List.of(a), 1, res);
        assertEquals(List.of(new Sample(30, 0, 25, 75), new Sample(60, 0, 55, 45)), s);
        assertEquals(2, res[0].steps());
        // Two samples at 30 and 60 stand for [30, 90).
        assertEquals(60, res[0].observed().get(0).measure(), 1e-12);
    }

    @Test
    void neverInterpolatesAcrossAGapLongerThanMaxGap() {
        // Gap 0 -> 400 is longer than G = 300; 400 -> 600 is not.
        Track a = new Track(0, "a", new double[] {0, 400, 600}, new double[] {0, 400, 600}, new double[] {0, 0, 0});
        Resampling[] res = new Resampling[1];
        List<Sample> s = sweep(new Resampler(100, 300), List.of(a), 1, res);
        assertEquals(List.of(new Sample(0, 0, 0, 0), new Sample(400, 0, 400, 0), new Sample(500, 0, 500, 0),
                new Sample(600, 0, 600, 0)), s);
        var obs = res[0].observed().get(0);
        assertEquals(2, obs.size());
        assertArrayEquals(new double[] {0, 100, 400, 700}, new double[] {obs.start(0), obs.end(0), obs.start(1), obs.end(1)});
    }

    @Test
    void devicesAreAbsentBeforeTheirFirstAndAfterTheirLastFix() {
        Track a = new Track(0, "a", new double[] {0, 90}, new double[] {0, 90}, new double[] {0, 0});
        Track b = new Track(1, "b", new double[] {60, 120}, new double[] {0, 0}, new double[] {0, 60});
        Resampling[] res = new Resampling[1];
        List<Sample> s = sweep(new Resampler(30, 300), List.of(a, b), 2, res);
        assertEquals(List.of(new Sample(0, 0, 0, 0), new Sample(30, 0, 30, 0), new Sample(60, 0, 60, 0),
                new Sample(60, 1, 0, 0), new Sample(90, 0, 90, 0), new Sample(90, 1, 0, 30), new Sample(120, 1, 0, 60)),
                s.stream().sorted((p, q) -> p.t() != q.t() ? Double.compare(p.t(), q.t()) : Integer.compare(p.id(), q.id())).toList());
        assertEquals(5, res[0].steps());
        assertEquals(7, res[0].samples());
        // both present at steps 60 and 90: a observed [0, 120], b [60, 150]
        assertEquals(60, res[0].observed().get(0).overlap(res[0].observed().get(1)), 1e-12);
    }
}
