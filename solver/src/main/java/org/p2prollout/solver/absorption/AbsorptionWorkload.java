package org.p2prollout.solver.absorption;

import java.util.LinkedHashMap;
import java.util.Map;
import org.p2prollout.solver.Generator;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.solver.bench.Workload;
import org.p2prollout.solver.uniformisation.TransientSolver;

/**
 * {@code solver-absorption}: mean and standard deviation of the time to absorption of an acyclic
 * three-class epidemic chain with 100³ = 1,000,000 states (99 devices per class; state = holders
 * per class; class c gains a holder at rate {@code (99 − i_c)(μ + Σ_d λ_cd i_d / 297)}), built
 * and solved from (1, 0, 0). Goal: 30 s, build included (what the models module needs).
 */
public final class AbsorptionWorkload implements Workload {
    private static final int N = 99;

    @Override
    public String name() {
        return "solver-absorption";
    }

    @Override
    public String description() {
        return "mean and sd of absorption time, acyclic 3-class epidemic chain of 1,000,000 states, build included; goal 30 s";
    }

    static Generator chain() {
        int w = N + 1;
        double mu = 1e-4;
        double[][] lambda = {{0.02, 0.005, 0.001}, {0.005, 0.01, 0.002}, {0.001, 0.002, 0.004}};
        Generator.Builder b = Generator.builder(w * w * w, 3 * w * w * w);
        int[] i = new int[3];
        for (i[0] = 0; i[0] <= N; i[0]++) {
            for (i[1] = 0; i[1] <= N; i[1]++) {
                for (i[2] = 0; i[2] <= N; i[2]++) {
                    int s = (i[0] * w + i[1]) * w + i[2];
                    for (int c = 2; c >= 0; c--) {  // increasing target index
                        if (i[c] < N) {
                            double pressure = 0;
                            for (int d = 0; d < 3; d++) {
                                pressure += lambda[c][d] * i[d] / (3.0 * N);
                            }
                            int stride = c == 0 ? w * w : c == 1 ? w : 1;
                            b.add(s, s + stride, (N - i[c]) * (mu + pressure));
                        }
                    }
                }
            }
        }
        return b.build();
    }

    @Override
    public Map<String, Object> run(ProgressListener progress) {
        Generator q = chain();
        int w = N + 1;
        AbsorptionAnalysis a = AbsorptionAnalysis.of(q, TransientSolver.pointMass(q.states(), w * w));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("states", q.states());
        f.put("transitions", q.transitions());
        f.put("meanTime", a.meanTime());
        f.put("sdTime", a.sdTime());
        f.put("method", a.accuracy().method());
        f.put("residual", a.accuracy().residual());
        f.put("secondMomentResidual", a.secondMomentAccuracy().residual());
        return f;
    }
}
