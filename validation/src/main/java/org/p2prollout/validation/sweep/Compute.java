package org.p2prollout.validation.sweep;

import java.util.Locale;

/** What a sweep computes at each point. */
public enum Compute {
    /** The model's prediction (one per point). */
    PREDICT,
    /** The simulator's replications (R per point). */
    SIMULATE,
    /** Both, side by side in every row. */
    BOTH;

    public boolean predicts() {
        return this != SIMULATE;
    }

    public boolean simulates() {
        return this != PREDICT;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
