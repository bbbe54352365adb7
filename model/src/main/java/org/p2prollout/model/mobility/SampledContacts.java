package org.p2prollout.model.mobility;

import org.p2prollout.model.contact.ContactListener;
import org.p2prollout.model.contact.ContactTracker;
import org.p2prollout.core.Checks;
import org.p2prollout.core.InvalidInputException;

/**
 * The contacts of a {@link MobilityModel} for radio range {@code range}, found by sampling the
 * positions at times {@code 0, step, 2 step, ...} and feeding them to a {@link ContactTracker}
 * (so the tracker's convention holds: a contact starts at its first sample in range and ends at
 * its last). {@link #advance} takes every sample at or before {@code until}; an end dated at
 * the last of those samples is only known at the next one, hence emitted by the next call.
 */
public final class SampledContacts implements ContactSource {
    private final MobilityModel model;
    private final double step;
    private final ContactTracker tracker;
    private final double[] x;
    private final double[] y;
    private ContactListener target;
    private long nextSample;
    private double lastUntil;

    /**
     * @param model the mobility, advanced by this source only from now on
     * @param range radio range, metres, {@code > 0}
     * @param step  seconds between samples, {@code > 0}
     */
    public SampledContacts(MobilityModel model, double range, double step) {
        if (model == null) {
            throw new InvalidInputException("model must be given");
        }
        this.model = model;
        this.step = Checks.positive("step", step);
        this.tracker = new ContactTracker(model.devices(), range, new ContactListener() {
            @Override
            public void contactStarted(int a, int b, double time) {
                target.contactStarted(a, b, time);
            }

            @Override
            public void contactEnded(int a, int b, double time) {
                target.contactEnded(a, b, time);
            }
        });
        x = new double[model.devices()];
        y = new double[model.devices()];
    }

    @Override
    public int devices() {
        return model.devices();
    }

    /** Seconds between samples. */
    public double step() {
        return step;
    }

    /** The tracker, for its counters (steps, open contacts, contacts started). */
    public ContactTracker tracker() {
        return tracker;
    }

    /** Time of the last sample taken, or negative infinity before the first. */
    public double lastSampleTime() {
        return tracker.lastTime();
    }

    @Override
    public void advance(double until, ContactListener listener) {
        if (!(until >= lastUntil) || Double.isInfinite(until)) {
            throw new InvalidInputException("until must be finite and >= the previous until " + lastUntil + ", got " + until);
        }
        lastUntil = until;
        target = listener;
        while (true) {
            // k * step rather than a running sum, so that sample times do not drift.
            double t = nextSample * step;
            if (t > until) {
                break;
            }
            model.positionsAt(t, x, y);
            tracker.step(t, x, y);
            nextSample++;
        }
        target = null;
    }

    /** Ends the open contacts at {@code time}; pass {@link #lastSampleTime()} for the tracker's convention. */
    @Override
    public void finish(double time, ContactListener listener) {
        target = listener;
        tracker.finish(time);
        target = null;
    }
}
