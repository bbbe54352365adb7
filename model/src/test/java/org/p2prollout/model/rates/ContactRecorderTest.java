package org.p2prollout.model.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.p2prollout.model.contact.ContactCollector;
import org.p2prollout.model.contact.ContactListener;
import org.p2prollout.model.contact.ContactTracker;

class ContactRecorderTest {
    @Test
    void givesTheCollectorsContactsInTheSameOrderWithoutSorting() {
        // 60 devices random-walking in a 1 km square, range 100 m, 500 steps; both listeners on one tracker.
        ContactRecorder log = new ContactRecorder();
        ContactCollector collector = new ContactCollector();
        ContactTracker tracker = new ContactTracker(60, 100, new ContactListener() {
            @Override
            public void contactStarted(int a, int b, double time) {
                log.contactStarted(a, b, time);
                collector.contactStarted(a, b, time);
            }

            @Override
            public void contactEnded(int a, int b, double time) {
                log.contactEnded(a, b, time);
                collector.contactEnded(a, b, time);
            }
        });
        SplittableRandom rnd = new SplittableRandom(5);
        double[] x = new double[60];
        double[] y = new double[60];
        for (int i = 0; i < 60; i++) {
            x[i] = rnd.nextDouble(1000);
            y[i] = rnd.nextDouble(1000);
        }
        for (int s = 0; s < 500; s++) {
            for (int i = 0; i < 60; i++) {
                x[i] = Math.floorMod((long) (x[i] + rnd.nextDouble(-30, 30)), 1000);
                y[i] = Math.floorMod((long) (y[i] + rnd.nextDouble(-30, 30)), 1000);
            }
            tracker.step(s * 30.0, x, y);
        }
        tracker.finish();
        assertTrue(log.size() > 100, "contacts " + log.size());
        assertEquals(collector.contacts(), log.contacts());
    }

    @Test
    void openContactsAreAnError() {
        ContactRecorder log = new ContactRecorder();
        log.contactStarted(0, 1, 0);
        assertThrows(IllegalStateException.class, log::contacts);
        assertThrows(IllegalStateException.class, () -> log.contactEnded(1, 2, 5));
    }
}
