package org.p2prollout.model.mobility;

import java.util.SplittableRandom;
import org.p2prollout.core.InvalidInputException;

/**
 * Random walk with reflection (see {@link RandomWalkParameters}). All devices change direction
 * at the same instants {@code k * epoch}; within an epoch a device's position is computed in
 * closed form by folding its free straight motion into the rectangle.
 */
public final class RandomWalk implements MobilityModel {
    private final RandomWalkParameters p;
    private final SplittableRandom[] streams;
    /** Position at the start of the current epoch (inside the area) and velocity, per device. */
    private final double[] ax;
    private final double[] ay;
    private final double[] vx;
    private final double[] vy;
    private long epochIndex;
    private double lastTime;

    RandomWalk(RandomWalkParameters p, long seed) {
        this.p = p;
        int n = p.devices();
        streams = Streams.perDevice(seed, n);
        ax = new double[n];
        ay = new double[n];
        vx = new double[n];
        vy = new double[n];
        for (int i = 0; i < n; i++) {
            ax[i] = streams[i].nextDouble() * p.area().width();
            ay[i] = streams[i].nextDouble() * p.area().height();
            drawVelocity(i);
        }
    }

    public RandomWalkParameters parameters() {
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
        if (!(t >= lastTime) || Double.isInfinite(t)) {
            throw new InvalidInputException("time must be finite and >= the previous time " + lastTime + ", got " + t);
        }
        lastTime = t;
        double w = p.area().width();
        double h = p.area().height();
        long target = (long) Math.floor(t / p.epoch());
        while (epochIndex < target) {
            for (int i = 0; i < ax.length; i++) {
                ax[i] = Area.reflect(ax[i] + vx[i] * p.epoch(), w);
                ay[i] = Area.reflect(ay[i] + vy[i] * p.epoch(), h);
                drawVelocity(i);
            }
            epochIndex++;
        }
        double dt = t - epochIndex * p.epoch();
        for (int i = 0; i < ax.length; i++) {
            x[i] = Area.reflect(ax[i] + vx[i] * dt, w);
            y[i] = Area.reflect(ay[i] + vy[i] * dt, h);
        }
    }

    private void drawVelocity(int i) {
        SplittableRandom r = streams[i];
        double angle = 2 * Math.PI * r.nextDouble();
        double speed = p.minSpeed() + (p.maxSpeed() - p.minSpeed()) * r.nextDouble();
        vx[i] = speed * Math.cos(angle);
        vy[i] = speed * Math.sin(angle);
    }
}
