package org.p2prollout.model.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.p2prollout.model.swarm.HeterogeneousFleet;
import org.p2prollout.model.swarm.HeterogeneousModel;
import org.p2prollout.model.swarm.RolloutPrediction;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.solver.bench.Workload;

/** Mean-field answer for a 3-class fleet of 10^9 devices (goal: under 1 s). */
public final class MeanField1e9Workload implements Workload {
    @Override
    public String name() {
        return "meanfield-1e9";
    }

    @Override
    public String description() {
        return "heterogeneous fleet of 10^9 devices in 3 classes, mu = 1e-7: mean-field T_1 and T_0.9 (goal < 1 s)";
    }

    @Override
    public Map<String, Object> run(ProgressListener progress) {
        long[] sizes = {200_000_000L, 300_000_000L, 500_000_000L};
        double[][] rates = {{1e-13, 5e-14, 2e-14}, {5e-14, 2e-13, 1e-13}, {2e-14, 1e-13, 4e-13}};
        HeterogeneousFleet fleet = HeterogeneousFleet.of(sizes, rates, 1e-7, 1, 1);
        HeterogeneousModel model = new HeterogeneousModel(fleet);
        RolloutPrediction all = model.predict(1.0);
        RolloutPrediction most = model.predict(0.9);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("method", all.method().label());
        f.put("T1", all.meanTime());
        f.put("T09", most.meanTime());
        f.put("offload", all.offload());
        return f;
    }
}
