package org.p2prollout.validation.suite;

import org.p2prollout.core.Checks;

/**
 * What a validation case accepts. A time or count passes when the prediction lies in the
 * simulation's 95 % confidence interval or within the relative tolerance; the distances pass
 * below their limits. The KS limit used is the larger of {@link #ks} and the 95 % critical value
 * for the number of replications (fewer replications cannot resolve smaller distances).
 *
 * @param time            relative tolerance of mean T_q, in [0, 10]
 * @param serverDownloads relative tolerance of server downloads, in [0, 10]
 * @param ks              limit of the KS distance between predicted and simulated T_1, in [0, 1]
 * @param coverageGap     limit of the largest distance of the model's coverage curve from the
 *                        simulation's pointwise 95 % band, in [0, 1]
 * @param overhead        relative tolerance of the overhead ratio (all bytes over client-server bytes), in [0, 10]
 */
public record Tolerances(double time, double serverDownloads, double ks, double coverageGap, double overhead) {
    /** 15 % on times, 25 % on server downloads, KS 0.3, coverage 0.05 beyond the band, 25 % on overhead. */
    public static final Tolerances DEFAULT = new Tolerances(0.15, 0.25, 0.3, 0.05, 0.25);

    public Tolerances {
        Checks.nonNegative("tolerances.time", time);
        Checks.nonNegative("tolerances.serverDownloads", serverDownloads);
        Checks.probability("tolerances.ks", ks);
        Checks.probability("tolerances.coverageGap", coverageGap);
        Checks.nonNegative("tolerances.overhead", overhead);
        if (time > 10 || serverDownloads > 10 || overhead > 10) {
            throw new org.p2prollout.core.InvalidInputException(
                    "tolerances.time, serverDownloads and overhead must be in [0, 10], got " + time + ", "
                            + serverDownloads + ", " + overhead);
        }
    }

    /** The KS limit for {@code replications} samples. */
    public double ksLimit(int replications) {
        return Math.max(ks, Distances.ksCritical95(replications));
    }
}
