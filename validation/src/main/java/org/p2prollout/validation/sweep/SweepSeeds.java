package org.p2prollout.validation.sweep;

/**
 * Seeds of sweep points, derived from the sweep's seed and the point's index in the sweep (its
 * position in the grid the sweep file defines), never from a thread, task or executor: a point
 * gets the same seed whichever runner computes it and in whatever order. Replication {@code r} of
 * a point then draws from {@code RandomStreams(pointSeed, r)}, so the numbers of (sweep seed,
 * point index, replication) are fixed, and {@code rollout simulate POINT.yaml --seed pointSeed}
 * reproduces the point's replications.
 *
 * <p>Derivation: {@code mix(mix(sweepSeed ^ SALT) + GOLDEN * (point + 1))}, {@code mix} the
 * SplitMix64 finaliser, {@code GOLDEN = 0x9E3779B97F4A7C15}.
 */
public final class SweepSeeds {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** Keeps point seeds apart from the sweep seed itself (point seeds are not reused as sweep seeds by accident). */
    private static final long SALT = 0x5157EE95EED5L;

    private SweepSeeds() {
    }

    /** The seed of point {@code point} (from 0) of a sweep seeded with {@code sweepSeed}. */
    public static long pointSeed(long sweepSeed, int point) {
        if (point < 0) {
            throw new IllegalArgumentException("point index must be >= 0, got " + point);
        }
        return mix(mix(sweepSeed ^ SALT) + GOLDEN * (point + 1L));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
