package org.p2prollout.validation.suite;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/** Distances between a model's curves and a simulation's: the ones a validation case checks. */
public final class Distances {
    private Distances() {
    }

    /**
     * Kolmogorov–Smirnov distance sup_t |F(t) - F_n(t)| between a continuous CDF and the empirical
     * CDF of {@code samples}. NaN samples are runs that never reached the event within the horizon:
     * they count in n but never jump, so the distance is at least their share.
     *
     * @param cdf     the model's CDF, non-decreasing from 0 to 1
     * @param samples observed times, seconds (NaN = not reached); not modified
     * @return the distance in [0, 1], or NaN when there are no samples
     */
    public static double kolmogorovSmirnov(DoubleUnaryOperator cdf, double[] samples) {
        int n = samples.length;
        if (n == 0) {
            return Double.NaN;
        }
        double[] reached = Arrays.stream(samples).filter(x -> !Double.isNaN(x)).sorted().toArray();
        double d = (double) (n - reached.length) / n; // at t -> infinity the model CDF is 1
        for (int i = 0; i < reached.length; i++) {
            double f = cdf.applyAsDouble(reached[i]);
            d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
        }
        return Math.min(1, d);
    }

    /**
     * The critical KS distance for {@code n} samples at 95 % confidence, asymptotic form
     * 1.358 / sqrt(n) (Smirnov); for a fully specified CDF a larger distance rejects the model.
     */
    public static double ksCritical95(int n) {
        return 1.3581 / Math.sqrt(n);
    }

    /**
     * The largest vertical gap between two curves, taken over the times of {@code simulated}
     * (the model is interpolated there).
     *
     * @return the gap, or NaN when either curve is empty
     */
    public static double largestGap(Curve model, Curve simulated) {
        if (model.isEmpty() || simulated.isEmpty()) {
            return Double.NaN;
        }
        double[] t = simulated.times();
        double[] v = simulated.values();
        double gap = 0;
        for (int i = 0; i < t.length; i++) {
            gap = Math.max(gap, Math.abs(model.valueAt(t[i]) - v[i]));
        }
        return gap;
    }

    /**
     * The largest distance of the model's curve from the simulation's band: 0 where the model lies
     * inside [low, high], else the distance to the nearer edge; taken over the simulation's times.
     *
     * @return the distance, or NaN when either curve is empty or the simulation has no band
     */
    public static double largestGapBeyondBand(Curve model, Curve simulated) {
        if (model.isEmpty() || simulated.isEmpty() || !simulated.hasBand()) {
            return Double.NaN;
        }
        double[] t = simulated.times();
        double[] low = simulated.low();
        double[] high = simulated.high();
        double gap = 0;
        for (int i = 0; i < t.length; i++) {
            double m = model.valueAt(t[i]);
            gap = Math.max(gap, Math.max(0, Math.max(m - high[i], low[i] - m)));
        }
        return gap;
    }
}
