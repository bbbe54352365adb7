package org.p2prollout.model.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.p2prollout.model.swarm.RolloutPrediction;
import org.p2prollout.model.swarm.SinglePieceModel;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.solver.bench.Workload;

/** Single-piece prediction with quantiles for N = 10^6 (goal: under 1 s). */
public final class Predict1e6Workload implements Workload {
    @Override
    public String name() {
        return "predict-1e6";
    }

    @Override
    public String description() {
        return "single-piece hybrid chain, N = 10^6, m = 1, lambda = 1e-9, mu = 1e-5: mean, sd, quantiles 0.5/0.9/0.99 of T_1 and T_0.5 (goal < 1 s)";
    }

    @Override
    public Map<String, Object> run(ProgressListener progress) {
        SinglePieceModel m = new SinglePieceModel(1_000_000, 1, 1e-9, 1e-5, 1);
        RolloutPrediction all = m.predict(1.0);
        RolloutPrediction half = m.predict(0.5);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("meanT1", all.meanTime());
        f.put("quantilesT1", all.quantiles());
        f.put("meanT05", half.meanTime());
        f.put("quantilesT05", half.quantiles());
        f.put("cdfError", all.accuracy().errorBound());
        return f;
    }
}
