package org.p2prollout.solver.absorption;

import org.p2prollout.core.Checks;
import org.p2prollout.core.InvalidInputException;
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
 * @param maxFill           larger transient classes are solved by sparse LU when their bandwidth
 *                          bounds the fill to this many entries (16 bytes each), else by
 *                          Gauss–Seidel ({@code >= 0})
 * @param uniformisation    settings of the uniformisation behind {@code cdf} and {@code quantile}
 * @param cdfMethod         how the CDF is computed
 * @param laplaceAbove      with {@link CdfMethod#AUTO}, acyclic chains switch to Laplace inversion
 *                          when uniformisation would need more than this many steps ({@code >= 1})
 */
public record AbsorptionOptions(double tolerance, int maxSweeps, int denseLimit, long maxFill, double quantileTolerance,
                                TransientOptions uniformisation, CdfMethod cdfMethod, double laplaceAbove) {
    /**
     * tolerance 1e-12, 100,000 sweeps, dense up to 1,500 states, sparse LU up to 5e7 fill entries, quantiles to 1e-6 relative,
     * default uniformisation, CDF method AUTO switching above 100,000 steps.
     */
    public static AbsorptionOptions defaults() {
        return new AbsorptionOptions(1e-12, 100_000, 1_500, 50_000_000L, 1e-6, TransientOptions.defaults(), CdfMethod.AUTO, 1e5);
    }

    public AbsorptionOptions {
        if (!(tolerance > 0 && tolerance <= 0.1)) {
            throw new InvalidInputException("tolerance must be in (0, 0.1], got " + tolerance);
        }
        Checks.inRange("maxSweeps", maxSweeps, 1, Integer.MAX_VALUE);
        Checks.inRange("denseLimit", denseLimit, 1, 20_000);
        Checks.inRange("maxFill", maxFill, 0, Long.MAX_VALUE);
        if (!(quantileTolerance > 0 && quantileTolerance <= 0.1)) {
            throw new InvalidInputException("quantile tolerance must be in (0, 0.1], got " + quantileTolerance);
        }
        if (uniformisation == null || cdfMethod == null) {
            throw new InvalidInputException("transient options and CDF method must be given");
        }
        Checks.positive("laplaceAbove", laplaceAbove);
    }

    public AbsorptionOptions withDenseLimit(int limit) {
        return new AbsorptionOptions(tolerance, maxSweeps, limit, maxFill, quantileTolerance, uniformisation, cdfMethod, laplaceAbove);
    }

    public AbsorptionOptions withTolerance(double t) {
        return new AbsorptionOptions(t, maxSweeps, denseLimit, maxFill, quantileTolerance, uniformisation, cdfMethod, laplaceAbove);
    }

    public AbsorptionOptions withQuantileTolerance(double t) {
        return new AbsorptionOptions(tolerance, maxSweeps, denseLimit, maxFill, t, uniformisation, cdfMethod, laplaceAbove);
    }

    public AbsorptionOptions withTransient(TransientOptions t) {
        return new AbsorptionOptions(tolerance, maxSweeps, denseLimit, maxFill, quantileTolerance, t, cdfMethod, laplaceAbove);
    }

    public AbsorptionOptions withCdfMethod(CdfMethod m) {
        return new AbsorptionOptions(tolerance, maxSweeps, denseLimit, maxFill, quantileTolerance, uniformisation, m, laplaceAbove);
    }

    public AbsorptionOptions withMaxFill(long entries) {
        return new AbsorptionOptions(tolerance, maxSweeps, denseLimit, entries, quantileTolerance, uniformisation, cdfMethod, laplaceAbove);
    }
}
