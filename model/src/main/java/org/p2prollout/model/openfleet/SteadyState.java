package org.p2prollout.model.openfleet;

/**
 * The stationary state of an {@link OpenFleet}.
 *
 * @param meanLacking              E[x], devices
 * @param meanHolding              E[y], devices
 * @param shareUpToDate            E[y] / E[x + y]: share of online devices holding the update
 * @param serverDownloadsPerSecond mu E[x]
 * @param peerDownloadsPerSecond   p lambda E[x y]
 * @param offload                  peer / (peer + server) downloads
 * @param truncationMass           P(x = maxLacking or y = maxHolding): raise the bounds when not small
 * @param massAtMaxLacking         P(x = maxLacking)
 * @param massAtMaxHolding         P(y = maxHolding)
 * @param states                   states of the truncated chain
 * @param method                   stationary method
 * @param residual                 ||pi Q||_inf, probability per second
 * @param accuracy                 the solver's accuracy summary
 */
public record SteadyState(double meanLacking, double meanHolding, double shareUpToDate,
        double serverDownloadsPerSecond, double peerDownloadsPerSecond, double offload, double truncationMass,
        double massAtMaxLacking, double massAtMaxHolding, int states, String method, double residual,
        String accuracy) {
}
