package org.p2prollout.model.resample;

import java.util.Arrays;

/**
 * Resampled positions of a whole trace, stored by grid step in columns (device, x, y): what a
 * spatial model is fitted from (zones visited, moves between zones, co-located pairs) and what
 * contacts can be detected again from at another radio range. Positions are stored as floats
 * (metres; a float resolves 1 mm at 10 km from the origin, far finer than GPS). Memory: 12 bytes
 * per (device, step) sample plus 12 bytes per step; a week of 500 cabs at Δ = 30 s takes about
 * 80 MB. Immutable once built.
 */
public final class PositionSamples {
    private final double step;
    private final long firstStep;
    private final int devices;
    private final int[] stepStart; // per step k (k = 0 .. steps), offset of its first sample
    private final int[] device;
    private final float[] x;
    private final float[] y;

    private PositionSamples(double step, long firstStep, int devices, int[] stepStart, int[] device, float[] x, float[] y) {
        this.step = step;
        this.firstStep = firstStep;
        this.devices = devices;
        this.stepStart = stepStart;
        this.device = device;
        this.x = x;
        this.y = y;
    }

    /** Grid step Δ, seconds. */
    public double step() {
        return step;
    }

    /** Number of devices (indices {@code 0..devices-1}). */
    public int devices() {
        return devices;
    }

    /** Number of grid steps stored (steps with no device present included). */
    public int steps() {
        return stepStart.length - 1;
    }

    /** Time of step {@code k}, seconds. */
    public double time(int k) {
        return (firstStep + k) * step;
    }

    /** The step whose time is the largest at or before {@code t}, clamped to {@code [0, steps-1]}. */
    public int stepAt(double t) {
        long k = (long) Math.floor(t / step + 1e-9) - firstStep;
        return (int) Math.max(0, Math.min(steps() - 1, k));
    }

    /** Index of the first sample of step {@code k}. */
    public int from(int k) {
        return stepStart[k];
    }

    /** One past the last sample of step {@code k}. */
    public int to(int k) {
        return stepStart[k + 1];
    }

    /** Device of sample {@code i}. */
    public int device(int i) {
        return device[i];
    }

    /** x of sample {@code i}, metres. */
    public double x(int i) {
        return x[i];
    }

    /** y of sample {@code i}, metres. */
    public double y(int i) {
        return y[i];
    }

    /** Total samples. */
    public int samples() {
        return stepStart[stepStart.length - 1];
    }

    /** A {@link StepListener} that records every step it is given, in order. */
    public static final class Builder implements StepListener {
        private final double step;
        private final int devices;
        private long firstStep = Long.MIN_VALUE;
        private long lastStep;
        private int[] stepStart = new int[1024];
        private int steps;
        private int[] device = new int[1 << 16];
        private float[] x = new float[1 << 16];
        private float[] y = new float[1 << 16];
        private int n;

        public Builder(double step, int devices) {
            this.step = step;
            this.devices = devices;
        }

        @Override
        public void step(double time, int[] ids, double[] xs, double[] ys, int count) {
            long k = Math.round(time / step);
            if (firstStep == Long.MIN_VALUE) {
                firstStep = k;
                lastStep = k - 1;
            }
            if (k <= lastStep) {
                throw new IllegalStateException("steps must come in increasing time order");
            }
            while (lastStep < k - 1) { // steps the sweep skipped hold no device
                openStep();
                lastStep++;
            }
            openStep();
            lastStep = k;
            if (n + count > device.length) {
                int cap = Math.max(n + count, device.length + (device.length >> 1));
                device = Arrays.copyOf(device, cap);
                x = Arrays.copyOf(x, cap);
                y = Arrays.copyOf(y, cap);
            }
            for (int i = 0; i < count; i++) {
                device[n] = ids[i];
                x[n] = (float) xs[i];
                y[n] = (float) ys[i];
                n++;
            }
        }

        private void openStep() {
            if (steps + 2 > stepStart.length) {
                stepStart = Arrays.copyOf(stepStart, stepStart.length * 2);
            }
            stepStart[steps] = n;
            steps++;
            stepStart[steps] = n; // closed by the next open or by build
        }

        public PositionSamples build() {
            if (firstStep == Long.MIN_VALUE) {
                return new PositionSamples(step, 0, devices, new int[] {0}, new int[0], new float[0], new float[0]);
            }
            int[] starts = Arrays.copyOf(stepStart, steps + 1);
            starts[steps] = n;
            return new PositionSamples(step, firstStep, devices, starts, Arrays.copyOf(device, n), Arrays.copyOf(x, n),
                    Arrays.copyOf(y, n));
        }
    }
}
