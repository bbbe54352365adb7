package org.p2prollout.solver.uniformisation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.special.Gamma;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.solver.bench.Workload;

/**
 * {@code solver-bd-t0.02} and {@code solver-bd-t0.2}: the birth–death chain of 10^6 states
 * (n → n+1 at 1000/s, n → n−1 at n/s: M/M/∞ truncated at n = 999,999; largest exit rate
 * ≈ 1.001e6/s) from n = 0, explored and solved at t by adaptive uniformisation (ε 1e-9). Reports
 * the 1-norm distance to the closed form Poisson(1000 (1 − e^{−t})) next to the solver's bound.
 * PRISM counterpart: {@code docs/prism/bd.sm} with {@code -transientmethod fau}.
 */
public abstract class BirthDeathTransientWorkload implements Workload {
    static final int STATES = 1_000_000;
    static final double BIRTH = 1000;
    static final double DEATH = 1;

    private final double time;
    private final String label;

    BirthDeathTransientWorkload(double time, String label) {
        this.time = time;
        this.label = label;
    }

    /** t = 0.02 s. */
    public static final class Short extends BirthDeathTransientWorkload {
        public Short() {
            super(0.02, "0.02");
        }
    }

    /** t = 0.2 s. */
    public static final class Long extends BirthDeathTransientWorkload {
        public Long() {
            super(0.2, "0.2");
        }
    }

    @Override
    public String name() {
        return "solver-bd-t" + label;
    }

    @Override
    public String description() {
        return "transient of the 10^6-state birth-death chain (M/M/inf, birth 1000/s, death n/s) at t = " + label
                + " s from 0, build included, against its Poisson closed form; PRISM: -transientmethod fau";
    }

    /** The same transitions generated state by state (explored, never built, by adaptive uniformisation). */
    public static TransitionFunction transitions() {
        return new TransitionFunction() {
            @Override
            public int states() {
                return STATES;
            }

            @Override
            public int maxTransitions() {
                return 2;
            }

            @Override
            public int transitions(int i, int[] targets, double[] rates) {
                int c = 0;
                if (i > 0) {
                    targets[c] = i - 1;
                    rates[c++] = DEATH * i;
                }
                if (i + 1 < STATES) {
                    targets[c] = i + 1;
                    rates[c++] = BIRTH;
                }
                return c;
            }
        };
    }

    @Override
    public Map<String, Object> run(ProgressListener progress) {
        // explored from n = 0, as PRISM's FAU explores its model; the built chain's largest exit rate is
        // 1000 + 999,999 = 1,000,999/s
        ExploredResult r = new TransientSolver(TransientOptions.defaults()).explore(transitions(),
                new int[] {0}, new double[] {1}, new double[] {time}, progress);
        double mean = BIRTH / DEATH * (1 - Math.exp(-DEATH * time));
        // 1-norm distance to Poisson(mean): over the states carrying probability, plus the Poisson
        // mass of all the others (1 minus its mass on the support; the truncation at 10^6 is far)
        int[] support = r.states(0);
        double[] p = r.probabilities(0);
        double l1 = 0;
        double exactOnSupport = 0;
        for (int k = 0; k < support.length; k++) {
            double exact = Math.exp(support[k] * Math.log(mean) - mean - Gamma.logGamma(support[k] + 1.0));
            l1 += Math.abs(p[k] - exact);
            exactOnSupport += exact;
        }
        l1 += Math.max(0, 1 - exactOnSupport);
        double en = r.expectation(0, k -> k);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("states", STATES);
        f.put("maxExitRate", BIRTH + DEATH * (STATES - 1));
        f.put("method", r.accuracy().method());
        f.put("steps", r.accuracy().iterations());
        f.put("uniformisationRate", r.uniformisationRate());
        f.put("errorBound", r.errorBounds()[0]);
        f.put("exploredStates", r.exploredStates());
        f.put("l1ErrorVsClosedForm", l1);
        f.put("meanN", en);
        f.put("meanNExact", mean);
        f.put("criterion", r.accuracy().criterion());
        return f;
    }
}
