package org.p2prollout.model.mobility;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.p2prollout.model.trace.CoordinateKind;
import org.p2prollout.model.trace.FixCounts;
import org.p2prollout.model.trace.Trace;
import org.p2prollout.model.trace.TraceFormat;
import org.p2prollout.model.trace.Track;
import org.p2prollout.core.Checks;

/**
 * A synthetic multi-day fleet trace with the three features that make real fleets slower than a
 * well-mixed chain: <b>districts</b> (each device works in a home district, square, separated from the
 * others by empty land, and crosses to another district only on a share of its trips),
 * <b>shifts</b> (each device is on the road for one shift a day, starting within an hour of its own
 * habit, and absent otherwise; three in four work days, the rest evenings and nights) and <b>movement at vehicle speed</b> (random waypoint inside
 * the district, straight legs, pauses). Positions are reported every {@link Parameters#fixInterval()}
 * seconds while on shift, nothing while off, like the cab traces.
 *
 * <p>It stands in for a real trace where none is available (CI, a first look at the forecast
 * workflow); it is <em>not</em> evidence that a model holds on real mobility: districts and
 * shifts are close to the spatial chain's own assumptions. Days start at midnight UTC, the first on
 * {@link Parameters#firstDay()}. Deterministic: the same parameters and seed give the same trace
 * (device i draws from the i-th split of the seed).
 */
public final class DistrictWeek {
    /**
     * @param devices        fleet size, {@code >= 2}
     * @param days           number of days, {@code >= 1}
     * @param districts      number of districts in a row, {@code >= 1}
     * @param districtSide   side of a district, metres, {@code > 0}
     * @param gap            empty land between neighbouring districts, metres, {@code >= 0}
     * @param speed          travel speed, metres per second, {@code > 0}
     * @param maxPause       longest pause at a waypoint, seconds, {@code >= 0} (uniform on [0, maxPause])
     * @param crossingShare  probability that a trip goes to another district, in [0, 1]
     * @param shiftHours     shift length, hours, in (0, 24)
     * @param fixInterval    seconds between reported fixes, {@code > 0}
     * @param firstDay       midnight UTC of the first day, ISO-8601 instant
     */
    public record Parameters(int devices, int days, int districts, double districtSide, double gap, double speed,
                             double maxPause, double crossingShare, double shiftHours, double fixInterval,
                             String firstDay) {
        /**
         * 120 devices, a week (Sunday 2026-01-04 to Saturday 2026-01-10),
         * 3 districts of 3 km, 4 km apart, 8 m/s, 5 % of trips to another district, 10 h shifts, a fix a minute.
         */
        public static final Parameters DEFAULT = new Parameters(120, 7, 3, 3000, 4000, 8, 300, 0.05, 10, 60,
                "2026-01-04T00:00:00Z");

        public Parameters {
            Checks.inRange("devices", devices, 2, Integer.MAX_VALUE);
            Checks.inRange("days", days, 1, 366);
            Checks.inRange("districts", districts, 1, 1000);
            Checks.positive("district side (m)", districtSide);
            Checks.nonNegative("gap (m)", gap);
            Checks.positive("speed (m/s)", speed);
            Checks.nonNegative("max pause (s)", maxPause);
            Checks.probability("crossing share", crossingShare);
            Checks.positive("shift (h)", shiftHours);
            if (shiftHours >= 24) {
                throw new org.p2prollout.core.InvalidInputException("shift must be shorter than 24 h, got " + shiftHours);
            }
            Checks.positive("fix interval (s)", fixInterval);
            Instant.parse(firstDay);
        }

        public Parameters withDevices(int n) {
            return new Parameters(n, days, districts, districtSide, gap, speed, maxPause, crossingShare, shiftHours,
                    fixInterval, firstDay);
        }

        public Parameters withDays(int d) {
            return new Parameters(devices, d, districts, districtSide, gap, speed, maxPause, crossingShare, shiftHours,
                    fixInterval, firstDay);
        }
    }

    private DistrictWeek() {
    }

    /** The trace (format {@link TraceFormat#ONE_MOVEMENT}: cartesian metres), source named {@code synthetic:districts}. */
    public static Trace generate(Parameters p, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        double t0 = Instant.parse(p.firstDay()).getEpochSecond();
        List<Track> tracks = new ArrayList<>(p.devices());
        long fixes = 0;
        for (int i = 0; i < p.devices(); i++) {
            Track t = device(p, i, root.split(), t0);
            fixes += t.size();
            tracks.add(t);
        }
        return new Trace("synthetic:districts", TraceFormat.ONE_MOVEMENT, false, CoordinateKind.METRES, null, tracks,
                new FixCounts(fixes, 0, 0, 0, 0));
    }

    /** Left edge of district k, metres. */
    private static double left(Parameters p, int k) {
        return k * (p.districtSide() + p.gap());
    }

    private static Track device(Parameters p, int i, SplittableRandom r, double t0) {
        int home = i % p.districts();
        // a personal habit: the shift starts around this hour, give or take an hour each day; three in four
        // devices work days (start 6 am to 4 pm), the rest evenings and nights (4 pm to 2 am)
        double habit = r.nextDouble() < 0.75 ? 6 + 10 * r.nextDouble() : 16 + 10 * r.nextDouble();
        List<double[]> fixes = new ArrayList<>();
        double dt = p.fixInterval();
        for (int day = 0; day < p.days(); day++) {
            double start = t0 + day * 86_400.0 + 3600 * (habit + 2 * r.nextDouble() - 1);
            double end = start + 3600 * p.shiftHours();
            int district = home;
            double x = left(p, district) + p.districtSide() * r.nextDouble();
            double y = p.districtSide() * r.nextDouble();
            double t = Math.ceil(start / dt) * dt;
            double legEnd = t;
            double tx = x;
            double ty = y;
            double fromX = x;
            double fromY = y;
            double departed = t;
            double pauseEnd = t;
            while (t <= end) {
                while (t >= pauseEnd) {
                    // arrived and rested (perhaps more than once since the last fix): the next waypoint
                    fromX = tx;
                    fromY = ty;
                    if (p.districts() > 1 && r.nextDouble() < p.crossingShare()) {
                        int other = r.nextInt(p.districts() - 1);
                        district = other >= district ? other + 1 : other;
                    } else if (district != home && r.nextDouble() < 0.5) {
                        district = home;
                    }
                    tx = left(p, district) + p.districtSide() * r.nextDouble();
                    ty = p.districtSide() * r.nextDouble();
                    departed = pauseEnd;
                    legEnd = departed + Math.hypot(tx - fromX, ty - fromY) / p.speed();
                    pauseEnd = legEnd + p.maxPause() * r.nextDouble();
                }
                double f = legEnd > departed ? Math.min(1, Math.max(0, (t - departed) / (legEnd - departed))) : 1;
                x = fromX + f * (tx - fromX);
                y = fromY + f * (ty - fromY);
                fixes.add(new double[] {t, x, y});
                t += dt;
            }
        }
        double[] ts = new double[fixes.size()];
        double[] xs = new double[fixes.size()];
        double[] ys = new double[fixes.size()];
        for (int k = 0; k < ts.length; k++) {
            double[] f = fixes.get(k);
            ts[k] = f[0];
            xs[k] = f[1];
            ys[k] = f[2];
        }
        return new Track(i, String.format(java.util.Locale.ROOT, "d%04d", i), ts, xs, ys);
    }
}
