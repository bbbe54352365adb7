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
 * (2,003,001 states, 8,005,000 transitions), build included, by multilevel aggregation at the
 * default tolerance (estimated 1-norm error {@link Convergence#DEFAULT_EPSILON}). PRISM
 * counterpart: {@code docs/prism/swarm.sm} with {@code -sparse -bgaussseidel}, paired in
 * docs/PERFORMANCE.md.
 *
 * <p>Check of the answer: the chain is a tandem of infinite-server queues (leechers, then seeds)
 * wherever {@code y >= x/2}, so away from that boundary and the truncation its stationary
 * distribution is the product of Poisson laws with means λ/(θ+c) and λc/((θ+c)γ); the mass
 * outside that region is below 1e-40. Reported against that product form: the 1-norm error (next
 * to the solver's estimate), and the relative errors of E[x], E[y] and P(x >= 200).
 */
public final class SteadyWorkload implements Workload {
    @Override
    public String name() {
        return "solver-steady";
    }

    @Override
    public String description() {
        return "steady state of the 2,003,001-state open-swarm chain at the default tolerance, build included, against the product form; PRISM: -sparse -bgaussseidel";
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
        facts.put("errorEstimate", r.errorEstimate());
        facts.put("meanLeechers", meanX);
        facts.put("meanSeeds", meanY);
        facts.putAll(againstProductForm(chain, pi));
        return facts;
    }

    /** 1-norm and max differences from the product form, relative errors of E[x], E[y], P(x >= 200). */
    static Map<String, Object> againstProductForm(OpenSwarmChain c, double[] pi) {
        double[] px = poisson(c.arrival() / (c.abort() + c.completion()), c.maxLeechers());
        double[] py = poisson(c.arrival() * c.completion() / ((c.abort() + c.completion()) * c.departure()), c.maxSeeds());
        double l1 = 0;
        double max = 0;
        double[] got = new double[3];
        double[] exact = new double[3];
        for (int s = 0; s < pi.length; s++) {
            int x = c.leechers(s);
            int y = c.seeds(s);
            double e = px[x] * py[y];
            double d = Math.abs(pi[s] - e);
            l1 += d;
            max = Math.max(max, d);
            got[0] += pi[s] * x;
            got[1] += pi[s] * y;
            exact[0] += e * x;
            exact[1] += e * y;
            if (x >= 200) {
                got[2] += pi[s];
                exact[2] += e;
            }
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("l1ErrorVsProductForm", l1);
        f.put("maxDifferenceFromProductForm", max);
        f.put("p(x>=200)", got[2]);
        f.put("relErrorMeanX", Math.abs(got[0] - exact[0]) / exact[0]);
        f.put("relErrorMeanY", Math.abs(got[1] - exact[1]) / exact[1]);
        f.put("relErrorP(x>=200)", Math.abs(got[2] - exact[2]) / exact[2]);
        return f;
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
