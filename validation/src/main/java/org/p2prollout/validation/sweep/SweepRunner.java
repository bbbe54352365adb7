package org.p2prollout.validation.sweep;

import java.util.List;
import org.p2prollout.core.ProgressListener;

/**
 * Maps a list of points to their results, in input order, on some pool of workers: the local
 * cores ({@link LocalSweepRunner}, the default) or a cluster engine (the {@code spark} module's
 * runner, found through {@link SweepRunnerProvider}). The contract every runner keeps:
 *
 * <ul>
 *   <li>{@code result.get(i)} is {@code f(points.get(i))}, whatever order the workers ran in;</li>
 *   <li>each point is computed exactly once per call;</li>
 *   <li>the first failure of {@code f} is rethrown by {@code map} (an unchecked exception as it
 *       was thrown, a checked one wrapped in {@link SweepFailedException}); the other points'
 *       results are then discarded;</li>
 *   <li>{@code progress} receives the number of points finished so far (label {@code "points"}),
 *       from any thread.</li>
 * </ul>
 *
 * <p>Randomness must come from the point itself (e.g. a seed derived from the sweep seed, the
 * point index and the replication: {@link SweepSeeds}), never from the worker, so that runners
 * agree bit for bit. Points, shared inputs and results must be {@link java.io.Serializable} for a
 * cluster runner; the local runner never copies them.
 */
public interface SweepRunner extends AutoCloseable {
    /** Short name, e.g. {@code local} or {@code spark}. */
    String name();

    /** Points computed at the same time at most: worker threads or cores in the cluster. */
    int parallelism();

    /** {@code f} of each point, in input order. */
    <P, R> List<R> map(List<P> points, SweepFunction<P, R> f, ProgressListener progress);

    /**
     * {@code f(shared, point)} of each point, in input order, with {@code shared} shipped to each
     * worker machine once (a broadcast) rather than with every point.
     */
    <S, P, R> List<R> map(S shared, List<P> points, SharedSweepFunction<S, P, R> f, ProgressListener progress);

    /** {@link #map(List, SweepFunction, ProgressListener)} without progress. */
    default <P, R> List<R> map(List<P> points, SweepFunction<P, R> f) {
        return map(points, f, ProgressListener.NONE);
    }

    /** Releases the runner's workers (a no-op for the local runner); the runner is unusable after. */
    @Override
    default void close() {
    }

    /** The local runner on every core: what library code uses when the caller names none. */
    static SweepRunner local() {
        return LocalSweepRunner.onAllCores();
    }
}
