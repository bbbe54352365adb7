package org.p2prollout.model.spread;

import java.util.Arrays;
import org.p2prollout.core.Checks;
import org.p2prollout.core.InvalidInputException;

/**
 * What is forecast: releases at uniformly random times in {@code [releaseFrom, releaseTo)}, each
 * from {@code initialHolders} devices drawn among those present at the release time, followed for
 * {@code horizon} seconds. T_q is the time until a share q of the devices present at some time in
 * {@code [release, release + horizon]} holds the update (so devices that never show up that day
 * are not counted, and devices that show up later can still be reached).
 *
 * @param releaseFrom    earliest release time, seconds on the trace clock
 * @param releaseTo      latest release time (exclusive), seconds, {@code > releaseFrom}
 * @param horizon        how long each release is followed, seconds, {@code > 0} (default 86,400)
 * @param initialHolders devices holding the update at release, {@code >= 1} (default 1)
 * @param transfer       seconds a contact must last to pass the update ({@code bytes / bandwidth};
 *                       0 = instantaneous), {@code >= 0}
 * @param serverRate     rate μ at which a present device lacking the update downloads it from the
 *                       server, per second of presence, {@code >= 0}
 * @param releases       number of sampled releases, {@code >= 1} (default 2,000)
 * @param seed           seed of the release sampling; release i is a pure function of (seed, i)
 * @param levels         coverage levels q in (0, 1], ascending (default 0.5, 0.9, 0.99)
 */
public record ReleasePlan(double releaseFrom, double releaseTo, double horizon, int initialHolders, double transfer,
                          double serverRate, int releases, long seed, double[] levels) {
    /** The default coverage levels. */
    public static final double[] DEFAULT_LEVELS = {0.5, 0.9, 0.99};
    /** The default horizon: one day, seconds. */
    public static final double DAY = 86_400;

    public ReleasePlan {
        if (!(releaseFrom < releaseTo) || !Double.isFinite(releaseFrom) || !Double.isFinite(releaseTo)) {
            throw new InvalidInputException("release window must be finite with from < to (seconds), got ["
                    + releaseFrom + ", " + releaseTo + ")");
        }
        Checks.positive("horizon (s)", horizon);
        Checks.inRange("initialHolders", initialHolders, 1, Integer.MAX_VALUE);
        Checks.nonNegative("transfer time (s)", transfer);
        Checks.nonNegative("serverRate (per s)", serverRate);
        Checks.inRange("releases", releases, 1, 10_000_000);
        levels = levels == null ? DEFAULT_LEVELS.clone() : levels.clone();
        if (levels.length == 0) {
            throw new InvalidInputException("levels needs at least one coverage level in (0, 1]");
        }
        for (int i = 0; i < levels.length; i++) {
            Checks.fractionAboveZero("levels", levels[i]);
            if (i > 0 && !(levels[i] > levels[i - 1])) {
                throw new InvalidInputException("levels must be ascending, got " + Arrays.toString(levels));
            }
        }
    }

    /** Releases in {@code [from, to)}, one initial holder, instantaneous transfer, no server, 2,000 releases, a day's horizon. */
    public static ReleasePlan of(double from, double to, long seed) {
        return new ReleasePlan(from, to, DAY, 1, 0, 0, 2000, seed, DEFAULT_LEVELS);
    }

    @Override
    public double[] levels() {
        return levels.clone();
    }

    public ReleasePlan withReleases(int n) {
        return new ReleasePlan(releaseFrom, releaseTo, horizon, initialHolders, transfer, serverRate, n, seed, levels);
    }

    public ReleasePlan withWindow(double from, double to) {
        return new ReleasePlan(from, to, horizon, initialHolders, transfer, serverRate, releases, seed, levels);
    }

    public ReleasePlan withHorizon(double h) {
        return new ReleasePlan(releaseFrom, releaseTo, h, initialHolders, transfer, serverRate, releases, seed, levels);
    }

    public ReleasePlan withServerRate(double mu) {
        return new ReleasePlan(releaseFrom, releaseTo, horizon, initialHolders, transfer, mu, releases, seed, levels);
    }

    public ReleasePlan withTransfer(double seconds) {
        return new ReleasePlan(releaseFrom, releaseTo, horizon, initialHolders, seconds, serverRate, releases, seed, levels);
    }

    public ReleasePlan withInitialHolders(int m) {
        return new ReleasePlan(releaseFrom, releaseTo, horizon, m, transfer, serverRate, releases, seed, levels);
    }

    public ReleasePlan withSeed(long s) {
        return new ReleasePlan(releaseFrom, releaseTo, horizon, initialHolders, transfer, serverRate, releases, s, levels);
    }

    public ReleasePlan withLevels(double[] l) {
        return new ReleasePlan(releaseFrom, releaseTo, horizon, initialHolders, transfer, serverRate, releases, seed, l);
    }

    /** The key of level q in JSON and tables: "0.5", "0.9", "0.99", "1". */
    public static String key(double q) {
        if (q == 1) {
            return "1";
        }
        String s = String.format(java.util.Locale.ROOT, "%.6f", q);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReleasePlan p && p.releaseFrom == releaseFrom && p.releaseTo == releaseTo
                && p.horizon == horizon && p.initialHolders == initialHolders && p.transfer == transfer
                && p.serverRate == serverRate && p.releases == releases && p.seed == seed
                && Arrays.equals(p.levels, levels);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(releaseFrom, releaseTo, horizon, initialHolders, transfer, serverRate, releases,
                seed, Arrays.hashCode(levels));
    }

    @Override
    public String toString() {
        return "ReleasePlan[" + releaseFrom + ".." + releaseTo + ", horizon " + horizon + " s, " + initialHolders
                + " holder(s), transfer " + transfer + " s, mu " + serverRate + ", " + releases + " releases, seed "
                + seed + ", levels " + Arrays.toString(levels) + "]";
    }
}
