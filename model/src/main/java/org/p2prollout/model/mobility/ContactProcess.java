package org.p2prollout.model.mobility;

import java.util.SplittableRandom;
import org.p2prollout.model.contact.ContactListener;
import org.p2prollout.model.contact.PairMap;
import org.p2prollout.core.InvalidInputException;

/**
 * Draws the contacts of {@link ContactProcessParameters} directly, in time order. The meetings
 * of all pairs together form one Poisson process of rate {@code rate * pairs}; each meeting goes
 * to a uniformly chosen pair (superposition and thinning of independent Poisson processes), and
 * is dropped if that pair is in contact. Streams: meeting times and pairs from the first split
 * of {@code new SplittableRandom(seed)}, durations from the second, so the meeting sequence does
 * not depend on the duration law. Cost O(log open contacts) per event; the number of events is
 * about {@code rate * pairs * duration}, so mind large fleets.
 *
 * <p>Events: a contact of duration 0 emits its start then its end at the same time; at equal
 * times ends come before starts. {@link #advance} emits every event dated {@code <= until}.
 */
public final class ContactProcess implements ContactSource {
    private final ContactProcessParameters p;
    private final SplittableRandom meetings;
    private final SplittableRandom durations;
    private final double totalRate;
    private final PairMap open = new PairMap();
    private final EndQueue ends = new EndQueue();
    private double nextMeeting;
    private double lastUntil;
    private boolean finished;

    ContactProcess(ContactProcessParameters p, long seed) {
        this.p = p;
        SplittableRandom root = new SplittableRandom(seed);
        meetings = root.split();
        durations = root.split();
        totalRate = p.rate() * p.pairs();
        nextMeeting = exponential(meetings, totalRate);
    }

    public ContactProcessParameters parameters() {
        return p;
    }

    @Override
    public int devices() {
        return p.devices();
    }

    @Override
    public void advance(double until, ContactListener listener) {
        if (finished) {
            throw new IllegalStateException("advance() after finish()");
        }
        if (!(until >= lastUntil) || Double.isInfinite(until)) {
            throw new InvalidInputException("until must be finite and >= the previous until " + lastUntil + ", got " + until);
        }
        lastUntil = until;
        while (true) {
            double end = ends.peekTime();
            if (end <= nextMeeting && end <= until) {
                long key = ends.peekKey();
                ends.poll();
                open.remove(key);
                listener.contactEnded(PairMap.first(key), PairMap.second(key), end);
            } else if (nextMeeting <= until) {
                meet(nextMeeting, listener);
                nextMeeting += exponential(meetings, totalRate);
            } else {
                return;
            }
        }
    }

    @Override
    public void finish(double time, ContactListener listener) {
        if (finished) {
            throw new IllegalStateException("finish() was already called");
        }
        if (!(time >= lastUntil) || Double.isInfinite(time)) {
            throw new InvalidInputException("finish time must be finite and >= " + lastUntil + ", got " + time);
        }
        advance(time, listener);
        finished = true;
        long[] keys = new long[open.size()];
        int k = 0;
        for (int s = 0; s < open.capacity(); s++) {
            if (open.keyAt(s) >= 0) {
                keys[k++] = open.keyAt(s);
            }
        }
        java.util.Arrays.sort(keys);
        for (long key : keys) {
            listener.contactEnded(PairMap.first(key), PairMap.second(key), time);
        }
        open.clear();
    }

    private void meet(double time, ContactListener listener) {
        int n = p.devices();
        int a = meetings.nextInt(n);
        int b = meetings.nextInt(n - 1);
        if (b >= a) {
            b++;
        }
        long key = a < b ? PairMap.key(a, b) : PairMap.key(b, a);
        if (open.find(key) >= 0) {
            return;  // the pair is in contact: this meeting is absorbed into the ongoing contact
        }
        double duration = p.durations() == ContactProcessParameters.Durations.FIXED
                ? p.meanDuration() : p.meanDuration() * -Math.log(1 - durations.nextDouble());
        listener.contactStarted(PairMap.first(key), PairMap.second(key), time);
        if (duration == 0) {
            listener.contactEnded(PairMap.first(key), PairMap.second(key), time);
        } else {
            open.put(key, 0);
            ends.add(time + duration, key);
        }
    }

    private static double exponential(SplittableRandom r, double rate) {
        return -Math.log(1 - r.nextDouble()) / rate;
    }
}
