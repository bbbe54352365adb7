package org.p2prollout.model.spread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.model.rates.IntervalSet;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;

/** Sampling releases over a trace: closed forms for a ring, presence, censoring, determinism. */
class TraceTruthTest {
    /** A line 0-1-2-...-(n-1) where pair (i, i+1) meets at times k*P + i (every period P). */
    private static TemporalContacts line(int n, double period, double days) {
        List<Contact> c = new ArrayList<>();
        for (double base = 0; base < days * 86400; base += period) {
            for (int i = 0; i + 1 < n; i++) {
                c.add(new Contact(i, i + 1, base + i, base + i));
            }
        }
        List<IntervalSet> presence = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            presence.add(IntervalSet.of(0, days * 86400));
        }
        return TemporalContacts.of(IntStream.range(0, n).mapToObj(Integer::toString).toList(), c, presence, 0, days * 86400);
    }

    @Test
    void aLineSweptOncePerPeriodFromItsEndTakesOnePeriodPerHop() {
        // from device 0, the update moves one hop per period at most, but a sweep 0->1->2... at times
        // base+0, base+1, ... carries it down the whole line within one sweep: all reached by the next sweep
        TemporalContacts net = line(5, 1000, 2);
        EarliestArrival ea = new EarliestArrival(net);
        double[] t = new double[5];
        int r = ea.spread(new int[] {0}, 500, 100_000, 0, null, 5, t, null);
        assertEquals(5, r);
        assertEquals(1000, t[1], 0);
        assertEquals(1003, t[4], 0);
        // from the far end the sweep runs the wrong way: one hop per period
        int[] dev = new int[5];
        r = ea.spread(new int[] {4}, 500, 100_000, 0, null, 5, t, dev);
        assertEquals(5, r);
        assertEquals(1003, t[1], 0);
        assertEquals(4000, t[4], 0); // 3 at 1003, 2 at 2002, 1 at 3001, 0 at 4000
        assertEquals(0, dev[4]);
    }

    @Test
    void releasesArePureFunctionsOfSeedAndIndexAndSummariesCountCensoring() {
        TemporalContacts net = line(6, 600, 1);
        TraceTruth truth = new TraceTruth(net);
        ReleasePlan plan = ReleasePlan.of(0, 86400, 42).withReleases(300).withHorizon(7200);
        TraceTruth.Result a = truth.run(plan, ProgressListener.NONE);
        TraceTruth.Result b = truth.run(plan, ProgressListener.NONE);
        for (int i = 0; i < 300; i++) {
            assertEquals(a.releases().get(i).time(), b.releases().get(i).time());
            assertEquals(a.releases().get(i).time(), truth.release(plan, i).time());
        }
        // releases in the last 2 h are cut by the trace's end: share 1/12 on average; 99.9 % binomial bound
        double expected = 7200.0 / 86400;
        double sd = Math.sqrt(expected * (1 - expected) / 300);
        assertTrue(Math.abs(a.censored() - expected) < 3.3 * sd, "censored share " + a.censored());
        // every release reaches T_1 within 5 periods + 5 s (worst case from the far end)
        TimeSample t1 = a.level(0.99);
        assertTrue(t1.times()[t1.atoms() - 1] <= 5 * 600 + 5);
    }

    @Test
    void onlyPresentDevicesAreSourcesAndAnEmptyWindowIsRefused() {
        List<IntervalSet> presence = new ArrayList<>();
        presence.add(IntervalSet.of(0, 100));
        presence.add(IntervalSet.of(200, 300));
        TemporalContacts net = TemporalContacts.of(List.of("a", "b"), List.of(new Contact(0, 1, 50, 250)), presence, 0, 300);
        TraceTruth truth = new TraceTruth(net);
        TraceTruth.Release r = truth.release(ReleasePlan.of(0, 100, 1).withHorizon(1000), 0);
        assertEquals(0, r.holders()[0]);
        assertEquals(2, r.eligible());
        assertThrows(InvalidInputException.class,
                () -> truth.release(ReleasePlan.of(120, 180, 1).withHorizon(10), 0));
    }

    @Test
    void serverDownloadsArriveAfterTheRightAmountOfPresence() {
        IntervalSet s = new IntervalSet.Builder().add(0, 10).add(20, 30).build();
        assertEquals(5, TraceTruth.afterPresence(s, 0, 5), 0);
        assertEquals(25, TraceTruth.afterPresence(s, 0, 15), 0);
        assertEquals(28, TraceTruth.afterPresence(s, 8, 10), 0);
        assertEquals(Double.POSITIVE_INFINITY, TraceTruth.afterPresence(s, 0, 25));
    }
}
