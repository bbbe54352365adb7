package org.p2prollout.validation.suite;

/**
 * One predicted quantity beside its simulated estimate.
 *
 * @param metric        what is compared, e.g. {@code "T_0.9"} or {@code "server downloads"}
 * @param unit          unit of the values, e.g. {@code "s"}, {@code "downloads"}, {@code "ratio"}
 * @param predicted     the model's value
 * @param simulated     the simulation's mean over replications
 * @param ciLow         lower end of the simulation's 95 % confidence interval of the mean
 * @param ciHigh        upper end of that interval
 * @param relativeError {@code |predicted - simulated| / |simulated|} (NaN when simulated is 0)
 * @param tolerance     largest relative error accepted; the check also passes when the prediction
 *                      lies inside the confidence interval
 * @param checked       false for quantities reported for information only (no verdict)
 */
public record Comparison(String metric, String unit, double predicted, double simulated,
                         double ciLow, double ciHigh, double relativeError, double tolerance,
                         boolean checked) {

    /** A comparison with its relative error computed. */
    public static Comparison of(String metric, String unit, double predicted, double simulated,
                                double ciLow, double ciHigh, double tolerance, boolean checked) {
        double error = simulated == 0 ? (predicted == 0 ? 0 : Double.NaN)
                : Math.abs(predicted - simulated) / Math.abs(simulated);
        return new Comparison(metric, unit, predicted, simulated, ciLow, ciHigh, error, tolerance, checked);
    }

    /** True when the prediction lies in the confidence interval. */
    public boolean insideInterval() {
        return predicted >= ciLow && predicted <= ciHigh;
    }

    /** True when unchecked, inside the interval, or within the relative tolerance. */
    public boolean pass() {
        return !checked || insideInterval() || relativeError <= tolerance;
    }
}
