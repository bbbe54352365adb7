package org.p2prollout.validation.suite;

import org.p2prollout.validation.sim.SimulationResult;

/** Which swarm model a validation case compares the simulation with, and how it is parameterised. */
public enum ModelKind {
    /** The single-piece hybrid chain (PRODUCT.md §4.2). */
    SINGLE_PIECE,
    /** The multi-piece model with the scenario's piece-selection policy (§4.4). */
    MULTI_PIECE,
    /** The heterogeneous fleet: classes and free riders (§4.3). */
    HETEROGENEOUS,
    /** The per-device-pair chain: every pair at its own rate from its replication's contact log (§4.7). */
    PAIRS,
    /** The open fleet's stationary state (§4.5). */
    OPEN_FLEET;

    /** Parameterises this kind of model from the simulation and its contact-log rates. */
    public ModelFit fit(SimulationResult sim, ContactLogRates rates, boolean sameContactsEveryReplication) {
        return switch (this) {
            case SINGLE_PIECE -> SinglePieceFit.fit(sim.scenario(), rates);
            case MULTI_PIECE -> MultiPieceFit.fit(sim.scenario(), rates);
            case HETEROGENEOUS -> HeterogeneousFit.fit(sim.scenario(), rates, sameContactsEveryReplication);
            case PAIRS -> PairsChainFit.fit(sim, rates);
            case OPEN_FLEET -> throw new CaseNotRunnable("the open fleet has no rollout to fit: its stationary state"
                    + " is compared by OpenFleetCase over an open-fleet simulation (CaseRunner runs it)");
        };
    }

    /** The lower-case name used in suite files, e.g. {@code single-piece}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static ModelKind parse(String key) {
        for (ModelKind k : values()) {
            if (k.key().equals(key) || k.name().equalsIgnoreCase(key)) {
                return k;
            }
        }
        throw new org.p2prollout.core.InvalidInputException("model must be one of single-piece, multi-piece,"
                + " heterogeneous, pairs, open-fleet, got '" + key + "'");
    }
}
