package org.p2prollout.validation.sim.engine;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.p2prollout.model.contact.ContactListener;

/**
 * Runs a contact source on a thread of its own, a few wake-ups ahead of the engine, so that
 * mobility and contact detection use the second core while the engine processes events. The
 * engine sees exactly the events the wrapped source would give it, in the same order (each
 * wake-up's events are recorded, then replayed), so results do not change; only wall time does.
 * Positions are not forwarded: wrap only sources whose {@link #positions()} nobody needs.
 */
final class PipelinedSource implements ContactFeed {
    private static final int AHEAD = 16;

    /** The events of one wake-up of the wrapped source. */
    private static final class Batch {
        double wake;
        int size;
        boolean[] start;
        int[] a;
        int[] b;
        double[] time;
        RuntimeException failure;

        /** @param capacity events expected (the previous wake-up's count): growing by doubling from a small array cost more than the events' own handling on large fleets */
        Batch(int capacity) {
            int m = Math.max(64, capacity);
            start = new boolean[m];
            a = new int[m];
            b = new int[m];
            time = new double[m];
        }

        void add(boolean isStart, int x, int y, double t) {
            if (size == a.length) {
                int m = 2 * size;
                start = Arrays.copyOf(start, m);
                a = Arrays.copyOf(a, m);
                b = Arrays.copyOf(b, m);
                time = Arrays.copyOf(time, m);
            }
            start[size] = isStart;
            a[size] = x;
            b[size] = y;
            time[size] = t;
            size++;
        }
    }

    private final BlockingQueue<Batch> ready = new ArrayBlockingQueue<>(AHEAD);
    private final Thread producer;
    private volatile boolean closed;
    private Batch next;

    PipelinedSource(ContactFeed inner) {
        producer = new Thread(() -> produce(inner), "contact-source");
        producer.setDaemon(true);
        producer.start();
        next = take();
    }

    private void produce(ContactFeed inner) {
        try {
            int expected = 0;
            while (!closed) {
                Batch batch = new Batch(expected + expected / 8);
                batch.wake = inner.nextTime();
                if (batch.wake != Double.POSITIVE_INFINITY) {
                    inner.advance(new ContactListener() {
                        @Override
                        public void contactStarted(int a, int b, double time) {
                            batch.add(true, a, b, time);
                        }

                        @Override
                        public void contactEnded(int a, int b, double time) {
                            batch.add(false, a, b, time);
                        }
                    });
                }
                expected = batch.size;
                put(batch);
                if (batch.wake == Double.POSITIVE_INFINITY) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            Batch failed = new Batch(0);
            failed.failure = e;
            put(failed);
        }
    }

    private void put(Batch batch) {
        try {
            while (!closed && !ready.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                // the engine is behind: wait, unless it closed us
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Batch take() {
        try {
            Batch b = ready.take();
            if (b.failure != null) {
                throw b.failure;
            }
            return b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for contacts", e);
        }
    }

    @Override
    public double nextTime() {
        return next.wake;
    }

    @Override
    public void advance(ContactListener listener) {
        Batch b = next;
        for (int i = 0; i < b.size; i++) {
            if (b.start[i]) {
                listener.contactStarted(b.a[i], b.b[i], b.time[i]);
            } else {
                listener.contactEnded(b.a[i], b.b[i], b.time[i]);
            }
        }
        next = b.wake == Double.POSITIVE_INFINITY ? b : take();
    }

    /** Stops the producer (the engine may stop before the source is exhausted). */
    @Override
    public void close() {
        closed = true;
        producer.interrupt();
    }
}
