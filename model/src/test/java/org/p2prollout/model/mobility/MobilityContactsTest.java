package org.p2prollout.model.mobility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.model.contact.ContactCollector;
import org.p2prollout.model.contact.ContactTracker;
import org.p2prollout.core.ProgressListener;

class MobilityContactsTest {
    @Test
    void collectEqualsFeedingTheTrackerByHand() {
        var params = RandomWaypointParameters.of(100, new Area(500, 500), 1, 3);
        ContactLog log = MobilityContacts.collect(params.create(21), 30, 5, 1002, ProgressListener.NONE);
        assertEquals(1000, log.to(), 0.0);  // last sample at or before 1002 s
        MobilityModel model = params.create(21);
        ContactCollector collector = new ContactCollector();
        ContactTracker tracker = new ContactTracker(100, 30, collector);
        double[] x = new double[100];
        double[] y = new double[100];
        for (int k = 0; k <= 200; k++) {
            model.positionsAt(5.0 * k, x, y);
            tracker.step(5.0 * k, x, y);
        }
        tracker.finish();
        assertEquals(collector.contacts(), log.contacts());
        assertTrue(log.contacts().size() > 100);
    }

    @Test
    void sampledSourceAdvancedInPiecesGivesTheSameContacts() {
        var params = new RandomWalkParameters(80, new Area(400, 400), 0.5, 2, 30);
        ContactLog once = MobilityContacts.collect(params.create(2), 25, 2, 2000, ProgressListener.NONE);
        SampledContacts source = new SampledContacts(params.create(2), 25, 2);
        ContactCollector collector = new ContactCollector();
        for (double t = 0; t <= 2000; t += 7.5) {
            source.advance(t, collector);
        }
        source.advance(2000, collector);
        source.finish(source.lastSampleTime(), collector);
        List<Contact> pieces = collector.contacts();
        assertEquals(once.contacts(), pieces);
    }
}
