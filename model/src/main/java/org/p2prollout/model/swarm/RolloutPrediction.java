package org.p2prollout.model.swarm;

import org.p2prollout.solver.Accuracy;
import java.util.Map;

/**
 * What a swarm model predicts for a rollout to coverage q (a fraction q of the fleet holding the
 * update, counted as the first {@code ceil(q N)} devices).
 *
 * @param method          how it was computed
 * @param coverage        q in (0, 1]
 * @param meanTime        E[T_q], seconds
 * @param sdTime          standard deviation of T_q, seconds (0 for mean-field)
 * @param quantiles       quantiles of T_q in seconds, keyed by level as written, e.g. "0.9"
 * @param serverDownloads expected number of whole updates downloaded from the server until T_q
 *                        (for K pieces: pieces from the server / K)
 * @param offload         share of the update payload delivered until T_q that came from peers
 * @param states          number of states of the chain (or ODE dimension for mean-field)
 * @param accuracy        error bounds of the figures
 */
public record RolloutPrediction(PredictionMethod method, double coverage, double meanTime, double sdTime,
        Map<String, Double> quantiles, double serverDownloads, double offload, long states, Accuracy accuracy) {
    /** The quantile levels reported unless asked otherwise. */
    public static final double[] DEFAULT_LEVELS = {0.5, 0.9, 0.99};

    /** The JSON key of a quantile level: the shortest decimal, e.g. {@code 0.5 -> "0.5"}. */
    public static String levelKey(double level) {
        return java.math.BigDecimal.valueOf(level).stripTrailingZeros().toPlainString();
    }

    /** Quantiles of {@code distribution} at {@code levels}, keyed by {@link #levelKey}. */
    public static Map<String, Double> quantilesOf(TimeDistribution distribution, double[] levels) {
        Map<String, Double> q = new java.util.LinkedHashMap<>();
        for (double level : levels) {
            q.put(levelKey(level), distribution.quantile(level));
        }
        return java.util.Collections.unmodifiableMap(q);
    }
}
