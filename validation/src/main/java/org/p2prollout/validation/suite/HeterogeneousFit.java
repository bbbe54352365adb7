package org.p2prollout.validation.suite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.p2prollout.model.rates.EncounterRates;
import org.p2prollout.model.swarm.HeterogeneousFleet;
import org.p2prollout.model.swarm.HeterogeneousModel;
import org.p2prollout.validation.sim.scenario.Scenario;

/**
 * The heterogeneous-fleet chain from a simulation: the classes and their C x C rate matrix are the
 * rates pipeline's (devices grouped by total contact rate) on replication 0's contact log; every
 * class has the scenario's free-rider share and server rate; initial holders go to the largest
 * class; p as for the single-piece chain.
 */
final class HeterogeneousFit {
    private HeterogeneousFit() {
    }

    static ModelFit fit(Scenario sc, ContactLogRates rates, boolean sameContactsEveryReplication) {
        EncounterRates.Classes classes = rates.runs().get(0).rates().classes();
        int c = classes.sizes().length;
        long[] sizes = Arrays.stream(classes.sizes()).asLongStream().toArray();
        List<String> notes = new ArrayList<>();
        if (!sameContactsEveryReplication) {
            notes.add("classes and their rates come from replication 0's contact log; other replications are new"
                    + " realisations of the same mobility");
        }
        double p = SinglePieceFit.successProbability(sc, rates);
        HeterogeneousFleet base = HeterogeneousFleet.of(sizes, classes.rates(), sc.server().rate(),
                sc.fleet().initialHolders(), p);
        double[] freeRiders = new double[c];
        Arrays.fill(freeRiders, sc.fleet().freeRiderShare());
        HeterogeneousFleet fleet = new HeterogeneousFleet(base.classSizes(), base.classRates(), base.serverRates(),
                freeRiders, base.initialHolders(), p);
        HeterogeneousModel model = new HeterogeneousModel(fleet);
        if (!model.exact()) {
            notes.add("the exact chain is too large: mean-field ODE, deterministic times");
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("model", "heterogeneous fleet, " + c + " classes (" + (model.exact() ? "exact chain" : "mean-field") + ")");
        params.put("class sizes", Arrays.toString(sizes));
        StringBuilder matrix = new StringBuilder();
        for (double[] row : classes.rates()) {
            matrix.append(Arrays.stream(row).mapToObj(v -> String.format(Locale.ROOT, "%.3g", v)).toList());
        }
        params.put("class rates per second (from the contact log)", matrix.toString());
        params.put("free-rider share per class", String.format(Locale.ROOT, "%.3g", sc.fleet().freeRiderShare()));
        params.put("μ server rate per second", String.format(Locale.ROOT, "%.4g", sc.server().rate()));
        params.put("p transfer success", String.format(Locale.ROOT, "%.4g", p));
        var prediction = model.predict(1.0);
        int n = sc.fleet().devices();
        Map<String, Double> bytes = new LinkedHashMap<>();
        double size = sc.release().sizeBytes();
        bytes.put("peerPayload", size * (n - sc.fleet().initialHolders() - prediction.serverDownloads()));
        bytes.put("serverPayload", size * prediction.serverDownloads());
        return new ModelFit(model, params, notes, bytes, Double.NaN);
    }
}
