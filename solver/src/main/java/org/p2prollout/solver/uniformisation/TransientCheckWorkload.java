package org.p2prollout.solver.uniformisation;

import java.util.Map;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.p2prollout.solver.Generator;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.solver.bench.OpenSwarmChain;
import org.p2prollout.solver.bench.Workload;

/**
 * {@code solver-transient-check}: the {@code solver-transient} answer against an independent
 * reference on the same chain: plain uniformisation with Λ = max exit rate (not 1.02×), the
 * generator's own sequential product {@link Generator.Uniformised#multiplyLeft}, Commons Math
 * Poisson probabilities truncated where the upper tail is below 1e-14, no dropping, no early stop.
 * Reports the largest absolute difference of a state probability (goal: 1e-6). Slow (minutes):
 * its time is not a performance figure.
 */
public final class TransientCheckWorkload implements Workload {
    @Override
    public String name() {
        return "solver-transient-check";
    }

    @Override
    public String description() {
        return "accuracy of solver-transient against a plain sequential uniformisation (minutes; reports maxDifference, goal 1e-6)";
    }

    @Override
    public Map<String, Object> run(ProgressListener progress) {
        OpenSwarmChain chain = OpenSwarmChain.reference();
        Generator q = chain.build();
        double[] init = TransientSolver.pointMass(q.states(), chain.index(0, 0));
        TransientResult fast = new TransientSolver(TransientOptions.defaults()).solve(q, init, new double[] {TransientWorkload.TIME},
                null, ProgressListener.NONE);
        double[] ref = reference(q, init, TransientWorkload.TIME, progress);
        double[] p = fast.distribution(0);
        double max = 0;
        double l1 = 0;
        for (int s = 0; s < p.length; s++) {
            double d = Math.abs(p[s] - ref[s]);
            max = Math.max(max, d);
            l1 += d;
        }
        Map<String, Object> f = TransientWorkload.facts(chain, p, fast);
        f.put("maxDifference", max);
        f.put("l1Difference", l1);
        return f;
    }

    static double[] reference(Generator q, double[] init, double t, ProgressListener progress) {
        Generator.Uniformised u = q.uniformise();
        double lt = u.lambda() * t;
        PoissonDistribution poisson = new PoissonDistribution(null, lt, 1e-15, 10_000_000);
        int kMax = (int) Math.ceil(lt);
        while (1 - poisson.cumulativeProbability(kMax) > 1e-14) {
            kMax++;
        }
        double[] v = init.clone();
        double[] next = new double[v.length];
        double[] acc = new double[v.length];
        for (int k = 0; k <= kMax; k++) {
            double w = poisson.probability(k);
            for (int s = 0; s < v.length; s++) {
                acc[s] += w * v[s];
            }
            u.multiplyLeft(v, next);
            double[] tmp = v;
            v = next;
            next = tmp;
            progress.progress(k, kMax, "reference uniformisation steps");
        }
        return acc;
    }
}
