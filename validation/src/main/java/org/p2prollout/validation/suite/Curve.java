package org.p2prollout.validation.suite;

import java.util.Arrays;

/**
 * A function of time sampled on a grid: a coverage curve (fraction of the fleet holding the
 * update), a CDF, or a confidence band when {@code low} and {@code high} are present.
 *
 * @param times  sample times, seconds, ascending
 * @param values the value at each time
 * @param low    lower band at each time, or an empty array when there is no band
 * @param high   upper band at each time, or an empty array when there is no band
 */
public record Curve(double[] times, double[] values, double[] low, double[] high) {
    public Curve {
        times = times.clone();
        values = values.clone();
        low = low.clone();
        high = high.clone();
        if (values.length != times.length) {
            throw new IllegalArgumentException(times.length + " times but " + values.length + " values");
        }
        if ((low.length != 0 || high.length != 0) && (low.length != times.length || high.length != times.length)) {
            throw new IllegalArgumentException("a band needs low and high at every time");
        }
    }

    /** A curve without a band. */
    public static Curve of(double[] times, double[] values) {
        return new Curve(times, values, new double[0], new double[0]);
    }

    /** An empty curve (nothing to plot). */
    public static Curve empty() {
        return of(new double[0], new double[0]);
    }

    public boolean hasBand() {
        return low.length > 0;
    }

    public boolean isEmpty() {
        return times.length == 0;
    }

    /** The value at time {@code t} by linear interpolation, held constant outside the grid. */
    public double valueAt(double t) {
        if (times.length == 0) {
            return Double.NaN;
        }
        int i = Arrays.binarySearch(times, t);
        if (i >= 0) {
            return values[i];
        }
        int hi = -i - 1;
        if (hi == 0) {
            return values[0];
        }
        if (hi == times.length) {
            return values[times.length - 1];
        }
        double w = (t - times[hi - 1]) / (times[hi] - times[hi - 1]);
        return values[hi - 1] + w * (values[hi] - values[hi - 1]);
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public double[] low() {
        return low.clone();
    }

    @Override
    public double[] high() {
        return high.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Curve c && Arrays.equals(times, c.times) && Arrays.equals(values, c.values)
                && Arrays.equals(low, c.low) && Arrays.equals(high, c.high);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(times) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Curve[" + times.length + " points]";
    }
}
