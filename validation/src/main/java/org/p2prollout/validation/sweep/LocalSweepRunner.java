package org.p2prollout.validation.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.p2prollout.core.Checks;
import org.p2prollout.core.ProgressListener;

/**
 * The default {@link SweepRunner}: the points of one {@link #map} call run on {@code threads}
 * worker threads of this JVM that take the next point as they become free (no per-point task
 * object; a slow point never holds up the others' workers). Nothing is copied or serialised.
 *
 * <p>A {@code map} called from inside a worker (a point that itself maps, e.g. a simulation's
 * replications inside a suite) runs its points one after the other on that worker, so nested
 * sweeps never oversubscribe the cores; results are the same either way.
 */
public final class LocalSweepRunner implements SweepRunner {
    private static final ThreadLocal<Boolean> IN_WORKER = ThreadLocal.withInitial(() -> false);

    private final int threads;

    /** @param threads worker threads, in [1, 4096] */
    public LocalSweepRunner(int threads) {
        Checks.inRange("threads", threads, 1, 4096);
        this.threads = threads;
    }

    /** One worker per available core. */
    public static LocalSweepRunner onAllCores() {
        return new LocalSweepRunner(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public int parallelism() {
        return threads;
    }

    @Override
    public <P, R> List<R> map(List<P> points, SweepFunction<P, R> f, ProgressListener progress) {
        return map(null, points, (shared, p) -> f.apply(p), progress);
    }

    @Override
    public <S, P, R> List<R> map(S shared, List<P> points, SharedSweepFunction<S, P, R> f, ProgressListener progress) {
        int n = points.size();
        Object[] results = new Object[n];
        if (n == 0) {
            return List.of();
        }
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        progress.progress(0, n, "points");
        Runnable work = () -> {
            boolean outer = IN_WORKER.get();
            IN_WORKER.set(true);
            try {
                for (int i = next.getAndIncrement(); i < n && failure.get() == null; i = next.getAndIncrement()) {
                    results[i] = f.apply(shared, points.get(i));
                    progress.progress(done.incrementAndGet(), n, "points");
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            } finally {
                IN_WORKER.set(outer);
            }
        };
        int workers = IN_WORKER.get() ? 1 : Math.min(threads, n);
        if (workers == 1) {
            work.run();
        } else {
            List<Thread> pool = new ArrayList<>(workers);
            for (int w = 0; w < workers; w++) {
                Thread t = new Thread(work, "sweep-" + w);
                t.setDaemon(true);
                pool.add(t);
                t.start();
            }
            boolean interrupted = false;
            for (Thread t : pool) {
                while (true) {
                    try {
                        t.join();
                        break;
                    } catch (InterruptedException e) {
                        // stop handing out points, wait for the running ones, then say so
                        interrupted = true;
                        failure.compareAndSet(null, e);
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        rethrow(failure.get());
        @SuppressWarnings("unchecked")
        List<R> list = (List<R>) Arrays.asList(results);
        return java.util.Collections.unmodifiableList(list);
    }

    /** Rethrows a point's failure: unchecked as it was, checked wrapped. */
    static void rethrow(Throwable t) {
        if (t == null) {
            return;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new SweepFailedException("a sweep point failed: " + t, t);
    }

    @Override
    public String toString() {
        return "local runner on " + threads + (threads == 1 ? " thread" : " threads");
    }
}
