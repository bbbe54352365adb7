package org.p2prollout.solver.uniformisation;

import org.p2prollout.solver.Generator;

/**
 * A CTMC given by its transitions out of each state, generated on demand, so that adaptive
 * uniformisation ({@link TransientSolver#explore}) can explore a chain from its initial
 * distribution without building it. States are {@code 0..states()-1}; rates per second.
 */
public interface TransitionFunction {
    /** Number of states n. */
    int states();

    /**
     * The transitions out of {@code state}: writes targets (distinct, not {@code state}) and rates
     * ({@code > 0}, finite) from index 0 and returns how many, at most {@link #maxTransitions()}.
     */
    int transitions(int state, int[] targets, double[] rates);

    /** An upper bound on the number of transitions out of any state. */
    int maxTransitions();

    /** The transitions of a built generator. */
    static TransitionFunction of(Generator q) {
        int max = 0;
        for (int s = 0; s < q.states(); s++) {
            max = Math.max(max, q.rowEnd(s) - q.rowStart(s));
        }
        final int m = max;
        return new TransitionFunction() {
            @Override
            public int states() {
                return q.states();
            }

            @Override
            public int transitions(int state, int[] targets, double[] rates) {
                int c = 0;
                for (int k = q.rowStart(state); k < q.rowEnd(state); k++) {
                    targets[c] = q.column(k);
                    rates[c++] = q.rate(k);
                }
                return c;
            }

            @Override
            public int maxTransitions() {
                return m;
            }
        };
    }
}
