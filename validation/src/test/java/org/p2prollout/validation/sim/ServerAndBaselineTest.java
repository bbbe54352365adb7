package org.p2prollout.validation.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.validation.sim.scenario.Scenario;
import org.p2prollout.validation.sim.scenario.Scenario.Baseline;
import org.p2prollout.validation.sim.scenario.Scenario.MobilityModel;
import org.p2prollout.validation.sim.scenario.Scenario.ProtocolImplementation;

/**
 * The server path and the baselines against closed forms of PRODUCT.md §4.2 (computed here):
 * the hybrid chain E[T_1] = sum_{i=m}^{N-1} 1 / ((N-i)(mu + lambda i)) with its expected server
 * downloads sum mu / (mu + lambda i), and client-server only E[T_1] = H_{N-m} / mu.
 */
class ServerAndBaselineTest {
    static Scenario hybrid(int n, double lambda, double mu) {
        return hybrid(n, lambda, mu, ProtocolImplementation.IDEAL);
    }

    static Scenario hybrid(int n, double lambda, double mu, ProtocolImplementation impl) {
        return Scenario.builder().devices(n).initialHolders(1).mobility(MobilityModel.CONTACT_PROCESS)
                .encounterRate(lambda).contactDurationSeconds(0).instantaneous(true).pieces(1).sizeBytes(1000)
                .implementation(impl).durationSeconds(1e7).recordContacts(false)
                .serverRate(mu).build();
    }

    @Test
    void hybridChainMeanT1AndServerDownloads() {
        int n = 30;
        double lambda = 1e-3;
        double mu = 5e-3;
        SimulationResult r = Simulator.run(hybrid(n, lambda, mu), 21, 300, ProgressListener.NONE);
        double t1 = 0;
        double downloads = 0;
        for (int i = 1; i <= n - 1; i++) {
            t1 += 1 / ((n - i) * (mu + lambda * i));
            downloads += mu / (mu + lambda * i);
        }
        double expectedT1 = t1;
        assertTrue(StatBounds.covers999(r.summary().t100(), expectedT1), () -> expectedT1 + " outside " + r.summary().t100());
        // offload = 1 - downloads / (N - m): server payload per download is one piece frame
        double expectedDownloads = downloads;
        assertTrue(StatBounds.covers999(r.summary().serverPieces(), expectedDownloads),
                () -> expectedDownloads + " outside " + r.summary().serverPieces());
        double expectedOffload = 1 - downloads / (n - 1);
        assertTrue(StatBounds.covers999(r.summary().offload(), expectedOffload),
                () -> expectedOffload + " outside " + r.summary().offload());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(ProtocolImplementation.class)
    void clientServerOnlyIsTheMaximumOfExponentials(ProtocolImplementation impl) {
        int n = 30;
        double mu = 2e-3;
        SimulationResult r = Simulator.run(hybrid(n, 1e-3, mu, impl).withBaseline(Baseline.CLIENT_SERVER), 4, 300,
                ProgressListener.NONE);
        double harmonic = 0;
        for (int i = 1; i <= n - 1; i++) {
            harmonic += 1.0 / i;
        }
        double expected = harmonic / mu;
        assertTrue(StatBounds.covers999(r.summary().t100(), expected), () -> expected + " outside " + r.summary().t100());
        assertEquals(0.0, r.summary().offload().mean());
        assertEquals(0.0, r.summary().bytes().get("peerPayload").mean());
    }

    @Test
    void bitTorrentSwarmWithoutSeedsStops() {
        Scenario sc = Scenario.builder().devices(10).initialHolders(0).instantaneous(true).serverRate(0)
                .implementation(ProtocolImplementation.IDEAL).baseline(Baseline.BITTORRENT).build();
        ReplicationResult r = Simulator.replicate(sc, 1, 0);
        assertEquals(0, r.installTimes().length);
        assertEquals(0L, r.totalBytes() - r.bytes().get("manifests"));
    }

    @Test
    void bitTorrentSwarmCompletesNoFasterThanDoublingAllows() {
        int n = 64;
        int slots = 2;
        Scenario sc = Scenario.builder().devices(n).initialHolders(1).pieces(4).sizeBytes(4000).bandwidth(1000)
                .uploadSlots(slots).durationSeconds(10_000).implementation(ProtocolImplementation.IDEAL)
                .baseline(Baseline.BITTORRENT).build();
        SimulationResult r = Simulator.run(sc, 2, 20, ProgressListener.NONE);
        double tau = 1000.0 * slots / 1000;   // piece bytes * slots / bandwidth
        // pieces in the swarm grow at most by a factor (1 + slots) per round: N * K pieces need
        // at least log_{1+slots}(N * K / K) rounds beyond the K the seed must send
        double rounds = Math.ceil(Math.log(n) / Math.log(1 + slots));
        assertEquals(20, r.summary().t100().n(), "every replication completes");
        assertTrue(r.summary().t100().ciLow() >= rounds * tau, () -> "T100 " + r.summary().t100());
        assertEquals(1.0, r.summary().offload().mean());
        // every learner received each piece exactly once: payload = (N - 1) K piece frames
        assertEquals((n - 1) * 4.0 * (16 + 41 + 1000), r.summary().bytes().get("peerPayload").mean(), 1e-9);
    }

    static Scenario bitTorrent(int n, int seeds, double mu, boolean instantaneous) {
        return Scenario.builder().devices(n).initialHolders(seeds).instantaneous(instantaneous).pieces(4)
                .sizeBytes(4000).bandwidth(1000).uploadSlots(1).durationSeconds(1e6).serverRate(mu)
                .implementation(ProtocolImplementation.IDEAL).baseline(Baseline.BITTORRENT).build();
    }

    /**
     * Instantaneous transfers, one seed, N - 1 leechers, a server: rounds take no time, so the peers
     * hand the release to everyone at time 0 before any server reach (probability 1 - exp(-mu 0) =
     * 0). Every piece comes from peers: offload exactly 1, whatever mu.
     */
    @Test
    void bitTorrentSwarmWithASeedAndInstantTransfersNeedsNoServer() {
        int n = 40;
        for (double mu : new double[] {5e-5, 1e-3, 1e-1}) {
            SimulationResult r = Simulator.run(bitTorrent(n, 1, mu, true), 5, 8, ProgressListener.NONE);
            for (ReplicationResult rep : r.replications()) {
                assertEquals(0L, rep.serverPieces(), "mu " + mu);
                assertEquals(1.0, rep.offload(), "mu " + mu);
                assertEquals(n, rep.installTimes().length);
                assertEquals(0.0, rep.rolloutTime(1.0));
            }
        }
    }

    /**
     * Instantaneous transfers, no seed: nothing moves until the first server reach, which comes
     * after Exp(N mu); that device gets all K pieces from the server and becomes the one seed, and
     * the other N - 1 get theirs from peers at once. So exactly K server pieces, offload exactly
     * (N - 1) / N (pieces of equal size) and E[T_1] = 1 / (N mu).
     */
    @Test
    void bitTorrentSwarmWithoutSeedTakesOneServerDownloadThenPeers() {
        int n = 20;
        double mu = 1e-3;
        SimulationResult r = Simulator.run(bitTorrent(n, 0, mu, true), 9, 200, ProgressListener.NONE);
        for (ReplicationResult rep : r.replications()) {
            assertEquals(4L, rep.serverPieces());
            assertEquals((n - 1.0) / n, rep.offload(), 1e-12);
        }
        double expected = 1 / (n * mu);
        assertTrue(StatBounds.covers999(r.summary().t100(), expected), () -> expected + " outside " + r.summary().t100());
    }

    /**
     * Timed rounds (tau = piece bytes x slots / bandwidth = 1 s), one seed, 39 leechers, mu =
     * 1e-3: each leecher reaches the server with probability 1 - exp(-mu tau) < 1e-3 per round and
     * the swarm needs a few dozen rounds at most, so the expected server share is about 1 %; at
     * least (N - 1) / N of the payload must come from peers on average over 40 replications.
     */
    @Test
    void bitTorrentSwarmWithTimedRoundsServesMostPiecesFromPeers() {
        int n = 40;
        SimulationResult r = Simulator.run(bitTorrent(n, 1, 1e-3, false), 13, 40, ProgressListener.NONE);
        assertEquals(40, r.summary().t100().n(), "every replication completes");
        assertTrue(r.summary().offload().mean() >= (n - 1.0) / n, () -> "offload " + r.summary().offload());
    }
}
