package org.p2prollout.model.swarm;

import org.p2prollout.model.traffic.TrafficModel;
import org.p2prollout.model.traffic.TrafficParameters;
import org.p2prollout.model.traffic.TrafficPrediction;

/**
 * Everything a validation case compares with a simulation, from one call:
 * {@code Forecast.of(scenario, coverage, curveTimes, cdfTimes, traffic)}.
 *
 * @param prediction  mean, sd, quantiles of T_q, server downloads, offload, method, accuracy
 * @param curve       E[fraction holding the update] at {@code curveTimes}
 * @param t1Times     the times (seconds) at which the T_1 CDF was evaluated
 * @param t1Cdf       P(T_1 &lt;= t) at those times (for a Kolmogorov–Smirnov distance)
 * @param t1Error     bound on the absolute error of {@code t1Cdf}
 * @param traffic     bytes by kind for the rollout to coverage q, or null without traffic parameters
 */
public record Forecast(RolloutPrediction prediction, CoverageCurve curve, double[] t1Times, double[] t1Cdf,
        double t1Error, TrafficPrediction traffic) {
    /**
     * @param scenario   the fleet, rates, server, pieces
     * @param coverage   q of the headline prediction
     * @param curveTimes times for the coverage curve, seconds (may be empty)
     * @param cdfTimes   times for the T_1 CDF, seconds (may be empty)
     * @param traffic    byte sizes, or null
     */
    public static Forecast of(RolloutScenario scenario, double coverage, double[] curveTimes, double[] cdfTimes,
            TrafficParameters traffic) {
        RolloutModel model = scenario.model();
        RolloutPrediction p = model.predict(coverage);
        CoverageCurve curve = model.coverageCurve(curveTimes);
        double[] cdf = new double[cdfTimes.length];
        double err = 0;
        if (cdfTimes.length > 0) {
            TimeDistribution t1 = model.timeDistribution(1.0);
            for (int i = 0; i < cdf.length; i++) {
                cdf[i] = t1.cdf(cdfTimes[i]);
            }
            err = t1.cdfError();
        }
        TrafficPrediction t = traffic == null ? null
                : new TrafficModel(traffic).account(p, scenario.nodes(), scenario.initialHolders());
        return new Forecast(p, curve, cdfTimes.clone(), cdf, err, t);
    }
}
