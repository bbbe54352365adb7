package org.p2prollout.solver.uniformisation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.solver.bench.OpenSwarmChain;
import org.p2prollout.solver.bench.Workload;

/**
 * {@code solver-transient}: the open-swarm reference chain (2,003,001 states, 8,005,000
 * transitions) built and solved at t = 100 s from state (0, 0) with the default options (ε 1e-9;
 * the default method picks adaptive uniformisation from one state). Reports E[x], E[y] and
 * P(x >= 200) at t. PRISM counterpart: {@code docs/prism/swarm.sm} with
 * {@code -transientmethod fau}, paired in docs/PERFORMANCE.md.
 */
public final class TransientWorkload implements Workload {
    static final double TIME = 100;

    @Override
    public String name() {
        return "solver-transient";
    }

    @Override
    public String description() {
        return "transient distribution of the 2,003,001-state open-swarm chain at t = 100 s from (0, 0), build included; PRISM: -transientmethod fau";
    }

    @Override
    public Map<String, Object> run(ProgressListener progress) {
        // explored from (0, 0) by adaptive uniformisation, never built (as PRISM's FAU explores its model)
        OpenSwarmChain chain = OpenSwarmChain.reference();
        ExploredResult r = new TransientSolver(TransientOptions.defaults()).explore(chain.transitions(),
                new int[] {chain.index(0, 0)}, new double[] {1}, new double[] {TIME}, progress);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("states", chain.states());
        f.put("method", r.accuracy().method());
        f.put("iterations", r.accuracy().iterations());
        f.put("errorBound", r.errorBounds()[0]);
        f.put("droppedMass", r.droppedMass());
        f.put("uniformisationRate", r.uniformisationRate());
        f.put("sum", r.expectation(0, s -> 1.0));
        f.put("meanLeechers", r.expectation(0, s -> chain.leechers(s)));
        f.put("meanSeeds", r.expectation(0, s -> chain.seeds(s)));
        f.put("p(x>=200)", r.probability(0, s -> chain.leechers(s) >= 200));
        f.put("nonZeroStates", r.states(0).length);
        f.put("exploredStates", r.exploredStates());
        f.put("criterion", r.accuracy().criterion());
        return f;
    }

    static Map<String, Object> facts(OpenSwarmChain chain, double[] p, TransientResult r) {
        double sum = 0;
        double ex = 0;
        double ey = 0;
        double p200 = 0;
        long nonzero = 0;
        for (int s = 0; s < p.length; s++) {
            sum += p[s];
            ex += p[s] * chain.leechers(s);
            ey += p[s] * chain.seeds(s);
            p200 += chain.leechers(s) >= 200 ? p[s] : 0;
            nonzero += p[s] != 0 ? 1 : 0;
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("states", chain.states());
        f.put("method", r.accuracy().method());
        f.put("iterations", r.accuracy().iterations());
        f.put("errorBound", r.errorBounds()[0]);
        f.put("droppedMass", r.droppedMass());
        f.put("uniformisationRate", r.uniformisationRate());
        f.put("sum", sum);
        f.put("meanLeechers", ex);
        f.put("meanSeeds", ey);
        f.put("p(x>=200)", p200);
        f.put("nonZeroStates", nonzero);
        f.put("criterion", r.accuracy().criterion());
        return f;
    }
}
