package org.p2prollout.model.forecast;

import java.util.Arrays;
import org.p2prollout.model.spread.ReleasePlan;
import org.p2prollout.core.Checks;
import org.p2prollout.core.InvalidInputException;

/**
 * What a forecast answers (PRODUCT.md §4.7, the default forecast): a release at a uniformly random
 * local time within {@code [releaseFromHour, releaseToHour)} of a day, from {@code initialHolders}
 * random devices present then, followed for {@code horizon} seconds; T_q counts the devices present
 * at some time within the horizon. What-ifs: a server rate, a transfer time per contact, a fleet
 * scaled at the same density per zone, a radio range factor on encounter rates (models only).
 *
 * @param horizon         seconds each release is followed, {@code > 0} (86,400)
 * @param initialHolders  devices holding the update at release, {@code >= 1} (1)
 * @param serverRate      μ, per second of presence, {@code >= 0} (0)
 * @param transfer        seconds a contact must last to pass the update ({@code bytes / bandwidth}), {@code >= 0} (0)
 * @param fleetScale      devices as a multiple of the trace's fleet at the same density, {@code > 0} (1)
 * @param rangeFactor     radio range as a multiple of the range contacts were found at, {@code > 0} (1)
 * @param releases        releases sampled, {@code >= 1} (2,000 for truth and replay; models may use fewer)
 * @param seed            seed: release i is a pure function of (inputs, seed, i)
 * @param levels          coverage levels q, ascending in (0, 1] (0.5, 0.9, 0.99)
 * @param releaseFromHour first local hour of the release window, in [0, 24) (0)
 * @param releaseToHour   end of the release window, local hour in (from, 24] (24)
 */
public record ForecastQuestion(double horizon, int initialHolders, double serverRate, double transfer, double fleetScale,
                               double rangeFactor, int releases, long seed, double[] levels, double releaseFromHour,
                               double releaseToHour) {
    /** The default forecast. */
    public static final ForecastQuestion DEFAULT = new ForecastQuestion(ReleasePlan.DAY, 1, 0, 0, 1, 1, 2000, 1,
            ReleasePlan.DEFAULT_LEVELS, 0, 24);

    public ForecastQuestion {
        Checks.positive("horizon (s)", horizon);
        Checks.inRange("initialHolders", initialHolders, 1, 1_000_000);
        Checks.nonNegative("serverRate (per s)", serverRate);
        Checks.nonNegative("transfer time (s)", transfer);
        Checks.positive("fleetScale", fleetScale);
        Checks.positive("rangeFactor", rangeFactor);
        Checks.inRange("releases", releases, 1, 10_000_000);
        levels = levels == null ? ReleasePlan.DEFAULT_LEVELS.clone() : levels.clone();
        new ReleasePlan(0, 1, horizon, initialHolders, transfer, serverRate, releases, seed, levels); // same checks
        if (!(releaseFromHour >= 0 && releaseFromHour < 24 && releaseToHour > releaseFromHour && releaseToHour <= 24)) {
            throw new InvalidInputException("releaseHours must be FROM..TO local hours with 0 <= FROM < TO <= 24, got "
                    + releaseFromHour + ".." + releaseToHour);
        }
    }

    @Override
    public double[] levels() {
        return levels.clone();
    }

    /** True when the question asks something a replay of the trace cannot answer (another fleet size or range). */
    public boolean needsModel() {
        return fleetScale != 1 || rangeFactor != 1;
    }

    /** The release plan over one window of the trace's clock, for truth and replay. */
    public ReleasePlan plan(double from, double to) {
        return new ReleasePlan(from, to, horizon, initialHolders, transfer, serverRate, releases, seed, levels);
    }

    public ForecastQuestion withReleases(int n) {
        return new ForecastQuestion(horizon, initialHolders, serverRate, transfer, fleetScale, rangeFactor, n, seed, levels,
                releaseFromHour, releaseToHour);
    }

    public ForecastQuestion withSeed(long s) {
        return new ForecastQuestion(horizon, initialHolders, serverRate, transfer, fleetScale, rangeFactor, releases, s,
                levels, releaseFromHour, releaseToHour);
    }

    public ForecastQuestion withServerRate(double mu) {
        return new ForecastQuestion(horizon, initialHolders, mu, transfer, fleetScale, rangeFactor, releases, seed, levels,
                releaseFromHour, releaseToHour);
    }

    public ForecastQuestion withHorizon(double h) {
        return new ForecastQuestion(h, initialHolders, serverRate, transfer, fleetScale, rangeFactor, releases, seed, levels,
                releaseFromHour, releaseToHour);
    }

    public ForecastQuestion withFleetScale(double f) {
        return new ForecastQuestion(horizon, initialHolders, serverRate, transfer, f, rangeFactor, releases, seed, levels,
                releaseFromHour, releaseToHour);
    }

    public ForecastQuestion withRangeFactor(double r) {
        return new ForecastQuestion(horizon, initialHolders, serverRate, transfer, fleetScale, r, releases, seed, levels,
                releaseFromHour, releaseToHour);
    }

    public ForecastQuestion withInitialHolders(int m) {
        return new ForecastQuestion(horizon, m, serverRate, transfer, fleetScale, rangeFactor, releases, seed, levels,
                releaseFromHour, releaseToHour);
    }

    public ForecastQuestion withTransfer(double t) {
        return new ForecastQuestion(horizon, initialHolders, serverRate, t, fleetScale, rangeFactor, releases, seed, levels,
                releaseFromHour, releaseToHour);
    }

    public ForecastQuestion withLevels(double[] l) {
        return new ForecastQuestion(horizon, initialHolders, serverRate, transfer, fleetScale, rangeFactor, releases, seed,
                l, releaseFromHour, releaseToHour);
    }

    public ForecastQuestion withReleaseHours(double from, double to) {
        return new ForecastQuestion(horizon, initialHolders, serverRate, transfer, fleetScale, rangeFactor, releases, seed,
                levels, from, to);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ForecastQuestion q && q.horizon == horizon && q.initialHolders == initialHolders
                && q.serverRate == serverRate && q.transfer == transfer && q.fleetScale == fleetScale
                && q.rangeFactor == rangeFactor && q.releases == releases && q.seed == seed
                && Arrays.equals(q.levels, levels) && q.releaseFromHour == releaseFromHour
                && q.releaseToHour == releaseToHour;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(horizon, initialHolders, serverRate, transfer, fleetScale, rangeFactor, releases, seed,
                Arrays.hashCode(levels), releaseFromHour, releaseToHour);
    }

    @Override
    public String toString() {
        return "ForecastQuestion[horizon " + horizon + " s, " + initialHolders + " holder(s), mu " + serverRate
                + ", transfer " + transfer + " s, fleet x" + fleetScale + ", range x" + rangeFactor + ", " + releases
                + " releases, seed " + seed + ", levels " + Arrays.toString(levels) + ", hours " + releaseFromHour + ".."
                + releaseToHour + "]";
    }
}
