package org.p2prollout.model.traffic;

/**
 * Bytes sent over the air during a rollout, by kind, and the client-server baseline (all bytes).
 *
 * @param peerPayload          bytes of pieces delivered peer to peer
 * @param serverPayload        bytes of pieces delivered by the server
 * @param partialLost          bytes of pieces cut when contacts ended
 * @param rejected             bytes of pieces that failed verification
 * @param announcements        bytes of announcements
 * @param requests             bytes of piece requests
 * @param manifests            bytes of manifests
 * @param total                sum of the above
 * @param clientServerBaseline bytes a plain client-server download of the same devices sends:
 *                             update, manifest and requests per device
 * @param offload              peer payload / (peer + server payload)
 * @param overhead             total / clientServerBaseline
 * @param serverBytes          bytes the infrastructure sends: server payload plus its share of
 *                             manifests and requests (what P2P saves)
 */
public record TrafficPrediction(double peerPayload, double serverPayload, double partialLost, double rejected,
        double announcements, double requests, double manifests, double total, double clientServerBaseline,
        double offload, double overhead, double serverBytes) {
}
