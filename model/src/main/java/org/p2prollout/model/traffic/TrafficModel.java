package org.p2prollout.model.traffic;

import org.p2prollout.model.swarm.RolloutModel;
import org.p2prollout.model.swarm.RolloutPrediction;
import org.p2prollout.core.Checks;

/**
 * Traffic accounting (PRODUCT.md section 4.6): turns the pieces a rollout moves into bytes by kind.
 *
 * <p>Peer transfers happen in contact-directions wanting u = min(k, K) pieces: each yields
 * E[complete] pieces and E[cut bytes] (from {@link ContactTransfer}), so a rollout whose peers
 * delivered P pieces made P / E[complete] attempts and lost that many times E[cut bytes]. One request
 * goes out per piece started (completed or cut) and per server piece; each device that gets the
 * update fetches the manifest once; every device announces at its rate for the whole rollout.
 */
public final class TrafficModel {
    private final TrafficParameters parameters;

    public TrafficModel(TrafficParameters parameters) {
        this.parameters = parameters;
    }

    public TrafficParameters parameters() {
        return parameters;
    }

    /**
     * @param nodes       devices announcing
     * @param receivers   devices that get the update during the rollout
     * @param peerPieces  pieces delivered by peers
     * @param serverPieces pieces delivered by the server
     * @param seconds     duration of the rollout (announcements)
     */
    public TrafficPrediction account(long nodes, double receivers, double peerPieces, double serverPieces,
            double seconds) {
        Checks.nonNegative("receivers", receivers);
        Checks.nonNegative("peer pieces", peerPieces);
        Checks.nonNegative("server pieces", serverPieces);
        Checks.nonNegative("duration (s)", seconds);
        TrafficParameters t = parameters;
        double s = t.pieceBytes();
        int wanted = Math.min(t.perContact(), t.pieces());
        double lost = 0;
        double started = peerPieces;
        if (t.contact() != null && peerPieces > 0) {
            double complete = t.contact().expectedCompletePieces(s, wanted);
            double attempts = peerPieces / complete;
            lost = attempts * t.contact().expectedLostBytes(s, wanted);
            started += attempts * t.contact().cutProbability(s, wanted);
        }
        double peer = peerPieces * s;
        double server = serverPieces * s;
        double rejected = t.rejectedShare() * peerPieces * s;
        double announcements = nodes * t.announcementRate() * seconds * t.announcementBytes();
        double requests = (started + serverPieces) * t.requestBytes();
        double manifests = receivers * t.manifestBytes();
        double total = peer + server + lost + rejected + announcements + requests + manifests;
        double baseline = receivers * (t.updateBytes() + t.manifestBytes() + t.pieces() * t.requestBytes());
        double serverShare = peerPieces + serverPieces > 0 ? serverPieces / (peerPieces + serverPieces) : 1;
        double serverBytes = server + serverShare * manifests + serverPieces * t.requestBytes();
        return new TrafficPrediction(peer, server, lost, rejected, announcements, requests, manifests, total,
                baseline, peer + server > 0 ? peer / (peer + server) : 0, baseline > 0 ? total / baseline : Double.NaN,
                serverBytes);
    }

    /**
     * The traffic of a predicted rollout to coverage q: the devices needed to reach ceil(qN) get the
     * update, the server delivers {@code serverDownloads x K} pieces and peers the rest, during the
     * predicted mean time.
     */
    public TrafficPrediction account(RolloutPrediction prediction, long nodes, long initialHolders) {
        long needed = Math.max(0, RolloutModel.targetCount(nodes, prediction.coverage()) - initialHolders);
        int k = parameters.pieces();
        double serverPieces = prediction.serverDownloads() * k;
        double peerPieces = Math.max(0, needed * (double) k - serverPieces);
        return account(nodes, needed, peerPieces, serverPieces, prediction.meanTime());
    }

    /**
     * The traffic of the same rollout served by the server alone (client-server): every device that
     * needs the update downloads its K pieces from the server, with one request per piece, and
     * fetches the manifest once. Nothing else is charged: devices do not announce to peers (the
     * announcements of {@link #account} exist only for peer discovery), no piece comes from a peer,
     * no contact cuts a transfer, no peer piece is rejected. This is the {@code baseline} of
     * {@link TrafficPrediction}; {@code total} equals it.
     */
    public TrafficPrediction accountClientServer(RolloutPrediction prediction, long nodes, long initialHolders) {
        long needed = Math.max(0, RolloutModel.targetCount(nodes, prediction.coverage()) - initialHolders);
        TrafficParameters t = parameters;
        double serverPieces = needed * (double) t.pieces();
        double server = serverPieces * t.pieceBytes();
        double requests = serverPieces * t.requestBytes();
        double manifests = needed * t.manifestBytes();
        double total = server + requests + manifests;
        double baseline = needed * (t.updateBytes() + t.manifestBytes() + t.pieces() * t.requestBytes());
        return new TrafficPrediction(0, server, 0, 0, 0, requests, manifests, total, baseline, 0,
                baseline > 0 ? total / baseline : 1, total);
    }
}
