package org.p2prollout.validation.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.model.rates.PipelineOptions;
import org.p2prollout.protocol.SoftwareId;
import org.p2prollout.protocol.Version;
import org.p2prollout.protocol.manifest.Publisher;
import org.p2prollout.protocol.manifest.Release;
import org.p2prollout.protocol.wire.ManifestResponse;
import org.p2prollout.protocol.wire.WireCodec;
import org.p2prollout.validation.sim.ReplicationResult;
import org.p2prollout.validation.sim.SimulationResult;
import org.p2prollout.validation.sim.scenario.Scenario;
import org.p2prollout.validation.sim.scenario.Scenario.MobilityModel;
import org.p2prollout.validation.sim.scenario.Scenario.ProtocolImplementation;
import org.p2prollout.validation.sim.scenario.ScenarioBuilder;

/**
 * The traffic fit's message sizes against the wire layout of docs/PROTOCOL.md added up by hand and
 * against a manifest the codec encodes, and its predicted overhead against the reference protocol
 * simulated.
 */
class TrafficFitTest {

    @Test
    void messageSizesAreTheDocumentedLayoutPlusTheFrameHeader() {
        // h = 16, "firmware" (8 bytes), K = 3, 8 met peers (docs/PROTOCOL.md, "Messages")
        Scenario sc = Scenario.builder().frameHeaderBytes(16).releaseName("firmware").pieces(3).sizeBytes(3000)
                .recentPeers(8).build();
        TrafficFit.MessageSizes s = TrafficFit.MessageSizes.of(sc);
        assertEquals(16 + 1 + 32, s.manifestRequest());
        // tag + u32 length + body (name 1 + 8, version 6, deps 2, priority 4, issued 8, expires 8, size 8,
        // piece size 4, count 4, 3 x 32) + signature 64
        int body = 1 + 8 + 6 + 2 + 4 + 8 + 8 + 8 + 4 + 4 + 3 * 32;
        assertEquals(16 + 1 + 4 + body + 64, s.manifestResponse());
        assertEquals(16 + 1 + 32 + 4, s.pieceRequest());
        assertEquals(16 + 1 + 32 + 4 + 4, s.pieceHeader());
        // flags, three u16 counts, one item (1 + 8 + 6 + 32), 8 peer ids of 8 bytes
        assertEquals(16 + 1 + 1 + 6 + (1 + 8 + 6 + 32) + 8 * 8, s.announcement());
        // certificate: id 8, key 32, publisher signature 64; hello: tag, certificate, signature
        assertEquals(16 + 1 + 104 + 64, s.hello());
        assertEquals(16 + 1 + 2, s.reportFixed());
        assertEquals(104 + 32 + 1 + 8 + 64, s.reportOutcome());
    }

    @Test
    void theManifestSizeIsTheEncodedManifestsAndNamesCountInUtf8Bytes() {
        String name = "fïrmwäre";   // 8 characters, 10 UTF-8 bytes
        for (int pieces : new int[] {1, 3, 20}) {
            Scenario sc = Scenario.builder().frameHeaderBytes(0).releaseName(name).pieces(pieces)
                    .sizeBytes(100L * pieces).build();
            Release r = Publisher.fromSeed(3).syntheticRelease(SoftwareId.of(name), Version.of(2, 0, 0), List.of(), 0,
                    100 * pieces, 100, 9);
            assertEquals(WireCodec.encode(new ManifestResponse(r.manifest())).length,
                    TrafficFit.MessageSizes.of(sc).manifestResponse(), "K=" + pieces);
        }
    }

    @Test
    void theMetLastListFillsAsDistinctPeersAreMet() {
        // no time simulated: nothing to average, the configured length
        assertEquals(8, TrafficFit.meanMetLast(20, 8, 1e-3, 0), 0);
        // 1000 contacts per device among 19 others: the list is full from c* = ln(11/19) / ln(18/19) contacts
        // on (19 (1 - q^c*) = 8); before, the deficit 8 - 19 (1 - q^c) integrates to
        // -11 c* + 19 (q^c* - 1) / ln q, over 1000 contacts in all
        double q = 18.0 / 19;
        double full = Math.log(11.0 / 19) / Math.log(q);
        double deficit = -11 * full + 19 * (Math.pow(q, full) - 1) / Math.log(q);
        // trapezoid rule, 400 steps of h = 2.5 contacts: error at most (c* h^2 max|f''| / 12 + h^2 |jump of f'| / 8)
        // / 1000 with f'' = 19 ln(q)^2 q^c <= 0.056 and the slope's jump at c* 11 |ln q| = 0.59: 7.5e-4
        assertEquals(8 - deficit / 1000, TrafficFit.meanMetLast(20, 8, 1, 1000), 7.5e-4);
        // one contact in the whole run: the mean of min(8, 19 (1 - (18/19)^(t/T))) over [0, T], by hand
        // ∫0^1 19 (1 - q^x) dx = 19 (1 - (q - 1) / ln q), q = 18/19
        assertEquals(19 * (1 - (q - 1) / Math.log(q)), TrafficFit.meanMetLast(20, 8, 1e-3, 1000), 1e-5);
    }

    /**
     * A small well-mixed fleet on the reference protocol, 4 seeds of 10 replications: the model's
     * overhead lies in the 99.9 % Student interval of the simulated mean overhead (t_{0.9995, 9} =
     * 4.781) on every seed. Instantaneous transfers and no failures: every term but the
     * announcement sizes of devices downloading is exact, so the model's bias (about 0.1 %) is well
     * inside the interval (about ±0.4 %); with the old literal sizes it was 2.5 % low.
     */
    @Test
    void referenceOverheadIsInsideTheSimulationsIntervalOnSeveralSeeds() {
        for (long seed = 1; seed <= 4; seed++) {
            Scenario sc = smallFleet().build();
            double[] sim = new double[2];
            double predicted = predictedOverhead(sc, seed, 10, sim);
            double halfWidth = 4.781 * sim[1] / Math.sqrt(10);
            long s = seed;
            assertTrue(Math.abs(predicted - sim[0]) <= halfWidth, () -> "seed " + s + ": predicted " + predicted
                    + ", simulated " + sim[0] + " ± " + halfWidth);
        }
    }

    /**
     * With installs that can fail the reference devices sign their outcomes and gossip them in install
     * reports, most of the bytes here (about 2.4 of the overhead's 3.1). The report term is an
     * approximation (a device knows every outcome so far; measured +6 % on this case's
     * announcements and reports), so the check is the case's 25 % overhead tolerance and 15 % on those
     * bytes; without the term the prediction was 1.09 against 3.1.
     */
    @Test
    void signedInstallReportsAreCounted() {
        Scenario sc = smallFleet().installFailureProbability(0.05).build();
        CaseSpec spec = CaseSpec.of("reports", "", ModelKind.SINGLE_PIECE, sc, 12, 5, Tolerances.DEFAULT);
        CaseResult r = new CaseRunner().run(spec, ProgressListener.NONE);
        var overhead = r.comparison("overhead").orElseThrow();
        assertTrue(Math.abs(overhead.predicted() / overhead.simulated() - 1) <= Tolerances.DEFAULT.overhead(),
                overhead::toString);
        assertTrue(overhead.simulated() > 2, overhead::toString);
        double predicted = r.predictedBytes().get("announcements");
        double simulated = r.simulatedBytes().get("announcements");
        assertTrue(Math.abs(predicted / simulated - 1) <= 0.15, () -> predicted + " vs " + simulated);
    }

    /** 20 devices, random walk at 10-20 m/s on 1.5 km, one piece of 100 kB, a server, the reference protocol. */
    private static ScenarioBuilder smallFleet() {
        return Scenario.builder().devices(20).initialHolders(1).mobility(MobilityModel.RANDOM_WALK).area(1500)
                .speedMinMetersPerSecond(10).speedMaxMetersPerSecond(20).stepSeconds(30).durationSeconds(8000)
                .rangeMeters(100).instantaneous(true).pieces(1).sizeBytes(100_000)
                .implementation(ProtocolImplementation.REFERENCE).serverRate(1e-4);
    }

    /** The fitted model's overhead; {@code simulated} receives the replications' mean and standard deviation. */
    private static double predictedOverhead(Scenario scenario, long seed, int replications, double[] simulated) {
        CaseSpec spec = CaseSpec.of("overhead", "", ModelKind.SINGLE_PIECE, scenario, replications, seed,
                Tolerances.DEFAULT);
        SimulationResult sim = CaseRunner.simulate(CaseRunner.withContactLog(scenario), spec, ProgressListener.NONE);
        ContactLogRates rates = ContactLogRates.of(sim, PipelineOptions.DEFAULT);
        ModelFit fit = TrafficFit.withTraffic(ModelKind.SINGLE_PIECE.fit(sim, rates, false), sim, rates);
        double[] o = sim.replications().stream().mapToDouble(ReplicationResult::overheadRatio).toArray();
        double mean = java.util.Arrays.stream(o).average().orElseThrow();
        double ss = java.util.Arrays.stream(o).map(x -> (x - mean) * (x - mean)).sum();
        simulated[0] = mean;
        simulated[1] = Math.sqrt(ss / (o.length - 1));
        return fit.predictedOverhead();
    }
}
