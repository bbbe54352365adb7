package org.p2prollout.model.trace;

/**
 * One device's positions in time order: parallel arrays of time (seconds), x and y (metres, after
 * projection). Times are strictly increasing. The arrays are owned by the track and never
 * modified after construction; accessors return them without copying, so callers must not
 * modify them either (11 million fixes must fit in 2 GB: copies are not affordable).
 *
 * @param device dense device index, {@code 0..N-1}
 * @param name   the device's name in the input (cab name, vehicle id)
 */
public record Track(int device, String name, double[] times, double[] xs, double[] ys) {
    public Track {
        if (times.length != xs.length || times.length != ys.length) {
            throw new IllegalArgumentException("track arrays differ in length");
        }
    }

    /** Number of fixes. */
    public int size() {
        return times.length;
    }

    /** First fix time, seconds. */
    public double firstTime() {
        return times[0];
    }

    /** Last fix time, seconds. */
    public double lastTime() {
        return times[times.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "Track[" + device + " '" + name + "', " + size() + " fixes]";
    }
}
