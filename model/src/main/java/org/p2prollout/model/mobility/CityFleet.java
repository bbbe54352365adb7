package org.p2prollout.model.mobility;

import java.util.SplittableRandom;
import org.p2prollout.core.InvalidInputException;

/**
 * The synthetic city fleet (see {@link CityParameters}). Intersections are at
 * {@code (i * block, j * block)} for {@code 0 <= i <= columns}, {@code 0 <= j <= rows}. Which
 * devices are parked is a uniformly random subset drawn from a stream of its own (the
 * {@code (devices+1)}-th split of the seed), so changing the share does not change the moving
 * devices' trips more than it must.
 */
public final class CityFleet implements MobilityModel {
    private final CityParameters p;
    private final SplittableRandom[] streams;
    private final boolean[] parked;
    private final int columns;
    private final int rows;
    private final double block;
    private final double[] fromX;
    private final double[] fromY;
    private final double[] toX;
    private final double[] toY;
    private final boolean[] xFirst;
    private final double[] depart;
    private final double[] speed;
    private final double[] arrive;
    private final double[] resume;
    private double lastTime;

    CityFleet(CityParameters p, long seed) {
        this.p = p;
        int n = p.devices();
        SplittableRandom root = new SplittableRandom(seed);
        streams = new SplittableRandom[n];
        for (int i = 0; i < n; i++) {
            streams[i] = root.split();
        }
        parked = chooseParked(root.split(), n, p.parkedDevices());
        block = p.blockLength();
        columns = (int) Math.floor(p.area().width() / block);
        rows = (int) Math.floor(p.area().height() / block);
        fromX = new double[n];
        fromY = new double[n];
        toX = new double[n];
        toY = new double[n];
        xFirst = new boolean[n];
        depart = new double[n];
        speed = new double[n];
        arrive = new double[n];
        resume = new double[n];
        double t0 = -p.warmUp();
        for (int i = 0; i < n; i++) {
            SplittableRandom r = streams[i];
            if (parked[i]) {
                parkOnAStreet(i, r);
            } else {
                double x = r.nextInt(columns + 1) * block;
                double y = r.nextInt(rows + 1) * block;
                toX[i] = x;
                toY[i] = y;
                // Start stopped for a uniform part of a stop, so trips do not all start together.
                setTrip(i, x, y, x, y, true, t0, 1, t0 + r.nextDouble() * p.maxPause());
            }
        }
        lastTime = t0;
    }

    public CityParameters parameters() {
        return p;
    }

    /** Whether device {@code i} is parked for the whole run. */
    public boolean isParked(int i) {
        return parked[i];
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
            if (parked[i]) {
                x[i] = toX[i];
                y[i] = toY[i];
                continue;
            }
            while (t >= resume[i]) {
                newTrip(i, resume[i]);
            }
            if (t >= arrive[i]) {
                x[i] = toX[i];
                y[i] = toY[i];
                continue;
            }
            double s = (t - depart[i]) * speed[i];
            double legX = Math.abs(toX[i] - fromX[i]);
            double legY = Math.abs(toY[i] - fromY[i]);
            if (xFirst[i]) {
                if (s <= legX) {
                    x[i] = fromX[i] + Math.copySign(s, toX[i] - fromX[i]);
                    y[i] = fromY[i];
                } else {
                    x[i] = toX[i];
                    y[i] = fromY[i] + Math.copySign(Math.min(s - legX, legY), toY[i] - fromY[i]);
                }
            } else {
                if (s <= legY) {
                    x[i] = fromX[i];
                    y[i] = fromY[i] + Math.copySign(s, toY[i] - fromY[i]);
                } else {
                    x[i] = fromX[i] + Math.copySign(Math.min(s - legY, legX), toX[i] - fromX[i]);
                    y[i] = toY[i];
                }
            }
        }
    }

    private void newTrip(int i, double t) {
        SplittableRandom r = streams[i];
        double x = toX[i];
        double y = toY[i];
        double dx = r.nextInt(columns + 1) * block;
        double dy = r.nextInt(rows + 1) * block;
        boolean alongXFirst = r.nextBoolean();
        double v = p.minSpeed() + (p.maxSpeed() - p.minSpeed()) * r.nextDouble();
        double arrival = t + (Math.abs(dx - x) + Math.abs(dy - y)) / v;
        setTrip(i, x, y, dx, dy, alongXFirst, t, v, arrival + r.nextDouble() * p.maxPause());
    }

    private void setTrip(int i, double x, double y, double dx, double dy, boolean alongXFirst,
            double t, double v, double resumeAt) {
        fromX[i] = x;
        fromY[i] = y;
        toX[i] = dx;
        toY[i] = dy;
        xFirst[i] = alongXFirst;
        depart[i] = t;
        speed[i] = v;
        arrive[i] = t + (Math.abs(dx - x) + Math.abs(dy - y)) / v;
        // A trip to the same intersection with no stop would not advance time.
        resume[i] = Math.max(resumeAt, Math.nextUp(t));
    }

    /** A uniform point of the street network: pick a street with probability ∝ its length. */
    private void parkOnAStreet(int i, SplittableRandom r) {
        double horizontalLength = (rows + 1.0) * columns;
        double verticalLength = (columns + 1.0) * rows;
        double x;
        double y;
        if (r.nextDouble() * (horizontalLength + verticalLength) < horizontalLength) {
            y = r.nextInt(rows + 1) * block;
            x = r.nextDouble() * columns * block;
        } else {
            x = r.nextInt(columns + 1) * block;
            y = r.nextDouble() * rows * block;
        }
        toX[i] = x;
        toY[i] = y;
    }

    /** A uniform subset of {@code k} of {@code n} devices (partial Fisher–Yates shuffle). */
    private static boolean[] chooseParked(SplittableRandom r, int n, int k) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        boolean[] chosen = new boolean[n];
        for (int j = 0; j < k; j++) {
            int m = j + r.nextInt(n - j);
            int tmp = order[j];
            order[j] = order[m];
            order[m] = tmp;
            chosen[order[j]] = true;
        }
        return chosen;
    }
}
