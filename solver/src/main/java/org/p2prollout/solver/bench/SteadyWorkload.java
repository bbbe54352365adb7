package org.p2prollout.solver.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.special.Gamma;
import org.p2prollout.solver.Generator;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.solver.stationary.Convergence;
import org.p2prollout.solver.stationary.Multilevel;
import org.p2prollout.solver.stationary.StationaryResult;

/**
 * {@code solver-steady}: the stationary distribution of the reference open-swarm chain
 * (2,003,001 states, 8,005,000 transitions), build included, by multilevel aggregation at ε 1e-6.
 * PRISM's sparse engine needs 298 s (Gauss–Seidel, 17,228 iterations); goal 60 s.
 *
 * <p>Check of the answer: the chain is a tandem of infinite-server queues (leechers, then seeds)
 * wherever {@code y >= x/2}, so away from that boundary and the truncation its stationary
 * distribution is the product of Poisson laws with means λ/(θ+c) and λc/((θ+c)γ); the mass
 * outside that region is below 1e-40. The maximum difference from that product form is reported
 * ({@code maxDifferenceFromProductForm}).
 */
public final class SteadyWorkload implements Workload {
    @Override
    public String name() {
        return "solver-steady";
    }

    @Override
    public String description() {
        return "steady state of the 2,003,001-state open-swarm chain, build included; PRISM 298 s, goal 60 s";
    }

    @Override
    public Map<String, Object> run(ProgressListener progress) {
        OpenSwarmChain chain = OpenSwarmChain.reference();
        Generator q = chain.build();
        StationaryResult r = new Multilevel(Convergence.defaults(), progress).solve(q);
        double[] pi = r.distribution();
        double meanX = 0;
        double meanY = 0;
        for (int s = 0; s < pi.length; s++) {
            meanX += pi[s] * chain.leechers(s);
            meanY += pi[s] * chain.seeds(s);
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("states", q.states());
        facts.put("transitions", q.transitions());
        facts.put("method", r.accuracy().method());
        facts.put("iterations", r.accuracy().iterations());
        facts.put("residual", r.accuracy().residual());
        facts.put("criterion", r.accuracy().criterion());
        facts.put("meanLeechers", meanX);
        facts.put("meanSeeds", meanY);
        facts.put("p(0,0)", pi[chain.index(0, 0)]);
        facts.put("p(182,364)", pi[chain.index(182, 364)]);
        facts.put("p(150,300)", pi[chain.index(150, 300)]);
        facts.put("maxDifferenceFromProductForm", maxDifferenceFromProductForm(chain, pi));
        return facts;
    }

    /** max_s |π_s − Poisson(x; λ/(θ+c)) · Poisson(y; λc/((θ+c)γ))|. */
    static double maxDifferenceFromProductForm(OpenSwarmChain c, double[] pi) {
        double[] px = poisson(c.arrival() / (c.abort() + c.completion()), c.maxLeechers());
        double[] py = poisson(c.arrival() * c.completion() / ((c.abort() + c.completion()) * c.departure()), c.maxSeeds());
        double max = 0;
        for (int s = 0; s < pi.length; s++) {
            max = Math.max(max, Math.abs(pi[s] - px[c.leechers(s)] * py[c.seeds(s)]));
        }
        return max;
    }

    private static double[] poisson(double mean, int max) {
        double[] p = new double[max + 1];
        for (int k = 0; k <= max; k++) {
            p[k] = Math.exp(k * Math.log(mean) - mean - Gamma.logGamma(k + 1.0));
        }
        return p;
    }
}
