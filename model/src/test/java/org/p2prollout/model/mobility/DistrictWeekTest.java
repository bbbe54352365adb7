package org.p2prollout.model.mobility;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.p2prollout.model.trace.Trace;
import org.p2prollout.model.trace.Track;
import org.p2prollout.core.InvalidInputException;

class DistrictWeekTest {
    static final DistrictWeek.Parameters P = DistrictWeek.Parameters.DEFAULT.withDevices(30).withDays(3);

    @Test
    void sameSeedSameTraceOtherSeedOtherTrace() {
        Trace a = DistrictWeek.generate(P, 5);
        Trace b = DistrictWeek.generate(P, 5);
        Trace c = DistrictWeek.generate(P, 6);
        for (int i = 0; i < a.devices(); i++) {
            assertArrayEquals(a.tracks().get(i).times(), b.tracks().get(i).times());
            assertArrayEquals(a.tracks().get(i).xs(), b.tracks().get(i).xs());
        }
        assertTrue(a.tracks().get(0).xs()[0] != c.tracks().get(0).xs()[0]);
    }

    @Test
    void oneShiftADayAtVehicleSpeedMostlyInTheHomeDistrict() {
        Trace t = DistrictWeek.generate(P, 1);
        double side = P.districtSide();
        double pitch = side + P.gap();
        long home = 0;
        long all = 0;
        for (Track tr : t.tracks()) {
            // a 10 h shift a day, a fix a minute: 601 fixes a day (both ends included)
            assertEquals(P.days() * (int) (P.shiftHours() * 60 + 1), tr.size(), 1.0 * P.days(), tr.name());
            int district = tr.device() % P.districts();
            for (int k = 0; k < tr.size(); k++) {
                double x = tr.xs()[k];
                double y = tr.ys()[k];
                assertTrue(y >= 0 && y <= side && x >= 0 && x <= P.districts() * pitch, "inside the map");
                if (x >= district * pitch && x <= district * pitch + side) {
                    home++;
                }
                all++;
                if (k > 0 && tr.times()[k] - tr.times()[k - 1] <= P.fixInterval()) {
                    double v = Math.hypot(x - tr.xs()[k - 1], y - tr.ys()[k - 1]) / P.fixInterval();
                    assertTrue(v <= P.speed() * (1 + 1e-6), "speed " + v);
                }
            }
        }
        // 5 % of trips leave the district, each next trip comes back with probability 1/2, but trips away are
        // long (4 km of empty land each way): about three quarters of the fixes are at home (74 % for seed 1)
        assertTrue(home > 0.6 * all && home < 0.9 * all, home + " of " + all);
        assertTrue(home < all, "some trips cross to another district");
    }

    @Test
    void badParametersNameTheParameter() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new DistrictWeek.Parameters(1, 7, 3, 3000, 4000, 8, 300, 0.05, 10, 60, "2026-01-04T00:00:00Z"));
        assertTrue(e.getMessage().contains("devices"), e.getMessage());
        assertThrows(InvalidInputException.class,
                () -> new DistrictWeek.Parameters(10, 7, 3, 3000, 4000, 8, 300, 1.5, 10, 60, "2026-01-04T00:00:00Z"));
        assertThrows(InvalidInputException.class,
                () -> new DistrictWeek.Parameters(10, 7, 3, 3000, 4000, 8, 300, 0.05, 24, 60, "2026-01-04T00:00:00Z"));
    }
}
