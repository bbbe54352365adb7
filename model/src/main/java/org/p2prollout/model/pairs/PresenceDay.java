package org.p2prollout.model.pairs;

/**
 * The observed presence of one training day, to replay in a release: each device's presence over
 * that day and the training day after it (the follow-up of a late release), on the model's cycle
 * clock.
 *
 * @param midnight    the day's local midnight, seconds on the trace clock
 * @param cycleOffset seconds of the model's cycle at that midnight (0 for hour-of-day slots; the
 *                    weekday's start for hour-of-week slots)
 * @param schedule    per device, its presence as flattened sorted {@code [start0, end0, ...]}, seconds on
 *                    the cycle clock, within {@code [cycleOffset, cycleOffset + 2 days]}
 */
public record PresenceDay(double midnight, double cycleOffset, double[][] schedule) {
    public PresenceDay {
        double[][] c = new double[schedule.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = schedule[i].clone();
        }
        schedule = c;
    }

    @Override
    public double[][] schedule() {
        double[][] c = new double[schedule.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = schedule[i].clone();
        }
        return c;
    }

    /** True when some device is present at cycle time {@code t}. */
    public boolean anyonePresent(double t) {
        for (double[] iv : schedule) {
            for (int i = 0; i + 1 < iv.length; i += 2) {
                if (iv[i] <= t && t <= iv[i + 1]) {
                    return true;
                }
            }
        }
        return false;
    }
}
