package org.p2prollout.validation.sweep;

import java.io.Serializable;
import java.util.List;
import org.p2prollout.model.swarm.RolloutModel;
import org.p2prollout.model.swarm.RolloutPrediction;
import org.p2prollout.model.traffic.TrafficModel;
import org.p2prollout.model.traffic.TrafficPrediction;
import org.p2prollout.validation.sim.ByteKind;
import org.p2prollout.validation.sim.ReplicationResult;

/**
 * What a sweep reports for one point (a prediction) or one replication of it (a simulation).
 * NaN where a value is undefined (e.g. T_1 not reached within the simulated time).
 *
 * @param t50         T_0.5, seconds after release until half the fleet holds the update (the model: its mean)
 * @param t90         T_0.9, seconds
 * @param t100        T_1, seconds until every device holds it
 * @param offload     share of update payload bytes that came from peers, in [0, 1]
 * @param overhead    all bytes over the air / the bytes of a plain client-server download of the same fleet
 * @param serverBytes update payload bytes the server delivered
 */
public record Metrics(double t50, double t90, double t100, double offload, double overhead, double serverBytes)
        implements Serializable {

    /** Column names, in the order of {@link #values()}. */
    public static final List<String> NAMES = List.of("T_0.5", "T_0.9", "T_1", "offload", "overhead", "server_bytes");

    public double[] values() {
        return new double[] {t50, t90, t100, offload, overhead, serverBytes};
    }

    public static Metrics of(double[] v) {
        return new Metrics(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    /**
     * The model's answer for a point: E[T_q] of {@code predict --coverage q}, offload and server
     * payload of a rollout to everyone, and the traffic model's overhead for it.
     */
    public static Metrics predict(ModelPoint point) {
        var scenario = point.scenario();
        RolloutModel model = scenario.model();
        // one quantile level only: the sweep reports means, which the levels do not change (a model may
        // compute each quantile by a search over its CDF)
        RolloutPrediction all = model.predict(1.0, 0.5);
        TrafficPrediction traffic = new TrafficModel(point.traffic()).account(all, scenario.nodes(),
                scenario.initialHolders());
        return new Metrics(model.predict(0.5, 0.5).meanTime(), model.predict(0.9, 0.5).meanTime(), all.meanTime(),
                all.offload(), traffic.overhead(), traffic.serverPayload());
    }

    /** One simulated replication's figures. */
    public static Metrics of(ReplicationResult r) {
        return new Metrics(r.t50(), r.t90(), r.t100(), r.offload(), r.overheadRatio(),
                r.bytes().getOrDefault(ByteKind.SERVER_PAYLOAD.key(), 0L));
    }
}
