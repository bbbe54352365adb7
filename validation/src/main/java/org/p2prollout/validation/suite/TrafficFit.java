package org.p2prollout.validation.suite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2prollout.model.traffic.ContactTransfer;
import org.p2prollout.model.traffic.TrafficModel;
import org.p2prollout.model.traffic.TrafficParameters;
import org.p2prollout.model.traffic.TrafficPrediction;
import org.p2prollout.validation.sim.ReplicationResult;
import org.p2prollout.validation.sim.SimulationResult;
import org.p2prollout.validation.sim.scenario.Scenario;

/**
 * Predicted bytes per kind and overhead (PRODUCT.md §4.6, the model's {@link TrafficModel}) for a
 * fitted model, with the message sizes of the protocol's wire encoding (docs/PROTOCOL.md: h the
 * frame header, L the release name's length): manifest request and manifest h + 6 + L and
 * h + 115 + L + 32 K; per piece a request and a piece header, 2h + 72; an announcement
 * h + 42 + L + ceil(K/8) + 4 r. Both sides announce at the start of every contact, so the
 * announcement rate per device is 2 x contacts / (N x observed seconds) from the contact logs, and
 * announcements are counted over the simulated duration (the simulator keeps announcing after
 * T_1). Cut pieces assume exponential contact durations with the logged mean.
 */
final class TrafficFit {
    private TrafficFit() {
    }

    /** The fit with predicted bytes per kind (simulator keys) and overhead filled in. */
    static ModelFit withTraffic(ModelFit fit, SimulationResult sim, ContactLogRates rates) {
        Scenario sc = sim.scenario();
        int k = sc.release().pieces();
        int h = sc.radio().frameHeaderBytes();
        int name = sc.release().name().length();
        int n = sc.fleet().devices();
        double seconds = sim.replications().stream().mapToDouble(ReplicationResult::stopSeconds).average().orElse(0);
        double announcementRate = rates.pairSeconds() > 0 && seconds > 0
                ? 2.0 * rates.contacts() / sim.replications().size() / n / seconds : 0;
        double slowest = sc.fleet().bandwidthClasses().stream().mapToDouble(Scenario.BandwidthClass::bytesPerSecond)
                .min().orElseThrow();
        ContactTransfer contact = sc.radio().instantaneous() || !(rates.meanDuration() > 0) ? null
                : new ContactTransfer(rates.meanDuration(), slowest);
        int perContact = sc.radio().instantaneous() ? k : (int) Math.max(1, Math.min(k,
                Math.round(MultiPieceFit.meanPiecesWhenAny(rates, sc.release().pieceBytes(0) / slowest))));
        TrafficParameters parameters = new TrafficParameters(sc.release().sizeBytes(), k, perContact,
                (h + 6 + name) + (h + 115 + name + 32.0 * k), 2.0 * h + 72,
                h + 42 + name + (k + 7) / 8 + 4.0 * sc.protocol().recentPeers(), announcementRate, contact, 0);
        var prediction = fit.model().predict(1.0);
        long initial = sc.fleet().initialHolders();
        double receivers = n - initial;
        double serverPieces = prediction.serverDownloads() * k;
        double peerPieces = Math.max(0, receivers * k - serverPieces);
        TrafficPrediction t = new TrafficModel(parameters).account(n, receivers, peerPieces, serverPieces, seconds);
        Map<String, Double> bytes = new LinkedHashMap<>();
        bytes.put("peerPayload", t.peerPayload());
        bytes.put("serverPayload", t.serverPayload());
        bytes.put("partialLost", t.partialLost());
        bytes.put("rejected", t.rejected());
        bytes.put("announcements", t.announcements());
        bytes.put("requests", t.requests());
        bytes.put("manifests", t.manifests());
        List<String> notes = new java.util.ArrayList<>(fit.notes());
        notes.add(String.format(java.util.Locale.ROOT, "traffic: announcements at %.3g per device per second (two per"
                + " logged contact) over the simulated %.0f s; per-piece request and frame headers counted as"
                + " requests", announcementRate, seconds));
        return new ModelFit(fit.model(), fit.parameters(), notes, bytes, t.overhead());
    }
}
