package org.p2prollout.solver.ode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.solver.NotConvergedException;

class OdeSolverTest {
    /** Logistic growth dy/dt = r y (1 - y): y(t) = y0 e^{rt} / (1 - y0 + y0 e^{rt}). */
    private static VectorField logistic(double r) {
        return new VectorField() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void derivative(double t, double[] y, double[] dydt) {
                dydt[0] = r * y[0] * (1 - y[0]);
            }
        };
    }

    private static double logisticExact(double r, double y0, double t) {
        double e = Math.exp(r * t);
        return y0 * e / (1 - y0 + y0 * e);
    }

    @Test
    void logisticTrajectoryAndEventTimeMatchClosedForm() {
        double r = 0.8;
        double y0 = 1e-3;
        double[] times = {0, 1, 5, 8.5, 12, 20};
        double[] initial = {y0};
        OdeResult res = new OdeSolver(OdeOptions.DEFAULT).integrate(logistic(r), 0, initial, 20, times,
                List.of(LevelEvent.component("half", 0, 0.5), LevelEvent.of("ninety", y -> y[0], 0.9),
                        LevelEvent.component("never", 0, 1.5)), false);
        assertArrayEquals(new double[] {y0}, initial, "input unchanged");
        assertArrayEquals(times, res.sampleTimes());
        for (int i = 0; i < times.length; i++) {
            assertEquals(logisticExact(r, y0, times[i]), res.samples()[i][0], 1e-8, "t = " + times[i]);
        }
        // y = q at t = ln(q (1 - y0) / ((1 - q) y0)) / r
        double half = Math.log((1 - y0) / y0) / r;
        double ninety = Math.log(0.9 * (1 - y0) / (0.1 * y0)) / r;
        assertEquals(half, res.eventTime("half"), 1e-8);
        assertEquals(ninety, res.eventTime("ninety"), 1e-8);
        assertTrue(Double.isNaN(res.eventTime("never")));
        assertEquals(20, res.endTime());
        assertEquals(logisticExact(r, y0, 20), res.endState()[0], 1e-8);
        assertEquals("DormandPrince853", res.integrator());
        assertTrue(res.steps() > 0 && res.evaluations() > res.steps());
    }

    @Test
    void stopsWhenAllEventsReached() {
        double r = 2;
        OdeResult res = new OdeSolver(OdeOptions.DEFAULT).integrate(logistic(r), 0, new double[] {0.01}, 100,
                new double[] {1, 99}, List.of(LevelEvent.component("half", 0, 0.5)), true);
        double half = Math.log(0.99 / 0.01) / r;
        assertEquals(half, res.endTime(), 1e-8);
        assertEquals(1, res.sampleTimes().length, "the sample after the stop is absent");
        assertEquals(0.5, res.endState()[0], 1e-8);
    }

    @Test
    void linearSystemMatchesMatrixExponential() {
        // rotation-damped: y'' + y = 0 as a system; y(t) = (cos t, -sin t)
        VectorField f = new VectorField() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void derivative(double t, double[] y, double[] d) {
                d[0] = y[1];
                d[1] = -y[0];
            }
        };
        OdeResult res = new OdeSolver(OdeOptions.DEFAULT.withMaxCheckInterval(0.1)).integrate(f, 0, new double[] {1, 0}, 10,
                new double[] {Math.PI, 10}, List.of(LevelEvent.component("zero", 0, 0.0)), false);
        assertEquals(-1, res.samples()[0][0], 1e-8);
        assertEquals(Math.cos(10), res.samples()[1][0], 1e-8);
        assertEquals(Math.PI / 2, res.eventTime("zero"), 1e-8);
    }

    @Test
    void reportsFailureAndRejectsBadInput() {
        OdeSolver s = new OdeSolver(new OdeOptions(1e-10, 1e-10, 0, Double.POSITIVE_INFINITY, 1, 1e-10, 50));
        assertThrows(NotConvergedException.class,
                () -> s.integrate(logistic(1), 0, new double[] {0.1}, 100, new double[0], List.of(), false));
        assertThrows(InvalidInputException.class,
                () -> s.integrate(logistic(1), 0, new double[] {0.1, 2}, 1, new double[0], List.of(), false));
        assertThrows(InvalidInputException.class,
                () -> s.integrate(logistic(1), 0, new double[] {0.1}, 1, new double[] {0.5, 0.2}, List.of(), false));
    }
}
