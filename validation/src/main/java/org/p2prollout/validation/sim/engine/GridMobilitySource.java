package org.p2prollout.validation.sim.engine;

import org.p2prollout.model.contact.ContactListener;
import org.p2prollout.model.contact.ContactTracker;
import org.p2prollout.model.mobility.MobilityModel;

/**
 * Contacts of a synthetic mobility model, found by sampling positions every {@code step}
 * seconds into a {@link ContactTracker} (spatial grid): a contact starts at its first sample in
 * range and ends at its last (the tracker's convention, as in the rates pipeline).
 *
 * <p>The tracker learns that a contact ended at sample k only at sample k+1, so the source runs
 * one sample ahead of the engine: woken at sample time t_k it feeds sample k+1. Ends are then
 * reported at t_k = now and starts at t_{k+1} in the future, so no event is ever in the past.
 */
public final class GridMobilitySource implements ContactFeed {
    private final MobilityModel model;
    private final ContactTracker tracker;
    private final double step;
    private final double horizon;
    private final double[] x;
    private final double[] y;
    private long fed = -1;
    private ContactListener target;

    public GridMobilitySource(MobilityModel model, double range, double step, double horizon) {
        this.model = model;
        this.step = step;
        this.horizon = horizon;
        this.x = new double[model.devices()];
        this.y = new double[model.devices()];
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
    }

    @Override
    public double nextTime() {
        // sample k+1 is fed when the engine reaches sample k
        if ((fed + 1) * step > horizon + step) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.max(0, fed) * step;
    }

    @Override
    public void advance(ContactListener listener) {
        target = listener;
        if (fed < 0) {
            feed(0);
        }
        if ((fed + 1) * step <= horizon + step) {
            feed(fed + 1);
        }
    }

    /** Positions at the latest sample fed, which is at most one step ahead of the engine. */
    @Override
    public double[][] positions() {
        return new double[][] {x, y};
    }

    private void feed(long k) {
        double t = k * step;
        model.positionsAt(t, x, y);
        tracker.step(t, x, y);
        fed = k;
    }
}
