package org.p2prollout.solver.absorption;

import org.p2prollout.solver.Checks;
import org.p2prollout.solver.InvalidInputException;
import org.p2prollout.solver.uniformisation.TransientOptions;

/**
 * Settings of {@link AbsorptionAnalysis}.
 *
 * @param tolerance         relative residual at which Gauss–Seidel on a large cyclic transient
 *                          class stops, in (0, 0.1]
 * @param maxSweeps         Gauss–Seidel sweeps allowed per class, {@code >= 1}
 * @param denseLimit        transient classes of at most this many states are solved by dense LU
 *                          ({@code >= 1}; memory 8·limit² bytes)
 * @param quantileTolerance a quantile is located to within this relative width, in (0, 0.1]
 * @param uniformisation    settings of the uniformisation behind {@code cdf} and {@code quantile}
 */
public record AbsorptionOptions(double tolerance, int maxSweeps, int denseLimit, double quantileTolerance,
                                TransientOptions uniformisation) {
    /** tolerance 1e-12, 100,000 sweeps, dense up to 1,500 states, quantiles to 1e-6 relative, default uniformisation. */
    public static AbsorptionOptions defaults() {
        return new AbsorptionOptions(1e-12, 100_000, 1_500, 1e-6, TransientOptions.defaults());
    }

    public AbsorptionOptions {
        if (!(tolerance > 0 && tolerance <= 0.1)) {
            throw new InvalidInputException("tolerance must be in (0, 0.1], got " + tolerance);
        }
        Checks.inRange("maxSweeps", maxSweeps, 1, Integer.MAX_VALUE);
        Checks.inRange("denseLimit", denseLimit, 1, 20_000);
        if (!(quantileTolerance > 0 && quantileTolerance <= 0.1)) {
            throw new InvalidInputException("quantile tolerance must be in (0, 0.1], got " + quantileTolerance);
        }
        if (uniformisation == null) {
            throw new InvalidInputException("transient options must be given");
        }
    }

    public AbsorptionOptions withDenseLimit(int limit) {
        return new AbsorptionOptions(tolerance, maxSweeps, limit, quantileTolerance, uniformisation);
    }

    public AbsorptionOptions withTolerance(double t) {
        return new AbsorptionOptions(t, maxSweeps, denseLimit, quantileTolerance, uniformisation);
    }

    public AbsorptionOptions withQuantileTolerance(double t) {
        return new AbsorptionOptions(tolerance, maxSweeps, denseLimit, t, uniformisation);
    }

    public AbsorptionOptions withTransient(TransientOptions t) {
        return new AbsorptionOptions(tolerance, maxSweeps, denseLimit, quantileTolerance, t);
    }
}
