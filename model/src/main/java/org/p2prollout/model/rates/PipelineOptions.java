package org.p2prollout.model.rates;

import org.p2prollout.model.trace.ReadOptions;
import org.p2prollout.core.Checks;

/**
 * Options of the trace-to-rates pipeline.
 *
 * @param range  radio range r, metres, {@code > 0} (100)
 * @param step   resampling grid step Δ, seconds, {@code > 0} (30)
 * @param maxGap longest gap G between fixes to interpolate across, seconds, {@code >= 0} (300)
 * @param read   how to read the input
 * @param rates  how to estimate rates
 */
public record PipelineOptions(double range, double step, double maxGap, ReadOptions read, RateOptions rates) {
    /** r = 100 m, Δ = 30 s, G = 300 s, detected format, 3 classes. */
    public static final PipelineOptions DEFAULT = new PipelineOptions(100, 30, 300, ReadOptions.DEFAULT, RateOptions.DEFAULT);

    public PipelineOptions {
        Checks.positive("range (m)", range);
        Checks.positive("step (s)", step);
        Checks.nonNegative("maxGap (s)", maxGap);
        if (read == null) {
            read = ReadOptions.DEFAULT;
        }
        if (rates == null) {
            rates = RateOptions.DEFAULT;
        }
    }

    public PipelineOptions withRange(double r) {
        return new PipelineOptions(r, step, maxGap, read, rates);
    }

    public PipelineOptions withStep(double s) {
        return new PipelineOptions(range, s, maxGap, read, rates);
    }

    public PipelineOptions withMaxGap(double g) {
        return new PipelineOptions(range, step, g, read, rates);
    }

    public PipelineOptions withRead(ReadOptions r) {
        return new PipelineOptions(range, step, maxGap, r, rates);
    }

    public PipelineOptions withRates(RateOptions r) {
        return new PipelineOptions(range, step, maxGap, read, r);
    }
}
