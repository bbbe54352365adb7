package org.p2prollout.model.mobility;

import org.p2prollout.core.Checks;

/**
 * The rectangle {@code [0, width] x [0, height]} in which devices move, in metres.
 *
 * @param width  extent along x, metres, {@code > 0}
 * @param height extent along y, metres, {@code > 0}
 */
public record Area(double width, double height) implements java.io.Serializable {
    public Area {
        Checks.positive("width", width);
        Checks.positive("height", height);
    }

    /** Surface in square metres. */
    public double surface() {
        return width * height;
    }

    /**
     * Mean distance between two points drawn uniformly and independently in the rectangle,
     * metres (closed form of Ghosh, 1951); e.g. about 0.5214 times the side of a square.
     */
    public double meanDistance() {
        double w = width;
        double h = height;
        double d = Math.hypot(w, h);
        return (w * w * w / (h * h) + h * h * h / (w * w) + d * (3 - w * w / (h * h) - h * h / (w * w))) / 15
                + (w * w / h * Math.log((h + d) / w) + h * h / w * Math.log((w + d) / h)) / 6;
    }

    /**
     * Folds a coordinate of an unbounded straight motion back into {@code [0, side]}, as a
     * point that reflects off both walls would be: the reflected motion is the free motion seen
     * through mirrors, so positions are exact at any time without simulating each bounce.
     */
    static double reflect(double u, double side) {
        double period = 2 * side;
        double m = u % period;
        if (m < 0) {
            m += period;
        }
        return m <= side ? m : period - m;
    }
}
