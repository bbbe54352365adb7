package org.p2prollout.model.mobility;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.p2prollout.core.InvalidInputException;

/** Properties every synthetic model must have, and each model's own laws. */
class SyntheticMobilityTest {
    private static final Area KM = new Area(1000, 1000);

    @Test
    void trajectoriesDependOnTheSeedOnlyNotOnWhenTheyAreSampled() {
        checkSamplingIndependence(seed -> new RandomWalkParameters(50, KM, 0.5, 3, 20).create(seed));
        checkSamplingIndependence(seed -> new RandomWaypointParameters(50, KM, 0.5, 3, 0, 30,
                RandomWaypointParameters.Start.STATIONARY, 0).create(seed));
        checkSamplingIndependence(seed -> new RandomWaypointParameters(50, KM, 0.5, 3, 0, 30,
                RandomWaypointParameters.Start.UNIFORM, 100).create(seed));
        checkSamplingIndependence(seed -> new CityParameters(50, KM, 100, 0.3, 5, 15, 60, 300).create(seed));
    }

    private static void checkSamplingIndependence(LongFunction<MobilityModel> factory) {
        MobilityModel fine = factory.apply(11);
        MobilityModel coarse = factory.apply(11);
        MobilityModel other = factory.apply(12);
        int n = fine.devices();
        double[] x1 = new double[n];
        double[] y1 = new double[n];
        double[] x2 = new double[n];
        double[] y2 = new double[n];
        for (int t = 0; t <= 900; t++) {
            fine.positionsAt(t, x1, y1);
            for (int i = 0; i < n; i++) {
                assertTrue(x1[i] >= 0 && x1[i] <= fine.area().width() && y1[i] >= 0 && y1[i] <= fine.area().height(),
                        "device " + i + " left the area at " + t);
            }
        }
        coarse.positionsAt(900, x2, y2);
        assertArrayEquals(x1, x2, 1e-9);
        assertArrayEquals(y1, y2, 1e-9);
        other.positionsAt(900, x2, y2);
        assertFalse(java.util.Arrays.equals(x1, x2), "another seed must give other trajectories");
    }

    @Test
    void randomWalkNeverOutrunsItsMaximumSpeedAndStaysUniform() {
        int n = 20_000;
        RandomWalk walk = new RandomWalkParameters(n, KM, 1, 2, 30).create(5);
        double[] x0 = new double[n];
        double[] y0 = new double[n];
        double[] x1 = new double[n];
        double[] y1 = new double[n];
        walk.positionsAt(3000, x0, y0);
        walk.positionsAt(3010, x1, y1);
        int central = 0;
        for (int i = 0; i < n; i++) {
            assertTrue(Math.hypot(x1[i] - x0[i], y1[i] - y0[i]) <= 2 * 10 + 1e-9);
            if (x1[i] >= 250 && x1[i] < 750 && y1[i] >= 250 && y1[i] < 750) {
                central++;
            }
        }
        // Uniform law: a quarter of the devices in the central quarter; 4 binomial sigmas.
        assertEquals(0.25, central / (double) n, 4 * Math.sqrt(0.25 * 0.75 / n));
    }

    /**
     * The stationary start is what long runs converge to: the paused share, the mean speed of
     * moving devices (density ∝ 1/v gives (b - a) / ln(b/a)) and the share in the central quarter
     * are the same at time 0 as after 10 legs; the uniform start shows the known speed decay.
     */
    @Test
    void randomWaypointStationaryStartHasNoTransient() {
        // 100,000 devices: the central share must resolve 0.02, the error of a start on unbiased legs.
        int n = 100_000;
        var stationary = new RandomWaypointParameters(n, KM, 1, 2, 0, 100,
                RandomWaypointParameters.Start.STATIONARY, 0);
        double pausedShare = stationary.pausedShare();
        double movingSpeed = 1 / Math.log(2);
        RandomWaypoint model = stationary.create(9);
        double centralAtZero = Double.NaN;
        for (double t : new double[] {0, 4000}) {
            double[] s = snapshot(model, t, n);
            assertEquals(pausedShare, s[0], 4 * Math.sqrt(pausedShare * (1 - pausedShare) / n), "paused share at " + t);
            assertEquals(movingSpeed, s[1], 4 * 0.29 / Math.sqrt(n * (1 - pausedShare)), "moving speed at " + t);
            if (t == 0) {
                centralAtZero = s[2];
            } else {
                assertEquals(centralAtZero, s[2], 4 * Math.sqrt(2 * 0.4 * 0.6 / n), "central share at " + t);
            }
        }
        assertTrue(centralAtZero > 0.25 + 0.05, "waypoint density concentrates in the centre");
        var uniform = new RandomWaypointParameters(n, KM, 1, 2, 0, 100, RandomWaypointParameters.Start.UNIFORM, 0);
        double[] s = snapshot(uniform.create(9), 0, n);
        assertEquals(0, s[0], 1e-12, "the uniform start has everyone leaving at once");
        assertEquals(1.5, s[1], 4 * 0.29 / Math.sqrt(n), "the uniform start has the mean of the speed law");
    }

    /**
     * The uniform start's transient: its mean speed starts at the mean of the speed law, 1.5 m/s,
     * and a warm-up of many legs (20,000 s ≈ 40 legs of ~500 s) brings it to the stationary
     * (b - a) / ln(b/a) = 1.4427 m/s; both within 4 standard errors (speed sd ≤ 0.29 m/s).
     */
    @Test
    void randomWaypointWarmUpRemovesTheSpeedDecay() {
        int n = 40_000;
        var cold = new RandomWaypointParameters(n, KM, 1, 2, 0, 0, RandomWaypointParameters.Start.UNIFORM, 0);
        var warm = new RandomWaypointParameters(n, KM, 1, 2, 0, 0, RandomWaypointParameters.Start.UNIFORM, 20_000);
        double tolerance = 4 * 0.29 / Math.sqrt(n);
        assertEquals(1.5, snapshot(cold.create(4), 0, n)[1], tolerance);
        assertEquals(1 / Math.log(2), snapshot(warm.create(4), 0, n)[1], tolerance);
    }

    @Test
    void parametersSurviveSerialisationAndRebuildTheSameModel() throws Exception {
        MobilityParameters params = CityParameters.defaults(30);
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(params);
        }
        MobilityParameters copy;
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (MobilityParameters) in.readObject();
        }
        assertEquals(params, copy);
        double[] x1 = new double[30];
        double[] y1 = new double[30];
        double[] x2 = new double[30];
        double[] y2 = new double[30];
        params.create(5).positionsAt(1000, x1, y1);
        copy.create(5).positionsAt(1000, x2, y2);
        assertArrayEquals(x1, x2, 0.0);
        assertArrayEquals(y1, y2, 0.0);
    }

    /** {paused share, mean speed of moving devices, share in the central quarter} at t. */
    private static double[] snapshot(MobilityModel model, double t, int n) {
        double[] x0 = new double[n];
        double[] y0 = new double[n];
        double[] x1 = new double[n];
        double[] y1 = new double[n];
        double dt = 1e-3;
        model.positionsAt(t, x0, y0);
        model.positionsAt(t + dt, x1, y1);
        int paused = 0;
        int central = 0;
        double speedSum = 0;
        for (int i = 0; i < n; i++) {
            double v = Math.hypot(x1[i] - x0[i], y1[i] - y0[i]) / dt;
            if (v < 1e-6) {
                paused++;
            } else {
                speedSum += v;
            }
            if (x0[i] >= 250 && x0[i] < 750 && y0[i] >= 250 && y0[i] < 750) {
                central++;
            }
        }
        return new double[] {paused / (double) n, speedSum / (n - paused), central / (double) n};
    }

    @Test
    void cityDevicesStayOnStreetsAndParkedOnesNeverMove() {
        int n = 2000;
        var params = new CityParameters(n, new Area(2000, 1500), 100, 0.25, 5, 15, 60, 600);
        CityFleet city = params.create(3);
        assertEquals(500, params.parkedDevices());
        int parked = 0;
        for (int i = 0; i < n; i++) {
            parked += city.isParked(i) ? 1 : 0;
        }
        assertEquals(500, parked);
        double[] x0 = new double[n];
        double[] y0 = new double[n];
        double[] x1 = new double[n];
        double[] y1 = new double[n];
        city.positionsAt(0, x0, y0);
        double moved = 0;
        for (double t = 10; t <= 3600; t += 10) {
            city.positionsAt(t, x1, y1);
            for (int i = 0; i < n; i++) {
                boolean onStreet = Math.abs(x1[i] / 100 - Math.rint(x1[i] / 100)) < 1e-9
                        || Math.abs(y1[i] / 100 - Math.rint(y1[i] / 100)) < 1e-9;
                assertTrue(onStreet, "device " + i + " off the streets at (" + x1[i] + ", " + y1[i] + ")");
                double manhattan = Math.abs(x1[i] - x0[i]) + Math.abs(y1[i] - y0[i]);
                assertTrue(manhattan <= 15 * 10 + 1e-6, "device " + i + " too fast");
                if (city.isParked(i)) {
                    assertEquals(0, manhattan, 0.0);
                }
                moved += manhattan;
            }
            System.arraycopy(x1, 0, x0, 0, n);
            System.arraycopy(y1, 0, y0, 0, n);
        }
        // Moving devices drive most of the time: average speed well above zero.
        assertTrue(moved / 1500 / 3600 > 3, "moving devices must cover ground");
    }

    @Test
    void parametersNameTheOffendingField() {
        assertMessage("devices", () -> new RandomWalkParameters(0, KM, 1, 2, 10));
        assertMessage("maxSpeed", () -> new RandomWalkParameters(5, KM, 3, 2, 10));
        assertMessage("epoch", () -> new RandomWalkParameters(5, KM, 1, 2, 0));
        assertMessage("minSpeed", () -> RandomWaypointParameters.of(5, KM, 0, 2));
        assertMessage("maxPause", () -> new RandomWaypointParameters(5, KM, 1, 2, 5, 1,
                RandomWaypointParameters.Start.STATIONARY, 0));
        assertMessage("warmUp", () -> new RandomWaypointParameters(5, KM, 1, 2, 0, 1,
                RandomWaypointParameters.Start.STATIONARY, -1));
        assertMessage("parkedShare", () -> new CityParameters(5, KM, 100, 1.5, 5, 15, 60, 0));
        assertMessage("blockLength", () -> new CityParameters(5, KM, 2000, 0.5, 5, 15, 60, 0));
        assertMessage("rate", () -> ContactProcessParameters.instantaneous(5, 0));
        assertMessage("meanDuration", () -> new ContactProcessParameters(5, 1,
                ContactProcessParameters.Durations.EXPONENTIAL, 0));
        assertMessage("time", () -> {
            RandomWalk w = RandomWalkParameters.pedestrians(3).create(1);
            w.positionsAt(10, new double[3], new double[3]);
            w.positionsAt(5, new double[3], new double[3]);
        });
    }

    private static void assertMessage(String parameter, org.junit.jupiter.api.function.Executable e) {
        InvalidInputException ex = assertThrows(InvalidInputException.class, e);
        assertTrue(ex.getMessage().startsWith(parameter), ex.getMessage());
    }
}
