package org.p2prollout.validation.suite;

import java.util.ArrayList;
import java.util.List;
import org.p2prollout.model.rates.PipelineOptions;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.validation.sim.SimulationResult;
import org.p2prollout.validation.sim.Simulator;
import org.p2prollout.validation.sim.scenario.Scenario;
import org.p2prollout.validation.sim.scenario.Scenario.Baseline;

/**
 * Offload against server rate for the three distribution schemes on one fleet: the P2P protocol
 * (simulated, and the single-piece model fitted to each simulation's contact log), plain
 * client-server and the BitTorrent-like swarm (both simulated).
 *
 * @param scenario     the fleet and mobility; its server rate is replaced by each of {@code serverRates}
 * @param serverRates  μ values, per second, each {@code > 0}
 * @param replications R per point
 * @param seed         seed of every point (common random numbers across μ)
 */
public record OffloadSweep(Scenario scenario, double[] serverRates, int replications, long seed) {
    public OffloadSweep {
        serverRates = serverRates.clone();
        for (double mu : serverRates) {
            org.p2prollout.core.Checks.positive("offload sweep server rate", mu);
        }
    }

    /** Simulations to run (for progress): three schemes per rate. */
    public int units() {
        return 3 * serverRates.length * replications;
    }

    public List<OffloadSeries> run(ProgressListener progress) {
        int n = serverRates.length;
        double[] model = new double[n];
        double[] p2p = new double[n];
        double[] clientServer = new double[n];
        double[] bitTorrent = new double[n];
        long done = 0;
        for (int i = 0; i < n; i++) {
            Scenario atMu = withServerRate(CaseRunner.withContactLog(scenario), serverRates[i]);
            SimulationResult sim = Simulator.run(atMu, seed, replications, ProgressListener.NONE);
            p2p[i] = sim.summary().offload().mean();
            ContactLogRates rates = ContactLogRates.of(sim, PipelineOptions.DEFAULT);
            model[i] = SinglePieceFit.fit(atMu, rates).model().predict(1.0).offload();
            progress.progress(done += replications, units(), "offload sweep");
            clientServer[i] = Simulator.run(atMu.withBaseline(Baseline.CLIENT_SERVER), seed, replications,
                    ProgressListener.NONE).summary().offload().mean();
            progress.progress(done += replications, units(), "offload sweep");
            bitTorrent[i] = Simulator.run(atMu.withBaseline(Baseline.BITTORRENT), seed, replications,
                    ProgressListener.NONE).summary().offload().mean();
            progress.progress(done += replications, units(), "offload sweep");
        }
        String sim = "simulation, " + org.p2prollout.model.text.Quantities.count(replications, "replication");
        List<OffloadSeries> series = new ArrayList<>();
        series.add(new OffloadSeries("P2P", serverRates, model, "model"));
        series.add(new OffloadSeries("P2P", serverRates, p2p, sim));
        series.add(new OffloadSeries("client-server", serverRates, clientServer, sim));
        series.add(new OffloadSeries("BitTorrent-like", serverRates, bitTorrent, sim));
        return series;
    }

    static Scenario withServerRate(Scenario s, double mu) {
        return Records.with(s, "server", Records.with(s.server(), "rate", mu));
    }

    @Override
    public double[] serverRates() {
        return serverRates.clone();
    }
}
