package org.p2prollout.model.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.p2prollout.core.InvalidInputException;

class ContactTrackerTest {

    /** Records every event as text, to compare sequences exactly. */
    static final class Log implements ContactListener {
        final List<String> events = new ArrayList<>();
        final List<Double> times = new ArrayList<>();

        @Override
        public void contactStarted(int a, int b, double time) {
            events.add("start " + a + " " + b + " " + time);
            times.add(time);
        }

        @Override
        public void contactEnded(int a, int b, double time) {
            events.add("end " + a + " " + b + " " + time);
            times.add(time);
        }
    }

    @Test
    void twoDevicesCrossingGiveTheHandComputedInterval() {
        // a at x = -100 + t, b at x = 100 - t: distance |200 - 2t| <= 20 exactly for t in [90, 110].
        // Steps every 3 s: first step in range 90, last 108.
        ContactCollector collector = new ContactCollector();
        ContactTracker tracker = new ContactTracker(2, 20, collector);
        for (int t = 0; t <= 200; t += 3) {
            tracker.step(t, new double[] {-100 + t, 100 - t}, new double[] {7, 7});
        }
        tracker.finish();
        assertEquals(List.of(new Contact(0, 1, 90, 108)), collector.contacts());
    }

    @Test
    void oneStepInRangeIsAContactOfDurationZero() {
        ContactCollector collector = new ContactCollector();
        ContactTracker tracker = new ContactTracker(2, 1, collector);
        tracker.step(0, new double[] {0, 5}, new double[] {0, 0});
        tracker.step(10, new double[] {0, 0.5}, new double[] {0, 0});
        tracker.step(20, new double[] {0, 5}, new double[] {0, 0});
        tracker.finish();
        assertEquals(List.of(new Contact(0, 1, 10, 10)), collector.contacts());
    }

    @Test
    void distanceExactlyTheRangeIsInRangeAndJustBeyondIsNot() {
        Log log = new Log();
        ContactTracker tracker = new ContactTracker(5, 5, log);
        // 3-4-5 triangle: distance exactly 5; a chain on the axis across cell borders, negative side too.
        tracker.step(0, new int[] {0, 1, 2, 3, 4},
                new double[] {0, 3, -5, -10, 100}, new double[] {0, 4, 0, 0, 0}, 5);
        tracker.finish();
        assertEquals(List.of("start 0 1 0.0", "start 0 2 0.0", "start 2 3 0.0",
                "end 0 1 0.0", "end 0 2 0.0", "end 2 3 0.0"), log.events);

        Log narrower = new Log();
        ContactTracker t2 = new ContactTracker(2, Math.nextDown(5.0), narrower);
        t2.step(0, new double[] {0, 3}, new double[] {0, 4});
        t2.finish();
        assertTrue(narrower.events.isEmpty());
    }

    @Test
    void anAbsentDeviceEndsItsContactsAtThePreviousStep() {
        ContactCollector collector = new ContactCollector();
        ContactTracker tracker = new ContactTracker(3, 10, collector);
        double[] x = {0, 1, 2};
        double[] y = {0, 0, 0};
        tracker.step(0, new int[] {0, 1, 2}, x, y, 3);
        tracker.step(30, new int[] {0, 1, 2}, x, y, 3);
        tracker.step(60, new int[] {0, 2}, new double[] {0, 2}, new double[] {0, 0}, 2); // 1 absent
        tracker.step(90, new int[] {2, 1, 0}, new double[] {2, 1, 0}, y, 3);            // back, reordered
        tracker.finish(120);
        assertEquals(List.of(new Contact(0, 1, 0, 30), new Contact(0, 2, 0, 120),
                new Contact(1, 2, 0, 30), new Contact(0, 1, 90, 120), new Contact(1, 2, 90, 120)),
                collector.contacts());
    }

    /** Dense grid (devices packed in a 100 m box) and counting sort of pairs. */
    @Test
    void matchesBruteForceOnRandomPositionsWithAbsences() {
        matchesBruteForce(60, 50, 4, 500);
    }

    /** Hashed grid (a 600 m box: far more cells than devices) and few pairs. */
    @Test
    void matchesBruteForceOnSparsePositions() {
        matchesBruteForce(60, 300, 20, 40);
    }

    /** Hashed grid with many pairs: clusters far apart. */
    @Test
    void matchesBruteForceOnDistantClusters() {
        matchesBruteForce(90, 1e6, 0, 0);
    }

    private static void matchesBruteForce(int n, double halfSide, double jitter, int minEvents) {
        double r = 12;
        SplittableRandom random = new SplittableRandom(20261125L);
        double[] px = new double[n];
        double[] py = new double[n];
        for (int i = 0; i < n; i++) {
            if (jitter == 0) {
                // Three clusters of 30 m at the corners of a huge box: hashed grid, dense pairs.
                double cx = (i % 3 - 1) * halfSide;
                px[i] = cx + random.nextDouble(-15, 15);
                py[i] = -cx + random.nextDouble(-15, 15);
            } else {
                px[i] = random.nextDouble(-halfSide, halfSide);
                py[i] = random.nextDouble(-halfSide, halfSide);
            }
        }
        double move = jitter == 0 ? 3 : jitter;
        Log fast = new Log();
        Log slow = new Log();
        ContactTracker tracker = new ContactTracker(n, r, fast);
        BruteForce brute = new BruteForce(n, r, slow);
        int[] ids = new int[n];
        double[] x = new double[n];
        double[] y = new double[n];
        for (int step = 0; step < 300; step++) {
            int count = 0;
            for (int i = 0; i < n; i++) {
                px[i] += random.nextDouble(-move, move);
                py[i] += random.nextDouble(-move, move);
                if (random.nextDouble() < 0.9) {
                    ids[count] = i;
                    x[count] = px[i];
                    y[count] = py[i];
                    count++;
                }
            }
            // Feed the tracker the present devices in a shuffled order: output must not depend on it.
            for (int k = count - 1; k > 0; k--) {
                int m = random.nextInt(k + 1);
                swap(ids, x, y, k, m);
            }
            double time = 5.0 * step;
            tracker.step(time, ids, x, y, count);
            brute.step(time, ids, x, y, count);
        }
        tracker.finish();
        brute.finish();
        assertTrue(slow.events.size() > Math.max(minEvents, 10), "the random case must exercise contacts: " + slow.events.size());
        assertEquals(slow.events, fast.events);
        for (int k = 1; k < fast.times.size(); k++) {
            assertTrue(fast.times.get(k) >= fast.times.get(k - 1), "event times must not decrease");
        }
    }

    @Test
    void aDenseClusterInOneCellFindsEveryPair() {
        ContactCollector collector = new ContactCollector();
        int n = 40;
        ContactTracker tracker = new ContactTracker(n, 100, collector);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1e6 + i;      // far from the origin, all within a few metres
            y[i] = -1e6 - i;
        }
        tracker.step(0, x, y);
        assertEquals(n * (n - 1) / 2, tracker.openContacts());
        tracker.finish();
        assertEquals(n * (n - 1) / 2, collector.size());
    }

    @Test
    void farFlungDevicesUseTheHashedGridAndStillMeet() {
        ContactCollector collector = new ContactCollector();
        ContactTracker tracker = new ContactTracker(4, 1, collector);
        // A box of 1e15 cells a side: a dense grid could not be allocated.
        tracker.step(0, new double[] {-1e15, -1e15 + 0.5, 1e15, 1e15 - 1}, new double[] {0, 0, 3, 3});
        tracker.finish();
        assertEquals(List.of(new Contact(0, 1, 0, 0), new Contact(2, 3, 0, 0)), collector.contacts());
    }

    @Test
    void anEmptyStepEndsEverythingAndFinishWithoutStepsIsQuiet() {
        ContactCollector collector = new ContactCollector();
        ContactTracker tracker = new ContactTracker(3, 5, collector);
        tracker.step(0, new double[] {0, 1, 2}, new double[] {0, 0, 0});
        tracker.step(10, new int[0], new double[0], new double[0], 0);
        assertEquals(0, tracker.openContacts());
        tracker.step(20, new int[] {2, 0}, new double[] {0, 3}, new double[] {0, 4}, 2);
        tracker.finish();
        assertEquals(List.of(new Contact(0, 1, 0, 0), new Contact(0, 2, 0, 0), new Contact(1, 2, 0, 0),
                new Contact(0, 2, 20, 20)), collector.contacts());
        assertEquals(4, tracker.contactsStarted());
        assertEquals(3, tracker.steps());
        assertThrows(IllegalStateException.class, () -> tracker.step(30, new double[3], new double[3]));

        ContactTracker unused = new ContactTracker(2, 1, collector);
        unused.finish();
        assertEquals(4, collector.size());
    }

    @Test
    void collectorRejectsInconsistentEvents() {
        ContactCollector collector = new ContactCollector();
        assertThrows(IllegalStateException.class, () -> collector.contactEnded(0, 1, 5));
        collector.contactStarted(0, 1, 5);
        assertThrows(IllegalStateException.class, () -> collector.contactStarted(0, 1, 6));
        assertEquals(1, collector.openContacts());
    }

    @Test
    void rejectsBadStepsWithTheParameterNamed() {
        ContactTracker tracker = new ContactTracker(3, 1, new ContactCollector());
        tracker.step(0, new double[] {0, 0, 0}, new double[] {0, 0, 0});
        InvalidInputException late = assertThrows(InvalidInputException.class,
                () -> tracker.step(0, new double[] {0, 0, 0}, new double[] {0, 0, 0}));
        assertTrue(late.getMessage().contains("step time"));
        InvalidInputException twice = assertThrows(InvalidInputException.class,
                () -> tracker.step(1, new int[] {1, 1}, new double[] {0, 0}, new double[] {0, 0}, 2));
        assertTrue(twice.getMessage().contains("device 1 appears twice"));
        assertThrows(InvalidInputException.class,
                () -> tracker.step(2, new int[] {3}, new double[] {0}, new double[] {0}, 1));
        assertThrows(InvalidInputException.class,
                () -> tracker.step(3, new int[] {0}, new double[] {Double.NaN}, new double[] {0}, 1));
        // A rejected step leaves the tracker usable: the same devices may come in the next step.
        tracker.step(4, new int[] {1, 0}, new double[] {0, 0.5}, new double[] {0, 0}, 2);
        assertEquals(1, tracker.openContacts());
        assertThrows(InvalidInputException.class, () -> new ContactTracker(3, 0, new ContactCollector()));
        assertThrows(InvalidInputException.class, () -> new ContactTracker(0, 1, new ContactCollector()));
    }

    private static void swap(int[] ids, double[] x, double[] y, int i, int j) {
        int id = ids[i];
        ids[i] = ids[j];
        ids[j] = id;
        double t = x[i];
        x[i] = x[j];
        x[j] = t;
        t = y[i];
        y[i] = y[j];
        y[j] = t;
    }

    /** All-pairs reference with the same convention, written independently of the grid. */
    static final class BruteForce {
        private final int n;
        private final double r;
        private final ContactListener listener;
        private boolean[][] inRange;
        private double previous = Double.NaN;

        BruteForce(int n, double r, ContactListener listener) {
            this.n = n;
            this.r = r;
            this.listener = listener;
            this.inRange = new boolean[n][n];
        }

        void step(double time, int[] ids, double[] x, double[] y, int count) {
            boolean[][] now = new boolean[n][n];
            for (int k = 0; k < count; k++) {
                for (int m = 0; m < count; m++) {
                    int a = ids[k];
                    int b = ids[m];
                    if (a < b && Math.hypot(x[k] - x[m], y[k] - y[m]) <= r) {
                        now[a][b] = true;
                    }
                }
            }
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    if (inRange[a][b] && !now[a][b]) {
                        listener.contactEnded(a, b, previous);
                    }
                }
            }
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    if (now[a][b] && !inRange[a][b]) {
                        listener.contactStarted(a, b, time);
                    }
                }
            }
            inRange = now;
            previous = time;
        }

        void finish() {
            step(previous, new int[0], new double[0], new double[0], 0);
        }
    }
}
