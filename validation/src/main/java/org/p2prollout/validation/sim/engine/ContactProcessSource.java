package org.p2prollout.validation.sim.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.p2prollout.model.contact.ContactListener;

/**
 * Contact-process mobility: every pair of the N devices meets as an independent Poisson process
 * of rate lambda per second, with exponentially distributed contact durations (mean d seconds,
 * or 0 for instantaneous contacts). Generated as one Poisson process of rate lambda N(N-1)/2
 * whose events pick a uniform pair; an encounter of a pair already in contact is dropped (with
 * d = 0 this never happens, and the process is exactly the model's).
 */
public final class ContactProcessSource implements ContactFeed {
    private final int n;
    private final double totalRate;
    private final double meanDuration;
    private final SplittableRandom rng;
    private final Map<Long, Double> busyUntil = new HashMap<>();
    private double next;

    /**
     * @param n            devices, >= 2 (with fewer there is no contact)
     * @param lambda       rate per pair, per second
     * @param meanDuration mean contact duration, seconds (0 = instantaneous)
     */
    public ContactProcessSource(int n, double lambda, double meanDuration, SplittableRandom rng) {
        this.n = n;
        this.totalRate = lambda * n * (n - 1.0) / 2;
        this.meanDuration = meanDuration;
        this.rng = rng;
        this.next = totalRate > 0 ? exp(totalRate) : Double.POSITIVE_INFINITY;
    }

    private double exp(double rate) {
        return -Math.log(1 - rng.nextDouble()) / rate;
    }

    @Override
    public double nextTime() {
        return next;
    }

    @Override
    public void advance(ContactListener listener) {
        double t = next;
        int i = rng.nextInt(n);
        int j = rng.nextInt(n - 1);
        if (j >= i) {
            j++;
        }
        int a = Math.min(i, j);
        int b = Math.max(i, j);
        double d = meanDuration > 0 ? meanDuration * -Math.log(1 - rng.nextDouble()) : 0;
        long key = ((long) a << 32) | b;
        Double busy = busyUntil.get(key);
        if (busy == null || busy < t) {
            listener.contactStarted(a, b, t);
            listener.contactEnded(a, b, t + d);
            if (d > 0) {
                busyUntil.put(key, t + d);
            }
        }
        next = t + exp(totalRate);
    }
}
