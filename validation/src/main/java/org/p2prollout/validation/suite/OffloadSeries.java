package org.p2prollout.validation.suite;

/**
 * Offload (fraction of payload bytes from peers, in [0, 1]) against the server rate for one
 * distribution scheme, e.g. P2P, client-server, BitTorrent-like.
 *
 * @param scheme      name of the scheme
 * @param serverRates server rates μ, per second, ascending
 * @param offload     offload at each rate, in [0, 1]
 * @param source      where the numbers come from, e.g. "model" or "simulation, 10 replications"
 */
public record OffloadSeries(String scheme, double[] serverRates, double[] offload, String source) {
    public OffloadSeries {
        serverRates = serverRates.clone();
        offload = offload.clone();
        if (serverRates.length != offload.length) {
            throw new IllegalArgumentException(serverRates.length + " rates but " + offload.length + " offloads");
        }
    }

    @Override
    public double[] serverRates() {
        return serverRates.clone();
    }

    @Override
    public double[] offload() {
        return offload.clone();
    }
}
