package org.p2prollout.model.swarm;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a prediction was computed. */
public enum PredictionMethod {
    /** Exact sums over the pure-birth chain (no matrix). */
    CLOSED_FORM("closed-form"),
    /** The exact continuous-time Markov chain, solved numerically. */
    EXACT_CTMC("exact-ctmc"),
    /** The mean-field ODE: a large-N approximation (deterministic rollout times). */
    MEAN_FIELD("mean-field"),
    /**
     * Stochastic simulation of the chain itself (e.g. the individual-based pairs chain, whose state
     * space 2^N no solver can hold): exact for the model up to the stated Monte Carlo error.
     */
    MONTE_CARLO("monte-carlo");

    private final String label;

    PredictionMethod(String label) {
        this.label = label;
    }

    /** The name used in JSON and on the command line, e.g. {@code closed-form}. */
    @JsonValue
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
