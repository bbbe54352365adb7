package org.p2prollout.validation.suite;

import org.p2prollout.core.Checks;

/**
 * What a forecast case accepts from one model against the truth of the held-out window.
 *
 * @param meanError largest |relative error| of mean T_q at the checked levels, {@code >= 0}
 * @param ks        largest KS distance of the T_q distributions at the checked levels, in [0, 1];
 *                  1 to not check it
 * @param checked   false for models shown for reference only (their errors are reported, not judged)
 */
public record ForecastTolerance(double meanError, double ks, boolean checked) {
    /** The replay: within 15 %, KS at most 0.2 (issue 10). */
    public static final ForecastTolerance REPLAY = new ForecastTolerance(0.15, 0.2, true);
    /** The spatial chain and the pairs model: within 20 % (issue 10); KS reported. */
    public static final ForecastTolerance MODEL = new ForecastTolerance(0.20, 1, true);
    /** Well-mixed chains: reported for reference (they do not apply to real mobility). */
    public static final ForecastTolerance REFERENCE = new ForecastTolerance(1e9, 1, false);

    public ForecastTolerance {
        Checks.nonNegative("meanError tolerance", meanError);
        Checks.probability("ks tolerance", ks);
    }
}
