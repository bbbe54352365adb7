package org.p2prollout.model.mobility;

import java.util.SplittableRandom;
import org.p2prollout.core.InvalidInputException;

/**
 * Random waypoint (see {@link RandomWaypointParameters}). Each device holds its current leg
 * (from, to, departure, arrival, end of the pause that follows); a position is interpolated on
 * the leg, so sampling costs O(1) per device plus O(1) per leg started.
 */
public final class RandomWaypoint implements MobilityModel {
    private final RandomWaypointParameters p;
    private final SplittableRandom[] streams;
    private final double[] fromX;
    private final double[] fromY;
    private final double[] toX;
    private final double[] toY;
    private final double[] depart;
    private final double[] arrive;
    private final double[] resume;
    private double lastTime;

    RandomWaypoint(RandomWaypointParameters p, long seed) {
        this.p = p;
        int n = p.devices();
        streams = Streams.perDevice(seed, n);
        fromX = new double[n];
        fromY = new double[n];
        toX = new double[n];
        toY = new double[n];
        depart = new double[n];
        arrive = new double[n];
        resume = new double[n];
        double t0 = -p.warmUp();
        for (int i = 0; i < n; i++) {
            if (p.start() == RandomWaypointParameters.Start.STATIONARY) {
                stationaryStart(i, t0);
            } else {
                double x = streams[i].nextDouble() * p.area().width();
                double y = streams[i].nextDouble() * p.area().height();
                newLeg(i, x, y, t0);
            }
        }
        lastTime = t0;
    }

    public RandomWaypointParameters parameters() {
        return p;
    }

    @Override
    public int devices() {
        return p.devices();
    }

    @Override
    public Area area() {
        return p.area();
    }

    @Override
    public void positionsAt(double t, double[] x, double[] y) {
        if (!(t >= lastTime) || !(t >= 0) || Double.isInfinite(t)) {
            throw new InvalidInputException("time must be finite, >= 0 and >= the previous time, got " + t);
        }
        lastTime = t;
        for (int i = 0; i < fromX.length; i++) {
            while (t >= resume[i]) {
                newLeg(i, toX[i], toY[i], resume[i]);
            }
            if (t >= arrive[i]) {
                x[i] = toX[i];
                y[i] = toY[i];
            } else {
                double f = (t - depart[i]) / (arrive[i] - depart[i]);
                x[i] = fromX[i] + f * (toX[i] - fromX[i]);
                y[i] = fromY[i] + f * (toY[i] - fromY[i]);
            }
        }
    }

    /** Leaves (x, y) at time t for a uniform destination at a uniform speed, then pauses. */
    private void newLeg(int i, double x, double y, double t) {
        SplittableRandom r = streams[i];
        double dx = r.nextDouble() * p.area().width();
        double dy = r.nextDouble() * p.area().height();
        double speed = p.minSpeed() + (p.maxSpeed() - p.minSpeed()) * r.nextDouble();
        setLeg(i, x, y, dx, dy, t, t + Math.hypot(dx - x, dy - y) / speed, pause(r));
    }

    private void setLeg(int i, double x, double y, double dx, double dy, double t, double arrival, double pause) {
        fromX[i] = x;
        fromY[i] = y;
        toX[i] = dx;
        toY[i] = dy;
        depart[i] = t;
        arrive[i] = arrival;
        // A leg of zero length and zero pause would not advance time: give it the least step.
        resume[i] = Math.max(arrival + pause, Math.nextUp(t));
    }

    private double pause(SplittableRandom r) {
        return p.minPause() + (p.maxPause() - p.minPause()) * r.nextDouble();
    }

    /**
     * Perfect sampling of the stationary state (Le Boudec and Vojnović, 2005, for i.i.d.
     * uniform waypoints): paused with the long-run paused share, at a uniform waypoint for a
     * residual pause of a length-biased pause; else at a uniform point of a length-biased leg
     * (accept a uniform pair with probability length / diagonal), with speed density ∝ 1/v.
     */
    private void stationaryStart(int i, double t0) {
        SplittableRandom r = streams[i];
        double w = p.area().width();
        double h = p.area().height();
        if (r.nextDouble() < p.pausedShare()) {
            double x = r.nextDouble() * w;
            double y = r.nextDouble() * h;
            double a = p.minPause();
            double b = p.maxPause();
            double biased = Math.sqrt(a * a + r.nextDouble() * (b * b - a * a));
            double residual = r.nextDouble() * biased;
            setLeg(i, x, y, x, y, t0, t0, residual);
            return;
        }
        double diagonal = Math.hypot(w, h);
        double x0;
        double y0;
        double x1;
        double y1;
        double length;
        do {
            x0 = r.nextDouble() * w;
            y0 = r.nextDouble() * h;
            x1 = r.nextDouble() * w;
            y1 = r.nextDouble() * h;
            length = Math.hypot(x1 - x0, y1 - y0);
        } while (r.nextDouble() * diagonal >= length);
        double u = r.nextDouble();
        double speed = p.minSpeed() * Math.pow(p.maxSpeed() / p.minSpeed(), r.nextDouble());
        double x = x0 + u * (x1 - x0);
        double y = y0 + u * (y1 - y0);
        setLeg(i, x, y, x1, y1, t0, t0 + (1 - u) * length / speed, pause(r));
    }
}
