package org.p2prollout.validation.suite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.p2prollout.model.pieces.PieceSubsets;
import org.p2prollout.model.pieces.MultiPieceModel;
import org.p2prollout.model.pieces.MultiPieceSwarm;
import org.p2prollout.protocol.selection.PiecePolicy;
import org.p2prollout.validation.sim.scenario.Scenario;

/**
 * The multi-piece model from a simulation: N, m, K, μ and the policy from the scenario; λ from the
 * contact log; per contact and direction k = the mean number of pieces carried by the logged
 * contacts long enough for one (at the slowest bandwidth), rounded to [1, K], and p such that
 * p k equals the mean pieces per logged contact (capped at K and p at 1); with instantaneous
 * transfers p = 1 and k = K. The server hands out up to K pieces per visit, as the simulator's
 * server session does: a session stays open while the device has a request outstanding, and the
 * device keeps requesting the pieces it lacks, so one reach delivers every missing piece (except any
 * already on their way from a peer); see {@link #serverPiecesPerVisit}.
 */
final class MultiPieceFit {
    private MultiPieceFit() {
    }

    /**
     * Pieces the simulator's server session hands out per reach, as a function of K: all of them.
     * (World closes a server link only once it is idle, and the device requests its next missing
     * piece as soon as one arrives, so the session ends when the device holds every piece.)
     */
    static int serverPiecesPerVisit(int pieces) {
        return pieces;
    }

    /** Mean of floor(duration / pieceSeconds) over the contacts that carry at least one piece. */
    static double meanPiecesWhenAny(ContactLogRates rates, double pieceSeconds) {
        return java.util.Arrays.stream(rates.durations()).filter(d -> d >= pieceSeconds)
                .map(d -> Math.floor(d / pieceSeconds)).average().orElse(1);
    }

    static ModelFit fit(Scenario sc, ContactLogRates rates) {
        int pieces = sc.release().pieces();
        if (pieces > 16) {
            throw new CaseNotRunnable("the multi-piece model takes at most 16 pieces, the scenario has " + pieces);
        }
        PiecePolicy policy = sc.protocol().policy();
        if (!PieceSubsets.MODELLED.contains(policy)) {
            throw new CaseNotRunnable("the multi-piece model has no " + policy.label() + " policy (it has "
                    + PiecePolicy.spellings(PieceSubsets.MODELLED) + ")");
        }
        List<String> notes = new ArrayList<>();
        double slowest = sc.fleet().bandwidthClasses().stream()
                .mapToDouble(Scenario.BandwidthClass::bytesPerSecond).min().orElseThrow();
        double pieceSeconds = sc.release().pieceBytes(0) / slowest;
        int perContact;
        double p;
        if (sc.radio().instantaneous()) {
            perContact = pieces;
            p = 1;
        } else {
            perContact = (int) Math.max(1, Math.min(pieces, Math.round(meanPiecesWhenAny(rates, pieceSeconds))));
            double meanPieces = java.util.Arrays.stream(rates.durations())
                    .map(d -> Math.min(pieces, Math.floor(d / pieceSeconds))).average().orElse(0);
            p = Math.min(1, meanPieces / perContact);
            notes.add(String.format(Locale.ROOT, "contact durations vary; the model uses one k per contact (the mean"
                    + " number of pieces of a contact that carries any, rounded) and p = mean pieces per contact / k"
                    + " = %.3g / %d, so that p k matches the logged contacts' capacity", meanPieces, perContact));
        }
        int serverPerVisit = serverPiecesPerVisit(pieces);
        int n = sc.fleet().devices();
        int m = sc.fleet().initialHolders();
        MultiPieceSwarm swarm = new MultiPieceSwarm(n, pieces, perContact, policy, rates.rate(), sc.server().rate(), p, m,
                serverPerVisit);
        MultiPieceModel model = new MultiPieceModel(swarm);
        var prediction = model.predict(1.0);
        if (prediction.sdTime() == 0) {
            notes.add("the exact chain is too large: mean-field ODE, deterministic times");
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("model", "multi-piece, " + policy.label() + " (" + prediction.method() + ")");
        params.put("λ per pair per second (from the contact log)", String.format(Locale.ROOT, "%.4g [%.4g, %.4g]",
                rates.rate(), rates.rateLow(), rates.rateHigh()));
        params.put("contacts in the logs", Long.toString(rates.contacts()));
        params.put("K pieces", Integer.toString(pieces));
        params.put("k pieces per contact and direction", Integer.toString(perContact));
        params.put("p per contact and direction", String.format(Locale.ROOT, "%.4g", p));
        params.put("μ server rate per second", String.format(Locale.ROOT, "%.4g", sc.server().rate()));
        params.put("server pieces per visit", serverPerVisit
                + " (the simulator's server session: every missing piece per reach)");
        params.put("chain states", Long.toString(prediction.states()));
        Map<String, Double> bytes = new LinkedHashMap<>();
        double size = sc.release().sizeBytes();
        bytes.put("peerPayload", size * (n - m - prediction.serverDownloads()));
        bytes.put("serverPayload", size * prediction.serverDownloads());
        return new ModelFit(model, params, notes, bytes, Double.NaN);
    }
}
