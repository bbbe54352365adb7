package org.p2prollout.model.spread;

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

/** Earliest arrival against hand-checked cases and an independent fixpoint (Bellman–Ford) solution. */
class EarliestArrivalTest {
    static TemporalContacts net(int n, List<Contact> contacts, double from, double to) {
        List<String> names = IntStream.range(0, n).mapToObj(Integer::toString).toList();
        List<IntervalSet> presence = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            presence.add(IntervalSet.of(from, to));
        }
        return TemporalContacts.of(names, contacts, presence, from, to);
    }

    /** Arrival times per device by relaxing every contact until nothing changes (no ordering assumed). */
    static double[] fixpoint(int n, List<Contact> contacts, int source, double release, double horizon, double d) {
        double[] tau = new double[n];
        Arrays.fill(tau, Double.POSITIVE_INFINITY);
        tau[source] = release;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Contact c : contacts) {
                for (int dir = 0; dir < 2; dir++) {
                    int u = dir == 0 ? c.a() : c.b();
                    int v = dir == 0 ? c.b() : c.a();
                    if (tau[u] == Double.POSITIVE_INFINITY) {
                        continue;
                    }
                    double arrival = Math.max(c.start(), tau[u]) + d;
                    if (arrival <= c.end() && arrival <= horizon && arrival < tau[v]) {
                        tau[v] = arrival;
                        changed = true;
                    }
                }
            }
        }
        return tau;
    }

    private static double[] spreadTimes(TemporalContacts net, int source, double release, double horizon, double d) {
        double[] times = new double[net.devices()];
        int[] devices = new int[net.devices()];
        int reached = new EarliestArrival(net).spread(new int[] {source}, release, horizon, d, null, net.devices(), times,
                devices);
        double[] tau = new double[net.devices()];
        Arrays.fill(tau, Double.POSITIVE_INFINITY);
        for (int i = 0; i < reached; i++) {
            tau[devices[i]] = times[i];
            if (i > 0) {
                assertEquals(true, times[i] >= times[i - 1], "arrivals must come in time order");
            }
        }
        return tau;
    }

    @Test
    void chainsWithinOneContactAndContactsThatStartedBeforeTheHolderGotTheUpdate() {
        // 0-1 from 10 to 20; 1-2 from 5 to 15 (already up when 1 gets it at 10); 2-3 at 30 (point contact);
        // 3-4 from 0 to 29 (ends before 3 gets it: never passes); 0-4 at 50.
        List<Contact> c = List.of(new Contact(0, 1, 10, 20), new Contact(1, 2, 5, 15), new Contact(2, 3, 30, 30),
                new Contact(3, 4, 0, 29), new Contact(0, 4, 50, 50));
        double[] tau = spreadTimes(net(5, c, 0, 100), 0, 0, 100, 0);
        assertArrayEquals(new double[] {0, 10, 10, 30, 50}, tau, 0);
        // with a transfer time of 6 s: 0->1 at 16, 1->2 needs 16+6 <= 15: no; 2 and 3 never; 4 via 0-4 needs 56 <= 50: no
        double[] slow = spreadTimes(net(5, c, 0, 100), 0, 0, 100, 6);
        assertArrayEquals(new double[] {0, 16, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY},
                slow, 0);
        // horizon 40: 4 (reached at 50) is not followed
        double[] early = spreadTimes(net(5, c, 0, 100), 0, 0, 40, 0);
        assertEquals(Double.POSITIVE_INFINITY, early[4]);
        // released at 12, inside 0-1: 1 gets it at once, 2 too (1-2 still up), later as before
        assertArrayEquals(new double[] {12, 12, 12, 30, 50}, spreadTimes(net(5, c, 0, 100), 0, 12, 100, 0), 0);
    }

    @Test
    void agreesWithTheFixpointOnRandomNetworks() {
        for (int seed = 0; seed < 40; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            int n = 5 + rng.nextInt(40);
            int m = rng.nextInt(400);
            List<Contact> contacts = new ArrayList<>();
            for (int k = 0; k < m; k++) {
                int a = rng.nextInt(n);
                int b = rng.nextInt(n - 1);
                if (b >= a) {
                    b++;
                }
                double s = Math.floor(rng.nextDouble() * 1000);
                double len = rng.nextInt(4) == 0 ? 0 : Math.floor(rng.nextDouble() * (rng.nextBoolean() ? 20 : 300));
                contacts.add(Contact.of(a, b, s, s + len));
            }
            TemporalContacts net = net(n, contacts, 0, 1400);
            double d = rng.nextInt(3) == 0 ? 0 : Math.floor(rng.nextDouble() * 15);
            int source = rng.nextInt(n);
            double release = Math.floor(rng.nextDouble() * 500);
            double horizon = release + 200 + rng.nextDouble() * 800;
            assertArrayEquals(fixpoint(n, contacts, source, release, horizon, d), spreadTimes(net, source, release, horizon, d),
                    1e-9, "seed " + seed);
        }
    }

    @Test
    void directDownloadsStartTheSpreadWhereTheyLand() {
        // 1 downloads at 20, then passes to 2 over 1-2 [25, 25]; 0 holds but meets nobody
        List<Contact> c = List.of(new Contact(1, 2, 25, 25));
        TemporalContacts net = net(3, c, 0, 100);
        double[] times = new double[3];
        int[] devices = new int[3];
        double[] direct = {Double.POSITIVE_INFINITY, 20, 90};
        int reached = new EarliestArrival(net).spread(new int[] {0}, 0, 100, 0, direct, 3, times, devices);
        assertEquals(3, reached);
        assertArrayEquals(new double[] {0, 20, 25}, times, 0);
        assertArrayEquals(new int[] {0, 1, 2}, devices);
    }
}
