package org.p2prollout.validation.sweep;

import java.io.Serializable;

/**
 * What a sweep computes for one point. It must be a pure function of its argument (no clock,
 * thread id, task id or shared mutable state), so that a point gives the same result whichever
 * runner, thread, machine or task order computes it. It is serialisable so that a cluster runner
 * can ship it to its executors; a lambda assigned to this type is serialisable when what it
 * captures is.
 *
 * @param <P> the point
 * @param <R> its result
 */
@FunctionalInterface
public interface SweepFunction<P, R> extends Serializable {
    R apply(P point) throws Exception;
}
