package org.p2prollout.solver.absorption;

/** How {@link AbsorptionAnalysis} computes the CDF of the time to absorption. */
public enum CdfMethod {
    /**
     * Uniformisation, unless the transient part is acyclic and uniformisation would need more than
     * {@link AbsorptionOptions#laplaceAbove()} steps (Λ·t), in which case Laplace inversion.
     */
    AUTO,
    /** Uniformisation of the stopped chain: proven error bound; cost grows with Λ·t. */
    UNIFORMISATION,
    /** Laplace transform inversion (acyclic transient part only): cost independent of t; error estimated, not proven. */
    LAPLACE
}
