package org.p2prollout.model.mobility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.p2prollout.model.contact.Contact;

class ContactProcessTest {
    /**
     * Instantaneous contacts: the total count is Poisson(λ · pairs · T), checked at 99.9 %
     * (z = 3.29); per pair, the exact (Garwood) 95 % interval of λ̂ covers λ for a share of pairs
     * in [0.93, 0.99] (the Garwood interval is conservative, ≥ 95 %; 780 pairs give a binomial
     * sd of 0.8 %).
     */
    @Test
    void perPairRateLiesInItsPoissonInterval() {
        int n = 40;
        double rate = 2e-3;
        double horizon = 50_000;
        ContactLog log = MobilityContacts.collect(ContactProcessParameters.instantaneous(n, rate).create(1), horizon);
        long pairs = n * (n - 1) / 2;
        double mean = rate * pairs * horizon;
        assertEquals(mean, log.contacts().size(), 3.29 * Math.sqrt(mean));
        Map<Long, Integer> counts = new HashMap<>();
        for (Contact c : log.contacts()) {
            assertEquals(c.start(), c.end(), 0.0);
            counts.merge((long) c.a() * n + c.b(), 1, Integer::sum);
        }
        int covered = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                int k = counts.getOrDefault((long) a * n + b, 0);
                double lower = k == 0 ? 0 : new ChiSquaredDistribution(2.0 * k).inverseCumulativeProbability(0.025) / 2 / horizon;
                double upper = new ChiSquaredDistribution(2.0 * k + 2).inverseCumulativeProbability(0.975) / 2 / horizon;
                if (lower <= rate && rate <= upper) {
                    covered++;
                }
            }
        }
        double share = covered / (double) pairs;
        assertTrue(share >= 0.93 && share <= 0.99, "share of pairs covered " + share);
    }

    /**
     * Exponential durations of mean 20 s, λ = 1e-3: a pair's gaps from the end of a contact to
     * the start of its next are exponential of mean 1/λ = 1000 s, durations of mean 20 s; both
     * checked within 4 standard errors (sd of an exponential = its mean). Contacts of a pair
     * never overlap and events come in time order.
     */
    @Test
    void gapsAndDurationsFollowTheirLaws() {
        int n = 30;
        var params = new ContactProcessParameters(n, 1e-3, ContactProcessParameters.Durations.EXPONENTIAL, 20);
        double horizon = 100_000;
        ContactProcess process = params.create(8);
        var events = new ContactTrackerEvents();
        process.advance(horizon, events);
        process.finish(horizon, events);
        for (int k = 1; k < events.times.size(); k++) {
            assertTrue(events.times.get(k) >= events.times.get(k - 1), "time order");
        }
        ContactLog log = MobilityContacts.collect(params.create(8), horizon);
        assertEquals(events.starts, log.contacts().size());
        Map<Long, Contact> last = new HashMap<>();
        double gapSum = 0;
        int gaps = 0;
        double durationSum = 0;
        int durations = 0;
        for (Contact c : log.contacts()) {  // sorted by start
            Contact previous = last.put((long) c.a() * n + c.b(), c);
            if (previous != null) {
                assertTrue(c.start() >= previous.end(), "overlapping contacts of one pair");
                gapSum += c.start() - previous.end();
                gaps++;
            }
            if (c.end() < horizon) {
                durationSum += c.duration();
                durations++;
            }
        }
        assertEquals(1000, gapSum / gaps, 4 * 1000 / Math.sqrt(gaps));
        assertEquals(20, durationSum / durations, 4 * 20 / Math.sqrt(durations));
    }

    @Test
    void advancingInPiecesGivesTheSameEventsAsAtOnce() {
        var params = new ContactProcessParameters(20, 1e-3, ContactProcessParameters.Durations.FIXED, 30);
        ContactLog once = MobilityContacts.collect(params.create(4), 20_000);
        ContactProcess pieces = params.create(4);
        var collector = new org.p2prollout.model.contact.ContactCollector();
        for (double t = 0; t <= 20_000; t += 333) {
            pieces.advance(t, collector);
        }
        pieces.finish(20_000, collector);
        List<Contact> inPieces = collector.contacts();
        assertEquals(once.contacts(), inPieces);
        assertTrue(inPieces.size() > 3000);
    }

    /** Counts starts and records event times. */
    static final class ContactTrackerEvents implements org.p2prollout.model.contact.ContactListener {
        final java.util.ArrayList<Double> times = new java.util.ArrayList<>();
        int starts;

        @Override
        public void contactStarted(int a, int b, double time) {
            starts++;
            times.add(time);
        }

        @Override
        public void contactEnded(int a, int b, double time) {
            times.add(time);
        }
    }
}
