package org.p2prollout.solver.uniformisation;

import org.p2prollout.solver.Accuracy;

/**
 * The distribution of a first-passage time τ = inf{s >= 0 : X(t0 + s) ∈ A} into a set A of
 * absorbing states under a piecewise-constant generator
 * ({@link PiecewiseTransientSolver#firstPassage}). Arrays are copied in and out.
 *
 * @param start                 t0, the release time, seconds on the schedule's clock
 * @param times                 the grid, seconds on the schedule's clock ({@code >= start}), in the order given;
 *                              entry i describes the duration {@code times[i] − start}
 * @param cdf                   {@code cdf[i] = P(τ <= times[i] − start) = P(X(times[i]) ∈ A)}
 * @param errorBounds           per time, a proven bound on the absolute error of {@code cdf[i]}
 * @param truncatedMeans        {@code truncatedMeans[i] = E[min(τ, times[i] − start)]}, seconds, by exact
 *                              integration of the piecewise solution: {@code (t − t0) − ∫_{t0}^{t} P(X(s) ∈ A) ds}
 *                              (a lower bound of E[τ], equal to it when {@code cdf[i]} is 1)
 * @param truncatedMeanErrorBounds per time, a bound on the error of {@code truncatedMeans[i]}, seconds
 * @param pieces                the constant pieces solved in all
 * @param accuracy              method, total uniformisation steps, largest CDF bound, criterion
 */
public record FirstPassageResult(double start, double[] times, double[] cdf, double[] errorBounds,
                                 double[] truncatedMeans, double[] truncatedMeanErrorBounds, long pieces,
                                 Accuracy accuracy) {
    public FirstPassageResult {
        times = times.clone();
        cdf = cdf.clone();
        errorBounds = errorBounds.clone();
        truncatedMeans = truncatedMeans.clone();
        truncatedMeanErrorBounds = truncatedMeanErrorBounds.clone();
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    @Override
    public double[] cdf() {
        return cdf.clone();
    }

    @Override
    public double[] errorBounds() {
        return errorBounds.clone();
    }

    @Override
    public double[] truncatedMeans() {
        return truncatedMeans.clone();
    }

    @Override
    public double[] truncatedMeanErrorBounds() {
        return truncatedMeanErrorBounds.clone();
    }

    /** The largest grid time minus the start: the horizon H of {@link #horizonMean()}, seconds. */
    public double horizon() {
        double h = 0;
        for (double t : times) {
            h = Math.max(h, t - start);
        }
        return h;
    }

    /** E[min(τ, H)] at the horizon H = {@link #horizon()}, seconds. */
    public double horizonMean() {
        int best = 0;
        for (int i = 1; i < times.length; i++) {
            if (times[i] > times[best]) {
                best = i;
            }
        }
        return truncatedMeans[best];
    }

    /** P(τ > H) at the horizon: the mass the truncated mean leaves out. */
    public double tailAtHorizon() {
        int best = 0;
        for (int i = 1; i < times.length; i++) {
            if (times[i] > times[best]) {
                best = i;
            }
        }
        return 1 - cdf[best];
    }

    /** Total uniformisation steps over all pieces. */
    public long steps() {
        return accuracy.iterations();
    }
}
