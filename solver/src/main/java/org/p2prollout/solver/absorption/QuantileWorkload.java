package org.p2prollout.solver.absorption;

import java.util.LinkedHashMap;
import java.util.Map;
import org.p2prollout.solver.Generator;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.solver.bench.Workload;
import org.p2prollout.solver.uniformisation.TransientSolver;

/**
 * {@code solver-absorption-quantiles}: the single-piece epidemic chain of a fleet of N = 10^6
 * (pure birth, i → i+1 at (N−i)(μ + λ i/N), λ = 1e-3/s, μ = 1e-6/s, from one holder), built and
 * analysed: mean, sd, and the 0.5 and 0.9 quantiles of the time until everyone holds the update
 * (Laplace inversion: uniformisation would need about 5e6 steps).
 */
public final class QuantileWorkload implements Workload {
    private static final int N = 1_000_000;

    @Override
    public String name() {
        return "solver-absorption-quantiles";
    }

    @Override
    public String description() {
        return "mean, sd, median and 0.9-quantile of the rollout time of a 10^6-device pure birth epidemic chain, build included";
    }

    @Override
    public Map<String, Object> run(ProgressListener progress) {
        double lambda = 1e-3;
        double mu = 1e-6;
        Generator.Builder b = Generator.builder(N, N);
        for (int i = 1; i < N; i++) {
            b.add(i - 1, i, (double) (N - i) * (mu + lambda * i / N));
        }
        Generator q = b.build();
        AbsorptionAnalysis a = AbsorptionAnalysis.of(q, TransientSolver.pointMass(N, 0));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("states", q.states());
        f.put("meanTime", a.meanTime());
        f.put("sdTime", a.sdTime());
        Quantile median = a.quantileInterval(0.5);
        Quantile q90 = a.quantileInterval(0.9);
        f.put("median", median.time());
        f.put("quantile90", q90.time());
        f.put("cdfError", Math.max(median.cdfErrorBound(), q90.cdfErrorBound()));
        f.put("quantileMethod", q90.accuracy().method());
        f.put("cdfEvaluations", median.accuracy().iterations() + q90.accuracy().iterations());
        return f;
    }
}
