package org.p2prollout.model.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.p2prollout.core.InvalidInputException;

/** The error bounds stated in {@link LocalProjection}'s Javadoc, checked against haversine. */
class LocalProjectionTest {
    private static final double LAT0 = 37.77;
    private static final double LON0 = -122.42;
    private static final double M_PER_DEG = Math.toRadians(1) * LocalProjection.EARTH_RADIUS;

    /** Largest relative error of projected distances over random pairs within {@code radius} metres of the centre. */
    private static double worstRelativeError(double radius, double minDistance, long seed) {
        LocalProjection p = new LocalProjection(LAT0, LON0);
        SplittableRandom rnd = new SplittableRandom(seed);
        double worst = 0;
        for (int k = 0; k < 20_000; k++) {
            double[] a = randomPoint(rnd, radius);
            double[] b = randomPoint(rnd, radius);
            double h = Haversine.distance(a[0], a[1], b[0], b[1]);
            if (h < minDistance) {
                continue;
            }
            double e = Math.hypot(p.x(a[0], a[1]) - p.x(b[0], b[1]), p.y(a[0], a[1]) - p.y(b[0], b[1]));
            worst = Math.max(worst, Math.abs(e - h) / h);
        }
        return worst;
    }

    private static double[] randomPoint(SplittableRandom rnd, double radius) {
        double r = radius * Math.sqrt(rnd.nextDouble());
        double th = rnd.nextDouble(2 * Math.PI);
        double lat = LAT0 + r * Math.sin(th) / M_PER_DEG;
        double lon = LON0 + r * Math.cos(th) / (M_PER_DEG * Math.cos(Math.toRadians(LAT0)));
        return new double[] {lat, lon};
    }

    @Test
    void cityWideDistancesWithinQuarterPercentOfHaversine() {
        double worst = worstRelativeError(20_000, 10, 1);
        assertTrue(worst <= 0.0025, "worst relative error within 20 km: " + worst);
    }

    @Test
    void within8kmDistancesWithinTenthOfAPercent() {
        double worst = worstRelativeError(8_000, 10, 2);
        assertTrue(worst <= 0.001, "worst relative error within 8 km: " + worst);
    }

    @Test
    void contactRangeOf100mIsOffByAtMostQuarterMetreAcrossTheCity() {
        LocalProjection p = new LocalProjection(LAT0, LON0);
        SplittableRandom rnd = new SplittableRandom(3);
        for (int k = 0; k < 5_000; k++) {
            double[] a = randomPoint(rnd, 20_000);
            double th = rnd.nextDouble(2 * Math.PI);
            double lat = a[0] + 100 * Math.sin(th) / M_PER_DEG;
            double lon = a[1] + 100 * Math.cos(th) / (M_PER_DEG * Math.cos(Math.toRadians(a[0])));
            double h = Haversine.distance(a[0], a[1], lat, lon);
            double e = Math.hypot(p.x(a[0], a[1]) - p.x(lat, lon), p.y(a[0], a[1]) - p.y(lat, lon));
            assertEquals(h, e, 0.25, "100 m pair at " + a[0] + "," + a[1]);
        }
    }

    @Test
    void northSouthDistanceIsExactOnTheSphere() {
        LocalProjection p = new LocalProjection(LAT0, LON0);
        double h = Haversine.distance(LAT0, LON0, LAT0 + 0.1, LON0);
        assertEquals(h, p.y(LAT0 + 0.1, LON0), 1e-6);
        assertEquals(0, p.x(LAT0 + 0.1, LON0), 1e-9);
    }

    @Test
    void haversineMatchesAKnownDistance() {
        // One degree of latitude on the sphere of mean radius: R * pi / 180.
        assertEquals(111_195.08, Haversine.distance(0, 0, 1, 0), 0.01);
    }

    @Test
    void rejectsPolarCentre() {
        assertThrows(InvalidInputException.class, () -> new LocalProjection(89, 0));
    }
}
