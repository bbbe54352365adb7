package org.p2prollout.model.mobility.bench;

import org.p2prollout.model.contact.ContactListener;

/** Counts contacts and their total duration without keeping them: benchmarks must not hold millions of records. */
final class ContactCounter implements ContactListener {
    long started;
    long ended;
    double startSum;
    double endSum;

    @Override
    public void contactStarted(int a, int b, double time) {
        started++;
        startSum += time;
    }

    @Override
    public void contactEnded(int a, int b, double time) {
        ended++;
        endSum += time;
    }

    /** Sum of contact durations, seconds (valid once every contact has ended). */
    double totalDuration() {
        return endSum - startSum;
    }
}
