package org.p2prollout.model.planning;

import org.p2prollout.model.swarm.RolloutPrediction;
import org.p2prollout.model.traffic.TrafficPrediction;

/**
 * The answer to "what server rate keeps the rollout under the deadline?" for one scheme.
 *
 * @param serverRate        smallest mu (per second per device lacking the update) with
 *                          P(T_q &lt;= deadline) &gt;= confidence, to a relative 1e-6; 0 when
 *                          peers alone suffice
 * @param probability       P(T_q &lt;= deadline) at that rate
 * @param prediction        the rollout predicted at that rate
 * @param traffic           its bytes by kind
 * @param serverBytes       bytes the infrastructure sends (payload, its manifests and requests)
 * @param peakServerBytesPerSecond expected server throughput at release, mu (N - m) B, bytes per second
 * @param evaluations       distributions evaluated by the search
 */
public record CapacityPlan(double serverRate, double probability, RolloutPrediction prediction,
        TrafficPrediction traffic, double serverBytes, double peakServerBytesPerSecond, int evaluations) {
}
