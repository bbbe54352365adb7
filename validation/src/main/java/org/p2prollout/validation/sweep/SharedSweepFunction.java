package org.p2prollout.validation.sweep;

import java.io.Serializable;

/**
 * As {@link SweepFunction}, with a large input shared by every point (a contact trace, a rates
 * file, the list of all points) that a runner ships once per machine instead of once per point.
 * The function must not modify the shared input.
 *
 * @param <S> the shared input
 * @param <P> the point
 * @param <R> its result
 */
@FunctionalInterface
public interface SharedSweepFunction<S, P, R> extends Serializable {
    R apply(S shared, P point) throws Exception;
}
