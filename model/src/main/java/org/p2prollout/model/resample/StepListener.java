package org.p2prollout.model.resample;

/**
 * Receives resampled positions one grid step at a time, in increasing time. The signature matches
 * {@link org.p2prollout.model.contact.ContactTracker#step(double, int[], double[], double[], int)},
 * so a tracker can be fed directly ({@code tracker::step}).
 */
@FunctionalInterface
public interface StepListener {
    /**
     * @param time  grid time, seconds (a multiple of the step)
     * @param ids   devices present, entries {@code 0..count-1}; buffers reused by the next step
     * @param x     x in metres, parallel to {@code ids}
     * @param y     y in metres, parallel to {@code ids}
     * @param count number of devices present
     */
    void step(double time, int[] ids, double[] x, double[] y, int count);
}
