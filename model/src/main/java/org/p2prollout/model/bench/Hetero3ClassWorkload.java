package org.p2prollout.model.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.p2prollout.model.swarm.HeterogeneousFleet;
import org.p2prollout.model.swarm.HeterogeneousModel;
import org.p2prollout.model.swarm.RolloutPrediction;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.solver.bench.Workload;

/** 3-class exact chain of 990,000 states: mean, sd and quantiles of T_1 (goal: under 30 s). */
public final class Hetero3ClassWorkload implements Workload {
    static final long[] SIZES = {99, 99, 99};
    static final double[][] RATES = {{1e-4, 5e-5, 2e-5}, {5e-5, 2e-4, 1e-4}, {2e-5, 1e-4, 4e-4}};

    @Override
    public String name() {
        return "hetero-3class-1m";
    }

    @Override
    public String description() {
        return "heterogeneous fleet, 3 classes of 99 devices (990,000 states), mu = 1e-5: exact mean, sd, quantiles 0.5/0.9/0.99 of T_1 (goal < 30 s)";
    }

    @Override
    public Map<String, Object> run(ProgressListener progress) {
        HeterogeneousFleet fleet = HeterogeneousFleet.of(SIZES, RATES, 1e-5, 1, 1);
        HeterogeneousModel model = new HeterogeneousModel(fleet, 2_000_000, progress);
        RolloutPrediction p = model.predict(1.0);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("method", p.method().label());
        f.put("states", p.states());
        f.put("mean", p.meanTime());
        f.put("sd", p.sdTime());
        f.put("quantiles", p.quantiles());
        f.put("cdfError", p.accuracy().errorBound());
        return f;
    }
}
