package org.p2prollout.validation.suite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.p2prollout.model.swarm.SinglePieceModel;
import org.p2prollout.validation.sim.scenario.Scenario;

/**
 * The single-piece chain from a simulation: N and m from the fleet, μ from the server, λ from the
 * contact log, and p = P(a contact lasts long enough to carry the update) from the logged contact
 * durations (1 with instantaneous transfers). With several bandwidth classes p averages over the
 * class pairs, a pair sending at the slower bandwidth.
 */
final class SinglePieceFit {
    private SinglePieceFit() {
    }

    static ModelFit fit(Scenario sc, ContactLogRates rates) {
        List<String> notes = new ArrayList<>();
        if (sc.release().pieces() != 1) {
            notes.add("the update has " + sc.release().pieces() + " pieces; the single-piece chain treats it as one");
        }
        if (sc.fleet().freeRiderShare() > 0) {
            notes.add("free riders are not in the single-piece chain");
        }
        if (sc.server().rate() > 0 && sc.server().coverageShare() < 1) {
            notes.add("server coverage " + sc.server().coverageShare() + " < 1 is not in the chain (μ applies to all)");
        }
        double p = successProbability(sc, rates);
        int n = sc.fleet().devices();
        int m = sc.fleet().initialHolders();
        SinglePieceModel model = new SinglePieceModel(n, m, rates.rate(), sc.server().rate(), p);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("model", "single-piece hybrid chain");
        params.put("N devices", Integer.toString(n));
        params.put("m initial holders", Integer.toString(m));
        params.put("λ per pair per second (from the contact log)", String.format(Locale.ROOT, "%.4g [%.4g, %.4g]",
                rates.rate(), rates.rateLow(), rates.rateHigh()));
        params.put("contacts in the logs", Long.toString(rates.contacts()));
        params.put("mean contact duration s", String.format(Locale.ROOT, "%.4g", rates.meanDuration()));
        params.put("share of pairs with exponential inter-contact times", Double.isNaN(rates.exponentialFit())
                ? "n/a (no pair had enough inter-contact times to test)"
                : String.format(Locale.ROOT, "%.3f", rates.exponentialFit()));
        params.put("μ server rate per second", String.format(Locale.ROOT, "%.4g", sc.server().rate()));
        params.put("p transfer success", String.format(Locale.ROOT, "%.4g", p));
        double downloads = model.serverDownloads(1.0);
        Map<String, Double> bytes = new LinkedHashMap<>();
        double size = sc.release().sizeBytes();
        bytes.put("peerPayload", size * (n - m - downloads));
        bytes.put("serverPayload", size * downloads);
        return new ModelFit(model, params, notes, bytes, Double.NaN);
    }

    static double successProbability(Scenario sc, ContactLogRates rates) {
        if (sc.radio().instantaneous()) {
            return 1;
        }
        double p = 0;
        for (Scenario.BandwidthClass c : sc.fleet().bandwidthClasses()) {
            for (Scenario.BandwidthClass d : sc.fleet().bandwidthClasses()) {
                double bytesPerSecond = Math.min(c.bytesPerSecond(), d.bytesPerSecond());
                p += c.share() * d.share() * rates.shareLastingAtLeast(sc.release().sizeBytes() / bytesPerSecond);
            }
        }
        return p;
    }
}
