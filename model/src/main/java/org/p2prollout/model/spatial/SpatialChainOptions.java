package org.p2prollout.model.spatial;

import org.p2prollout.core.Checks;
import org.p2prollout.core.InvalidInputException;

/**
 * Settings of the exact spatial chain ({@link SpatialChain}) and of when it is too large to use.
 * A chain beyond any of the three limits is not built: the caller answers with the mean field
 * instead ({@link SpatialMeanField}) and says so.
 *
 * @param maxStates     most states of one exact chain (count vectors of holders and non-holders per
 *                      device state, the "target reached" state included), in [1, 2^31 − 9] (100,000)
 * @param maxEntries    most generator entries stored, over all time slots of one chain: memory, about
 *                      24 bytes an entry, in [1, 2^31 − 9] (20,000,000, about 0.5 GB)
 * @param maxWork       most work estimated a priori, generator entries × uniformisation steps summed over
 *                      every solve (release time and level), {@code > 0} (5e10, about a minute on two cores;
 *                      a solve that settles early costs less than its estimate)
 * @param epsilon       bound on the uniformisation error of every CDF value of T_q, summed over the hours
 *                      a release is followed, in (0, 0.01] (1e-6)
 * @param phasesPerHour release times solved per hour of the release window, at the midpoints of equal
 *                      strata of it (the release-time mixture by the midpoint rule), in [1, 60] (2)
 * @param gridSeconds   step of the time grid on which the CDF of T_q is evaluated, seconds, {@code > 0} (60);
 *                      quantiles interpolate linearly between grid
 *                      points, means are exact (integrated within the uniformisation series)
 */
public record SpatialChainOptions(long maxStates, long maxEntries, double maxWork, double epsilon, int phasesPerHour,
                                  double gridSeconds) {
    /** 100,000 states, 2e7 entries, 5e10 entry-steps, ε = 1e-6, two release times per hour, a 60 s grid. */
    public static final SpatialChainOptions DEFAULT = new SpatialChainOptions(100_000, 20_000_000, 5e10, 1e-6, 2, 60);

    public SpatialChainOptions {
        Checks.inRange("exact chain state limit", maxStates, 1, Integer.MAX_VALUE - 8);
        Checks.inRange("exact chain entry limit", maxEntries, 1, Integer.MAX_VALUE - 8);
        Checks.positive("exact chain work limit", maxWork);
        if (!(epsilon > 0 && epsilon <= 0.01)) {
            throw new InvalidInputException("exact chain error bound must be in (0, 0.01], got " + epsilon);
        }
        Checks.inRange("release times per hour", phasesPerHour, 1, 60);
        Checks.positive("CDF grid step (s)", gridSeconds);
    }

    public SpatialChainOptions withMaxStates(long n) {
        return new SpatialChainOptions(n, maxEntries, maxWork, epsilon, phasesPerHour, gridSeconds);
    }

    public SpatialChainOptions withMaxEntries(long n) {
        return new SpatialChainOptions(maxStates, n, maxWork, epsilon, phasesPerHour, gridSeconds);
    }

    public SpatialChainOptions withMaxWork(double w) {
        return new SpatialChainOptions(maxStates, maxEntries, w, epsilon, phasesPerHour, gridSeconds);
    }

    public SpatialChainOptions withEpsilon(double e) {
        return new SpatialChainOptions(maxStates, maxEntries, maxWork, e, phasesPerHour, gridSeconds);
    }

    public SpatialChainOptions withPhasesPerHour(int p) {
        return new SpatialChainOptions(maxStates, maxEntries, maxWork, epsilon, p, gridSeconds);
    }

    public SpatialChainOptions withGridSeconds(double g) {
        return new SpatialChainOptions(maxStates, maxEntries, maxWork, epsilon, phasesPerHour, g);
    }
}
