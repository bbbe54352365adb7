package org.p2prollout.validation.suite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.model.pairs.PairsChain;
import org.p2prollout.model.pairs.PairsOptions;
import org.p2prollout.validation.sim.ReplicationResult;
import org.p2prollout.validation.sim.SimulationResult;
import org.p2prollout.validation.sim.scenario.Scenario;

/**
 * The per-device-pair chain from a simulation: each replication's own contact log gives its fleet's
 * encounter rate per pair {@code λ_ij = encounters_ij / observed seconds} (0 for pairs that never met;
 * encounters as in {@link #encounterRates}),
 * so a replication over a new realisation of a mobility model (a synthetic city: other parked cars,
 * other streets) is represented by its own rates; the chain ({@link PairsChain}) is simulated
 * {@link #TOTAL_RUNS} times in all, spread evenly over the replications' fleets, and the prediction
 * is their mixture. μ, m and p as for the single-piece chain; initial holders uniform, as in the
 * simulator.
 */
final class PairsChainFit {
    /** Simulated rollouts of the chain over all fleets (Monte Carlo error of the CDF ≤ 0.01 at 95 %). */
    static final int TOTAL_RUNS = 20_000;
    /**
     * Contacts of a pair less than this apart, seconds, are one meeting (600, as for traces,
     * {@link PairsOptions#DEFAULT}): a car stopping or turning at an intersection drops in and out of
     * range within a few sampling steps. Measured on the demo's city (seeds 1-7, 60 replications each):
     * 600 s passes every seed (mean T_0.5 and T_0.9 3-8 % fast, T_1 -2 to +12 %, KS 0.08-0.18, coverage
     * 0.013-0.033 beyond the band); no merging counted the flicker as chances (T_0.5, T_0.9 10 % fast, the
     * coverage check failed); 1,800 s merged distinct meetings (T_1 7 % slow, one seed in seven failed).
     * Encounters are points here: contact shares (a contact in progress passing the update at once, as
     * the trace forecasts model it) made the city's chain 12-17 % fast at T_0.5, because a car's contacts
     * at the moment it receives the update are mostly its giver's too, which independent pairs ignore.
     */
    static final double MERGE_GAP = 600;

    private PairsChainFit() {
    }

    /**
     * λ_ij = encounters of i and j / {@code window} seconds, an encounter being a run of the pair's
     * contacts less than {@code gap} seconds apart (the pairs model's default, as for trace forecasts:
     * two cars that keep coming into range of each other have one chance to pass the update, not many).
     */
    static double[][] encounterRates(List<Contact> log, int n, double window, double gap) {
        List<Contact> sorted = new ArrayList<>(log);
        sorted.sort(java.util.Comparator.comparingDouble(Contact::start));
        double[][] lastEnd = new double[n][n];
        for (double[] row : lastEnd) {
            java.util.Arrays.fill(row, Double.NEGATIVE_INFINITY);
        }
        double[][] r = new double[n][n];
        for (Contact c : sorted) {
            int a = Math.min(c.a(), c.b());
            int b = Math.max(c.a(), c.b());
            if (c.start() > lastEnd[a][b] + gap) {
                r[a][b] += 1 / window;
                r[b][a] = r[a][b];
            }
            lastEnd[a][b] = Math.max(lastEnd[a][b], c.end());
        }
        return r;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    static ModelFit fit(SimulationResult sim, ContactLogRates rates) {
        Scenario sc = sim.scenario();
        List<String> notes = new ArrayList<>();
        if (sc.release().pieces() != 1) {
            notes.add("the update has " + sc.release().pieces() + " pieces; the pairs chain treats it as one");
        }
        if (sc.fleet().freeRiderShare() > 0) {
            notes.add("free riders are not in the pairs chain");
        }
        if (sc.server().rate() > 0 && sc.server().coverageShare() < 1) {
            notes.add("server coverage " + sc.server().coverageShare() + " < 1 is not in the chain (μ applies to all)");
        }
        int n = sc.fleet().devices();
        int m = sc.fleet().initialHolders();
        double p = SinglePieceFit.successProbability(sc, rates);
        List<double[][]> fleets = new ArrayList<>();
        long withContact = 0;
        double sum = 0;
        // contacts the simulator draws itself as Poisson processes are independent chances: not merged
        boolean poisson = sc.mobility().model() == Scenario.MobilityModel.CONTACT_PROCESS
                && sc.mobility().encounterRate() > 0;
        double gap = poisson ? 0 : MERGE_GAP;
        long contacts = 0;
        long encounters = 0;
        for (ReplicationResult rep : sim.replications()) {
            if (rep.contacts() == null) {
                throw new IllegalStateException("replication " + rep.replication() + " kept no contact log");
            }
            double[][] r = encounterRates(rep.contacts().contacts(), n, rep.stopSeconds(), gap);
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (r[i][j] > 0) {
                        withContact++;
                        sum += r[i][j];
                        encounters += Math.round(r[i][j] * rep.stopSeconds());
                    }
                }
            }
            contacts += rep.contacts().contacts().size();
            fleets.add(r);
        }
        int perFleet = Math.max(50, (TOTAL_RUNS + fleets.size() - 1) / fleets.size());
        PairsChain chain = new PairsChain(fleets, m, sc.server().rate(), p, perFleet, sim.seed());
        if (fleets.size() > 1) {
            notes.add("each replication's pairs chain has the encounter rates of its own contact log (every replication"
                    + " is a new realisation of the mobility); the prediction mixes the " + fleets.size() + " fleets");
        }
        var prediction = chain.predict(1.0);
        notes.add("the chain's state is the set of holders (2^" + n + " states): solved by simulating it, "
                + prediction.accuracy().criterion());
        double pairs = (double) n * (n - 1) / 2;
        Map<String, String> params = new LinkedHashMap<>();
        params.put("model", "per-device-pair chain (" + n + " devices, Monte Carlo, " + chain.runs() + " runs over "
                + fleets.size() + " fleet(s))");
        params.put("N devices", Integer.toString(n));
        params.put("m initial holders", Integer.toString(m));
        params.put("pairs that met, per fleet", String.format(Locale.ROOT, "%.0f of %.0f", withContact
                / (double) fleets.size(), pairs));
        params.put("mean λ_ij per pair per second", String.format(Locale.ROOT, "%.4g", sum / fleets.size() / pairs));
        params.put("contacts in the logs", Long.toString(contacts));
        params.put(gap > 0 ? "encounters (a pair's contacts less than " + fmt(gap) + " s apart merged)"
                : "encounters (Poisson contacts, none merged)", Long.toString(encounters));
        params.put("μ server rate per second", String.format(Locale.ROOT, "%.4g", sc.server().rate()));
        params.put("p transfer success", String.format(Locale.ROOT, "%.4g", p));
        double downloads = prediction.serverDownloads();
        Map<String, Double> bytes = new LinkedHashMap<>();
        double size = sc.release().sizeBytes();
        bytes.put("peerPayload", size * (n - m - downloads));
        bytes.put("serverPayload", size * downloads);
        return new ModelFit(chain, params, notes, bytes, Double.NaN);
    }
}
