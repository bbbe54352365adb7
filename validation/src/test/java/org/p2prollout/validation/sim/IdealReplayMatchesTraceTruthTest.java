package org.p2prollout.validation.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.model.rates.IntervalSet;
import org.p2prollout.model.spread.EarliestArrival;
import org.p2prollout.model.spread.TemporalContacts;
import org.p2prollout.model.spread.TraceTruth;
import org.p2prollout.validation.sim.engine.ContactListSource;
import org.p2prollout.validation.sim.engine.FleetState;
import org.p2prollout.validation.sim.engine.IdealDevices;
import org.p2prollout.validation.sim.engine.Replication;
import org.p2prollout.validation.sim.engine.World;
import org.p2prollout.validation.sim.scenario.Scenario;
import org.p2prollout.validation.sim.scenario.Scenario.ProtocolImplementation;

/**
 * The simulator's ideal protocol with instantaneous transfers (one piece, no server) replaying a
 * contact trace from a release (source, time) must reach every device at exactly the time the trace
 * truth's earliest arrival gives ({@link EarliestArrival} with transfer time 0): both say the update
 * crosses a contact [s, e] as soon as one side holds it at any instant of [s, e], ends included, and
 * passes on at once along contacts up at that instant. The simulator's time resolution is that of
 * its event times, which are the contacts' own times here (no transfer adds time), so the comparison
 * is exact: equal doubles, per device and for every T_q.
 *
 * <p>The trace is random but seeded, on the 30 s grid of detected traces so that contacts of one
 * device often start exactly when another ends (the tie that decides whether an update relays at
 * an instant), with zero-length contacts (one grid step in range), several contacts of one device
 * at once, and contacts under way at the release.
 */
class IdealReplayMatchesTraceTruthTest {
    private static final double STEP = 30;
    private static final double DAY = 86_400;

    /** A day of contacts among {@code n} devices: per pair a Poisson process of meetings, lengths 0..10 steps. */
    static List<Contact> gridContacts(int n, double meanGap, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Contact> out = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                // pairs of nearby indices meet more often: not well mixed, so paths matter
                double gap = meanGap * (1 + Math.abs(a - b));
                double t = 0;
                while (true) {
                    t += -Math.log(1 - rng.nextDouble()) * gap;
                    double s = Math.floor(t / STEP) * STEP;
                    double e = s + STEP * rng.nextInt(11);
                    if (e > DAY) {
                        break;
                    }
                    out.add(new Contact(a, b, s, e));
                    t = e + STEP; // a pair's contacts never overlap or touch (a detector would merge them)
                }
            }
        }
        return out;
    }

    static TemporalContacts network(int n, List<Contact> contacts) {
        List<IntervalSet> presence = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            presence.add(IntervalSet.of(0, DAY));
        }
        return TemporalContacts.of(IntStream.range(0, n).mapToObj(Integer::toString).toList(), contacts, presence, 0, DAY);
    }

    /** The contacts seen from a release at {@code t0}: those still up then, shifted so that t0 is 0 (cut before). */
    static List<Contact> fromRelease(List<Contact> contacts, double t0, double horizon) {
        List<Contact> out = new ArrayList<>();
        for (Contact c : contacts) {
            if (c.end() >= t0 && c.start() <= t0 + horizon) {
                out.add(new Contact(c.a(), c.b(), Math.max(0, c.start() - t0), c.end() - t0));
            }
        }
        return out;
    }

    static Scenario idealInstantaneous(int n, int source, double horizon) {
        return Scenario.builder().devices(n).initialHolderIds(List.of(source)).implementation(ProtocolImplementation.IDEAL)
                .instantaneous(true).pieces(1).sizeBytes(1000).serverRate(0).durationSeconds(horizon).build();
    }

    @Test
    void everyDeviceIsReachedWhenTheEarliestArrivalSaysAtEveryTq() {
        int n = 14;
        double horizon = 6 * 3600;
        int releases = 0;
        int ties = 0;
        for (long seed = 1; seed <= 3; seed++) {
            List<Contact> contacts = gridContacts(n, 1800, seed);
            TemporalContacts net = network(n, contacts);
            ties += touchingContacts(contacts);
            EarliestArrival truth = new EarliestArrival(net);
            SplittableRandom rng = new SplittableRandom(100 + seed);
            for (int r = 0; r < 12; r++) {
                int source = rng.nextInt(n);
                // half the releases on the grid (at a contact start or end), half between steps
                double t0 = r % 2 == 0 ? STEP * rng.nextInt((int) ((DAY - horizon) / STEP))
                        : rng.nextDouble() * (DAY - horizon);
                double[] arrival = new double[n];
                int[] device = new int[n];
                int reached = truth.spread(new int[] {source}, t0, t0 + horizon, 0, null, n, arrival, device);
                double[] expected = new double[n];
                Arrays.fill(expected, Double.NaN);
                for (int i = 0; i < reached; i++) {
                    expected[device[i]] = arrival[i] - t0;
                }
                ReplicationResult sim = Simulator.replicate(idealInstantaneous(n, source, horizon), seed, r,
                        fromRelease(contacts, t0, horizon));
                String where = "seed " + seed + ", release " + r + " from device " + source + " at " + t0 + " s";
                assertEquals(reached, sim.installTimes().length, where + ": devices reached");
                double[] truthTimes = Arrays.copyOf(arrival, reached);
                for (int i = 0; i < reached; i++) {
                    truthTimes[i] -= t0;
                }
                assertArrayEquals(truthTimes, sim.installTimes(), 0, where + ": install times, sorted");
                assertArrayEquals(expected, perDevice(idealInstantaneous(n, source, horizon), seed, r,
                        fromRelease(contacts, t0, horizon)), 0, where + ": install time per device");
                for (double q : new double[] {0.5, 0.9, 1}) {
                    int need = TraceTruth.needed(q, n);
                    double tq = reached >= need ? arrival[need - 1] - t0 : Double.NaN;
                    assertEquals(tq, sim.rolloutTime(q), 0, where + ": T_" + q);
                }
                releases++;
            }
        }
        assertEquals(36, releases);
        // the trace exercises the tie the semantics hinge on: a device's contact starting when another ends
        org.junit.jupiter.api.Assertions.assertTrue(ties > 100, "touching contacts " + ties);
    }

    @Test
    void touchingContactsRelayAtTheInstantAndAPairsTouchingContactsAreOneLink() {
        // 0 holds; 0-1 meets only at 20 (an instant); 1-2 is up over [10, 20] then [20, 30] (touching: one link);
        // 2-3 ends at 20 exactly when 1 gets the update; 3-4 starts at 20: the update reaches 1, 2, 3 and 4 at 20
        List<Contact> c = List.of(new Contact(0, 1, 20, 20), new Contact(1, 2, 10, 20), new Contact(1, 2, 20, 30),
                new Contact(2, 3, 5, 20), new Contact(3, 4, 20, 25));
        TemporalContacts net = network(5, c);
        double[] arrival = new double[5];
        int[] device = new int[5];
        int reached = new EarliestArrival(net).spread(new int[] {0}, 0, 100, 0, null, 5, arrival, device);
        assertEquals(5, reached);
        assertArrayEquals(new double[] {0, 20, 20, 20, 20}, arrival, 0);
        double[] sim = perDevice(idealInstantaneous(5, 0, 100), 1, 0, c);
        assertArrayEquals(new double[] {0, 20, 20, 20, 20}, sim, 0);
    }

    /**
     * Install time per device (NaN when never) of the replication {@link Simulator#replicate} runs, assembled
     * as {@link Replication#run} does so that the world can be asked per device.
     */
    static double[] perDevice(Scenario sc, long seed, int replication, List<Contact> contacts) {
        RandomStreams streams = new RandomStreams(seed, replication);
        FleetState fleet = new FleetState(sc, streams);
        World world = new World(sc, fleet, streams, true);
        world.attach(new IdealDevices(sc, fleet, streams, world), new ContactListSource(contacts, 0));
        world.run();
        double[] t = new double[sc.fleet().devices()];
        for (int d = 0; d < t.length; d++) {
            t[d] = world.installTime(d);
        }
        return t;
    }

    /** Pairs of contacts sharing a device where one starts at the instant the other ends. */
    private static int touchingContacts(List<Contact> contacts) {
        int count = 0;
        java.util.Map<String, Integer> endsAt = new java.util.HashMap<>();
        for (Contact c : contacts) {
            endsAt.merge(c.a() + "@" + c.end(), 1, Integer::sum);
            endsAt.merge(c.b() + "@" + c.end(), 1, Integer::sum);
        }
        for (Contact c : contacts) {
            count += endsAt.getOrDefault(c.a() + "@" + c.start(), 0) + endsAt.getOrDefault(c.b() + "@" + c.start(), 0)
                    - (c.start() == c.end() ? 2 : 0); // not the contact itself
        }
        return count;
    }
}
